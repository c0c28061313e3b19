/*
 * datamap config keys: the reference of every configuration key, from the
 * table the parser reads (src/core/config.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] = "usage: datamap config keys [--format text|md|json]\n\n"
                            "Print every key of the configuration file with its type, default and\n"
                            "meaning (md is docs/config.md).\n";

int dm_cmd_config(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *format = "text";
    int opt;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'f') {
            format = optarg;
        } else if (opt == 'h') {
            fputs(usage, stdout);
            return DM_EXIT_OK;
        } else {
            return dm_cli_usage_error("config", "unknown option");
        }
    }
    if (optind >= argc || strcmp(argv[optind], "keys") != 0)
        return dm_cli_usage_error("config", "%s", optind < argc ? "unknown subcommand (keys)" : "keys expected");
    if (optind + 1 < argc)
        return dm_cli_usage_error("config", "unexpected argument '%s'", argv[optind + 1]);
    if (!dm_config_doc(stdout, format))
        return dm_cli_usage_error("config", "--format takes text, md or json, not '%s'", format);
    return DM_EXIT_OK;
}
