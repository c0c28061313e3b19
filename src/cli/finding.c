/*
 * `datamap finding`: human review of findings (dismiss, confirm, undo, list).
 * The decisions live in the catalog (catalog.h, "reviews").
 */
#include <getopt.h>
#include <pwd.h>
#include <unistd.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/mem.h"

static const char finding_help[] =
    "usage: datamap finding dismiss|confirm ADDRESS ENTITY --reason TEXT [--by NAME]\n"
    "       datamap finding undo ADDRESS ENTITY [--reason TEXT] [--by NAME]\n"
    "       datamap finding list [--history] [--format table|json]\n\n"
    "Record a person's decision on a finding. A dismissed finding (a false positive)\n"
    "is still computed but not counted as personal data, not in the report's\n"
    "categories and gaps; a confirmed one is shown as confirmed. A decision holds\n"
    "across re-scans until the column's schema or its values' shape changes; then it\n"
    "lapses (recorded) and the finding shows again. Nothing is deleted: undo adds a\n"
    "row, `list --history` shows every row.\n\n"
    "ADDRESS is ASSET.TABLE.COLUMN; ASSET is NAME or SOURCE/NAME as `datamap catalog`\n"
    "shows it. A dot or backslash inside a part is written \\. or \\\\\n"
    "(sales/customers.people\\.csv.email). ENTITY is an entity type (EMAIL).\n\n"
    "  --reason TEXT   why (required for dismiss and confirm)\n"
    "  --by NAME       who decides (default $USER)\n"
    "  --history       list every decision, undo and lapse, not only those in force\n"
    "  --format F      table (default) or json\n";

/* Split ASSET.TABLE.COLUMN at unescaped dots into the three parts
 * (unescaped). False, with the problem in why, when it is not three
 * non-empty parts or ends in a lone backslash. */
static bool parse_address(const char *addr, char *parts[3], const char **why)
{
    dm_buf b[3] = {DM_BUF_INIT, DM_BUF_INIT, DM_BUF_INIT};
    int k = 0;
    *why = NULL;
    for (const char *p = addr; *p && *why == NULL; p++) {
        if (*p == '\\') {
            if (p[1] == '\0')
                *why = "ends in a lone backslash";
            else
                dm_buf_putc(&b[k], *++p);
        } else if (*p == '.') {
            if (++k == 3)
                *why = "has more than three parts (escape dots inside names as \\.)";
        } else {
            dm_buf_putc(&b[k], *p);
        }
    }
    if (*why == NULL && k < 2)
        *why = "is not ASSET.TABLE.COLUMN";
    for (int i = 0; i < 3 && *why == NULL; i++)
        if (b[i].len == 0)
            *why = "has an empty part";
    for (int i = 0; i < 3; i++) {
        dm_buf_putc(&b[i], '\0');
        parts[i] = dm_buf_steal(&b[i]);
    }
    if (*why != NULL) {
        for (int i = 0; i < 3; i++) {
            free(parts[i]);
            parts[i] = NULL;
        }
        return false;
    }
    return true;
}

static int list_reviews(dm_catalog *cat, bool history, const char *format)
{
    dm_review_rec *r = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (dm_catalog_review_list(cat, !history, &r, &n, &err) != DM_OK) {
        fprintf(stderr, "datamap finding: %s\n", err.msg);
        return DM_EXIT_FAILED;
    }
    if (strcmp(format, "json") == 0) {
        json_t *arr = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:i,s:s}", "id",
                                                 (json_int_t)r[i].id, "source", r[i].source, "asset", r[i].asset,
                                                 "table", r[i].table, "column", r[i].column, "entity", r[i].entity,
                                                 "decision", r[i].decision, "by", r[i].by, "at", r[i].created_at,
                                                 "reason", r[i].reason, "schema_version", r[i].schema_version,
                                                 "shape", r[i].shape));
        json_dumpf(arr, stdout, JSON_INDENT(2));
        fputc('\n', stdout);
        json_decref(arr);
    } else {
        printf("%-20s %-10s %-20s %-10s %-20s %s\n", "AT", "DECISION", "FINDING", "BY", "ENTITY", "REASON");
        for (size_t i = 0; i < n; i++)
            printf("%-20s %-10s %s/%s.%s.%s %s %s %s\n", r[i].created_at, r[i].decision, r[i].source, r[i].asset,
                   r[i].table, r[i].column, r[i].by, r[i].entity, r[i].reason);
        printf("\n%zu decision(s)%s\n", n, history ? " in the history" : " in force");
    }
    dm_review_list_free(r, n);
    return DM_EXIT_OK;
}

