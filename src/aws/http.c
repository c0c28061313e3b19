#include "aws/http.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

#define BACKOFF_BASE_MS 100
#define BACKOFF_CAP_MS 5000
#define DEFAULT_MAX_BODY (64u << 20)

struct dm_aws_client {
    const dm_aws_config *cfg;
    char *service;
    char *host;             /* endpoint host[:port] */
    char *scheme;           /* "http" or "https" */
    CURL *curl;
    uint64_t rng;
    uint64_t bytes, requests;
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

dm_status dm_aws_client_new(const dm_aws_config *cfg, const char *service, dm_aws_client **out, dm_error *err)
{
    pthread_once(&curl_once, curl_init_once);
    CURL *curl = curl_easy_init();
    *out = NULL;
    if (curl == NULL)
        return DM_FAIL(err, DM_ERR_INTERNAL, "%s: cannot start an HTTP client", cfg->endpoint);
    dm_aws_client *c = dm_xcalloc(1, sizeof *c);
    c->cfg = cfg;
    c->service = dm_xstrdup(service);
    c->host = dm_aws_endpoint_host(cfg->endpoint);
    c->scheme = dm_xstrndup(cfg->endpoint, (size_t)(strstr(cfg->endpoint, "://") - cfg->endpoint));
    c->curl = curl;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    c->rng = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)getpid() ^ (uint64_t)(uintptr_t)c;
    if (c->rng == 0)
        c->rng = 88172645463325252ULL;
    *out = c;
    return DM_OK;
}

void dm_aws_client_free(dm_aws_client *c)
{
    if (c == NULL)
        return;
    curl_easy_cleanup(c->curl);
    free(c->service);
    free(c->host);
    free(c->scheme);
    free(c);
}

uint64_t dm_aws_client_bytes(const dm_aws_client *c)
{
    return c->bytes;
}

uint64_t dm_aws_client_requests(const dm_aws_client *c)
{
    return c->requests;
}

const dm_aws_config *dm_aws_client_config(const dm_aws_client *c)
{
    return c->cfg;
}

uint64_t dm_aws_backoff_ms(unsigned attempt, uint64_t base_ms, uint64_t cap_ms, uint64_t *rng)
{
    uint64_t ceil = attempt >= 32 ? cap_ms : base_ms << attempt;
    if (ceil > cap_ms || ceil == 0)
        ceil = cap_ms;
    uint64_t x = *rng;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *rng = x;
    return ceil ? x % ceil : 0;
}

void dm_aws_resp_free(dm_aws_resp *r)
{
    if (r)
        dm_buf_free(&r->body);
}

typedef struct xfer {
    dm_aws_resp *resp;
    size_t max;
    bool over;
} xfer;

static size_t on_body(char *p, size_t sz, size_t n, void *ud)
{
    xfer *x = ud;
    size_t len = sz * n;
    if (len > x->max || x->resp->body.len > x->max - len) {
        x->over = true;
        return 0;
    }
    dm_buf_append(&x->resp->body, p, len);
    return len;
}

static size_t on_header(char *p, size_t sz, size_t n, void *ud)
{
    xfer *x = ud;
    size_t len = sz * n;
    if (len > 5 && strncasecmp(p, "etag:", 5) == 0) {
        const char *v = p + 5;
        size_t vl = len - 5;
        while (vl && (*v == ' ' || *v == '\t'))
            v++, vl--;
        while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n' || v[vl - 1] == ' '))
            vl--;
        snprintf(x->resp->etag, sizeof x->resp->etag, "%.*s", (int)vl, v);
    } else if (len > 14 && strncasecmp(p, "content-range:", 14) == 0) {
        const char *slash = memchr(p, '/', len);
        if (slash && slash[1] != '*')
            x->resp->total_size = strtoull(slash + 1, NULL, 10);
    }
    return len;
}

