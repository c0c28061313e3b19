/*
 * S3 and S3-compatible stores (s3://[bucket[/prefix]])
 *
 * Assets are buckets (ListBuckets, or the one bucket of the URL), each with
 * its region from GetBucketLocation (see bucket_region). Tables follow
 * the local folder driver's rules (file.c): objects lying at the root of the
 * bucket (or of the URL's prefix) are tables of their own, named after the
 * key without extensions; the objects under each top-level prefix form one
 * table named after it when they share one schema (Hive-style key=value
 * segments become partition columns), else one table per object. Hidden
 * keys (a segment starting with '.' or '_') and non-data files are skipped.
 * ListObjectsV2 is paged to the end.
 *
 * Objects are read through ranged GETs (sources/objects.h does the
 * sampling): a stream fetches the bytes around its position in chunks that
 * grow while reading goes on sequentially and start small again after a
 * seek, so a block-sampled large object costs about the sample's bytes.
 * The fingerprint of a table hashes its keys, sizes and ETags.
 *
 * Tags: GetBucketTagging (NoSuchTagSet: no tags). A store that answers
 * NotImplemented (s3rver) or AccessDenied falls back to the object
 * .datamap-tags.yaml at the bucket root (a flat YAML map). Facts for the
 * report: region, default encryption (unknown when the store does not
 * implement it or misroutes ?encryption, as Ceph Pacific does; this driver
 * never sends DeleteBucketEncryption) and lifecycle expiration rules.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/mem.h"
#include "aws/config.h"
#include "aws/http.h"
#include "aws/xml.h"
#include "sources/objects.h"
#include "sources/source_impl.h"

#define TAGS_KEY ".datamap-tags.yaml"
#define SIGNATURE_FILES 16
#define CHUNK_MIN (64u << 10)
#define CHUNK_MAX (8u << 20)
#define MAX_DEPTH 32


typedef struct s3_src {
    dm_aws_config cfg;
    dm_aws_client *cli;
    char *bucket;           /* NULL: every bucket */
    char *prefix;           /* "" or "dir/sub/" */
    dm_encoding encoding;   /* the encoding= option; DM_ENC_AUTO: detect */
} s3_src;

typedef struct s3_table {
    dm_object *objs;
    size_t n, npkeys;
    char *bucket;
    char *region;
} s3_table;

/* ---- helpers ------------------------------------------------------------------ */

static void parse_location(const char *loc, char **bucket, char **prefix)
{
    const char *p = strncmp(loc, "s3://", 5) == 0 ? loc + 5 : loc;
    size_t bl = strcspn(p, "/");
    *bucket = bl ? dm_xstrndup(p, bl) : NULL;
    const char *rest = p[bl] == '/' ? p + bl + 1 : "";
    size_t rl = strlen(rest);
    while (rl && rest[rl - 1] == '/')
        rl--;
    *prefix = rl ? dm_xasprintf("%.*s/", (int)rl, rest) : dm_xstrdup("");
}

static const char *asset_region(const s3_src *s, const char *region)
{
    return region && *region ? region : s->cfg.region;
}

static dm_status s3_open(const char *url, const char *options_json, void **state, char **shown_url, dm_error *err)
{
    s3_src *s = dm_xcalloc(1, sizeof *s);
    dm_status rc;
    if (strncmp(url, "s3://", 5) != 0) {
        free(s);
        return DM_FAIL(err, DM_ERR_ARG, "%s: not an s3:// URL", url);
    }
    char *aws_opts = NULL;  /* the options without encoding, which is ours, not AWS's */
    if ((rc = dm_objects_encoding_option(options_json, &s->encoding, &aws_opts, err))) {
        free(s);
        return rc;
    }
    parse_location(url, &s->bucket, &s->prefix);
    rc = dm_aws_config_load("s3", aws_opts, &s->cfg, err);
    free(aws_opts);
    if (rc ||
        (rc = dm_aws_client_new(&s->cfg, "s3", &s->cli, err))) {
        dm_error_prefix(err, "%s", url);
        dm_aws_config_free(&s->cfg);
        free(s->bucket);
        free(s->prefix);
        free(s);
        return rc;
    }
    *state = s;
    return DM_OK;
}

static void s3_close(void *state)
{
    s3_src *s = state;
    dm_aws_client_free(s->cli);
    dm_aws_config_free(&s->cfg);
    free(s->bucket);
    free(s->prefix);
    free(s);
}

