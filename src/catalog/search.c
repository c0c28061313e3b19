/*
 * Catalog: paged, filtered asset search, run listing and the entity counts
 * of the service's API and metrics (catalog.h), as portable SQL over db.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"
#include "catalog/catalog_impl.h"
#include "core/mem.h"

static char *col_dup(dm_db_stmt *st, int col)
{
    const char *s = dm_db_col_text(st, col);
    return s ? dm_xstrdup(s) : NULL;
}

/* Escape LIKE's wildcards (with '\' as the ESCAPE character) and wrap in
 * prefix/suffix. */
static char *like_pattern(const char *prefix, const char *s, const char *suffix)
{
    dm_buf b = DM_BUF_INIT(0);
    (void)dm_buf_printf(&b, "%s", prefix);
    for (const char *p = s; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            (void)dm_buf_putc(&b, '\\');
        (void)dm_buf_putc(&b, *p);
    }
    (void)dm_buf_printf(&b, "%s", suffix);
    return dm_buf_steal(&b);
}

/* WHERE clause and its values for q; returns the number of values. */
static size_t search_where(const dm_asset_search *q, dm_buf *sql, dm_db_val *vals, char **owned)
{
    size_t nv = 0;
    (void)dm_buf_printf(sql, " FROM assets a JOIN sources s ON s.id = a.source_id WHERE a.deleted_at IS NULL");
    if (q->state) {
        (void)dm_buf_printf(sql, " AND a.state = ?");
        vals[nv++] = DV_T(q->state);
    }
    if (q->source) {
        (void)dm_buf_printf(sql, " AND s.name = ?");
        vals[nv++] = DV_T(q->source);
    }
    if (q->text) {
        owned[0] = like_pattern("%", q->text, "%");
        (void)dm_buf_printf(sql, " AND (a.name LIKE ? ESCAPE '\\' OR a.location LIKE ? ESCAPE '\\')");
        vals[nv++] = DV_T(owned[0]);
        vals[nv++] = DV_T(owned[0]);
    }
    if (q->entity) {
        owned[1] = like_pattern("%\"", q->entity, "\"%");
        (void)dm_buf_printf(sql, " AND EXISTS (SELECT 1 FROM tables t JOIN columns c ON c.table_id = t.id "
                                 "WHERE t.asset_id = a.id AND t.deleted_at IS NULL AND c.removed = 0 "
                                 "AND c.entities LIKE ? ESCAPE '\\')");
        vals[nv++] = DV_T(owned[1]);
    }
    if (q->tag) {
        const char *eq = strchr(q->tag, '=');
        owned[2] = eq ? dm_xstrndup(q->tag, (size_t)(eq - q->tag)) : dm_xstrdup(q->tag);
        (void)dm_buf_printf(sql, " AND EXISTS (SELECT 1 FROM tags g WHERE g.asset_id = a.id AND g.key = ?%s)",
                            eq ? " AND g.value = ?" : "");
        vals[nv++] = DV_T(owned[2]);
        if (eq)
            vals[nv++] = DV_T(eq + 1);
    }
    return nv;
}

