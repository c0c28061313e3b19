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
#include "server/http.h"
#include "server/web.h"

#define MAX_BODY (1u << 20)

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

dm_catalog *dm_http_catalog(dm_service *svc, dm_error *err)
{
    pthread_once(&cat_once, make_key);
    dm_catalog *cat = pthread_getspecific(cat_key);
    if (cat == NULL && dm_catalog_open(svc->catalog_url, &cat, err) == DM_OK)
        pthread_setspecific(cat_key, cat);
    return cat;
}

typedef struct request {
    dm_capbuf body;
    bool too_big;
} request;

enum MHD_Result dm_http_send_text(struct MHD_Connection *c, unsigned status, const char *type, char *text, size_t len)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

enum MHD_Result dm_http_send_json(struct MHD_Connection *c, unsigned status, json_t *doc)
{
    char *s = doc ? json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(4) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(doc);
    if (s == NULL) {    /* a document that could not be built or written */
        static const char oops[] = "{\"error\":{\"code\":\"internal\",\"message\":\"could not write the answer\"}}";
        return dm_http_send_text(c, 500, "application/json", dm_xstrdup(oops), sizeof oops - 1);
    }
    return dm_http_send_text(c, status, "application/json", s, strlen(s));
}

enum MHD_Result dm_http_send_error(struct MHD_Connection *c, unsigned status, const char *code, const char *msg)
{
    return dm_http_send_json(c, status, json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg));
}

enum MHD_Result dm_http_send_not_allowed(struct MHD_Connection *c, const char *allow)
{
    json_t *doc = json_pack("{s:{s:s,s:s}}", "error", "code", "method_not_allowed", "message",
                            "wrong method for this endpoint");
    char *s = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(doc);
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(r, "Content-Type", "application/json");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Allow", allow);
    enum MHD_Result ret = MHD_queue_response(c, 405, r);
    MHD_destroy_response(r);
    return ret;
}

enum MHD_Result dm_http_send_status(struct MHD_Connection *c, const dm_error *err)
{
    switch (err->code) {
    case DM_ERR_NOT_FOUND: return dm_http_send_error(c, 404, "not_found", err->msg);
    case DM_ERR_ARG: return dm_http_send_error(c, 400, "bad_request", err->msg);
    default: return dm_http_send_error(c, 500, "internal", err->msg);
    }
}

const char *dm_http_arg(struct MHD_Connection *c, const char *name)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

static void metric_line(dm_buf *b, const char *name, const char *labels, double v)
{
    dm_buf_printf(b, "%s%s %.17g\n", name, labels, v);
}

