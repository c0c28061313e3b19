/*
 * Command-line commands: one function per command (src/cli/<command>.c),
 * dispatched by main.c. Each returns the process exit status:
 * 0 success, 1 some targets failed (the others were done), 2 bad usage or
 * configuration, 3 gaps found (report --check).
 */
#ifndef DM_CLI_CLI_H
#define DM_CLI_CLI_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "catalog/catalog.h"
#include "core/config.h"
#include "pipeline/pipeline.h"

#define DM_EXIT_OK 0
#define DM_EXIT_FAILED 1
#define DM_EXIT_USAGE 2
#define DM_EXIT_GAPS 3

#define DM_CLI_MAX_JOBS 64     /* --jobs; colpar.c caps threads at the same */

typedef struct dm_cli {
    const char *catalog_url;    /* --catalog, DATAMAP_CATALOG, config, ./datamap.db */
    char *catalog_shown;        /* the same without its password, for messages */
    dm_config cfg;
} dm_cli;

/* Options shared by the commands that sample and classify. */
typedef struct dm_cli_scan_opts {
    dm_pipeline_opts p;
    const char *format;
} dm_cli_scan_opts;

int dm_cmd_init(dm_cli *cli, int argc, char **argv);
int dm_cmd_source(dm_cli *cli, int argc, char **argv);
int dm_cmd_discover(dm_cli *cli, int argc, char **argv);
/* discover --watch (src/cli/watch.c) */
int dm_cmd_discover_watch(dm_cli *cli, int argc, char **argv);
int dm_cmd_crawl(dm_cli *cli, int argc, char **argv);
int dm_cmd_classify(dm_cli *cli, int argc, char **argv);
int dm_cmd_tags(dm_cli *cli, int argc, char **argv);
int dm_cmd_run(dm_cli *cli, int argc, char **argv);
int dm_cmd_scan(dm_cli *cli, int argc, char **argv);
int dm_cmd_catalog(dm_cli *cli, int argc, char **argv);
int dm_cmd_entities(dm_cli *cli, int argc, char **argv);
/* finding dismiss|confirm|undo|list (src/cli/finding.c) */
int dm_cmd_finding(dm_cli *cli, int argc, char **argv);
int dm_cmd_report(dm_cli *cli, int argc, char **argv);
/* serve and worker (src/cli/serve.c): the service of src/server */
int dm_cmd_serve(dm_cli *cli, int argc, char **argv);
int dm_cmd_worker(dm_cli *cli, int argc, char **argv);
int dm_cmd_config(dm_cli *cli, int argc, char **argv);

/* Helpers (common.c) */
/* The catalog URL in force, and the same without its password. */
void dm_cli_set_catalog(dm_cli *cli, const char *url);

int dm_cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Open the catalog and bring its schema up to date; prints the error. */
dm_catalog *dm_cli_open_catalog(dm_cli *cli);
/* For commands that never write: no catalog at the URL is reported as
 * "no catalog at URL (run `datamap init` or pass --catalog)", *exit_code 2,
 * and nothing is created. Other failures: *exit_code 1. */
dm_catalog *dm_cli_open_catalog_existing(dm_cli *cli, int *exit_code);
/* Defaults from the config for the pipeline options. */
void dm_cli_pipeline_defaults(const dm_cli *cli, dm_pipeline_opts *o);
/* Parse one of --rows --threshold --only --except --min-count --force --encoding --jobs into
 * o; returns 1 when handled, 0 when not ours, -1 on a bad value (printed). */
int dm_cli_scan_option(const char *cmd, int opt, const char *arg, dm_pipeline_opts *o);
/* getopt_long entries for those options (ids 1000+). */
#define DM_CLI_SCAN_LONGOPTS                                                                          \
    {"rows", required_argument, NULL, 1000}, {"threshold", required_argument, NULL, 1001},            \
        {"only", required_argument, NULL, 1002}, {"except", required_argument, NULL, 1003},           \
        {"min-count", required_argument, NULL, 1004}, {"force", no_argument, NULL, 1005},             \
        {"encoding", required_argument, NULL, 1006}, {"jobs", required_argument, NULL, 1007}
#define DM_CLI_SCAN_HELP                                                                              \
    "  --rows N|all       rows sampled per table (default 10000; all reads every row)\n"              \
    "  --threshold T      share of non-empty cells that makes a finding (default 0.1)\n"              \
    "  --only LIST        only these entity types (comma-separated names)\n"                          \
    "  --except LIST      all entity types but these\n"                                               \
    "  --min-count N      at least N matching cells for a finding (default 1)\n"                      \
    "  --force            ignore fingerprints: redo unchanged tables too\n"                           \
    "  --encoding NAME    read text files in this encoding instead of detecting it (utf-8,\n"        \
    "                     utf-16le, utf-16be, windows-1252, iso-8859-1, iso-8859-15)\n"        \
    "  --jobs N           threads classifying a table's columns (default: the online cores;\n"     \
    "                     the findings are the same for any N)\n"

/* Find assets by "NAME" or "SOURCE/NAME"; all live ones when none given.
 * Prints unknown names and returns false. */
bool dm_cli_select_assets(dm_catalog *cat, int argc, char **argv, dm_asset_rec **out, size_t *n);
/* K=V into a JSON object; false when there is no '=' or no key. */
bool dm_cli_put_kv(json_t *obj, const char *kv);

/* Exit status and summary after a pipeline: 1 when problems were recorded. */
int dm_cli_finish(dm_pipeline *p);

#endif
