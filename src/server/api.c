/*
 * The JSON API of `datamap serve` under /api/v1 (http.h); its endpoints are
 * the table `routes` at the end of this file:
 *
 *   GET  sources                      every source
 *   POST sources {"name", "url", "options", "tags", "require_tag", "run"}, DELETE sources/{name}
 *   GET  assets?state&source&entity&tag&q   live assets, paged
 *   GET  assets/{id}                  one asset: tables, columns, findings, tags
 *   GET  findings?entity&source&asset&confidence   current findings, paged
 *   POST findings/review {"asset", "table", "column", "entity", "decision", "reason", "by"}
 *   GET  tags?key&value&source&asset  tags of live assets, paged
 *   GET  gaps?kind                    what the Art. 30 record lacks, paged
 *   GET  report?format=json|html|md|csv   the record of processing activities
 *   GET  jobs?state, runs             the queue and the run history, paged
 *   POST jobs/{id}/retry, run {"sources": [...]}, events
 *
 * A page is ?limit= (1-1000, default 50) and ?offset=; paged answers are
 * {"items": [...], "total": N (where counted), "limit", "offset", "next":
 * link to the next page with the same filters, or null}.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog/evidence.h"
#include "core/json.h"
#include "core/mem.h"
#include "core/redact.h"
#include "pipeline/export.h"
#include "report/report.h"
#include "server/http.h"
#include "sources/secret_option.h"
#include "sources/source.h"

#define arg dm_http_arg
#define send_json dm_http_send_json
#define send_error dm_http_send_error
#define send_status dm_http_send_status

#define DM_API_MAX_OFFSET (1LL << 50)

/* ?limit=&offset=; false when invalid (the caller answers 400) */
static bool paging(struct MHD_Connection *c, int64_t *limit, int64_t *offset)
{
    const char *l = arg(c, "limit"), *o = arg(c, "offset");
    char *end;
    *limit = DM_API_DEFAULT_LIMIT;
    *offset = 0;
    if (l) {
        *limit = strtoll(l, &end, 10);
        if (*end || *limit < 1 || *limit > DM_API_MAX_LIMIT)
            return false;
    }
    if (o) {
        /* at most 2^50 (no catalog holds more rows), so offset + limit
         * and offset + 1 never overflow (they did at 2^63 - 1) */
        errno = 0;
        *offset = strtoll(o, &end, 10);
        if (*end || *o == '\0' || errno || *offset < 0 || *offset > DM_API_MAX_OFFSET)
            return false;
    }
    return true;
}

static enum MHD_Result bad_page(struct MHD_Connection *c)
{
    return send_error(c, 400, "bad_request", "limit must be 1-1000 and offset 0-2^50");
}

/* ?name= as a positive id; 0 when absent, -1 when not a number. */
static int64_t id_arg(struct MHD_Connection *c, const char *name)
{
    const char *v = arg(c, name);
    char *end;
    if (v == NULL)
        return 0;
    long long id = strtoll(v, &end, 10);
    return *end || id <= 0 ? -1 : id;
}

/* "/api/v1/assets?..." link to the next page, keeping the filters. */
static json_t *next_link(struct MHD_Connection *c, const char *path, const char *const *keys, int64_t limit,
                         int64_t offset)
{
    dm_buf b = DM_BUF_INIT;
    dm_buf_printf(&b, "/api/v1/%s?limit=%lld&offset=%lld", path, (long long)limit, (long long)(offset + limit));
    for (int i = 0; keys[i]; i++) {
        const char *v = arg(c, keys[i]);
        if (v == NULL)
            continue;
        dm_buf_printf(&b, "&%s=", keys[i]);
        for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
                dm_buf_putc(&b, (char)*p);
            else
                dm_buf_printf(&b, "%%%02X", *p);
        }
    }
    json_t *s = json_string(b.data);
    dm_buf_free(&b);
    return s;
}

/* The page document: items, total (when >= 0), limit, offset, next. more
 * tells whether a next page exists. */
static enum MHD_Result send_page(struct MHD_Connection *c, const char *path, const char *const *keys, json_t *items,
                                 int64_t total, int64_t limit, int64_t offset, bool more)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "items", items);
    if (total >= 0)
        json_object_set_new(doc, "total", json_integer(total));
    json_object_set_new(doc, "limit", json_integer(limit));
    json_object_set_new(doc, "offset", json_integer(offset));
    json_object_set_new(doc, "next", more ? next_link(c, path, keys, limit, offset) : json_null());
    return send_json(c, 200, doc);
}

static void set_str(json_t *o, const char *key, const char *v)
{
    json_object_set_new(o, key, dm_json_str(v));
}

static json_t *asset_summary(const dm_asset_rec *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(a->id));
    set_str(o, "source", a->source_name ? a->source_name : "");
    set_str(o, "name", a->name);
    set_str(o, "kind", a->kind);
    set_str(o, "location", a->location);
    set_str(o, "state", a->state);
    set_str(o, "last_seen", a->last_seen);
    set_str(o, "cataloged_at", a->cataloged_at);
    set_str(o, "classified_at", a->classified_at);
    if (a->deleted_at)
        set_str(o, "deleted_at", a->deleted_at);
    if (a->last_error) {
        set_str(o, "error", a->last_error);
        set_str(o, "failed_at", a->failed_at);
    }
    /* files its last crawl did not read: [{"kind", "reason", "files"}] */
    json_t *unread = a->unread_json ? json_loads(a->unread_json, 0, NULL) : NULL;
    if (!json_is_array(unread)) {
        json_decref(unread);
        unread = json_array();
    }
    json_object_set_new(o, "unread_files", unread);
    return o;
}

