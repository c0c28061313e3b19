/*
 * HTTP server of `datamap serve` (libmicrohttpd, internal thread pool):
 * /healthz, /metrics, the JSON API under /api/v1, the event intake and the
 * embedded web UI. Each HTTP thread keeps its own catalog connection.
 *
 * Errors have one shape: {"error": {"code": "not_found", "message": "..."}}.
 * With a token configured, every /api call needs "Authorization: Bearer T".
 */
#include <microhttpd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/mem.h"
#include "pipeline/export.h"
#include "server/service.h"
#include "server/web.h"

#define MAX_BODY (1u << 20)
#define DEFAULT_LIMIT 50
#define MAX_LIMIT 1000

struct dm_http {
    struct MHD_Daemon *d;
    dm_service *svc;
};

static pthread_key_t cat_key;
static pthread_once_t cat_once = PTHREAD_ONCE_INIT;

static void close_cat(void *p)
{
    dm_catalog_close(p);
}

static void make_key(void)
{
    pthread_key_create(&cat_key, close_cat);
}

/* This thread's catalog connection, opened on first use. */
static dm_catalog *thread_catalog(dm_service *svc, dm_error *err)
{
    pthread_once(&cat_once, make_key);
    dm_catalog *cat = pthread_getspecific(cat_key);
    if (cat == NULL && dm_catalog_open(svc->catalog_url, &cat, err) == DM_OK)
        pthread_setspecific(cat_key, cat);
    return cat;
}

typedef struct request {
    dm_buf body;
    bool too_big;
} request;

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *type, char *text, size_t len)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, json_t *doc)
{
    char *s = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(4) | JSON_PRESERVE_ORDER);
    json_decref(doc);
    return send_text(c, status, "application/json", s, strlen(s));
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *code, const char *msg)
{
    return send_json(c, status, json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg));
}

static enum MHD_Result send_status(struct MHD_Connection *c, const dm_error *err)
{
    switch (err->code) {
    case DM_ERR_NOT_FOUND: return send_error(c, 404, "not_found", err->msg);
    case DM_ERR_ARG: return send_error(c, 400, "bad_request", err->msg);
    default: return send_error(c, 500, "internal", err->msg);
    }
}

static const char *arg(struct MHD_Connection *c, const char *name)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

/* ?limit=&offset= ; false (400 sent) when invalid */
static bool paging(struct MHD_Connection *c, int64_t *limit, int64_t *offset)
{
    const char *l = arg(c, "limit"), *o = arg(c, "offset");
    char *end;
    *limit = DEFAULT_LIMIT;
    *offset = 0;
    if (l) {
        *limit = strtoll(l, &end, 10);
        if (*end || *limit < 1 || *limit > MAX_LIMIT)
            return false;
    }
    if (o) {
        *offset = strtoll(o, &end, 10);
        if (*end || *offset < 0)
            return false;
    }
    return true;
}

static bool token_ok(dm_service *svc, struct MHD_Connection *c)
{
    if (svc->token == NULL)
        return true;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    if (h == NULL || strncmp(h, "Bearer ", 7) != 0)
        return false;
    const char *t = h + 7;
    size_t a = strlen(t), b = strlen(svc->token);
    unsigned char diff = a != b;
    for (size_t i = 0; i < a && i < b; i++)
        diff |= (unsigned char)(t[i] ^ svc->token[i]);
    return diff == 0;
}

static json_t *asset_summary(const dm_asset_rec *a)
{
    return json_pack("{s:I,s:s,s:s,s:s,s:s?,s:s,s:s?,s:s?,s:s?}", "id", (json_int_t)a->id, "source",
                     a->source_name ? a->source_name : "", "name", a->name, "kind", a->kind, "location", a->location,
                     "state", a->state, "last_seen", a->last_seen, "cataloged_at", a->cataloged_at, "classified_at",
                     a->classified_at);
}

static json_t *job_json(const dm_job_rec *j)
{
    return json_pack("{s:I,s:s,s:s,s:s,s:i,s:i,s:s,s:s?,s:s?,s:s?,s:s,s:s}", "id", (json_int_t)j->id, "kind", j->kind,
                     "target", j->target, "state", j->state, "attempts", j->attempts, "max_attempts", j->max_attempts,
                     "run_after", j->run_after, "lease_owner", j->lease_owner, "lease_until", j->lease_until,
                     "last_error", j->last_error, "created_at", j->created_at, "updated_at", j->updated_at);
}