/* Error code of an answer: S3's <Code>...</Code>, DynamoDB's "__type". */
static void parse_error_code(dm_aws_resp *r, char *msg, size_t msgsz)
{
    const char *b = r->body.data ? r->body.data : "";
    const char *s, *e;
    msg[0] = '\0';
    if ((s = strstr(b, "<Code>")) && (e = strstr(s, "</Code>"))) {
        snprintf(r->code, sizeof r->code, "%.*s", (int)(e - s - 6), s + 6);
        if ((s = strstr(b, "<Message>")) && (e = strstr(s, "</Message>")) && e > s + 9)
            snprintf(msg, msgsz, "%.*s", (int)(e - s - 9), s + 9);
    } else if ((s = strstr(b, "\"__type\""))) {
        s = strchr(s + 8, '"');
        e = s ? strchr(s + 1, '"') : NULL;
        if (s && e) {
            const char *hash = memchr(s + 1, '#', (size_t)(e - s - 1));
            const char *from = hash ? hash + 1 : s + 1;
            snprintf(r->code, sizeof r->code, "%.*s", (int)(e - from), from);
        }
        const char *m = strstr(b, "\"message\"");
        if (m == NULL)
            m = strstr(b, "\"Message\"");
        if (m && (s = strchr(m + 9, '"')) && (e = strchr(s + 1, '"')))
            snprintf(msg, msgsz, "%.*s", (int)(e - s - 1), s + 1);
    }
}

static bool throttle_code(const char *code)
{
    static const char *const codes[] = {"SlowDown", "Throttling", "ThrottlingException",
                                        "ProvisionedThroughputExceededException", "RequestLimitExceeded",
                                        "RequestThrottled", "TooManyRequestsException", "RequestTimeout",
                                        "InternalError", "ServiceUnavailable", NULL};
    for (const char *const *c = codes; *c; c++)
        if (strcmp(code, *c) == 0)
            return true;
    return false;
}

static bool auth_code(const char *code)
{
    static const char *const codes[] = {"SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied",
                                        "UnrecognizedClientException", "InvalidSignatureException",
                                        "ExpiredToken", "InvalidToken", "AccessDeniedException",
                                        "MissingAuthenticationTokenException", NULL};
    for (const char *const *c = codes; *c; c++)
        if (strcmp(code, *c) == 0)
            return true;
    return false;
}

static const char *hint(const char *code)
{
    if (strcmp(code, "SignatureDoesNotMatch") == 0 || strcmp(code, "InvalidSignatureException") == 0)
        return " (the secret key does not match the access key, or the clock is off)";
    if (strcmp(code, "InvalidAccessKeyId") == 0 || strcmp(code, "UnrecognizedClientException") == 0)
        return " (the access key is unknown to this endpoint)";
    return "";
}

/* The request headers carry the session token and the signature: wiped
 * before curl_slist_free_all frees them. */
static void slist_free_wiped(struct curl_slist *hl)
{
    for (struct curl_slist *l = hl; l; l = l->next)
        dm_wipe(l->data, strlen(l->data));
    curl_slist_free_all(hl);
}

