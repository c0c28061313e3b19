/*
 * Human review of findings: dismiss, confirm, undo, and the lapse of a
 * decision when the column's schema or value shape changes (catalog.h,
 * "reviews"). The history is finding_reviews (never deleted); the decision
 * in force on a finding is findings.review_id.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog_impl.h"
#include "catalog/evidence.h"
#include "core/hash.h"
#include "core/mem.h"

#define ARGS(...) (const dm_db_val[]){__VA_ARGS__}, sizeof((const dm_db_val[]){__VA_ARGS__}) / sizeof(dm_db_val)

static dm_status open_q(dm_db *db, const char *sql, const dm_db_val *vals, size_t n, dm_db_stmt **st, dm_error *err)
{
    dm_status rc = dm_db_prepare(db, sql, st, err);
    if (rc == DM_OK && n > 0 && (rc = dm_db_bind_vals(*st, vals, n, err)) != DM_OK) {
        dm_db_finalize(*st);
        *st = NULL;
    }
    return rc;
}

static dm_status exec_q(dm_db *db, const char *sql, const dm_db_val *vals, size_t n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = true;
    dm_status rc = open_q(db, sql, vals, n, &st, err);
    while (rc == DM_OK && row)
        rc = dm_db_step(st, &row, err);
    dm_db_finalize(st);
    return rc;
}

static char *dup_col(dm_db_stmt *st, int col)
{
    const char *s = dm_db_col_text(st, col);
    return s ? dm_xstrdup(s) : NULL;
}

static bool blank(const char *s)
{
    if (s == NULL)
        return true;
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

/* ---- value shape -------------------------------------------------------- */

