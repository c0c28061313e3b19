/*
 * Event intake: EventBridge events carrying CloudTrail records (the shapes
 * the reference's rules matched) and S3 event notifications. A matching
 * event queues a `run` job for each registered source it concerns.
 *
 *   aws.s3       CreateBucket       detail.requestParameters.bucketName   s3:// sources (that bucket, or all buckets)
 *   aws.dynamodb CreateTable        detail.requestParameters.tableName    dynamodb:// sources
 *   aws.rds      CreateDBInstance / CreateDBCluster                        postgres:// and mysql:// sources
 *   aws.glue     CreateTable        detail.requestParameters.databaseName s3:// sources
 *   S3 notification {"Records":[{"eventSource":"aws:s3","s3":{"bucket":{"name":...}}}]}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "server/service.h"

/* "s3://bucket/prefix" -> does the source cover bucket? (no bucket: all) */
static bool s3_covers(const char *url, const char *bucket)
{
    if (strncmp(url, "s3://", 5) != 0)
        return false;
    const char *b = url + 5;
    size_t n = strcspn(b, "/?");
    return n == 0 || (strlen(bucket) == n && strncmp(b, bucket, n) == 0);
}

static const char *str_at(json_t *o, const char *a, const char *b)
{
    json_t *v = json_object_get(o, a);
    if (b)
        v = json_object_get(v, b);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

dm_status dm_events_intake(dm_catalog *cat, const char *body, size_t len, json_t **queued, dm_error *err)
{
    json_error_t je;
    json_t *ev = json_loadb(body, len, 0, &je), *out = json_array();
    dm_source_rec *src = NULL;
    size_t nsrc = 0;
    const char *scheme = NULL, *bucket = NULL;
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
    json_t *records = json_object_get(ev, "Records");
    if (records != NULL) {
        json_t *r0 = json_array_get(records, 0);
        const char *es = str_at(r0, "eventSource", NULL);
        if (!json_is_array(records) || json_array_size(records) == 0 || es == NULL || strcmp(es, "aws:s3") != 0) {
            rc = DM_FAIL(err, DM_ERR_ARG, "Records: expected S3 event notification records (eventSource aws:s3)");
            goto out;
        }
        json_t *s3 = json_object_get(r0, "s3");
        bucket = str_at(s3, "bucket", "name");
        if (bucket == NULL) {
            rc = DM_FAIL(err, DM_ERR_ARG, "S3 notification without s3.bucket.name");
            goto out;
        }
        scheme = "s3";
    } else {
        const char *source = str_at(ev, "source", NULL);
        json_t *detail = json_object_get(ev, "detail");
        const char *name = str_at(detail, "eventName", NULL);
        json_t *req = json_object_get(detail, "requestParameters");
        if (source == NULL || !json_is_object(detail) || name == NULL) {
            rc = DM_FAIL(err, DM_ERR_ARG, "not an EventBridge event: needs source, detail and detail.eventName");
            goto out;
        }
        if (!json_is_object(req)) {
            rc = DM_FAIL(err, DM_ERR_ARG, "%s %s: detail.requestParameters missing", source, name);
            goto out;
        }
        if (strcmp(source, "aws.s3") == 0 && strcmp(name, "CreateBucket") == 0) {
            scheme = "s3";
            bucket = str_at(req, "bucketName", NULL);
            if (bucket == NULL) {
                rc = DM_FAIL(err, DM_ERR_ARG, "aws.s3 CreateBucket without requestParameters.bucketName");
                goto out;
            }
        } else if (strcmp(source, "aws.dynamodb") == 0 && strcmp(name, "CreateTable") == 0) {
            scheme = "dynamodb";
            if (str_at(req, "tableName", NULL) == NULL) {
                rc = DM_FAIL(err, DM_ERR_ARG, "aws.dynamodb CreateTable without requestParameters.tableName");
                goto out;
            }
        } else if (strcmp(source, "aws.rds") == 0 &&
                   (strcmp(name, "CreateDBInstance") == 0 || strcmp(name, "CreateDBCluster") == 0)) {
            scheme = "rds";
        } else if (strcmp(source, "aws.glue") == 0 && strcmp(name, "CreateTable") == 0) {
            scheme = "s3";
        } else {
            rc = DM_FAIL(err, DM_ERR_ARG, "unknown event %s %s (accepted: aws.s3 CreateBucket, aws.dynamodb "
                                          "CreateTable, aws.rds CreateDBInstance/CreateDBCluster, aws.glue "
                                          "CreateTable, S3 notifications)",
                         source, name);
            goto out;
        }
    }
    if ((rc = dm_catalog_source_list(cat, &src, &nsrc, err)) != DM_OK)
        goto out;
    for (size_t i = 0; i < nsrc; i++) {
        const char *u = src[i].url;
        bool match = strcmp(scheme, "s3") == 0         ? (bucket ? s3_covers(u, bucket) : strncmp(u, "s3://", 5) == 0)
                     : strcmp(scheme, "dynamodb") == 0 ? strncmp(u, "dynamodb://", 11) == 0
                                                       : strncmp(u, "postgres", 8) == 0 || strncmp(u, "mysql://", 8) == 0;
        if (!match)
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
