/*
 * datamap report: the GDPR Art. 30 record of processing activities.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/mem.h"
#include "report/report.h"

static const char report_help[] =
    "usage: datamap report [--format F] [-o FILE] [--check] [--bom]\n\n"
    "Write the record of processing activities (GDPR Art. 30(1)) from the catalog:\n"
    "one record per processing activity (assets grouped by their Processing\n"
    "Activity tag, \"Unassigned\" otherwise) with controller and DPO (config),\n"
    "purposes, data subjects, categories of personal data (detection), recipients,\n"
    "transfers, retention and security measures (tags and store facts), then the\n"
    "gaps and an appendix of every personal-data column with its evidence.\n\n"
    "  --format F   html, md (Markdown), csv (one row per activity x data category),\n"
    "               json (the report model) or xlsx (a workbook, one sheet per\n"
    "               section, the ICO template's columns); default: from the -o file's\n"
    "               extension (any case), else md\n"
    "  -o FILE      write to FILE (replaced atomically) instead of stdout; without\n"
    "               --format its extension must be a known one:\n"
    "               %s\n"
    "  --check      exit 3 when there are gaps, 0 when none; without --format and\n"
    "               -o only the gaps are printed, one a line\n"
    "  --bom        csv: start with a UTF-8 byte order mark (for Excel)\n\n"
    "Tag keys map to fields through tag_mapping in the config (see README).\n";

static dm_status write_report(const dm_report *r, const dm_report_writer *w, bool bom, FILE *out, dm_error *err)
{
    dm_report_write_opts o = {.bom = bom};
    return w->write(r, out, &o, err);
}

/* Write to path.tmp, then rename over path: readers never see half a report.
 * Anything but a regular file (/dev/stdout, /dev/null, a FIFO) is written in
 * place: renaming over a device would replace it. */
static dm_status write_file(const dm_report *r, const dm_report_writer *w, bool bom, const char *path, dm_error *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        FILE *f = fopen(path, "wb");
        if (f == NULL)
            return DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
        dm_status rc = write_report(r, w, bom, f, err);
        if (fclose(f) != 0 && rc == DM_OK)
            rc = DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
        return rc;
    }
    char *tmp = dm_xasprintf("%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    dm_status rc;
    if (f == NULL) {
        rc = DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
        goto out;
    }
    rc = write_report(r, w, bom, f, err);
    if (fclose(f) != 0 && rc == DM_OK)
        rc = DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
    if (rc == DM_OK && rename(tmp, path) != 0)
        rc = DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
    if (rc)
        unlink(tmp);
out:
    free(tmp);
    return rc;
}

/* A gap line for a terminal: control characters from hostile names become '?'. */
static void print_clean(const char *kind, const char *msg)
{
    fputs(kind, stdout);
    putchar('\t');
    for (const unsigned char *p = (const unsigned char *)msg; *p; p++)
        putchar(*p < 0x20 || *p == 0x7f ? '?' : *p);
    putchar('\n');
}

int dm_cmd_report(dm_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"check", no_argument, NULL, 'c'},
                                         {"bom", no_argument, NULL, 'b'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *format = NULL, *output = NULL;
    bool check = false, bom = false;
    int opt;
    while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (opt) {
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case 'c': check = true; break;
        case 'b': bom = true; break;
        case 'h': {
            char *exts = dm_report_writer_exts();
            printf(report_help, exts);
            free(exts);
            return DM_EXIT_OK;
        }
        default: return dm_cli_usage_error("report", "unknown option");
        }
    }
    if (optind < argc)
        return dm_cli_usage_error("report", "takes no arguments ('%s')", argv[optind]);
    const dm_report_writer *w = NULL;
    if (format && (w = dm_report_writer_find(format)) == NULL) {
        char *names = dm_report_writer_names();
        int rc = dm_cli_usage_error("report", "--format takes %s, not '%s'", names, format);
        free(names);
        return rc;
    }
    bool gaps_only = check && format == NULL && output == NULL;
    /* -o without --format: the extension decides, and one we do not know is
     * an error rather than Markdown under a name that promises something else */
    if (w == NULL && output && (w = dm_report_writer_for_path(output)) == NULL) {
        char *exts = dm_report_writer_exts();
        int rc = dm_cli_usage_error("report", "-o %s: no known extension (%s); name the format with --format",
                                    output, exts);
        free(exts);
        return rc;
    }
    if (w == NULL)
        w = dm_report_writer_find("md");
    if (!gaps_only && output == NULL && strcmp(w->name, "xlsx") == 0 && isatty(STDOUT_FILENO))
        return dm_cli_usage_error("report", "xlsx is a binary workbook: write it with -o FILE.xlsx or redirect stdout");

    int open_rc = DM_EXIT_FAILED;
    dm_catalog *cat = dm_cli_open_catalog_existing(cli, &open_rc);
    if (cat == NULL)
        return open_rc;
    dm_error err = {0};
    dm_report *r = NULL;
    dm_report_opts ro = {&cli->cfg, 0};
    int rc = DM_EXIT_OK;
    if (dm_report_build(cat, &ro, &r, &err)) {
        fprintf(stderr, "datamap report: %s\n", err.msg);
        rc = err.code == DM_ERR_CONFIG ? DM_EXIT_USAGE : DM_EXIT_FAILED;
        goto out;
    }
    if (gaps_only) {
        for (size_t i = 0; i < r->ngaps; i++)
            print_clean(dm_gap_kind_name(r->gaps[i].kind), r->gaps[i].message);
    } else if (output) {
        if (write_file(r, w, bom, output, &err)) {
            fprintf(stderr, "datamap report: %s\n", err.msg);
            rc = DM_EXIT_FAILED;
            goto out;
        }
    } else if (write_report(r, w, bom, stdout, &err) || fflush(stdout) != 0) {
        fprintf(stderr, "datamap report: %s\n", err.msg[0] ? err.msg : "unable to write to stdout");
        rc = DM_EXIT_FAILED;
        goto out;
    }
    if (check && r->ngaps) {
        fprintf(stderr, "datamap report: %zu gap(s) in the record of processing activities\n", r->ngaps);
        rc = DM_EXIT_GAPS;
    }
out:
    dm_report_free(r);
    dm_catalog_close(cat);
    return rc;
}