/* "personal_columns" (columns with a finding no person dismissed, as the
 * report counts them) and "categories" [{category, label, special,
 * entities}] of one asset, for the inventory. */
static dm_status add_personal(dm_catalog *cat, json_t *o, int64_t id, dm_error *err)
{
    int64_t ncols = 0;
    char **ents = NULL;
    size_t ne = 0;
    dm_status rc = dm_catalog_asset_personal(cat, id, &ncols, &ents, &ne, err);
    if (rc != DM_OK)
        return rc;
    json_object_set_new(o, "personal_columns", json_integer(ncols));
    json_t *cats = json_array();
    for (size_t i = 0; i < ne; i++) {
        const char *category = dm_export_entity_category(ents[i]);
        if (category == NULL || *category == '\0')
            category = "user";      /* an entity this binary does not know (newer catalog) */
        json_t *c = NULL;
        size_t k;
        json_t *v;
        json_array_foreach(cats, k, v) if (strcmp(json_string_value(json_object_get(v, "category")), category) == 0)
        {
            c = v;
            break;
        }
        if (c == NULL) {
            char label[160];
            c = json_object();
            set_str(c, "category", category);
            set_str(c, "label", dm_report_category_label(category, label, sizeof label));
            json_object_set_new(c, "special", json_boolean(dm_report_category_special(category)));
            json_object_set_new(c, "entities", json_array());
            json_array_append_new(cats, c);
        }
        json_array_append_new(json_object_get(c, "entities"), dm_json_str(ents[i]));
        free(ents[i]);
    }
    free(ents);
    json_object_set_new(o, "categories", cats);
    return DM_OK;
}

static json_t *job_json(const dm_job_rec *j)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(j->id));
    set_str(o, "kind", j->kind);
    set_str(o, "target", j->target);
    set_str(o, "state", j->state);
    json_object_set_new(o, "attempts", json_integer(j->attempts));
    json_object_set_new(o, "max_attempts", json_integer(j->max_attempts));
    set_str(o, "run_after", j->run_after);
    set_str(o, "lease_owner", j->lease_owner);
    set_str(o, "lease_until", j->lease_until);
    set_str(o, "last_error", j->last_error);
    set_str(o, "created_at", j->created_at);
    set_str(o, "updated_at", j->updated_at);
    return o;
}

/* A filter value outside its closed set is a 400 naming the parameter and
 * the values it takes, never an empty page that looks like "nothing found". */
static bool one_of(const char *v, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(v, *set) == 0)
            return true;
    return false;
}

static const char *const asset_states[] = {DM_ASSET_DISCOVERED, DM_ASSET_CATALOGED, DM_ASSET_CLASSIFIED, "failed", NULL};
static const char *const confidences[] = {"high", "medium", "low", NULL};
static const char *const job_states[] = {DM_JOB_QUEUED, DM_JOB_RUNNING, DM_JOB_DONE, DM_JOB_DEAD, NULL};

static enum MHD_Result bad_filter(struct MHD_Connection *c, const char *key, const char *v, const char *takes)
{
    char msg[256];
    snprintf(msg, sizeof msg, "unknown %s '%.64s': %s takes %s", key, v, key, takes);
    return send_error(c, 400, "bad_request", msg);
}

static enum MHD_Result api_assets(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    static const char *const keys[] = {"state", "source", "entity", "tag", "q", NULL};
    dm_asset_search q = {.state = arg(c, "state"), .source = arg(c, "source"), .entity = arg(c, "entity"),
                         .tag = arg(c, "tag"), .text = arg(c, "q")};
    dm_asset_rec *list = NULL;
    size_t n = 0;
    int64_t total = 0;
    dm_error err = {0};
    if (!paging(c, &q.limit, &q.offset))
        return bad_page(c);
    if (q.state && !one_of(q.state, asset_states))
        return bad_filter(c, "state", q.state, "discovered, cataloged, classified or failed");
    if (q.entity && !dm_export_entity_known(q.entity))
        return bad_filter(c, "entity", q.entity, "an entity type name (`datamap entities`)");
    if (dm_catalog_asset_search(cat, &q, &list, &n, &total, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = asset_summary(&list[i]);
        if (add_personal(cat, o, list[i].id, &err) != DM_OK) {
            json_decref(o);
            json_decref(items);
            dm_asset_list_free(list, n);
            return send_status(c, &err);
        }
        json_array_append_new(items, o);
    }
    dm_asset_list_free(list, n);
    return send_page(c, "assets", keys, items, total, q.limit, q.offset, q.offset + q.limit < total);
}

static json_t *tag_json(const dm_tag_hit *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "asset_id", json_integer(t->asset_id));
    set_str(o, "asset", t->asset);
    set_str(o, "source", t->source);
    set_str(o, "key", t->key);
    set_str(o, "value", t->value);
    set_str(o, "origin", t->origin);
    set_str(o, "updated_at", t->updated_at);
    if (t->overridden_by)
        set_str(o, "overridden_by", t->overridden_by);
    return o;
}

