/*
 * Report as an Excel workbook (.xlsx, libxlsxwriter): DPOs keep their record
 * of processing activities in spreadsheets, so the record comes as one.
 *
 * One sheet per section of the report:
 *   Controller            Art. 30(1)(a): who, from the config
 *   Processing activities one row per activity x category of personal data,
 *                         the UK ICO template's columns in its order, then
 *                         what datamap adds (taxonomy, entity types, columns)
 *   Special category data the Art. 9/10 rows only, with their condition
 *   Personal data         every column x entity found (masked evidence)
 *   Stores                every asset, its activity and classification
 *   Gaps                  what the record still lacks
 *   Dismissed findings    what a person said is not personal data
 *
 * The ICO columns with no source in the catalog ("Link to contract with
 * processor", "Rights available to individuals", DPIA, ...) are there, empty,
 * for the DPO to fill in, as in the template. Cells are written as strings,
 * never formulas (names in the catalog are hostile input). libxlsxwriter
 * 1.1 writes to a file name only, so the workbook is built in a temporary
 * file and copied to out.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/mem.h"
#include "report/report.h"

/* Excel's limit for one cell's text; longer lists are cut with a mark. */
#define CELL_MAX 32767

typedef struct book {
    lxw_workbook *wb;
    lxw_format *head, *wrap;
    lxw_error rc;           /* the first error of a write */
} book;

static void put(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s)
{
    if (s == NULL || *s == '\0')
        return;
    lxw_error e;
    if (strlen(s) > CELL_MAX) {
        char *cut = dm_xstrndup(s, CELL_MAX - 4);
        char *tail = cut + strlen(cut);
        memcpy(tail, " ...", 5);
        e = worksheet_write_string(ws, row, col, cut, b->wrap);
        free(cut);
    } else {
        e = worksheet_write_string(ws, row, col, s, b->wrap);
    }
    if (e != LXW_NO_ERROR && b->rc == LXW_NO_ERROR)
        b->rc = e;
}

static void put_owned(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, char *s)
{
    put(b, ws, row, col, s);
    free(s);
}

static void put_num(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v)
{
    lxw_error e = worksheet_write_number(ws, row, col, v, NULL);
    if (e != LXW_NO_ERROR && b->rc == LXW_NO_ERROR)
        b->rc = e;
}

/* A sheet with its header row in bold, frozen, filterable; widths in
 * characters, one per column. */
static lxw_worksheet *sheet(book *b, const char *name, const char *const *header, const double *widths,
                            size_t nrows_hint)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (ws == NULL) {
        if (b->rc == LXW_NO_ERROR)
            b->rc = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return NULL;
    }
    lxw_col_t n = 0;
    for (; header[n]; n++) {
        worksheet_set_column(ws, n, n, widths[n], NULL);
        lxw_error e = worksheet_write_string(ws, 0, n, header[n], b->head);
        if (e != LXW_NO_ERROR && b->rc == LXW_NO_ERROR)
            b->rc = e;
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)(nrows_hint > 0 ? nrows_hint : 1), (lxw_col_t)(n - 1));
    return ws;
}

/* ---- Controller --------------------------------------------------------------------- */

static void controller_sheet(book *b, const dm_report *r)
{
    static const char *const header[] = {"Field", "Value", "Origin", NULL};
    static const double widths[] = {34, 60, 30};
    lxw_worksheet *ws = sheet(b, "Controller", header, widths, DM_CTL_COUNT + 1);
    if (ws == NULL)
        return;
    lxw_row_t row = 1;
    for (int c = 0; c < DM_CTL_COUNT; c++, row++) {
        put(b, ws, row, 0, dm_report_ctl_title((dm_report_ctl)c));
        put(b, ws, row, 1, r->controller[c].text ? r->controller[c].text : "not recorded");
        if (r->controller[c].text)
            put_owned(b, ws, row, 2, dm_report_value_origin(&r->controller[c]));
    }
    put(b, ws, row, 0, "Record generated (UTC)");
    put(b, ws, row, 1, r->generated_at);
    put(b, ws, row, 2, "datamap");
}

/* ---- Processing activities ---------------------------------------------------------- */

/* The UK ICO RoPA template's columns (controller), in its order, then ours. */
static const char *const activity_header[] = {
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Names of third countries or international organisations that personal data are transferred to",
    "Safeguards for exceptional transfers of personal data to third countries or international organisations",
    "Retention schedule",
    "General description of technical and organisational security measures",
    "Role (controller or processor)",
    "Article 6 lawful basis for processing personal data",
    "Article 9 basis for processing special category data",
    "Legitimate interests for the processing",
    "Rights available to individuals",
    "Existence of automated decision-making, including profiling",
    "Source of personal data",
    "DPIA required?",
    /* datamap's own */
    "Processing activity",
    "Data category (taxonomy)",
    "Special category data",
    "Entity types",
    "Columns",
    "Applications",
    NULL,
};
static const double activity_widths[] = {22, 34, 28, 26, 30, 26, 18, 28, 28, 20, 30, 14, 26, 26, 18, 18, 18,
                                         40, 12, 24, 26, 10, 26, 40, 20};

