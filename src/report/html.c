/*
 * Report as one self-contained HTML file: inline CSS and SVG, no script, no
 * network (a Content-Security-Policy says so to the browser too), printable
 * to PDF (A4, tables that repeat their header, records that do not split).
 *
 * Sections: controller, overview (counts and an SVG bar chart of the
 * personal-data categories of every store), the records, the gaps, and an
 * appendix with every personal-data column and its evidence.
 *
 * Every text from the catalog goes through esc(): & < > " ' become
 * entities and control characters become spaces, so a column named
 * "<script>alert(1)</script>" is shown as text, in HTML and in SVG alike.
 */
#include <string.h>

#include "core/mem.h"
#include "report/report.h"

#define FLUSH_AT 65536

static void esc(dm_buf *b, const char *s)
{
    if (s == NULL)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': dm_buf_append(b, "&amp;", 5); break;
        case '<': dm_buf_append(b, "&lt;", 4); break;
        case '>': dm_buf_append(b, "&gt;", 4); break;
        case '"': dm_buf_append(b, "&quot;", 6); break;
        case '\'': dm_buf_append(b, "&#39;", 5); break;
        default: dm_buf_putc(b, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p); break;
        }
    }
}

static void esc_owned(dm_buf *b, char *s)
{
    esc(b, s);
    free(s);
}

static const char css[] =
    "*{box-sizing:border-box}"
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1c2430;"
    "margin:0 auto;max-width:1100px;padding:24px}"
    "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 10px;border-bottom:2px solid #2b5797;"
    "padding-bottom:4px}h3{font-size:17px;margin:0 0 8px}"
    ".meta{color:#5a6472;margin:0 0 16px}"
    "table{border-collapse:collapse;width:100%;margin:8px 0 16px}"
    "th,td{border:1px solid #cfd6df;padding:5px 8px;text-align:left;vertical-align:top;word-break:break-word}"
    "th{background:#eef2f7;font-weight:600}thead{display:table-header-group}tr{break-inside:avoid}"
    "td.art{white-space:nowrap;color:#5a6472;width:80px}td.field{width:220px;font-weight:600}"
    ".origin{display:block;color:#6b7480;font-size:12px}"
    ".missing{color:#b3261e;font-style:italic}"
    ".tiles{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0 16px}"
    ".tile{border:1px solid #cfd6df;border-radius:6px;padding:8px 14px;min-width:130px}"
    ".tile b{display:block;font-size:24px}"
    ".record{border:1px solid #cfd6df;border-radius:6px;padding:14px 16px;margin:14px 0;break-inside:avoid-page}"
    ".special{color:#b3261e;font-weight:600}"
    ".gap td:first-child{white-space:nowrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}"
    "code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}"
    "svg text{font:12px system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;fill:#1c2430}"
    "@page{size:A4;margin:14mm}"
    "@media print{body{max-width:none;padding:0;font-size:11px}h2{break-after:avoid}"
    ".record{border-color:#999}a{color:inherit;text-decoration:none}}";

/* Colours of the chart's categories (cycled). */
static const char *const palette[] = {"#2b5797", "#e07b39", "#3c9d5d", "#8e5ea2", "#c9a227", "#1f9bb5",
                                      "#b3261e", "#6d7f2a", "#d35f9c", "#5a6472", "#0f6e6e", "#a0522d"};
#define NPALETTE (sizeof palette / sizeof *palette)

#define CHART_MAX_STORES 40

static size_t asset_columns(const dm_report_asset *a)
{
    size_t n = 0;
    for (size_t c = 0; c < a->ncategories; c++)
        n += a->categories[c].ncolumns;
    return n;
}

/* Most personal-data columns first, then by name (the assets' order). */
static int cmp_chart(const void *x, const void *y, void *ctx)
{
    const dm_report *r = ctx;
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    size_t ci = asset_columns(&r->assets[i]), cj = asset_columns(&r->assets[j]);
    return ci != cj ? (ci < cj ? 1 : -1) : (i > j) - (i < j);
}