dm_status dm_aws_send(dm_aws_client *c, const dm_aws_call *call, dm_aws_resp *resp, dm_error *err)
{
    const dm_aws_config *cfg = c->cfg;
    char *host = NULL, *path = NULL, *what = NULL;
    char payload_hash[65];
    dm_status rc = DM_OK;
    memset(resp, 0, sizeof *resp);
    resp->body = (dm_buf)DM_BUF_INIT;
    resp->total_size = UINT64_MAX;

    /* addressing: path-style (/bucket/key) or virtual-hosted (bucket.host/key);
     * on AWS itself a bucket is asked at its own region's endpoint */
    char *base = NULL;
    if (!cfg->custom_endpoint && call->region && strcmp(call->region, cfg->region) != 0 &&
        strcmp(c->service, "s3") == 0)
        base = dm_xasprintf("s3.%s.amazonaws.com", call->region);
    const char *bhost = base ? base : c->host;
    if (call->bucket && !cfg->path_style) {
        host = dm_xasprintf("%s.%s", call->bucket, bhost);
        path = dm_xasprintf("/%s", call->key ? call->key : "");
    } else {
        host = dm_xstrdup(bhost);
        if (call->bucket)
            path = call->key ? dm_xasprintf("/%s/%s", call->bucket, call->key) : dm_xasprintf("/%s", call->bucket);
        else
            path = dm_xstrdup("/");
    }
    free(base);
    dm_sigv4_hash_hex(call->body ? call->body : "", call->body_len, payload_hash);
    {
        dm_buf w = DM_BUF_INIT;
        dm_buf_printf(&w, "%s %s", call->method, path);
        for (size_t i = 0; i < call->nparams; i++)
            dm_buf_printf(&w, "%s%s", i ? "&" : "?", call->params[i].key);
        for (size_t i = 0; i < call->nheaders; i++)
            if (strcasecmp(call->headers[i].name, "x-amz-target") == 0)
                dm_buf_printf(&w, " %s", call->headers[i].value);
        what = dm_buf_steal(&w);
    }

    for (int attempt = 0; attempt < cfg->max_attempts; attempt++) {
        if (attempt > 0) {
            uint64_t ms = dm_aws_backoff_ms((unsigned)attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS, &c->rng);
            dm_debug("%s: %s: retry %d in %llu ms", cfg->endpoint, what, attempt, (unsigned long long)ms);
            struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        }
        dm_buf_reset(&resp->body);
        resp->status = 0;
        resp->code[0] = resp->etag[0] = '\0';
        resp->total_size = UINT64_MAX;

        char amz_date[17];
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(amz_date, sizeof amz_date, "%Y%m%dT%H%M%SZ", &tm);
        dm_sigv4_input in = {.method = call->method, .host = host, .path = path, .params = call->params,
                             .nparams = call->nparams, .headers = call->headers, .nheaders = call->nheaders,
                             .payload_hash = payload_hash, .amz_date = amz_date,
                             .region = call->region ? call->region : cfg->region, .service = c->service,
                             .access_key = cfg->access_key, .secret_key = cfg->secret_key,
                             .session_token = cfg->session_token};
        dm_sigv4_output sig;
        if ((rc = dm_sigv4_sign(&in, &sig, err)))
            goto out;
        char *url = dm_xasprintf("%s://%s%s%s%s", c->scheme, host, sig.path, *sig.query ? "?" : "", sig.query);
        struct curl_slist *hl = NULL;
        char *h;
#define ADDH(...)                                  \
    do {                                           \
        h = dm_xasprintf(__VA_ARGS__);             \
        hl = curl_slist_append(hl, h);             \
        dm_free_secret(h);                         \
    } while (0)
        ADDH("Host: %s", host);
        ADDH("x-amz-date: %s", amz_date);
        ADDH("x-amz-content-sha256: %s", payload_hash);
        if (cfg->session_token && *cfg->session_token)
            ADDH("x-amz-security-token: %s", cfg->session_token);
        for (size_t i = 0; i < call->nheaders; i++)
            ADDH("%s: %s", call->headers[i].name, call->headers[i].value);
        if (call->range)
            ADDH("Range: %s", call->range);
        ADDH("Authorization: %s", sig.authorization);
        hl = curl_slist_append(hl, "Expect:");
        if (call->body == NULL || call->body_len == 0)
            hl = curl_slist_append(hl, "Content-Type:");
#undef ADDH
        dm_sigv4_output_free(&sig);

        CURL *cu = c->curl;
        xfer x = {resp, call->max_body ? call->max_body : DEFAULT_MAX_BODY, false};
        char ebuf[CURL_ERROR_SIZE] = "";
        curl_easy_reset(cu);
        curl_easy_setopt(cu, CURLOPT_URL, url);
        curl_easy_setopt(cu, CURLOPT_HTTPHEADER, hl);
        curl_easy_setopt(cu, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(cu, CURLOPT_WRITEDATA, &x);
        curl_easy_setopt(cu, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(cu, CURLOPT_HEADERDATA, &x);
        curl_easy_setopt(cu, CURLOPT_ERRORBUFFER, ebuf);
        curl_easy_setopt(cu, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(cu, CURLOPT_CONNECTTIMEOUT, 10L);
        curl_easy_setopt(cu, CURLOPT_TIMEOUT, cfg->timeout_s);
        curl_easy_setopt(cu, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(cu, CURLOPT_LOW_SPEED_TIME, cfg->timeout_s < 30 ? cfg->timeout_s : 30L);
        curl_easy_setopt(cu, CURLOPT_USERAGENT, "datamap/" DM_VERSION);
        curl_easy_setopt(cu, CURLOPT_PROTOCOLS_STR, "http,https");
        if (strcmp(call->method, "HEAD") == 0) {
            curl_easy_setopt(cu, CURLOPT_NOBODY, 1L);
        } else if (strcmp(call->method, "GET") != 0) {
            curl_easy_setopt(cu, CURLOPT_CUSTOMREQUEST, call->method);
            curl_easy_setopt(cu, CURLOPT_POSTFIELDS, call->body ? call->body : "");
            curl_easy_setopt(cu, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)call->body_len);
        }
        CURLcode cc = curl_easy_perform(cu);
        c->requests++;
        slist_free_wiped(hl);
        free(url);
        c->bytes += resp->body.len;
        if (cc == CURLE_WRITE_ERROR && x.over) {
            rc = DM_FAIL(err, DM_ERR_LIMIT, "%s: %s: answer larger than %zu bytes", cfg->endpoint, what, x.max);
            goto out;
        }
        if (cc != CURLE_OK) {
            bool timeout = cc == CURLE_OPERATION_TIMEDOUT;
            rc = DM_FAIL(err, timeout ? DM_ERR_TIMEOUT : DM_ERR_IO, "%s: %s: %s (after %d attempt%s)", cfg->endpoint,
                         what, ebuf[0] ? ebuf : curl_easy_strerror(cc), attempt + 1, attempt ? "s" : "");
            if (err)
                err->retryable = true;
            bool again = cc == CURLE_COULDNT_CONNECT || timeout || cc == CURLE_RECV_ERROR || cc == CURLE_SEND_ERROR ||
                         cc == CURLE_GOT_NOTHING || cc == CURLE_PARTIAL_FILE || cc == CURLE_COULDNT_RESOLVE_HOST;
            if (again)
                continue;
            goto out;
        }
        curl_easy_getinfo(cu, CURLINFO_RESPONSE_CODE, &resp->status);
        if (resp->status >= 200 && resp->status < 300) {
            rc = DM_OK;
            goto out;
        }
        char msg[256];
        parse_error_code(resp, msg, sizeof msg);
        bool throttled = resp->status == 429 || throttle_code(resp->code);
        bool retry = throttled || resp->status >= 500;
        /* 501 NotImplemented is an answer, not a fault */
        if (resp->status == 501)
            retry = false;
        dm_status code = resp->status == 403 || auth_code(resp->code) ? DM_ERR_AUTH
                         : resp->status == 404                      ? DM_ERR_NOT_FOUND
                         : throttled                                ? DM_ERR_THROTTLED
                                                                    : DM_ERR_BACKEND;
        rc = DM_FAIL(err, code, "%s: %s: HTTP %ld%s%s%s%s%s", cfg->endpoint, what, resp->status,
                     resp->code[0] ? " " : "", resp->code, msg[0] ? ": " : "", msg, hint(resp->code));
        if (err)
            err->retryable = retry;
        if (!retry)
            goto out;
        if (attempt + 1 < cfg->max_attempts)
            dm_debug("%s: %s: HTTP %ld %s, retrying", cfg->endpoint, what, resp->status, resp->code);
    }
out:
    free(host);
    free(path);
    free(what);
    return rc;
}