/* ---- assets -------------------------------------------------------------------- */

/* Where the bucket lives, as the store says: GetBucketLocation's answer
 * (empty means us-east-1 on AWS itself, "EU" is eu-west-1). An S3-compatible
 * endpoint's empty answer says nothing: the region someone named (option,
 * environment, profile) if any, else NULL, "not known" -- never a guess.
 * False when the store did not answer. */
static bool bucket_region(s3_src *s, const char *bucket, char **region, dm_error *err)
{
    dm_sigv4_param q[] = {{"location", ""}};
    dm_aws_call call = {.method = "GET", .bucket = bucket, .params = q, .nparams = 1};
    dm_aws_resp r;
    bool ok = false;
    *region = NULL;
    if (dm_aws_send(s->cli, &call, &r, err) == DM_OK) {
        dm_xml_span sp = {r.body.data ? r.body.data : "", r.body.data ? r.body.data + r.body.len : ""};
        char *lc = dm_xml_text(sp, "LocationConstraint");
        if (lc != NULL && strcmp(lc, "EU") == 0)
            *region = dm_xstrdup("eu-west-1");
        else if (lc != NULL && *lc != '\0')
            *region = dm_xstrdup(lc);
        else if (!s->cfg.custom_endpoint)
            *region = dm_xstrdup("us-east-1");
        else if (s->cfg.region_set)
            *region = dm_xstrdup(s->cfg.region);
        free(lc);
        ok = true;
    }
    dm_aws_resp_free(&r);
    return ok;
}

static void add_asset(dm_asset_desc **list, size_t *n, size_t *cap, const char *bucket, const char *prefix,
                      char *region)
{
    DM_GROW(*list, *cap, *n + 1);
    dm_asset_desc *a = &(*list)[(*n)++];
    size_t pl = strlen(prefix);
    a->name = pl ? dm_xasprintf("%s/%.*s", bucket, (int)(pl - 1), prefix) : dm_xstrdup(bucket);
    a->kind = dm_xstrdup("bucket");
    a->location = pl ? dm_xasprintf("s3://%s/%.*s", bucket, (int)(pl - 1), prefix) : dm_xasprintf("s3://%s", bucket);
    a->region = region;
}

static dm_status s3_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                                dm_error *err)
{
    s3_src *s = src->state;
    dm_asset_desc *list = NULL;
    size_t cap = 0;
    dm_status rc = DM_OK;
    *out = NULL;
    *n = 0;
    if (s->bucket) {
        dm_error e2 = {0};
        char *region;
        if (!bucket_region(s, s->bucket, &region, &e2)) {
            /* one named bucket: an answer that is no answer fails the source */
            rc = DM_FAIL(err, e2.code ? e2.code : DM_ERR_BACKEND, "%s", e2.msg);
            return rc;
        }
        add_asset(&list, n, &cap, s->bucket, s->prefix, region);
        *out = list;
        return DM_OK;
    }
    dm_aws_call call = {.method = "GET"};
    dm_aws_resp r;
    if ((rc = dm_aws_send(s->cli, &call, &r, err))) {
        dm_aws_resp_free(&r);
        return rc;
    }
    dm_xml_span sp = {r.body.data ? r.body.data : "", r.body.data ? r.body.data + r.body.len : ""}, b;
    while (dm_xml_next(&sp, "Bucket", &b)) {
        char *name = dm_xml_text(b, "Name");
        if (name == NULL)
            continue;
        dm_error e2 = {0};
        char *region;
        if (!bucket_region(s, name, &region, &e2)) {
            char *u = dm_xasprintf("s3://%s", name);
            if (problem)
                problem(pctx, u, e2.msg);
            free(u);
            if (e2.code == DM_ERR_IO || e2.code == DM_ERR_TIMEOUT) {
                free(name);
                continue;       /* unreachable now: not listed (it is not vanished either) */
            }
        }
        add_asset(&list, n, &cap, name, "", region);
        free(name);
    }
    dm_aws_resp_free(&r);
    *out = list;
    return DM_OK;
}

/* ---- tables -------------------------------------------------------------------- */

static bool hidden_segment(const char *key)
{
    for (const char *p = key; *p;) {
        if (*p == '.' || *p == '_')
            return true;
        const char *sl = strchr(p, '/');
        if (sl == NULL)
            break;
        p = sl + 1;
    }
    return false;
}


