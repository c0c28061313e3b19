#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "detect/engine.h"

static json_t *str_list(const char *const *l)
{
    json_t *a = json_array();
    for (; l && *l; l++)    /* "=sentence": a whole-name hint, shown as the name */
        json_array_append_new(a, json_string(*l + (**l == '=')));
    return a;
}

int dm_cmd_entities(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *format = "table";
    int opt;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'f')
            format = optarg;
        else if (opt == 'h') {
            printf("usage: datamap entities [--format table|json]\n\nList the entity types the detection engine "
                   "knows: name, region, data\ncategory and description (json adds column-name hints).\n");
            return DM_EXIT_OK;
        } else
            return dm_cli_usage_error("entities", "unknown option");
    }
    if (strcmp(format, "table") && strcmp(format, "json"))
        return dm_cli_usage_error("entities", "--format takes table or json, not '%s'", format);
    if (optind < argc)
        return dm_cli_usage_error("entities", "unexpected argument '%s'", argv[optind]);
    dm_engine *eng = NULL;
    dm_error err = {0};
    if (dm_engine_new(NULL, &eng, &err)) {
        fprintf(stderr, "datamap entities: %s\n", err.msg);
        return DM_EXIT_FAILED;
    }
    size_t n = dm_engine_count(eng);
    if (strcmp(format, "json") == 0) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++) {
            const dm_entity_def *d = dm_engine_entity(eng, i);
            json_t *o = json_object();
            json_object_set_new(o, "name", json_string(d->name));
            json_object_set_new(o, "region", json_string(d->region));
            json_object_set_new(o, "category", json_string(d->category));
            json_object_set_new(o, "description", json_string(d->description));
            json_object_set_new(o, "hints", str_list(d->hints));
            json_object_set_new(o, "needs_hint", json_boolean(d->flags & DM_ENT_NEEDS_HINT));
            json_array_append_new(a, o);
        }
        json_dumpf(a, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(a);
    } else {
        printf("%-48s %-7s %-52s %s\n", "ENTITY", "REGION", "CATEGORY", "DESCRIPTION");
        for (size_t i = 0; i < n; i++) {
            const dm_entity_def *d = dm_engine_entity(eng, i);
            printf("%-48s %-7s %-52s %s\n", d->name, d->region, d->category, d->description);
        }
        printf("\n%zu entity types\n", n);
    }
    dm_engine_free(eng);
    return DM_EXIT_OK;
}