/* "/api/v1/assets?..." link to the next page, keeping the filters. */
static json_t *next_link(struct MHD_Connection *c, const char *path, const char *const *keys, int64_t limit,
                         int64_t offset)
{
    dm_buf b = DM_BUF_INIT(0);
    (void)dm_buf_printf(&b, "%s?limit=%lld&offset=%lld", path, (long long)limit, (long long)(offset + limit));
    for (int i = 0; keys[i]; i++) {
        const char *v = arg(c, keys[i]);
        if (v == NULL)
            continue;
        (void)dm_buf_printf(&b, "&%s=", keys[i]);
        for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
                (void)dm_buf_putc(&b, (char)*p);
            else
                (void)dm_buf_printf(&b, "%%%02X", *p);
        }
    }
    json_t *s = json_string(b.data);
    dm_buf_free(&b);
    return s;
}

static enum MHD_Result api_assets(struct MHD_Connection *c, dm_catalog *cat)
{
    static const char *const keys[] = {"state", "source", "entity", "tag", "q", NULL};
    dm_asset_search q = {.state = arg(c, "state"), .source = arg(c, "source"), .entity = arg(c, "entity"),
                         .tag = arg(c, "tag"), .text = arg(c, "q")};
    dm_asset_rec *list = NULL;
    size_t n = 0;
    int64_t total = 0;
    dm_error err = {0};
    if (!paging(c, &q.limit, &q.offset))
        return send_error(c, 400, "bad_request", "limit must be 1-1000 and offset >= 0");
    if (dm_catalog_asset_search(cat, &q, &list, &n, &total, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, asset_summary(&list[i]));
    dm_asset_list_free(list, n);
    json_t *doc = json_pack("{s:o,s:I,s:I,s:I}", "items", items, "total", (json_int_t)total, "limit",
                            (json_int_t)q.limit, "offset", (json_int_t)q.offset);
    json_object_set_new(doc, "next", q.offset + q.limit < total ? next_link(c, "/api/v1/assets", keys, q.limit, q.offset)
                                                               : json_null());
    return send_json(c, 200, doc);
}

static enum MHD_Result api_asset(struct MHD_Connection *c, dm_catalog *cat, const char *idtext)
{
    char *end;
    long long id = strtoll(idtext, &end, 10);
    dm_asset_rec *all = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (*end || id <= 0)
        return send_error(c, 404, "not_found", "no such asset");
    dm_asset_filter f = {.include_deleted = true};
    if (dm_catalog_asset_list(cat, &f, &all, &n, &err) != DM_OK)
        return send_status(c, &err);
    const dm_asset_rec *a = NULL;
    for (size_t i = 0; i < n && a == NULL; i++)
        if (all[i].id == id)
            a = &all[i];
    if (a == NULL) {
        dm_asset_list_free(all, n);
        return send_error(c, 404, "not_found", "no such asset");
    }
    dm_asset_filter one = {.source = a->source_name, .name = a->name, .include_deleted = true};
    json_t *doc = dm_export_build(cat, &one, NULL, 0, &err);
    json_t *asset = doc ? json_incref(json_array_get(json_object_get(doc, "assets"), 0)) : NULL;
    json_decref(doc);
    if (asset == NULL) {
        dm_asset_list_free(all, n);
        return send_error(c, 500, "internal", err.msg[0] ? err.msg : "could not build the asset");
    }
    json_object_set_new(asset, "id", json_integer(id));
    json_object_set_new(asset, "last_seen", json_string(a->last_seen));
    if (a->classified_at)
        json_object_set_new(asset, "classified_at", json_string(a->classified_at));
    dm_asset_list_free(all, n);
    return send_json(c, 200, asset);
}

static enum MHD_Result api_jobs(struct MHD_Connection *c, dm_catalog *cat)
{
    int64_t limit, offset;
    dm_job_rec *list = NULL;
    size_t n = 0;
    dm_error err = {0};
    const char *state = arg(c, "state");
    if (!paging(c, &limit, &offset))
        return send_error(c, 400, "bad_request", "limit must be 1-1000 and offset >= 0");
    if (dm_catalog_job_list(cat, state, limit + 1, offset, &list, &n, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n && (int64_t)i < limit; i++)
        json_array_append_new(items, job_json(&list[i]));
    static const char *const keys[] = {"state", NULL};
    json_t *doc = json_pack("{s:o,s:I,s:I}", "items", items, "limit", (json_int_t)limit, "offset", (json_int_t)offset);
    json_object_set_new(doc, "next", (int64_t)n > limit ? next_link(c, "/api/v1/jobs", keys, limit, offset) : json_null());
    dm_job_list_free(list, n);
    return send_json(c, 200, doc);
}

static enum MHD_Result api_runs(struct MHD_Connection *c, dm_catalog *cat)
{
    int64_t limit, offset;
    dm_run_rec *list = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (!paging(c, &limit, &offset))
        return send_error(c, 400, "bad_request", "limit must be 1-1000 and offset >= 0");
    if (dm_catalog_run_list(cat, limit + 1, offset, &list, &n, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n && (int64_t)i < limit; i++) {
        json_error_t je;
        json_t *stats = list[i].stats_json ? json_loads(list[i].stats_json, 0, &je) : NULL;
        json_array_append_new(items, json_pack("{s:I,s:s,s:s,s:s,s:s?,s:o}", "id", (json_int_t)list[i].id, "command",
                                               list[i].command, "status", list[i].status, "started_at",
                                               list[i].started_at, "ended_at", list[i].ended_at, "stats",
                                               stats ? stats : json_null()));
    }
    static const char *const keys[] = {NULL};
    json_t *doc = json_pack("{s:o,s:I,s:I}", "items", items, "limit", (json_int_t)limit, "offset", (json_int_t)offset);
    json_object_set_new(doc, "next", (int64_t)n > limit ? next_link(c, "/api/v1/runs", keys, limit, offset) : json_null());
    dm_run_list_free(list, n);
    return send_json(c, 200, doc);
}

static enum MHD_Result api_sources(struct MHD_Connection *c, dm_catalog *cat)
{
    dm_source_rec *s = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (dm_catalog_source_list(cat, &s, &n, &err) != DM_OK)
        return send_status(c, &err);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)s[i].id, "name", s[i].name,
                                               "url", s[i].url, "created_at", s[i].created_at));
    dm_source_list_free(s, n);
    return send_json(c, 200, json_pack("{s:o}", "items", items));
}