static enum MHD_Result api_asset(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    const char *idtext = call->params[0];
    char *end;
    long long id = strtoll(idtext, &end, 10);
    dm_asset_rec a;
    dm_error err = {0};
    if (*end || id <= 0)
        return send_error(c, 404, "not_found", "no such asset");
    if (dm_catalog_asset_get(cat, id, &a, &err) != DM_OK)
        return err.code == DM_ERR_NOT_FOUND ? send_error(c, 404, "not_found", "no such asset") : send_status(c, &err);
    dm_asset_filter one = {.source = a.source_name, .name = a.name, .include_deleted = true};
    json_t *doc = dm_export_build(cat, &one, NULL, 0, &err);
    json_t *asset = doc ? json_incref(json_array_get(json_object_get(doc, "assets"), 0)) : NULL;
    json_decref(doc);
    if (asset == NULL) {
        dm_asset_rec_free(&a);
        return send_error(c, 500, "internal", err.msg[0] ? err.msg : "could not build the asset");
    }
    json_object_set_new(asset, "id", json_integer(id));
    set_str(asset, "last_seen", a.last_seen);
    if (a.classified_at)
        set_str(asset, "classified_at", a.classified_at);
    if (a.deleted_at)
        set_str(asset, "deleted_at", a.deleted_at);
    if (a.last_error) {
        set_str(asset, "error", a.last_error);
        set_str(asset, "failed_at", a.failed_at);
    }
    if (add_personal(cat, asset, id, &err) != DM_OK) {
        json_decref(asset);
        dm_asset_rec_free(&a);
        return send_status(c, &err);
    }
    /* tags with their origin (the export has key -> value only) */
    dm_tag_search tq = {.asset_id = id};
    dm_tag_hit *tags = NULL;
    size_t nt = 0;
    int64_t total = 0;
    if (dm_catalog_tag_search(cat, &tq, &tags, &nt, &total, &err) == DM_OK) {
        json_t *list = json_array();
        for (size_t i = 0; i < nt; i++) {
            json_t *t = json_object();
            set_str(t, "key", tags[i].key);
            set_str(t, "value", tags[i].value);
            set_str(t, "origin", tags[i].origin);
            set_str(t, "updated_at", tags[i].updated_at);
            if (tags[i].overridden_by)
                set_str(t, "overridden_by", tags[i].overridden_by);
            json_array_append_new(list, t);
        }
        json_object_set_new(asset, "tag_list", list);
        dm_tag_hit_list_free(tags, nt);
    }
    dm_asset_rec_free(&a);
    return send_json(c, 200, asset);
}

