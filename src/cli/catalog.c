#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "pipeline/export.h"

static const char catalog_help[] =
    "usage: datamap catalog [ASSET] [--format table|json|glue] [--all-columns] [--deleted]\n\n"
    "Show what the catalog knows: assets, tables, columns, personal data found.\n"
    "ASSET is NAME or SOURCE/NAME. json follows the shape of `scan --format json`;\n"
    "glue prints AWS Glue TableInput objects.\n";

int dm_cmd_catalog(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"all-columns", no_argument, NULL, 'a'},
                                         {"deleted", no_argument, NULL, 'd'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *format = "table";
    bool all_columns = false, deleted = false;
    int opt;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'f': format = optarg; break;
        case 'a': all_columns = true; break;
        case 'd': deleted = true; break;
        case 'h': fputs(catalog_help, stdout); return DM_EXIT_OK;
        default: return dm_cli_usage_error("catalog", "unknown option");
        }
    }
    if (strcmp(format, "table") && strcmp(format, "json") && strcmp(format, "glue"))
        return dm_cli_usage_error("catalog", "--format takes table, json or glue, not '%s'", format);
    if (argc - optind > 1)
        return dm_cli_usage_error("catalog", "takes at most one ASSET");
    int open_rc = DM_EXIT_FAILED;
    dm_catalog *cat = dm_cli_open_catalog_existing(cli, &open_rc);
    if (cat == NULL)
        return open_rc;
    dm_asset_filter f = {NULL, NULL, deleted};
    char src[256];
    if (optind < argc) {
        const char *a = argv[optind], *slash = strchr(a, '/');
        if (slash && (size_t)(slash - a) < sizeof src) {
            memcpy(src, a, (size_t)(slash - a));
            src[slash - a] = '\0';
            f.source = src;
            f.name = slash + 1;
        } else {
            f.name = a;
        }
    }
    dm_error err = {0};
    json_t *doc = dm_export_build(cat, &f, NULL, 0, &err);
    int rc = DM_EXIT_OK;
    if (doc == NULL) {
        fprintf(stderr, "datamap catalog: %s\n", err.msg);
        rc = DM_EXIT_FAILED;
    } else if (optind < argc && json_array_size(json_object_get(doc, "assets")) == 0) {
        fprintf(stderr, "datamap catalog: no asset named '%s'\n", argv[optind]);
        rc = DM_EXIT_FAILED;
    } else if (strcmp(format, "json") == 0) {
        dm_export_print_json(stdout, doc);
    } else if (strcmp(format, "glue") == 0) {
        dm_export_print_glue(stdout, doc);
    } else {
        dm_export_print_table(stdout, doc, all_columns || optind < argc);
    }
    json_decref(doc);
    dm_catalog_close(cat);
    return rc;
}
