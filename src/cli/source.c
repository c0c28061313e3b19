#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/mem.h"
#include "sources/secret_option.h"
#include "sources/source.h"

static const char source_help[] =
    "usage: datamap source add NAME URL [--option K=V]... [--tag K=V]... [--require-tag K[=V]]\n"
    "       datamap source list [--format table|json]\n"
    "       datamap source remove NAME\n"
    "       datamap source test NAME\n\n"
    "A source is one endpoint datamap looks into: a local folder (a path or file:///path),\n"
    "s3://BUCKET[/PREFIX] (or s3:// for every bucket), dynamodb://[TABLE],\n"
    "postgres://USER@HOST:PORT/DB, mysql://USER@HOST:PORT/DB, sqlite:///PATH.\n"
    "Credentials are never part of the URL: use the stores' own conventions.\n\n"
    "  --option K=V       driver option (repeatable)\n"
    "  --tag K=V          tag given to every asset of the source (repeatable)\n"
    "  --require-tag K=V  only assets carrying this tag (bare: gdpr-scan=true)\n";

static int source_add(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"option", required_argument, NULL, 'o'}, {"tag", required_argument, NULL, 't'},
        {"require-tag", optional_argument, NULL, 'r'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    json_t *options = json_object(), *tags = json_object();
    const char *require = NULL, *secret_opt = NULL;
    int opt, rc = DM_EXIT_USAGE;
    char *url = NULL;
    dm_catalog *cat = NULL;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            if (dm_source_secret_option(optarg)) {
                secret_opt = optarg;    /* refused once the URL names the driver */
                break;
            }
            if (!dm_cli_put_kv(options, optarg)) {
                rc = dm_cli_usage_error("source add", "--option takes K=V, not '%s'", optarg);
                goto out;
            }
            break;
        case 't':
            if (!dm_cli_put_kv(tags, optarg)) {
                rc = dm_cli_usage_error("source add", "--tag takes K=V, not '%s'", optarg);
                goto out;
            }
            break;
        case 'r':
            /* "--require-tag K=V" with a space: the next argument when it is a K=V */
            if (optarg == NULL && optind < argc && argv[optind][0] != '-' && strchr(argv[optind], '=') &&
                !strstr(argv[optind], "://"))
                optarg = argv[optind++];
            require = optarg ? optarg : "gdpr-scan=true";
            break;
        case 'h': fputs(source_help, stdout); rc = DM_EXIT_OK; goto out;
        default: rc = dm_cli_usage_error("source add", "unknown option"); goto out;
        }
    }
    if (argc - optind != 2) {
        rc = dm_cli_usage_error("source add", "takes NAME and URL");
        goto out;
    }
    const char *name = argv[optind], *given = argv[optind + 1];
    if (strchr(name, '/') || name[0] == '\0') {
        rc = dm_cli_usage_error("source add", "a source name cannot be empty or contain '/'");
        goto out;
    }
    if (dm_source_lookup(given) == NULL) {
        rc = dm_cli_usage_error("source add", "%s: unsupported URL scheme", given);
        goto out;
    }
    if (secret_opt != NULL) {
        /* name the key only: the value is the secret */
        rc = dm_cli_usage_error("source add", "--option %.*s: secrets are never stored in the catalog; use %s",
                                (int)strcspn(secret_opt, "="), secret_opt, dm_source_secret_hint(given));
        goto out;
    }
    if (dm_catalog_url_has_password(given)) {
        /* the URL is not echoed: it holds the password */
        rc = dm_cli_usage_error("source add", "source %s: do not put passwords in source URLs; use %s", name,
                                dm_source_secret_hint(given));
        goto out;
    }
    /* plain paths are stored absolute, so the source works from anywhere */
    if (strstr(given, "://") == NULL) {
        char real[PATH_MAX];
        if (realpath(given, real) == NULL) {
            fprintf(stderr, "datamap source add: %s: no such file or folder\n", given);
            rc = DM_EXIT_FAILED;
            goto out;
        }
        url = dm_xasprintf("file://%s", real);
    } else {
        url = dm_xstrdup(given);
    }
    if ((cat = dm_cli_open_catalog(cli)) == NULL) {
        rc = DM_EXIT_FAILED;
        goto out;
    }
    char *oj = json_dumps(options, JSON_COMPACT | JSON_SORT_KEYS), *tj = json_dumps(tags, JSON_COMPACT | JSON_SORT_KEYS);
    dm_source_rec rec = {0, (char *)name, url, oj, tj, (char *)require, NULL};
    int64_t id;
    dm_error err = {0};
    dm_status st = dm_catalog_source_add(cat, &rec, &id, &err);
    free(oj);
    free(tj);
    if (st) {
        fprintf(stderr, "datamap source add: %s\n", err.msg);
        rc = st == DM_ERR_ARG ? DM_EXIT_USAGE : DM_EXIT_FAILED;
        goto out;
    }
    printf("source %s added: %s\n", name, url);
    rc = DM_EXIT_OK;