static enum MHD_Result api_findings(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    static const char *const keys[] = {"entity", "source", "asset", "confidence", NULL};
    dm_finding_search q = {.entity = arg(c, "entity"), .source = arg(c, "source"), .asset_id = id_arg(c, "asset"),
                           .confidence = arg(c, "confidence")};
    dm_finding_hit *list = NULL;
    size_t n = 0;
    int64_t total = 0;
    dm_error err = {0};
    if (!paging(c, &q.limit, &q.offset))
        return bad_page(c);
    if (q.asset_id < 0)
        return send_error(c, 400, "bad_request", "asset must be an asset id");
    if (q.confidence && !one_of(q.confidence, confidences))
        return bad_filter(c, "confidence", q.confidence, "high, medium or low");
    if (q.entity && !dm_export_entity_known(q.entity))
        return bad_filter(c, "entity", q.entity, "an entity type name (`datamap entities`)");
    if (dm_catalog_finding_search(cat, &q, &list, &n, &total, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        const dm_finding_hit *h = &list[i];
        json_t *members = NULL, *category = NULL;
        json_t *ex = dm_evidence_parse(h->evidence_json, &members, &category);
        json_t *o = json_object();
        json_object_set_new(o, "asset_id", json_integer(h->asset_id));
        set_str(o, "asset", h->asset);
        set_str(o, "source", h->source);
        set_str(o, "table", h->table);
        set_str(o, "column", h->column);
        set_str(o, "entity", h->entity);
        json_object_set_new(o, "ratio", json_real(h->ratio));
        json_object_set_new(o, "matches", json_integer(h->matches));
        json_object_set_new(o, "sampled", json_integer(h->sampled));
        set_str(o, "confidence", h->confidence);
        json_object_set_new(o, "examples", json_incref(ex));
        if (members) {  /* a category-level finding (catalog/evidence.h) */
            json_object_set_new(o, "category", category ? category : json_string(""));
            json_object_set_new(o, "members", members);
        } else {
            json_decref(category);
        }
        if (h->allow_listed > 0)
            json_object_set_new(o, "allow_listed", json_integer(h->allow_listed));
        json_decref(ex);
        set_str(o, "classified_at", h->classified_at);
        if (h->review)
            json_object_set_new(o, "review", json_pack("{s:o,s:o,s:o,s:o}", "decision", dm_json_str(h->review), "by",
                                                       dm_json_str(h->review_by), "at", dm_json_str(h->review_at),
                                                       "reason", dm_json_str(h->review_reason)));
        json_array_append_new(items, o);
    }
    dm_finding_hit_list_free(list, n);
    return send_page(c, "findings", keys, items, total, q.limit, q.offset, q.offset + q.limit < total);
}

static enum MHD_Result api_tags(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    static const char *const keys[] = {"key", "value", "source", "asset", NULL};
    dm_tag_search q = {.key = arg(c, "key"), .value = arg(c, "value"), .source = arg(c, "source"),
                       .asset_id = id_arg(c, "asset")};
    dm_tag_hit *list = NULL;
    size_t n = 0;
    int64_t total = 0;
    dm_error err = {0};
    if (!paging(c, &q.limit, &q.offset))
        return bad_page(c);
    if (q.asset_id < 0)
        return send_error(c, 400, "bad_request", "asset must be an asset id");
    if (dm_catalog_tag_search(cat, &q, &list, &n, &total, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, tag_json(&list[i]));
    dm_tag_hit_list_free(list, n);
    return send_page(c, "tags", keys, items, total, q.limit, q.offset, q.offset + q.limit < total);
}

/* The report model costs about a second to build on 10,000 assets, and the
 * gaps page asks for it on every click: one model is shared by the HTTP
 * threads until the catalog changes (dm_catalog_change_mark), for at most
 * REPORT_TTL_S seconds (staleness gaps depend on the clock), REPORT_OPEN_TTL_S
 * while a run is landing results table by table. */
#define REPORT_TTL_S 60
#define REPORT_OPEN_TTL_S 5

typedef struct shared_report {
    dm_report *r;
    int refs;
    pthread_mutex_t json_mu;
    char *json;             /* its JSON text, made on first demand */
    size_t json_len;
} shared_report;

static pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
static shared_report *cached;
static char *cached_mark;
static time_t cached_at;
static bool cached_open;

static void report_put(shared_report *s)
{
    if (s == NULL)
        return;
    pthread_mutex_lock(&report_mu);
    bool last = --s->refs == 0;
    pthread_mutex_unlock(&report_mu);
    if (last) {
        dm_report_free(s->r);
        pthread_mutex_destroy(&s->json_mu);
        free(s->json);
        free(s);
    }
}

static shared_report *report_get(dm_service *svc, dm_catalog *cat, dm_error *err)
{
    char *mark = NULL;
    bool open = false;
    time_t now = time(NULL);
    shared_report *s = NULL;
    if (dm_catalog_change_mark(cat, &mark, &open, err) != DM_OK)
        return NULL;
    pthread_mutex_lock(&report_mu);
    if (cached && strcmp(mark, cached_mark) == 0 && now - cached_at < (cached_open ? REPORT_OPEN_TTL_S : REPORT_TTL_S)) {
        s = cached;
        s->refs++;
    }
    pthread_mutex_unlock(&report_mu);
    if (s) {
        free(mark);
        return s;
    }
    dm_report_opts ro = {.cfg = svc->cfg, .now = now};
    dm_report *r = NULL;
    if (dm_report_build(cat, &ro, &r, err) != DM_OK) {
        free(mark);
        return NULL;
    }
    s = dm_xcalloc(1, sizeof *s);
    pthread_mutex_init(&s->json_mu, NULL);
    s->r = r;
    s->refs = 2;    /* the cache and the caller */
    pthread_mutex_lock(&report_mu);
    shared_report *old = cached;
    free(cached_mark);
    cached = s;
    cached_mark = mark;
    cached_at = now;
    cached_open = open;
    pthread_mutex_unlock(&report_mu);
    report_put(old);
    return s;
}

void dm_api_cleanup(void)
{
    pthread_mutex_lock(&report_mu);
    shared_report *old = cached;
    cached = NULL;
    free(cached_mark);
    cached_mark = NULL;
    pthread_mutex_unlock(&report_mu);
    report_put(old);
}

/* The catalog id of a report asset ("source/name"); 0 when unknown. */
static int64_t report_asset_id(dm_catalog *cat, const dm_report *r, const char *rid)
{
    for (size_t i = 0; rid && i < r->nassets; i++) {
        const dm_report_asset *ra = &r->assets[i];
        if (strcmp(ra->id, rid) != 0)
            continue;
        dm_asset_filter f = {.source = ra->source, .name = ra->name, .include_deleted = true};
        dm_asset_rec *list = NULL;
        size_t n = 0;
        int64_t id = 0;
        if (dm_catalog_asset_list(cat, &f, &list, &n, NULL) == DM_OK && n > 0)
            id = list[0].id;
        dm_asset_list_free(list, n);
        return id;
    }
    return 0;
}

static enum MHD_Result api_gaps(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_service *svc = call->svc;
    dm_catalog *cat = call->cat;
    static const char *const keys[] = {"kind", NULL};
    const char *kind = arg(c, "kind");
    int64_t limit, offset;
    dm_error err = {0};
    if (!paging(c, &limit, &offset))
        return bad_page(c);
    shared_report *sr = report_get(svc, cat, &err);
    if (sr == NULL)
        return send_status(c, &err);
    const dm_report *r = sr->r;
    json_t *counts = json_object(), *items = json_array();
    int64_t total = 0;
    for (size_t i = 0; i < r->ngaps; i++) {
        const dm_report_gap *g = &r->gaps[i];
        const char *name = dm_gap_kind_name(g->kind);
        json_t *old = json_object_get(counts, name);
        json_object_set_new(counts, name, json_integer(old ? json_integer_value(old) + 1 : 1));
        if (kind && strcmp(kind, name) != 0)
            continue;
        if (total++ < offset || (int64_t)json_array_size(items) >= limit)
            continue;
        json_t *o = json_object();
        set_str(o, "kind", name);
        set_str(o, "asset", g->asset);
        int64_t id = report_asset_id(cat, r, g->asset);
        json_object_set_new(o, "asset_id", id > 0 ? json_integer(id) : json_null());
        set_str(o, "activity", g->activity);
        set_str(o, "message", g->message);
        json_array_append_new(items, o);
    }
    report_put(sr);
    json_t *doc = json_object();
    json_object_set_new(doc, "items", items);
    json_object_set_new(doc, "total", json_integer(total));
    json_object_set_new(doc, "counts", counts);
    json_object_set_new(doc, "limit", json_integer(limit));
    json_object_set_new(doc, "offset", json_integer(offset));
    json_object_set_new(doc, "next", offset + limit < total ? next_link(c, "gaps", keys, limit, offset) : json_null());
    return send_json(c, 200, doc);
}

/* The report's JSON with only the top-level sections listed ("overview,
 * activities"; generated_at and stale_days always): the web UI's report
 * page needs neither every asset nor every column. NULL with err for an
 * unknown section. */
static json_t *report_sections(const dm_report *r, const char *list, dm_error *err)
{
    static const char *const known[] = {"controller", "overview", "activities", "assets", "columns", "gaps", NULL};
    unsigned parts = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        int k = -1;
        for (int i = 0; known[i]; i++)
            if (strlen(known[i]) == n && strncmp(p, known[i], n) == 0)
                k = i;
        if (k < 0) {
            DM_FAIL(err, DM_ERR_ARG, "sections takes a comma-separated list of controller, overview, activities, "
                                     "assets, columns, gaps");
            return NULL;
        }
        parts |= 1u << k;     /* the order of known[] is that of DM_REPORT_JSON_* */
        p += n + (p[n] == ',');
    }
    return dm_report_to_json_parts(r, parts);
}

/* GET report?format=NAME, a writer of report/writers.c (default json).
 * JSON is the web UI's own format: compact, with sections=LIST
 * (report_sections), and its text kept with the shared model, so it does
 * not go through the (indented) json writer; the others do. */
static enum MHD_Result api_report(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_service *svc = call->svc;
    dm_catalog *cat = call->cat;
    const char *format = arg(c, "format");
    shared_report *sr = NULL;
    dm_error err = {0};
    if (format == NULL || strcmp(format, "json") == 0) {
        if ((sr = report_get(svc, cat, &err)) == NULL)
            return send_status(c, &err);
        const char *sections = arg(c, "sections");
        if (sections) {
            json_t *doc = report_sections(sr->r, sections, &err);
            report_put(sr);
            return doc ? send_json(c, 200, doc) : send_error(c, 400, "bad_request", err.msg);
        }
        /* 20 MB for 10,000 assets: dumped once per model */
        pthread_mutex_lock(&sr->json_mu);
        if (sr->json == NULL) {
            json_t *doc = dm_report_to_json(sr->r);
            sr->json = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(4) | JSON_PRESERVE_ORDER);
            sr->json_len = sr->json ? strlen(sr->json) : 0;
            json_decref(doc);
        }
        char *copy = sr->json ? dm_xmalloc(sr->json_len + 1) : NULL;
        if (copy)
            memcpy(copy, sr->json, sr->json_len + 1);
        size_t len = sr->json_len;
        pthread_mutex_unlock(&sr->json_mu);
        report_put(sr);
        if (copy == NULL)
            return send_error(c, 500, "internal", "could not write the report as JSON");
        return dm_http_send_text(c, 200, "application/json", copy, len);
    }
    const dm_report_writer *w = dm_report_writer_find(format);
    if (w == NULL) {
        char *names = dm_report_writer_names(), *msg = dm_xasprintf("format must be %s", names);
        enum MHD_Result ret = send_error(c, 400, "bad_request", msg);
        free(names);
        free(msg);
        return ret;
    }
    if ((sr = report_get(svc, cat, &err)) == NULL)
        return send_status(c, &err);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    dm_status rc = mem == NULL ? DM_FAIL(&err, DM_ERR_IO, "out of memory") : w->write(sr->r, mem, NULL, &err);
    if (mem)
        fclose(mem);
    report_put(sr);
    if (rc != DM_OK) {
        free(text);
        return send_status(c, &err);
    }
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
    char disp[96];
    snprintf(disp, sizeof disp, "inline; filename=\"record-of-processing%s\"", w->exts[0]);
    MHD_add_response_header(resp, "Content-Type", w->mime);
    MHD_add_response_header(resp, "Content-Disposition", disp);
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (w->csp)
        MHD_add_response_header(resp, "Content-Security-Policy", w->csp);
    enum MHD_Result ret = MHD_queue_response(c, 200, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result api_jobs(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    static const char *const keys[] = {"state", NULL};
    int64_t limit, offset;
    dm_job_rec *list = NULL;
    size_t n = 0;
    dm_error err = {0};
    const char *state = arg(c, "state");
    int64_t counts[4], total = 0;
    if (!paging(c, &limit, &offset))
        return bad_page(c);
    if (state && !one_of(state, job_states))
        return bad_filter(c, "state", state, "queued, running, done or dead");
    if (dm_catalog_job_counts(cat, counts, &err) != DM_OK)
        return send_status(c, &err);
    for (int i = 0; i < 4; i++)
        if (state == NULL || strcmp(state, job_states[i]) == 0)
            total += counts[i];
    if (dm_catalog_job_list(cat, state, limit + 1, offset, &list, &n, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n && (int64_t)i < limit; i++)
        json_array_append_new(items, job_json(&list[i]));
    dm_job_list_free(list, n);
    return send_page(c, "jobs", keys, items, total, limit, offset, (int64_t)n > limit);
}

static enum MHD_Result api_runs(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    static const char *const keys[] = {NULL};
    int64_t limit, offset;
    dm_run_rec *list = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (!paging(c, &limit, &offset))
        return bad_page(c);
    int64_t total = 0;
    if (dm_catalog_run_count(cat, &total, &err) != DM_OK ||
        dm_catalog_run_list(cat, limit + 1, offset, &list, &n, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n && (int64_t)i < limit; i++) {
        json_error_t je;
        json_t *stats = list[i].stats_json ? json_loads(list[i].stats_json, 0, &je) : NULL;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(list[i].id));
        set_str(o, "command", list[i].command);
        set_str(o, "status", list[i].status);
        set_str(o, "started_at", list[i].started_at);
        set_str(o, "ended_at", list[i].ended_at);
        json_object_set_new(o, "stats", stats ? stats : json_null());
        json_array_append_new(items, o);
    }
    dm_run_list_free(list, n);
    return send_page(c, "runs", keys, items, total, limit, offset, (int64_t)n > limit);
}

static enum MHD_Result api_sources(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    dm_source_rec *s = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (dm_catalog_source_list(cat, &s, &n, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(s[i].id));
        set_str(o, "name", s[i].name);
        set_str(o, "url", s[i].url);
        set_str(o, "created_at", s[i].created_at);
        json_array_append_new(items, o);
    }
    dm_source_list_free(s, n);
    return send_json(c, 200, json_pack("{s:o,s:I}", "items", items, "total", (json_int_t)n));
}

/* A JSON object of string values as stored ({"k":"v"}); NULL and a message
 * when v is not one, or (secrets_url non-NULL) when a key names a secret:
 * the message names what that URL's driver reads instead. */
static char *kv_object(json_t *v, const char *secrets_url, const char *what, char *msg, size_t msgsz)
{
    if (v == NULL)
        return dm_xstrdup("{}");
    if (!json_is_object(v)) {
        snprintf(msg, msgsz, "%s must be an object of strings", what);
        return NULL;
    }
    const char *k;
    json_t *x;
    json_object_foreach(v, k, x) {
        if (!json_is_string(x) || *k == '\0') {
            snprintf(msg, msgsz, "%s must be an object of strings", what);
            return NULL;
        }
        if (secrets_url != NULL && (dm_source_secret_option(k) || dm_url_has_secret(json_string_value(x)))) {
            /* name the key only: the value is the secret */
            snprintf(msg, msgsz, "option %.64s: secrets are never stored in the catalog; use, in the service's "
                                 "environment, %s", k, dm_source_secret_hint(secrets_url));
            return NULL;
        }
    }
    return json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
}

/* POST sources {"name", "url", "options"?, "tags"?, "require_tag"?, "run"?}:
 * register a source as `datamap source add` does (a local path must be
 * absolute), then queue its first run unless "run": false. */
static enum MHD_Result api_source_add(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_service *svc = call->svc;
    dm_catalog *cat = call->cat;
    const char *body = call->body;
    size_t len = call->len;
    json_error_t je;
    json_t *doc = len ? json_loadb(body, len, 0, &je) : NULL;
    char msg[512] = "", *url = NULL, *oj = NULL, *tj = NULL;
    dm_error err = {0};
    enum MHD_Result ret;
    const char *name = json_string_value(json_object_get(doc, "name"));
    const char *given = json_string_value(json_object_get(doc, "url"));
    json_t *req = json_object_get(doc, "require_tag"), *run = json_object_get(doc, "run");
    if (!json_is_object(doc) || name == NULL || given == NULL) {
        ret = send_error(c, 400, "bad_request", "body must be {\"name\": NAME, \"url\": URL, ...}");
        goto out;
    }
    if (*name == '\0' || strchr(name, '/') != NULL || strlen(name) > 200) {
        ret = send_error(c, 400, "bad_request", "a source name cannot be empty, contain '/' or be that long");
        goto out;
    }
    if ((req != NULL && !json_is_string(req)) || (run != NULL && !json_is_boolean(run))) {
        ret = send_error(c, 400, "bad_request", "require_tag takes \"key=value\" and run true or false");
        goto out;
    }
    if (dm_source_lookup(given) == NULL) {
        ret = send_error(c, 400, "bad_request", "unsupported URL scheme");
        goto out;
    }
    if (strstr(given, "://") == NULL) {
        char real[PATH_MAX];
        if (given[0] != '/' || realpath(given, real) == NULL) {
            ret = send_error(c, 400, "bad_request", "a local path must be absolute and exist on the service's machine");
            goto out;
        }
        url = dm_xasprintf("file://%s", real);
    } else {
        url = dm_xstrdup(given);
    }
    if (dm_catalog_url_has_password(given)) {
        snprintf(msg, sizeof msg, "do not put passwords in source URLs; use, in the service's environment, %s",
                 dm_source_secret_hint(given));
        ret = send_error(c, 400, "bad_request", msg);
        goto out;
    }
    if ((oj = kv_object(json_object_get(doc, "options"), given, "options", msg, sizeof msg)) == NULL ||
        (tj = kv_object(json_object_get(doc, "tags"), NULL, "tags", msg, sizeof msg)) == NULL) {
        ret = send_error(c, 400, "bad_request", msg);
        goto out;
    }
    dm_source_rec rec = {0, (char *)name, url, oj, tj, (char *)json_string_value(req), NULL};
    int64_t id = 0, job = 0;
    if (dm_catalog_source_add(cat, &rec, &id, &err) != DM_OK) {
        ret = send_status(c, &err);     /* a name in use, a password in the URL: 400 with the reason */
        goto out;
    }
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(id));
    set_str(o, "name", name);
    set_str(o, "url", url);
    if (run == NULL || json_is_true(run)) {
        if (dm_catalog_job_enqueue(cat, "run", name, (int)svc->max_attempts, 0, &job, NULL, &err) == DM_OK) {
            json_object_set_new(o, "queued", json_pack("{s:I,s:s}", "job", (json_int_t)job, "kind", "run"));
            dm_service_poke(svc);
        }
    }
    ret = send_json(c, 201, o);
out:
    json_decref(doc);
    free(url);
    free(oj);
    free(tj);
    return ret;
}

/* DELETE sources/NAME: its assets are marked vanished, never dropped. */
static enum MHD_Result api_source_remove(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    const char *name = call->params[0];
    dm_error err = {0};
    if (dm_catalog_source_remove(cat, name, &err) != DM_OK)
        return send_status(c, &err);
    json_t *o = json_object();
    set_str(o, "removed", name);
    return send_json(c, 200, o);
}

/* POST findings/review {"asset", "table", "column", "entity", "decision",
 * "reason", "by"}: decision is dismiss|dismissed, confirm|confirmed or
 * undo|undone; asset is NAME or SOURCE/NAME as the CLI takes it. */
static enum MHD_Result api_review(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    json_error_t je;
    json_t *doc = call->len ? json_loadb(call->body, call->len, 0, &je) : NULL;
    const char *f[7];
    static const char *const names[7] = {"asset", "table", "column", "entity", "decision", "reason", "by"};
    for (int i = 0; i < 7; i++)
        f[i] = json_string_value(json_object_get(doc, names[i]));
    if (!json_is_object(doc) || !f[0] || !f[1] || !f[2] || !f[3] || !f[4] || !f[5] || !f[6]) {
        json_decref(doc);
        return send_error(c, 400, "bad_request",
                          "body must be {\"asset\", \"table\", \"column\", \"entity\", \"decision\", \"reason\", "
                          "\"by\"} (strings)");
    }
    const char *d = f[4];
    const char *decision = !strcmp(d, "dismiss") || !strcmp(d, DM_REVIEW_DISMISSED)   ? DM_REVIEW_DISMISSED
                           : !strcmp(d, "confirm") || !strcmp(d, DM_REVIEW_CONFIRMED) ? DM_REVIEW_CONFIRMED
                           : !strcmp(d, "undo") || !strcmp(d, DM_REVIEW_UNDONE)       ? DM_REVIEW_UNDONE
                                                                                      : NULL;
    if (decision == NULL) {
        json_decref(doc);
        return send_error(c, 400, "bad_request", "decision must be dismiss, confirm or undo");
    }
    char *asset = dm_xstrdup(f[0]), *slash = strchr(asset, '/');
    dm_review_put r = {.asset = asset, .table = f[1], .column = f[2], .entity = f[3], .decision = decision,
                       .reason = f[5], .by = f[6]};
    if (slash) {
        *slash = '\0';
        r.source = asset;
        r.asset = slash + 1;
    }
    dm_error err = {0};
    int64_t id = 0;
    enum MHD_Result ret;
    if (dm_catalog_review_put(call->cat, &r, &id, &err) != DM_OK)
        ret = send_status(c, &err);
    else
        ret = send_json(c, 201, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)id, "asset", f[0],
                                          "table", f[1], "column", f[2], "entity", f[3], "decision", decision,
                                          "reason", f[5], "by", f[6]));
    free(asset);
    json_decref(doc);
    return ret;
}