/* POST /api/v1/run, body optional {"sources": ["a", ...]} (default: all). */
static enum MHD_Result api_run(struct MHD_Connection *c, dm_service *svc, dm_catalog *cat, const request *rq)
{
    dm_source_rec *s = NULL;
    size_t n = 0;
    dm_error err = {0};
    json_t *want = NULL, *body = NULL;
    if (rq->body.len > 0) {
        json_error_t je;
        body = json_loadb(rq->body.data, rq->body.len, 0, &je);
        want = json_object_get(body, "sources");
        if (body == NULL || (want != NULL && !json_is_array(want)))
            return json_decref(body), send_error(c, 400, "bad_request", "body must be {\"sources\": [NAME, ...]}");
    }
    if (dm_catalog_source_list(cat, &s, &n, &err) != DM_OK)
        return json_decref(body), send_status(c, &err);
    size_t i;
    json_t *v;
    json_array_foreach(want, i, v) {
        bool found = false;
        for (size_t k = 0; k < n; k++)
            found |= json_is_string(v) && strcmp(s[k].name, json_string_value(v)) == 0;
        if (!found) {
            dm_source_list_free(s, n);
            json_decref(body);
            return send_error(c, 404, "not_found", "no such source");
        }
    }
    json_t *queued = json_array();
    for (size_t k = 0; k < n; k++) {
        bool take = want == NULL;
        json_array_foreach(want, i, v) take |= strcmp(s[k].name, json_string_value(v)) == 0;
        int64_t id = 0;
        if (take && dm_catalog_job_enqueue(cat, "run", s[k].name, (int)svc->max_attempts, 0, &id, NULL, &err) == DM_OK)
            json_array_append_new(queued, json_pack("{s:I,s:s,s:s}", "job", (json_int_t)id, "kind", "run", "target",
                                                    s[k].name));
    }
    dm_source_list_free(s, n);
    json_decref(body);
    dm_service_poke(svc);
    return send_json(c, 202, json_pack("{s:o}", "queued", queued));
}

static void metric_line(dm_buf *b, const char *name, const char *labels, double v)
{
    (void)dm_buf_printf(b, "%s%s %.17g\n", name, labels, v);
}

