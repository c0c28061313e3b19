/*
 * scan: the whole pipeline on ad-hoc targets with a throwaway in-memory
 * catalog; nothing is registered. Prints the findings.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/mem.h"
#include "core/progress.h"
#include "pipeline/export.h"
#include "sources/secret_option.h"
#include "sources/source.h"
#include "sources/sql_common.h"

static const char scan_help[] =
    "usage: datamap scan URL|PATH... [options]\n\n"
    "Discover, crawl, classify and read the tags of the targets in one go, without\n"
    "registering anything, and print what was found.\n\n"
    "  --format F         table (default) or json\n"
    "  --all-columns      table format: list every column, not only personal-data ones\n"
    "  --option K=V       driver option for every target (repeatable; as in `source add`)\n"
    "  --require-tag K=V  only assets carrying this tag (bare: gdpr-scan=true)\n";

int dm_cmd_scan(dm_cli *cli, int argc, char **argv)
{
    struct option opts[] = {DM_CLI_SCAN_LONGOPTS,
                            {"format", required_argument, NULL, 'f'},
                            {"all-columns", no_argument, NULL, 'a'},
                            {"option", required_argument, NULL, 'o'},
                            {"require-tag", optional_argument, NULL, 'r'},
                            {"help", no_argument, NULL, 'h'},
                            {NULL, 0, NULL, 0}};
    dm_pipeline_opts po;
    const char *format = "table", *require = NULL;
    bool all_columns = false;
    int opt, r;
    json_t *options = json_object();
    char *options_json = NULL;
    dm_cli_pipeline_defaults(cli, &po);
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'h') {
            fputs(scan_help, stdout);
            fputs(DM_CLI_SCAN_HELP, stdout);
            return DM_EXIT_OK;
        }
        if (opt == 'f') {
            format = optarg;
            continue;
        }
        if (opt == 'a') {
            all_columns = true;
            continue;
        }
        if (opt == 'o') {
            if (dm_source_secret_option(optarg)) {
                /* the driver's own conventions when every target has the same driver, else each driver's */
                const char *hint_url = NULL;
                for (int i = optind; i < argc; i++) {
                    const char *sc = argv[i][0] != '-' ? dm_source_lookup(argv[i]) : NULL;
                    if (sc == NULL || strcmp(sc, "file") == 0)
                        continue;
                    if (hint_url != NULL && strcmp(dm_source_lookup(hint_url), sc) != 0) {
                        hint_url = NULL;
                        break;
                    }
                    hint_url = argv[i];
                }
                json_decref(options);
                return dm_cli_usage_error("scan", "--option %.*s: secrets are never given on the command line; use %s",
                                          (int)strcspn(optarg, "="), optarg, dm_source_secret_hint(hint_url));
            }
            if (!dm_cli_put_kv(options, optarg)) {
                json_decref(options);
                return dm_cli_usage_error("scan", "--option takes K=V, not '%s'", optarg);
            }
            continue;
        }
        if (opt == 'r') {
            if (optarg == NULL && optind < argc && argv[optind][0] != '-' && strchr(argv[optind], '=') &&
                !strstr(argv[optind], "://"))
                optarg = argv[optind++];
            require = optarg ? optarg : "gdpr-scan=true";
            continue;
        }
        if ((r = dm_cli_scan_option("scan", opt, optarg, &po)) < 0 || r == 0) {
            json_decref(options);
            return r < 0 ? DM_EXIT_USAGE : dm_cli_usage_error("scan", "unknown option");
        }
    }
    options_json = json_dumps(options, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(options);
    dm_catalog *cat = NULL;
    dm_pipeline *p = NULL;
    dm_error err = {0};
    int rc = DM_EXIT_OK;
    json_t *doc = NULL;
    if (strcmp(format, "table") && strcmp(format, "json")) {
        rc = dm_cli_usage_error("scan", "--format takes table or json, not '%s'", format);
        goto out;
    }
    if (optind >= argc) {
        rc = dm_cli_usage_error("scan", "give at least one path or URL");
        goto out;
    }
    for (int i = optind; i < argc; i++) {
        if (dm_source_lookup(argv[i]) == NULL) {
            rc = dm_cli_usage_error("scan", "%s: unsupported URL scheme", argv[i]);
            goto out;
        }
    }
    if (dm_catalog_open(":memory:", &cat, &err) || dm_catalog_migrate(cat, &err)) {
        fprintf(stderr, "datamap scan: %s\n", err.msg);
        rc = DM_EXIT_FAILED;
        goto out;
    }
    if (dm_pipeline_new(cat, &po, "scan", &p, &err)) {
        fprintf(stderr, "datamap scan: %s\n", err.msg);
        rc = err.code == DM_ERR_ARG ? DM_EXIT_USAGE : DM_EXIT_FAILED;
        goto out;
    }
    for (int i = optind; i < argc; i++) {
        const char *t = argv[i];
        const char *scheme = dm_source_lookup(t);
        bool local = strcmp(scheme, "file") == 0;
        char *name = i == optind ? dm_xstrdup(local ? "local" : scheme)
                                 : dm_xasprintf("%s%d", local ? "local" : scheme, i - optind + 1);
        char *url = NULL;
        if (local && strstr(t, "://") == NULL) {
            char real[PATH_MAX];
            url = realpath(t, real) ? dm_xasprintf("file://%s", real) : dm_xstrdup(t);
        } else {
            url = dm_xstrdup(t);
        }
        dm_source_rec rec = {0, name, url, options_json, "{}", (char *)require, NULL};
        if (dm_catalog_source_add(cat, &rec, &rec.id, &err)) {
            char *shown = dm_sql_redact_url(t);     /* never echo a password */
            if (dm_catalog_url_has_password(t))
                dm_pipeline_problem(p, shown, "%s; use %s", err.msg, dm_source_secret_hint(t));
            else
                dm_pipeline_problem(p, shown, "%s", err.msg);
            free(shown);
        } else {
            dm_pipeline_discover(p, &rec);
            dm_asset_rec *assets = NULL;
            size_t na = 0;
            dm_asset_filter f = {name, NULL, false};
            if (dm_catalog_asset_list(cat, &f, &assets, &na, &err) == DM_OK) {
                dm_progress_total((int64_t)na, 0, 0);
                for (size_t a = 0; a < na; a++) {
                    dm_pipeline_asset(p, &rec, &assets[a], true, true);
                    dm_pipeline_tags(p, &rec, &assets[a]);
                }
            }
            dm_asset_list_free(assets, na);
        }
        free(name);
        dm_free_secret(url);    /* an ad-hoc URL may carry a password (the catalog refused it) */
    }
    dm_progress_stop();     /* the findings start on a clean line, not after "... rows" */
    size_t np;
    const dm_problem *probs = dm_pipeline_problems(p, &np);
    dm_asset_filter all = {0};
    doc = dm_export_build(cat, &all, probs, np, &err);
    if (doc == NULL) {
        fprintf(stderr, "datamap scan: %s\n", err.msg);
        rc = DM_EXIT_FAILED;
        goto out;
    }
    if (strcmp(format, "json") == 0)
        dm_export_print_json(stdout, doc);
    else
        dm_export_print_table(stdout, doc, all_columns);
    rc = dm_cli_finish(p);
out:
    free(options_json);
    json_decref(doc);
    dm_pipeline_finish(p);
    dm_pipeline_free(p);
    dm_catalog_close(cat);
    return rc;
}
