/*
 * DynamoDB (dynamodb://[table])
 *
 * Each table is an asset holding one table of the same name. ListTables is
 * paged; DescribeTable gives keys, item count, size, encryption and ARN;
 * ListTagsOfResource the tags. Rows come from Scan in parallel-scan
 * segments (Segment/TotalSegments) so a sample is spread over the key space
 * instead of being the first page: the row budget is split between the
 * segments, each paged with Limit and ExclusiveStartKey, and what a short
 * segment leaves is given to the next ones. A full scan (--rows all) runs
 * the segments at the same time (scan_all_parallel).
 *
 * Items are flattened into rows: S, N, B (base64 text), BOOL and NULL are
 * values; M is flattened into dotted names (address.city); L, SS, NS and BS
 * are arrays (elements joined by ", ", nested maps or lists as JSON). The
 * schema is the union of the attributes seen; an attribute missing from an
 * item is a missing value of that row (the share of items carrying each
 * attribute is logged with the sample).
 *
 * The fingerprint hashes what DescribeTable reports (count, size, keys,
 * creation time) and the first items of a small Scan, since DynamoDB's item
 * count is refreshed only every few hours.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/mem.h"
#include "aws/config.h"
#include "aws/http.h"
#include "sources/source_impl.h"

#define SEGMENTS 4
#define PAGE_LIMIT 1000
#define PROBE_ITEMS 25
#define MAX_DEPTH 32


typedef struct ddb_src {
    dm_aws_config cfg;
    dm_aws_client *cli;
    char *table;            /* NULL: every table */
} ddb_src;

static char *table_of_location(const char *loc)
{
    const char *p = strncmp(loc, "dynamodb://", 11) == 0 ? loc + 11 : loc;
    size_t n = strcspn(p, "/?");
    return n ? dm_xstrndup(p, n) : NULL;
}

