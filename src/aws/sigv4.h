/*
 * AWS Signature Version 4, as a pure function
 *
 * Why our own signer rather than libcurl's CURLOPT_AWS_SIGV4: the libcurl
 * we build against (Debian 12's 7.88.1) signs a query parameter without a
 * value, such as S3's "?tagging" or "?location", wrongly until curl 8.5: it
 * canonicalises it as "tagging" where AWS wants "tagging=", so every such
 * call fails with SignatureDoesNotMatch (curl issue 10129, fixed by pull
 * request 12244). The hashes underneath are OpenSSL's libcrypto, which
 * libcurl links already; only the canonicalisation and the key chain, where
 * SigV4 goes wrong, are ours, pinned by known answers.
 *
 * dm_sigv4_sign takes everything a signature depends on (method, host, the
 * decoded path, query parameters, the headers to sign, the payload hash, the
 * time, the scope and the credentials) and returns what goes on the wire:
 * the encoded path and query to put in the URL (so that what is sent is
 * exactly what was signed) and the Authorization header. No clock, no I/O:
 * known-answer tests pin every case (tests/unit/test_sigv4.c).
 *
 * Rules followed (S3 flavour, which DynamoDB's "/" path also satisfies):
 *   - the path is URI-encoded once, segment by segment: unreserved bytes
 *     (A-Z a-z 0-9 - _ . ~) stay, '/' stays, every other byte is %XX upper
 *     case (a space is %20, '+' is %2B, UTF-8 bytes one by one);
 *   - query keys and values are encoded the same way ('/' too), sorted by
 *     encoded key then value, a parameter without value is "key=";
 *   - header names are lowercased, values trimmed with inner runs of spaces
 *     folded, sorted by name; host, x-amz-date, x-amz-content-sha256 and
 *     x-amz-security-token (when there is a session token) are always signed.
 *
 * The secret key is only read; nothing returned contains it.
 */
#ifndef DM_AWS_SIGV4_H
#define DM_AWS_SIGV4_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

#define DM_SHA256_HEX_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

typedef struct dm_sigv4_param {
    const char *key;        /* decoded */
    const char *value;      /* decoded; NULL or "" for "key=" */
} dm_sigv4_param;

typedef struct dm_sigv4_header {
    const char *name;
    const char *value;
} dm_sigv4_header;

typedef struct dm_sigv4_input {
    const char *method;             /* "GET" */
    const char *host;               /* "127.0.0.1:40180", "bucket.s3.eu-west-1.amazonaws.com" */
    const char *path;               /* decoded, starts with '/' */
    const dm_sigv4_param *params;
    size_t nparams;
    const dm_sigv4_header *headers; /* extra headers to sign (content-type, x-amz-target, ...) */
    size_t nheaders;
    const char *payload_hash;       /* hex SHA-256 of the body, or "UNSIGNED-PAYLOAD" */
    const char *amz_date;           /* "20150830T123600Z" (UTC) */
    const char *region;             /* "us-east-1" */
    const char *service;            /* "s3", "dynamodb" */
    const char *access_key;
    const char *secret_key;
    const char *session_token;      /* NULL when none */
} dm_sigv4_input;

typedef struct dm_sigv4_output {
    char *path;             /* encoded path, for the URL */
    char *query;            /* encoded, sorted query without '?', "" when none */
    char *signed_headers;   /* "host;x-amz-content-sha256;x-amz-date" */
    char *signature;        /* 64 hex digits */
    char *authorization;    /* value of the Authorization header */
    char *canonical_request;
    char *string_to_sign;
} dm_sigv4_output;

/* Sign a request. DM_ERR_ARG when a required input is missing. On success
 * free the output with dm_sigv4_output_free. */
dm_status dm_sigv4_sign(const dm_sigv4_input *in, dm_sigv4_output *out, dm_error *err);
void dm_sigv4_output_free(dm_sigv4_output *out);

/* RFC 3986 encoding as SigV4 wants it: unreserved bytes kept, '/' kept when
 * keep_slash, everything else %XX. Returns a malloc'd string. */
char *dm_sigv4_uri_encode(const char *s, size_t len, int keep_slash);

/* The hex SHA-256 of a payload (libcrypto's SHA256), as x-amz-content-sha256
 * and the string to sign want it: 64 lower-case hex digits and a NUL. */
void dm_sigv4_hash_hex(const void *data, size_t len, char out[65]);

#endif