/* Chart: one bar per live store, one segment per category (width by
 * columns); past CHART_MAX_STORES stores, the ones with the most columns. */
static void chart(dm_buf *b, const dm_report *r)
{
    /* the categories over all stores, in a fixed order for the colours */
    const char **cats = NULL;
    const char **labels = NULL;
    size_t ncats = 0, nstores = 0, maxcols = 1;
    for (size_t i = 0; i < r->nassets; i++) {
        const dm_report_asset *a = &r->assets[i];
        if (a->deleted_at)
            continue;
        nstores++;
        size_t cols = 0;
        for (size_t c = 0; c < a->ncategories; c++) {
            cols += a->categories[c].ncolumns;
            size_t k = 0;
            while (k < ncats && strcmp(cats[k], a->categories[c].category))
                k++;
            if (k == ncats) {
                cats = dm_xrealloc(cats, (ncats + 1) * sizeof *cats);
                labels = dm_xrealloc(labels, (ncats + 1) * sizeof *labels);
                cats[ncats] = a->categories[c].category;
                labels[ncats++] = a->categories[c].label;
            }
        }
        if (cols > maxcols)
            maxcols = cols;
    }
    const int label_w = 260, bar_w = 560, row_h = 26, top = 8;
    size_t *shown = dm_xcalloc(nstores + 1, sizeof *shown), nshown = 0;
    for (size_t i = 0; i < r->nassets; i++)
        if (!r->assets[i].deleted_at)
            shown[nshown++] = i;
    if (nshown > CHART_MAX_STORES) {
        qsort_r(shown, nshown, sizeof *shown, cmp_chart, (void *)r);
        nshown = CHART_MAX_STORES;
    }
    int legend_rows = (int)((ncats + 2) / 3);
    int height = top + (int)nshown * row_h + 14 + legend_rows * 20 + 8;
    dm_buf_printf(b,
                  "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%%\" "
                  "viewBox=\"0 0 %d %d\" aria-label=\"Personal-data categories per store\">"
                  "<title>Personal-data categories per store (bar length: columns with personal data)</title>",
                  label_w + bar_w + 200, height);
    int y = top;
    for (size_t s_idx = 0; s_idx < nshown; s_idx++) {
        const dm_report_asset *a = &r->assets[shown[s_idx]];
        dm_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 8, y + 16);
        /* long names are cut for the chart; the tables below show them whole */
        char shortname[48];
        size_t n = strlen(a->id);
        if (n >= sizeof shortname) {
            memcpy(shortname, a->id, sizeof shortname - 4);
            /* do not cut a UTF-8 sequence in two */
            size_t cut = sizeof shortname - 4;
            while (cut > 0 && ((unsigned char)shortname[cut] & 0xC0) == 0x80)
                cut--;
            memcpy(shortname + cut, "...", 4);
        } else {
            memcpy(shortname, a->id, n + 1);
        }
        esc(b, shortname);
        dm_buf_printf(b, "</text>");
        int x = label_w;
        size_t cols = 0;
        for (size_t c = 0; c < a->ncategories; c++) {
            const dm_report_category *cat = &a->categories[c];
            size_t k = 0;
            while (k < ncats && strcmp(cats[k], cat->category))
                k++;
            int w = (int)((double)bar_w * (double)cat->ncolumns / (double)maxcols);
            if (w < 3)
                w = 3;
            dm_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>", x, y + 3, w,
                          row_h - 8, palette[k % NPALETTE]);
            esc(b, cat->label);
            dm_buf_printf(b, ": %zu column(s)</title></rect>", cat->ncolumns);
            x += w;
            cols += cat->ncolumns;
        }
        dm_buf_printf(b, "<text x=\"%d\" y=\"%d\">%zu categor%s, %zu column%s</text>", x + 6, y + 16,
                      a->ncategories, a->ncategories == 1 ? "y" : "ies", cols, cols == 1 ? "" : "s");
        y += row_h;
    }
    y += 14;
    for (size_t k = 0; k < ncats; k++) {
        int lx = 10 + (int)(k % 3) * 290, ly = y + (int)(k / 3) * 20;
        dm_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">",
                      lx, ly, palette[k % NPALETTE], lx + 18, ly + 11);
        esc(b, labels[k]);
        dm_buf_printf(b, "</text>");
    }
    dm_buf_printf(b, "</svg><figcaption class=\"meta\">Bar length: columns with personal data; colour: "
                     "category of personal data.");
    if (nshown < nstores)
        dm_buf_printf(b, " The %zu stores with the most personal-data columns of %zu.", nshown, nstores);
    dm_buf_printf(b, "</figcaption></figure>\n");
    free(shown);
    free(cats);
    free(labels);
}