/* The assets of the activity that hold this category (all when cat NULL). */
static char *sources_of(const dm_report *r, const dm_report_activity *act, const dm_report_category *cat)
{
    dm_buf b = DM_BUF_INIT;
    for (size_t i = 0; i < act->nassets; i++) {
        const dm_report_asset *a = &r->assets[act->assets[i]];
        bool in = cat == NULL;
        for (size_t k = 0; cat && k < cat->ncolumns && !in; k++)
            in = strcmp(r->columns[cat->columns[k]].asset, a->id) == 0;
        if (in)
            dm_buf_printf(&b, "%s%s (%s)", b.len ? ", " : "", a->id, a->location);
    }
    return b.data ? dm_buf_steal(&b) : dm_xstrdup("");
}

static void activity_row(book *b, lxw_worksheet *ws, lxw_row_t row, const dm_report *r,
                         const dm_report_activity *act, const dm_report_category *cat)
{
    const dm_report_values *f = act->fields;
    lxw_col_t c = 0;
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_BUSINESS_FUNCTION]));
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_PURPOSE]));
    put(b, ws, row, c++, r->controller[DM_CTL_JOINT].text);
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_DATA_SUBJECTS]));
    put(b, ws, row, c++, cat ? cat->label : "");
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_RECIPIENTS]));
    c++;    /* link to contract with processor: not in the catalog */
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_TRANSFERS]));
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_SAFEGUARDS]));
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_RETENTION]));
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_SECURITY]));
    put(b, ws, row, c++, "Controller");
    put_owned(b, ws, row, c++, dm_report_values_join(&f[DM_FIELD_LEGAL_BASIS]));
    if (cat == NULL || cat->special)
        put_owned(b, ws, row, c, dm_report_values_join(&f[DM_FIELD_SPECIAL_BASIS]));
    c++;
    c += 3; /* legitimate interests, rights, automated decisions: not in the catalog */
    put_owned(b, ws, row, c++, sources_of(r, act, cat));
    c++;    /* DPIA */
    put(b, ws, row, c++, act->name);
    put(b, ws, row, c++, cat ? cat->category : "");
    put(b, ws, row, c++, cat ? (cat->special ? "yes" : "no") : "");
    dm_buf tmp = DM_BUF_INIT;
    for (size_t i = 0; cat && i < cat->nentities; i++)
        dm_buf_printf(&tmp, "%s%s", i ? ", " : "", cat->entities[i]);
    put(b, ws, row, c++, tmp.data);
    dm_buf_reset(&tmp);
    for (size_t i = 0; cat && i < cat->ncolumns; i++) {
        const dm_report_column *col = &r->columns[cat->columns[i]];
        dm_buf_printf(&tmp, "%s%s/%s.%s", i ? ", " : "", col->asset, col->table, col->column);
    }
    put(b, ws, row, c++, tmp.data);
    dm_buf_reset(&tmp);
    for (size_t i = 0; i < f[DM_FIELD_APP_NAME].n; i++)
        dm_buf_printf(&tmp, "%s%s", tmp.len ? "; " : "", f[DM_FIELD_APP_NAME].v[i].text);
    for (size_t i = 0; i < f[DM_FIELD_APP_ID].n; i++)
        dm_buf_printf(&tmp, "%s%s", tmp.len ? "; " : "", f[DM_FIELD_APP_ID].v[i].text);
    put(b, ws, row, c++, tmp.data);
    dm_buf_free(&tmp);
}

static void activities_sheet(book *b, const dm_report *r)
{
    size_t nrows = 0;
    for (size_t i = 0; i < r->nactivities; i++)
        nrows += r->activities[i].ncategories ? r->activities[i].ncategories : 1;
    lxw_worksheet *ws = sheet(b, "Processing activities", activity_header, activity_widths, nrows);
    if (ws == NULL)
        return;
    lxw_row_t row = 1;
    for (size_t i = 0; i < r->nactivities; i++) {
        const dm_report_activity *a = &r->activities[i];
        if (a->ncategories == 0)
            activity_row(b, ws, row++, r, a, NULL);
        for (size_t c = 0; c < a->ncategories; c++)
            activity_row(b, ws, row++, r, a, &a->categories[c]);
    }
}