dm_status dm_catalog_asset_search(dm_catalog *cat, const dm_asset_search *q, dm_asset_rec **out, size_t *n,
                                  int64_t *total, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_buf sql = DM_BUF_INIT(0), where = DM_BUF_INIT(0);
    dm_db_val vals[10];
    char *owned[3] = {NULL, NULL, NULL};
    dm_db_stmt *st = NULL;
    dm_asset_rec *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    *total = 0;
    size_t nv = search_where(q, &where, vals, owned);
    (void)dm_buf_printf(&sql, "SELECT COUNT(*)%s", where.data);
    dm_status rc = dm_db_prepare(db, sql.data, &st, err);
    if (rc == DM_OK && nv)
        rc = dm_db_bind_vals(st, vals, nv, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row)
        *total = dm_db_col_int64(st, 0);
    dm_db_finalize(st);
    st = NULL;
    if (rc != DM_OK)
        goto out;
    dm_buf_reset(&sql);
    (void)dm_buf_printf(&sql,
                        "SELECT a.id, a.source_id, s.name, a.name, a.kind, a.location, a.state, a.fingerprint, "
                        "a.first_seen, a.last_seen, a.deleted_at, a.cataloged_at, a.classified_at, a.region, "
                        "a.facts_json%s ORDER BY s.name, a.name, a.id LIMIT ? OFFSET ?",
                        where.data);
    vals[nv] = DV_I(q->limit > 0 ? q->limit : INT64_MAX);
    vals[nv + 1] = DV_I(q->offset > 0 ? q->offset : 0);
    rc = dm_db_prepare(db, sql.data, &st, err);
    if (rc == DM_OK)
        rc = dm_db_bind_vals(st, vals, nv + 2, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        if (len == cap) {
            cap = cap ? 2 * cap : 16;
            list = dm_xrealloc(list, cap * sizeof *list);
        }
        dm_asset_rec *a = &list[len++];
        a->id = dm_db_col_int64(st, 0);
        a->source_id = dm_db_col_int64(st, 1);
        a->source_name = col_dup(st, 2);
        a->name = col_dup(st, 3);
        a->kind = col_dup(st, 4);
        a->location = col_dup(st, 5);
        a->state = col_dup(st, 6);
        a->fingerprint = col_dup(st, 7);
        a->first_seen = col_dup(st, 8);
        a->last_seen = col_dup(st, 9);
        a->deleted_at = col_dup(st, 10);
        a->cataloged_at = col_dup(st, 11);
        a->classified_at = col_dup(st, 12);
        a->region = col_dup(st, 13);
        a->facts_json = col_dup(st, 14);
    }
out:
    dm_db_finalize(st);
    dm_buf_free(&sql);
    dm_buf_free(&where);
    for (int i = 0; i < 3; i++)
        free(owned[i]);
    if (rc != DM_OK) {
        dm_asset_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

dm_status dm_catalog_run_list(dm_catalog *cat, int64_t limit, int64_t offset, dm_run_rec **out, size_t *n,
                              dm_error *err)
{
    dm_db_stmt *st = NULL;
    dm_run_rec *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    dm_status rc = dm_db_prepare(dm_catalog_db(cat),
                                 "SELECT id, command, status, started_at, ended_at, stats_json FROM runs "
                                 "ORDER BY id DESC LIMIT ? OFFSET ?",
                                 &st, err);
    if (rc == DM_OK)
        rc = dm_db_bind_vals(st, (const dm_db_val[]){DV_I(limit > 0 ? limit : INT64_MAX), DV_I(offset > 0 ? offset : 0)},
                             2, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        if (len == cap) {
            cap = cap ? 2 * cap : 16;
            list = dm_xrealloc(list, cap * sizeof *list);
        }
        dm_run_rec *r = &list[len++];
        r->id = dm_db_col_int64(st, 0);
        r->command = col_dup(st, 1);
        r->status = col_dup(st, 2);
        r->started_at = col_dup(st, 3);
        r->ended_at = col_dup(st, 4);
        r->stats_json = col_dup(st, 5);
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_run_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

void dm_run_list_free(dm_run_rec *list, size_t n)
{
    for (size_t i = 0; list != NULL && i < n; i++) {
        free(list[i].command);
        free(list[i].status);
        free(list[i].started_at);
        free(list[i].ended_at);
        free(list[i].stats_json);
    }
    free(list);
}

dm_status dm_catalog_personal_columns(dm_catalog *cat, char ***entities_json, size_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    char **list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *entities_json = NULL;
    *n = 0;
    dm_status rc = dm_db_prepare(dm_catalog_db(cat),
                                 "SELECT c.entities FROM columns c JOIN tables t ON t.id = c.table_id "
                                 "JOIN assets a ON a.id = t.asset_id WHERE c.removed = 0 AND c.entities <> '[]' "
                                 "AND t.deleted_at IS NULL AND a.deleted_at IS NULL",
                                 &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        if (len == cap) {
            cap = cap ? 2 * cap : 16;
            list = dm_xrealloc(list, cap * sizeof *list);
        }
        list[len++] = col_dup(st, 0);
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        for (size_t i = 0; i < len; i++)
            free(list[i]);
        free(list);
        return rc;
    }
    *entities_json = list;
    *n = len;
    return DM_OK;
}
