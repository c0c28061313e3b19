/*
 * Catalog: the logic behind catalog.h, as portable SQL over db.h.
 *
 * Every function that writes more than one statement runs inside its own
 * nested transaction (a savepoint when the caller has one open), so each one
 * is atomic whether or not the caller wrapped it in dm_catalog_begin/commit,
 * and a failure inside leaves the caller's transaction usable.
 *
 * Times come from now_iso(): the system clock in UTC, or the time pinned by
 * dm_catalog_set_now.
 */
#include "catalog/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <jansson.h>

#include "catalog/catalog_impl.h"
#include "catalog/db.h"
#include "catalog/migrations.h"
#include "core/redact.h"
#include "core/mem.h"

struct dm_catalog {
    dm_db *db;
    char fixed_now[32];     /* "" = system clock */
};

#define DEFAULT_URL "datamap.db"

/* ---- helpers ---------------------------------------------------------- */

/* ARGS(DV_T(a), DV_I(b)) expands to "array, count" for the q_* helpers. */
#define ARGS(...) (const dm_db_val[]){__VA_ARGS__}, sizeof((const dm_db_val[]){__VA_ARGS__}) / sizeof(dm_db_val)
#define NOARGS NULL, 0

#define GROW(arr, n, cap) DM_GROW(arr, cap, (n) + 1)

static void now_iso(dm_catalog *cat, char out[32])
{
    if (cat->fixed_now[0] != '\0') {
        memcpy(out, cat->fixed_now, 32);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Prepare sql with its values bound. */
static dm_status q_open(dm_catalog *cat, const char *sql, const dm_db_val *vals, size_t n, dm_db_stmt **st,
                        dm_error *err)
{
    dm_status rc = dm_db_prepare(cat->db, sql, st, err);
    if (rc == DM_OK && n > 0 && (rc = dm_db_bind_vals(*st, vals, n, err)) != DM_OK) {
        dm_db_finalize(*st);
        *st = NULL;
    }
    return rc;
}

/* Run a statement to its end. */
static dm_status q_exec(dm_catalog *cat, const char *sql, const dm_db_val *vals, size_t n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = true;
    dm_status rc = q_open(cat, sql, vals, n, &st, err);
    while (rc == DM_OK && row)
        rc = dm_db_step(st, &row, err);
    dm_db_finalize(st);
    return rc;
}

/* Run a statement to its end; *found tells whether it returned a row, and
 * *v receives column 0 of the first row (may be NULL). */
static dm_status q_int(dm_catalog *cat, const char *sql, const dm_db_val *vals, size_t n, int64_t *v, bool *found,
                       dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    *found = false;
    dm_status rc = q_open(cat, sql, vals, n, &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        *found = true;
        if (v != NULL)
            *v = dm_db_col_int64(st, 0);
        while (rc == DM_OK && row)
            rc = dm_db_step(st, &row, err);
    }
    dm_db_finalize(st);
    return rc;
}

/* Re-run a prepared statement with new values. */
static dm_status q_rerun(dm_db_stmt *st, const dm_db_val *vals, size_t n, dm_error *err)
{
    bool row = true;
    dm_db_reset(st);
    dm_status rc = dm_db_bind_vals(st, vals, n, err);
    while (rc == DM_OK && row)
        rc = dm_db_step(st, &row, err);
    return rc;
}

static char *col_dup(dm_db_stmt *st, int col)
{
    const char *s = dm_db_col_text(st, col);
    return s ? dm_xstrdup(s) : NULL;
}

/* Finish a function's own nested transaction: commit on success, else roll
 * back to where it began and pass the failure on. */
static dm_status tx_end(dm_catalog *cat, dm_status rc, dm_error *err)
{
    if (rc == DM_OK)
        return dm_db_commit(cat->db, err);
    dm_db_rollback(cat->db);
    return rc;
}

static bool blank(const char *s)
{
    return s == NULL || s[0] == '\0';
}

/* Append s as a JSON string. */
static void json_str(dm_buf *b, const char *s)
{
    dm_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': dm_buf_append(b, "\\\"", 2); break;
        case '\\': dm_buf_append(b, "\\\\", 2); break;
        case '\n': dm_buf_append(b, "\\n", 2); break;
        case '\r': dm_buf_append(b, "\\r", 2); break;
        case '\t': dm_buf_append(b, "\\t", 2); break;
        default:
            if (*p < 0x20)
                dm_buf_printf(b, "\\u%04x", *p);
            else
                dm_buf_putc(b, (char)*p);
        }
    }
    dm_buf_putc(b, '"');
}

/* Append s as Python's repr() of a str writes it: single quotes unless the
 * text holds a single quote and no double quote (the reference's comment is
 * str() of a Python list, which uses repr for each item). */
static void py_repr(dm_buf *b, const char *s)
{
    char q = strchr(s, '\'') != NULL && strchr(s, '"') == NULL ? '"' : '\'';
    dm_buf_putc(b, q);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\\' || *p == (unsigned char)q) {
            dm_buf_putc(b, '\\');
            dm_buf_putc(b, (char)*p);
        } else if (*p == '\n') {
            dm_buf_append(b, "\\n", 2);
        } else if (*p == '\r') {
            dm_buf_append(b, "\\r", 2);
        } else if (*p == '\t') {
            dm_buf_append(b, "\\t", 2);
        } else if (*p < 0x20 || *p == 0x7f) {
            dm_buf_printf(b, "\\x%02x", *p);
        } else {
            dm_buf_putc(b, (char)*p);
        }
    }
    dm_buf_putc(b, q);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted copy of an id list, for bsearch. */
static int64_t *sorted_ids(const int64_t *ids, size_t n)
{
    int64_t *s = dm_xmalloc((n ? n : 1) * sizeof *s);
    if (n > 0) {
        memcpy(s, ids, n * sizeof *s);
        qsort(s, n, sizeof *s, cmp_i64);
    }
    return s;
}

/* The first name that appears twice in names[0..n), or NULL. */
static const char *first_duplicate(const char *const *names, size_t n)
{
    if (n < 2)
        return NULL;
    const char **s = dm_xmalloc(n * sizeof *s);
    memcpy(s, names, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_str_ptr);
    const char *dup = NULL;
    for (size_t i = 1; i < n && dup == NULL; i++)
        if (strcmp(s[i - 1], s[i]) == 0)
            dup = s[i];
    free(s);
    return dup;
}

/* ---- lifecycle -------------------------------------------------------- */

static dm_status catalog_open(const char *url, bool create, dm_catalog **out, dm_error *err)
{
    dm_db *db = NULL;
    int version = 0;
    *out = NULL;
    url = url ? url : DEFAULT_URL;
    dm_status rc = create ? dm_db_open(url, &db, err) : dm_db_open_existing(url, &db, err);
    if (rc != DM_OK)
        return rc;
    if ((rc = dm_migrations_check(db, &version, err)) != DM_OK)
        goto out;
    /* An empty file (left by an older datamap, or touched) is no catalog
     * either: reading it would only print "0 assets". */
    if (!create && version == 0) {
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "no catalog at %s", url);
        goto out;
    }
    if (db->ops->claim != NULL && (rc = db->ops->claim(db, err)) != DM_OK)
        goto out;
    dm_catalog *cat = dm_xcalloc(1, sizeof *cat);
    cat->db = db;
    *out = cat;
    db = NULL;
