/*
 * Report as JSON: the model itself (see report.h).
 *
 * {"generated_at", "stale_days", "controller": {"name": VALUE|null, ...},
 *  "overview": {...counts}, "activities": [{"name", "unassigned", "assets": [ids],
 *    "fields": {"purpose": [VALUE...], ...}, "categories": [CATEGORY...]}],
 *  "assets": [{"id", "source", "name", "kind", "location", "region",
 *    "classified_at", "deleted_at", "activity", "fields", "categories", "files_unread",
 *    "unread": "12 .pdf not supported, 1 .parquet corrupt" or null}],
 *  "columns": [{"asset", "table", "column", "entity", "category", "label",
 *    "special", "matches", "sampled", "ratio", "confidence", "examples",
 *    "classified_at"}],
 *  "gaps": [{"kind", "asset", "activity", "message"}]}
 * VALUE = {"value", "origin": "tag"|"detection"|"store fact"|"config", "key",
 *          "tag_origin" (tags), "assets": [ids]}
 * CATEGORY = {"category", "label", "special", "entities": [], "columns": ["asset/table.column"]}
 */
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "report/report.h"

static json_t *value_json(const dm_report_value *v)
{
    json_t *o = json_object();
    json_object_set_new(o, "value", dm_json_str(v->text));
    json_object_set_new(o, "origin", dm_json_str(dm_origin_name(v->origin)));
    json_object_set_new(o, "key", dm_json_str(v->key));
    if (v->tag_origin)
        json_object_set_new(o, "tag_origin", dm_json_str(v->tag_origin));
    json_t *a = json_array();
    for (size_t i = 0; i < v->nassets; i++)
        json_array_append_new(a, dm_json_str(v->assets[i]));
    json_object_set_new(o, "assets", a);
    return o;
}

static json_t *fields_json(const dm_report_values *fields)
{
    json_t *o = json_object();
    for (int f = 0; f < DM_FIELD_COUNT; f++) {
        json_t *a = json_array();
        for (size_t i = 0; i < fields[f].n; i++)
            json_array_append_new(a, value_json(&fields[f].v[i]));
        json_object_set_new(o, dm_report_field_name((dm_report_field)f), a);
    }
    return o;
}

static json_t *categories_json(const dm_report *r, const dm_report_category *c, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "category", dm_json_str(c[i].category));
        json_object_set_new(o, "label", dm_json_str(c[i].label));
        json_object_set_new(o, "special", json_boolean(c[i].special));
        json_t *e = json_array();
        for (size_t k = 0; k < c[i].nentities; k++)
            json_array_append_new(e, dm_json_str(c[i].entities[k]));
        json_object_set_new(o, "entities", e);
        json_t *cols = json_array();
        for (size_t k = 0; k < c[i].ncolumns; k++) {
            const dm_report_column *col = &r->columns[c[i].columns[k]];
            json_array_append_new(cols, json_sprintf("%s/%s.%s", col->asset, col->table, col->column));
        }
        json_object_set_new(o, "columns", cols);
        json_array_append_new(a, o);
    }
    return a;
}

static void add_controller(json_t *doc, const dm_report *r);
static void add_overview(json_t *doc, const dm_report *r);
static void add_activities(json_t *doc, const dm_report *r);
static void add_assets(json_t *doc, const dm_report *r);
static void add_columns(json_t *doc, const dm_report *r);
static void add_gaps(json_t *doc, const dm_report *r);

json_t *dm_report_to_json(const dm_report *r)
{
    return dm_report_to_json_parts(r, DM_REPORT_JSON_ALL);
}