static void values_td(dm_buf *b, const dm_report_values *v)
{
    dm_buf_printf(b, "<td>");
    if (v->n == 0)
        dm_buf_printf(b, "<span class=\"missing\">not recorded</span>");
    for (size_t i = 0; i < v->n; i++) {
        dm_buf_printf(b, "<div>");
        esc(b, v->v[i].text);
        dm_buf_printf(b, "<span class=\"origin\">");
        esc_owned(b, dm_report_value_origin(&v->v[i]));
        dm_buf_printf(b, "</span></div>");
    }
    dm_buf_printf(b, "</td>");
}

static void record(dm_buf *b, const dm_report *r, size_t idx)
{
    const dm_report_activity *act = &r->activities[idx];
    dm_buf_printf(b, "<section class=\"record\" id=\"activity-%zu\"><h3>%zu. ", idx + 1, idx + 1);
    esc(b, act->name);
    dm_buf_printf(b, "%s</h3><p class=\"meta\">Stores: ",
                  act->unassigned ? " <span class=\"missing\">(no Processing Activity tag)</span>" : "");
    for (size_t k = 0; k < act->nassets; k++) {
        const dm_report_asset *a = &r->assets[act->assets[k]];
        dm_buf_printf(b, "%s<b>", k ? ", " : "");
        esc(b, a->id);
        dm_buf_printf(b, "</b> <span class=\"mono\">");
        esc(b, a->location);
        dm_buf_printf(b, "</span>");
    }
    dm_buf_printf(b, "</p><table><thead><tr><th>Art. 30</th><th>Field</th><th>Value and origin</th></tr></thead>"
                     "<tbody>");
    for (const dm_report_row *row = dm_report_record_rows; row->field >= 0; row++) {
        dm_buf_printf(b, "<tr><td class=\"art\">%s</td><td class=\"field\">%s</td>", row->article,
                      dm_report_field_title((dm_report_field)row->field));
        values_td(b, &act->fields[row->field]);
        dm_buf_printf(b, "</tr>");
        if (row->field != DM_FIELD_DATA_SUBJECTS)
            continue;
        dm_buf_printf(b, "<tr><td class=\"art\">30(1)(c)</td><td class=\"field\">Categories of personal data</td><td>");
        uint64_t unread = dm_report_activity_unread(r, act);
        if (act->ncategories == 0 && unread > 0)
            dm_buf_printf(b, "<span class=\"meta\">unknown: none found in the files read, %llu file(s) could not be "
                             "read</span>",
                          (unsigned long long)unread);
        else if (act->ncategories == 0)
            dm_buf_printf(b, "<span class=\"meta\">none found</span>");
        for (size_t c = 0; c < act->ncategories; c++) {
            const dm_report_category *cat = &act->categories[c];
            dm_buf_printf(b, "<div%s>", cat->special ? " class=\"special\"" : "");
            esc(b, cat->label);
            dm_buf_printf(b, "%s<span class=\"origin\">detection: ", cat->special ? " (special category)" : "");
            for (size_t e = 0; e < cat->nentities; e++) {
                dm_buf_printf(b, "%s", e ? ", " : "");
                esc(b, cat->entities[e]);
            }
            dm_buf_printf(b, " in ");
            for (size_t k = 0; k < cat->ncolumns; k++) {
                const dm_report_column *col = &r->columns[cat->columns[k]];
                dm_buf_printf(b, "%s", k ? ", " : "");
                esc(b, col->asset);
                dm_buf_printf(b, "/");
                esc(b, col->table);
                dm_buf_printf(b, ".");
                esc(b, col->column);
            }
            dm_buf_printf(b, "</span></div>");
        }
        dm_buf_printf(b, "</td></tr>");
    }
    dm_buf_printf(b, "</tbody></table></section>\n");
}

