/*
 * AWS credentials, region and endpoint, resolved the way the AWS CLI does
 *
 * Per setting, the first that gives a value wins:
 *   credentials: the source's `profile` option (that profile's keys);
 *                AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN);
 *                the profile AWS_PROFILE names, else "default", in
 *                AWS_SHARED_CREDENTIALS_FILE (~/.aws/credentials) and then
 *                AWS_CONFIG_FILE (~/.aws/config, section "[profile NAME]").
 *   region:      option `region`; AWS_REGION; AWS_DEFAULT_REGION; the profile's
 *                `region`; "us-east-1" for signing (region_set says whether
 *                anyone named a region: with a custom endpoint and none named,
 *                where the data lives is not known).
 *   endpoint:    option `endpoint`; AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_DYNAMODB;
 *                AWS_ENDPOINT_URL; the profile's `endpoint_url`; AWS's own
 *                (https://s3.REGION.amazonaws.com, https://dynamodb.REGION.amazonaws.com).
 *
 * Source options (--option K=V) are `endpoint`, `region`, `profile`, and
 * `path_style` (true/false; default true with a custom endpoint), plus
 * `max_attempts` and `timeout` (seconds) for the HTTP client. Any other key
 * is refused by name; keys that look like secrets are refused with a hint
 * (secrets never go into the catalog, where options are stored).
 *
 * The secret key and session token live only in this struct and are zeroed
 * by dm_aws_config_free; no message ever contains them.
 */
#ifndef DM_AWS_CONFIG_H
#define DM_AWS_CONFIG_H

#include <stdbool.h>

#include "core/error.h"

typedef struct dm_aws_config {
    char *access_key;
    char *secret_key;       /* secret */
    char *session_token;    /* secret; NULL when none */
    char *region;           /* for signing; never NULL */
    bool region_set;        /* named by an option, the environment or the profile */
    char *endpoint;         /* "http://127.0.0.1:40180", no trailing '/' */
    bool custom_endpoint;   /* not AWS's own */
    bool path_style;
    char *profile;          /* profile used, NULL when none */
    char *creds_from;       /* "environment", "profile NAME" (never the value) */
    int max_attempts;       /* HTTP attempts per request, >= 1 */
    long timeout_s;         /* per-request timeout */
} dm_aws_config;

/* Resolve for service "s3" or "dynamodb" with the source's options (JSON
 * object, may be NULL). DM_ERR_ARG for an unknown or secret option,
 * DM_ERR_AUTH when no credentials are found. */
dm_status dm_aws_config_load(const char *service, const char *options_json, dm_aws_config *out, dm_error *err);
void dm_aws_config_free(dm_aws_config *cfg);

/* "127.0.0.1:40180" from the endpoint URL (malloc'd). */
char *dm_aws_endpoint_host(const char *endpoint);

#endif