int dm_cmd_finding(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"reason", required_argument, NULL, 'r'},
                                         {"by", required_argument, NULL, 'b'},
                                         {"history", no_argument, NULL, 'H'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *reason = NULL, *by = getenv("USER"), *format = "table";
    bool history = false;
    int opt;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'r': reason = optarg; break;
        case 'b': by = optarg; break;
        case 'H': history = true; break;
        case 'f': format = optarg; break;
        case 'h': fputs(finding_help, stdout); return DM_EXIT_OK;
        default: return dm_cli_usage_error("finding", "unknown option");
        }
    }
    if (optind >= argc)
        return dm_cli_usage_error("finding", "dismiss, confirm, undo or list?");
    const char *verb = argv[optind++];
    if (strcmp(verb, "list") == 0) {
        if (strcmp(format, "table") && strcmp(format, "json"))
            return dm_cli_usage_error("finding", "--format takes table or json, not '%s'", format);
        if (optind < argc)
            return dm_cli_usage_error("finding", "list takes no argument");
        int code = DM_EXIT_FAILED;
        dm_catalog *cat = dm_cli_open_catalog_existing(cli, &code);
        if (cat == NULL)
            return code;
        int rc = list_reviews(cat, history, format);
        dm_catalog_close(cat);
        return rc;
    }
    const char *decision = strcmp(verb, "dismiss") == 0   ? DM_REVIEW_DISMISSED
                           : strcmp(verb, "confirm") == 0 ? DM_REVIEW_CONFIRMED
                           : strcmp(verb, "undo") == 0    ? DM_REVIEW_UNDONE
                                                          : NULL;
    if (decision == NULL)
        return dm_cli_usage_error("finding", "unknown action '%s': dismiss, confirm, undo or list", verb);
    if (argc - optind != 2)
        return dm_cli_usage_error("finding", "%s takes ADDRESS ENTITY", verb);
    if (strcmp(decision, DM_REVIEW_UNDONE) == 0 && reason == NULL)
        reason = "undone";
    if (reason == NULL || reason[0] == '\0')
        return dm_cli_usage_error("finding", "%s needs --reason TEXT", verb);
    if (by == NULL || by[0] == '\0') {
        /* $USER is unset under cron and in containers: the account name then */
        const struct passwd *pw = getpwuid(getuid());
        by = pw ? pw->pw_name : NULL;
    }
    if (by == NULL || by[0] == '\0')
        return dm_cli_usage_error("finding", "no reviewer: give --by NAME ($USER is not set)");
    char *parts[3];
    const char *why;
    if (!parse_address(argv[optind], parts, &why))
        return dm_cli_usage_error("finding", "address '%s' %s", argv[optind], why);
    /* ASSET is NAME or SOURCE/NAME, as everywhere else */
    char *slash = strchr(parts[0], '/');
    dm_review_put r = {.asset = parts[0], .table = parts[1], .column = parts[2], .entity = argv[optind + 1],
                       .decision = decision, .by = by, .reason = reason};
    if (slash != NULL) {
        *slash = '\0';
        r.source = parts[0];
        r.asset = slash + 1;
    }
    int rc = DM_EXIT_FAILED;
    dm_catalog *cat = dm_cli_open_catalog_existing(cli, &rc);
    if (cat != NULL) {
        rc = DM_EXIT_OK;
        dm_error err = {0};
        int64_t id = 0;
        if (dm_catalog_review_put(cat, &r, &id, &err) != DM_OK) {
            fprintf(stderr, "datamap finding: %s\n", err.msg);
            rc = err.code == DM_ERR_ARG ? DM_EXIT_USAGE : DM_EXIT_FAILED;
        } else {
            printf("%s %s of %s (decision %lld)\n", decision, r.entity, argv[optind], (long long)id);
        }
        dm_catalog_close(cat);
    }
    for (int i = 0; i < 3; i++)
        free(parts[i]);
    return rc;
}