static enum MHD_Result metrics(struct MHD_Connection *c, dm_service *svc, dm_catalog *cat)
{
    static const char *const states[4] = {"queued", "running", "done", "dead"};
    dm_buf b = DM_BUF_INIT(0);
    dm_error err = {0};
    int64_t counts[4];
    char **ents = NULL;
    size_t ne = 0;
    if (dm_catalog_job_counts(cat, counts, &err) != DM_OK || dm_catalog_personal_columns(cat, &ents, &ne, &err) != DM_OK)
        return send_text(c, 500, "text/plain", dm_xstrdup(err.msg), strlen(err.msg));
    (void)dm_buf_printf(&b, "# HELP datamap_jobs Jobs in the queue by state.\n# TYPE datamap_jobs gauge\n");
    for (int i = 0; i < 4; i++) {
        char l[32];
        snprintf(l, sizeof l, "{state=\"%s\"}", states[i]);
        metric_line(&b, "datamap_jobs", l, (double)counts[i]);
    }
    pthread_mutex_lock(&svc->mu);
    uint64_t rows = svc->rows_scanned, ok = svc->jobs_ok, failed = svc->jobs_failed;
    double secs[DM_NKINDS];
    uint64_t cnt[DM_NKINDS];
    memcpy(secs, svc->stage_seconds, sizeof secs);
    memcpy(cnt, svc->stage_count, sizeof cnt);
    pthread_mutex_unlock(&svc->mu);
    (void)dm_buf_printf(&b, "# HELP datamap_rows_scanned_total Rows read by this process's jobs.\n"
                            "# TYPE datamap_rows_scanned_total counter\n");
    metric_line(&b, "datamap_rows_scanned_total", "", (double)rows);
    (void)dm_buf_printf(&b, "# HELP datamap_jobs_processed_total Jobs this process ran, by outcome.\n"
                            "# TYPE datamap_jobs_processed_total counter\n");
    metric_line(&b, "datamap_jobs_processed_total", "{outcome=\"ok\"}", (double)ok);
    metric_line(&b, "datamap_jobs_processed_total", "{outcome=\"failed\"}", (double)failed);
    (void)dm_buf_printf(&b, "# HELP datamap_stage_duration_seconds Time spent in jobs, by kind.\n"
                            "# TYPE datamap_stage_duration_seconds summary\n");
    for (int k = 0; k < DM_NKINDS; k++) {
        char l[48];
        snprintf(l, sizeof l, "{stage=\"%s\"}", dm_service_kind_names[k]);
        metric_line(&b, "datamap_stage_duration_seconds_sum", l, secs[k]);
        metric_line(&b, "datamap_stage_duration_seconds_count", l, (double)cnt[k]);
    }
    /* columns holding each entity */
    json_t *by = json_object();
    for (size_t i = 0; i < ne; i++) {
        json_error_t je;
        json_t *arr = json_loads(ents[i], 0, &je);
        size_t k;
        json_t *v;
        json_array_foreach(arr, k, v) {
            if (!json_is_string(v))
                continue;
            json_t *old = json_object_get(by, json_string_value(v));
            json_object_set_new(by, json_string_value(v), json_integer(old ? json_integer_value(old) + 1 : 1));
        }
        json_decref(arr);
        free(ents[i]);
    }
    free(ents);
    (void)dm_buf_printf(&b, "# HELP datamap_findings Live columns holding each entity type.\n"
                            "# TYPE datamap_findings gauge\n");
    const char *key;
    json_t *v;
    json_object_foreach(by, key, v) {
        char l[160];
        snprintf(l, sizeof l, "{entity=\"%s\"}", key);
        metric_line(&b, "datamap_findings", l, (double)json_integer_value(v));
    }
    json_decref(by);
    size_t len = b.len;
    return send_text(c, 200, "text/plain; version=0.0.4", dm_buf_steal(&b), len);
}

static enum MHD_Result static_file(struct MHD_Connection *c, const char *url)
{
    if (strcmp(url, "/") == 0 || strncmp(url, "/asset/", 7) == 0 || strcmp(url, "/jobs") == 0)
        url = "/index.html";
    for (size_t i = 0; i < dm_web_nfiles; i++) {
        if (strcmp(dm_web_files[i].path, url) == 0) {
            struct MHD_Response *r = MHD_create_response_from_buffer(dm_web_files[i].size, (void *)dm_web_files[i].data,
                                                                     MHD_RESPMEM_PERSISTENT);
            MHD_add_response_header(r, "Content-Type", dm_web_files[i].type);
            MHD_add_response_header(r, "Content-Security-Policy", "default-src 'self'");
            enum MHD_Result ret = MHD_queue_response(c, 200, r);
            MHD_destroy_response(r);
            return ret;
        }
    }
    return send_error(c, 404, "not_found", "no such page");
}

