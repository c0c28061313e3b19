/*
 * Human review of findings in the catalog: a decision is stored with who,
 * when, why and the column's fingerprint; it survives an unchanged
 * re-classification, lapses (recorded) on a schema change and on a value
 * shape change; undo is a new row; a dismissed entity leaves the column's
 * entities; the migration from version 3 keeps the findings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unistd.h>

#include "catalog/catalog.h"
#include "catalog_testdb.h"

typedef struct fixture {
    char dir[64], path[256], dbname[64];   /* dbname: PostgreSQL under DM_TEST_CATALOG=postgres */
    dm_catalog *cat;
    int64_t asset, table, run;
} fixture;

/* SQL beside datamap's connection, on either backend (catalog_testdb.h). */
#define sql_int tdb_int
#define sql_exec tdb_exec

static const dm_column_def cols_v1[] = {{"id", "bigint", false, false, false},
                                        {"contact", "string", true, false, false},
                                        {"phone", "string", true, false, false}};

static void put_table(fixture *fx, const dm_column_def *cols, size_t n)
{
    dm_error err = {0};
    dm_schema_change chg;
    dm_table_put t = {.asset_id = fx->asset, .name = "customers", .location = "file:///d/customers.csv",
                      .format = "csv", .compression = "none", .fingerprint = "fp", .rows_estimate = 10,
                      .bytes = 100, .columns = cols, .ncolumns = n};
    assert_int_equal(dm_catalog_table_put(fx->cat, &t, &fx->table, &chg, &err), DM_OK);
}

/* Classify the table in a new run: contact holds EMAIL with the given
 * masked examples, phone PHONE_NUMBER. */
static void classify(fixture *fx, const char *contact_examples)
{
    dm_error err = {0};
    assert_int_equal(dm_catalog_run_begin(fx->cat, "classify", &fx->run, &err), DM_OK);
    dm_finding_rec f[] = {
        {"contact", "EMAIL", 9, 10, 0.9, "high", contact_examples, 0},
        {"contact", "PHONE_NUMBER", 2, 10, 0.2, "low", "[\"+4***\"]", 0},
        {"phone", "PHONE_NUMBER", 8, 10, 0.8, "high", "[\"+4***\"]", 0},
    };
    assert_int_equal(dm_catalog_findings_put(fx->cat, fx->run, fx->table, 10, f, 3, &err), DM_OK);
    assert_int_equal(dm_catalog_run_end(fx->cat, fx->run, "ok", NULL, &err), DM_OK);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    dm_error err = {0};
    snprintf(fx->dir, sizeof fx->dir, "/tmp/dm_test_reviews.XXXXXX");
    if (mkdtemp(fx->dir) == NULL)
        return -1;
    snprintf(fx->path, sizeof fx->path, "%s/catalog.db", fx->dir);
    if (tdb_postgres())
        tdb_create(fx->dbname, fx->path, sizeof fx->path);
    if (dm_catalog_open(fx->path, &fx->cat, &err) || dm_catalog_migrate(fx->cat, &err))
        return -1;
    dm_catalog_set_now(fx->cat, "2026-01-01T00:00:00Z");
    dm_source_rec s = {.name = (char *)"s", .url = (char *)"file:///d"};
    int64_t sid = 0;
    bool is_new;
    if (dm_catalog_source_add(fx->cat, &s, &sid, &err) ||
        dm_catalog_asset_upsert(fx->cat, sid, "sales", "folder", "file:///d", NULL, &fx->asset, &is_new, &err))
        return -1;
    *state = fx;
    put_table(fx, cols_v1, 3);
    classify(fx, "[\"j***@e***.com\",\"a***@b***.org\"]");
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
    int rc = system(cmd);
    free(fx);
    return rc == 0 ? 0 : -1;
}

static dm_status review(fixture *fx, const char *column, const char *entity, const char *decision, dm_error *err)
{
    dm_review_put r = {.source = "s", .asset = "sales", .table = "customers", .column = column,
                       .entity = entity, .decision = decision, .by = "alice", .reason = "test fixtures"};
    return dm_catalog_review_put(fx->cat, &r, NULL, err);
}