json_t *dm_report_to_json_parts(const dm_report *r, unsigned parts)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "generated_at", dm_json_str(r->generated_at));
    json_object_set_new(doc, "stale_days", json_integer(r->stale_days));
    if (parts & DM_REPORT_JSON_CONTROLLER)
        add_controller(doc, r);
    if (parts & DM_REPORT_JSON_OVERVIEW)
        add_overview(doc, r);
    if (parts & DM_REPORT_JSON_ACTIVITIES)
        add_activities(doc, r);
    if (parts & DM_REPORT_JSON_ASSETS)
        add_assets(doc, r);
    if (parts & DM_REPORT_JSON_COLUMNS)
        add_columns(doc, r);
    if (parts & DM_REPORT_JSON_GAPS)
        add_gaps(doc, r);
    return doc;
}

static void add_controller(json_t *doc, const dm_report *r)
{
    static const char *const ctl[DM_CTL_COUNT] = {"name", "contact", "joint_controller", "representative", "dpo"};
    json_t *jc = json_object();
    for (int c = 0; c < DM_CTL_COUNT; c++)
        json_object_set_new(jc, ctl[c], r->controller[c].text ? value_json(&r->controller[c]) : json_null());
    json_object_set_new(doc, "controller", jc);
}

static void add_overview(json_t *doc, const dm_report *r)
{
    json_t *ov = json_object();
    json_object_set_new(ov, "assets", json_integer((json_int_t)r->nlive));
    json_object_set_new(ov, "assets_with_personal_data", json_integer((json_int_t)r->npersonal_assets));
    json_object_set_new(ov, "tables", json_integer((json_int_t)r->ntables));
    json_object_set_new(ov, "personal_data_columns", json_integer((json_int_t)r->npersonal_columns));
    json_object_set_new(ov, "findings", json_integer((json_int_t)r->ncolumns));
    json_object_set_new(ov, "categories", json_integer((json_int_t)r->ncategories));
    json_object_set_new(ov, "special_category_columns", json_integer((json_int_t)r->nspecial_columns));
    json_object_set_new(ov, "activities", json_integer((json_int_t)r->nactivities));
    json_object_set_new(ov, "gaps", json_integer((json_int_t)r->ngaps));
    json_object_set_new(doc, "overview", ov);
}

static void add_activities(json_t *doc, const dm_report *r)
{
    json_t *acts = json_array();
    for (size_t i = 0; i < r->nactivities; i++) {
        const dm_report_activity *a = &r->activities[i];
        json_t *o = json_object();
        json_object_set_new(o, "name", dm_json_str(a->name));
        json_object_set_new(o, "unassigned", json_boolean(a->unassigned));
        json_t *ids = json_array();
        for (size_t k = 0; k < a->nassets; k++)
            json_array_append_new(ids, dm_json_str(r->assets[a->assets[k]].id));
        json_object_set_new(o, "assets", ids);
        json_object_set_new(o, "fields", fields_json(a->fields));
        json_object_set_new(o, "categories", categories_json(r, a->categories, a->ncategories));
        json_array_append_new(acts, o);
    }
    json_object_set_new(doc, "activities", acts);
}

