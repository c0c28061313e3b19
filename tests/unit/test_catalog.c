/*
 * Catalog tests: schema creation and migration, the SQLite file's safety
 * (mode, foreign and corrupt files), and every catalog operation's effect on
 * what a later reader sees. Each test gets a fresh temporary folder, and
 * under DM_TEST_CATALOG=postgres a fresh PostgreSQL database as its catalog
 * (unit/test_catalog_postgres): the same tests hold on both backends.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalog/catalog.h"
#include "catalog/db.h"
#include "catalog/migrations.h"
#include "catalog_testdb.h"

typedef struct fixture {
    char dir[64];
    char path[256];     /* dir/catalog.db, or the PostgreSQL URL */
    char dbname[64];    /* the PostgreSQL database, "" for SQLite */
    dm_catalog *cat;
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/dm_test_catalog.XXXXXX");
    if (mkdtemp(fx->dir) == NULL)
        return -1;
    snprintf(fx->path, sizeof fx->path, "%s/catalog.db", fx->dir);
    if (tdb_postgres())
        tdb_create(fx->dbname, fx->path, sizeof fx->path);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    dm_catalog_close(fx->cat);
    if (fx->dbname[0])
        tdb_drop(fx->dbname);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    if (system(cmd) != 0)
        return -1;
    free(fx);
    return 0;
}

/* Open and migrate the fixture's catalog, with the clock pinned. */
static dm_catalog *open_ready(fixture *fx)
{
    dm_error err = {0};
    dm_catalog_close(fx->cat);
    fx->cat = NULL;
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_migrate(fx->cat, &err), DM_OK);
    dm_catalog_set_now(fx->cat, "2026-01-01T00:00:00Z");
    return fx->cat;
}

static int64_t add_source(dm_catalog *cat, const char *name)
{
    dm_error err = {0};
    dm_source_rec s = {.name = (char *)name, .url = (char *)"file:///data"};
    int64_t id = 0;
    assert_int_equal(dm_catalog_source_add(cat, &s, &id, &err), DM_OK);
    assert_true(id > 0);
    return id;
}

static int64_t add_asset(dm_catalog *cat, int64_t source_id, const char *name)
{
    dm_error err = {0};
    int64_t id = 0;
    bool is_new = false;
    assert_int_equal(dm_catalog_asset_upsert(cat, source_id, name, "folder", "file:///data/x", NULL, &id, &is_new,
                                             &err),
                     DM_OK);
    return id;
}

/* SQL beside datamap's connection, on either backend (catalog_testdb.h). */
#define sql_int tdb_int
#define sql_text tdb_text
#define sql_exec tdb_exec

/* Tests of the SQLite file itself have nothing to test on PostgreSQL. */
#define SQLITE_ONLY()                                                                                                \
    do {                                                                                                             \
        if (tdb_postgres())                                                                                          \
            skip();                                                                                                  \
    } while (0)

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    *n = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static bool file_exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* ---- schema and file ----------------------------------------------------- */

/* A version-1 catalog (no primary_key column, no job indexes) with a table
 * in it moves to the latest version and keeps its rows; primary keys are
 * stored from then on, and the scheduler's index exists. */
static void test_migrate_v1_to_v2(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_catalog *cat = NULL;
    assert_int_equal(dm_catalog_open(fx->path, &cat, &err), DM_OK);
    assert_int_equal(dm_catalog_migrate(cat, &err), DM_OK);
    int64_t asset = add_asset(cat, add_source(cat, "s"), "db");
    dm_column_def cols[] = {{"id", "bigint", false, false, true}, {"email", "string", true, false, false}};
    dm_table_put put = {.asset_id = asset, .name = "t", .location = "x", .format = "postgres",
                        .compression = "none", .fingerprint = "f", .rows_estimate = -1, .bytes = -1,
                        .columns = cols, .ncolumns = 1};
    int64_t tid = 0;
    dm_schema_change chg;
    assert_int_equal(dm_catalog_table_put(cat, &put, &tid, &chg, &err), DM_OK);
    dm_catalog_close(cat);
    /* back to version 1 */
    sql_exec(fx->path, "ALTER TABLE columns DROP COLUMN primary_key; DROP INDEX jobs_kind_target_created; "
                       "DROP TABLE finding_reviews; ALTER TABLE findings DROP COLUMN review_id; "
                       "DROP INDEX jobs_done; ALTER TABLE tables DROP COLUMN encoding; "
                       "ALTER TABLE assets DROP COLUMN last_error; ALTER TABLE assets DROP COLUMN failed_at; "
                       "ALTER TABLE findings DROP COLUMN allow_listed; "
                       "ALTER TABLE assets DROP COLUMN unread_json; "
                       "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    assert_int_equal(dm_catalog_open(fx->path, &cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(cat), 1);
    assert_int_equal(dm_catalog_migrate(cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(cat), dm_migrations_latest());
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM columns WHERE name = 'id' AND primary_key = 0"), 1);
    assert_int_equal(tdb_indexes(fx->path, "'jobs_kind_target_created', 'jobs_done'"), 2);
    put.ncolumns = 2;
    assert_int_equal(dm_catalog_table_put(cat, &put, &tid, &chg, &err), DM_OK);
    dm_column_rec *c = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_column_list(cat, tid, &c, &n, &err), DM_OK);
    assert_int_equal(n, 2);
    assert_true(c[0].primary_key);
    assert_false(c[1].primary_key);
    dm_column_list_free(c, n);
    /* version 4: the encoding a text file was read in is kept (NULL before) */
    dm_table_rec *tl = NULL;
    assert_int_equal(dm_catalog_table_list(cat, asset, &tl, &n, &err), DM_OK);
    assert_null(tl[0].encoding);
    dm_table_list_free(tl, n);
    put.encoding = "windows-1252";
    assert_int_equal(dm_catalog_table_put(cat, &put, &tid, &chg, &err), DM_OK);
    assert_int_equal(dm_catalog_table_list(cat, asset, &tl, &n, &err), DM_OK);
    assert_string_equal(tl[0].encoding, "windows-1252");
    dm_table_list_free(tl, n);
    dm_catalog_close(cat);
}

static void test_migrate_fresh_and_idempotent(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(fx->cat), 0);
    assert_int_equal(dm_catalog_migrate(fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(fx->cat), dm_migrations_latest());
    int64_t objects = tdb_objects(fx->path);
    assert_true(objects > 12);
    assert_int_equal(dm_catalog_migrate(fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(fx->cat), dm_migrations_latest());
    assert_int_equal(tdb_objects(fx->path), objects);
    if (!tdb_postgres())
        assert_string_equal(sql_text(fx->path, "PRAGMA journal_mode"), "wal");
    dm_catalog_close(fx->cat);
    fx->cat = NULL;

    /* Reopened, it is at the same version and migrate changes nothing. */
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(fx->cat), dm_migrations_latest());
    assert_int_equal(dm_catalog_migrate(fx->cat, &err), DM_OK);
    assert_int_equal(tdb_objects(fx->path), objects);
    assert_int_equal(atoi(sql_text(fx->path, "SELECT value FROM meta WHERE key = 'schema_version'")),
                     dm_migrations_latest());
}

static void test_newer_schema_refused(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    open_ready(fx);
    dm_catalog_close(fx->cat);
    fx->cat = NULL;
    sql_exec(fx->path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_ERR_BACKEND);
    assert_null(fx->cat);
    assert_non_null(strstr(err.msg, "schema version 99"));
    assert_non_null(strstr(err.msg, "upgrade datamap"));
    assert_non_null(strstr(err.msg, fx->path));
}

static void test_file_mode_0600(void **state)
{
    SQLITE_ONLY();
    fixture *fx = *state;
    mode_t old = umask(022);
    open_ready(fx);
    umask(old);
    add_source(fx->cat, "s");
    struct stat sb;
    assert_int_equal(stat(fx->path, &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0600);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", fx->path);
    assert_int_equal(stat(wal, &sb), 0);   /* WAL mode: the log exists while open */
    assert_int_equal(sb.st_mode & 07777, 0600);
}

static void test_not_sqlite_refused_untouched(void **state)
{
    SQLITE_ONLY();
    fixture *fx = *state;
    dm_error err = {0};
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)('a' + i % 26);
    write_file(fx->path, junk, sizeof junk);
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_ERR_BACKEND);
    assert_null(fx->cat);
    assert_non_null(strstr(err.msg, fx->path));
    assert_non_null(strstr(err.msg, "not a SQLite database"));
    size_t n = 0;
    char *after = read_file(fx->path, &n);
    assert_int_equal(n, sizeof junk);
    assert_memory_equal(after, junk, sizeof junk);
    free(after);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", fx->path);
    assert_false(file_exists(wal));
}