/* The decision in force on contact/EMAIL ("" for none) and the column's entities. */
static void state_of(fixture *fx, char *decision, size_t cap, char *entities, size_t ecap)
{
    dm_error err = {0};
    dm_finding_out *f = NULL;
    size_t n = 0;
    decision[0] = '\0';
    assert_int_equal(dm_catalog_findings_list(fx->cat, fx->table, &f, &n, &err), DM_OK);
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].column, "contact") == 0 && strcmp(f[i].entity, "EMAIL") == 0 && f[i].review)
            snprintf(decision, cap, "%s by %s: %s", f[i].review, f[i].review_by, f[i].review_reason);
    dm_finding_list_free(f, n);
    dm_column_rec *c = NULL;
    assert_int_equal(dm_catalog_column_list(fx->cat, fx->table, &c, &n, &err), DM_OK);
    snprintf(entities, ecap, "%s", c[1].entities);
    dm_column_list_free(c, n);
}

static void test_dismiss_stored_and_kept_on_rescan(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    char d[256], e[256];
    assert_int_equal(review(fx, "contact", "EMAIL", DM_REVIEW_DISMISSED, &err), DM_OK);
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "dismissed by alice: test fixtures");
    assert_string_equal(e, "[\"PHONE_NUMBER\"]");   /* no longer counted as EMAIL */
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM finding_reviews WHERE decision = 'dismissed' AND "
                                       "schema_version = 1 AND length(shape) = 16 AND "
                                       "created_at = '2026-01-01T00:00:00Z'"),
                     1);
    /* an unchanged re-scan (same examples, in another order) keeps it */
    classify(fx, "[\"a***@b***.org\",\"j***@e***.com\"]");
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "dismissed by alice: test fixtures");
    assert_string_equal(e, "[\"PHONE_NUMBER\"]");
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM finding_reviews"), 1);
    /* still computed and stored */
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM findings WHERE entity = 'EMAIL'"), 2);

    dm_review_rec *r = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_review_list(fx->cat, true, &r, &n, &err), DM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].asset, "sales");
    assert_string_equal(r[0].column, "contact");
    assert_string_equal(r[0].by, "alice");
    dm_review_list_free(r, n);
}

static void test_lapses_on_schema_change(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    char d[256], e[256];
    assert_int_equal(review(fx, "contact", "EMAIL", DM_REVIEW_DISMISSED, &err), DM_OK);
    dm_column_def cols_v2[] = {cols_v1[0], cols_v1[1], cols_v1[2], {"city", "string", true, false, false}};
    put_table(fx, cols_v2, 4);
    classify(fx, "[\"j***@e***.com\",\"a***@b***.org\"]");
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "");
    assert_string_equal(e, "[\"EMAIL\",\"PHONE_NUMBER\"]");
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM finding_reviews WHERE decision = 'lapsed' AND "
                                       "reason LIKE '%schema version 1 -> 2%'"),
                     1);
    dm_review_rec *r = NULL;
    size_t n = 0;
    assert_int_equal(dm_catalog_review_list(fx->cat, true, &r, &n, &err), DM_OK);
    assert_int_equal(n, 0);
    dm_review_list_free(r, n);
    assert_int_equal(dm_catalog_review_list(fx->cat, false, &r, &n, &err), DM_OK);
    assert_int_equal(n, 2);     /* history: the decision and its lapse */
    dm_review_list_free(r, n);
    /* a later scan does not record the lapse again */
    classify(fx, "[\"j***@e***.com\"]");
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM finding_reviews"), 2);
}

static void test_lapses_on_shape_change(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    char d[256], e[256];
    assert_int_equal(review(fx, "contact", "EMAIL", DM_REVIEW_CONFIRMED, &err), DM_OK);
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "confirmed by alice: test fixtures");
    assert_string_equal(e, "[\"EMAIL\",\"PHONE_NUMBER\"]");   /* confirmed counts */
    /* other values of the same shape: kept */
    classify(fx, "[\"x***@y***.net\"]");
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "confirmed by alice: test fixtures");
    /* values of another shape: lapsed */
    classify(fx, "[\"j***.d***@e***.co.uk\"]");
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "");
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM finding_reviews WHERE decision = 'lapsed' AND "
                                       "reason LIKE 'confirmed lapsed: value shape%'"),
                     1);
}

