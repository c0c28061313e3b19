/*
 * The table of configuration keys (src/core/config.c): every key reads its
 * documented default, wrong values and unknown keys are errors naming the
 * key, the file and the line (with the nearest known key), and docs/config.md
 * is what `datamap config keys --format md` prints.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/config.h"
#include "pipeline/pipeline.h"
#include "report/report.h"
#include "server/schedule.h"

static char *write_tmp(const char *text)
{
    char *p = strdup("/tmp/dmkeys.XXXXXX");
    int fd = mkstemp(p);
    assert_true(fd >= 0);
    assert_true(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    return p;
}

/* "# comment" then the dotted key nested, its value quoted; *line gets the
 * line of the last part. */
static void nested_yaml(const char *key, const char *val, char *out, size_t size, int *line)
{
    size_t n = (size_t)snprintf(out, size, "# written by test_config_keys\n");
    *line = 1;
    int depth = 0;
    for (const char *p = key; *p;) {
        size_t len = strcspn(p, ".");
        (*line)++;
        n += (size_t)snprintf(out + n, size - n, "%*s%.*s:", 2 * depth, "", (int)len, p);
        p += len;
        if (*p == '.') {
            p++;
            n += (size_t)snprintf(out + n, size - n, "\n");
            depth++;
        }
    }
    snprintf(out + n, size - n, " \"%s\"\n", val);
}

static dm_status load_text(const char *text, dm_config *cfg, dm_error *err, char **path)
{
    *path = write_tmp(text);
    return dm_config_load(*path, cfg, err);
}

static void assert_field_is(const dm_config_key *k, const dm_config *got, const dm_config *want)
{
    const char *a = (const char *)got + k->offset, *b = (const char *)want + k->offset;
    switch (k->type) {
    case DM_CT_STRING:
    case DM_CT_CRON:
        if (*(char *const *)b == NULL)
            assert_string_equal(*(char *const *)a, k->def);
        else
            assert_string_equal(*(char *const *)a, *(char *const *)b);
        break;
    case DM_CT_INT: assert_int_equal(*(const int64_t *)a, *(const int64_t *)b); break;
    case DM_CT_NUMBER: assert_true(*(const double *)a == *(const double *)b); break;
    case DM_CT_ROWS: assert_int_equal(*(const uint64_t *)a, *(const uint64_t *)b); break;
    case DM_CT_MAP: fail_msg("%s: a map has no default", k->key);
    }
}

static void test_config_keys_defaults(void **state)
{
    (void)state;
    dm_config def, cfg;
    dm_error err = {0};
    char *p;
    if (load_text("# nothing set\n", &def, &err, &p) != DM_OK)
        fail_msg("%s", err.msg);
    unlink(p);
    free(p);
    /* the defaults the code falls back on when no file was loaded agree */
    assert_int_equal(def.rows, DM_PIPELINE_DEFAULT_ROWS);
    assert_int_equal(def.report_stale_days, DM_REPORT_STALE_DAYS);
    assert_int_equal(def.min_count, 1);
    assert_true(def.threshold == 0.1);
    assert_string_equal(def.catalog, "datamap.db");
    assert_string_equal(def.server_listen, "127.0.0.1:8080");
    assert_int_equal(def.server_workers, 2);
    /* the schedule's stay unset; serve takes them from the table */
    assert_null(def.schedule_discover);
    assert_null(def.schedule_timezone);
    assert_string_equal(dm_schedule_default("classify"), dm_config_default("schedule.classify"));
    assert_string_equal(dm_schedule_default("classify"), "0 6 * * 1-5");

    /* every key given its documented default in a file reads as that default */
    size_t nkeys = 0;
    for (const dm_config_key *k = dm_config_keys; k->key; k++) {
        nkeys++;
        assert_ptr_equal(dm_config_key_find(k->key), k);
        if (k->def == NULL)
            continue;
        char text[512];
        int line;
        nested_yaml(k->key, k->def, text, sizeof text, &line);
        if (load_text(text, &cfg, &err, &p) != DM_OK)
            fail_msg("%s: its default '%s' does not load: %s", k->key, k->def, err.msg);
        assert_field_is(k, &cfg, &def);
        dm_config_free(&cfg);
        unlink(p);
        free(p);
    }
    assert_true(nkeys >= 20);
    assert_null(dm_config_key_find("classify"));
    assert_null(dm_config_default("controller.name"));
    dm_config_free(&def);
    assert_true(def.threshold < 0);
    assert_null(def.catalog);
}

/* text must fail at line with a message holding "FILE:line:" and frag. */
static void expect_error(const char *text, int line, const char *frag)
{
    dm_config cfg;
    dm_error err = {0};
    char *p;
    dm_status rc = load_text(text, &cfg, &err, &p);
    char where[128];
    snprintf(where, sizeof where, "%s:%d: ", p, line);
    if (rc != DM_ERR_CONFIG || err.code != DM_ERR_CONFIG || strstr(err.msg, where) == NULL ||
        strstr(err.msg, frag) == NULL)
        fail_msg("config:\n%s\ngave %d '%s'; want '%s' and '%s'", text, rc, err.msg, where, frag);
    assert_null(cfg.catalog);   /* a failed load leaves nothing behind */
    unlink(p);
    free(p);
}

