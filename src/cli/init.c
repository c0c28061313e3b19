#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int dm_cmd_init(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int opt;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'h') {
            printf("usage: datamap init\n\nCreate the catalog, or migrate it to this version's schema.\n");
            return DM_EXIT_OK;
        }
        return dm_cli_usage_error("init", "unknown option");
    }
    if (optind < argc)
        return dm_cli_usage_error("init", "unexpected argument '%s'", argv[optind]);
    dm_catalog *cat = dm_cli_open_catalog(cli);
    if (cat == NULL)
        return DM_EXIT_FAILED;
    printf("catalog %s ready (schema version %d)\n", cli->catalog_shown, dm_catalog_schema_version(cat));
    dm_catalog_close(cat);
    return DM_EXIT_OK;
}
