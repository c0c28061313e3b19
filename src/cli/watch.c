/*
 * discover --watch: discover, crawl, classify and capture tags for the
 * sources (all when none is named) again and again until SIGINT/SIGTERM:
 * at once when a store announces a schema change (PostgreSQL: an event
 * trigger calling pg_notify, then LISTEN, where the role may install it),
 * else every --interval seconds. Unchanged tables cost only their
 * fingerprint, so a round over a quiet estate is cheap.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/mem.h"
#include "sources/source.h"

static atomic_bool stop_requested;     /* lock-free: safe in a signal handler */

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static const char watch_help[] =
    "usage: datamap discover --watch [SOURCE...] [--interval S] [options]\n\n"
    "Discover, crawl, classify and capture tags for the sources again and again,\n"
    "until interrupted: right after a store announces a schema change (PostgreSQL\n"
    "event trigger + LISTEN where the role may install it), else every S seconds\n"
    "(default 60).\n\n";

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One round over the sources: discover, then every live asset. */
static void round_once(dm_cli *cli, dm_catalog *cat, const dm_pipeline_opts *po, dm_source_rec *srcs, size_t n,
                       const bool *want)
{
    dm_pipeline *p = NULL;
    dm_error err = {0};
    if (dm_pipeline_new(cat, po, "watch", &p, &err)) {
        dm_error_log("watch: %s", err.msg);
        return;
    }
    for (size_t k = 0; k < n; k++) {
        if (!want[k])
            continue;
        dm_pipeline_discover(p, &srcs[k]);
        dm_asset_rec *assets = NULL;
        size_t na = 0;
        dm_asset_filter f = {srcs[k].name, NULL, false};
        if (dm_catalog_asset_list(cat, &f, &assets, &na, &err) == DM_OK)
            for (size_t a = 0; a < na && !stop_requested; a++) {
                dm_pipeline_asset(p, &srcs[k], &assets[a], true, true);
                dm_pipeline_tags(p, &srcs[k], &assets[a]);
            }
        dm_asset_list_free(assets, na);
    }
    const dm_pipeline_stats *st = dm_pipeline_get_stats(p);
    dm_info("watch: %llu asset(s), %llu new; %llu table(s) crawled, %llu unchanged; %llu column(s) with personal data",
            (unsigned long long)st->assets_seen, (unsigned long long)st->assets_new,
            (unsigned long long)st->tables_crawled, (unsigned long long)st->tables_skipped,
            (unsigned long long)st->columns_personal);
    dm_pipeline_finish(p);
    dm_pipeline_free(p);
}

int dm_cmd_discover_watch(dm_cli *cli, int argc, char **argv)
{
    struct option opts[] = {DM_CLI_SCAN_LONGOPTS,
                            {"watch", no_argument, NULL, 'w'},
                            {"interval", required_argument, NULL, 'i'},
                            {"help", no_argument, NULL, 'h'},
                            {NULL, 0, NULL, 0}};
    dm_pipeline_opts po;
    double interval = 60;
    int opt, r;
    dm_cli_pipeline_defaults(cli, &po);
    po.progress = false;
    po.stop = &stop_requested;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'h') {
            fputs(watch_help, stdout);
            fputs(DM_CLI_SCAN_HELP, stdout);
            return DM_EXIT_OK;
        }
        if (opt == 'w')
            continue;
        if (opt == 'i') {
            char *end;
            interval = strtod(optarg, &end);
            if (*end || end == optarg || interval < 0.1 || interval > 86400)
                return dm_cli_usage_error("discover", "--interval takes seconds (0.1 to 86400), not '%s'", optarg);
            continue;
        }
        if ((r = dm_cli_scan_option("discover", opt, optarg, &po)) < 0)
            return DM_EXIT_USAGE;
        if (r == 0)
            return dm_cli_usage_error("discover", "unknown option");
    }
    dm_catalog *cat = dm_cli_open_catalog(cli);
    if (cat == NULL)
        return DM_EXIT_FAILED;
    dm_source_rec *srcs = NULL;
    size_t n = 0;
    dm_error err = {0};
    int rc = DM_EXIT_OK;
    bool *want = NULL;
    dm_source **watchers = NULL;
    if (dm_catalog_source_list(cat, &srcs, &n, &err)) {
        fprintf(stderr, "datamap discover: %s\n", err.msg);
        rc = DM_EXIT_FAILED;
        goto out;
    }
    want = dm_xcalloc(n + 1, sizeof *want);
    watchers = dm_xcalloc(n + 1, sizeof *watchers);
    for (size_t k = 0; k < n; k++)
        want[k] = optind == argc;
    for (int i = optind; i < argc; i++) {
        bool found = false;
        for (size_t k = 0; k < n; k++)
            if (strcmp(srcs[k].name, argv[i]) == 0)
                found = want[k] = true;
        if (!found) {
            fprintf(stderr, "datamap discover: no source named '%s' (see `datamap source list`)\n", argv[i]);
            rc = DM_EXIT_USAGE;
            goto out;
        }
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;     /* no SA_RESTART: a wait returns at once */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    /* sources that can announce changes keep one open handle across rounds */
    for (size_t k = 0; k < n; k++) {
        dm_source *s = NULL;
        bool changed = false;
        if (!want[k] || dm_source_open(srcs[k].url, srcs[k].options_json, &s, &err) != DM_OK)
            continue;
        /* the first wait sets the watch up; DM_ERR_ARG: this store never announces */
        if (dm_source_wait_change(s, 0, &changed, &err) == DM_OK) {
            watchers[k] = s;
        } else {
            if (err.code == DM_ERR_ARG)
                dm_debug("%s: %s: polling every %g s", srcs[k].name, err.msg, interval);
            else
                dm_info("%s: cannot watch (%s): polling every %g s", srcs[k].name, err.msg, interval);
            dm_source_close(s);
        }
    }
    while (!stop_requested) {
        round_once(cli, cat, &po, srcs, n, want);
        int64_t deadline = now_ms() + (int64_t)(interval * 1000);
        bool changed = false;
        while (!stop_requested && !changed && now_ms() < deadline) {
            bool any = false;
            for (size_t k = 0; k < n && !changed && !stop_requested; k++) {
                if (watchers[k] == NULL)
                    continue;
                any = true;
                if (dm_source_wait_change(watchers[k], 250, &changed, &err)) {
                    dm_info("%s: cannot watch (%s): polling every %g s", srcs[k].name, err.msg, interval);
                    dm_source_close(watchers[k]);
                    watchers[k] = NULL;
                }
            }
            if (!any) {
                struct timespec ts = {0, 250 * 1000000L};
                nanosleep(&ts, NULL);
            }
        }
        if (changed)
            dm_info("watch: a schema change was announced");
    }
out:
    for (size_t k = 0; watchers && k < n; k++)
        dm_source_close(watchers[k]);
    free(watchers);
    free(want);
    dm_source_list_free(srcs, n);
    dm_catalog_close(cat);
    return rc;
}
