/*
 * inotify watching of local folders (src/sources/file_watch.c): a new file,
 * a file in a folder made after the watch began, a removal and the sidecar
 * tags file are changes; hidden files and SQLite side files are not; a
 * quiet folder times out with no change.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/mem.h"
#include "sources/file_watch.h"

static void put(const char *dir, const char *name, const char *text)
{
    char *p = dm_xasprintf("%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(p);
}

/* What the changes so far touched, as "name,name|root|all" for asserts. */
static char *taken(dm_file_watch *w)
{
    char **names = NULL;
    size_t n = 0;
    bool root = false, all = false;
    dm_file_watch_take(w, &names, &n, &root, &all);
    char buf[512] = "";
    for (size_t i = 0; i < n; i++) {
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? "," : "", names[i]);
        free(names[i]);
    }
    free(names);
    snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", root ? "|root" : "", all ? "|all" : "");
    return dm_xstrdup(buf);
}

static void assert_taken(dm_file_watch *w, const char *want)
{
    char *got = taken(w);
    assert_string_equal(got, want);
    free(got);
}

/* One wait of up to ms; returns whether a change came. */
static bool waited(dm_file_watch **w, const char *root, int ms)
{
    dm_error err = {0};
    bool changed = true;
    assert_int_equal(dm_file_watch_wait(w, root, ms, &changed, &err), DM_OK);
    return changed;
}

static void test_changes(void **state)
{
    (void)state;
    char root[] = "/tmp/dm_watch_XXXXXX";
    assert_non_null(mkdtemp(root));
    char *sub = dm_xasprintf("%s/crm", root);
    assert_int_equal(mkdir(sub, 0700), 0);
    dm_file_watch *w = NULL;

    assert_false(waited(&w, root, 50));     /* sets up, nothing yet */
    assert_non_null(w);
    put(sub, "customers.csv", "id,email\n1,a@example.com\n");
    assert_true(waited(&w, root, 2000));
    assert_false(waited(&w, root, 50));     /* the burst was one change */
    assert_taken(w, "crm");                 /* the folder (asset) it touched */
    assert_taken(w, "");                    /* and then forgotten */
    put(root, "loose.csv", "a\n1\n");
    assert_true(waited(&w, root, 2000));
    assert_taken(w, "|root");               /* a file in the root: the loose-files asset */

    /* a folder made now, then a file in it: the new folder is watched too */
    char *hr = dm_xasprintf("%s/hr", root);
    assert_int_equal(mkdir(hr, 0700), 0);
    assert_true(waited(&w, root, 2000));
    put(hr, "staff.csv", "name\nAlice\n");
    assert_true(waited(&w, root, 2000));
    assert_taken(w, "hr");
    /* deeper: still the top-level folder */
    char *deep = dm_xasprintf("%s/year=2024", sub);
    assert_int_equal(mkdir(deep, 0700), 0);
    assert_true(waited(&w, root, 2000));
    put(deep, "part.csv", "x\n1\n");
    assert_true(waited(&w, root, 2000));
    assert_taken(w, "crm");
    free(deep);

    /* noise */
    put(root, ".hidden", "x");
    put(hr, "_scratch.csv", "x");
    put(root, "catalog.db-wal", "x");
    put(root, "catalog.db-journal", "x");
    assert_false(waited(&w, root, 400));

    /* the sidecar tags file is hidden but matters */
    put(hr, ".datamap-tags.yaml", "Purpose: Payroll\n");
    assert_true(waited(&w, root, 2000));

    /* removal */
    char *f = dm_xasprintf("%s/staff.csv", hr);
    assert_int_equal(unlink(f), 0);
    assert_true(waited(&w, root, 2000));

    dm_file_watch_free(w);
    char *cmd = dm_xasprintf("rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(f);
    free(hr);
    free(sub);
}

static void test_missing_root(void **state)
{
    (void)state;
    dm_file_watch *w = NULL;
    dm_error err = {0};
    bool changed = true;
    assert_int_equal(dm_file_watch_wait(&w, "/nonexistent/dm_watch", 10, &changed, &err), DM_ERR_IO);
    assert_null(w);
    assert_false(changed);
    assert_non_null(strstr(err.msg, "/nonexistent/dm_watch"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_changes),
        cmocka_unit_test(test_missing_root),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
