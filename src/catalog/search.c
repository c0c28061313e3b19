/*
 * Catalog: paged, filtered searches over assets, findings and tags, run
 * listing and the entity counts of the service's API and metrics
 * (catalog.h), as portable SQL over db.h.
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
    dm_buf b = DM_BUF_INIT;
    dm_buf_printf(&b, "%s", prefix);
    for (const char *p = s; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            dm_buf_putc(&b, '\\');
        dm_buf_putc(&b, *p);
    }
    dm_buf_printf(&b, "%s", suffix);
    return dm_buf_steal(&b);
}

/* WHERE clause and its values for q; returns the number of values. */
static size_t search_where(const dm_asset_search *q, dm_buf *sql, dm_db_val *vals, char **owned)
{
    size_t nv = 0;
    dm_buf_printf(sql, " FROM assets a JOIN sources s ON s.id = a.source_id WHERE a.deleted_at IS NULL");
    if (q->state && strcmp(q->state, "failed") == 0) {
        dm_buf_printf(sql, " AND a.last_error IS NOT NULL");     /* its last crawl/classify failed */
    } else if (q->state) {
        dm_buf_printf(sql, " AND a.state = ?");
        vals[nv++] = DV_T(q->state);
    }
    if (q->source) {
        dm_buf_printf(sql, " AND s.name = ?");
        vals[nv++] = DV_T(q->source);
    }
    if (q->text) {
        owned[0] = like_pattern("%", q->text, "%");
        dm_buf_printf(sql, " AND (a.name LIKE ? ESCAPE '\\' OR a.location LIKE ? ESCAPE '\\')");
        vals[nv++] = DV_T(owned[0]);
        vals[nv++] = DV_T(owned[0]);
    }
    if (q->entity) {
        owned[1] = like_pattern("%\"", q->entity, "\"%");
        dm_buf_printf(sql, " AND EXISTS (SELECT 1 FROM tables t JOIN columns c ON c.table_id = t.id "
                                 "WHERE t.asset_id = a.id AND t.deleted_at IS NULL AND c.removed = 0 "
                                 "AND c.entities LIKE ? ESCAPE '\\')");
        vals[nv++] = DV_T(owned[1]);
    }
    if (q->tag) {
        const char *eq = strchr(q->tag, '=');
        owned[2] = eq ? dm_xstrndup(q->tag, (size_t)(eq - q->tag)) : dm_xstrdup(q->tag);
        /* key=value: the value in force, not one a stronger origin overrides */
        dm_buf_printf(sql, " AND EXISTS (SELECT 1 FROM tags g WHERE g.asset_id = a.id AND g.key = ?%s)",
                      eq ? " AND g.value = ? AND NOT EXISTS (SELECT 1 FROM tags h WHERE h.asset_id = g.asset_id "
                           "AND h.key = g.key AND " DM_TAG_RANK_SQL("h.origin") " < " DM_TAG_RANK_SQL("g.origin") ")"
                         : "");
        vals[nv++] = DV_T(owned[2]);
        if (eq)
            vals[nv++] = DV_T(eq + 1);
    }
    return nv;
}

/* Grow an array of elements of size sz by one; returns the new element
 * (zeroed). */
static void *grow(void *list, size_t *len, size_t *cap, size_t sz)
{
    if (*len == *cap)
        list = dm_grow_(list, cap, *len + 1, sz);
    memset((char *)list + *len * sz, 0, sz);
    (*len)++;
    return list;
}

typedef struct personal_acc {
    int64_t last_column;
    int64_t ncolumns;
    char **entities;
    size_t n, cap;
} personal_acc;

