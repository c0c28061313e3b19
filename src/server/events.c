/*
 * Event intake: EventBridge events carrying CloudTrail records (the shapes
 * the reference's rules matched) and S3 event notifications. A matching
 * event queues a `run` job for each registered source it concerns. What is
 * understood, and which sources each kind concerns, is the table `kinds`:
 * a new kind is one row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "server/service.h"

/* One kind of event and the sources it concerns. Parameters are dotted
 * paths under detail.requestParameters (EventBridge) or Records[0].s3 (an
 * S3 notification). */
typedef struct event_kind {
    const char *source;         /* EventBridge "source", or a notification's "eventSource" */
    const char *name;           /* detail.eventName; NULL for a notification (any eventName) */
    const char *required;       /* a parameter it must carry, NULL for none */
    const char *bucket;         /* the parameter naming the one bucket it concerns; NULL: every source of urls */
    const char *const *urls;    /* URL prefixes of the sources it concerns */
} event_kind;

static const char *const s3_urls[] = {"s3://", NULL};
static const char *const dynamodb_urls[] = {"dynamodb://", NULL};
static const char *const database_urls[] = {"postgres://", "postgresql://", "mysql://", NULL};

static const event_kind kinds[] = {
    {"aws.s3", "CreateBucket", "bucketName", "bucketName", s3_urls},
    {"aws.dynamodb", "CreateTable", "tableName", NULL, dynamodb_urls},
    {"aws.rds", "CreateDBInstance", NULL, NULL, database_urls},
    {"aws.rds", "CreateDBCluster", NULL, NULL, database_urls},
    {"aws.glue", "CreateTable", NULL, NULL, s3_urls},  /* a Glue table over S3: which bucket is not said */
    {"aws:s3", NULL, "bucket.name", "bucket.name", s3_urls},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static const event_kind *find_kind(const char *source, const char *name, bool notification)
{
    for (size_t i = 0; i < NKINDS; i++)
        if (strcmp(kinds[i].source, source) == 0 && (kinds[i].name == NULL) == notification &&
            (notification || strcmp(kinds[i].name, name) == 0))
            return &kinds[i];
    return NULL;
}

/* "aws.s3 CreateBucket, ..., aws:s3 notifications" for messages (caller frees). */
static char *kind_list(void)
{
    dm_buf b = DM_BUF_INIT;
    for (size_t i = 0; i < NKINDS; i++)
        dm_buf_printf(&b, "%s%s %s", i ? ", " : "", kinds[i].source, kinds[i].name ? kinds[i].name : "notifications");
    return dm_buf_steal(&b);
}

/* The string at a dotted path ("bucket.name") under o; NULL when absent. */
static const char *str_at(json_t *o, const char *path)
{
    char key[64];
    while (o && *path) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof key)
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        o = json_object_get(o, key);
        path += n + (path[n] == '.');
    }
    return json_is_string(o) ? json_string_value(o) : NULL;
}

/* Whether a source's URL is one the kind concerns; with a bucket, an
 * s3://BUCKET/... source of that bucket, or s3:// (every bucket). */
static bool concerns(const event_kind *k, const char *url, const char *bucket)
{
    for (const char *const *u = k->urls; *u; u++) {
        size_t n = strlen(*u);
        if (strncmp(url, *u, n) != 0)
            continue;
        if (bucket == NULL)
            return true;
        size_t bn = strcspn(url + n, "/?");
        return bn == 0 || (strlen(bucket) == bn && strncmp(url + n, bucket, bn) == 0);
    }
    return false;
}

dm_status dm_events_intake(dm_catalog *cat, const char *body, size_t len, json_t **queued, dm_error *err)
{
    json_error_t je;
    json_t *ev = json_loadb(body, len, 0, &je), *out = json_array();
    dm_source_rec *src = NULL;
    size_t nsrc = 0;
    const event_kind *kind = NULL;
    const char *bucket = NULL;
    dm_status rc = DM_OK;
    *queued = NULL;
    if (ev == NULL) {
        rc = DM_FAIL(err, DM_ERR_ARG, "event is not JSON: %s (line %d)", je.text, je.line);
        goto out;
    }
    if (!json_is_object(ev)) {
        rc = DM_FAIL(err, DM_ERR_ARG, "event must be a JSON object");
        goto out;
    }
    json_t *records = json_object_get(ev, "Records"), *params;
    const char *where;      /* where params are, for messages */
    if (records != NULL) {
        json_t *r0 = json_array_get(records, 0);
        const char *es = str_at(r0, "eventSource");
        if (!json_is_array(records) || es == NULL || (kind = find_kind(es, NULL, true)) == NULL) {
            char *list = kind_list();
            rc = DM_FAIL(err, DM_ERR_ARG, "Records: expected event notification records of a known eventSource "
                                          "(accepted: %s)", list);
            free(list);
            goto out;
        }
        params = json_object_get(r0, "s3");
        where = "s3";
    } else {
        const char *source = str_at(ev, "source");
        json_t *detail = json_object_get(ev, "detail");
        const char *name = str_at(detail, "eventName");
        if (source == NULL || !json_is_object(detail) || name == NULL) {
            rc = DM_FAIL(err, DM_ERR_ARG, "not an EventBridge event: needs source, detail and detail.eventName");
            goto out;
        }
        params = json_object_get(detail, "requestParameters");
        where = "requestParameters";
        if (!json_is_object(params)) {
            rc = DM_FAIL(err, DM_ERR_ARG, "%s %s: detail.requestParameters missing", source, name);
            goto out;
        }
        if ((kind = find_kind(source, name, false)) == NULL) {
            char *list = kind_list();
            rc = DM_FAIL(err, DM_ERR_ARG, "unknown event %s %s (accepted: %s)", source, name, list);
            free(list);
            goto out;
        }
    }
    if (kind->required && str_at(params, kind->required) == NULL) {
        rc = DM_FAIL(err, DM_ERR_ARG, "%s %s without %s.%s", kind->source, kind->name ? kind->name : "notification",
                     where, kind->required);
        goto out;
    }
    bucket = kind->bucket ? str_at(params, kind->bucket) : NULL;
    if ((rc = dm_catalog_source_list(cat, &src, &nsrc, err)) != DM_OK)
        goto out;
    for (size_t i = 0; i < nsrc; i++) {
        if (!concerns(kind, src[i].url, bucket))
            continue;
        int64_t id = 0;
        if ((rc = dm_catalog_job_enqueue(cat, "run", src[i].name, 0, 0, &id, NULL, err)) != DM_OK)
            goto out;
        json_array_append_new(out, json_pack("{s:I,s:s,s:o}", "job", (json_int_t)id, "kind", "run", "target",
                                             dm_json_str(src[i].name)));
    }
out:
    dm_source_list_free(src, nsrc);
    json_decref(ev);
    if (rc == DM_OK)
        *queued = out;
    else
        json_decref(out);
    return rc;
}