static const char *base_name(const char *key)
{
    const char *s = strrchr(key, '/');
    return s ? s + 1 : key;
}


typedef struct listed {
    char *key;              /* relative to the asset's prefix */
    uint64_t size;
    char *etag;
} listed;

typedef struct listed_vec {
    listed *v;
    size_t n, cap;
} listed_vec;

static void listed_free(listed_vec *lv)
{
    for (size_t i = 0; i < lv->n; i++) {
        free(lv->v[i].key);
        free(lv->v[i].etag);
    }
    free(lv->v);
}

static int cmp_listed(const void *a, const void *b)
{
    return strcmp(((const listed *)a)->key, ((const listed *)b)->key);
}

/* Every object under prefix, paged with ListObjectsV2. */
static dm_status list_objects(s3_src *s, const char *bucket, const char *prefix, const char *region, listed_vec *out,
                              dm_error *err)
{
    char *token = NULL;
    dm_status rc = DM_OK;
    size_t pl = strlen(prefix);
    memset(out, 0, sizeof *out);
    for (;;) {
        dm_sigv4_param q[3] = {{"list-type", "2"}, {"prefix", prefix}, {NULL, NULL}};
        size_t nq = 2;
        if (token)
            q[nq++] = (dm_sigv4_param){"continuation-token", token};
        dm_aws_call call = {.method = "GET", .bucket = bucket, .params = q, .nparams = nq, .region = region};
        dm_aws_resp r;
        if ((rc = dm_aws_send(s->cli, &call, &r, err))) {
            dm_aws_resp_free(&r);
            break;
        }
        dm_xml_span sp = {r.body.data ? r.body.data : "", r.body.data ? r.body.data + r.body.len : ""}, c;
        dm_xml_span all = sp;
        size_t before = out->n;
        while (dm_xml_next(&sp, "Contents", &c)) {
            char *key = dm_xml_text(c, "Key"), *size = dm_xml_text(c, "Size"), *etag = dm_xml_text(c, "ETag");
            if (key && strlen(key) >= pl) {
                *DM_PUSH(*out) = (listed){dm_xstrdup(key + pl), size ? strtoull(size, NULL, 10) : 0,
                                            etag ? etag : dm_xstrdup("")};
                etag = NULL;
            }
            free(key);
            free(size);
            free(etag);
        }
        char *trunc = dm_xml_text(all, "IsTruncated");
        free(token);
        token = NULL;
        if (trunc && strcmp(trunc, "true") == 0)
            token = dm_xml_text(all, "NextContinuationToken");
        free(trunc);
        dm_aws_resp_free(&r);
        if (token == NULL || *token == '\0' || out->n == before)
            break;
    }
    free(token);
    if (rc == DM_OK)
        qsort(out->v, out->n, sizeof *out->v, cmp_listed);
    return rc;
}

typedef struct table_vec {
    dm_table_desc *v;
    size_t n, cap;
} table_vec;

static char *fingerprint(const listed *const *items, size_t n)
{
    uint64_t h = DM_FINGERPRINT_SEED;
    for (size_t i = 0; i < n; i++) {
        h = dm_fnv64(h, items[i]->key, strlen(items[i]->key) + 1);
        h = dm_fnv64(h, items[i]->etag, strlen(items[i]->etag) + 1);
        for (int b = 0; b < 8; b++)
            h = dm_fnv64_byte(h, (unsigned char)((items[i]->size >> (8 * b)) & 0xFF));
    }
    return dm_xasprintf("etag:%016llx", (unsigned long long)h);
}

static dm_object make_obj(const char *bucket, const char *prefix, const listed *l, char **pvals)
{
    dm_object o;
    o.key = dm_xasprintf("%s%s", prefix, l->key);
    o.url = dm_xasprintf("s3://%s/%s", bucket, o.key);
    o.size = l->size;
    o.pvals = pvals;
    return o;
}

