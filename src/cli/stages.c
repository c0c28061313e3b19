/*
 * The pipeline's stages as commands: discover, crawl, classify, tags, and
 * run (all four, once). They share one shape: pick sources or assets from
 * the catalog, run the stage on each, report, exit 1 if a target failed.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/progress.h"

enum { ST_DISCOVER = 1, ST_CRAWL = 2, ST_CLASSIFY = 4, ST_TAGS = 8 };

typedef struct stage_cmd {
    const char *name;
    unsigned stages;
    bool by_source;     /* arguments name sources (else assets) */
    bool scan_opts;     /* takes --rows --threshold ... */
    const char *help;
} stage_cmd;

static const stage_cmd stage_cmds[] = {
    {"discover", ST_DISCOVER, true, false,
     "usage: datamap discover [SOURCE...]\n\nFind the assets of the sources (all when none is named): new ones are\n"
     "recorded, seen ones refreshed, vanished ones marked deleted (never dropped).\n"
     "With --watch [--interval S], keep discovering, crawling and classifying (see\n"
     "`datamap discover --watch --help`).\n"},
    {"crawl", ST_CRAWL, false, true,
     "usage: datamap crawl [ASSET...] [--rows N|all] [--force]\n\nInfer the schema of every table of the assets "
     "(all when none is named;\nNAME or SOURCE/NAME) into the catalog. Unchanged tables are skipped.\n\n"},
    {"classify", ST_CLASSIFY, false, true,
     "usage: datamap classify [ASSET...] [options]\n\nDetect personal data in the crawled tables of the assets "
     "(all when none\nis named) and record findings and column classifications.\n\n"
     "  --write-comments   also write them into the stores' column comments (PostgreSQL)\n"},
    {"tags", ST_TAGS, false, false,
     "usage: datamap tags [ASSET...]\n\nCapture the tags of the assets (all when none is named) from the stores\n"
     "(.datamap-tags.yaml for folders) and from the sources' --tag values.\n"},
    {"run", ST_DISCOVER | ST_CRAWL | ST_CLASSIFY | ST_TAGS, true, true,
     "usage: datamap run [SOURCE...] [options]\n\nDiscover, crawl, classify and capture tags for the sources (all "
     "when\nnone is named), once.\n\n"},
};

static void print_summary(const dm_pipeline *p, unsigned stages)
{
    const dm_pipeline_stats *s = dm_pipeline_get_stats(p);
    size_t np;
    dm_pipeline_problems(p, &np);
    if (stages & ST_DISCOVER)
        printf("assets: %llu seen, %llu new, %llu vanished\n", (unsigned long long)s->assets_seen,
               (unsigned long long)s->assets_new, (unsigned long long)s->assets_vanished);
    if (stages & (ST_CRAWL | ST_CLASSIFY))
        printf("tables: %llu crawled, %llu classified, %llu unchanged; %llu rows read; %llu column(s) with personal "
               "data\n",
               (unsigned long long)s->tables_crawled, (unsigned long long)s->tables_classified,
               (unsigned long long)s->tables_skipped, (unsigned long long)s->rows_read,
               (unsigned long long)s->columns_personal);
    if (np)
        printf("%zu error(s), see above\n", np);
}