out:
    dm_db_close(db);
    return rc;
}

dm_status dm_catalog_open(const char *url, dm_catalog **out, dm_error *err)
{
    return catalog_open(url, true, out, err);
}

dm_status dm_catalog_open_existing(const char *url, dm_catalog **out, dm_error *err)
{
    return catalog_open(url, false, out, err);
}

dm_status dm_catalog_migrate(dm_catalog *cat, dm_error *err)
{
    return dm_migrations_apply(cat->db, NULL, err);
}

int dm_catalog_schema_version(dm_catalog *cat)
{
    int v = 0;
    return dm_migrations_current(cat->db, &v, NULL) == DM_OK ? v : -1;
}

void dm_catalog_close(dm_catalog *cat)
{
    if (cat == NULL)
        return;
    dm_db_close(cat->db);
    free(cat);
}

void dm_catalog_set_now(dm_catalog *cat, const char *iso)
{
    cat->fixed_now[0] = '\0';
    if (iso != NULL)
        snprintf(cat->fixed_now, sizeof cat->fixed_now, "%s", iso);
}

dm_db *dm_catalog_db(dm_catalog *cat)
{
    return cat->db;
}

void dm_catalog_now(dm_catalog *cat, char out[32])
{
    now_iso(cat, out);
}

dm_status dm_catalog_begin(dm_catalog *cat, dm_error *err)
{
    return dm_db_begin(cat->db, err);
}

dm_status dm_catalog_begin_read(dm_catalog *cat, dm_error *err)
{
    return dm_db_begin_read(cat->db, err);
}

dm_status dm_catalog_commit(dm_catalog *cat, dm_error *err)
{
    return dm_db_commit(cat->db, err);
}

void dm_catalog_rollback(dm_catalog *cat)
{
    if (cat != NULL)
        dm_db_rollback(cat->db);
}

/* ---- sources ---------------------------------------------------------- */

/* Both by core/redact.h's one rule. */
char *dm_catalog_url_redact(const char *url)
{
    return dm_db_redact_url(url);
}

bool dm_catalog_url_has_password(const char *url)
{
    return dm_url_has_secret(url);
}

dm_status dm_catalog_source_add(dm_catalog *cat, const dm_source_rec *src, int64_t *id, dm_error *err)
{
    char now[32];
    bool found = false;
    int64_t new_id = 0;
    if (blank(src->name))
        return DM_FAIL(err, DM_ERR_ARG, "source name is empty");
    if (blank(src->url))
        return DM_FAIL(err, DM_ERR_ARG, "source %s: URL is empty", src->name);
    /* The last line of defence: callers name the driver's own conventions
     * first (dm_source_secret_hint), which this layer does not know. */
    if (dm_catalog_url_has_password(src->url))
        return DM_FAIL(err, DM_ERR_ARG, "source %s: do not put passwords in source URLs", src->name);
    now_iso(cat, now);
    dm_status rc = q_int(cat,
                         "INSERT INTO sources (name, url, options_json, tags_json, require_tag, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT (name) WHERE removed_at IS NULL DO NOTHING RETURNING id",
                         ARGS(DV_T(src->name), DV_T(src->url), DV_T(src->options_json ? src->options_json : "{}"),
                              DV_T(src->tags_json ? src->tags_json : "{}"), DV_T(src->require_tag), DV_T(now)),
                         &new_id, &found, err);
    if (rc != DM_OK)
        return rc;
    if (!found)
        return DM_FAIL(err, DM_ERR_ARG, "source %s exists already", src->name);
    if (id != NULL)
        *id = new_id;
    return DM_OK;
}

#define SOURCE_COLS "id, name, url, options_json, tags_json, require_tag, created_at"

static void source_from_row(dm_db_stmt *st, dm_source_rec *s)
{
    s->id = dm_db_col_int64(st, 0);
    s->name = col_dup(st, 1);
    s->url = col_dup(st, 2);
    s->options_json = col_dup(st, 3);
    s->tags_json = col_dup(st, 4);
    s->require_tag = col_dup(st, 5);
    s->created_at = col_dup(st, 6);
}

dm_status dm_catalog_source_get(dm_catalog *cat, const char *name, dm_source_rec *out, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    memset(out, 0, sizeof *out);
    dm_status rc = q_open(cat, "SELECT " SOURCE_COLS " FROM sources WHERE name = ? AND removed_at IS NULL",
                          ARGS(DV_T(name)), &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK) {
        if (row)
            source_from_row(st, out);
        else
            rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "source %s does not exist", name);
    }
    dm_db_finalize(st);
    return rc;
}

dm_status dm_catalog_source_list(dm_catalog *cat, dm_source_rec **out, size_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    dm_source_rec *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    dm_status rc = q_open(cat, "SELECT " SOURCE_COLS " FROM sources WHERE removed_at IS NULL ORDER BY name",
                          NOARGS, &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(list, len, cap);
        source_from_row(st, &list[len++]);
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_source_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

dm_status dm_catalog_source_remove(dm_catalog *cat, const char *name, dm_error *err)
{
    char now[32];
    int64_t id = 0;
    bool found = false;
    now_iso(cat, now);
    dm_status rc = dm_db_begin(cat->db, err);
    if (rc != DM_OK)
        return rc;
    rc = q_int(cat, "UPDATE sources SET removed_at = ? WHERE name = ? AND removed_at IS NULL RETURNING id",
               ARGS(DV_T(now), DV_T(name)), &id, &found, err);
    if (rc == DM_OK && !found)
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "source %s does not exist", name);
    if (rc == DM_OK)
        rc = q_exec(cat, "UPDATE assets SET deleted_at = ? WHERE source_id = ? AND deleted_at IS NULL",
                    ARGS(DV_T(now), DV_I(id)), err);
    return tx_end(cat, rc, err);
}

void dm_source_rec_free(dm_source_rec *s)
{
    if (s == NULL)
        return;
    free(s->name);
    free(s->url);
    free(s->options_json);
    free(s->tags_json);
    free(s->require_tag);
    free(s->created_at);
    memset(s, 0, sizeof *s);
}

void dm_source_list_free(dm_source_rec *list, size_t n)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        dm_source_rec_free(&list[i]);
    free(list);
}

/* ---- assets ----------------------------------------------------------- */