static void table_add(table_vec *tv, const char *name, char *location, const listed *const *items, size_t n,
                      dm_object *objs, char **pkeys, size_t npkeys, const char *bucket, const char *region)
{
    dm_table_desc *t = DM_PUSH(*tv);
    memset(t, 0, sizeof *t);
    t->name = dm_xstrdup(name);
    t->location = location;
    t->fingerprint = fingerprint(items, n);
    for (size_t i = 0; i < n; i++)
        t->bytes += (int64_t)items[i]->size;
    t->rows_estimate = -1;
    t->partition_keys = pkeys;
    t->npartition_keys = npkeys;
    s3_table *st = dm_xcalloc(1, sizeof *st);
    st->objs = objs;
    st->n = n;
    st->npkeys = npkeys;
    st->bucket = dm_xstrdup(bucket);
    st->region = region ? dm_xstrdup(region) : NULL;
    t->driver_data = st;
}

/* ---- object streams over ranged GETs ------------------------------------------ */

typedef struct s3_stream {
    s3_src *s;
    char *bucket, *key, *region;
    uint64_t size, pos;
    dm_buf buf;             /* bytes [buf_off, buf_off + buf.len) of the object */
    uint64_t buf_off;
    size_t chunk;
} s3_stream;

static ssize_t s3s_read(void *ctx, void *out, size_t n, dm_error *err)
{
    s3_stream *st = ctx;
    if (st->pos >= st->size)
        return 0;
    if (st->pos < st->buf_off || st->pos >= st->buf_off + st->buf.len) {
        uint64_t last = st->pos + st->chunk - 1;
        if (last >= st->size)
            last = st->size - 1;
        char range[64];
        snprintf(range, sizeof range, "bytes=%llu-%llu", (unsigned long long)st->pos, (unsigned long long)last);
        dm_aws_call call = {.method = "GET", .bucket = st->bucket, .key = st->key, .range = range,
                            .region = st->region, .max_body = CHUNK_MAX + 1};
        dm_aws_resp r;
        if (dm_aws_send(st->s->cli, &call, &r, err) != DM_OK) {
            dm_aws_resp_free(&r);
            return -1;
        }
        dm_buf_free(&st->buf);
        st->buf = r.body;
        st->buf_off = st->pos;
        if (r.status == 200 && st->pos > 0) {
            /* a store that ignores Range sends the whole object */
            st->buf_off = 0;
        }
        if (st->buf.len == 0 || st->pos >= st->buf_off + st->buf.len) {
            DM_FAIL(err, DM_ERR_IO, "s3://%s/%s: short answer at byte %llu", st->bucket, st->key,
                    (unsigned long long)st->pos);
            return -1;
        }
        /* sequential reading: larger chunks next time */
        if (st->chunk < CHUNK_MAX)
            st->chunk = st->chunk * 4 > CHUNK_MAX ? CHUNK_MAX : st->chunk * 4;
    }
    size_t avail = (size_t)(st->buf_off + st->buf.len - st->pos);
    size_t take = n < avail ? n : avail;
    memcpy(out, st->buf.data + (st->pos - st->buf_off), take);
    st->pos += take;
    return (ssize_t)take;
}

static dm_status s3s_seek(void *ctx, uint64_t off, dm_error *err)
{
    s3_stream *st = ctx;
    if (off > st->size)
        return DM_FAIL(err, DM_ERR_ARG, "s3://%s/%s: seek past the end", st->bucket, st->key);
    if (off < st->buf_off || off >= st->buf_off + st->buf.len)
        st->chunk = CHUNK_MIN;
    st->pos = off;
    return DM_OK;
}

/* Exactly the range asked for, in one GET (Parquet's footer and column
 * chunks: the reader knows what it needs, so nothing is read ahead); kept
 * as the buffer, so reads inside it cost nothing more. */
static ssize_t s3s_read_at(void *ctx, uint64_t off, void *out, size_t n, dm_error *err)
{
    s3_stream *st = ctx;
    if (off >= st->size || n == 0)
        return 0;
    if (n > st->size - off)
        n = (size_t)(st->size - off);
    if (off < st->buf_off || off + n > st->buf_off + st->buf.len) {
        char range[64];
        snprintf(range, sizeof range, "bytes=%llu-%llu", (unsigned long long)off, (unsigned long long)(off + n - 1));
        dm_aws_call call = {.method = "GET", .bucket = st->bucket, .key = st->key, .range = range,
                            .region = st->region, .max_body = (n > CHUNK_MAX ? n : CHUNK_MAX) + 1};
        dm_aws_resp r;
        if (dm_aws_send(st->s->cli, &call, &r, err) != DM_OK) {
            dm_aws_resp_free(&r);
            return -1;
        }
        dm_buf_free(&st->buf);
        st->buf = r.body;
        st->buf_off = r.status == 200 ? 0 : off;    /* a store that ignores Range sends the whole object */
        if (off < st->buf_off || off >= st->buf_off + st->buf.len) {
            DM_FAIL(err, DM_ERR_IO, "s3://%s/%s: short answer at byte %llu", st->bucket, st->key,
                    (unsigned long long)off);
            return -1;
        }
    }
    size_t avail = (size_t)(st->buf_off + st->buf.len - off);
    size_t take = n < avail ? n : avail;
    memcpy(out, st->buf.data + (off - st->buf_off), take);
    st->pos = off + take;
    st->chunk = CHUNK_MIN;
    return (ssize_t)take;
}