static void personal_row(dm_db_stmt *st, void *ctx)
{
    personal_acc *acc = ctx;
    int64_t column = dm_db_col_int64(st, 0);
    const char *entity = dm_db_col_text(st, 1);
    if (column != acc->last_column) {     /* rows come by column */
        acc->ncolumns++;
        acc->last_column = column;
    }
    for (size_t i = 0; entity && i < acc->n; i++)
        if (strcmp(acc->entities[i], entity) == 0)
            return;
    if (entity) {
        acc->entities = grow(acc->entities, &acc->n, &acc->cap, sizeof *acc->entities);
        acc->entities[acc->n - 1] = dm_xstrdup(entity);
    }
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

dm_status dm_catalog_asset_personal(dm_catalog *cat, int64_t asset_id, int64_t *ncolumns, char ***entities,
                                    size_t *nentities, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    personal_acc acc = {.last_column = -1};
    bool row = false;
    /* the table's current classification only (classified_run_id), as
     * dm_catalog_findings_list reads it */
    dm_status rc = dm_db_prepare(db,
                                 "SELECT f.column_id, f.entity FROM findings f "
                                 "JOIN tables t ON t.id = f.table_id AND t.classified_run_id = f.run_id "
                                 "JOIN columns c ON c.id = f.column_id "
                                 "LEFT JOIN finding_reviews r ON r.id = f.review_id "
                                 "WHERE t.asset_id = ? AND t.deleted_at IS NULL AND c.removed = 0 "
                                 "AND (r.decision IS NULL OR r.decision <> 'dismissed') ORDER BY f.column_id",
                                 &st, err);
    dm_db_val v[1] = {DV_I(asset_id)};
    if (rc == DM_OK)
        rc = dm_db_bind_vals(st, v, 1, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row)
        personal_row(st, &acc);
    dm_db_finalize(st);
    if (rc != DM_OK) {
        for (size_t i = 0; i < acc.n; i++)
            free(acc.entities[i]);
        free(acc.entities);
        return rc;
    }
    if (acc.n > 1)
        qsort(acc.entities, acc.n, sizeof *acc.entities, cmp_name);
    *ncolumns = acc.ncolumns;
    *entities = acc.entities;
    *nentities = acc.n;
    return DM_OK;
}

typedef void (*row_fn)(dm_db_stmt *st, void *ctx);

/* SELECT COUNT(*) FROM_WHERE into *total, then SELECT COLS FROM_WHERE
 * ORDER BY order LIMIT/OFFSET, calling fn for each row. vals has room for
 * two more values (the page). */
static dm_status paged(dm_catalog *cat, const char *cols, const char *from_where, const char *order, dm_db_val *vals,
                       size_t nv, int64_t limit, int64_t offset, int64_t *total, row_fn fn, void *ctx, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_buf sql = DM_BUF_INIT;
    dm_db_stmt *st = NULL;
    bool row = false;
    *total = 0;
    dm_buf_printf(&sql, "SELECT COUNT(*)%s", from_where);
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
    dm_buf_printf(&sql, "SELECT %s%s ORDER BY %s LIMIT ? OFFSET ?", cols, from_where, order);
    vals[nv] = DV_I(limit > 0 ? limit : INT64_MAX);
    vals[nv + 1] = DV_I(offset > 0 ? offset : 0);
    rc = dm_db_prepare(db, sql.data, &st, err);
    if (rc == DM_OK)
        rc = dm_db_bind_vals(st, vals, nv + 2, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row)
        fn(st, ctx);
out:
    dm_db_finalize(st);
    dm_buf_free(&sql);
    return rc;
}

typedef struct vec {
    void *list;
    size_t len, cap;
} vec;

static void asset_row(dm_db_stmt *st, void *ctx)
{
    vec *v = ctx;
    v->list = grow(v->list, &v->len, &v->cap, sizeof(dm_asset_rec));
    dm_catalog_read_asset(st, &((dm_asset_rec *)v->list)[v->len - 1]);
}

dm_status dm_catalog_asset_search(dm_catalog *cat, const dm_asset_search *q, dm_asset_rec **out, size_t *n,
                                  int64_t *total, dm_error *err)
{
    dm_buf where = DM_BUF_INIT;
    dm_db_val vals[10];
    char *owned[3] = {NULL, NULL, NULL};
    vec v = {0};
    size_t nv = search_where(q, &where, vals, owned);
    dm_status rc = paged(cat, DM_CATALOG_ASSET_COLS, where.data, "s.name, a.name, a.id", vals, nv, q->limit,
                         q->offset, total, asset_row, &v, err);
    dm_buf_free(&where);
    for (int i = 0; i < 3; i++)
        free(owned[i]);
    if (rc != DM_OK) {
        dm_asset_list_free(v.list, v.len);
        v.list = NULL;
        v.len = 0;
    }
    *out = v.list;
    *n = v.len;
    return rc;
}

dm_status dm_catalog_asset_get(dm_catalog *cat, int64_t id, dm_asset_rec *out, dm_error *err)
{
    dm_db_val vals[3] = {DV_I(id)};
    vec v = {0};
    int64_t total = 0;
    memset(out, 0, sizeof *out);
    dm_status rc = paged(cat, DM_CATALOG_ASSET_COLS,
                         " FROM assets a JOIN sources s ON s.id = a.source_id WHERE a.id = ?", "a.id", vals, 1, 1, 0,
                         &total, asset_row, &v, err);
    if (rc == DM_OK && v.len == 0)
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "asset %lld does not exist", (long long)id);
    if (rc == DM_OK) {
        *out = ((dm_asset_rec *)v.list)[0];
        free(v.list);
        return DM_OK;
    }
    dm_asset_list_free(v.list, v.len);
    return rc;
}