static void test_config_keys_wrong_values(void **state)
{
    (void)state;
    /* a value no key of its type accepts, for every typed key, names key, file and line */
    static const char *const bad[] = {
        [DM_CT_INT] = "many", [DM_CT_NUMBER] = "high", [DM_CT_ROWS] = "some", [DM_CT_CRON] = "sometimes"};
    for (const dm_config_key *k = dm_config_keys; k->key; k++) {
        if (k->type == DM_CT_STRING || k->type == DM_CT_MAP)
            continue;
        char text[512], want[160];
        int line;
        nested_yaml(k->key, bad[k->type], text, sizeof text, &line);
        snprintf(want, sizeof want, "%s", k->key);
        expect_error(text, line, want);
    }
    /* ranges and the validators of string keys */
    expect_error("classify:\n  threshold: 1.5\n", 2, "classify.threshold must be a number from 0 to 1");
    expect_error("server:\n  workers: 65\n", 2, "server.workers must be a whole number from 1 to 64");
    expect_error("server:\n  workers: -1\n", 2, "server.workers");
    expect_error("classify:\n  min_count: 0\n", 2, "classify.min_count must be a whole number, at least 1");
    expect_error("classify:\n  rows: 0\n", 2, "classify.rows must be a positive number or 'all'");
    expect_error("catalog: x.db\nlog_format: xml\n", 2, "log_format: must be human or json");
    /* shapes */
    expect_error("classify: 5\n", 1, "classify must be a mapping");
    expect_error("tag_mapping: purpose\n", 1, "tag_mapping must be a mapping of report fields");
    expect_error("tag_mapping:\n  purpose:\n    a: b\n", 2, "too deeply nested ('tag_mapping.purpose'");
    expect_error("tag_mapping:\n  purpose: a\n  purpose: [b]\n", 3, "tag_mapping.purpose given twice (line 2)");
    expect_error("catalog: [a, b]\n", 1, "'catalog' takes a single value");

    /* the values that are right still load, with "all" and a list */
    dm_config cfg;
    dm_error err = {0};
    char *p;
    if (load_text("classify:\n  rows: ALL\n  min_count: 3\ntag_mapping:\n  retention: [Keep, Aufbewahrung]\n",
                  &cfg, &err, &p) != DM_OK)
        fail_msg("%s", err.msg);
    assert_true(cfg.rows == UINT64_MAX);
    assert_int_equal(cfg.min_count, 3);
    assert_int_equal(cfg.ntag_mapping, 1);
    assert_int_equal(cfg.tag_mapping[0].nkeys, 2);
    assert_string_equal(cfg.tag_mapping[0].keys[1], "Aufbewahrung");
    dm_config_free(&cfg);
    unlink(p);
    free(p);
}

static void test_config_keys_suggestions(void **state)
{
    (void)state;
    expect_error("classify:\n  treshold: 0.2\n", 2,
                 "unknown key 'classify.treshold'; did you mean classify.threshold?");
    expect_error("clasify:\n  rows: 5\n", 1, "unknown section 'clasify'; did you mean classify?");
    expect_error("server:\n  threshold: 0.2\n", 2, "unknown key 'server.threshold'; did you mean classify.threshold?");
    expect_error("log_fromat: json\n", 1, "unknown key 'log_fromat'; did you mean log_format?");
    expect_error("schedule:\n  sources:\n    crm:\n      clasify: \"off\"\n", 4,
                 "unknown key 'schedule.sources.crm.clasify'; did you mean schedule.sources.crm.classify?");
    expect_error("tag_mapping:\n  legal_bases: [x]\n", 2,
                 "unknown key 'tag_mapping.legal_bases'; did you mean tag_mapping.legal_basis?");
    /* nothing close: no guess */
    dm_config cfg;
    dm_error err = {0};
    char *p;
    assert_int_equal(load_text("controller:\n  phone: 123\n", &cfg, &err, &p), DM_ERR_CONFIG);
    assert_non_null(strstr(err.msg, ":2: unknown key 'controller.phone'"));
    assert_null(strstr(err.msg, "did you mean"));
    unlink(p);
    free(p);
}

static char *slurp(FILE *f)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    int c;
    while ((c = fgetc(f)) != EOF)
        fputc(c, m);
    fclose(m);
    return buf;
}

static void test_config_keys_doc(void **state)
{
    (void)state;
    /* docs/config.md, found from this file: tests/unit/ -> the source tree */
    char path[4096];
    snprintf(path, sizeof path, "%s", __FILE__);
    char *slash = strrchr(path, '/');
    assert_non_null(slash);
    snprintf(slash, sizeof path - (size_t)(slash - path), "/../../docs/config.md");
    FILE *f = fopen(path, "r");
    if (f == NULL)
        fail_msg("%s: missing", path);
    char *committed = slurp(f);
    fclose(f);

    char *gen = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&gen, &n);
    assert_true(dm_config_doc(m, "md"));
    fclose(m);
    if (strcmp(committed, gen) != 0)
        fail_msg("docs/config.md differs from `datamap config keys --format md`; regenerate it with\n"
                 "  build/datamap config keys --format md > docs/config.md");
    /* every key is in it, with its default */
    for (const dm_config_key *k = dm_config_keys; k->key; k++) {
        char row[256];
        snprintf(row, sizeof row, "| `%s%s", k->key, k->type == DM_CT_MAP ? "." : "` |");
        assert_non_null(strstr(gen, row));
        if (k->def != NULL) {
            snprintf(row, sizeof row, "| `%s` |", k->def);
            assert_non_null(strstr(gen, row));
        }
    }
    free(committed);
    free(gen);

    assert_false(dm_config_doc(stdout, "yaml"));
    m = open_memstream(&gen, &n);
    assert_true(dm_config_doc(m, "json"));
    fclose(m);
    assert_non_null(strstr(gen, "\"key\": \"classify.threshold\""));
    free(gen);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_keys_defaults),
        cmocka_unit_test(test_config_keys_wrong_values),
        cmocka_unit_test(test_config_keys_suggestions),
        cmocka_unit_test(test_config_keys_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