static void test_undo_is_a_new_row(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    char d[256], e[256];
    assert_int_equal(review(fx, "contact", "EMAIL", DM_REVIEW_UNDONE, &err), DM_ERR_ARG);   /* nothing to undo */
    assert_int_equal(review(fx, "contact", "EMAIL", DM_REVIEW_DISMISSED, &err), DM_OK);
    dm_catalog_set_now(fx->cat, "2026-01-02T00:00:00Z");
    assert_int_equal(review(fx, "contact", "EMAIL", DM_REVIEW_UNDONE, &err), DM_OK);
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "");
    assert_string_equal(e, "[\"EMAIL\",\"PHONE_NUMBER\"]");
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM finding_reviews"), 2);
    /* a re-scan does not bring the undone decision back */
    classify(fx, "[\"j***@e***.com\",\"a***@b***.org\"]");
    state_of(fx, d, sizeof d, e, sizeof e);
    assert_string_equal(d, "");
}

static void test_errors_name_the_input(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_review_put r = {.asset = "nope", .table = "customers", .column = "contact", .entity = "EMAIL",
                       .decision = DM_REVIEW_DISMISSED, .by = "a", .reason = "b"};
    assert_int_equal(dm_catalog_review_put(fx->cat, &r, NULL, &err), DM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "'nope'"));
    r.asset = "sales";
    r.table = "orders";
    assert_int_equal(dm_catalog_review_put(fx->cat, &r, NULL, &err), DM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "'orders'"));
    r.table = "customers";
    r.column = "zip";
    assert_int_equal(dm_catalog_review_put(fx->cat, &r, NULL, &err), DM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "'zip'"));
    r.column = "id";
    assert_int_equal(dm_catalog_review_put(fx->cat, &r, NULL, &err), DM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "EMAIL"));
    r.column = "contact";
    r.reason = " ";
    assert_int_equal(dm_catalog_review_put(fx->cat, &r, NULL, &err), DM_ERR_ARG);
    r.reason = "b";
    r.decision = "maybe";
    assert_int_equal(dm_catalog_review_put(fx->cat, &r, NULL, &err), DM_ERR_ARG);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM finding_reviews"), 0);
}

static void test_shape(void **state)
{
    (void)state;
    char a[17], b[17], c[17], z[17];
    dm_review_shape("[\"j***@e***.com\",\"x***@y***.org\"]", a);
    dm_review_shape("[\"q***@r***.net\"]", b);       /* same set of shape keys */
    dm_review_shape("[\"+44 2***\"]", c);
    dm_review_shape(NULL, z);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_string_not_equal(a, z);
    assert_int_equal(strlen(a), 16);
}

/* Version 3 to 4: the findings stay and carry no decision. */
static void test_migrate_v3_to_v4(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_catalog_close(fx->cat);
    fx->cat = NULL;
    /* back to version 3: later steps undone too */
    sql_exec(fx->path, "DROP TABLE finding_reviews; ALTER TABLE findings DROP COLUMN review_id; "
                       "ALTER TABLE tables DROP COLUMN encoding; "
                       "ALTER TABLE assets DROP COLUMN last_error; ALTER TABLE assets DROP COLUMN failed_at; "
                       "ALTER TABLE findings DROP COLUMN allow_listed; "
                       "ALTER TABLE assets DROP COLUMN unread_json; "
                       "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_schema_version(fx->cat), 3);
    assert_int_equal(dm_catalog_migrate(fx->cat, &err), DM_OK);
    assert_true(dm_catalog_schema_version(fx->cat) >= 4);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM findings WHERE review_id IS NULL"), 3);
    assert_int_equal(review(fx, "contact", "EMAIL", DM_REVIEW_DISMISSED, &err), DM_OK);
    assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM findings WHERE review_id IS NOT NULL"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_dismiss_stored_and_kept_on_rescan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lapses_on_schema_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lapses_on_shape_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_undo_is_a_new_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_name_the_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v3_to_v4, setup, teardown),
        cmocka_unit_test(test_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