static void shape_key(const char *v, dm_buf *out)
{
    char last = '\0';
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        char c = isalpha(*p) || *p >= 0x80 ? 'a' : isdigit(*p) ? '9' : (char)*p;
        if (c != last)
            dm_buf_putc(out, c);
        last = c;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void dm_review_shape(const char *evidence_json, char out[17])
{
    json_t *arr = dm_evidence_parse(evidence_json, NULL, NULL);
    size_t n = json_array_size(arr);
    char **keys = dm_xcalloc(n + 1, sizeof *keys);
    size_t nk = 0;
    for (size_t i = 0; i < n; i++) {
        const char *v = json_string_value(json_array_get(arr, i));
        if (v == NULL)
            continue;
        dm_buf b = DM_BUF_INIT;
        dm_buf_reserve(&b, 1);
        shape_key(v, &b);
        dm_buf_putc(&b, '\0');
        keys[nk++] = dm_buf_steal(&b);
    }
    qsort(keys, nk, sizeof *keys, cmp_str);
    uint64_t h = DM_FNV64_INIT;
    for (size_t i = 0; i < nk; i++) {
        if (i > 0 && strcmp(keys[i], keys[i - 1]) == 0)
            continue;   /* a set: the same shape twice counts once */
        h = dm_fnv64_str(h, keys[i]);
        h = dm_fnv64_byte(h, '\n');
    }
    for (size_t i = 0; i < nk; i++)
        free(keys[i]);
    free(keys);
    json_decref(arr);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- applying decisions at classification -------------------------------- */

typedef struct cur_finding {
    int64_t id, column_id;
    char *entity, *evidence;
} cur_finding;

dm_status dm_catalog_reviews_apply(dm_catalog *cat, int64_t table_id, int64_t run_id, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    cur_finding *fs = NULL;
    size_t nf = 0, cap = 0;
    bool row = false, any_dismissed = false;
    int64_t version = 0;
    char now[32];
    dm_catalog_now(cat, now);
    dm_status rc = open_q(db, "SELECT schema_version FROM tables WHERE id = ?", ARGS(DV_I(table_id)), &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row)
        version = dm_db_col_int64(st, 0);
    dm_db_finalize(st);
    st = NULL;
    if (rc != DM_OK)
        return rc;
    rc = open_q(db, "SELECT id, column_id, entity, evidence_json FROM findings WHERE table_id = ? AND run_id = ?",
                ARGS(DV_I(table_id), DV_I(run_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        DM_GROW(fs, cap, nf + 1);
        fs[nf++] = (cur_finding){dm_db_col_int64(st, 0), dm_db_col_int64(st, 1), dup_col(st, 2), dup_col(st, 3)};
    }
    dm_db_finalize(st);
    st = NULL;
    for (size_t i = 0; i < nf && rc == DM_OK; i++) {
        int64_t rid = 0, sv = 0;
        char *decision = NULL, *shape = NULL;
        rc = open_q(db,
                    "SELECT id, decision, schema_version, shape FROM finding_reviews "
                    "WHERE column_id = ? AND entity = ? ORDER BY id DESC LIMIT 1",
                    ARGS(DV_I(fs[i].column_id), DV_T(fs[i].entity)), &st, err);
        if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
            rid = dm_db_col_int64(st, 0);
            decision = dup_col(st, 1);
            sv = dm_db_col_int64(st, 2);
            shape = dup_col(st, 3);
        }
        dm_db_finalize(st);
        st = NULL;
        if (rc == DM_OK && decision != NULL &&
            (strcmp(decision, DM_REVIEW_DISMISSED) == 0 || strcmp(decision, DM_REVIEW_CONFIRMED) == 0)) {
            char now_shape[17];
            dm_review_shape(fs[i].evidence, now_shape);
            if (sv == version && strcmp(shape, now_shape) == 0) {
                rc = exec_q(db, "UPDATE findings SET review_id = ? WHERE id = ?", ARGS(DV_I(rid), DV_I(fs[i].id)),
                            err);
                any_dismissed |= strcmp(decision, DM_REVIEW_DISMISSED) == 0;
            } else {
                char why[160];
                if (sv != version)
                    snprintf(why, sizeof why, "%s lapsed: schema version %lld -> %lld", decision, (long long)sv,
                             (long long)version);
                else
                    snprintf(why, sizeof why, "%s lapsed: value shape %s -> %s", decision, shape, now_shape);
                rc = exec_q(db,
                            "INSERT INTO finding_reviews (table_id, column_id, entity, decision, by_name, reason, "
                            "schema_version, shape, created_at) VALUES (?, ?, ?, 'lapsed', 'datamap', ?, ?, ?, ?)",
                            ARGS(DV_I(table_id), DV_I(fs[i].column_id), DV_T(fs[i].entity), DV_T(why),
                                 DV_I(version), DV_T(now_shape), DV_T(now)),
                            err);
            }
        }
        free(decision);
        free(shape);
    }
    for (size_t i = 0; i < nf; i++) {
        free(fs[i].entity);
        free(fs[i].evidence);
    }
    free(fs);
    if (rc == DM_OK && any_dismissed)
        rc = dm_catalog_columns_refresh(cat, table_id, err);
    return rc;
}

/* ---- recording a decision ---------------------------------------------------- */

/* The live table and column named by r: ids and the table's schema version. */
static dm_status resolve(dm_db *db, const dm_review_put *r, int64_t *table_id, int64_t *column_id, int64_t *version,
                         dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    int64_t asset_id = 0;
    size_t nasset = 0;
    const char *label = r->asset;
    char full[512];
    if (r->source) {
        snprintf(full, sizeof full, "%s/%s", r->source, r->asset);
        label = full;
    }
    /* two texts, not "? IS NULL OR ...": PostgreSQL cannot type that parameter (db.h) */
    dm_status rc = r->source ? open_q(db,
                                      "SELECT a.id FROM assets a JOIN sources s ON s.id = a.source_id "
                                      "WHERE a.name = ? AND a.deleted_at IS NULL AND s.removed_at IS NULL "
                                      "AND s.name = ?",
                                      ARGS(DV_T(r->asset), DV_T(r->source)), &st, err)
                             : open_q(db,
                                      "SELECT a.id FROM assets a JOIN sources s ON s.id = a.source_id "
                                      "WHERE a.name = ? AND a.deleted_at IS NULL AND s.removed_at IS NULL",
                                      ARGS(DV_T(r->asset)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        asset_id = dm_db_col_int64(st, 0);
        nasset++;
    }
    dm_db_finalize(st);
    if (rc != DM_OK)
        return rc;
    if (nasset == 0)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "no asset named '%s' (see `datamap catalog`)", label);
    if (nasset > 1)
        return DM_FAIL(err, DM_ERR_ARG, "%zu assets are named '%s': name it as SOURCE/NAME", nasset, label);
    row = false;
    rc = open_q(db, "SELECT id, schema_version FROM tables WHERE asset_id = ? AND name = ? AND deleted_at IS NULL",
                ARGS(DV_I(asset_id), DV_T(r->table)), &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        *table_id = dm_db_col_int64(st, 0);
        *version = dm_db_col_int64(st, 1);
    }
    dm_db_finalize(st);
    if (rc != DM_OK)
        return rc;
    if (!row)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "asset '%s' has no table '%s'", label, r->table);
    row = false;
    rc = open_q(db, "SELECT id FROM columns WHERE table_id = ? AND name = ? AND removed = 0",
                ARGS(DV_I(*table_id), DV_T(r->column)), &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row)
        *column_id = dm_db_col_int64(st, 0);
    dm_db_finalize(st);
    if (rc != DM_OK)
        return rc;
    if (!row)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "table '%s' of asset '%s' has no column '%s'", r->table, label,
                       r->column);
    return DM_OK;
}

dm_status dm_catalog_review_put(dm_catalog *cat, const dm_review_put *r, int64_t *id, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    int64_t table_id = 0, column_id = 0, version = 0, finding_id = 0, review_id = 0;
    char *evidence = NULL, *in_force = NULL;
    bool row = false;
    char now[32], shape[17];
    if (blank(r->asset) || blank(r->table) || blank(r->column) || blank(r->entity))
        return DM_FAIL(err, DM_ERR_ARG, "a review names an asset, a table, a column and an entity");
    if (r->decision == NULL || (strcmp(r->decision, DM_REVIEW_DISMISSED) && strcmp(r->decision, DM_REVIEW_CONFIRMED) &&
                                strcmp(r->decision, DM_REVIEW_UNDONE)))
        return DM_FAIL(err, DM_ERR_ARG, "decision '%s': dismissed, confirmed or undone",
                       r->decision ? r->decision : "");
    if (blank(r->reason))
        return DM_FAIL(err, DM_ERR_ARG, "a review needs a reason");
    if (blank(r->by))
        return DM_FAIL(err, DM_ERR_ARG, "a review needs a reviewer name (by)");
    dm_catalog_now(cat, now);
    dm_status rc = dm_db_begin(db, err);
    if (rc != DM_OK)
        return rc;
    if ((rc = resolve(db, r, &table_id, &column_id, &version, err)) != DM_OK)
        goto out;
    rc = open_q(db,
                "SELECT f.id, f.evidence_json, f.review_id, rv.decision FROM findings f "
                "JOIN tables t ON t.id = f.table_id AND t.classified_run_id = f.run_id "
                "LEFT JOIN finding_reviews rv ON rv.id = f.review_id "
                "WHERE f.column_id = ? AND f.entity = ?",
                ARGS(DV_I(column_id), DV_T(r->entity)), &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        finding_id = dm_db_col_int64(st, 0);
        evidence = dup_col(st, 1);
        review_id = dm_db_col_int64(st, 2);
        in_force = dup_col(st, 3);
    }
    dm_db_finalize(st);
    st = NULL;
    if (rc != DM_OK)
        goto out;
    if (!row) {
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "column '%s' of table '%s' has no current finding of %s", r->column,
                     r->table, r->entity);
        goto out;
    }
    bool undo = strcmp(r->decision, DM_REVIEW_UNDONE) == 0;
    if (undo && in_force == NULL) {
        rc = DM_FAIL(err, DM_ERR_ARG, "the %s finding of column '%s' has no decision to undo", r->entity, r->column);
        goto out;
    }
    dm_review_shape(evidence, shape);
    rc = open_q(db,
                "INSERT INTO finding_reviews (table_id, column_id, entity, decision, by_name, reason, "
                "schema_version, shape, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                ARGS(DV_I(table_id), DV_I(column_id), DV_T(r->entity), DV_T(r->decision), DV_T(r->by),
                     DV_T(r->reason), DV_I(version), DV_T(shape), DV_T(now)),
                &st, err);
    row = false;
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row)
        review_id = dm_db_col_int64(st, 0);
    while (rc == DM_OK && row)
        rc = dm_db_step(st, &row, err);
    dm_db_finalize(st);
    st = NULL;
    if (rc == DM_OK)
        rc = exec_q(db, "UPDATE findings SET review_id = ? WHERE id = ?",
                    ARGS(undo ? DV_NULL : DV_I(review_id), DV_I(finding_id)), err);
    if (rc == DM_OK)
        rc = dm_catalog_columns_refresh(cat, table_id, err);
    if (rc == DM_OK && id != NULL)
        *id = review_id;