static void s3s_close(void *ctx)
{
    s3_stream *st = ctx;
    free(st->bucket);
    free(st->key);
    free(st->region);
    dm_buf_free(&st->buf);
    free(st);
}

static const dm_stream_ops s3_stream_ops = {"s3", s3s_read, s3s_seek, s3s_close, s3s_read_at};

typedef struct open_ctx {
    s3_src *s;
    const char *bucket, *region;
} open_ctx;

static dm_status open_obj(void *ctx, const dm_object *obj, dm_stream **out, dm_error *err)
{
    open_ctx *oc = ctx;
    s3_stream *st = dm_xcalloc(1, sizeof *st);
    st->s = oc->s;
    st->bucket = dm_xstrdup(oc->bucket);
    st->key = dm_xstrdup(obj->key);
    st->region = oc->region ? dm_xstrdup(oc->region) : NULL;
    st->size = obj->size;
    st->chunk = CHUNK_MIN;
    st->buf = (dm_buf)DM_BUF_INIT;
    *out = dm_stream_new(&s3_stream_ops, st, obj->url, obj->size);
    (void)err;
    return DM_OK;
}

/* ---- grouping into tables ------------------------------------------------------ */

static void add_single(table_vec *tv, const char *bucket, const char *prefix, const char *region, const listed *l,
                       const char *name)
{
    dm_object *o = dm_xcalloc(1, sizeof *o);
    *o = make_obj(bucket, prefix, l, NULL);
    const listed *items[1] = {l};
    char *loc = dm_xstrdup(o->url);
    table_add(tv, name, loc, items, 1, o, NULL, 0, bucket, region);
}

static char *unique_name(const table_vec *tv, char *name, const char *file)
{
    for (size_t t = 0; t < tv->n; t++)
        if (strcmp(tv->v[t].name, name) == 0) {
            const char *dot = strrchr(file, '.');
            char *nn = dm_xasprintf("%s_%s", name, dot ? dot + 1 : "2");
            free(name);
            return nn;
        }
    return name;
}

/* One top-level folder's objects items[0..n): one table when they share a
 * schema, else one table per object. */