static enum MHD_Result route(dm_service *svc, struct MHD_Connection *c, const char *url, const char *method,
                             const request *rq)
{
    bool get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0;
    dm_error err = {0};
    if (strcmp(url, "/healthz") == 0)
        return send_json(c, 200, json_pack("{s:s}", "status", "ok"));
    if (strncmp(url, "/api/", 5) != 0 && strcmp(url, "/metrics") != 0) {
        if (!get)
            return send_error(c, 405, "method_not_allowed", "only GET here");
        return static_file(c, url);
    }
    if (strncmp(url, "/api/", 5) == 0 && !token_ok(svc, c))
        return send_error(c, 401, "unauthorized", "missing or wrong bearer token");
    dm_catalog *cat = thread_catalog(svc, &err);
    if (cat == NULL)
        return send_error(c, 503, "unavailable", err.msg);
    if (rq->too_big)
        return send_error(c, 413, "too_large", "request body over 1 MiB");
    if (get && strcmp(url, "/metrics") == 0)
        return metrics(c, svc, cat);
    if (strncmp(url, "/api/v1/", 8) != 0)
        return send_error(c, 404, "not_found", "no such endpoint");
    const char *p = url + 8;
    if (get && strcmp(p, "sources") == 0)
        return api_sources(c, cat);
    if (get && strcmp(p, "assets") == 0)
        return api_assets(c, cat);
    if (get && strncmp(p, "assets/", 7) == 0)
        return api_asset(c, cat, p + 7);
    if (get && strcmp(p, "jobs") == 0)
        return api_jobs(c, cat);
    if (get && strcmp(p, "runs") == 0)
        return api_runs(c, cat);
    if (post && strcmp(p, "run") == 0)
        return api_run(c, svc, cat, rq);
    if (post && strncmp(p, "jobs/", 5) == 0) {
        char *end;
        long long id = strtoll(p + 5, &end, 10);
        if (strcmp(end, "/retry") != 0)
            return send_error(c, 404, "not_found", "no such endpoint");
        if (dm_catalog_job_retry(cat, id, &err) != DM_OK)
            return send_status(c, &err);
        dm_job_rec j;
        if (dm_catalog_job_get(cat, id, &j, &err) != DM_OK)
            return send_status(c, &err);
        json_t *doc = job_json(&j);
        dm_job_rec_free(&j);
        dm_service_poke(svc);
        return send_json(c, 200, doc);
    }
    if (post && strcmp(p, "events") == 0) {
        json_t *queued = NULL;
        if (dm_events_intake(cat, rq->body.data ? rq->body.data : "", rq->body.len, &queued, &err) != DM_OK)
            return send_error(c, 400, "bad_event", err.msg);
        dm_service_poke(svc);
        return send_json(c, 202, json_pack("{s:o}", "queued", queued));
    }
    bool known = strcmp(p, "sources") == 0 || strcmp(p, "assets") == 0 || strcmp(p, "jobs") == 0 ||
                 strcmp(p, "runs") == 0 || strcmp(p, "run") == 0 || strcmp(p, "events") == 0;
    return known ? send_error(c, 405, "method_not_allowed", "wrong method for this endpoint")
                 : send_error(c, 404, "not_found", "no such endpoint");
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    request *rq = *con_cls;
    if (rq == NULL) {
        rq = dm_xcalloc(1, sizeof *rq);
        rq->body = (dm_buf)DM_BUF_INIT(MAX_BODY);
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size > 0) {
        if (dm_buf_append(&rq->body, upload, *upload_size) != DM_OK)
            rq->too_big = true;
        *upload_size = 0;
        return MHD_YES;
    }
    return route(cls, c, url, method, rq);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    request *rq = *con_cls;
    if (rq) {
        dm_buf_free(&rq->body);
        free(rq);
        *con_cls = NULL;
    }
}

dm_status dm_http_start(dm_service *svc, const char *listen, dm_http **out, dm_error *err)
{
    struct sockaddr_in sa = {.sin_family = AF_INET};
    const char *colon = strrchr(listen, ':');
    char host[64];
    *out = NULL;
    if (colon == NULL || (size_t)(colon - listen) >= sizeof host)
        return DM_FAIL(err, DM_ERR_ARG, "--listen '%s': expected ADDRESS:PORT", listen);
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535 || inet_pton(AF_INET, host, &sa.sin_addr) != 1)
        return DM_FAIL(err, DM_ERR_ARG, "--listen '%s': expected an IPv4 ADDRESS:PORT", listen);
    sa.sin_port = htons((uint16_t)port);
    dm_http *h = dm_xcalloc(1, sizeof *h);
    h->svc = svc;
    h->d = MHD_start_daemon(MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD, (uint16_t)port, NULL, NULL, handler, svc,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE, 4u,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
                            MHD_OPTION_END);
    if (h->d == NULL) {
        free(h);
        return DM_FAIL(err, DM_ERR_IO, "could not listen on %s (address in use?)", listen);
    }
    *out = h;
    return DM_OK;
}

void dm_http_stop(dm_http *h)
{
    if (h == NULL)
        return;
    MHD_stop_daemon(h->d);
    free(h);
}