dm_status dm_catalog_asset_upsert(dm_catalog *cat, int64_t source_id, const char *name, const char *kind,
                                  const char *location, const char *region, int64_t *id, bool *is_new,
                                  dm_error *err)
{
    char now[32];
    int64_t aid = 0;
    bool found = false;
    if (blank(name) || blank(kind))
        return DM_FAIL(err, DM_ERR_ARG, "asset of source %lld: name and kind are required", (long long)source_id);
    dm_status rc = q_int(cat, "SELECT id FROM sources WHERE id = ? AND removed_at IS NULL", ARGS(DV_I(source_id)),
                         NULL, &found, err);
    if (rc != DM_OK)
        return rc;
    if (!found)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "source %lld does not exist", (long long)source_id);
    now_iso(cat, now);
    /* Insert-or-nothing first: whether a row comes back tells new from known,
     * and it stays right when two workers discover the same asset at once. */
    rc = q_int(cat,
               "INSERT INTO assets (source_id, name, kind, location, region, state, first_seen, last_seen) "
               "VALUES (?, ?, ?, ?, ?, 'discovered', ?, ?) "
               "ON CONFLICT (source_id, name) DO NOTHING RETURNING id",
               ARGS(DV_I(source_id), DV_T(name), DV_T(kind), DV_T(location), DV_T(region), DV_T(now), DV_T(now)),
               &aid, &found, err);
    if (rc != DM_OK)
        return rc;
    bool inserted = found;
    if (!inserted) {
        rc = q_int(cat,
                   "UPDATE assets SET kind = ?, location = COALESCE(?, location), region = COALESCE(?, region), "
                   "last_seen = ?, deleted_at = NULL WHERE source_id = ? AND name = ? RETURNING id",
                   ARGS(DV_T(kind), DV_T(location), DV_T(region), DV_T(now), DV_I(source_id), DV_T(name)), &aid,
                   &found, err);
        if (rc != DM_OK)
            return rc;
        if (!found)
            return DM_FAIL(err, DM_ERR_INTERNAL, "asset %s of source %lld: neither inserted nor updated", name,
                           (long long)source_id);
    }
    if (id != NULL)
        *id = aid;
    if (is_new != NULL)
        *is_new = inserted;
    return DM_OK;
}

/* Set deleted_at = now on the rows of `table` (assets or tables) whose
 * `parent` column equals parent_id, that are not deleted yet and not in
 * keep_ids. Identifiers come from this file only, never from input. */
static dm_status mark_vanished(dm_catalog *cat, const char *table, const char *parent, int64_t parent_id,
                               const int64_t *keep_ids, size_t n_keep, size_t *n_vanished, dm_error *err)
{
    char now[32], sql[160];
    int64_t *keep = sorted_ids(keep_ids, n_keep), *gone = NULL;
    size_t n_gone = 0, cap = 0;
    dm_db_stmt *st = NULL;
    bool row = false;
    now_iso(cat, now);
    dm_status rc = dm_db_begin(cat->db, err);
    if (rc != DM_OK) {
        free(keep);
        return rc;
    }
    snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE %s = ? AND deleted_at IS NULL", table, parent);
    rc = q_open(cat, sql, ARGS(DV_I(parent_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        int64_t id = dm_db_col_int64(st, 0);
        if (bsearch(&id, keep, n_keep, sizeof *keep, cmp_i64) == NULL) {
            GROW(gone, n_gone, cap);
            gone[n_gone++] = id;
        }
    }
    dm_db_finalize(st);
    st = NULL;
    if (rc == DM_OK && n_gone > 0) {
        snprintf(sql, sizeof sql, "UPDATE %s SET deleted_at = ? WHERE id = ?", table);
        rc = dm_db_prepare(cat->db, sql, &st, err);
        for (size_t i = 0; rc == DM_OK && i < n_gone; i++)
            rc = q_rerun(st, ARGS(DV_T(now), DV_I(gone[i])), err);
        dm_db_finalize(st);
    }
    free(keep);
    free(gone);
    if (rc == DM_OK && n_vanished != NULL)
        *n_vanished = n_gone;
    return tx_end(cat, rc, err);
}

dm_status dm_catalog_asset_mark_vanished(dm_catalog *cat, int64_t source_id, const int64_t *keep_ids,
                                         size_t n_keep, size_t *n_vanished, dm_error *err)
{
    if (n_vanished != NULL)
        *n_vanished = 0;
    return mark_vanished(cat, "assets", "source_id", source_id, keep_ids, n_keep, n_vanished, err);
}

dm_status dm_catalog_asset_set_state(dm_catalog *cat, int64_t id, const char *state, const char *fingerprint,
                                     dm_error *err)
{
    char now[32];
    dm_db_stmt *st = NULL;
    bool row = false;
    if (state == NULL || (strcmp(state, DM_ASSET_DISCOVERED) != 0 && strcmp(state, DM_ASSET_CATALOGED) != 0 &&
                          strcmp(state, DM_ASSET_CLASSIFIED) != 0))
        return DM_FAIL(err, DM_ERR_ARG, "asset %lld: unknown state %s", (long long)id, state ? state : "(null)");
    dm_status rc = q_open(cat, "SELECT state FROM assets WHERE id = ?", ARGS(DV_I(id)), &st, err);
    if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK) {
        const char *cur = row ? dm_db_col_text(st, 0) : NULL;
        if (!row)
            rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "asset %lld does not exist", (long long)id);
        else if (strcmp(state, DM_ASSET_CLASSIFIED) == 0 && strcmp(cur, DM_ASSET_DISCOVERED) == 0)
            rc = DM_FAIL(err, DM_ERR_ARG, "asset %lld: cannot go from discovered to classified, crawl it first",
                         (long long)id);
    }
    dm_db_finalize(st);
    if (rc != DM_OK)
        return rc;
    now_iso(cat, now);
    if (strcmp(state, DM_ASSET_CATALOGED) == 0)
        return q_exec(cat,
                      "UPDATE assets SET state = ?, cataloged_at = ?, fingerprint = COALESCE(?, fingerprint) "
                      "WHERE id = ?",
                      ARGS(DV_T(state), DV_T(now), DV_T(fingerprint), DV_I(id)), err);
    if (strcmp(state, DM_ASSET_CLASSIFIED) == 0)
        return q_exec(cat, "UPDATE assets SET state = ?, classified_at = ? WHERE id = ?",
                      ARGS(DV_T(state), DV_T(now), DV_I(id)), err);
    return q_exec(cat, "UPDATE assets SET state = ? WHERE id = ?", ARGS(DV_T(state), DV_I(id)), err);
}

dm_status dm_catalog_asset_set_facts(dm_catalog *cat, int64_t id, const char *facts_json, dm_error *err)
{
    bool found = false;
    dm_status rc = q_int(cat, "UPDATE assets SET facts_json = ? WHERE id = ? RETURNING id",
                         ARGS(DV_T(facts_json), DV_I(id)), NULL, &found, err);
    if (rc == DM_OK && !found)
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "asset %lld does not exist", (long long)id);
    return rc;
}

dm_status dm_catalog_asset_set_error(dm_catalog *cat, int64_t id, const char *error, dm_error *err)
{
    char now[32];
    bool found = false;
    now_iso(cat, now);
    dm_status rc = q_int(cat, "UPDATE assets SET last_error = ?, failed_at = ? WHERE id = ? RETURNING id",
                         ARGS(DV_T(error), DV_T(error ? now : NULL), DV_I(id)), NULL, &found, err);
    if (rc == DM_OK && !found)
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "asset %lld does not exist", (long long)id);
    return rc;
}

dm_status dm_catalog_asset_set_unread(dm_catalog *cat, int64_t id, const char *unread_json, dm_error *err)
{
    if (unread_json && strcmp(unread_json, "[]") == 0)
        unread_json = NULL;
    return q_exec(cat, "UPDATE assets SET unread_json = ? WHERE id = ?", ARGS(DV_T(unread_json), DV_I(id)), err);
}

