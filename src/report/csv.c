/*
 * Report as CSV: one row per processing activity x data category, with the
 * columns of the common RoPA templates (UK ICO template and alike), so it
 * opens in a spreadsheet as people expect.
 *
 * RFC 4180: comma separated, CRLF line ends, a field is quoted when it holds
 * a comma, a quote, CR or LF, or starts or ends with a space, quotes inside
 * doubled. A cell that would start with = + - @ or a tab (a formula in a
 * spreadsheet; asset and column names are hostile input) gets a leading
 * apostrophe, as OWASP advises against CSV injection. Optional UTF-8 BOM.
 *
 * Human review (datamap finding dismiss|confirm) is the last column: a
 * category's row names its confirmed findings with who, when and why; each
 * dismissed finding gets a row of its own after the activities (its
 * activity, entity, column and asset filled, no data category: it is not
 * counted), so the sheet shows every decision as the other formats do.
 */
#include <string.h>

#include "core/mem.h"
#include "report/report.h"

static const char *const header[] = {
    "Processing activity",
    "Business function",
    "Purpose of processing",
    "Controller",
    "Controller contact",
    "Joint controller",
    "Representative",
    "Data protection officer",
    "Role",
    "Categories of individuals",
    "Categories of personal data",
    "Data category (taxonomy)",
    "Entity types",
    "Columns",
    "Special category data",
    "Categories of recipients",
    "Third-country transfers",
    "Safeguards for exceptional transfers",
    "Retention schedule",
    "Security measures",
    "Lawful basis (Art. 6)",
    "Special category condition (Art. 9)",
    "Source of the personal data (assets)",
    "Applications",
    "Origin of the values",
    "Human review",
    NULL,
};

static void cell(dm_buf *b, const char *s, bool last)
{
    if (s == NULL)
        s = "";
    bool formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
    size_t n = strlen(s);
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL || (n && (s[0] == ' ' || s[n - 1] == ' '));
    if (quote)
        dm_buf_putc(b, '"');
    if (formula)
        dm_buf_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            dm_buf_putc(b, '"');
        dm_buf_putc(b, *p);
    }
    if (quote)
        dm_buf_putc(b, '"');
    dm_buf_append(b, last ? "\r\n" : ",", last ? 2 : 1);
}

static void cell_owned(dm_buf *b, char *s)
{
    cell(b, s, false);
    free(s);
}

/* "purpose: tag 'Purpose of Processing' (sidecar) on local/hr" for every value. */
static void origins(dm_buf *o, const char *field, const dm_report_values *v)
{
    for (size_t i = 0; i < v->n; i++) {
        const dm_report_value *x = &v->v[i];
        dm_buf_printf(o, "%s%s: %s", o->len ? "; " : "", field, dm_origin_name(x->origin));
        if (x->key)
            dm_buf_printf(o, " '%s'", x->key);
        if (x->tag_origin)
            dm_buf_printf(o, " (%s)", x->tag_origin);
        for (size_t a = 0; a < x->nassets; a++)
            dm_buf_printf(o, "%s%s", a ? ", " : " on ", x->assets[a]);
    }
}

/* "confirmed by alice on 2025-01-14: real customers" (the date only, as md
 * and html write it). */
static void decision(dm_buf *o, const char *what, const char *by, const char *at, const char *reason)
{
    dm_buf_printf(o, "%s by %s on %.10s: %s", what, by ? by : "", at ? at : "", reason ? reason : "");
}