out:
    free(url);
    json_decref(options);
    json_decref(tags);
    dm_catalog_close(cat);
    return rc;
}

static int source_list(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *format = "table";
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'f')
            format = optarg;
        else if (opt == 'h') {
            fputs(source_help, stdout);
            return DM_EXIT_OK;
        } else
            return dm_cli_usage_error("source list", "unknown option");
    }
    if (strcmp(format, "table") && strcmp(format, "json"))
        return dm_cli_usage_error("source list", "--format takes table or json");
    int open_rc = DM_EXIT_FAILED;
    dm_catalog *cat = dm_cli_open_catalog_existing(cli, &open_rc);
    if (cat == NULL)
        return open_rc;
    dm_source_rec *list = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (dm_catalog_source_list(cat, &list, &n, &err)) {
        fprintf(stderr, "datamap source list: %s\n", err.msg);
        dm_catalog_close(cat);
        return DM_EXIT_FAILED;
    }
    if (strcmp(format, "json") == 0) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++) {
            json_error_t je;
            json_t *o = json_object();
            json_object_set_new(o, "name", json_string(list[i].name));
            json_object_set_new(o, "url", json_string(list[i].url));
            json_t *t = list[i].tags_json ? json_loads(list[i].tags_json, 0, &je) : NULL;
            json_object_set_new(o, "tags", t ? t : json_object());
            json_t *op = list[i].options_json ? json_loads(list[i].options_json, 0, &je) : NULL;
            json_object_set_new(o, "options", op ? op : json_object());
            json_object_set_new(o, "require_tag", list[i].require_tag ? json_string(list[i].require_tag) : json_null());
            json_object_set_new(o, "created_at", json_string(list[i].created_at ? list[i].created_at : ""));
            json_array_append_new(a, o);
        }
        json_dumpf(a, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(a);
    } else {
        printf("%-16s %-50s %s\n", "NAME", "URL", "REQUIRE-TAG");
        for (size_t i = 0; i < n; i++)
            printf("%-16s %-50s %s\n", list[i].name, list[i].url, list[i].require_tag ? list[i].require_tag : "-");
    }
    dm_source_list_free(list, n);
    dm_catalog_close(cat);
    return DM_EXIT_OK;
}

static int source_remove_or_test(dm_cli *cli, int argc, char **argv, bool test)
{
    const char *cmd = test ? "source test" : "source remove";
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (opt == 'h') {
            fputs(source_help, stdout);
            return DM_EXIT_OK;
        }
        return dm_cli_usage_error(cmd, "unknown option");
    }
    if (argc - optind != 1)
        return dm_cli_usage_error(cmd, "takes one source NAME");
    dm_catalog *cat = dm_cli_open_catalog(cli);
    if (cat == NULL)
        return DM_EXIT_FAILED;
    dm_error err = {0};
    int rc = DM_EXIT_OK;
    const char *name = argv[optind];
    if (!test) {
        if (dm_catalog_source_remove(cat, name, &err)) {
            fprintf(stderr, "datamap %s: %s\n", cmd, err.msg);
            rc = DM_EXIT_FAILED;
        } else {
            printf("source %s removed (its assets are kept, marked deleted)\n", name);
        }
    } else {
        dm_source_rec rec = {0};
        dm_source *s = NULL;
        dm_asset_desc *assets = NULL;
        size_t n = 0;
        if (dm_catalog_source_get(cat, name, &rec, &err) || dm_source_open(rec.url, rec.options_json, &s, &err) ||
            dm_source_list_assets(s, &assets, &n, NULL, NULL, &err)) {
            fprintf(stderr, "datamap %s: %s: %s\n", cmd, name, err.msg);
            rc = DM_EXIT_FAILED;
        } else {
            printf("source %s: ok, %zu asset(s) reachable at %s\n", name, n, rec.url);
        }
        dm_asset_desc_free_list(assets, n);
        dm_source_close(s);
        dm_source_rec_free(&rec);
    }
    dm_catalog_close(cat);
    return rc;
}

int dm_cmd_source(dm_cli *cli, int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(source_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? DM_EXIT_USAGE : DM_EXIT_OK;
    }
    const char *sub = argv[1];
    if (strcmp(sub, "add") == 0)
        return source_add(cli, argc - 1, argv + 1);
    if (strcmp(sub, "list") == 0)
        return source_list(cli, argc - 1, argv + 1);
    if (strcmp(sub, "remove") == 0)
        return source_remove_or_test(cli, argc - 1, argv + 1, false);
    if (strcmp(sub, "test") == 0)
        return source_remove_or_test(cli, argc - 1, argv + 1, true);
    return dm_cli_usage_error("source", "unknown subcommand '%s' (add, list, remove, test)", sub);
}
