/*
 * The output formats of the record of processing activities, as one table
 * read by `datamap report` (cli/report.c) and GET /api/v1/report
 * (server/api.c): a new format is its writer's file plus one row here.
 */
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "report/report.h"

static const char *const html_exts[] = {".html", ".htm", NULL};
static const char *const md_exts[] = {".md", ".markdown", NULL};
static const char *const csv_exts[] = {".csv", NULL};
static const char *const json_exts[] = {".json", NULL};
static const char *const xlsx_exts[] = {".xlsx", NULL};

const dm_report_writer dm_report_writers[] = {
    /* the report's own CSP: inline styles and data: images, nothing from the network */
    {"html", html_exts, "text/html; charset=utf-8", "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
     dm_report_write_html},
    {"md", md_exts, "text/markdown; charset=utf-8", NULL, dm_report_write_md},
    {"csv", csv_exts, "text/csv; charset=utf-8", NULL, dm_report_write_csv},
    {"json", json_exts, "application/json", NULL, dm_report_write_json},
    {"xlsx", xlsx_exts, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NULL,
     dm_report_write_xlsx},
    {NULL, NULL, NULL, NULL, NULL},
};

const dm_report_writer *dm_report_writer_find(const char *name)
{
    for (const dm_report_writer *w = dm_report_writers; name && w->name; w++)
        if (strcmp(w->name, name) == 0)
            return w;
    return NULL;
}

const dm_report_writer *dm_report_writer_for_path(const char *path)
{
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    const char *dot = base ? strrchr(base, '.') : NULL;
    if (dot == NULL || dot == base)     /* "report" or ".md" (a hidden file, not an extension) */
        return NULL;
    for (const dm_report_writer *w = dm_report_writers; w->name; w++)
        for (const char *const *e = w->exts; *e; e++)
            if (strcasecmp(dot, *e) == 0)
                return w;
    return NULL;
}

char *dm_report_writer_names(void)
{
    dm_buf b = DM_BUF_INIT;
    size_t n = 0;
    while (dm_report_writers[n].name)
        n++;
    for (size_t i = 0; i < n; i++)
        dm_buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", dm_report_writers[i].name);
    return dm_buf_steal(&b);
}

char *dm_report_writer_exts(void)
{
    dm_buf b = DM_BUF_INIT;
    for (const dm_report_writer *w = dm_report_writers; w->name; w++)
        for (const char *const *e = w->exts; *e; e++)
            dm_buf_printf(&b, "%s%s", b.len ? ", " : "", *e);
    return dm_buf_steal(&b);
}