static void test_foreign_sqlite_refused_untouched(void **state)
{
    SQLITE_ONLY();
    fixture *fx = *state;
    dm_error err = {0};
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x')", NULL, NULL,
                                  NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    size_t n0 = 0, n1 = 0;
    char *before = read_file(fx->path, &n0);
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, "not a datamap catalog"));
    char *after = read_file(fx->path, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(before, after, n0);     /* not even switched to WAL */
    free(before);
    free(after);
}

static void test_corrupt_catalog_refused_untouched(void **state)
{
    SQLITE_ONLY();
    fixture *fx = *state;
    dm_error err = {0};
    open_ready(fx);
    add_source(fx->cat, "s");
    dm_catalog_close(fx->cat);
    fx->cat = NULL;
    /* Keep the 100-byte header, scramble the rest of page 1 (the schema). */
    size_t n = 0;
    char *data = read_file(fx->path, &n);
    assert_true(n > 4096);
    for (size_t i = 100; i < 4096; i++)
        data[i] = (char)(i * 7);
    write_file(fx->path, data, n);
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, fx->path));
    assert_non_null(strstr(err.msg, "corrupt"));
    size_t n2 = 0;
    char *after = read_file(fx->path, &n2);
    assert_int_equal(n2, n);
    assert_memory_equal(after, data, n);
    free(data);
    free(after);
}

static void test_url_forms(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_catalog *cat = NULL;
    char url[200], cwd[512];

    snprintf(url, sizeof url, "sqlite://%s/abs.db", fx->dir);   /* sqlite:///tmp/... */
    assert_int_equal(dm_catalog_open(url, &cat, &err), DM_OK);
    dm_catalog_close(cat);
    snprintf(url, sizeof url, "%s/abs.db", fx->dir);
    assert_true(file_exists(url));

    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(fx->dir), 0);
    assert_int_equal(dm_catalog_open("sqlite://rel.db", &cat, &err), DM_OK);
    dm_catalog_close(cat);
    assert_int_equal(chdir(cwd), 0);
    snprintf(url, sizeof url, "%s/rel.db", fx->dir);
    assert_true(file_exists(url));

    assert_int_equal(dm_catalog_open(":memory:", &cat, &err), DM_OK);
    assert_int_equal(dm_catalog_migrate(cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(cat), dm_migrations_latest());
    dm_catalog_close(cat);

    /* PostgreSQL: nothing listens on port 1, and the message shows the URL
     * without its password (nor a password_file's path contents) */
    assert_int_equal(dm_catalog_open("postgres://u:s3cr3t@127.0.0.1:1/cat?connect_timeout=2", &cat, &err),
                     DM_ERR_IO);
    assert_null(cat);
    assert_non_null(strstr(err.msg, "cannot connect"));
    assert_non_null(strstr(err.msg, "postgres://u:***@127.0.0.1:1/cat"));
    assert_null(strstr(err.msg, "s3cr3t"));
    assert_int_equal(dm_catalog_open("postgresql://u@127.0.0.1:1/cat?statement_timeout=soon", &cat, &err), DM_ERR_ARG);
    assert_int_equal(dm_catalog_open("postgresql://u@127.0.0.1:1/cat?password_file=/nonexistent/pw", &cat, &err),
                     DM_ERR_IO);
    assert_non_null(strstr(err.msg, "/nonexistent/pw"));
    assert_int_equal(dm_catalog_open("mysql://u@localhost/cat", &cat, &err), DM_ERR_ARG);
    assert_int_equal(dm_catalog_open("", &cat, &err), DM_ERR_ARG);
}

/* PostgreSQL only: password_file= gives the password (a wrong one is
 * DM_ERR_AUTH, never shown), statement_timeout= cancels a long statement
 * with DM_ERR_TIMEOUT, and the connection is usable after it. */