static void special_sheet(book *b, const dm_report *r)
{
    static const char *const header[] = {"Processing activity", "Category of personal data", "Data category (taxonomy)",
                                         "Article 9 basis for processing special category data", "Entity types",
                                         "Columns", NULL};
    static const double widths[] = {24, 30, 26, 34, 26, 40};
    size_t nrows = 0;
    for (size_t i = 0; i < r->nactivities; i++)
        for (size_t c = 0; c < r->activities[i].ncategories; c++)
            nrows += r->activities[i].categories[c].special;
    lxw_worksheet *ws = sheet(b, "Special category data", header, widths, nrows);
    if (ws == NULL)
        return;
    lxw_row_t row = 1;
    dm_buf tmp = DM_BUF_INIT;
    for (size_t i = 0; i < r->nactivities; i++) {
        const dm_report_activity *a = &r->activities[i];
        for (size_t k = 0; k < a->ncategories; k++) {
            const dm_report_category *cat = &a->categories[k];
            if (!cat->special)
                continue;
            put(b, ws, row, 0, a->name);
            put(b, ws, row, 1, cat->label);
            put(b, ws, row, 2, cat->category);
            char *basis = dm_report_values_join(&a->fields[DM_FIELD_SPECIAL_BASIS]);
            put(b, ws, row, 3, *basis ? basis : "not recorded");
            free(basis);
            dm_buf_reset(&tmp);
            for (size_t e = 0; e < cat->nentities; e++)
                dm_buf_printf(&tmp, "%s%s", e ? ", " : "", cat->entities[e]);
            put(b, ws, row, 4, tmp.data);
            dm_buf_reset(&tmp);
            for (size_t e = 0; e < cat->ncolumns; e++) {
                const dm_report_column *col = &r->columns[cat->columns[e]];
                dm_buf_printf(&tmp, "%s%s/%s.%s", e ? ", " : "", col->asset, col->table, col->column);
            }
            put(b, ws, row, 5, tmp.data);
            row++;
        }
    }
    dm_buf_free(&tmp);
}

/* ---- Personal data, Stores, Gaps, Dismissed ------------------------------------------------ */

