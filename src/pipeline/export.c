/*
 * Catalog exports: the JSON shape of DESIGN.md (scan and catalog), a table
 * for terminals, and Glue TableInput JSON.
 */
#include "pipeline/export.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/evidence.h"
#include "core/json.h"
#include "core/mem.h"

static double round4(double x)
{
    return round(x * 10000.0) / 10000.0;
}

/* Findings of a table grouped under its columns. */
static json_t *table_json(dm_catalog *cat, const dm_table_rec *t, dm_error *err)
{
    dm_column_rec *cols = NULL;
    dm_finding_out *f = NULL;
    size_t nc = 0, nf = 0;
    json_t *jt = NULL;
    if (dm_catalog_column_list(cat, t->id, &cols, &nc, err) ||
        dm_catalog_findings_list(cat, t->id, &f, &nf, err))
        goto out;
    jt = json_object();
    json_object_set_new(jt, "name", dm_json_str(t->name));
    json_object_set_new(jt, "location", dm_json_str(t->location));
    json_object_set_new(jt, "format", dm_json_str(t->format));
    json_object_set_new(jt, "compression", dm_json_str(t->compression));
    if (t->encoding)    /* text files only: the encoding the cells were read in */
        json_object_set_new(jt, "encoding", dm_json_str(t->encoding));
    json_object_set_new(jt, "rows_sampled", t->rows_sampled >= 0 ? json_integer(t->rows_sampled) : json_null());
    json_object_set_new(jt, "schema_version", json_integer(t->schema_version));
    json_t *jc = json_array();
    for (size_t c = 0; c < nc; c++) {
        if (cols[c].removed)
            continue;
        json_t *col = json_object();
        json_object_set_new(col, "name", dm_json_str(cols[c].name));
        json_object_set_new(col, "type", dm_json_str(cols[c].type));
        json_object_set_new(col, "nullable", json_boolean(cols[c].nullable));
        if (cols[c].is_partition)
            json_object_set_new(col, "partition", json_true());
        if (cols[c].primary_key)
            json_object_set_new(col, "primary_key", json_true());
        json_t *ents = json_array();
        for (size_t i = 0; i < nf; i++) {
            if (strcmp(f[i].column, cols[c].name) != 0)
                continue;
            json_t *e = json_object();
            json_object_set_new(e, "type", dm_json_str(f[i].entity));
            json_object_set_new(e, "ratio", json_real(round4(f[i].ratio)));
            json_object_set_new(e, "matches", json_integer(f[i].matches));
            json_object_set_new(e, "sampled", json_integer(f[i].sampled));
            json_object_set_new(e, "confidence", dm_json_str(f[i].confidence));
            json_t *members = NULL, *category = NULL;
            json_object_set_new(e, "examples", dm_evidence_parse(f[i].evidence_json, &members, &category));
            if (members) {  /* a category-level finding: its types, each with its share */
                json_object_set_new(e, "category", category ? category : json_string(""));
                json_object_set_new(e, "members", members);
            } else {
                json_decref(category);
            }
            if (f[i].allow_listed > 0)  /* additive: cells the config's allow lists took out */
                json_object_set_new(e, "allow_listed", json_integer(f[i].allow_listed));
            if (f[i].review != NULL) {
                /* additive: a human decision in force on this finding */
                json_t *rv = json_object();
                json_object_set_new(rv, "decision", dm_json_str(f[i].review));
                json_object_set_new(rv, "by", dm_json_str(f[i].review_by));
                json_object_set_new(rv, "at", dm_json_str(f[i].review_at));
                json_object_set_new(rv, "reason", dm_json_str(f[i].review_reason));
                json_object_set_new(e, "review", rv);
            }
            json_array_append_new(ents, e);
        }
        json_object_set_new(col, "entities", ents);
        json_array_append_new(jc, col);
    }
    json_object_set_new(jt, "columns", jc);
out:
    dm_column_list_free(cols, nc);
    dm_finding_list_free(f, nf);
    return jt;
}