static int run_stages(dm_cli *cli, const stage_cmd *sc, int argc, char **argv)
{
    struct option opts[] = {DM_CLI_SCAN_LONGOPTS, {"help", no_argument, NULL, 'h'},
                            {"write-comments", no_argument, NULL, 1100}, {NULL, 0, NULL, 0}};
    dm_pipeline_opts po;
    int opt, r;
    dm_cli_pipeline_defaults(cli, &po);
    if (!sc->scan_opts)
        opts[0] = (struct option){"help", no_argument, NULL, 'h'}, opts[1] = (struct option){NULL, 0, NULL, 0};
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'h') {
            fputs(sc->help, stdout);
            if (sc->scan_opts)
                fputs(DM_CLI_SCAN_HELP, stdout);
            return DM_EXIT_OK;
        }
        if (opt == 1100 && sc->stages == ST_CLASSIFY) {
            po.write_comments = true;
            continue;
        }
        if ((r = dm_cli_scan_option(sc->name, opt, optarg, &po)) < 0)
            return DM_EXIT_USAGE;
        if (r == 0)
            return dm_cli_usage_error(sc->name, "unknown option");
    }
    dm_catalog *cat = dm_cli_open_catalog(cli);
    if (cat == NULL)
        return DM_EXIT_FAILED;
    dm_pipeline *p = NULL;
    dm_error err = {0};
    int rc = DM_EXIT_OK;
    dm_source_rec *sources = NULL;
    size_t nsrc = 0;
    dm_asset_rec *assets = NULL;
    size_t nassets = 0;
    bool names_ok = true;

    if (dm_pipeline_new(cat, &po, sc->name, &p, &err)) {
        fprintf(stderr, "datamap %s: %s\n", sc->name, err.msg);
        rc = err.code == DM_ERR_ARG ? DM_EXIT_USAGE : DM_EXIT_FAILED;
        goto out;
    }
    if (dm_catalog_source_list(cat, &sources, &nsrc, &err)) {
        fprintf(stderr, "datamap %s: %s\n", sc->name, err.msg);
        rc = DM_EXIT_FAILED;
        goto out;
    }
    int nargs = argc - optind;
    char **args = argv + optind;
    if (sc->by_source) {
        for (int i = 0; i < nargs; i++) {
            bool found = false;
            for (size_t k = 0; k < nsrc; k++)
                found = found || strcmp(sources[k].name, args[i]) == 0;
            if (!found) {
                fprintf(stderr, "datamap %s: no source named '%s' (see `datamap source list`)\n", sc->name, args[i]);
                names_ok = false;
            }
        }
        if (!names_ok) {
            rc = DM_EXIT_USAGE;
            goto out;
        }
        if (nsrc == 0)
            fprintf(stderr, "datamap %s: no sources yet; add one with `datamap source add NAME URL`\n", sc->name);
        for (size_t k = 0; k < nsrc && (sc->stages & ST_DISCOVER); k++) {
            bool want = nargs == 0;
            for (int i = 0; i < nargs; i++)
                want = want || strcmp(sources[k].name, args[i]) == 0;
            if (want)
                dm_pipeline_discover(p, &sources[k]);
        }
        nargs = 0;  /* the later stages take every asset of the chosen sources */
    }
    if (sc->stages & (ST_CRAWL | ST_CLASSIFY | ST_TAGS)) {
        if (!dm_cli_select_assets(cat, nargs, args, &assets, &nassets)) {
            rc = DM_EXIT_USAGE;
            goto out;
        }
        /* the stores this command will go through, for the progress line */
        bool *go = dm_xcalloc(nassets + 1, sizeof *go);
        size_t ngo = 0;
        for (size_t a = 0; a < nassets; a++) {
            bool known = false;
            for (size_t k = 0; k < nsrc && !known; k++)
                known = sources[k].id == assets[a].source_id;
            go[a] = known && !assets[a].deleted_at;
            for (size_t k = 0; go[a] && sc->by_source && argc - optind > 0 && k < nsrc; k++)
                if (sources[k].id == assets[a].source_id) {
                    bool want = false;
                    for (int i = optind; i < argc; i++)
                        want = want || strcmp(sources[k].name, argv[i]) == 0;
                    go[a] = want;
                }
            ngo += go[a];
        }
        if (sc->stages & (ST_CRAWL | ST_CLASSIFY))
            dm_progress_total((int64_t)ngo, 0, 0);
        free(go);
        for (size_t a = 0; a < nassets; a++) {
            const dm_source_rec *src = NULL;
            for (size_t k = 0; k < nsrc; k++)
                if (sources[k].id == assets[a].source_id)
                    src = &sources[k];
            if (src == NULL || assets[a].deleted_at)
                continue;
            if (sc->by_source && argc - optind > 0) {
                bool want = false;
                for (int i = optind; i < argc; i++)
                    want = want || strcmp(src->name, argv[i]) == 0;
                if (!want)
                    continue;
            }
            if (sc->stages & (ST_CRAWL | ST_CLASSIFY))
                dm_pipeline_asset(p, src, &assets[a], sc->stages & ST_CRAWL, sc->stages & ST_CLASSIFY);
            if (sc->stages & ST_TAGS)
                dm_pipeline_tags(p, src, &assets[a]);
        }
    }
    dm_progress_stop();     /* the summary starts on a clean line */
    rc = dm_cli_finish(p);
    print_summary(p, sc->stages);
out:
    dm_asset_list_free(assets, nassets);
    dm_source_list_free(sources, nsrc);
    dm_pipeline_finish(p);
    dm_pipeline_free(p);
    dm_catalog_close(cat);
    return rc;
}

static int by_name(dm_cli *cli, const char *name, int argc, char **argv)
{
    for (size_t i = 0; i < sizeof stage_cmds / sizeof stage_cmds[0]; i++)
        if (strcmp(stage_cmds[i].name, name) == 0)
            return run_stages(cli, &stage_cmds[i], argc, argv);
    return DM_EXIT_USAGE;
}

int dm_cmd_discover(dm_cli *cli, int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
        if (strcmp(argv[i], "--watch") == 0)
            return dm_cmd_discover_watch(cli, argc, argv);   /* src/cli/watch.c */
    return by_name(cli, "discover", argc, argv);
}
int dm_cmd_crawl(dm_cli *cli, int argc, char **argv) { return by_name(cli, "crawl", argc, argv); }
int dm_cmd_classify(dm_cli *cli, int argc, char **argv) { return by_name(cli, "classify", argc, argv); }
int dm_cmd_tags(dm_cli *cli, int argc, char **argv) { return by_name(cli, "tags", argc, argv); }
int dm_cmd_run(dm_cli *cli, int argc, char **argv) { return by_name(cli, "run", argc, argv); }