/* POST one action; *out is the decoded answer on DM_OK. */
static dm_status call_on(ddb_src *d, dm_aws_client *cli, const char *action, json_t *req, json_t **out,
                         dm_aws_resp *resp_out, dm_error *err)
{
    char *body = json_dumps(req, JSON_COMPACT);
    char target[96];
    snprintf(target, sizeof target, "DynamoDB_20120810.%s", action);
    dm_sigv4_header h[] = {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", target}};
    dm_aws_call c = {.method = "POST", .headers = h, .nheaders = 2, .body = body, .body_len = strlen(body)};
    dm_aws_resp r;
    dm_status rc = dm_aws_send(cli, &c, &r, err);
    free(body);
    *out = NULL;
    if (rc == DM_OK) {
        json_error_t je;
        *out = json_loadb(r.body.data ? r.body.data : "", r.body.len, 0, &je);
        if (*out == NULL)
            rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: %s: answer is not JSON: %s", d->cfg.endpoint, action, je.text);
    }
    if (resp_out) {
        resp_out->status = r.status;
        snprintf(resp_out->code, sizeof resp_out->code, "%s", r.code);
    }
    dm_aws_resp_free(&r);
    return rc;
}

static dm_status call(ddb_src *d, const char *action, json_t *req, json_t **out, dm_aws_resp *resp_out, dm_error *err)
{
    return call_on(d, d->cli, action, req, out, resp_out, err);
}

static dm_status ddb_open(const char *url, const char *options_json, void **state, char **shown_url, dm_error *err)
{
    if (strncmp(url, "dynamodb://", 11) != 0)
        return DM_FAIL(err, DM_ERR_ARG, "%s: not a dynamodb:// URL", url);
    ddb_src *d = dm_xcalloc(1, sizeof *d);
    dm_status rc;
    d->table = table_of_location(url);
    if ((rc = dm_aws_config_load("dynamodb", options_json, &d->cfg, err)) ||
        (rc = dm_aws_client_new(&d->cfg, "dynamodb", &d->cli, err))) {
        dm_error_prefix(err, "%s", url);
        dm_aws_config_free(&d->cfg);
        free(d->table);
        free(d);
        return rc;
    }
    *state = d;
    return DM_OK;
}

static void ddb_close(void *state)
{
    ddb_src *d = state;
    dm_aws_client_free(d->cli);
    dm_aws_config_free(&d->cfg);
    free(d->table);
    free(d);
}

static dm_status describe(ddb_src *d, const char *table, json_t **out, dm_error *err)
{
    json_t *req = json_pack("{s:s}", "TableName", table), *resp = NULL;
    dm_status rc = call(d, "DescribeTable", req, &resp, NULL, err);
    json_decref(req);
    *out = NULL;
    if (rc == DM_OK) {
        json_t *t = json_object_get(resp, "Table");
        if (!json_is_object(t))
            rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: DescribeTable %s: no Table in the answer", d->cfg.endpoint, table);
        else
            *out = json_incref(t);
    }
    json_decref(resp);
    return rc;
}

static void add_asset(dm_asset_desc **list, size_t *n, size_t *cap, const char *table, const char *region)
{
    DM_GROW(*list, *cap, *n + 1);
    dm_asset_desc *a = &(*list)[(*n)++];
    a->name = dm_xstrdup(table);
    a->kind = dm_xstrdup("dynamodb_table");
    a->location = dm_xasprintf("dynamodb://%s", table);
    a->region = region ? dm_xstrdup(region) : NULL;
}

/* The endpoint's region: AWS's own endpoints are per region; an emulator or
 * another compatible store is somewhere nobody said unless a region was
 * named (option, environment, profile). NULL: not known. */
static const char *known_region(const ddb_src *d)
{
    return !d->cfg.custom_endpoint || d->cfg.region_set ? d->cfg.region : NULL;
}

static dm_status ddb_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                                 dm_error *err)
{
    ddb_src *d = src->state;
    dm_asset_desc *list = NULL;
    size_t cap = 0;
    dm_status rc = DM_OK;
    char *start = NULL;
    *out = NULL;
    *n = 0;
    if (d->table) {
        json_t *t = NULL;
        if ((rc = describe(d, d->table, &t, err)))
            return rc;
        json_decref(t);
        add_asset(&list, n, &cap, d->table, known_region(d));
        *out = list;
        return DM_OK;
    }
    for (;;) {
        json_t *req = json_pack("{s:i}", "Limit", 100), *resp = NULL;
        if (start)
            json_object_set_new(req, "ExclusiveStartTableName", json_string(start));
        rc = call(d, "ListTables", req, &resp, NULL, err);
        json_decref(req);
        free(start);
        start = NULL;
        if (rc)
            break;
        size_t i;
        json_t *v;
        json_array_foreach(json_object_get(resp, "TableNames"), i, v)
        {
            if (json_is_string(v))
                add_asset(&list, n, &cap, json_string_value(v), known_region(d));
        }
        json_t *last = json_object_get(resp, "LastEvaluatedTableName");
        if (json_is_string(last))
            start = dm_xstrdup(json_string_value(last));
        json_decref(resp);
        if (start == NULL)
            break;
    }
    (void)problem;
    (void)pctx;
    if (rc) {
        dm_asset_desc_free_list(list, *n);
        *n = 0;
        return rc;
    }
    *out = list;
    return DM_OK;
}

/* ---- tables -------------------------------------------------------------------- */

typedef struct ddb_table {
    char *name;
} ddb_table;

static uint64_t fnv(uint64_t h, const char *s)
{
    if (s)
        h = dm_fnv64_str(h, s);
    return dm_fnv64_byte(h, 0xff);
}