static json_t *asset_json(dm_catalog *cat, const dm_asset_rec *a, dm_error *err)
{
    dm_tag *tags = NULL;
    dm_table_rec *tables = NULL;
    size_t ntag = 0, nt = 0;
    json_t *ja = json_object();
    json_object_set_new(ja, "source", dm_json_str(a->source_name ? a->source_name : ""));
    json_object_set_new(ja, "kind", dm_json_str(a->kind));
    json_object_set_new(ja, "name", dm_json_str(a->name));
    json_object_set_new(ja, "location", dm_json_str(a->location));
    json_object_set_new(ja, "state", dm_json_str(a->state));
    if (a->deleted_at)
        json_object_set_new(ja, "deleted_at", dm_json_str(a->deleted_at));
    if (a->last_error) {    /* its last crawl or classify failed: why, and when */
        json_object_set_new(ja, "error", dm_json_str(a->last_error));
        json_object_set_new(ja, "failed_at", dm_json_str(a->failed_at));
    }
    json_t *jtags = json_object();
    if (dm_catalog_tags_get(cat, a->id, &tags, &ntag, err) == DM_OK)
        for (size_t i = 0; i < ntag; i++)
            if (tags[i].overridden_by == NULL)     /* the value in force (dm_tag_origin_rank) */
                json_object_set_new(jtags, tags[i].key, dm_json_str(tags[i].value));
    json_object_set_new(ja, "tags", jtags);
    json_t *jts = json_array();
    if (dm_catalog_table_list(cat, a->id, &tables, &nt, err) == DM_OK)
        for (size_t i = 0; i < nt; i++) {
            if (tables[i].deleted_at)
                continue;
            json_t *jt = table_json(cat, &tables[i], err);
            if (jt)
                json_array_append_new(jts, jt);
        }
    json_object_set_new(ja, "tables", jts);
    /* files its last crawl did not read, by kind and reason: never skipped in silence */
    json_t *unread = a->unread_json ? json_loads(a->unread_json, 0, NULL) : NULL;
    json_object_set_new(ja, "unread_files", json_is_array(unread) ? unread : json_array());
    if (unread && !json_is_array(unread))
        json_decref(unread);
    dm_tag_list_free(tags, ntag);
    dm_table_list_free(tables, nt);
    return ja;
}

json_t *dm_export_build(dm_catalog *cat, const dm_asset_filter *filter, const dm_problem *problems, size_t nproblems,
                        dm_error *err)
{
    dm_asset_rec *assets = NULL;
    size_t na = 0;
    if (dm_catalog_asset_list(cat, filter, &assets, &na, err))
        return NULL;
    json_t *root = json_object();
    json_t *ja = json_array();
    for (size_t i = 0; i < na; i++)
        json_array_append_new(ja, asset_json(cat, &assets[i], err));
    json_object_set_new(root, "assets", ja);
    json_t *je = json_array();
    for (size_t i = 0; i < nproblems; i++) {
        json_t *e = json_object();
        json_object_set_new(e, "target", dm_json_str(problems[i].target));
        json_object_set_new(e, "message", dm_json_str(problems[i].message));
        json_array_append_new(je, e);
    }
    json_object_set_new(root, "errors", je);
    dm_asset_list_free(assets, na);
    return root;
}

