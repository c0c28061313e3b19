/*
 * Catalog database interface: the parts common to every backend (URL
 * dispatch, nested transactions, binding value lists, DDL spellings).
 */
#include "catalog/db.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/redact.h"

/* Length of the "scheme" in "scheme://...", or 0 when s has no URL scheme. */
static size_t scheme_len(const char *s)
{
    if (!isalpha((unsigned char)s[0]))
        return 0;
    size_t i = 1;
    while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '.' || s[i] == '-')
        i++;
    return strncmp(s + i, "://", 3) == 0 ? i : 0;
}

static dm_status db_open(const char *url, bool create, dm_db **out, dm_error *err)
{
    *out = NULL;
    if (url == NULL || url[0] == '\0')
        return DM_FAIL(err, DM_ERR_ARG, "empty catalog URL");
    size_t sl = scheme_len(url);
    if (sl == 0)
        return dm_db_sqlite_open_mode(url, create, out, err);
    if ((sl == 8 && strncmp(url, "postgres", 8) == 0) || (sl == 10 && strncmp(url, "postgresql", 10) == 0))
        return dm_db_postgres_open(url, out, err);
    if (sl == 6 && strncmp(url, "sqlite", 6) == 0) {
        const char *path = url + sl + 3;  /* sqlite:///abs -> /abs, sqlite://rel -> rel */
        if (path[0] == '\0')
            return DM_FAIL(err, DM_ERR_ARG, "catalog URL %s names no file", url);
        return dm_db_sqlite_open_mode(path, create, out, err);
    }
    return DM_FAIL(err, DM_ERR_ARG, "catalog URL %.*s://...: unsupported scheme (use a path, sqlite:///path, :memory: or postgres://...)",
                   (int)sl, url);
}

dm_status dm_db_open(const char *url, dm_db **out, dm_error *err)
{
    return db_open(url, true, out, err);
}

dm_status dm_db_open_existing(const char *url, dm_db **out, dm_error *err)
{
    return db_open(url, false, out, err);
}

void dm_db_close(dm_db *db)
{
    if (db != NULL)
        db->ops->close(db);
}

static dm_status begin(dm_db *db, const char *sql0, dm_error *err)
{
    dm_status rc;
    if (db->tx_depth == 0) {
        rc = dm_db_exec(db, sql0, err);
        if (rc == DM_OK)
            db->tx_depth = 1;
        return rc;
    }
    if (!db->ops->in_transaction(db))
        return DM_FAIL(err, DM_ERR_BACKEND, "catalog %s: the transaction was rolled back after an earlier error",
                       db->label);
    char sql[48];
    snprintf(sql, sizeof sql, "SAVEPOINT dm_sp%d", db->tx_depth + 1);
    rc = dm_db_exec(db, sql, err);
    if (rc == DM_OK)
        db->tx_depth++;
    return rc;
}

dm_status dm_db_begin(dm_db *db, dm_error *err)
{
    return begin(db, db->ops->begin_sql, err);
}

dm_status dm_db_begin_read(dm_db *db, dm_error *err)
{
    return begin(db, db->ops->begin_read_sql ? db->ops->begin_read_sql : "BEGIN", err);
}

dm_status dm_db_commit(dm_db *db, dm_error *err)
{
    if (db->tx_depth == 0)
        return DM_FAIL(err, DM_ERR_INTERNAL, "catalog %s: commit without a transaction", db->label);
    if (!db->ops->in_transaction(db)) {
        db->tx_depth--;
        return DM_FAIL(err, DM_ERR_BACKEND, "catalog %s: the transaction was rolled back after an earlier error",
                       db->label);
    }
    dm_status rc;
    if (db->tx_depth > 1) {
        char sql[48];
        snprintf(sql, sizeof sql, "RELEASE SAVEPOINT dm_sp%d", db->tx_depth);
        rc = dm_db_exec(db, sql, err);
        if (rc == DM_OK)
            db->tx_depth--;
        return rc;
    }
    rc = dm_db_exec(db, "COMMIT", err);
    if (rc != DM_OK && db->ops->in_transaction(db))
        (void)dm_db_exec(db, "ROLLBACK", NULL);
    db->tx_depth = 0;
    return rc;
}

void dm_db_rollback(dm_db *db)
{
    if (db == NULL || db->tx_depth == 0)
        return;
    if (!db->ops->in_transaction(db)) {
        db->tx_depth--;     /* the backend ended it already; unwind the levels */
        return;
    }
    if (db->tx_depth > 1) {
        char sql[96];
        snprintf(sql, sizeof sql, "ROLLBACK TO SAVEPOINT dm_sp%d; RELEASE SAVEPOINT dm_sp%d", db->tx_depth,
                 db->tx_depth);
        if (dm_db_exec(db, sql, NULL) != DM_OK)
            (void)dm_db_exec(db, "ROLLBACK", NULL);     /* cannot unwind one level: drop it all */
        db->tx_depth--;
        return;
    }
    (void)dm_db_exec(db, "ROLLBACK", NULL);
    db->tx_depth = 0;
}

dm_status dm_db_bind_vals(dm_db_stmt *st, const dm_db_val *vals, size_t n, dm_error *err)
{
    const dm_db_ops *ops = st->db->ops;
    for (size_t i = 0; i < n; i++) {
        int idx = (int)i + 1;
        dm_status rc;
        switch (vals[i].kind) {
        case DM_DB_TEXT: rc = ops->bind_text(st, idx, vals[i].s, err); break;
        case DM_DB_INT: rc = ops->bind_int64(st, idx, vals[i].i, err); break;
        case DM_DB_DOUBLE: rc = ops->bind_double(st, idx, vals[i].d, err); break;
        default: rc = ops->bind_null(st, idx, err); break;
        }
        if (rc != DM_OK)
            return rc;
    }
    return DM_OK;
}

char *dm_db_expand_ddl(dm_db *db, const char *script)
{
    static const char token[] = "@ID@";
    const size_t tl = sizeof token - 1;
    dm_buf b = DM_BUF_INIT;
    const char *p = script;
    for (const char *hit; (hit = strstr(p, token)) != NULL; p = hit + tl) {
        dm_buf_append(&b, p, (size_t)(hit - p));
        dm_buf_append(&b, db->ops->id_column, strlen(db->ops->id_column));
    }
    dm_buf_append(&b, p, strlen(p));
    return dm_buf_steal(&b);
}

char *dm_db_redact_url(const char *url)
{
    return dm_url_redact(url);
}