static void add_folder(s3_src *s, table_vec *tv, const char *bucket, const char *prefix, const char *region,
                       const char *folder, const listed **items, size_t n)
{
    size_t fl = strlen(folder);
    /* partition keys from the first object's key=value segments */
    char *pkeys[MAX_DEPTH];
    size_t npk = 0;
    {
        const char *p = items[0]->key + fl + 1;
        const char *sl;
        while ((sl = strchr(p, '/')) && npk < MAX_DEPTH) {
            const char *eq = memchr(p, '=', (size_t)(sl - p));
            if (eq && eq != p)
                pkeys[npk++] = dm_xstrndup(p, (size_t)(eq - p));
            p = sl + 1;
        }
    }
    dm_object *objs = dm_xcalloc(n, sizeof *objs);
    for (size_t i = 0; i < n; i++) {
        char **pv = NULL;
        if (npk) {
            pv = dm_xcalloc(npk, sizeof *pv);
            const char *p = items[i]->key + fl + 1;
            const char *sl;
            while ((sl = strchr(p, '/'))) {
                const char *eq = memchr(p, '=', (size_t)(sl - p));
                if (eq && eq != p)
                    for (size_t k = 0; k < npk; k++)
                        if (pv[k] == NULL && strlen(pkeys[k]) == (size_t)(eq - p) && memcmp(pkeys[k], p, (size_t)(eq - p)) == 0)
                            pv[k] = dm_xstrndup(eq + 1, (size_t)(sl - eq - 1));
                p = sl + 1;
            }
        }
        objs[i] = make_obj(bucket, prefix, items[i], pv);
    }
    /* one schema? headers of up to SIGNATURE_FILES objects spread over the folder */
    open_ctx oc = {s, bucket, region};
    char *first = NULL;
    bool same = true;
    size_t check = n < SIGNATURE_FILES ? n : SIGNATURE_FILES;
    for (size_t c = 0; c < check && same; c++) {
        size_t i = check == n ? c : c * (n - 1) / (check - 1);
        char *sig = dm_objects_signature(&objs[i], open_obj, &oc, s->encoding);
        if (sig == NULL)
            continue;
        if (first == NULL)
            first = sig;
        else {
            same = strcmp(first, sig) == 0;
            free(sig);
        }
    }
    free(first);
    if (same) {
        char *loc = dm_xasprintf("s3://%s/%s%s/", bucket, prefix, folder);
        char *name = unique_name(tv, dm_xstrdup(folder), "");
        char **pk = npk ? dm_xcalloc(npk, sizeof *pk) : NULL;
        for (size_t k = 0; k < npk; k++)
            pk[k] = pkeys[k];
        table_add(tv, name, loc, items, n, objs, pk, npk, bucket, region);
        free(name);
        return;
    }
    dm_object_free_array(objs, n, npk);
    for (size_t k = 0; k < npk; k++)
        free(pkeys[k]);
    for (size_t i = 0; i < n; i++) {
        char *stem = dm_objects_table_name(base_name(items[i]->key));
        char *name = unique_name(tv, dm_xasprintf("%s_%s", folder, stem), items[i]->key);
        add_single(tv, bucket, prefix, region, items[i], name);
        free(stem);
        free(name);
    }
}

/* A key skipped as not data (a .pdf, an image) is counted on its bucket;
 * folder markers and hidden keys (_SUCCESS, .datamap-tags.yaml) are not
 * files anyone would expect read. */
static void note_not_data(dm_source *src, const char *bucket, const char *key)
{
    size_t kl = strlen(key);
    if (kl == 0 || key[kl - 1] == '/' || hidden_segment(key))
        return;
    char *u = dm_xasprintf("s3://%s/%s", bucket, key);
    dm_source_note_unread(src, u, DM_UNREAD_UNSUPPORTED);
    free(u);
}

static dm_status s3_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                dm_problem_fn problem, void *pctx, dm_error *err)
{
    s3_src *s = src->state;
    char *bucket = NULL, *prefix = NULL;
    listed_vec lv = {0};
    table_vec tv = {0};
    const listed **items = NULL;
    dm_status rc;
    *out = NULL;
    *n = 0;
    parse_location(asset->location, &bucket, &prefix);
    if (bucket == NULL) {
        rc = DM_FAIL(err, DM_ERR_ARG, "%s: no bucket in the location", asset->location);
        goto out;
    }
    const char *region = asset_region(s, asset->region);
    if ((rc = list_objects(s, bucket, prefix, region, &lv, err)))
        goto out;
    dm_debug("s3://%s/%s: %zu objects listed", bucket, prefix, lv.n);
    items = dm_xcalloc(lv.n + 1, sizeof *items);
    size_t i = 0;
    while (i < lv.n) {
        const listed *l = &lv.v[i];
        const char *key = l->key;
        size_t kl = strlen(key);
        if (kl == 0 || key[kl - 1] == '/' || hidden_segment(key) || dm_objects_not_data(base_name(key))) {
            note_not_data(src, bucket, key);
            i++;
            continue;
        }
        const char *sl = strchr(key, '/');
        if (sl == NULL) {
            char *name = unique_name(&tv, dm_objects_table_name(key), key);
            add_single(&tv, bucket, prefix, region, l, name);
            free(name);
            i++;
            continue;
        }
        /* a folder: every following key with the same first segment */
        size_t fl = (size_t)(sl - key);
        char *folder = dm_xstrndup(key, fl);
        size_t ni = 0;
        size_t depth_ok = 1;
        for (; i < lv.n && strncmp(lv.v[i].key, folder, fl) == 0 && lv.v[i].key[fl] == '/'; i++) {
            const char *k = lv.v[i].key;
            size_t l2 = strlen(k);
            if (l2 == 0 || k[l2 - 1] == '/' || hidden_segment(k) || dm_objects_not_data(base_name(k))) {
                note_not_data(src, bucket, k);
                continue;
            }
            items[ni++] = &lv.v[i];
        }
        if (ni > 0 && depth_ok)
            add_folder(s, &tv, bucket, prefix, region, folder, items, ni);
        free(folder);
    }
    *out = tv.v;
    *n = tv.n;
    tv.v = NULL;
out:
    (void)problem;
    (void)pctx;
    free(items);
    listed_free(&lv);
    free(bucket);
    free(prefix);
    return rc;
}