void dm_export_print_json(FILE *out, json_t *doc)
{
    json_dumpf(doc, out, JSON_INDENT(2) | JSON_REAL_PRECISION(4) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
}

/* The decision in force on an exported finding, NULL when none. */
static const char *review_of(json_t *e)
{
    return json_string_value(json_object_get(json_object_get(e, "review"), "decision"));
}

/* Entities of a column that count as personal data (not dismissed). */
static size_t counted_entities(json_t *ents)
{
    size_t i, n = 0;
    json_t *e;
    json_array_foreach(ents, i, e)
    {
        const char *r = review_of(e);
        n += r == NULL || strcmp(r, "dismissed") != 0;
    }
    return n;
}

/* "EMAIL 98% high" list of a column's entities ("..., 3 cells allow-listed"
 * when the config's allow lists took some out). */
static void entities_text(json_t *ents, char *buf, size_t cap)
{
    size_t o = 0;
    size_t i;
    json_t *e;
    buf[0] = '\0';
    json_array_foreach(ents, i, e)
    {
        const char *r = review_of(e);
        json_int_t al = json_integer_value(json_object_get(e, "allow_listed"));
        char alt[48] = "";
        if (al > 0)
            snprintf(alt, sizeof alt, ", %lld cell%s allow-listed", (long long)al, al == 1 ? "" : "s");
        int n = snprintf(buf + o, cap - o, "%s%s (%.0f%%, %s%s%s%s)", i ? ", " : "",
                         json_string_value(json_object_get(e, "type")),
                         100.0 * json_real_value(json_object_get(e, "ratio")),
                         json_string_value(json_object_get(e, "confidence")), r ? ", " : "", r ? r : "", alt);
        if (n < 0 || (size_t)n >= cap - o)
            break;
        o += (size_t)n;
    }
}

void dm_export_print_table(FILE *out, json_t *doc, bool all_columns)
{
    json_t *assets = json_object_get(doc, "assets");
    size_t ai, ti, ci;
    json_t *a, *t, *c;
    size_t n_tables = 0, n_cols = 0, n_personal = 0;
    fprintf(out, "%-18s %-22s %-26s %-10s %s\n", "ASSET", "TABLE", "COLUMN", "TYPE", "PERSONAL DATA");
    json_array_foreach(assets, ai, a)
    {
        json_array_foreach(json_object_get(a, "tables"), ti, t)
        {
            n_tables++;
            json_array_foreach(json_object_get(t, "columns"), ci, c)
            {
                json_t *ents = json_object_get(c, "entities");
                n_cols++;
                if (counted_entities(ents))
                    n_personal++;
                if (!all_columns && json_array_size(ents) == 0)
                    continue;
                char et[512];
                entities_text(ents, et, sizeof et);
                fprintf(out, "%-18s %-22s %-26s %-10s %s\n", json_string_value(json_object_get(a, "name")),
                        json_string_value(json_object_get(t, "name")), json_string_value(json_object_get(c, "name")),
                        json_string_value(json_object_get(c, "type")), et);
            }
        }
    }
    /* the files not read, per asset: "lake: 12 .pdf not supported, 1 .parquet corrupt" */
    uint64_t n_unread = 0;
    bool header = false;
    json_array_foreach(assets, ai, a)
    {
        char *uj = json_dumps(json_object_get(a, "unread_files"), JSON_COMPACT);
        char sum[600];
        uint64_t k = dm_unread_summary(uj, sum, sizeof sum);
        free(uj);
        if (k == 0)
            continue;
        if (!header)
            fprintf(out, "\nNOT READ\n");
        header = true;
        n_unread += k;
        fprintf(out, "%-18s %llu file(s): %s%s\n", json_string_value(json_object_get(a, "name")),
                (unsigned long long)k, sum,
                json_array_size(json_object_get(a, "tables")) == 0 ? " (nothing readable: its personal data is unknown)"
                                                                   : "");
    }
    fprintf(out, "\n%zu asset(s), %zu table(s), %zu column(s), %zu with personal data", json_array_size(assets),
            n_tables, n_cols, n_personal);
    if (n_unread)
        fprintf(out, "; %llu file(s) not read: the record may be incomplete", (unsigned long long)n_unread);
    fprintf(out, "\n");
}

/* Glue's CreateTable input, one per table, grouped by asset as database. */
void dm_export_print_glue(FILE *out, json_t *doc)
{
    json_t *list = json_array();
    size_t ai, ti, ci;
    json_t *a, *t, *c;
    json_array_foreach(json_object_get(doc, "assets"), ai, a)
    {
        json_array_foreach(json_object_get(a, "tables"), ti, t)
        {
            json_t *cols = json_array(), *pkeys = json_array();
            json_array_foreach(json_object_get(t, "columns"), ci, c)
            {
                json_t *gc = json_object();
                json_object_set(gc, "Name", json_object_get(c, "name"));
                json_object_set(gc, "Type", json_object_get(c, "type"));
                json_t *ents = json_object_get(c, "entities");
                if (counted_entities(ents)) {
                    dm_buf b = DM_BUF_INIT;
                    size_t ei, k = 0;
                    json_t *e;
                    dm_buf_printf(&b, "Sensitive Data Element | [");
                    json_array_foreach(ents, ei, e)
                    {
                        const char *r = review_of(e);
                        if (r == NULL || strcmp(r, "dismissed") != 0)
                            dm_buf_printf(&b, "%s'%s'", k++ ? ", " : "",
                                          json_string_value(json_object_get(e, "type")));
                    }
                    dm_buf_printf(&b, "]");
                    json_object_set_new(gc, "Comment", dm_json_str(b.data));
                    dm_buf_free(&b);
                }
                json_array_append_new(json_is_true(json_object_get(c, "partition")) ? pkeys : cols, gc);
            }
            const char *fmt = json_string_value(json_object_get(t, "format"));
            json_t *sd = json_object();
            json_object_set_new(sd, "Columns", cols);
            json_object_set(sd, "Location", json_object_get(t, "location"));
            json_object_set_new(sd, "InputFormat", dm_json_str("org.apache.hadoop.mapred.TextInputFormat"));
            json_object_set_new(sd, "OutputFormat",
                                dm_json_str("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"));
            json_t *serde = json_object();
            bool is_json = fmt && strncmp(fmt, "json", 4) == 0;
            json_object_set_new(serde, "SerializationLibrary",
                                dm_json_str(is_json ? "org.openx.data.jsonserde.JsonSerDe"
                                                    : "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"));
            json_object_set_new(sd, "SerdeInfo", serde);
            json_t *params = json_object();
            json_object_set_new(params, "classification", dm_json_str(is_json ? "json" : fmt ? fmt : "unknown"));
            json_object_set(params, "compressionType", json_object_get(t, "compression"));
            json_t *ti_ = json_object();
            json_object_set(ti_, "Name", json_object_get(t, "name"));
            json_object_set_new(ti_, "TableType", dm_json_str("EXTERNAL_TABLE"));
            json_object_set_new(ti_, "StorageDescriptor", sd);
            json_object_set_new(ti_, "PartitionKeys", pkeys);
            json_object_set_new(ti_, "Parameters", params);
            json_t *entry = json_object();
            json_object_set(entry, "DatabaseName", json_object_get(a, "name"));
            json_object_set_new(entry, "TableInput", ti_);
            json_array_append_new(list, entry);
        }
    }
    json_dumpf(list, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(list);
}

bool dm_export_entity_known(const char *name)
{
    return dm_entity_name_known(name);
}

const char *dm_export_entity_category(const char *name)
{
    return dm_entity_category_of(name);
}