/* POST run, body optional {"sources": ["a", ...]} (default: all). */
static enum MHD_Result api_run(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_service *svc = call->svc;
    dm_catalog *cat = call->cat;
    const char *body = call->body;
    size_t len = call->len;
    dm_source_rec *s = NULL;
    size_t n = 0;
    dm_error err = {0};
    json_t *want = NULL, *doc = NULL;
    if (len > 0) {
        json_error_t je;
        doc = json_loadb(body, len, 0, &je);
        want = json_object_get(doc, "sources");
        if (doc == NULL || (want != NULL && !json_is_array(want)))
            return json_decref(doc), send_error(c, 400, "bad_request", "body must be {\"sources\": [NAME, ...]}");
    }
    if (dm_catalog_source_list(cat, &s, &n, &err) != DM_OK)
        return json_decref(doc), send_status(c, &err);
    size_t i;
    json_t *v;
    json_array_foreach(want, i, v) {
        bool found = false;
        for (size_t k = 0; k < n; k++)
            found |= json_is_string(v) && strcmp(s[k].name, json_string_value(v)) == 0;
        if (!found) {
            dm_source_list_free(s, n);
            json_decref(doc);
            return send_error(c, 404, "not_found", "no such source");
        }
    }
    json_t *queued = json_array();
    for (size_t k = 0; k < n; k++) {
        bool take = want == NULL;
        json_array_foreach(want, i, v) take |= strcmp(s[k].name, json_string_value(v)) == 0;
        int64_t id = 0;
        if (take && dm_catalog_job_enqueue(cat, "run", s[k].name, (int)svc->max_attempts, 0, &id, NULL, &err) == DM_OK)
            json_array_append_new(queued, json_pack("{s:I,s:s,s:o}", "job", (json_int_t)id, "kind", "run", "target",
                                                    dm_json_str(s[k].name)));
    }
    dm_source_list_free(s, n);
    json_decref(doc);
    dm_service_poke(svc);
    return send_json(c, 202, json_pack("{s:o}", "queued", queued));
}