static void finding_row(dm_db_stmt *st, void *ctx)
{
    vec *v = ctx;
    v->list = grow(v->list, &v->len, &v->cap, sizeof(dm_finding_hit));
    dm_finding_hit *h = &((dm_finding_hit *)v->list)[v->len - 1];
    h->asset_id = dm_db_col_int64(st, 0);
    h->source = col_dup(st, 1);
    h->asset = col_dup(st, 2);
    h->table = col_dup(st, 3);
    h->column = col_dup(st, 4);
    h->entity = col_dup(st, 5);
    h->matches = dm_db_col_int64(st, 6);
    h->sampled = dm_db_col_int64(st, 7);
    h->ratio = dm_db_col_double(st, 8);
    h->confidence = col_dup(st, 9);
    h->evidence_json = col_dup(st, 10);
    h->classified_at = col_dup(st, 11);
    h->review = col_dup(st, 12);
    h->review_by = col_dup(st, 13);
    h->review_at = col_dup(st, 14);
    h->review_reason = col_dup(st, 15);
    h->allow_listed = dm_db_col_int64(st, 16);
}

dm_status dm_catalog_finding_search(dm_catalog *cat, const dm_finding_search *q, dm_finding_hit **out, size_t *n,
                                    int64_t *total, dm_error *err)
{
    dm_buf where = DM_BUF_INIT;
    dm_db_val vals[8];
    size_t nv = 0;
    vec v = {0};
    dm_buf_printf(&where, " FROM findings f JOIN tables t ON t.id = f.table_id AND t.classified_run_id = f.run_id "
                                "JOIN columns c ON c.id = f.column_id JOIN assets a ON a.id = t.asset_id "
                                "JOIN sources s ON s.id = a.source_id "
                                "LEFT JOIN finding_reviews r ON r.id = f.review_id "
                                "WHERE c.removed = 0 AND t.deleted_at IS NULL AND a.deleted_at IS NULL");
    if (q->entity) {
        dm_buf_printf(&where, " AND f.entity = ?");
        vals[nv++] = DV_T(q->entity);
    }
    if (q->source) {
        dm_buf_printf(&where, " AND s.name = ?");
        vals[nv++] = DV_T(q->source);
    }
    if (q->asset_id > 0) {
        dm_buf_printf(&where, " AND a.id = ?");
        vals[nv++] = DV_I(q->asset_id);
    }
    if (q->confidence) {
        dm_buf_printf(&where, " AND f.confidence = ?");
        vals[nv++] = DV_T(q->confidence);
    }
    dm_status rc = paged(cat,
                         "a.id, s.name, a.name, t.name, c.name, f.entity, f.matches, f.sampled, f.ratio, f.confidence, "
                         "f.evidence_json, t.classified_at, r.decision, r.by_name, r.created_at, r.reason, f.allow_listed",
                         where.data, "s.name, a.name, t.name, c.ordinal, f.entity, f.id", vals, nv, q->limit,
                         q->offset, total, finding_row, &v, err);
    dm_buf_free(&where);
    if (rc != DM_OK) {
        dm_finding_hit_list_free(v.list, v.len);
        v.list = NULL;
        v.len = 0;
    }
    *out = v.list;
    *n = v.len;
    return rc;
}

void dm_finding_hit_list_free(dm_finding_hit *list, size_t n)
{
    for (size_t i = 0; list != NULL && i < n; i++) {
        free(list[i].source);
        free(list[i].asset);
        free(list[i].table);
        free(list[i].column);
        free(list[i].entity);
        free(list[i].confidence);
        free(list[i].evidence_json);
        free(list[i].classified_at);
        free(list[i].review);
        free(list[i].review_by);
        free(list[i].review_at);
        free(list[i].review_reason);
    }
    free(list);
}

static void tag_row(dm_db_stmt *st, void *ctx)
{
    vec *v = ctx;
    v->list = grow(v->list, &v->len, &v->cap, sizeof(dm_tag_hit));
    dm_tag_hit *h = &((dm_tag_hit *)v->list)[v->len - 1];
    h->asset_id = dm_db_col_int64(st, 0);
    h->source = col_dup(st, 1);
    h->asset = col_dup(st, 2);
    h->key = col_dup(st, 3);
    h->value = col_dup(st, 4);
    h->origin = col_dup(st, 5);
    h->updated_at = col_dup(st, 6);
    h->overridden_by = col_dup(st, 7);
}