static void test_pg_password_file_and_timeout(void **state)
{
    fixture *fx = *state;
    if (!tdb_postgres())
        skip();
    dm_error err = {0};
    char role[80], sql[256], pwfile[128], url[512];
    snprintf(role, sizeof role, "%s_r", fx->dbname);
    snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN PASSWORD 'pw-Zq81-secret'", role);
    tdb_admin(sql);
    snprintf(sql, sizeof sql, "GRANT ALL ON DATABASE %s TO %s", fx->dbname, role);
    tdb_admin(sql);
    snprintf(pwfile, sizeof pwfile, "%s/pw", fx->dir);
    write_file(pwfile, "pw-Zq81-secret\n", 15);
    snprintf(url, sizeof url, "postgresql://%s@127.0.0.1:25432/%s?password_file=%s&statement_timeout=1", role,
             fx->dbname, pwfile);
    dm_db *db = NULL;
    assert_int_equal(dm_db_open(url, &db, &err), DM_OK);
    assert_int_equal(dm_db_exec(db, "SELECT pg_sleep(3)", &err), DM_ERR_TIMEOUT);
    assert_true(err.retryable);
    assert_int_equal(dm_db_exec(db, "SELECT 1", &err), DM_OK);
    dm_db_close(db);
    write_file(pwfile, "wrong-password\n", 15);
    assert_int_equal(dm_db_open(url, &db, &err), DM_ERR_AUTH);
    assert_null(db);
    assert_null(strstr(err.msg, "wrong-password"));
    tdb_drop(fx->dbname);   /* the role owns nothing once the database is gone */
    fx->dbname[0] = '\0';
    snprintf(sql, sizeof sql, "DROP ROLE %s", role);
    tdb_admin(sql);
}