out:
    free(evidence);
    free(in_force);
    if (rc == DM_OK)
        return dm_db_commit(db, err);
    dm_db_rollback(db);
    return rc;
}

/* ---- history --------------------------------------------------------------------- */

dm_status dm_catalog_review_list(dm_catalog *cat, bool current_only, dm_review_rec **out, size_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    dm_review_rec *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    dm_status rc = open_q(dm_catalog_db(cat),
                          current_only
                              ? "SELECT r.id, s.name, a.name, t.name, c.name, r.entity, r.decision, r.by_name, "
                                "r.reason, r.created_at, r.shape, r.schema_version FROM finding_reviews r "
                                "JOIN tables t ON t.id = r.table_id JOIN assets a ON a.id = t.asset_id "
                                "JOIN sources s ON s.id = a.source_id JOIN columns c ON c.id = r.column_id "
                                "WHERE EXISTS (SELECT 1 FROM findings f WHERE f.review_id = r.id "
                                "AND f.run_id = t.classified_run_id) ORDER BY r.id"
                              : "SELECT r.id, s.name, a.name, t.name, c.name, r.entity, r.decision, r.by_name, "
                                "r.reason, r.created_at, r.shape, r.schema_version FROM finding_reviews r "
                                "JOIN tables t ON t.id = r.table_id JOIN assets a ON a.id = t.asset_id "
                                "JOIN sources s ON s.id = a.source_id JOIN columns c ON c.id = r.column_id "
                                "ORDER BY r.id",
                          NULL, 0, &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        DM_GROW(list, cap, len + 1);
        dm_review_rec *o = &list[len++];
        o->id = dm_db_col_int64(st, 0);
        o->source = dup_col(st, 1);
        o->asset = dup_col(st, 2);
        o->table = dup_col(st, 3);
        o->column = dup_col(st, 4);
        o->entity = dup_col(st, 5);
        o->decision = dup_col(st, 6);
        o->by = dup_col(st, 7);
        o->reason = dup_col(st, 8);
        o->created_at = dup_col(st, 9);
        o->shape = dup_col(st, 10);
        o->schema_version = (int)dm_db_col_int64(st, 11);
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_review_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

void dm_review_list_free(dm_review_rec *list, size_t n)
{
    for (size_t i = 0; list != NULL && i < n; i++) {
        dm_review_rec *r = &list[i];
        free(r->source);
        free(r->asset);
        free(r->table);
        free(r->column);
        free(r->entity);
        free(r->decision);
        free(r->by);
        free(r->reason);
        free(r->created_at);
        free(r->shape);
    }
    free(list);
}
