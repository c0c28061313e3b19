/*
 * datamap: find personal data in every data store and keep the map current.
 * main() handles the global options and hands over to one command.
 */
#include <curl/curl.h>
#include <getopt.h>
#include <hs.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/log.h"

typedef struct command {
    const char *name;
    int (*run)(dm_cli *cli, int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"init", dm_cmd_init, "create or migrate the catalog"},
    {"source", dm_cmd_source, "add, list, remove or test sources (source add NAME URL)"},
    {"discover", dm_cmd_discover, "find assets, record new and vanished ones"},
    {"crawl", dm_cmd_crawl, "infer schemas into the catalog"},
    {"classify", dm_cmd_classify, "detect personal data in cataloged tables"},
    {"tags", dm_cmd_tags, "capture the assets' tags"},
    {"run", dm_cmd_run, "discover + crawl + classify + tags, once"},
    {"scan", dm_cmd_scan, "one-shot pipeline on paths or URLs, nothing registered"},
    {"catalog", dm_cmd_catalog, "show the catalog (table, json, glue)"},
    {"finding", dm_cmd_finding, "dismiss, confirm or undo a finding; list the decisions"},
    {"entities", dm_cmd_entities, "list the entity types the engine knows"},
    {"serve", dm_cmd_serve, "daemon: scheduler, workers, JSON API, web UI, metrics"},
    {"worker", dm_cmd_worker, "a worker only: drain the job queue (fleet mode)"},
    {"report", dm_cmd_report, "write the GDPR Art. 30 record of processing activities (html, md, csv, json)"},
    {"config", dm_cmd_config, "list the configuration keys: type, default, meaning (config keys)"},
    {NULL, NULL, NULL},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: datamap [--catalog URL] [--config FILE] [-v|-q] [--log-format human|json] COMMAND ...\n\n"
                 "Finds personal data in data stores, catalogs it and keeps the record of processing.\n\n"
                 "Commands:\n");
    for (const command *c = commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out, "\nGlobal options:\n"
                 "  --catalog URL      catalog: a SQLite path (default ./datamap.db) or postgres://...\n"
                 "                     (also DATAMAP_CATALOG)\n"
                 "  --config FILE      configuration file (also DATAMAP_CONFIG; default ./datamap.yaml)\n"
                 "  -v, --verbose      more log lines (twice: debug)\n"
                 "  -q, --quiet        errors only\n"
                 "  --log-format F     human (default) or json lines on stderr\n"
                 "  --version          versions of datamap and its libraries\n"
                 "\n'datamap COMMAND --help' tells more about each command.\n");
}

static void version(void)
{
    int pq = PQlibVersion();
    printf("datamap %s\n", DM_VERSION);
    printf("vectorscan %.*s\n", (int)strcspn(hs_version(), " "), hs_version());
    printf("sqlite %s\n", sqlite3_libversion());
    printf("libpq %d.%d\n", pq / 10000, pq % 10000);
    printf("libcurl %s\n", curl_version_info(CURLVERSION_NOW)->version);
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"catalog", required_argument, NULL, 'c'}, {"config", required_argument, NULL, 'C'},
        {"verbose", no_argument, NULL, 'v'},       {"quiet", no_argument, NULL, 'q'},
        {"log-format", required_argument, NULL, 'L'}, {"version", no_argument, NULL, 'V'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    const char *catalog = NULL, *config = NULL, *log_format = NULL;
    int verbosity = 0, quiet = 0, opt;
    dm_cli cli = {0};

    /* '+': stop at the command name; its options are its own */
    while ((opt = getopt_long(argc, argv, "+vqh", opts, NULL)) != -1) {
        switch (opt) {
        case 'c': catalog = optarg; break;
        case 'C': config = optarg; break;
        case 'v': verbosity++; break;
        case 'q': quiet = 1; break;
        case 'L':
            if (strcmp(optarg, "human") && strcmp(optarg, "json")) {
                fprintf(stderr, "datamap: --log-format takes human or json\n");
                return DM_EXIT_USAGE;
            }
            log_format = optarg;
            break;
        case 'V': version(); return DM_EXIT_OK;
        case 'h': usage(stdout); return DM_EXIT_OK;
        default: usage(stderr); return DM_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return DM_EXIT_USAGE;
    }
    dm_error err = {0};
    /* `config keys` documents the file, so a broken one must not stop it */
    bool reads_config = strcmp(argv[optind], "config") != 0;
    if (reads_config && dm_config_load(config, &cli.cfg, &err)) {
        fprintf(stderr, "datamap: %s\n", err.msg);
        return DM_EXIT_USAGE;
    }
    if (log_format == NULL)
        log_format = cli.cfg.log_format;
    /* a service logs what it does (jobs, changes, schedule) unless -q; a
     * command only what went wrong unless -v */
    bool service = strcmp(argv[optind], "serve") == 0 || strcmp(argv[optind], "worker") == 0;
    dm_log_setup(quiet              ? DM_LOG_ERROR
                 : verbosity >= 2   ? DM_LOG_DEBUG
                 : verbosity == 1 || service ? DM_LOG_INFO
                                    : DM_LOG_WARN,
                 log_format && strcmp(log_format, "json") == 0);
    const char *env = getenv("DATAMAP_CATALOG");
    dm_cli_set_catalog(&cli, catalog ? catalog : env && *env ? env : cli.cfg.catalog ? cli.cfg.catalog : "datamap.db");

    const char *name = argv[optind];
    for (const command *c = commands; c->name; c++) {
        if (strcmp(c->name, name) == 0) {
            optind++;
            int sub_argc = argc - optind + 1;
            char **sub_argv = argv + optind - 1;   /* sub_argv[0] is the command name */
            optind = 0;     /* glibc: 0 re-initialises getopt for the command's own options */
            int rc = c->run(&cli, sub_argc, sub_argv);
            fflush(stdout);
            dm_config_free(&cli.cfg);
            free(cli.catalog_shown);
            return rc;
        }
    }
    fprintf(stderr, "datamap: unknown command '%s'\n", name);
    usage(stderr);
    dm_config_free(&cli.cfg);
    free(cli.catalog_shown);
    return DM_EXIT_USAGE;
}