static void row(dm_buf *b, const dm_report *r, const dm_report_activity *act, const dm_report_category *cat)
{
    const dm_report_values *f = act->fields;
    cell(b, act->name, false);
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_BUSINESS_FUNCTION]));
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_PURPOSE]));
    for (int c = 0; c < DM_CTL_COUNT; c++)
        cell(b, r->controller[c].text, false);
    cell(b, "Controller", false);
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_DATA_SUBJECTS]));
    cell(b, cat ? cat->label : "", false);
    cell(b, cat ? cat->category : "", false);
    dm_buf tmp = DM_BUF_INIT;
    for (size_t i = 0; cat && i < cat->nentities; i++)
        dm_buf_printf(&tmp, "%s%s", i ? ", " : "", cat->entities[i]);
    cell(b, tmp.data, false);
    dm_buf_reset(&tmp);
    for (size_t i = 0; cat && i < cat->ncolumns; i++) {
        const dm_report_column *c = &r->columns[cat->columns[i]];
        dm_buf_printf(&tmp, "%s%s/%s.%s", i ? ", " : "", c->asset, c->table, c->column);
    }
    cell(b, tmp.data, false);
    cell(b, cat ? (cat->special ? "yes" : "no") : "", false);
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_RECIPIENTS]));
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_TRANSFERS]));
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_SAFEGUARDS]));
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_RETENTION]));
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_SECURITY]));
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_LEGAL_BASIS]));
    cell_owned(b, dm_report_values_join(&f[DM_FIELD_SPECIAL_BASIS]));
    /* the assets of this category (all of the activity's when no category) */
    dm_buf_reset(&tmp);
    for (size_t i = 0; i < act->nassets; i++) {
        const dm_report_asset *a = &r->assets[act->assets[i]];
        bool in = cat == NULL;
        for (size_t k = 0; cat && k < cat->ncolumns && !in; k++)
            in = strcmp(r->columns[cat->columns[k]].asset, a->id) == 0;
        if (in)
            dm_buf_printf(&tmp, "%s%s (%s)", tmp.len ? ", " : "", a->id, a->location);
    }
    cell(b, tmp.data, false);
    dm_buf_reset(&tmp);
    for (size_t i = 0; i < f[DM_FIELD_APP_NAME].n; i++)
        dm_buf_printf(&tmp, "%s%s", tmp.len ? "; " : "", f[DM_FIELD_APP_NAME].v[i].text);
    for (size_t i = 0; i < f[DM_FIELD_APP_ID].n; i++)
        dm_buf_printf(&tmp, "%s%s", tmp.len ? "; " : "", f[DM_FIELD_APP_ID].v[i].text);
    cell(b, tmp.data, false);
    dm_buf_reset(&tmp);
    for (int k = 0; k < DM_FIELD_COUNT; k++)
        origins(&tmp, dm_report_field_name((dm_report_field)k), &f[k]);
    if (cat)
        dm_buf_printf(&tmp, "%scategory: detection of %zu column(s)", tmp.len ? "; " : "", cat->ncolumns);
    for (int c = 0; c < DM_CTL_COUNT; c++)
        if (r->controller[c].text)
            dm_buf_printf(&tmp, "%s%s: config", tmp.len ? "; " : "", r->controller[c].key);
    cell(b, tmp.data, false);
    dm_buf_reset(&tmp);
    for (size_t i = 0; cat && i < cat->ncolumns; i++) {
        const dm_report_column *c = &r->columns[cat->columns[i]];
        if (c->review == NULL)
            continue;
        dm_buf_printf(&tmp, "%s%s/%s.%s %s: ", tmp.len ? "; " : "", c->asset, c->table, c->column, c->entity);
        decision(&tmp, c->review, c->review_by, c->review_at, c->review_reason);
    }
    cell(b, tmp.data, true);
    dm_buf_free(&tmp);
}

/* A dismissed finding's own row: where it is, who dismissed it, when, why. */
static void dismissed_row(dm_buf *b, const dm_report *r, const dm_report_dismissal *d)
{
    const dm_report_asset *a = NULL;
    for (size_t i = 0; i < r->nassets && a == NULL; i++)
        if (strcmp(r->assets[i].id, d->asset) == 0)
            a = &r->assets[i];
    const char *activity = a && a->activity < r->nactivities ? r->activities[a->activity].name : "";
    size_t ncols = 0;
    while (header[ncols])
        ncols++;
    dm_buf tmp = DM_BUF_INIT;
    for (size_t i = 0; i < ncols; i++) {
        const char *h = header[i];
        dm_buf_reset(&tmp);
        if (strcmp(h, "Processing activity") == 0)
            dm_buf_printf(&tmp, "%s", activity);
        else if (strcmp(h, "Entity types") == 0)
            dm_buf_printf(&tmp, "%s", d->entity);
        else if (strcmp(h, "Columns") == 0)
            dm_buf_printf(&tmp, "%s/%s.%s", d->asset, d->table, d->column);
        else if (strcmp(h, "Source of the personal data (assets)") == 0)
            dm_buf_printf(&tmp, "%s (%s)", d->asset, a ? a->location : "");
        else if (strcmp(h, "Human review") == 0)
            decision(&tmp, "dismissed", d->by, d->at, d->reason);
        cell(b, tmp.len ? tmp.data : "", header[i + 1] == NULL);
    }
    dm_buf_free(&tmp);
}

dm_status dm_report_write_csv(const dm_report *r, FILE *out, const dm_report_write_opts *o, dm_error *err)
{
    dm_buf b = DM_BUF_INIT;
    if (o && o->bom)
        dm_buf_append(&b, "\xEF\xBB\xBF", 3);
    for (size_t i = 0; header[i]; i++)
        cell(&b, header[i], header[i + 1] == NULL);
    for (size_t i = 0; i < r->nactivities; i++) {
        const dm_report_activity *a = &r->activities[i];
        if (a->ncategories == 0)
            row(&b, r, a, NULL);
        for (size_t c = 0; c < a->ncategories; c++)
            row(&b, r, a, &a->categories[c]);
        /* flush per activity: memory stays bounded by one activity's rows */
        if (b.len && fwrite(b.data, 1, b.len, out) != b.len) {
            dm_buf_free(&b);
            return DM_FAIL(err, DM_ERR_IO, "unable to write the CSV report");
        }
        dm_buf_reset(&b);
    }
    for (size_t i = 0; i < r->ndismissed; i++)
        dismissed_row(&b, r, &r->dismissed[i]);
    if (b.len && fwrite(b.data, 1, b.len, out) != b.len) {
        dm_buf_free(&b);
        return DM_FAIL(err, DM_ERR_IO, "unable to write the CSV report");
    }
    dm_buf_free(&b);
    return DM_OK;
}