static void add_assets(json_t *doc, const dm_report *r)
{
    json_t *assets = json_array();
    for (size_t i = 0; i < r->nassets; i++) {
        const dm_report_asset *a = &r->assets[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", dm_json_str(a->id));
        json_object_set_new(o, "source", dm_json_str(a->source));
        json_object_set_new(o, "name", dm_json_str(a->name));
        json_object_set_new(o, "kind", dm_json_str(a->kind));
        json_object_set_new(o, "location", dm_json_str(a->location));
        json_object_set_new(o, "region", dm_json_str(a->region));
        json_object_set_new(o, "classified_at", dm_json_str(a->classified_at));
        json_object_set_new(o, "deleted_at", dm_json_str(a->deleted_at));
        json_object_set_new(o, "activity",
                            a->activity != (size_t)-1 ? dm_json_str(r->activities[a->activity].name) : json_null());
        json_object_set_new(o, "fields", fields_json(a->fields));
        json_object_set_new(o, "categories", categories_json(r, a->categories, a->ncategories));
        json_object_set_new(o, "files_unread", json_integer((json_int_t)a->nunread));
        json_object_set_new(o, "unread", a->unread ? dm_json_str(a->unread) : json_null());
        json_array_append_new(assets, o);
    }
    json_object_set_new(doc, "assets", assets);
}

static void add_columns(json_t *doc, const dm_report *r)
{
    json_t *cols = json_array();
    for (size_t i = 0; i < r->ncolumns; i++) {
        const dm_report_column *c = &r->columns[i];
        json_t *o = json_object();
        json_object_set_new(o, "asset", dm_json_str(c->asset));
        json_object_set_new(o, "table", dm_json_str(c->table));
        json_object_set_new(o, "column", dm_json_str(c->column));
        json_object_set_new(o, "entity", dm_json_str(c->entity));
        json_object_set_new(o, "category", dm_json_str(c->category));
        json_object_set_new(o, "label", dm_json_str(c->label));
        json_object_set_new(o, "special", json_boolean(c->special));
        json_object_set_new(o, "matches", json_integer(c->matches));
        json_object_set_new(o, "sampled", json_integer(c->sampled));
        if (c->allow_listed > 0)
            json_object_set_new(o, "allow_listed", json_integer(c->allow_listed));
        json_object_set_new(o, "ratio", json_real(c->ratio));
        json_object_set_new(o, "confidence", dm_json_str(c->confidence));
        json_t *ex = json_array();
        for (size_t k = 0; k < c->nexamples; k++)
            json_array_append_new(ex, dm_json_str(c->examples[k]));
        json_object_set_new(o, "examples", ex);
        json_object_set_new(o, "classified_at", dm_json_str(c->classified_at));
        if (c->review) {
            json_object_set_new(o, "review", dm_json_str(c->review));
            json_object_set_new(o, "review_by", dm_json_str(c->review_by));
            json_object_set_new(o, "review_at", dm_json_str(c->review_at));
            json_object_set_new(o, "review_reason", dm_json_str(c->review_reason));
        }
        json_array_append_new(cols, o);
    }
    json_object_set_new(doc, "columns", cols);
    /* additive: findings a person dismissed, with who, when and why */
    json_t *dis = json_array();
    for (size_t i = 0; i < r->ndismissed; i++) {
        const dm_report_dismissal *d = &r->dismissed[i];
        json_t *o = json_object();
        json_object_set_new(o, "asset", dm_json_str(d->asset));
        json_object_set_new(o, "table", dm_json_str(d->table));
        json_object_set_new(o, "column", dm_json_str(d->column));
        json_object_set_new(o, "entity", dm_json_str(d->entity));
        json_object_set_new(o, "by", dm_json_str(d->by));
        json_object_set_new(o, "at", dm_json_str(d->at));
        json_object_set_new(o, "reason", dm_json_str(d->reason));
        json_array_append_new(dis, o);
    }
    json_object_set_new(doc, "dismissed", dis);
}

static void add_gaps(json_t *doc, const dm_report *r)
{
    json_t *gaps = json_array();
    for (size_t i = 0; i < r->ngaps; i++) {
        const dm_report_gap *g = &r->gaps[i];
        json_t *o = json_object();
        json_object_set_new(o, "kind", dm_json_str(dm_gap_kind_name(g->kind)));
        json_object_set_new(o, "asset", dm_json_str(g->asset));
        json_object_set_new(o, "activity", dm_json_str(g->activity));
        json_object_set_new(o, "message", dm_json_str(g->message));
        json_array_append_new(gaps, o);
    }
    json_object_set_new(doc, "gaps", gaps);
}

dm_status dm_report_write_json(const dm_report *r, FILE *out, const dm_report_write_opts *o, dm_error *err)
{
    json_t *doc = dm_report_to_json(r);
    int bad = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(doc);
    if (bad || fputc('\n', out) == EOF)
        return DM_FAIL(err, DM_ERR_IO, "unable to write the JSON report");
    return DM_OK;
}