static void columns_sheet(book *b, const dm_report *r)
{
    static const char *const header[] = {"Store",       "Table",      "Column",  "Entity type", "Category of personal data",
                                         "Special",     "Confidence", "Matches", "Sampled",     "Ratio",
                                         "Evidence (masked)", "Classified (UTC)", "Review", NULL};
    static const double widths[] = {24, 22, 22, 22, 28, 9, 11, 9, 9, 8, 34, 21, 11};
    lxw_worksheet *ws = sheet(b, "Personal data", header, widths, r->ncolumns);
    if (ws == NULL)
        return;
    dm_buf ex = DM_BUF_INIT;
    for (size_t i = 0; i < r->ncolumns; i++) {
        const dm_report_column *c = &r->columns[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        put(b, ws, row, 0, c->asset);
        put(b, ws, row, 1, c->table);
        put(b, ws, row, 2, c->column);
        put(b, ws, row, 3, c->entity);
        put(b, ws, row, 4, c->label);
        put(b, ws, row, 5, c->special ? "yes" : "no");
        put(b, ws, row, 6, c->confidence);
        put_num(b, ws, row, 7, (double)c->matches);
        put_num(b, ws, row, 8, (double)c->sampled);
        put_num(b, ws, row, 9, c->ratio);
        dm_buf_reset(&ex);
        for (size_t k = 0; k < c->nexamples; k++)
            dm_buf_printf(&ex, "%s%s", k ? ", " : "", c->examples[k]);
        put(b, ws, row, 10, ex.data);
        put(b, ws, row, 11, c->classified_at);
        put(b, ws, row, 12, c->review);
    }
    dm_buf_free(&ex);
}

static void stores_sheet(book *b, const dm_report *r)
{
    static const char *const header[] = {"Store", "Kind", "Location", "Region", "Processing activity",
                                         "Personal-data findings", "Categories of personal data", "Classified (UTC)",
                                         "Vanished (UTC)", NULL};
    static const double widths[] = {24, 14, 40, 12, 24, 12, 40, 21, 21};
    lxw_worksheet *ws = sheet(b, "Stores", header, widths, r->nassets);
    if (ws == NULL)
        return;
    dm_buf tmp = DM_BUF_INIT;
    for (size_t i = 0; i < r->nassets; i++) {
        const dm_report_asset *a = &r->assets[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        put(b, ws, row, 0, a->id);
        put(b, ws, row, 1, a->kind);
        put(b, ws, row, 2, a->location);
        put(b, ws, row, 3, a->region);
        put(b, ws, row, 4, a->activity != (size_t)-1 ? r->activities[a->activity].name : "");
        put_num(b, ws, row, 5, (double)a->npersonal);
        dm_buf_reset(&tmp);
        for (size_t k = 0; k < a->ncategories; k++)
            dm_buf_printf(&tmp, "%s%s", k ? ", " : "", a->categories[k].label);
        put(b, ws, row, 6, tmp.data);
        put(b, ws, row, 7, a->classified_at ? a->classified_at : "never");
        put(b, ws, row, 8, a->deleted_at);
    }
    dm_buf_free(&tmp);
}

static void gaps_sheet(book *b, const dm_report *r)
{
    static const char *const header[] = {"Gap", "Store", "Processing activity", "What is missing", NULL};
    static const double widths[] = {18, 24, 24, 90};
    lxw_worksheet *ws = sheet(b, "Gaps", header, widths, r->ngaps);
    if (ws == NULL)
        return;
    for (size_t i = 0; i < r->ngaps; i++) {
        const dm_report_gap *g = &r->gaps[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        put(b, ws, row, 0, dm_gap_kind_name(g->kind));
        put(b, ws, row, 1, g->asset);
        put(b, ws, row, 2, g->activity);
        put(b, ws, row, 3, g->message);
    }
}

static void dismissed_sheet(book *b, const dm_report *r)
{
    static const char *const header[] = {"Store", "Table", "Column", "Entity type", "Dismissed by", "On (UTC)",
                                         "Reason", NULL};
    static const double widths[] = {24, 22, 22, 22, 16, 21, 50};
    lxw_worksheet *ws = sheet(b, "Dismissed findings", header, widths, r->ndismissed);
    if (ws == NULL)
        return;
    for (size_t i = 0; i < r->ndismissed; i++) {
        const dm_report_dismissal *d = &r->dismissed[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        put(b, ws, row, 0, d->asset);
        put(b, ws, row, 1, d->table);
        put(b, ws, row, 2, d->column);
        put(b, ws, row, 3, d->entity);
        put(b, ws, row, 4, d->by);
        put(b, ws, row, 5, d->at);
        put(b, ws, row, 6, d->reason);
    }
}

/* ---- the workbook --------------------------------------------------------------------- */

static dm_status copy_to(FILE *in, FILE *out, dm_error *err)
{
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            return DM_FAIL(err, DM_ERR_IO, "unable to write the xlsx report: %s", strerror(errno));
    if (ferror(in))
        return DM_FAIL(err, DM_ERR_IO, "unable to read back the xlsx workbook: %s", strerror(errno));
    return DM_OK;
}

dm_status dm_report_write_xlsx(const dm_report *r, FILE *out, const dm_report_write_opts *o, dm_error *err)
{
    (void)o;
    const char *dir = getenv("TMPDIR");
    char *path = dm_xasprintf("%s/datamap-report-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        dm_status rc = DM_FAIL(err, DM_ERR_IO, "xlsx report: unable to create a temporary file in %s: %s",
                               dir && *dir ? dir : "/tmp", strerror(errno));
        free(path);
        return rc;
    }
    close(fd);
    dm_status rc = DM_OK;
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = (char *)(dir && *dir ? dir : NULL)};
    book b = {.wb = workbook_new_opt(path, &wo)};
    if (b.wb == NULL) {
        rc = DM_FAIL(err, DM_ERR_IO, "xlsx report: unable to start a workbook in %s", path);
        goto out;
    }
    lxw_doc_properties props = {.title = "Record of processing activities (GDPR Art. 30)", .author = "datamap",
                                .comments = "Generated by datamap from its catalog"};
    workbook_set_properties(b.wb, &props);
    b.head = workbook_add_format(b.wb);
    format_set_bold(b.head);
    format_set_text_wrap(b.head);
    format_set_align(b.head, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(b.head, 0xDDEBF7);
    b.wrap = workbook_add_format(b.wb);
    format_set_text_wrap(b.wrap);
    format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);

    controller_sheet(&b, r);
    activities_sheet(&b, r);
    special_sheet(&b, r);
    columns_sheet(&b, r);
    stores_sheet(&b, r);
    gaps_sheet(&b, r);
    dismissed_sheet(&b, r);

    lxw_error e = workbook_close(b.wb);
    if (b.rc != LXW_NO_ERROR || e != LXW_NO_ERROR) {
        rc = DM_FAIL(err, DM_ERR_IO, "xlsx report: %s", lxw_strerror(b.rc != LXW_NO_ERROR ? b.rc : e));
        goto out;
    }
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        rc = DM_FAIL(err, DM_ERR_IO, "xlsx report: unable to read back %s: %s", path, strerror(errno));
        goto out;
    }
    rc = copy_to(in, out, err);
    fclose(in);
out:
    unlink(path);
    free(path);
    return rc;
}