static void test_concurrent_migrate(void **state)
{
    fixture *fx = *state;
    /* PostgreSQL: twenty workers of a fleet starting at once */
    enum { NPROC_MAX = 20 };
    const int NPROC = tdb_postgres() ? 20 : 16;
    pid_t pids[NPROC_MAX];
    for (int i = 0; i < NPROC; i++) {
        pids[i] = fork();
        assert_true(pids[i] >= 0);
        if (pids[i] == 0) {
            dm_catalog *c = NULL;
            dm_error e = {0};
            int rc = dm_catalog_open(fx->path, &c, &e) == DM_OK && dm_catalog_migrate(c, &e) == DM_OK &&
                     dm_catalog_schema_version(c) == dm_migrations_latest();
            if (!rc)
                fprintf(stderr, "child: %s\n", e.msg);
            dm_catalog_close(c);
            _exit(rc ? 0 : 1);
        }
    }
    for (int i = 0; i < NPROC; i++) {
        int status = 0;
        assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(atoi(sql_text(fx->path, "SELECT value FROM meta WHERE key = 'schema_version'")),
                     dm_migrations_latest());
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM meta"), 1);
}

/* ---- sources ------------------------------------------------------------- */

static void test_source_add_list_get_remove(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    dm_source_rec s = {.name = (char *)"prod", .url = (char *)"postgres://alice@db:5432/app",
                       .options_json = (char *)"{\"sslmode\":\"require\"}", .require_tag = (char *)"gdpr-scan=true"};
    int64_t id = 0;
    assert_int_equal(dm_catalog_source_add(cat, &s, &id, &err), DM_OK);
    add_source(cat, "local");
    assert_int_equal(dm_catalog_source_add(cat, &s, NULL, &err), DM_ERR_ARG);
    assert_string_equal(err.msg, "source prod exists already");

    dm_source_rec *list = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_source_list(cat, &list, &n, &err), DM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(list[0].name, "local");
    assert_string_equal(list[1].name, "prod");
    dm_source_list_free(list, n);

    dm_source_rec got;
    assert_int_equal(dm_catalog_source_get(cat, "prod", &got, &err), DM_OK);
    assert_int_equal(got.id, id);
    assert_string_equal(got.url, "postgres://alice@db:5432/app");
    assert_string_equal(got.options_json, "{\"sslmode\":\"require\"}");
    assert_string_equal(got.tags_json, "{}");
    assert_string_equal(got.require_tag, "gdpr-scan=true");
    assert_string_equal(got.created_at, "2026-01-01T00:00:00Z");
    dm_source_rec_free(&got);
    assert_int_equal(dm_catalog_source_get(cat, "nope", &got, &err), DM_ERR_NOT_FOUND);
    assert_null(got.name);

    /* Removing marks the assets deleted and frees the name. */
    int64_t a = add_asset(cat, id, "app");
    dm_catalog_set_now(cat, "2026-01-02T00:00:00Z");
    assert_int_equal(dm_catalog_source_remove(cat, "prod", &err), DM_OK);
    assert_int_equal(dm_catalog_source_get(cat, "prod", &got, &err), DM_ERR_NOT_FOUND);
    assert_int_equal(dm_catalog_source_remove(cat, "prod", &err), DM_ERR_NOT_FOUND);
    dm_asset_rec *assets = NULL;
    dm_asset_filter f = {.include_deleted = true};
    assert_int_equal(dm_catalog_asset_list(cat, &f, &assets, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_int_equal(assets[0].id, a);
    assert_string_equal(assets[0].deleted_at, "2026-01-02T00:00:00Z");
    assert_string_equal(assets[0].source_name, "prod");
    dm_asset_list_free(assets, n);
    int64_t id2 = 0;
    assert_int_equal(dm_catalog_source_add(cat, &s, &id2, &err), DM_OK);
    assert_true(id2 != id);
}

static void test_source_password_refused(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    static const char *bad[] = {
        "postgres://alice:s3cret@db:5432/app",
        "mysql://root:@db/x",
        "postgres://alice@db/app?sslmode=require&password=s3cret",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dm_source_rec s = {.name = (char *)"db", .url = (char *)bad[i]};
        assert_int_equal(dm_catalog_source_add(cat, &s, NULL, &err), DM_ERR_ARG);
        assert_non_null(strstr(err.msg, "do not put passwords in source URLs"));
        assert_null(strstr(err.msg, "password_file"));   /* no driver has that option */
        assert_null(strstr(err.msg, "s3cret"));
    }
    dm_source_rec *list = NULL;
    size_t n = 9;
    assert_int_equal(dm_catalog_source_list(cat, &list, &n, &err), DM_OK);
    assert_int_equal(n, 0);
    /* An @ in the path is no userinfo. */
    dm_source_rec ok = {.name = (char *)"s3", .url = (char *)"s3://bucket/a:b@c"};
    assert_int_equal(dm_catalog_source_add(cat, &ok, NULL, &err), DM_OK);
}

/* ---- assets -------------------------------------------------------------- */

static dm_asset_rec *get_asset(dm_catalog *cat, const char *name, dm_asset_rec *out)
{
    dm_error err = {0};
    dm_asset_rec *list = NULL;
    size_t n = 0;
    dm_asset_filter f = {.name = name, .include_deleted = true};
    assert_int_equal(dm_catalog_asset_list(cat, &f, &list, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    *out = list[0];
    free(list);
    return out;
}

static void test_asset_upsert_and_last_seen(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t src = add_source(cat, "s3");
    int64_t id1 = 0, id2 = 0;
    bool is_new = false;
    assert_int_equal(dm_catalog_asset_upsert(cat, src, "sales", "bucket", "s3://sales", "eu-west-1", &id1, &is_new,
                                             &err),
                     DM_OK);
    assert_true(is_new);
    dm_catalog_set_now(cat, "2026-01-05T10:00:00Z");
    assert_int_equal(dm_catalog_asset_upsert(cat, src, "sales", "bucket", "s3://sales", NULL, &id2, &is_new, &err),
                     DM_OK);
    assert_false(is_new);
    assert_int_equal(id1, id2);
    dm_asset_rec a;
    get_asset(cat, "sales", &a);
    assert_string_equal(a.state, DM_ASSET_DISCOVERED);
    assert_string_equal(a.first_seen, "2026-01-01T00:00:00Z");
    assert_string_equal(a.last_seen, "2026-01-05T10:00:00Z");
    assert_string_equal(a.region, "eu-west-1");     /* NULL region keeps the known one */
    assert_string_equal(a.source_name, "s3");
    assert_null(a.deleted_at);
    dm_asset_rec_free(&a);

    assert_int_equal(dm_catalog_asset_upsert(cat, 999, "x", "bucket", "s3://x", NULL, &id2, &is_new, &err),
                     DM_ERR_NOT_FOUND);
    assert_int_equal(dm_catalog_asset_set_facts(cat, id1, "{\"encryption\":\"AES256\"}", &err), DM_OK);
    get_asset(cat, "sales", &a);
    assert_string_equal(a.facts_json, "{\"encryption\":\"AES256\"}");
    dm_asset_rec_free(&a);
    assert_int_equal(dm_catalog_asset_set_facts(cat, 999, "{}", &err), DM_ERR_NOT_FOUND);
}

static void test_asset_mark_vanished(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t s1 = add_source(cat, "a"), s2 = add_source(cat, "b");
    int64_t keep = add_asset(cat, s1, "keep");
    add_asset(cat, s1, "gone1");
    add_asset(cat, s1, "gone2");
    add_asset(cat, s2, "other");    /* another source: untouched */
    dm_catalog_set_now(cat, "2026-02-01T00:00:00Z");
    size_t nv = 0;
    assert_int_equal(dm_catalog_asset_mark_vanished(cat, s1, &keep, 1, &nv, &err), DM_OK);
    assert_int_equal(nv, 2);
    dm_asset_rec *list = NULL;
    size_t n = 0;
    dm_asset_filter f = {.source = "a"};
    assert_int_equal(dm_catalog_asset_list(cat, &f, &list, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(list[0].name, "keep");
    dm_asset_list_free(list, n);
    f.include_deleted = true;
    assert_int_equal(dm_catalog_asset_list(cat, &f, &list, &n, &err), DM_OK);
    assert_int_equal(n, 3);     /* kept as rows, never dropped */
    assert_string_equal(list[0].name, "gone1");
    assert_string_equal(list[0].deleted_at, "2026-02-01T00:00:00Z");
    dm_asset_list_free(list, n);
    dm_asset_rec a;
    assert_null(get_asset(cat, "other", &a)->deleted_at);
    dm_asset_rec_free(&a);

    /* Already deleted ones are not counted again, nor re-stamped. */
    dm_catalog_set_now(cat, "2026-02-02T00:00:00Z");
    assert_int_equal(dm_catalog_asset_mark_vanished(cat, s1, &keep, 1, &nv, &err), DM_OK);
    assert_int_equal(nv, 0);
    assert_string_equal(get_asset(cat, "gone1", &a)->deleted_at, "2026-02-01T00:00:00Z");
    dm_asset_rec_free(&a);

    /* Reappearing clears deleted_at and keeps the id. */
    int64_t id = 0;
    bool is_new = true;
    assert_int_equal(dm_catalog_asset_upsert(cat, s1, "gone1", "folder", "file:///x", NULL, &id, &is_new, &err),
                     DM_OK);
    assert_false(is_new);
    get_asset(cat, "gone1", &a);
    assert_null(a.deleted_at);
    assert_int_equal(a.id, id);
    dm_asset_rec_free(&a);

    /* An empty keep list marks all. */
    assert_int_equal(dm_catalog_asset_mark_vanished(cat, s1, NULL, 0, &nv, &err), DM_OK);
    assert_int_equal(nv, 2);
}

static void test_asset_state_machine(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t id = add_asset(cat, add_source(cat, "s"), "sales");
    dm_asset_rec a;

    assert_int_equal(dm_catalog_asset_set_state(cat, id, DM_ASSET_CLASSIFIED, NULL, &err), DM_ERR_ARG);
    assert_int_equal(dm_catalog_asset_set_state(cat, id, "exploded", NULL, &err), DM_ERR_ARG);
    assert_int_equal(dm_catalog_asset_set_state(cat, 4242, DM_ASSET_CATALOGED, NULL, &err), DM_ERR_NOT_FOUND);
    get_asset(cat, "sales", &a);
    assert_string_equal(a.state, DM_ASSET_DISCOVERED);
    assert_null(a.cataloged_at);
    dm_asset_rec_free(&a);

    dm_catalog_set_now(cat, "2026-03-01T00:00:00Z");
    assert_int_equal(dm_catalog_asset_set_state(cat, id, DM_ASSET_CATALOGED, "etag-1", &err), DM_OK);
    get_asset(cat, "sales", &a);
    assert_string_equal(a.state, DM_ASSET_CATALOGED);
    assert_string_equal(a.cataloged_at, "2026-03-01T00:00:00Z");
    assert_string_equal(a.fingerprint, "etag-1");
    assert_null(a.classified_at);
    dm_asset_rec_free(&a);

    dm_catalog_set_now(cat, "2026-03-02T00:00:00Z");
    assert_int_equal(dm_catalog_asset_set_state(cat, id, DM_ASSET_CLASSIFIED, NULL, &err), DM_OK);
    get_asset(cat, "sales", &a);
    assert_string_equal(a.state, DM_ASSET_CLASSIFIED);
    assert_string_equal(a.classified_at, "2026-03-02T00:00:00Z");
    assert_string_equal(a.cataloged_at, "2026-03-01T00:00:00Z");
    dm_asset_rec_free(&a);

    /* Re-crawl: NULL fingerprint keeps the known one. */
    dm_catalog_set_now(cat, "2026-03-03T00:00:00Z");
    assert_int_equal(dm_catalog_asset_set_state(cat, id, DM_ASSET_CATALOGED, NULL, &err), DM_OK);
    get_asset(cat, "sales", &a);
    assert_string_equal(a.state, DM_ASSET_CATALOGED);
    assert_string_equal(a.fingerprint, "etag-1");
    assert_string_equal(a.cataloged_at, "2026-03-03T00:00:00Z");
    dm_asset_rec_free(&a);
}

/* ---- tables -------------------------------------------------------------- */

static dm_status put_table(dm_catalog *cat, int64_t asset, const dm_column_def *cols, size_t n, int64_t *tid,
                           dm_schema_change *chg)
{
    dm_error err = {0};
    dm_table_put t = {.asset_id = asset, .name = "customers", .location = "file:///data/customers.csv",
                      .format = "csv", .compression = "none", .fingerprint = "fp", .rows_estimate = 100,
                      .bytes = 4096, .columns = cols, .ncolumns = n};
    return dm_catalog_table_put(cat, &t, tid, chg, &err);
}

static void test_table_put_new_and_unchanged(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t asset = add_asset(cat, add_source(cat, "s"), "sales");
    dm_column_def cols[] = {{"id", "bigint", false, false, false}, {"email", "string", true, false, false},
                            {"year", "bigint", false, true, false}};
    int64_t tid = 0, tid2 = 0;
    dm_schema_change chg;
    assert_int_equal(put_table(cat, asset, cols, 3, &tid, &chg), DM_OK);
    assert_int_equal(chg.version, 1);
    assert_true(chg.is_new);
    assert_true(chg.changed);
    assert_int_equal(chg.added, 3);
    assert_int_equal(chg.removed + chg.retyped, 0);

    dm_table_rec *tables = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_table_list(cat, asset, &tables, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_int_equal(tables[0].id, tid);
    assert_int_equal(tables[0].schema_version, 1);
    assert_string_equal(tables[0].format, "csv");
    assert_int_equal(tables[0].rows_estimate, 100);
    assert_int_equal(tables[0].rows_sampled, -1);
    assert_null(tables[0].classified_at);
    dm_table_list_free(tables, n);

    dm_column_rec *c = NULL;
    assert_int_equal(dm_catalog_column_list(cat, tid, &c, &n, &err), DM_OK);
    assert_int_equal(n, 3);
    assert_string_equal(c[0].name, "id");
    assert_string_equal(c[1].name, "email");
    assert_string_equal(c[2].name, "year");
    assert_int_equal(c[2].ordinal, 2);
    assert_true(c[2].is_partition);
    assert_false(c[0].nullable);
    assert_string_equal(c[1].entities, "[]");
    assert_null(c[1].comment);
    dm_column_list_free(c, n);

    /* Same columns: no new version; nullability changes in place. */
    cols[0].nullable = true;
    assert_int_equal(put_table(cat, asset, cols, 3, &tid2, &chg), DM_OK);
    assert_int_equal(tid2, tid);
    assert_int_equal(chg.version, 1);
    assert_false(chg.is_new);
    assert_false(chg.changed);
    assert_int_equal(chg.added + chg.removed + chg.retyped, 0);
    assert_int_equal(dm_catalog_column_list(cat, tid, &c, &n, &err), DM_OK);
    assert_true(c[0].nullable);
    dm_column_list_free(c, n);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM schema_versions"), 1);

    /* Duplicate column names and unknown assets are refused. */
    dm_column_def dup[] = {{"a", "string", true, false, false}, {"a", "bigint", true, false, false}};
    assert_int_equal(put_table(cat, asset, dup, 2, &tid2, &chg), DM_ERR_ARG);
    assert_int_equal(put_table(cat, 4242, cols, 3, &tid2, &chg), DM_ERR_NOT_FOUND);
}

static void test_table_put_schema_change(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t asset = add_asset(cat, add_source(cat, "s"), "sales");
    dm_column_def v1[] = {{"id", "bigint", false, false, false}, {"email", "string", true, false, false},
                          {"zip", "bigint", true, false, false}};
    int64_t tid = 0;
    dm_schema_change chg;
    assert_int_equal(put_table(cat, asset, v1, 3, &tid, &chg), DM_OK);

    /* email removed, zip retyped, phone added */
    dm_column_def v2[] = {{"id", "bigint", false, false, false}, {"phone", "string", true, false, false},
                          {"zip", "string", true, false, false}};
    assert_int_equal(put_table(cat, asset, v2, 3, &tid, &chg), DM_OK);
    assert_int_equal(chg.version, 2);
    assert_true(chg.changed);
    assert_false(chg.is_new);
    assert_int_equal(chg.added, 1);
    assert_int_equal(chg.removed, 1);
    assert_int_equal(chg.retyped, 1);

    dm_column_rec *c = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_column_list(cat, tid, &c, &n, &err), DM_OK);
    assert_int_equal(n, 4);     /* the removed column is kept */
    assert_string_equal(c[0].name, "id");
    assert_string_equal(c[1].name, "email");
    assert_true(c[1].removed);
    assert_string_equal(c[2].name, "zip");
    assert_string_equal(c[2].type, "string");
    assert_false(c[2].removed);
    assert_string_equal(c[3].name, "phone");
    assert_int_equal(c[3].ordinal, 3);
    int64_t email_id = c[1].id;
    dm_column_list_free(c, n);

    assert_string_equal(sql_text(fx->path, "SELECT changes_json FROM schema_versions WHERE version = 2"),
                        "{\"added\":[\"phone\"],\"removed\":[\"email\"],"
                        "\"retyped\":[{\"name\":\"zip\",\"from\":\"bigint\",\"to\":\"string\"}]}");
    assert_string_equal(sql_text(fx->path, "SELECT columns_json FROM schema_versions WHERE version = 2"),
                        "[{\"name\":\"id\",\"type\":\"bigint\",\"nullable\":false,\"is_partition\":false},"
                        "{\"name\":\"zip\",\"type\":\"string\",\"nullable\":true,\"is_partition\":false},"
                        "{\"name\":\"phone\",\"type\":\"string\",\"nullable\":true,\"is_partition\":false}]");

    dm_table_rec *t = NULL;
    assert_int_equal(dm_catalog_table_list(cat, asset, &t, &n, &err), DM_OK);
    assert_int_equal(t[0].schema_version, 2);
    dm_table_list_free(t, n);

    /* email comes back: version 3, same row, same place. */
    dm_column_def v3[] = {{"id", "bigint", false, false, false}, {"email", "string", true, false, false},
                          {"phone", "string", true, false, false}, {"zip", "string", true, false, false}};
    assert_int_equal(put_table(cat, asset, v3, 4, &tid, &chg), DM_OK);
    assert_int_equal(chg.version, 3);
    assert_int_equal(chg.added, 1);
    assert_int_equal(chg.removed + chg.retyped, 0);
    assert_int_equal(dm_catalog_column_list(cat, tid, &c, &n, &err), DM_OK);
    assert_int_equal(n, 4);
    assert_int_equal(c[1].id, email_id);
    assert_false(c[1].removed);
    dm_column_list_free(c, n);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM schema_versions"), 3);
}

static void test_table_mark_vanished(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t asset = add_asset(cat, add_source(cat, "s"), "sales");
    dm_column_def cols[] = {{"id", "bigint", false, false, false}};
    int64_t t1 = 0;
    dm_schema_change chg;
    assert_int_equal(put_table(cat, asset, cols, 1, &t1, &chg), DM_OK);
    assert_int_equal(dm_catalog_table_mark_vanished(cat, asset, NULL, 0, &err), DM_OK);
    dm_table_rec *t = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_table_list(cat, asset, &t, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].deleted_at, "2026-01-01T00:00:00Z");
    dm_table_list_free(t, n);
    assert_int_equal(put_table(cat, asset, cols, 1, &t1, &chg), DM_OK);    /* back again */
    assert_int_equal(dm_catalog_table_list(cat, asset, &t, &n, &err), DM_OK);
    assert_null(t[0].deleted_at);
    dm_table_list_free(t, n);
}

/* ---- findings ------------------------------------------------------------ */

static int64_t classified_table(fixture *fx, int64_t *asset_out)
{
    dm_catalog *cat = open_ready(fx);
    int64_t asset = add_asset(cat, add_source(cat, "s"), "sales");
    dm_column_def cols[] = {{"id", "bigint", false, false, false}, {"contact", "string", true, false, false},
                            {"phone", "string", true, false, false}};
    int64_t tid = 0;
    dm_schema_change chg;
    assert_int_equal(put_table(cat, asset, cols, 3, &tid, &chg), DM_OK);
    if (asset_out != NULL)
        *asset_out = asset;
    return tid;
}

static void test_findings_put_comment(void **state)
{
    fixture *fx = *state;
    int64_t tid = classified_table(fx, NULL);
    dm_catalog *cat = fx->cat;
    dm_error err = {0};
    int64_t run = 0;
    assert_int_equal(dm_catalog_run_begin(cat, "classify", &run, &err), DM_OK);
    dm_finding_rec f[] = {
        {"contact", "EMAIL", 90, 100, 0.9, "high", "[\"j***@e***.com\"]", 0},
        {"phone", "PHONE_NUMBER", 50, 100, 0.5, "medium", NULL, 0},
        {"contact", "PHONE_NUMBER", 10, 100, 0.1, "low", "[]", 0},
    };
    assert_int_equal(dm_catalog_begin(cat, &err), DM_OK);
    assert_int_equal(dm_catalog_findings_put(cat, run, tid, 100, f, 3, &err), DM_OK);
    assert_int_equal(dm_catalog_commit(cat, &err), DM_OK);
    assert_int_equal(dm_catalog_run_end(cat, run, "ok", "{\"tables\":1}", &err), DM_OK);

    dm_column_rec *c = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_column_list(cat, tid, &c, &n, &err), DM_OK);
    assert_int_equal(n, 3);
    assert_null(c[0].comment);
    assert_string_equal(c[0].entities, "[]");
    assert_string_equal(c[1].comment, "Sensitive Data Element | ['EMAIL', 'PHONE_NUMBER']");
    assert_string_equal(c[1].entities, "[\"EMAIL\",\"PHONE_NUMBER\"]");
    assert_string_equal(c[2].comment, "Sensitive Data Element | ['PHONE_NUMBER']");
    dm_column_list_free(c, n);

    assert_int_equal(sql_int(fx->path, "SELECT rows_sampled FROM tables"), 100);
    assert_string_equal(sql_text(fx->path, "SELECT classified_at FROM tables"), "2026-01-01T00:00:00Z");
    assert_string_equal(sql_text(fx->path, "SELECT evidence_json FROM findings WHERE entity = 'EMAIL'"),
                        "[\"j***@e***.com\"]");

    /* A finding on an unknown column fails and changes nothing. */
    dm_finding_rec bad[] = {{"nope", "EMAIL", 1, 1, 1.0, "high", NULL, 0}};
    assert_int_equal(dm_catalog_findings_put(cat, run, tid, 5, bad, 1, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "nope"));
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM findings"), 3);
    assert_int_equal(sql_int(fx->path, "SELECT rows_sampled FROM tables"), 100);
    dm_finding_rec twice[] = {{"phone", "EMAIL", 1, 1, 1.0, "high", NULL, 0}, {"phone", "EMAIL", 1, 1, 1.0, "high", NULL, 0}};
    assert_int_equal(dm_catalog_findings_put(cat, run, tid, 5, twice, 2, &err), DM_ERR_ARG);
    assert_int_equal(dm_catalog_findings_put(cat, 4242, tid, 5, f, 1, &err), DM_ERR_NOT_FOUND);
}

static void test_findings_list_latest_run(void **state)
{
    fixture *fx = *state;
    int64_t tid = classified_table(fx, NULL);
    dm_catalog *cat = fx->cat;
    dm_error err = {0};
    int64_t r1 = 0, r2 = 0, r3 = 0;
    dm_finding_out *out = NULL;
    size_t n = 9;

    assert_int_equal(dm_catalog_findings_list(cat, tid, &out, &n, &err), DM_OK);
    assert_int_equal(n, 0);     /* never classified */

    assert_int_equal(dm_catalog_run_begin(cat, "classify", &r1, &err), DM_OK);
    dm_finding_rec f1[] = {{"contact", "EMAIL", 9, 10, 0.9, "high", NULL, 0}, {"phone", "PHONE_NUMBER", 8, 10, 0.8, "high", NULL, 0}};
    assert_int_equal(dm_catalog_findings_put(cat, r1, tid, 10, f1, 2, &err), DM_OK);

    dm_catalog_set_now(cat, "2026-01-02T00:00:00Z");
    assert_int_equal(dm_catalog_run_begin(cat, "classify", &r2, &err), DM_OK);
    dm_finding_rec f2[] = {{"phone", "PHONE_NUMBER", 7, 10, 0.7, "medium", NULL, 0}};
    assert_int_equal(dm_catalog_findings_put(cat, r2, tid, 10, f2, 1, &err), DM_OK);
    /* Putting the same run again replaces its rows rather than adding. */
    assert_int_equal(dm_catalog_findings_put(cat, r2, tid, 10, f2, 1, &err), DM_OK);

    assert_int_equal(dm_catalog_findings_list(cat, tid, &out, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(out[0].column, "phone");
    assert_string_equal(out[0].entity, "PHONE_NUMBER");
    assert_int_equal(out[0].run_id, r2);
    assert_int_equal(out[0].matches, 7);
    assert_int_equal(out[0].sampled, 10);
    assert_true(out[0].ratio > 0.69 && out[0].ratio < 0.71);
    assert_string_equal(out[0].confidence, "medium");
    assert_string_equal(out[0].evidence_json, "[]");
    assert_string_equal(out[0].created_at, "2026-01-02T00:00:00Z");
    dm_finding_list_free(out, n);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM findings"), 3);   /* history kept */

    dm_column_rec *c = NULL;
    assert_int_equal(dm_catalog_column_list(cat, tid, &c, &n, &err), DM_OK);
    assert_null(c[1].comment);      /* contact lost EMAIL in run 2 */
    assert_string_equal(c[1].entities, "[]");
    dm_column_list_free(c, n);

    /* A run that finds nothing leaves an empty latest classification. */
    assert_int_equal(dm_catalog_run_begin(cat, "classify", &r3, &err), DM_OK);
    assert_int_equal(dm_catalog_findings_put(cat, r3, tid, 10, NULL, 0, &err), DM_OK);
    assert_int_equal(dm_catalog_findings_list(cat, tid, &out, &n, &err), DM_OK);
    assert_int_equal(n, 0);
    assert_int_equal(dm_catalog_findings_list(cat, 4242, &out, &n, &err), DM_ERR_NOT_FOUND);
}

/* ---- tags ---------------------------------------------------------------- */

static void test_tags_put_history(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t asset = add_asset(cat, add_source(cat, "s"), "sales");
    const char *k1[] = {"Data Subjects", "Purpose of Processing"}, *v1[] = {"Customers", "Billing"};
    assert_int_equal(dm_catalog_tags_put(cat, asset, "store", k1, v1, 2, &err), DM_OK);
    const char *kc[] = {"Retention"}, *vc[] = {"5y"};
    assert_int_equal(dm_catalog_tags_put(cat, asset, "config", kc, vc, 1, &err), DM_OK);

    dm_catalog_set_now(cat, "2026-04-01T00:00:00Z");
    const char *k2[] = {"Data Subjects", "Purpose of Processing"}, *v2[] = {"Customers", "Marketing"};
    assert_int_equal(dm_catalog_tags_put(cat, asset, "store", k2, v2, 2, &err), DM_OK);
    dm_catalog_set_now(cat, "2026-04-02T00:00:00Z");
    assert_int_equal(dm_catalog_tags_put(cat, asset, "store", k2, v2, 1, &err), DM_OK);  /* drops Purpose */

    dm_tag *tags = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_tags_get(cat, asset, &tags, &n, &err), DM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(tags[0].key, "Data Subjects");
    assert_string_equal(tags[0].value, "Customers");
    assert_string_equal(tags[0].origin, "store");
    assert_string_equal(tags[0].updated_at, "2026-01-01T00:00:00Z");   /* unchanged value */
    assert_string_equal(tags[1].key, "Retention");
    assert_string_equal(tags[1].origin, "config");                      /* other origin untouched */
    dm_tag_list_free(tags, n);

    /* 3 adds, 1 change, 1 removal; an unchanged value writes no history. */
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM tag_history"), 5);
    assert_string_equal(sql_text(fx->path, "SELECT old_value || '>' || new_value FROM tag_history "
                                           "WHERE changed_at = '2026-04-01T00:00:00Z'"),
                        "Billing>Marketing");
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM tag_history WHERE changed_at = '2026-04-02T00:00:00Z' "
                                       "AND old_value = 'Marketing' AND new_value IS NULL "
                                       "AND key = 'Purpose of Processing'"),
                     1);
    const char *dk[] = {"a", "a"}, *dv[] = {"1", "2"};
    assert_int_equal(dm_catalog_tags_put(cat, asset, "store", dk, dv, 2, &err), DM_ERR_ARG);
    assert_int_equal(dm_catalog_tags_put(cat, 4242, "store", k1, v1, 2, &err), DM_ERR_NOT_FOUND);
}

/* The precedence rule: per key, store > sidecar > config > source; the
 * first of a key is in force, the others name the origin that wins. */
static void test_tags_precedence(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    int64_t asset = add_asset(cat, add_source(cat, "s"), "crm");
    const char *ks[] = {"Data Subjects", "Retention"}, *vs[] = {"Staff", "1y"};
    assert_int_equal(dm_catalog_tags_put(cat, asset, "source", ks, vs, 2, &err), DM_OK);
    const char *kd[] = {"Data Subjects"}, *vd[] = {"Customers"};
    assert_int_equal(dm_catalog_tags_put(cat, asset, "sidecar", kd, vd, 1, &err), DM_OK);
    const char *kc[] = {"Data Subjects"}, *vc[] = {"Patients"};
    assert_int_equal(dm_catalog_tags_put(cat, asset, "config", kc, vc, 1, &err), DM_OK);

    dm_tag *tags = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_tags_get(cat, asset, &tags, &n, &err), DM_OK);
    assert_int_equal(n, 4);
    assert_string_equal(tags[0].origin, "sidecar");     /* not alphabetical: config < sidecar < source */
    assert_string_equal(tags[0].value, "Customers");
    assert_null(tags[0].overridden_by);
    assert_string_equal(tags[1].origin, "config");
    assert_string_equal(tags[1].overridden_by, "sidecar");
    assert_string_equal(tags[2].origin, "source");
    assert_string_equal(tags[2].overridden_by, "sidecar");   /* the winner, not the next stronger */
    assert_string_equal(tags[3].key, "Retention");
    assert_null(tags[3].overridden_by);                  /* alone on its key: in force */
    dm_tag_list_free(tags, n);

    assert_true(dm_tag_origin_rank("store") < dm_tag_origin_rank("sidecar"));
    assert_true(dm_tag_origin_rank("sidecar") < dm_tag_origin_rank("config"));
    assert_true(dm_tag_origin_rank("config") < dm_tag_origin_rank("source"));
    assert_true(dm_tag_origin_rank("source") < dm_tag_origin_rank("bogus"));
    assert_true(dm_tag_origin_rank(NULL) == dm_tag_origin_rank("bogus"));

    /* the search (API): the same marks, and value= matches values in force only */
    dm_tag_search q = {.asset_id = asset};
    dm_tag_hit *hits = NULL;
    int64_t total = 0;
    assert_int_equal(dm_catalog_tag_search(cat, &q, &hits, &n, &total, &err), DM_OK);
    assert_int_equal(n, 4);
    assert_string_equal(hits[0].value, "Customers");
    assert_null(hits[0].overridden_by);
    assert_string_equal(hits[2].value, "Staff");
    assert_string_equal(hits[2].overridden_by, "sidecar");
    dm_tag_hit_list_free(hits, n);
    dm_tag_search qv = {.value = "Staff"};
    assert_int_equal(dm_catalog_tag_search(cat, &qv, &hits, &n, &total, &err), DM_OK);
    assert_int_equal(n, 0);
    dm_tag_hit_list_free(hits, n);
    dm_asset_search as = {.tag = "Data Subjects=Staff"};
    dm_asset_rec *assets = NULL;
    assert_int_equal(dm_catalog_asset_search(cat, &as, &assets, &n, &total, &err), DM_OK);
    assert_int_equal(n, 0);
    dm_asset_list_free(assets, n);
    as.tag = "Data Subjects=Customers";
    assert_int_equal(dm_catalog_asset_search(cat, &as, &assets, &n, &total, &err), DM_OK);
    assert_int_equal(n, 1);
    dm_asset_list_free(assets, n);
}

/* ---- transactions -------------------------------------------------------- */

static size_t count_sources(dm_catalog *cat)
{
    dm_error err = {0};
    dm_source_rec *list = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_source_list(cat, &list, &n, &err), DM_OK);
    dm_source_list_free(list, n);
    return n;
}

static void test_rollback_leaves_nothing(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    assert_int_equal(dm_catalog_begin(cat, &err), DM_OK);
    int64_t s = add_source(cat, "s");
    add_asset(cat, s, "a");
    dm_catalog_rollback(cat);
    assert_int_equal(count_sources(cat), 0);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM assets"), 0);

    /* Nested: the inner rollback undoes only the inner part. */
    assert_int_equal(dm_catalog_begin(cat, &err), DM_OK);
    add_source(cat, "outer");
    assert_int_equal(dm_catalog_begin(cat, &err), DM_OK);
    add_source(cat, "inner");
    dm_catalog_rollback(cat);
    assert_int_equal(dm_catalog_commit(cat, &err), DM_OK);
    assert_int_equal(count_sources(cat), 1);

    /* A failing call inside the caller's transaction undoes only itself. */
    int64_t tid = 0;
    dm_schema_change chg;
    int64_t asset = add_asset(cat, add_source(cat, "t"), "x");
    dm_column_def cols[] = {{"id", "bigint", false, false, false}};
    assert_int_equal(put_table(cat, asset, cols, 1, &tid, &chg), DM_OK);
    int64_t run = 0;
    assert_int_equal(dm_catalog_run_begin(cat, "classify", &run, &err), DM_OK);
    assert_int_equal(dm_catalog_begin(cat, &err), DM_OK);
    add_source(cat, "kept");
    dm_finding_rec bad[] = {{"nope", "EMAIL", 1, 1, 1.0, "high", NULL, 0}};
    assert_int_equal(dm_catalog_findings_put(cat, run, tid, 1, bad, 1, &err), DM_ERR_ARG);
    assert_int_equal(dm_catalog_commit(cat, &err), DM_OK);
    assert_int_equal(count_sources(cat), 3);
    assert_int_equal(dm_catalog_commit(cat, &err), DM_ERR_INTERNAL);   /* nothing open */
}

/* A read snapshot does not block a writer on another connection and does
 * not see its write until it ends. */
static void test_read_snapshot(void **state)
{
    fixture *fx = *state;
    dm_catalog *reader = open_ready(fx), *writer = NULL;
    dm_error err = {0};
    assert_int_equal(dm_catalog_open(fx->path, &writer, &err), DM_OK);
    add_source(reader, "before");
    assert_int_equal(dm_catalog_begin_read(reader, &err), DM_OK);
    assert_int_equal(count_sources(reader), 1);
    add_source(writer, "during");   /* would fail with SQLITE_BUSY under a write lock */
    assert_int_equal(count_sources(reader), 1);
    dm_catalog_rollback(reader);
    assert_int_equal(count_sources(reader), 2);
    dm_catalog_close(writer);
}

static void test_interrupted_transaction(void **state)
{
    fixture *fx = *state;
    dm_catalog *cat = open_ready(fx);
    dm_error err = {0};
    add_source(cat, "before");

    /* Closed without commit. */
    assert_int_equal(dm_catalog_begin(cat, &err), DM_OK);
    add_asset(cat, add_source(cat, "lost"), "a");
    dm_catalog_close(cat);
    fx->cat = NULL;
    cat = open_ready(fx);
    assert_int_equal(count_sources(cat), 1);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM assets"), 0);

    /* Killed mid-transaction, with writes spilled to the WAL. */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dm_catalog *c = NULL;
        if (dm_catalog_open(fx->path, &c, NULL) != DM_OK || dm_catalog_begin(c, NULL) != DM_OK)
            _exit(3);
        for (int i = 0; i < 2000; i++) {
            char name[32];
            snprintf(name, sizeof name, "killed-%d", i);
            dm_source_rec s = {.name = name, .url = (char *)"file:///x"};
            if (dm_catalog_source_add(c, &s, NULL, NULL) != DM_OK)
                _exit(4);
        }
        raise(SIGKILL);
        _exit(5);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGKILL);
    cat = open_ready(fx);
    assert_int_equal(count_sources(cat), 1);
    if (!tdb_postgres())
        assert_string_equal(sql_text(fx->path, "PRAGMA integrity_check"), "ok");
    add_source(cat, "after");   /* not left locked */
    assert_int_equal(count_sources(cat), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrate_fresh_and_idempotent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v1_to_v2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_mode_0600, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_sqlite_refused_untouched, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_sqlite_refused_untouched, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_catalog_refused_untouched, setup, teardown),
        cmocka_unit_test_setup_teardown(test_url_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_migrate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pg_password_file_and_timeout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_source_add_list_get_remove, setup, teardown),
        cmocka_unit_test_setup_teardown(test_source_password_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_asset_upsert_and_last_seen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_asset_mark_vanished, setup, teardown),
        cmocka_unit_test_setup_teardown(test_asset_state_machine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_put_new_and_unchanged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_put_schema_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_mark_vanished, setup, teardown),
        cmocka_unit_test_setup_teardown(test_findings_put_comment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_findings_list_latest_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tags_put_history, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tags_precedence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_snapshot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interrupted_transaction, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