static bool flush(dm_buf *b, FILE *out)
{
    bool ok = b->len == 0 || fwrite(b->data, 1, b->len, out) == b->len;
    dm_buf_reset(b);
    return ok;
}

dm_status dm_report_write_html(const dm_report *r, FILE *out, const dm_report_write_opts *o, dm_error *err)
{
    dm_buf b = DM_BUF_INIT;
    bool ok = true;
    dm_buf_printf(&b,
                  "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  "<meta name=\"generator\" content=\"datamap\">"
                  "<title>Record of processing activities</title><style>%s</style></head><body>\n"
                  "<header><h1>Record of processing activities</h1><p class=\"meta\">GDPR Article 30(1). Generated "
                  "by datamap at %s from the catalog: tags set by the business, personal data found by "
                  "detection, facts read from the stores, and the configuration. Every value names its "
                  "origin.</p></header>\n",
                  css, r->generated_at);

    dm_buf_printf(&b, "<section id=\"controller\"><h2>Controller (Art. 30(1)(a))</h2><table><tbody>");
    for (int c = 0; c < DM_CTL_COUNT; c++) {
        dm_buf_printf(&b, "<tr><td class=\"field\">%s</td><td>", dm_report_ctl_title((dm_report_ctl)c));
        if (r->controller[c].text) {
            esc(&b, r->controller[c].text);
            dm_buf_printf(&b, "<span class=\"origin\">config ");
            esc(&b, r->controller[c].key);
            dm_buf_printf(&b, "</span>");
        } else {
            dm_buf_printf(&b, "<span class=\"missing\">not recorded</span><span class=\"origin\">set ");
            esc(&b, r->controller[c].key);
            dm_buf_printf(&b, " in the config</span>");
        }
        dm_buf_printf(&b, "</td></tr>");
    }
    dm_buf_printf(&b, "</tbody></table></section>\n");

    dm_buf_printf(&b,
                  "<section id=\"overview\"><h2>Overview</h2><div class=\"tiles\">"
                  "<div class=\"tile\"><b>%zu</b>stores</div>"
                  "<div class=\"tile\"><b>%zu</b>with personal data</div>"
                  "<div class=\"tile\"><b>%zu</b>tables</div>"
                  "<div class=\"tile\"><b>%zu</b>personal-data columns</div>"
                  "<div class=\"tile\"><b>%zu</b>categories</div>"
                  "<div class=\"tile\"><b>%zu</b>special-category columns</div>"
                  "<div class=\"tile\"><b>%zu</b>processing activities</div>"
                  "<div class=\"tile\"><b>%zu</b>gaps</div></div>\n",
                  r->nlive, r->npersonal_assets, r->ntables, r->npersonal_columns, r->ncategories, r->nspecial_columns,
                  r->nactivities, r->ngaps);
    chart(&b, r);
    dm_buf_printf(&b, "</section>\n<section id=\"records\"><h2>Processing activities</h2>\n");
    ok = flush(&b, out);
    for (size_t i = 0; ok && i < r->nactivities; i++) {
        record(&b, r, i);
        ok = flush(&b, out);
    }
    dm_buf_printf(&b, "</section>\n<section id=\"gaps\"><h2>Gaps (%zu)</h2>", r->ngaps);
    if (r->ngaps == 0) {
        dm_buf_printf(&b, "<p>None: every store with personal data has a purpose, data subjects and a legal "
                          "basis, and every store was classified lately.</p>");
    } else {
        dm_buf_printf(&b, "<table class=\"gap\"><thead><tr><th>Gap</th><th>Store</th><th>Activity</th>"
                          "<th>What is missing</th></tr></thead><tbody>");
        for (size_t i = 0; i < r->ngaps; i++) {
            const dm_report_gap *g = &r->gaps[i];
            dm_buf_printf(&b, "<tr><td>%s</td><td>", dm_gap_kind_name(g->kind));
            esc(&b, g->asset ? g->asset : "(all)");
            dm_buf_printf(&b, "</td><td>");
            esc(&b, g->activity ? g->activity : "");
            dm_buf_printf(&b, "</td><td>");
            esc(&b, g->message);
            dm_buf_printf(&b, "</td></tr>");
        }
        dm_buf_printf(&b, "</tbody></table>");
    }
    dm_buf_printf(&b, "</section>\n<section id=\"appendix\"><h2>Appendix: personal-data columns and their "
                      "evidence</h2><table><thead><tr><th>Store</th><th>Table</th><th>Column</th><th>Entity</th>"
                      "<th>Category</th><th>Matches / sampled</th><th>Ratio</th><th>Confidence</th>"
                      "<th>Masked examples</th></tr></thead><tbody>\n");
    for (size_t i = 0; ok && i < r->ncolumns; i++) {
        const dm_report_column *c = &r->columns[i];
        const char *cells[] = {c->asset, c->table, c->column, c->entity};
        dm_buf_printf(&b, "<tr>");
        for (size_t k = 0; k < sizeof cells / sizeof *cells; k++) {
            dm_buf_printf(&b, "<td>");
            esc(&b, cells[k]);
            dm_buf_printf(&b, "</td>");
        }
        dm_buf_printf(&b, "<td%s>", c->special ? " class=\"special\"" : "");
        esc(&b, c->label);
        dm_buf_printf(&b, "</td><td>%lld / %lld</td><td>%.2f</td><td>", (long long)c->matches,
                      (long long)c->sampled, c->ratio);
        esc(&b, c->confidence);
        if (c->review)
            dm_buf_printf(&b, " (%s)", c->review);
        if (c->allow_listed > 0)
            dm_buf_printf(&b, "; %lld cells allow-listed", (long long)c->allow_listed);
        dm_buf_printf(&b, "</td><td class=\"mono\">");
        for (size_t k = 0; k < c->nexamples; k++) {
            dm_buf_printf(&b, "%s", k ? "<br>" : "");
            esc(&b, c->examples[k]);
        }
        dm_buf_printf(&b, "</td></tr>\n");
        if (b.len > FLUSH_AT)
            ok = flush(&b, out);
    }
    dm_buf_printf(&b, "</tbody></table>");
    if (r->ndismissed) {
        dm_buf_printf(&b, "<h3>Dismissed findings (%zu, not counted)</h3><ul class=\"dismissed\">", r->ndismissed);
        for (size_t i = 0; i < r->ndismissed; i++) {
            const dm_report_dismissal *d = &r->dismissed[i];
            const char *parts[] = {d->asset, " / ", d->table, " / ", d->column, " ", d->entity, ": dismissed by ",
                                   d->by};
            dm_buf_printf(&b, "<li>");
            for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
                esc(&b, parts[k]);
            char day[11];   /* ISO 8601: the date is its first 10 characters */
            snprintf(day, sizeof day, "%s", d->at);
            dm_buf_printf(&b, " on ");
            esc(&b, day);
            dm_buf_printf(&b, ": ");
            esc(&b, d->reason);
            dm_buf_printf(&b, "</li>");
        }
        dm_buf_printf(&b, "</ul>");
    }
    dm_buf_printf(&b, "</section>\n</body></html>\n");
    ok = ok && flush(&b, out);
    dm_buf_free(&b);
    if (!ok)
        return DM_FAIL(err, DM_ERR_IO, "unable to write the HTML report");
    return DM_OK;
}
