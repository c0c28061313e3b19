/*
 * A small HTTP client for AWS APIs (S3, DynamoDB) over libcurl
 *
 * dm_aws_send signs each attempt with SigV4 (x-amz-content-sha256 always
 * sent), keeps one connection alive per client, and retries what is worth
 * retrying: connection failures and timeouts, HTTP 5xx and 429, and the
 * throttling codes (SlowDown, Throttling, ThrottlingException,
 * ProvisionedThroughputExceededException, RequestLimitExceeded), with capped
 * exponential backoff and full jitter (sleep a random time in
 * [0, min(cap, base * 2^attempt))).
 *
 * Error messages name the endpoint, the method and the resource, the HTTP
 * status and the store's error code; never a credential.
 */
#ifndef DM_AWS_HTTP_H
#define DM_AWS_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mem.h"
#include "aws/config.h"
#include "aws/sigv4.h"

typedef struct dm_aws_client dm_aws_client;

typedef struct dm_aws_call {
    const char *method;             /* "GET", "PUT", "POST", "HEAD" */
    const char *bucket;             /* S3 bucket, NULL for service-level calls */
    const char *key;                /* decoded object key (no leading '/'), NULL for none */
    const dm_sigv4_param *params;
    size_t nparams;
    const dm_sigv4_header *headers; /* extra headers, signed */
    size_t nheaders;
    const char *range;              /* "bytes=0-99": sent, not signed; NULL for none */
    const void *body;
    size_t body_len;
    const char *region;             /* signing region; NULL: the configured one */
    size_t max_body;                /* cap on the answer's body; 0: 64 MiB */
} dm_aws_call;

typedef struct dm_aws_resp {
    long status;                    /* HTTP status; 0 when no answer */
    dm_buf body;
    char code[96];                  /* error code: S3 <Code>, DynamoDB __type (after '#') */
    char etag[128];                 /* ETag header, quotes kept */
    uint64_t total_size;            /* from Content-Range ".../total"; UINT64_MAX when absent */
} dm_aws_resp;

/* The client borrows cfg, which must outlive it. service is the SigV4
 * service name ("s3", "dynamodb"). */
dm_status dm_aws_client_new(const dm_aws_config *cfg, const char *service, dm_aws_client **out, dm_error *err);
void dm_aws_client_free(dm_aws_client *c);

/* Send, with retries. DM_OK only for a 2xx answer; otherwise resp->status
 * and resp->code tell what the store said (a caller may treat 404
 * NoSuchTagSet as "no tags") and err holds a message; codes: DM_ERR_AUTH
 * (403, signature or key refused), DM_ERR_NOT_FOUND (404), DM_ERR_THROTTLED,
 * DM_ERR_TIMEOUT, DM_ERR_IO (no answer), DM_ERR_BACKEND (other answers).
 * Free resp with dm_aws_resp_free (also after a failure). */
dm_status dm_aws_send(dm_aws_client *c, const dm_aws_call *call, dm_aws_resp *resp, dm_error *err);
void dm_aws_resp_free(dm_aws_resp *r);

/* Body bytes received and requests sent so far (attempts included). */
uint64_t dm_aws_client_bytes(const dm_aws_client *c);
uint64_t dm_aws_client_requests(const dm_aws_client *c);
const dm_aws_config *dm_aws_client_config(const dm_aws_client *c);

/* Backoff before attempt `attempt` (1-based retries): a uniform draw in
 * [0, min(cap_ms, base_ms << attempt)) from *rng (xorshift state). */
uint64_t dm_aws_backoff_ms(unsigned attempt, uint64_t base_ms, uint64_t cap_ms, uint64_t *rng);

#endif