static dm_status ddb_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                 dm_problem_fn problem, void *pctx, dm_error *err)
{
    ddb_src *d = src->state;
    char *name = table_of_location(asset->location);
    json_t *t = NULL, *probe = NULL;
    dm_status rc;
    *out = NULL;
    *n = 0;
    if (name == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: no table in the location", asset->location);
    if ((rc = describe(d, name, &t, err)))
        goto out;
    /* a few items: DynamoDB refreshes ItemCount only every few hours */
    json_t *req = json_pack("{s:s,s:i}", "TableName", name, "Limit", PROBE_ITEMS);
    rc = call(d, "Scan", req, &probe, NULL, err);
    json_decref(req);
    if (rc)
        goto out;
    uint64_t h = DM_FINGERPRINT_SEED;
    char *ks = json_dumps(json_object_get(t, "KeySchema"), JSON_COMPACT | JSON_SORT_KEYS);
    char *items = json_dumps(json_object_get(probe, "Items"), JSON_COMPACT | JSON_SORT_KEYS);
    char num[64];
    json_int_t count = json_integer_value(json_object_get(t, "ItemCount"));
    json_int_t size = json_integer_value(json_object_get(t, "TableSizeBytes"));
    snprintf(num, sizeof num, "%lld/%lld/%.3f", (long long)count, (long long)size,
             json_number_value(json_object_get(t, "CreationDateTime")));
    h = fnv(fnv(fnv(h, num), ks), items);
    free(ks);
    free(items);
    dm_table_desc *td = dm_xcalloc(1, sizeof *td);
    td->name = dm_xstrdup(name);
    td->location = dm_xstrdup(asset->location);
    td->fingerprint = dm_xasprintf("ddb:%016llx", (unsigned long long)h);
    td->bytes = size;
    td->rows_estimate = count;
    ddb_table *dt = dm_xcalloc(1, sizeof *dt);
    dt->name = dm_xstrdup(name);
    td->driver_data = dt;
    *out = td;
    *n = 1;
out:
    (void)problem;
    (void)pctx;
    json_decref(t);
    json_decref(probe);
    free(name);
    return rc;
}

static void ddb_free_table_data(void *data)
{
    ddb_table *dt = data;
    free(dt->name);
    free(dt);
}

/* ---- items into rows ------------------------------------------------------------ */

typedef struct flat {
    const dm_row_sink *sink;
    char **names;           /* table-wide columns */
    uint64_t *present;      /* items carrying each column */
    size_t ncols, capcols;
    dm_buf text;            /* values of the current row */
    dm_field *fields;
    size_t nf, capf;
    dm_buf name;            /* dotted name being built */
} flat;

static size_t column_of(flat *f, const char *name)
{
    for (size_t i = 0; i < f->ncols; i++)
        if (strcmp(f->names[i], name) == 0)
            return i;
    size_t had = f->capcols;
    DM_GROW(f->names, f->capcols, f->ncols + 1);
    if (f->capcols != had)  /* present has the capacity of names */
        f->present = dm_xrealloc(f->present, f->capcols * sizeof *f->present);
    f->present[f->ncols] = 0;
    f->names[f->ncols] = dm_xstrdup(name);
    f->sink->column(f->sink->ctx, f->ncols, name);
    return f->ncols++;
}

/* Field with its text appended to f->text; ptr holds the offset until the row is complete. */
static void add_field(flat *f, dm_value_kind kind, const char *p, size_t len)
{
    DM_GROW(f->fields, f->capf, f->nf + 1);
    size_t off = f->text.len;
    dm_buf_append(&f->text, p, len);
    f->fields[f->nf++] = (dm_field){(uint32_t)column_of(f, f->name.data ? f->name.data : ""), (uint8_t)kind,
                                    (const char *)(uintptr_t)off, len};
}

/* Scalar text of an element inside a list or set. */
static void element_text(json_t *av, dm_buf *out)
{
    const char *type;
    json_t *v;
    json_object_foreach(av, type, v)
    {
        if (json_is_string(v)) {
            dm_buf_append(out, json_string_value(v), json_string_length(v));
        } else if (strcmp(type, "BOOL") == 0) {
            dm_buf_printf(out, "%s", json_is_true(v) ? "true" : "false");
        } else if (strcmp(type, "NULL") == 0) {
            dm_buf_printf(out, "null");
        } else {
            char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
            dm_buf_printf(out, "%s", s ? s : "");
            free(s);
        }
        return;
    }
}

static void flatten_value(flat *f, json_t *av, int depth);

static void flatten_map(flat *f, json_t *m, int depth)
{
    const char *k;
    json_t *v;
    size_t base = f->name.len;
    json_object_foreach(m, k, v)
    {
        f->name.len = base;
        if (f->name.data)
            f->name.data[base] = '\0';
        if (base)
            dm_buf_putc(&f->name, '.');
        dm_buf_printf(&f->name, "%s", k);
        flatten_value(f, v, depth + 1);
    }
    f->name.len = base;
    if (f->name.data)
        f->name.data[base] = '\0';
}

static void flatten_value(flat *f, json_t *av, int depth)
{
    const char *type;
    json_t *v;
    json_object_foreach(av, type, v)
    {
        if (strcmp(type, "S") == 0 || strcmp(type, "B") == 0) {
            add_field(f, DM_VAL_STRING, json_string_value(v), json_string_length(v));
        } else if (strcmp(type, "N") == 0) {
            add_field(f, DM_VAL_NUMBER, json_string_value(v), json_string_length(v));
        } else if (strcmp(type, "BOOL") == 0) {
            add_field(f, DM_VAL_BOOL, json_is_true(v) ? "true" : "false", json_is_true(v) ? 4 : 5);
        } else if (strcmp(type, "NULL") == 0) {
            add_field(f, DM_VAL_NULL, "", 0);
        } else if (strcmp(type, "M") == 0 && depth < MAX_DEPTH) {
            flatten_map(f, v, depth);
        } else if (json_is_array(v)) {      /* L, SS, NS, BS */
            dm_buf a = DM_BUF_INIT;
            size_t i;
            json_t *e;
            dm_buf_append(&a, "", 0);
            json_array_foreach(v, i, e)
            {
                if (i)
                    dm_buf_append(&a, ", ", 2);
                if (json_is_string(e))
                    dm_buf_append(&a, json_string_value(e), json_string_length(e));
                else
                    element_text(e, &a);
            }
            add_field(f, DM_VAL_ARRAY, a.data, a.len);
            dm_buf_free(&a);
        }
        return;     /* one type per attribute value */
    }
}

/* One item to the sink; whether to go on. */
static bool deliver_item(flat *f, json_t *item)
{
    dm_buf_reset(&f->text);
    dm_buf_reset(&f->name);
    dm_buf_append(&f->name, "", 0);
    f->nf = 0;
    flatten_map(f, item, 0);
    for (size_t i = 0; i < f->nf; i++) {
        f->fields[i].ptr = (f->text.data ? f->text.data : "") + (uintptr_t)f->fields[i].ptr;
        f->present[f->fields[i].col]++;
    }
    return f->sink->row(f->sink->ctx, f->fields, f->nf);
}

/* ---- a full scan: the segments at once --------------------------------------- */

/* With --rows all every segment is scanned at the same time, by one thread
 * and HTTP client each (the Scan calls are what takes time). Their pages come
 * back through a small queue and the items go to the sink from the calling
 * thread only; at most QUEUE_MAX pages wait, so memory stays bounded. */
#define QUEUE_MAX 4

typedef struct scan_queue {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    json_t *pages[QUEUE_MAX];   /* Items arrays */
    size_t head, n;
    unsigned running;           /* segment threads still scanning */
    bool abort;                 /* a segment failed or the sink stopped: stop scanning */
    dm_status rc;               /* the first failure, with err */
    dm_error err;
    uint64_t npages;
} scan_queue;

typedef struct seg_arg {
    ddb_src *d;
    const char *table;
    unsigned seg, segs;
    scan_queue *q;
} seg_arg;

static void *scan_segment(void *p)
{
    seg_arg *a = p;
    scan_queue *q = a->q;
    dm_aws_client *cli = NULL;
    dm_error err = {0};
    json_t *start = NULL;
    dm_status rc = dm_aws_client_new(&a->d->cfg, "dynamodb", &cli, &err);
    while (rc == DM_OK) {
        json_t *req = json_pack("{s:s,s:i,s:i,s:i}", "TableName", a->table, "Segment", (int)a->seg, "TotalSegments",
                                (int)a->segs, "Limit", PAGE_LIMIT), *resp = NULL;
        if (start)
            json_object_set_new(req, "ExclusiveStartKey", start);
        start = NULL;
        rc = call_on(a->d, cli, "Scan", req, &resp, NULL, &err);
        json_decref(req);
        if (rc)
            break;
        json_t *lek = json_object_get(resp, "LastEvaluatedKey");
        if (json_is_object(lek) && json_object_size(lek) > 0)
            start = json_incref(lek);
        json_t *items = json_incref(json_object_get(resp, "Items"));
        json_decref(resp);
        pthread_mutex_lock(&q->mu);
        while (q->n == QUEUE_MAX && !q->abort)
            pthread_cond_wait(&q->cv, &q->mu);
        bool stop = q->abort;
        if (!stop) {
            q->pages[(q->head + q->n++) % QUEUE_MAX] = items;
            q->npages++;
            pthread_cond_broadcast(&q->cv);
        }
        pthread_mutex_unlock(&q->mu);
        if (stop) {
            json_decref(items);
            break;
        }
        if (start == NULL)
            break;
    }
    json_decref(start);
    dm_aws_client_free(cli);
    pthread_mutex_lock(&q->mu);
    if (rc != DM_OK && q->rc == DM_OK) {
        q->rc = rc;
        q->err = err;
        q->abort = true;    /* one segment failed: the scan is incomplete anyway */
    }
    q->running--;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

/* Scan every segment at once, delivering items in arrival order; *got and
 * *pages count them. */
static dm_status scan_all_parallel(ddb_src *d, const ddb_table *dt, flat *f, unsigned segs, uint64_t *got,
                                   uint64_t *pages, dm_error *err)
{
    scan_queue q = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};
    seg_arg args[SEGMENTS];
    pthread_t th[SEGMENTS];
    unsigned started = 0;
    for (; started < segs; started++) {
        args[started] = (seg_arg){d, dt->name, started, segs, &q};
        pthread_mutex_lock(&q.mu);
        q.running++;
        pthread_mutex_unlock(&q.mu);
        if (pthread_create(&th[started], NULL, scan_segment, &args[started]) != 0) {
            pthread_mutex_lock(&q.mu);
            q.running--;
            if (q.rc == DM_OK)
                q.rc = DM_FAIL(&q.err, DM_ERR_INTERNAL, "%s: could not start a scan thread", dt->name);
            q.abort = true;
            pthread_cond_broadcast(&q.cv);
            pthread_mutex_unlock(&q.mu);
            break;
        }
    }
    bool stopped = false;
    for (;;) {
        pthread_mutex_lock(&q.mu);
        while (q.n == 0 && q.running > 0)
            pthread_cond_wait(&q.cv, &q.mu);
        if (q.n == 0) {
            pthread_mutex_unlock(&q.mu);
            break;
        }
        json_t *items = q.pages[q.head];
        q.head = (q.head + 1) % QUEUE_MAX;
        q.n--;
        pthread_cond_broadcast(&q.cv);
        pthread_mutex_unlock(&q.mu);
        size_t i;
        json_t *item;
        json_array_foreach(items, i, item) {
            if (stopped)
                break;      /* pages that still come are dropped */
            if (!deliver_item(f, item)) {
                stopped = true;
                pthread_mutex_lock(&q.mu);
                q.abort = true;     /* segments stop after the page they are fetching */
                pthread_cond_broadcast(&q.cv);
                pthread_mutex_unlock(&q.mu);
            }
            (*got)++;
        }
        json_decref(items);
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    while (q.n > 0) {   /* pages left after a failure */
        json_decref(q.pages[q.head]);
        q.head = (q.head + 1) % QUEUE_MAX;
        q.n--;
    }
    pthread_cond_destroy(&q.cv);
    pthread_mutex_destroy(&q.mu);
    *pages = q.npages;
    if (q.rc != DM_OK) {
        if (err)
            *err = q.err;
        return q.rc;
    }
    return DM_OK;
}

static dm_status ddb_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                               const dm_row_sink *sink, dm_error *err)
{
    ddb_src *d = src->state;
    const ddb_table *dt = table->driver_data;
    flat f = {.sink = sink, .text = DM_BUF_INIT, .name = DM_BUF_INIT};
    dm_status rc = DM_OK;
    bool all = spec->rows == UINT64_MAX;
    unsigned segs = all || spec->rows >= SEGMENTS * 4 ? SEGMENTS : 1;
    uint64_t left = spec->rows, pages = 0, got = 0;
    bool stopped = false;   /* the sink said stop */
    if (sink->format)
        sink->format(sink->ctx, "dynamodb", "none", NULL);
    if (all)
        rc = scan_all_parallel(d, dt, &f, segs, &got, &pages, err);
    for (unsigned seg = 0; !all && !stopped && seg < segs && rc == DM_OK && left > 0; seg++) {
        /* this segment's share of what is left */
        uint64_t quota = all ? UINT64_MAX : (left + (segs - seg) - 1) / (segs - seg);
        uint64_t seg_got = 0;
        json_t *start = NULL;
        do {
            json_t *req = json_pack("{s:s}", "TableName", dt->name), *resp = NULL;
            if (segs > 1) {
                json_object_set_new(req, "Segment", json_integer(seg));
                json_object_set_new(req, "TotalSegments", json_integer(segs));
            }
            uint64_t want = quota - seg_got;
            json_object_set_new(req, "Limit", json_integer((json_int_t)(want < PAGE_LIMIT ? want : PAGE_LIMIT)));
            if (start)
                json_object_set(req, "ExclusiveStartKey", start);
            json_decref(start);
            start = NULL;
            rc = call(d, "Scan", req, &resp, NULL, err);
            json_decref(req);
            if (rc)
                break;
            pages++;
            size_t i;
            json_t *item;
            json_array_foreach(json_object_get(resp, "Items"), i, item)
            {
                if (!all && seg_got >= quota)
                    break;
                seg_got++;
                if (!deliver_item(&f, item)) {
                    stopped = true;
                    break;
                }
            }
            json_t *lek = json_object_get(resp, "LastEvaluatedKey");
            if (json_is_object(lek) && json_object_size(lek) > 0)
                start = json_incref(lek);
            json_decref(resp);
        } while (start && !stopped && (all || seg_got < quota));
        json_decref(start);
        got += seg_got;
        if (!all)
            left = left > seg_got ? left - seg_got : 0;
    }
    if (rc == DM_OK) {
        /* the share of items carrying each attribute */
        dm_buf shares = DM_BUF_INIT;
        for (size_t i = 0; i < f.ncols; i++)
            dm_buf_printf(&shares, "%s%s %.0f%%", i ? ", " : "", f.names[i],
                                got ? 100.0 * (double)f.present[i] / (double)got : 0.0);
        dm_info("%s: %llu item(s) in %llu Scan page(s) over %u segment(s), %zu attribute(s): %s", table->location,
                (unsigned long long)got, (unsigned long long)pages, segs, f.ncols, shares.data ? shares.data : "");
        dm_buf_free(&shares);
    }
    for (size_t i = 0; i < f.ncols; i++)
        free(f.names[i]);
    free(f.names);
    free(f.present);
    free(f.fields);
    dm_buf_free(&f.text);
    dm_buf_free(&f.name);
    return rc;
}

/* ---- tags and facts ---------------------------------------------------------------- */

static dm_status ddb_read_tags(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                               dm_error *err)
{
    ddb_src *d = src->state;
    char *name = table_of_location(asset->location);
    json_t *t = NULL;
    char *token = NULL;
    dm_status rc;
    *origin = "store";
    if (name == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: no table in the location", asset->location);
    if ((rc = describe(d, name, &t, err)))
        goto out;
    const char *arn = json_string_value(json_object_get(t, "TableArn"));
    if (arn == NULL) {
        rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: DescribeTable %s: no TableArn", d->cfg.endpoint, name);
        goto out;
    }
    for (;;) {
        json_t *req = json_pack("{s:s}", "ResourceArn", arn), *resp = NULL;
        if (token)
            json_object_set_new(req, "NextToken", json_string(token));
        rc = call(d, "ListTagsOfResource", req, &resp, NULL, err);
        json_decref(req);
        free(token);
        token = NULL;
        if (rc)
            break;
        size_t i;
        json_t *tag;
        json_array_foreach(json_object_get(resp, "Tags"), i, tag)
        {
            const char *k = json_string_value(json_object_get(tag, "Key"));
            const char *v = json_string_value(json_object_get(tag, "Value"));
            if (k != NULL)
                dm_kv_set(tags, k, v ? v : "", false);
        }
        json_t *nt = json_object_get(resp, "NextToken");
        if (json_is_string(nt))
            token = dm_xstrdup(json_string_value(nt));
        json_decref(resp);
        if (token == NULL)
            break;
    }
out:
    json_decref(t);
    free(name);
    return rc;
}

static dm_status ddb_read_facts(dm_source *src, const dm_asset_desc *asset, char **facts_json, dm_error *err)
{
    ddb_src *d = src->state;
    char *name = table_of_location(asset->location);
    json_t *t = NULL;
    dm_status rc;
    *facts_json = NULL;
    if (name == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: no table in the location", asset->location);
    if ((rc = describe(d, name, &t, err)) == DM_OK) {
        json_t *f = json_object();
        const char *region = asset->region && *asset->region ? asset->region : known_region(d);
        json_object_set_new(f, "region", region ? json_string(region) : json_null());
        json_t *arn = json_object_get(t, "TableArn");
        if (json_is_string(arn))
            json_object_set(f, "arn", arn);
        json_object_set_new(f, "item_count", json_integer(json_integer_value(json_object_get(t, "ItemCount"))));
        json_object_set_new(f, "size_bytes", json_integer(json_integer_value(json_object_get(t, "TableSizeBytes"))));
        json_t *keys = json_array();
        size_t i;
        json_t *k;
        json_array_foreach(json_object_get(t, "KeySchema"), i, k)
        {
            json_array_append_new(keys, json_pack("{s:s?,s:s?}", "name",
                                                  json_string_value(json_object_get(k, "AttributeName")), "type",
                                                  json_string_value(json_object_get(k, "KeyType"))));
        }
        json_object_set_new(f, "keys", keys);
        /* no SSEDescription: encrypted with an AWS owned key (DynamoDB's default) */
        json_t *sse = json_object_get(t, "SSEDescription");
        const char *st = json_string_value(json_object_get(sse, "Status"));
        const char *ty = json_string_value(json_object_get(sse, "SSEType"));
        json_object_set_new(f, "encryption",
                            json_string(sse == NULL ? "AWS_OWNED_KEY"
                                        : st && strcmp(st, "ENABLED") != 0 ? st
                                        : ty                              ? ty
                                                                          : "ENABLED"));
        *facts_json = json_dumps(f, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(f);
    }
    json_decref(t);
    free(name);
    return rc;
}

const dm_source_ops dm_source_dynamodb_ops = {
    .open = ddb_open,
    .close = ddb_close,
    .list_assets = ddb_list_assets,
    .list_tables = ddb_list_tables,
    .read_rows = ddb_read_rows,
    .read_tags = ddb_read_tags,
    .free_table_data = ddb_free_table_data,
    .read_facts = ddb_read_facts,
};