/* POST jobs/{id}/retry */
static enum MHD_Result api_retry(const dm_api_call *call)
{
    struct MHD_Connection *c = call->c;
    dm_catalog *cat = call->cat;
    char *end;
    long long id = strtoll(call->params[0], &end, 10);
    dm_error err = {0};
    dm_job_rec j;
    if (*end || id <= 0)
        return send_error(c, 404, "not_found", "no such job");
    if (dm_catalog_job_retry(cat, id, &err) != DM_OK || dm_catalog_job_get(cat, id, &j, &err) != DM_OK)
        return send_status(c, &err);
    json_t *doc = job_json(&j);
    dm_job_rec_free(&j);
    dm_service_poke(call->svc);
    return send_json(c, 200, doc);
}

/* POST events: an EventBridge event or an S3 notification (events.c). */
static enum MHD_Result api_events(const dm_api_call *call)
{
    json_t *queued = NULL;
    dm_error err = {0};
    if (dm_events_intake(call->cat, call->body ? call->body : "", call->len, &queued, &err) != DM_OK)
        return send_error(call->c, 400, "bad_event", err.msg);
    dm_service_poke(call->svc);
    return send_json(call->c, 202, json_pack("{s:o}", "queued", queued));
}

/* Every endpoint under /api/v1/. Routing, the 404 and 405 answers (405
 * with an Allow header) and who may call each follow from this table: a
 * new endpoint is its handler and one row. In a path, {x} matches one
 * non-empty segment, handed to the handler in params[] in order. A GET row
 * answers HEAD too. */