/* The origin whose value for tag g's key wins over g's (the strongest of
 * the stronger ones), NULL when g is in force. */
#define OVERRIDER_SQL                                                                                                  \
    " (SELECT h.origin FROM tags h WHERE h.asset_id = g.asset_id AND h.key = g.key AND " DM_TAG_RANK_SQL(          \
        "h.origin") " < " DM_TAG_RANK_SQL("g.origin") " ORDER BY " DM_TAG_RANK_SQL("h.origin") " LIMIT 1)"

dm_status dm_catalog_tag_search(dm_catalog *cat, const dm_tag_search *q, dm_tag_hit **out, size_t *n, int64_t *total,
                                dm_error *err)
{
    dm_buf where = DM_BUF_INIT;
    dm_db_val vals[8];
    size_t nv = 0;
    vec v = {0};
    dm_buf_printf(&where, " FROM tags g JOIN assets a ON a.id = g.asset_id JOIN sources s ON s.id = a.source_id "
                                "WHERE a.deleted_at IS NULL");
    if (q->key) {
        dm_buf_printf(&where, " AND g.key = ?");
        vals[nv++] = DV_T(q->key);
    }
    if (q->value) {
        dm_buf_printf(&where, " AND g.value = ? AND" OVERRIDER_SQL " IS NULL");
        vals[nv++] = DV_T(q->value);
    }
    if (q->source) {
        dm_buf_printf(&where, " AND s.name = ?");
        vals[nv++] = DV_T(q->source);
    }
    if (q->asset_id > 0) {
        dm_buf_printf(&where, " AND a.id = ?");
        vals[nv++] = DV_I(q->asset_id);
    }
    dm_status rc = paged(cat, "a.id, s.name, a.name, g.key, g.value, g.origin, g.updated_at, " OVERRIDER_SQL,
                         where.data, "s.name, a.name, g.key, " DM_TAG_RANK_SQL("g.origin") ", g.origin", vals, nv,
                         q->limit, q->offset, total, tag_row, &v, err);
    dm_buf_free(&where);
    if (rc != DM_OK) {
        dm_tag_hit_list_free(v.list, v.len);
        v.list = NULL;
        v.len = 0;
    }
    *out = v.list;
    *n = v.len;
    return rc;
}

void dm_tag_hit_list_free(dm_tag_hit *list, size_t n)
{
    for (size_t i = 0; list != NULL && i < n; i++) {
        free(list[i].source);
        free(list[i].asset);
        free(list[i].key);
        free(list[i].value);
        free(list[i].origin);
        free(list[i].updated_at);
        free(list[i].overridden_by);
    }
    free(list);
}

dm_status dm_catalog_run_count(dm_catalog *cat, int64_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    *n = 0;
    dm_status rc = dm_db_prepare(dm_catalog_db(cat), "SELECT count(*) FROM runs", &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row)
        *n = dm_db_col_int64(st, 0);
    dm_db_finalize(st);
    return rc;
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
        DM_GROW(list, cap, len + 1);
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

dm_status dm_catalog_change_mark(dm_catalog *cat, char **mark, bool *open, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    *mark = NULL;
    *open = false;
    dm_status rc = dm_db_prepare(dm_catalog_db(cat),
                                 "SELECT (SELECT COALESCE(MAX(id), 0) FROM runs), "
                                 "(SELECT COUNT(*) FROM runs WHERE ended_at IS NULL), "
                                 "(SELECT COALESCE(MAX(id), 0) FROM tag_history), "
                                 "(SELECT COUNT(*) FROM sources), (SELECT COALESCE(MAX(id), 0) FROM sources), "
                                 "(SELECT COALESCE(MAX(id), 0) FROM finding_reviews)",
                                 &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        *open = dm_db_col_int64(st, 1) > 0;
        *mark = dm_xasprintf("%lld/%lld/%lld/%lld/%lld/%lld", (long long)dm_db_col_int64(st, 0),
                             (long long)dm_db_col_int64(st, 1), (long long)dm_db_col_int64(st, 2),
                             (long long)dm_db_col_int64(st, 3), (long long)dm_db_col_int64(st, 4),
                             (long long)dm_db_col_int64(st, 5));
    }
    dm_db_finalize(st);
    return rc;
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
        DM_GROW(list, cap, len + 1);
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
