#include <getopt.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/mem.h"

int dm_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "datamap %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'datamap %s --help'.\n", cmd);
    return DM_EXIT_USAGE;
}

dm_catalog *dm_cli_open_catalog(dm_cli *cli)
{
    dm_catalog *cat = NULL;
    dm_error err = {0};
    if (dm_catalog_open(cli->catalog_url, &cat, &err) || dm_catalog_migrate(cat, &err)) {
        fprintf(stderr, "datamap: catalog %s: %s\n", cli->catalog_shown, err.msg);
        dm_catalog_close(cat);
        return NULL;
    }
    return cat;
}

dm_catalog *dm_cli_open_catalog_existing(dm_cli *cli, int *exit_code)
{
    dm_catalog *cat = NULL;
    dm_error err = {0};
    dm_status rc = dm_catalog_open_existing(cli->catalog_url, &cat, &err);
    if (rc == DM_ERR_NOT_FOUND) {
        fprintf(stderr, "datamap: no catalog at %s (run `datamap init` or pass --catalog)\n", cli->catalog_shown);
        *exit_code = DM_EXIT_USAGE;
        return NULL;
    }
    if (rc != DM_OK || dm_catalog_migrate(cat, &err) != DM_OK) {
        fprintf(stderr, "datamap: catalog %s: %s\n", cli->catalog_shown, err.msg);
        dm_catalog_close(cat);
        *exit_code = DM_EXIT_FAILED;
        return NULL;
    }
    return cat;
}

void dm_cli_pipeline_defaults(const dm_cli *cli, dm_pipeline_opts *o)
{
    memset(o, 0, sizeof *o);
    o->rows = cli->cfg.rows ? cli->cfg.rows : DM_PIPELINE_DEFAULT_ROWS;
    o->classify.threshold = cli->cfg.threshold >= 0 ? cli->cfg.threshold : 0.1;
    o->classify.min_count = cli->cfg.min_count ? cli->cfg.min_count : 1;
    o->only = cli->cfg.only;
    o->except = cli->cfg.except;
    o->allow = &cli->cfg;
    o->progress = true;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = cores < 1 ? 1 : cores > DM_CLI_MAX_JOBS ? DM_CLI_MAX_JOBS : (int)cores;
}

int dm_cli_scan_option(const char *cmd, int opt, const char *arg, dm_pipeline_opts *o)
{
    char *end;
    switch (opt) {
    case 1000:
        if (!dm_parse_rows(arg, &o->rows)) {
            dm_cli_usage_error(cmd, "--rows takes a positive number or 'all', not '%s'", arg);
            return -1;
        }
        return 1;
    case 1001:
        o->classify.threshold = strtod(arg, &end);
        if (*end || end == arg || o->classify.threshold < 0 || o->classify.threshold > 1) {
            dm_cli_usage_error(cmd, "--threshold takes a number between 0 and 1, not '%s'", arg);
            return -1;
        }
        return 1;
    case 1002:
        o->only = arg;
        return 1;
    case 1003:
        o->except = arg;
        return 1;
    case 1004:
        if (!dm_parse_rows(arg, &o->classify.min_count) || o->classify.min_count == UINT64_MAX) {
            dm_cli_usage_error(cmd, "--min-count takes a positive number, not '%s'", arg);
            return -1;
        }
        return 1;
    case 1005:
        o->force = true;
        return 1;
    case 1006: {
        dm_error err = {0};
        if (dm_encoding_lookup(arg, &o->encoding, &err) != DM_OK) {
            dm_cli_usage_error(cmd, "--encoding: %s", err.msg);
            return -1;
        }
        return 1;
    }
    case 1007: {
        long n = strtol(arg, &end, 10);
        if (*end || end == arg || n < 1 || n > DM_CLI_MAX_JOBS) {
            dm_cli_usage_error(cmd, "--jobs takes a number from 1 to %d, not '%s'", DM_CLI_MAX_JOBS, arg);
            return -1;
        }
        o->jobs = (int)n;
        return 1;
    }
    default:
        return 0;
    }
}

bool dm_cli_select_assets(dm_catalog *cat, int argc, char **argv, dm_asset_rec **out, size_t *n)
{
    dm_error err = {0};
    dm_asset_rec *all = NULL;
    size_t na = 0;
    dm_asset_filter f = {0};
    *out = NULL;
    *n = 0;
    if (dm_catalog_asset_list(cat, &f, &all, &na, &err)) {
        fprintf(stderr, "datamap: %s\n", err.msg);
        return false;
    }
    if (argc == 0) {
        *out = all;
        *n = na;
        return true;
    }
    bool *want = dm_xcalloc(na + 1, sizeof *want);
    bool ok = true;
    for (int i = 0; i < argc; i++) {
        const char *slash = strchr(argv[i], '/');
        bool found = false;
        for (size_t k = 0; k < na; k++) {
            bool match = slash ? strncmp(all[k].source_name, argv[i], (size_t)(slash - argv[i])) == 0 &&
                                     all[k].source_name[slash - argv[i]] == '\0' && strcmp(all[k].name, slash + 1) == 0
                               : strcmp(all[k].name, argv[i]) == 0;
            if (match) {
                want[k] = true;
                found = true;
            }
        }
        if (!found) {
            fprintf(stderr, "datamap: no asset named '%s' (see `datamap catalog`)\n", argv[i]);
            ok = false;
        }
    }
    /* keep the wanted ones, free the rest */
    size_t k2 = 0;
    for (size_t k = 0; k < na; k++) {
        if (want[k])
            all[k2++] = all[k];
        else
            dm_asset_rec_free(&all[k]);
    }
    free(want);
    *out = all;
    *n = k2;
    return ok;
}

int dm_cli_finish(dm_pipeline *p)
{
    size_t np;
    dm_pipeline_problems(p, &np);
    return np ? DM_EXIT_FAILED : DM_EXIT_OK;
}

/* K=V into a JSON object; false when there is no '='. */
bool dm_cli_put_kv(json_t *obj, const char *kv)
{
    const char *eq = strchr(kv, '=');
    if (eq == NULL || eq == kv)
        return false;
    char *k = dm_xstrndup(kv, (size_t)(eq - kv));
    json_object_set_new(obj, k, json_string(eq + 1));
    free(k);
    return true;
}

void dm_cli_set_catalog(dm_cli *cli, const char *url)
{
    cli->catalog_url = url;
    cli->catalog_shown = dm_catalog_url_redact(url);
}