static const dm_api_route routes[] = {
    {"GET", "sources", api_sources, DM_AUTH_TOKEN},
    {"POST", "sources", api_source_add, DM_AUTH_TOKEN},
    {"DELETE", "sources/{name}", api_source_remove, DM_AUTH_TOKEN},
    {"GET", "assets", api_assets, DM_AUTH_TOKEN},
    {"GET", "assets/{id}", api_asset, DM_AUTH_TOKEN},
    {"GET", "findings", api_findings, DM_AUTH_TOKEN},
    {"POST", "findings/review", api_review, DM_AUTH_TOKEN},
    {"GET", "tags", api_tags, DM_AUTH_TOKEN},
    {"GET", "gaps", api_gaps, DM_AUTH_TOKEN},
    {"GET", "report", api_report, DM_AUTH_TOKEN},
    {"GET", "jobs", api_jobs, DM_AUTH_TOKEN},
    {"POST", "jobs/{id}/retry", api_retry, DM_AUTH_TOKEN},
    {"GET", "runs", api_runs, DM_AUTH_TOKEN},
    {"POST", "run", api_run, DM_AUTH_TOKEN},
    {"POST", "events", api_events, DM_AUTH_EVENTS},
};

#define MAX_SEGMENTS 8

/* Whether the segments of a path match pattern; the {x} segments go to params. */
static bool path_matches(const char *pattern, char *const *seg, size_t nseg, const char **params)
{
    size_t i = 0, np = 0;
    for (const char *p = pattern;; i++) {
        size_t n = strcspn(p, "/");
        if (i >= nseg)
            return false;
        if (*p == '{') {
            if (*seg[i] == '\0' || np == DM_API_MAX_PARAMS)
                return false;
            params[np++] = seg[i];
        } else if (strlen(seg[i]) != n || strncmp(seg[i], p, n) != 0) {
            return false;
        }
        if (p[n] == '\0')
            return i + 1 == nseg;
        p += n + 1;
    }
}