static dm_status s3_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                              const dm_row_sink *sink, dm_error *err)
{
    s3_src *s = src->state;
    const s3_table *st = table->driver_data;
    open_ctx oc = {s, st->bucket, st->region};
    uint64_t b0 = dm_aws_client_bytes(s->cli), r0 = dm_aws_client_requests(s->cli);
    dm_sample_spec sp = *spec;      /* the run's --encoding, else the source's option */
    if (sp.encoding == DM_ENC_AUTO)
        sp.encoding = s->encoding;
    dm_status rc = dm_objects_read_rows(st->objs, st->n, table->partition_keys, table->npartition_keys, open_obj, &oc,
                                        &sp, sink, err);
    dm_info("%s: read %llu of %lld bytes in %llu request(s)", table->location,
            (unsigned long long)(dm_aws_client_bytes(s->cli) - b0), (long long)table->bytes,
            (unsigned long long)(dm_aws_client_requests(s->cli) - r0));
    return rc;
}

static void s3_free_table_data(void *data)
{
    s3_table *st = data;
    dm_object_free_array(st->objs, st->n, st->npkeys);
    free(st->bucket);
    free(st->region);
    free(st);
}

/* ---- tags and facts ------------------------------------------------------------ */

static dm_status s3_read_tags(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                              dm_error *err)
{
    s3_src *s = src->state;
    char *bucket = NULL, *prefix = NULL;
    dm_status rc;
    dm_aws_resp r;
    *origin = "store";
    parse_location(asset->location, &bucket, &prefix);
    const char *region = asset_region(s, asset->region);
    dm_sigv4_param q[] = {{"tagging", ""}};
    dm_aws_call call = {.method = "GET", .bucket = bucket, .params = q, .nparams = 1, .region = region};
    rc = dm_aws_send(s->cli, &call, &r, err);
    if (rc == DM_OK) {
        dm_xml_span sp = {r.body.data ? r.body.data : "", r.body.data ? r.body.data + r.body.len : ""}, tag;
        while (dm_xml_next(&sp, "Tag", &tag)) {
            char *k = dm_xml_text(tag, "Key"), *v = dm_xml_text(tag, "Value");
            if (k)
                dm_kv_set(tags, k, v ? v : "", false);
            free(k);
            free(v);
        }
    } else if (strcmp(r.code, "NoSuchTagSet") == 0 || strcmp(r.code, "NoSuchTagSetError") == 0) {
        rc = DM_OK;     /* no tags */
    } else if (r.status == 501 || strcmp(r.code, "NotImplemented") == 0 || strcmp(r.code, "AccessDenied") == 0 ||
               strcmp(r.code, "MethodNotAllowed") == 0) {
        /* no bucket tagging here: the sidecar object at the bucket root */
        dm_debug("s3://%s: bucket tagging unavailable (%s), reading %s", bucket, r.code, TAGS_KEY);
        dm_aws_resp_free(&r);
        *origin = "sidecar";
        dm_aws_call get = {.method = "GET", .bucket = bucket, .key = TAGS_KEY, .region = region, .max_body = 1 << 20};
        rc = dm_aws_send(s->cli, &get, &r, err);
        if (rc == DM_OK) {
            char *name = dm_xasprintf("s3://%s/%s", bucket, TAGS_KEY);
            rc = dm_objects_tags_yaml(name, r.body.data ? r.body.data : "", r.body.len, tags, err);
            free(name);
        } else if (r.status == 404) {
            rc = DM_OK;
        }
    }
    dm_aws_resp_free(&r);
    free(bucket);
    free(prefix);
    return rc;
}

/* GET ?sub on a bucket: DM_OK with the answer, or the store's refusal. */
static dm_status bucket_get(s3_src *s, const char *bucket, const char *region, const char *sub, dm_aws_resp *r,
                            dm_error *err)
{
    dm_sigv4_param q[] = {{sub, ""}};
    dm_aws_call call = {.method = "GET", .bucket = bucket, .params = q, .nparams = 1, .region = region};
    return dm_aws_send(s->cli, &call, r, err);
}

