/*
 * The catalog tests' database, on either backend.
 *
 * DM_TEST_CATALOG=postgres (the unit/..._postgres entries of CTest) runs a test
 * binary against the PostgreSQL test server (scripts/services/postgres.sh,
 * 127.0.0.1:25432, superuser "postgres" by trust; DM_TEST_PG_ADMIN overrides
 * the URL of its maintenance database): every fixture gets a fresh database
 * of its own, dropped at teardown. Otherwise the catalog is a SQLite file in
 * the fixture's folder, as before.
 *
 * tdb_int/tdb_text/tdb_exec run SQL on the catalog beside datamap's own
 * connection (plain SQLite or plain libpq), to check what a reader sees or
 * to build an older schema.
 */
#ifndef DM_TEST_CATALOG_TESTDB_H
#define DM_TEST_CATALOG_TESTDB_H

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline bool tdb_postgres(void)
{
    const char *e = getenv("DM_TEST_CATALOG");
    return e != NULL && strcmp(e, "postgres") == 0;
}

static inline const char *tdb_admin_url(void)
{
    const char *e = getenv("DM_TEST_PG_ADMIN");
    return e && *e ? e : "postgresql://postgres@127.0.0.1:25432/postgres";
}

static inline bool tdb_is_url(const char *path)
{
    return strncmp(path, "postgres", 8) == 0;
}

static inline void tdb_admin(const char *sql)
{
    PGconn *c = PQconnectdb(tdb_admin_url());
    if (PQstatus(c) != CONNECTION_OK) {
        fail_msg("PostgreSQL test server: %s (scripts/test-services start postgres)", PQerrorMessage(c));
    }
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        fail_msg("%s: %s", sql, PQresultErrorMessage(r));
    PQclear(r);
    PQfinish(c);
}

/* A fresh database: its name into name[64], the catalog URL into url. */
static inline void tdb_create(char name[64], char *url, size_t urln)
{
    static unsigned counter;
    char sql[128];
    snprintf(name, 64, "dm_t_%d_%u_%u", (int)getpid(), counter++, (unsigned)rand() % 100000u);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
    tdb_admin(sql);
    const char *admin = tdb_admin_url();
    const char *slash = strrchr(admin, '/');
    snprintf(url, urln, "%.*s/%s", (int)(slash - admin), admin, name);
}

static inline void tdb_drop(const char *name)
{
    char sql[128];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
    tdb_admin(sql);
}

/* One row, one column, as text ("" for NULL), into a static buffer. */
static inline const char *tdb_text(const char *path, const char *sql)
{
    static char buf[2048];
    if (tdb_is_url(path)) {
        PGconn *c = PQconnectdb(path);
        assert_int_equal(PQstatus(c), CONNECTION_OK);
        PGresult *r = PQexec(c, sql);
        if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 1)
            fail_msg("%s: %s", sql, PQresultErrorMessage(r));
        snprintf(buf, sizeof buf, "%s", PQgetvalue(r, 0, 0));
        PQclear(r);
        PQfinish(c);
        return buf;
    }
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(st, 0);
    snprintf(buf, sizeof buf, "%s", t ? (const char *)t : "");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return buf;
}

static inline int64_t tdb_int(const char *path, const char *sql)
{
    return strtoll(tdb_text(path, sql), NULL, 10);
}

static inline void tdb_exec(const char *path, const char *sql)
{
    if (tdb_is_url(path)) {
        PGconn *c = PQconnectdb(path);
        assert_int_equal(PQstatus(c), CONNECTION_OK);
        PGresult *r = PQexec(c, sql);
        if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
            fail_msg("%s: %s", sql, PQresultErrorMessage(r));
        PQclear(r);
        PQfinish(c);
        return;
    }
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* The number of schema objects (tables and indexes) of the catalog. */
static inline int64_t tdb_objects(const char *path)
{
    if (tdb_is_url(path))
        return tdb_int(path, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i')");
    return tdb_int(path, "SELECT count(*) FROM sqlite_master");
}

/* The number of indexes among names (a SQL list: "'a', 'b'"). */
static inline int64_t tdb_indexes(const char *path, const char *names)
{
    char sql[512];
    if (tdb_is_url(path))
        snprintf(sql, sizeof sql, "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                                  "indexname IN (%s)", names);
    else
        snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (%s)", names);
    return tdb_int(path, sql);
}

#endif