static enum MHD_Result metrics(struct MHD_Connection *c, dm_service *svc, dm_catalog *cat)
{
    static const char *const states[4] = {"queued", "running", "done", "dead"};
    dm_buf b = DM_BUF_INIT;
    dm_error err = {0};
    int64_t counts[4];
    char **ents = NULL;
    size_t ne = 0;
    if (dm_catalog_job_counts(cat, counts, &err) != DM_OK || dm_catalog_personal_columns(cat, &ents, &ne, &err) != DM_OK)
        return dm_http_send_text(c, 500, "text/plain", dm_xstrdup(err.msg), strlen(err.msg));
    dm_buf_printf(&b, "# HELP datamap_jobs Jobs in the queue by state.\n# TYPE datamap_jobs gauge\n");
    for (int i = 0; i < 4; i++) {
        char l[32];
        snprintf(l, sizeof l, "{state=\"%s\"}", states[i]);
        metric_line(&b, "datamap_jobs", l, (double)counts[i]);
    }
    pthread_mutex_lock(&svc->mu);
    uint64_t rows = svc->rows_scanned, bytes = svc->bytes_scanned, ok = svc->jobs_ok, failed = svc->jobs_failed;
    double secs[DM_NKINDS];
    uint64_t cnt[DM_NKINDS];
    memcpy(secs, svc->stage_seconds, sizeof secs);
    memcpy(cnt, svc->stage_count, sizeof cnt);
    pthread_mutex_unlock(&svc->mu);
    dm_buf_printf(&b, "# HELP datamap_rows_scanned_total Rows read by this process's jobs.\n"
                            "# TYPE datamap_rows_scanned_total counter\n");
    metric_line(&b, "datamap_rows_scanned_total", "", (double)rows);
    dm_buf_printf(&b, "# HELP datamap_bytes_scanned_total Bytes of the cell values read by this process's jobs.\n"
                            "# TYPE datamap_bytes_scanned_total counter\n");
    metric_line(&b, "datamap_bytes_scanned_total", "", (double)bytes);
    dm_buf_printf(&b, "# HELP datamap_jobs_processed_total Jobs this process ran, by outcome.\n"
                            "# TYPE datamap_jobs_processed_total counter\n");
    metric_line(&b, "datamap_jobs_processed_total", "{outcome=\"ok\"}", (double)ok);
    metric_line(&b, "datamap_jobs_processed_total", "{outcome=\"failed\"}", (double)failed);
    dm_buf_printf(&b, "# HELP datamap_stage_duration_seconds Time spent in jobs, by kind.\n"
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
    dm_buf_printf(&b, "# HELP datamap_findings Live columns holding each entity type.\n"
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
    return dm_http_send_text(c, 200, "text/plain; version=0.0.4", dm_buf_steal(&b), len);
}

static enum MHD_Result static_file(struct MHD_Connection *c, const char *url)
{
    if (strcmp(url, "/") == 0)
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
    return dm_http_send_error(c, 404, "not_found", "no such page");
}

/* Constant-time comparison of a presented secret with the configured one. */
static bool secret_eq(const char *given, const char *want)
{
    size_t a = strlen(given), b = strlen(want);
    unsigned char diff = a != b;
    for (size_t i = 0; i < a && i < b; i++)
        diff |= (unsigned char)(given[i] ^ want[i]);
    return diff == 0;
}

bool dm_http_authorized(dm_service *svc, struct MHD_Connection *c, dm_api_auth auth)
{
    if (auth == DM_AUTH_NONE)
        return true;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    bool bearer = svc->token != NULL && h != NULL && strncmp(h, "Bearer ", 7) == 0 && secret_eq(h + 7, svc->token);
    if (auth == DM_AUTH_EVENTS && svc->events_secret != NULL) {
        const char *s = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Datamap-Events-Secret");
        return bearer || (s != NULL && secret_eq(s, svc->events_secret));
    }
    return svc->token == NULL || bearer;
}

static bool get_or_head(const char *method)
{
    return strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
}

static enum MHD_Result route(dm_service *svc, struct MHD_Connection *c, const char *url, const char *method,
                             const request *rq)
{
    if (strncmp(url, "/api/", 5) == 0)
        return dm_api_dispatch(svc, c, url, method, rq->body.b.data, rq->body.b.len, rq->too_big);
    /* outside the API: liveness, metrics and the web UI, open to anyone, read only */
    if (!get_or_head(method))
        return dm_http_send_not_allowed(c, "GET, HEAD");
    if (strcmp(url, "/healthz") == 0)
        return dm_http_send_json(c, 200, json_pack("{s:s}", "status", "ok"));
    if (strcmp(url, "/metrics") != 0)
        return static_file(c, url);
    dm_error err = {0};
    dm_catalog *cat = dm_http_catalog(svc, &err);
    if (cat == NULL)
        return dm_http_send_error(c, 503, "unavailable", err.msg);
    return metrics(c, svc, cat);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    request *rq = *con_cls;
    if (rq == NULL) {
        rq = dm_xcalloc(1, sizeof *rq);
        rq->body = (dm_capbuf)DM_CAPBUF_INIT(MAX_BODY);
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size > 0) {
        if (dm_capbuf_append(&rq->body, upload, *upload_size) != DM_OK)
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
        dm_buf_free(&rq->body.b);
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
    dm_api_cleanup();
    free(h);
}