static dm_status s3_read_facts(dm_source *src, const dm_asset_desc *asset, char **facts_json, dm_error *err)
{
    s3_src *s = src->state;
    char *bucket = NULL, *prefix = NULL;
    dm_aws_resp r;
    dm_error e2 = {0};
    char root[64];
    json_t *f = json_object();
    *facts_json = NULL;
    parse_location(asset->location, &bucket, &prefix);
    const char *region = asset_region(s, asset->region);      /* for signing */
    json_object_set_new(f, "region", asset->region && *asset->region ? json_string(asset->region) : json_null());

    /* default encryption: read only (never DeleteBucketEncryption) */
    const char *enc = "unknown";
    char *alg = NULL;
    if (bucket_get(s, bucket, region, "encryption", &r, &e2) == DM_OK) {
        dm_xml_root(r.body.data ? r.body.data : "", r.body.len, root, sizeof root);
        if (strcmp(root, "ServerSideEncryptionConfiguration") == 0) {
            dm_xml_span sp = {r.body.data, r.body.data + r.body.len};
            alg = dm_xml_text(sp, "SSEAlgorithm");
            enc = alg ? alg : "unknown";
        }   /* else a misrouted answer (a listing): unknown */
    } else if (strcmp(r.code, "ServerSideEncryptionConfigurationNotFoundError") == 0) {
        enc = "none";
    } else if (r.status == 0) {
        /* no answer at all: the store is unreachable */
        dm_status rc = DM_FAIL(err, e2.code, "%s", e2.msg);
        dm_aws_resp_free(&r);
        json_decref(f);
        free(bucket);
        free(prefix);
        return rc;
    }
    json_object_set_new(f, "encryption", json_string(enc));
    free(alg);
    dm_aws_resp_free(&r);

    /* lifecycle expiration rules */
    if (bucket_get(s, bucket, region, "lifecycle", &r, &e2) == DM_OK) {
        dm_xml_root(r.body.data ? r.body.data : "", r.body.len, root, sizeof root);
        if (strcmp(root, "LifecycleConfiguration") == 0) {
            json_t *rules = json_array();
            dm_xml_span sp = {r.body.data, r.body.data + r.body.len}, rule;
            while (dm_xml_next(&sp, "Rule", &rule)) {
                dm_xml_span exp;
                dm_xml_span rr = rule;
                if (!dm_xml_next(&rr, "Expiration", &exp))
                    continue;
                json_t *o = json_object();
                char *id = dm_xml_text(rule, "ID"), *status = dm_xml_text(rule, "Status");
                char *pfx = dm_xml_text(rule, "Prefix"), *days = dm_xml_text(exp, "Days");
                char *date = dm_xml_text(exp, "Date");
                json_object_set_new(o, "id", json_string(id ? id : ""));
                json_object_set_new(o, "prefix", json_string(pfx ? pfx : ""));
                json_object_set_new(o, "status", json_string(status ? status : ""));
                if (days)
                    json_object_set_new(o, "expiration_days", json_integer(atoll(days)));
                if (date)
                    json_object_set_new(o, "expiration_date", json_string(date));
                json_array_append_new(rules, o);
                free(id);
                free(status);
                free(pfx);
                free(days);
                free(date);
            }
            json_object_set_new(f, "lifecycle_expiration", rules);
        } else {
            json_object_set_new(f, "lifecycle_expiration", json_string("unknown"));
        }
    } else if (strcmp(r.code, "NoSuchLifecycleConfiguration") == 0) {
        json_object_set_new(f, "lifecycle_expiration", json_array());
    } else {
        json_object_set_new(f, "lifecycle_expiration", json_string("unknown"));
    }
    dm_aws_resp_free(&r);
    *facts_json = json_dumps(f, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(f);
    free(bucket);
    free(prefix);
    return DM_OK;
}

const dm_source_ops dm_source_s3_ops = {
    .open = s3_open,
    .close = s3_close,
    .list_assets = s3_list_assets,
    .list_tables = s3_list_tables,
    .read_rows = s3_read_rows,
    .read_tags = s3_read_tags,
    .free_table_data = s3_free_table_data,
    .read_facts = s3_read_facts,
};