uint64_t dm_unread_summary(const char *unread_json, char *out, size_t outlen)
{
    uint64_t total = 0;
    size_t used = 0;
    if (outlen)
        out[0] = '\0';
    json_t *a = unread_json ? json_loads(unread_json, 0, NULL) : NULL;
    size_t i;
    json_t *e;
    json_array_foreach(a, i, e) {
        json_int_t files = json_integer_value(json_object_get(e, "files"));
        const char *kind = json_string_value(json_object_get(e, "kind"));
        const char *reason = json_string_value(json_object_get(e, "reason"));
        if (files <= 0 || kind == NULL || reason == NULL)
            continue;
        total += (uint64_t)files;
        if (used < outlen) {
            int k = snprintf(out + used, outlen - used, "%s%lld %s %s", used ? ", " : "", (long long)files, kind,
                             reason);
            used += k > 0 ? (size_t)k : 0;
        }
    }
    json_decref(a);
    return total;
}

dm_status dm_catalog_asset_list(dm_catalog *cat, const dm_asset_filter *f, dm_asset_rec **out, size_t *n,
                                 dm_error *err)
{
    static const dm_asset_filter all = {NULL, NULL, false};
    dm_buf sql = DM_BUF_INIT;
    dm_db_val vals[2];
    size_t nvals = 0;
    dm_db_stmt *st = NULL;
    dm_asset_rec *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    if (f == NULL)
        f = &all;
    dm_buf_printf(&sql, "SELECT " DM_CATALOG_ASSET_COLS
                              " FROM assets a JOIN sources s ON s.id = a.source_id WHERE 1 = 1");
    if (f->source != NULL) {
        dm_buf_printf(&sql, " AND s.name = ?");
        vals[nvals++] = DV_T(f->source);
    }
    if (f->name != NULL) {
        dm_buf_printf(&sql, " AND a.name = ?");
        vals[nvals++] = DV_T(f->name);
    }
    if (!f->include_deleted)
        dm_buf_printf(&sql, " AND a.deleted_at IS NULL");
    dm_buf_printf(&sql, " ORDER BY s.name, a.name, a.id");
    dm_status rc = q_open(cat, sql.data, vals, nvals, &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(list, len, cap);
        dm_catalog_read_asset(st, &list[len++]);
    }
    dm_db_finalize(st);
    dm_buf_free(&sql);
    if (rc != DM_OK) {
        dm_asset_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

void dm_catalog_read_asset(dm_db_stmt *st, dm_asset_rec *a)
{
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
    a->last_error = col_dup(st, 15);
    a->failed_at = col_dup(st, 16);
    a->unread_json = col_dup(st, 17);
}

void dm_asset_rec_free(dm_asset_rec *a)
{
    if (a == NULL)
        return;
    free(a->source_name);
    free(a->name);
    free(a->kind);
    free(a->location);
    free(a->state);
    free(a->fingerprint);
    free(a->first_seen);
    free(a->last_seen);
    free(a->deleted_at);
    free(a->cataloged_at);
    free(a->classified_at);
    free(a->region);
    free(a->facts_json);
    free(a->last_error);
    free(a->failed_at);
    free(a->unread_json);
    memset(a, 0, sizeof *a);
}

void dm_asset_list_free(dm_asset_rec *list, size_t n)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        dm_asset_rec_free(&list[i]);
    free(list);
}

/* ---- tables and columns ---------------------------------------------- */

/* A column as stored, for comparing with a new definition. */
typedef struct stored_col {
    int64_t id;
    char *name, *type;
    bool nullable, is_partition, removed, primary_key;
    int ordinal;
    bool seen;
} stored_col;

static int cmp_stored_col(const void *a, const void *b)
{
    return strcmp(((const stored_col *)a)->name, ((const stored_col *)b)->name);
}

static void stored_cols_free(stored_col *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].name);
        free(c[i].type);
    }
    free(c);
}

/* Load every column of a table (removed ones too), sorted by name (strcmp,
 * not the database's collation). */