static bool method_matches(const char *route_method, const char *method)
{
    return strcmp(route_method, method) == 0 || (strcmp(method, "HEAD") == 0 && strcmp(route_method, "GET") == 0);
}

enum MHD_Result dm_api_dispatch(dm_service *svc, struct MHD_Connection *c, const char *url, const char *method,
                                const char *body, size_t len, bool too_big)
{
    /* split a copy of the path at '/': the {x} parameters point into it */
    char *copy = strncmp(url, "/api/v1/", 8) == 0 ? dm_xstrdup(url + 8) : NULL, *seg[MAX_SEGMENTS];
    size_t nseg = 0;
    bool too_deep = false;  /* deeper than any route: 404 */
    for (char *p = copy; p;) {
        if (nseg == MAX_SEGMENTS) {
            too_deep = true;
            break;
        }
        seg[nseg++] = p;
        if ((p = strchr(p, '/')) != NULL)
            *p++ = '\0';
    }
    const dm_api_route *route = NULL, *same_path = NULL;
    const char *params[DM_API_MAX_PARAMS] = {NULL}, *ignored[DM_API_MAX_PARAMS];
    dm_buf allow = DM_BUF_INIT;
    for (size_t i = 0; copy && !too_deep && i < sizeof routes / sizeof routes[0]; i++) {
        const dm_api_route *r = &routes[i];
        bool take = route == NULL && method_matches(r->method, method);
        if (!path_matches(r->pattern, seg, nseg, take ? params : ignored))
            continue;
        if (take)
            route = r;
        if (same_path == NULL)
            same_path = r;
        dm_buf_printf(&allow, "%s%s%s", allow.len ? ", " : "", r->method, strcmp(r->method, "GET") ? "" : ", HEAD");
    }
    /* the path's own auth even for a wrong method; an unknown path needs the token */
    dm_api_auth auth = route ? route->auth : same_path ? same_path->auth : DM_AUTH_TOKEN;
    dm_error err = {0};
    dm_catalog *cat = NULL;
    enum MHD_Result ret;
    if (!dm_http_authorized(svc, c, auth))
        ret = send_error(c, 401, "unauthorized", "missing or wrong bearer token");
    else if (route == NULL && same_path)
        ret = dm_http_send_not_allowed(c, allow.data);
    else if (route == NULL)
        ret = send_error(c, 404, "not_found", "no such endpoint");
    else if ((cat = dm_http_catalog(svc, &err)) == NULL)
        ret = send_error(c, 503, "unavailable", err.msg);
    else if (too_big)
        ret = send_error(c, 413, "too_large", "request body over 1 MiB");
    else
        ret = route->handler(&(dm_api_call){svc, c, cat, params, body, len});
    dm_buf_free(&allow);
    free(copy);
    return ret;
}