static dm_status load_cols(dm_catalog *cat, int64_t table_id, stored_col **out, size_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    stored_col *c = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    dm_status rc = q_open(cat,
                          "SELECT id, name, type, nullable, is_partition, removed, ordinal, primary_key "
                          "FROM columns WHERE table_id = ?",
                          ARGS(DV_I(table_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(c, len, cap);
        stored_col *s = &c[len++];
        s->id = dm_db_col_int64(st, 0);
        s->name = col_dup(st, 1);
        s->type = col_dup(st, 2);
        s->nullable = dm_db_col_int64(st, 3) != 0;
        s->is_partition = dm_db_col_int64(st, 4) != 0;
        s->removed = dm_db_col_int64(st, 5) != 0;
        s->ordinal = (int)dm_db_col_int64(st, 6);
        s->primary_key = dm_db_col_int64(st, 7) != 0;
        s->seen = false;
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        stored_cols_free(c, len);
        return rc;
    }
    if (len > 1)
        qsort(c, len, sizeof *c, cmp_stored_col);
    *out = c;
    *n = len;
    return DM_OK;
}

static stored_col *find_col(stored_col *c, size_t n, const char *name)
{
    stored_col key = {.name = (char *)name};
    return n ? bsearch(&key, c, n, sizeof *c, cmp_stored_col) : NULL;
}

/* Record schema version `version` of a table: its present columns in order,
 * and the changes as {"added":[..],"removed":[..],"retyped":[{..}]}. */
static dm_status record_version(dm_catalog *cat, int64_t table_id, int version, const char *now,
                                const dm_buf *added, const dm_buf *removed, const dm_buf *retyped, dm_error *err)
{
    dm_buf cols = DM_BUF_INIT, changes = DM_BUF_INIT;
    dm_db_stmt *st = NULL;
    bool row = false, first = true;
    dm_buf_putc(&cols, '[');
    dm_status rc = q_open(cat,
                          "SELECT name, type, nullable, is_partition FROM columns "
                          "WHERE table_id = ? AND removed = 0 ORDER BY ordinal",
                          ARGS(DV_I(table_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        dm_buf_printf(&cols, "%s{\"name\":", first ? "" : ",");
        json_str(&cols, dm_db_col_text(st, 0));
        dm_buf_printf(&cols, ",\"type\":");
        json_str(&cols, dm_db_col_text(st, 1));
        dm_buf_printf(&cols, ",\"nullable\":%s,\"is_partition\":%s}",
                            dm_db_col_int64(st, 2) ? "true" : "false", dm_db_col_int64(st, 3) ? "true" : "false");
        first = false;
    }
    dm_db_finalize(st);
    dm_buf_putc(&cols, ']');
    dm_buf_printf(&changes, "{\"added\":[%s],\"removed\":[%s],\"retyped\":[%s]}", added->data ? added->data : "",
                        removed->data ? removed->data : "", retyped->data ? retyped->data : "");
    if (rc == DM_OK)
        rc = q_exec(cat,
                    "INSERT INTO schema_versions (table_id, version, created_at, columns_json, changes_json) "
                    "VALUES (?, ?, ?, ?, ?)",
                    ARGS(DV_I(table_id), DV_I(version), DV_T(now), DV_T(cols.data), DV_T(changes.data)), err);
    dm_buf_free(&cols);
    dm_buf_free(&changes);
    return rc;
}

static void list_add(dm_buf *b, const char *name)
{
    if (b->len > 0)
        dm_buf_putc(b, ',');
    json_str(b, name);
}

static dm_status check_table_put(const dm_table_put *t, dm_error *err)
{
    if (blank(t->name))
        return DM_FAIL(err, DM_ERR_ARG, "table of asset %lld: name is empty", (long long)t->asset_id);
    if (t->ncolumns > 0 && t->columns == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "table %s: %zu columns announced, none given", t->name, t->ncolumns);
    const char **names = dm_xmalloc((t->ncolumns ? t->ncolumns : 1) * sizeof *names);
    dm_status rc = DM_OK;
    for (size_t i = 0; i < t->ncolumns && rc == DM_OK; i++) {
        if (blank(t->columns[i].name) || blank(t->columns[i].type))
            rc = DM_FAIL(err, DM_ERR_ARG, "table %s: column %zu has no name or no type", t->name, i + 1);
        names[i] = t->columns[i].name;
    }
    const char *dup = rc == DM_OK ? first_duplicate(names, t->ncolumns) : NULL;
    if (dup != NULL)
        rc = DM_FAIL(err, DM_ERR_ARG, "table %s: column %s appears twice", t->name, dup);
    free(names);
    return rc;
}

dm_status dm_catalog_table_put(dm_catalog *cat, const dm_table_put *t, int64_t *table_id, dm_schema_change *chg,
                               dm_error *err)
{
    char now[32];
    int64_t tid = 0, version = 1;
    bool found = false, is_new = false;
    stored_col *cols = NULL;
    size_t ncols = 0;
    dm_db_stmt *ins = NULL, *upd = NULL;
    dm_buf added = DM_BUF_INIT, removed = DM_BUF_INIT, retyped = DM_BUF_INIT;
    dm_schema_change c = {0};
    dm_status rc = check_table_put(t, err);
    if (rc != DM_OK)
        return rc;
    now_iso(cat, now);
    if ((rc = dm_db_begin(cat->db, err)) != DM_OK)
        return rc;
    if ((rc = q_int(cat, "SELECT id FROM assets WHERE id = ?", ARGS(DV_I(t->asset_id)), NULL, &found, err)) != DM_OK)
        goto out;
    if (!found) {
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "table %s: asset %lld does not exist", t->name, (long long)t->asset_id);
        goto out;
    }
    rc = q_int(cat,
               "INSERT INTO tables (asset_id, name, location, format, compression, encoding, fingerprint, "
               "rows_estimate, bytes, schema_version, first_seen, cataloged_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
               "ON CONFLICT (asset_id, name) DO NOTHING RETURNING id",
               ARGS(DV_I(t->asset_id), DV_T(t->name), DV_T(t->location), DV_T(t->format), DV_T(t->compression),
                    DV_T(t->encoding), DV_T(t->fingerprint), DV_I(t->rows_estimate), DV_I(t->bytes), DV_T(now), DV_T(now)),
               &tid, &is_new, err);
    if (rc != DM_OK)
        goto out;
    if (!is_new) {
        dm_db_stmt *st = NULL;
        bool row = false;
        /* the version read here decides the next one written: lock the row
         * (PostgreSQL, READ COMMITTED) so two writers of one table queue */
        char sel[160];
        snprintf(sel, sizeof sel, "SELECT id, schema_version FROM tables WHERE asset_id = ? AND name = ?%s",
                 cat->db->ops->row_lock);
        rc = q_open(cat, sel, ARGS(DV_I(t->asset_id), DV_T(t->name)), &st, err);
        if (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
            tid = dm_db_col_int64(st, 0);
            version = dm_db_col_int64(st, 1);
        } else if (rc == DM_OK) {
            rc = DM_FAIL(err, DM_ERR_INTERNAL, "table %s of asset %lld: neither inserted nor found", t->name,
                         (long long)t->asset_id);
        }
        dm_db_finalize(st);
        if (rc != DM_OK || (rc = load_cols(cat, tid, &cols, &ncols, err)) != DM_OK)
            goto out;
        rc = q_exec(cat,
                    "UPDATE tables SET location = ?, format = ?, compression = ?, encoding = ?, fingerprint = ?, "
                    "rows_estimate = ?, bytes = ?, cataloged_at = ?, deleted_at = NULL WHERE id = ?",
                    ARGS(DV_T(t->location), DV_T(t->format), DV_T(t->compression), DV_T(t->encoding),
                         DV_T(t->fingerprint),
                         DV_I(t->rows_estimate), DV_I(t->bytes), DV_T(now), DV_I(tid)),
                    err);
        if (rc != DM_OK)
            goto out;
    }

    int max_ordinal = -1;
    for (size_t i = 0; i < ncols; i++)
        if (cols[i].ordinal > max_ordinal)
            max_ordinal = cols[i].ordinal;
    if ((rc = dm_db_prepare(cat->db,
                            "INSERT INTO columns (table_id, name, ordinal, type, nullable, is_partition, primary_key) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            &ins, err)) != DM_OK ||
        (rc = dm_db_prepare(cat->db,
                            "UPDATE columns SET type = ?, nullable = ?, is_partition = ?, removed = ?, primary_key = ? "
                            "WHERE id = ?",
                            &upd, err)) != DM_OK)
        goto out;
    /* New columns in the order given; known ones keep their ordinal. */
    for (size_t i = 0; i < t->ncolumns && rc == DM_OK; i++) {
        const dm_column_def *d = &t->columns[i];
        stored_col *s = find_col(cols, ncols, d->name);
        if (s == NULL) {
            rc = q_rerun(ins, ARGS(DV_I(tid), DV_T(d->name), DV_I(++max_ordinal), DV_T(d->type), DV_B(d->nullable),
                                   DV_B(d->is_partition), DV_B(d->primary_key)),
                         err);
            list_add(&added, d->name);
            c.added++;
            continue;
        }
        s->seen = true;
        bool retype = !s->removed && strcmp(s->type, d->type) != 0;
        if (s->removed) {
            list_add(&added, d->name);
            c.added++;
        } else if (retype) {
            if (retyped.len > 0)
                dm_buf_putc(&retyped, ',');
            dm_buf_printf(&retyped, "{\"name\":");
            json_str(&retyped, d->name);
            dm_buf_printf(&retyped, ",\"from\":");
            json_str(&retyped, s->type);
            dm_buf_printf(&retyped, ",\"to\":");
            json_str(&retyped, d->type);
            dm_buf_putc(&retyped, '}');
            c.retyped++;
        }
        if (s->removed || retype || s->nullable != d->nullable || s->is_partition != d->is_partition ||
            s->primary_key != d->primary_key)
            rc = q_rerun(upd, ARGS(DV_T(d->type), DV_B(d->nullable), DV_B(d->is_partition), DV_I(0),
                                   DV_B(d->primary_key), DV_I(s->id)),
                         err);
    }
    for (size_t i = 0; i < ncols && rc == DM_OK; i++) {
        if (cols[i].seen || cols[i].removed)
            continue;
        rc = q_rerun(upd, ARGS(DV_T(cols[i].type), DV_B(cols[i].nullable), DV_B(cols[i].is_partition), DV_I(1),
                               DV_B(cols[i].primary_key), DV_I(cols[i].id)),
                     err);
        list_add(&removed, cols[i].name);
        c.removed++;
    }
    if (rc != DM_OK)
        goto out;
    c.is_new = is_new;
    c.changed = is_new || c.added + c.removed + c.retyped > 0;
    if (c.changed && !is_new) {
        version++;
        rc = q_exec(cat, "UPDATE tables SET schema_version = ? WHERE id = ?", ARGS(DV_I(version), DV_I(tid)), err);
    }
    if (rc == DM_OK && c.changed)
        rc = record_version(cat, tid, (int)version, now, &added, &removed, &retyped, err);
    c.version = (int)version;
out:
    dm_db_finalize(ins);
    dm_db_finalize(upd);
    stored_cols_free(cols, ncols);
    dm_buf_free(&added);
    dm_buf_free(&removed);
    dm_buf_free(&retyped);
    rc = tx_end(cat, rc, err);
    if (rc == DM_OK) {
        if (table_id != NULL)
            *table_id = tid;
        if (chg != NULL)
            *chg = c;
    }
    return rc;
}

dm_status dm_catalog_table_mark_vanished(dm_catalog *cat, int64_t asset_id, const int64_t *keep_ids, size_t n_keep,
                                         dm_error *err)
{
    return mark_vanished(cat, "tables", "asset_id", asset_id, keep_ids, n_keep, NULL, err);
}

dm_status dm_catalog_table_list(dm_catalog *cat, int64_t asset_id, dm_table_rec **out, size_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    dm_table_rec *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    dm_status rc = q_open(cat,
                          "SELECT id, asset_id, name, location, format, compression, fingerprint, rows_estimate, "
                          "bytes, rows_sampled, schema_version, cataloged_at, classified_at, deleted_at, encoding "
                          "FROM tables WHERE asset_id = ? ORDER BY name, id",
                          ARGS(DV_I(asset_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(list, len, cap);
        dm_table_rec *t = &list[len++];
        t->id = dm_db_col_int64(st, 0);
        t->asset_id = dm_db_col_int64(st, 1);
        t->name = col_dup(st, 2);
        t->location = col_dup(st, 3);
        t->format = col_dup(st, 4);
        t->compression = col_dup(st, 5);
        t->fingerprint = col_dup(st, 6);
        t->rows_estimate = dm_db_col_int64(st, 7);
        t->bytes = dm_db_col_int64(st, 8);
        t->rows_sampled = dm_db_col_int64(st, 9);
        t->schema_version = (int)dm_db_col_int64(st, 10);
        t->cataloged_at = col_dup(st, 11);
        t->encoding = col_dup(st, 14);
        t->classified_at = col_dup(st, 12);
        t->deleted_at = col_dup(st, 13);
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_table_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

void dm_table_list_free(dm_table_rec *list, size_t n)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(list[i].name);
        free(list[i].location);
        free(list[i].format);
        free(list[i].compression);
        free(list[i].encoding);
        free(list[i].fingerprint);
        free(list[i].cataloged_at);
        free(list[i].classified_at);
        free(list[i].deleted_at);
    }
    free(list);
}

dm_status dm_catalog_column_list(dm_catalog *cat, int64_t table_id, dm_column_rec **out, size_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    dm_column_rec *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    dm_status rc = q_open(cat,
                          "SELECT id, name, type, nullable, is_partition, removed, ordinal, comment, entities, "
                          "primary_key FROM columns WHERE table_id = ? ORDER BY ordinal, id",
                          ARGS(DV_I(table_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(list, len, cap);
        dm_column_rec *c = &list[len++];
        c->id = dm_db_col_int64(st, 0);
        c->name = col_dup(st, 1);
        c->type = col_dup(st, 2);
        c->nullable = dm_db_col_int64(st, 3) != 0;
        c->is_partition = dm_db_col_int64(st, 4) != 0;
        c->removed = dm_db_col_int64(st, 5) != 0;
        c->ordinal = (int)dm_db_col_int64(st, 6);
        c->comment = col_dup(st, 7);
        c->entities = col_dup(st, 8);
        c->primary_key = dm_db_col_int64(st, 9) != 0;
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_column_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

void dm_column_list_free(dm_column_rec *list, size_t n)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(list[i].name);
        free(list[i].type);
        free(list[i].comment);
        free(list[i].entities);
    }
    free(list);
}

/* ---- runs and findings ----------------------------------------------- */

dm_status dm_catalog_run_begin(dm_catalog *cat, const char *command, int64_t *run_id, dm_error *err)
{
    char now[32];
    bool found = false;
    if (blank(command))
        return DM_FAIL(err, DM_ERR_ARG, "run: command is empty");
    now_iso(cat, now);
    dm_status rc = q_int(cat, "INSERT INTO runs (command, status, started_at) VALUES (?, 'running', ?) RETURNING id",
                         ARGS(DV_T(command), DV_T(now)), run_id, &found, err);
    if (rc == DM_OK && !found)
        rc = DM_FAIL(err, DM_ERR_INTERNAL, "run %s: insert returned no id", command);
    return rc;
}

dm_status dm_catalog_run_end(dm_catalog *cat, int64_t run_id, const char *status, const char *stats_json,
                             dm_error *err)
{
    char now[32];
    bool found = false;
    if (blank(status))
        return DM_FAIL(err, DM_ERR_ARG, "run %lld: status is empty", (long long)run_id);
    now_iso(cat, now);
    dm_status rc = q_int(cat, "UPDATE runs SET status = ?, ended_at = ?, stats_json = ? WHERE id = ? RETURNING id",
                         ARGS(DV_T(status), DV_T(now), DV_T(stats_json), DV_I(run_id)), NULL, &found, err);
    if (rc == DM_OK && !found)
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "run %lld does not exist", (long long)run_id);
    return rc;
}

/* A finding with the index of its column in the sorted stored columns. */
typedef struct finding_ref {
    size_t col;     /* index into the stored_col array */
    size_t pos;     /* index into the caller's findings */
} finding_ref;

static int cmp_finding_ref(const void *a, const void *b)
{
    const finding_ref *x = a, *y = b;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

dm_status dm_catalog_findings_put(dm_catalog *cat, int64_t run_id, int64_t table_id, int64_t rows_sampled,
                                  const dm_finding_rec *f, size_t n, dm_error *err)
{
    char now[32];
    bool found = false;
    stored_col *cols = NULL;
    size_t ncols = 0;
    finding_ref *refs = dm_xmalloc((n ? n : 1) * sizeof *refs);
    dm_db_stmt *ins = NULL, *upd = NULL;
    dm_buf ents = DM_BUF_INIT, comment = DM_BUF_INIT;
    if (n > 0 && f == NULL) {
        free(refs);
        return DM_FAIL(err, DM_ERR_ARG, "findings of table %lld: %zu announced, none given", (long long)table_id, n);
    }
    now_iso(cat, now);
    dm_status rc = dm_db_begin(cat->db, err);
    if (rc != DM_OK) {
        free(refs);
        return rc;
    }
    if ((rc = q_int(cat, "SELECT id FROM runs WHERE id = ?", ARGS(DV_I(run_id)), NULL, &found, err)) != DM_OK)
        goto out;
    if (!found) {
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "run %lld does not exist", (long long)run_id);
        goto out;
    }
    if ((rc = q_int(cat, "SELECT id FROM tables WHERE id = ?", ARGS(DV_I(table_id)), NULL, &found, err)) != DM_OK)
        goto out;
    if (!found) {
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "table %lld does not exist", (long long)table_id);
        goto out;
    }
    if ((rc = load_cols(cat, table_id, &cols, &ncols, err)) != DM_OK)
        goto out;
    for (size_t i = 0; i < n; i++) {
        if (blank(f[i].column) || blank(f[i].entity)) {
            rc = DM_FAIL(err, DM_ERR_ARG, "findings of table %lld: finding %zu has no column or no entity",
                         (long long)table_id, i + 1);
            goto out;
        }
        stored_col *s = find_col(cols, ncols, f[i].column);
        if (s == NULL) {
            rc = DM_FAIL(err, DM_ERR_ARG, "findings of table %lld: no column %s", (long long)table_id, f[i].column);
            goto out;
        }
        refs[i] = (finding_ref){(size_t)(s - cols), i};
    }
    qsort(refs, n, sizeof *refs, cmp_finding_ref);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j-- > 0 && refs[j].col == refs[i].col;)
            if (strcmp(f[refs[j].pos].entity, f[refs[i].pos].entity) == 0) {
                rc = DM_FAIL(err, DM_ERR_ARG, "findings of table %lld: column %s has entity %s twice",
                             (long long)table_id, f[refs[i].pos].column, f[refs[i].pos].entity);
                goto out;
            }

    /* Replace, do not add: a table classified twice in one run keeps one set. */
    if ((rc = q_exec(cat, "DELETE FROM findings WHERE run_id = ? AND table_id = ?",
                     ARGS(DV_I(run_id), DV_I(table_id)), err)) != DM_OK ||
        (rc = q_exec(cat, "UPDATE columns SET entities = '[]', comment = NULL "
                     "WHERE table_id = ? AND (comment IS NOT NULL OR entities <> '[]')",
                     ARGS(DV_I(table_id)), err)) != DM_OK)
        goto out;
    if ((rc = dm_db_prepare(cat->db,
                            "INSERT INTO findings (run_id, table_id, column_id, entity, matches, sampled, ratio, "
                            "confidence, evidence_json, created_at, allow_listed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            &ins, err)) != DM_OK ||
        (rc = dm_db_prepare(cat->db, "UPDATE columns SET entities = ?, comment = ? WHERE id = ?", &upd, err)) != DM_OK)
        goto out;
    for (size_t i = 0; i < n && rc == DM_OK;) {
        size_t end = i;
        dm_buf_reset(&ents);
        dm_buf_reset(&comment);
        dm_buf_printf(&comment, "Sensitive Data Element | [");
        dm_buf_putc(&ents, '[');
        for (; end < n && refs[end].col == refs[i].col && rc == DM_OK; end++) {
            const dm_finding_rec *r = &f[refs[end].pos];
            if (end > i) {
                dm_buf_putc(&ents, ',');
                dm_buf_append(&comment, ", ", 2);
            }
            json_str(&ents, r->entity);
            py_repr(&comment, r->entity);
            rc = q_rerun(ins, ARGS(DV_I(run_id), DV_I(table_id), DV_I(cols[refs[end].col].id), DV_T(r->entity),
                                   DV_I(r->matches), DV_I(r->sampled), DV_D(r->ratio), DV_T(r->confidence),
                                   DV_T(r->evidence_json ? r->evidence_json : "[]"), DV_T(now),
                                   DV_I(r->allow_listed)),
                         err);
        }
        dm_buf_putc(&ents, ']');
        dm_buf_putc(&comment, ']');
        if (rc == DM_OK)
            rc = q_rerun(upd, ARGS(DV_T(ents.data), DV_T(comment.data), DV_I(cols[refs[i].col].id)), err);
        i = end;
    }
    if (rc == DM_OK)
        rc = q_exec(cat, "UPDATE tables SET rows_sampled = ?, classified_at = ?, classified_run_id = ? WHERE id = ?",
                    ARGS(DV_I(rows_sampled), DV_T(now), DV_I(run_id), DV_I(table_id)), err);
    /* human decisions carry over while the column keeps its schema and shape */
    if (rc == DM_OK)
        rc = dm_catalog_reviews_apply(cat, table_id, run_id, err);
out:
    dm_db_finalize(ins);
    dm_db_finalize(upd);
    dm_buf_free(&ents);
    dm_buf_free(&comment);
    stored_cols_free(cols, ncols);
    free(refs);
    return tx_end(cat, rc, err);
}

dm_status dm_catalog_findings_list(dm_catalog *cat, int64_t table_id, dm_finding_out **out, size_t *n,
                                   dm_error *err)
{
    dm_db_stmt *st = NULL;
    dm_finding_out *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false, found = false;
    *out = NULL;
    *n = 0;
    dm_status rc = q_int(cat, "SELECT id FROM tables WHERE id = ?", ARGS(DV_I(table_id)), NULL, &found, err);
    if (rc != DM_OK)
        return rc;
    if (!found)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "table %lld does not exist", (long long)table_id);
    rc = q_open(cat,
                "SELECT c.name, f.entity, f.confidence, f.evidence_json, f.created_at, f.matches, f.sampled, "
                "f.run_id, f.ratio, r.decision, r.by_name, r.created_at, r.reason, f.allow_listed FROM findings f "
                "JOIN tables t ON t.id = f.table_id AND t.classified_run_id = f.run_id "
                "JOIN columns c ON c.id = f.column_id "
                "LEFT JOIN finding_reviews r ON r.id = f.review_id "
                "WHERE f.table_id = ? ORDER BY c.ordinal, f.id",
                ARGS(DV_I(table_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(list, len, cap);
        dm_finding_out *o = &list[len++];
        o->column = col_dup(st, 0);
        o->entity = col_dup(st, 1);
        o->confidence = col_dup(st, 2);
        o->evidence_json = col_dup(st, 3);
        o->created_at = col_dup(st, 4);
        o->matches = dm_db_col_int64(st, 5);
        o->sampled = dm_db_col_int64(st, 6);
        o->run_id = dm_db_col_int64(st, 7);
        o->ratio = dm_db_col_double(st, 8);
        o->review = col_dup(st, 9);
        o->review_by = col_dup(st, 10);
        o->review_at = col_dup(st, 11);
        o->review_reason = col_dup(st, 12);
        o->allow_listed = dm_db_col_int64(st, 13);
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_finding_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

void dm_finding_list_free(dm_finding_out *list, size_t n)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(list[i].column);
        free(list[i].entity);
        free(list[i].confidence);
        free(list[i].evidence_json);
        free(list[i].created_at);
        free(list[i].review);
        free(list[i].review_by);
        free(list[i].review_at);
        free(list[i].review_reason);
    }
    free(list);
}

dm_status dm_catalog_columns_refresh(dm_catalog *cat, int64_t table_id, dm_error *err)
{
    dm_db_stmt *st = NULL, *upd = NULL;
    dm_buf ents = DM_BUF_INIT, comment = DM_BUF_INIT;
    int64_t cur = -1;
    bool row = false;
    dm_status rc = dm_db_begin(cat->db, err);
    if (rc != DM_OK)
        return rc;
    if ((rc = q_exec(cat, "UPDATE columns SET entities = '[]', comment = NULL "
                     "WHERE table_id = ? AND (comment IS NOT NULL OR entities <> '[]')",
                     ARGS(DV_I(table_id)), err)) != DM_OK ||
        (rc = dm_db_prepare(cat->db, "UPDATE columns SET entities = ?, comment = ? WHERE id = ?", &upd, err)) != DM_OK)
        goto out;
    /* the findings in the order they were put, which is the order given */
    rc = q_open(cat,
                "SELECT f.column_id, f.entity FROM findings f "
                "JOIN tables t ON t.id = f.table_id AND t.classified_run_id = f.run_id "
                "LEFT JOIN finding_reviews r ON r.id = f.review_id "
                "WHERE f.table_id = ? AND (r.decision IS NULL OR r.decision <> 'dismissed') "
                "ORDER BY f.column_id, f.id",
                ARGS(DV_I(table_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK) {
        int64_t col = row ? dm_db_col_int64(st, 0) : -1;
        if (cur >= 0 && col != cur) {
            dm_buf_putc(&ents, ']');
            dm_buf_putc(&comment, ']');
            if ((rc = q_rerun(upd, ARGS(DV_T(ents.data), DV_T(comment.data), DV_I(cur)), err)) != DM_OK)
                break;
        }
        if (!row)
            break;
        if (col != cur) {
            dm_buf_reset(&ents);
            dm_buf_reset(&comment);
            dm_buf_putc(&ents, '[');
            dm_buf_printf(&comment, "Sensitive Data Element | [");
            cur = col;
        } else {
            dm_buf_putc(&ents, ',');
            dm_buf_append(&comment, ", ", 2);
        }
        json_str(&ents, dm_db_col_text(st, 1));
        py_repr(&comment, dm_db_col_text(st, 1));
    }
out:
    dm_db_finalize(st);
    dm_db_finalize(upd);
    dm_buf_free(&ents);
    dm_buf_free(&comment);
    return tx_end(cat, rc, err);
}

/* ---- tags ------------------------------------------------------------- */

int dm_tag_origin_rank(const char *origin)
{
    static const char *const order[] = {"store", "sidecar", "config", "source"};
    for (int i = 0; origin && i < (int)(sizeof order / sizeof order[0]); i++)
        if (strcmp(origin, order[i]) == 0)
            return i;
    return 4;
}

typedef struct stored_tag {
    char *key, *value;
    bool seen;
} stored_tag;

static int cmp_stored_tag(const void *a, const void *b)
{
    return strcmp(((const stored_tag *)a)->key, ((const stored_tag *)b)->key);
}

dm_status dm_catalog_tags_put(dm_catalog *cat, int64_t asset_id, const char *origin, const char *const *keys,
                              const char *const *values, size_t n, dm_error *err)
{
    char now[32];
    bool found = false, row = false;
    stored_tag *cur = NULL;
    size_t ncur = 0, cap = 0;
    dm_db_stmt *st = NULL, *hist = NULL;
    if (blank(origin))
        return DM_FAIL(err, DM_ERR_ARG, "tags of asset %lld: origin is empty", (long long)asset_id);
    if (n > 0 && (keys == NULL || values == NULL))
        return DM_FAIL(err, DM_ERR_ARG, "tags of asset %lld: %zu announced, none given", (long long)asset_id, n);
    for (size_t i = 0; i < n; i++)
        if (blank(keys[i]) || values[i] == NULL)
            return DM_FAIL(err, DM_ERR_ARG, "tags of asset %lld: tag %zu has no key or no value", (long long)asset_id,
                           i + 1);
    const char *dup = first_duplicate(keys, n);
    if (dup != NULL)
        return DM_FAIL(err, DM_ERR_ARG, "tags of asset %lld: key %s appears twice", (long long)asset_id, dup);
    now_iso(cat, now);
    dm_status rc = dm_db_begin(cat->db, err);
    if (rc != DM_OK)
        return rc;
    if ((rc = q_int(cat, "SELECT id FROM assets WHERE id = ?", ARGS(DV_I(asset_id)), NULL, &found, err)) != DM_OK)
        goto out;
    if (!found) {
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "asset %lld does not exist", (long long)asset_id);
        goto out;
    }
    rc = q_open(cat, "SELECT key, value FROM tags WHERE asset_id = ? AND origin = ?",
                ARGS(DV_I(asset_id), DV_T(origin)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(cur, ncur, cap);
        cur[ncur++] = (stored_tag){col_dup(st, 0), col_dup(st, 1), false};
    }
    dm_db_finalize(st);
    st = NULL;
    if (rc != DM_OK)
        goto out;
    if (ncur > 1)
        qsort(cur, ncur, sizeof *cur, cmp_stored_tag);
    if ((rc = dm_db_prepare(cat->db,
                            "INSERT INTO tag_history (asset_id, origin, key, old_value, new_value, changed_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            &hist, err)) != DM_OK)
        goto out;
    for (size_t i = 0; i < n && rc == DM_OK; i++) {
        stored_tag key = {.key = (char *)keys[i]};
        stored_tag *s = ncur ? bsearch(&key, cur, ncur, sizeof *cur, cmp_stored_tag) : NULL;
        if (s != NULL) {
            s->seen = true;
            if (strcmp(s->value, values[i]) == 0)
                continue;
        }
        rc = q_exec(cat,
                    "INSERT INTO tags (asset_id, origin, key, value, updated_at) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (asset_id, origin, key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at",
                    ARGS(DV_I(asset_id), DV_T(origin), DV_T(keys[i]), DV_T(values[i]), DV_T(now)), err);
        if (rc == DM_OK)
            rc = q_rerun(hist, ARGS(DV_I(asset_id), DV_T(origin), DV_T(keys[i]), DV_T(s ? s->value : NULL),
                                    DV_T(values[i]), DV_T(now)),
                         err);
    }
    for (size_t i = 0; i < ncur && rc == DM_OK; i++) {
        if (cur[i].seen)
            continue;
        rc = q_exec(cat, "DELETE FROM tags WHERE asset_id = ? AND origin = ? AND key = ?",
                    ARGS(DV_I(asset_id), DV_T(origin), DV_T(cur[i].key)), err);
        if (rc == DM_OK)
            rc = q_rerun(hist, ARGS(DV_I(asset_id), DV_T(origin), DV_T(cur[i].key), DV_T(cur[i].value), DV_NULL,
                                    DV_T(now)),
                         err);
    }
out:
    dm_db_finalize(hist);
    for (size_t i = 0; i < ncur; i++) {
        free(cur[i].key);
        free(cur[i].value);
    }
    free(cur);
    return tx_end(cat, rc, err);
}

dm_status dm_catalog_tags_get(dm_catalog *cat, int64_t asset_id, dm_tag **out, size_t *n, dm_error *err)
{
    dm_db_stmt *st = NULL;
    dm_tag *list = NULL;
    size_t len = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    dm_status rc = q_open(cat,
                          "SELECT key, value, origin, updated_at FROM tags WHERE asset_id = ? "
                          "ORDER BY key, " DM_TAG_RANK_SQL("origin") ", origin",
                          ARGS(DV_I(asset_id)), &st, err);
    while (rc == DM_OK && (rc = dm_db_step(st, &row, err)) == DM_OK && row) {
        GROW(list, len, cap);
        list[len] = (dm_tag){col_dup(st, 0), col_dup(st, 1), col_dup(st, 2), col_dup(st, 3), NULL};
        /* rows of one key come by precedence: the first is in force */
        if (len > 0 && strcmp(list[len - 1].key, list[len].key) == 0)
            list[len].overridden_by = dm_xstrdup(list[len - 1].overridden_by ? list[len - 1].overridden_by
                                                                               : list[len - 1].origin);
        len++;
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_tag_list_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return DM_OK;
}

void dm_tag_list_free(dm_tag *list, size_t n)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(list[i].key);
        free(list[i].value);
        free(list[i].origin);
        free(list[i].updated_at);
        free(list[i].overridden_by);
    }
    free(list);
}
