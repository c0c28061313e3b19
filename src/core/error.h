/*
 * Errors
 *
 * Functions that can fail return a dm_status (DM_OK == 0) and fill a
 * caller-provided dm_error with a lowercase message that names the input and
 * what is wrong, no final period. The codes are stable: they are what the
 * logs, the JSON "errors" array and the exit status are built from.
 *
 *     if (fd < 0) return DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
 *
 * A NULL dm_error is allowed: the message is then dropped.
 */
#ifndef DM_CORE_ERROR_H
#define DM_CORE_ERROR_H

#include <stdbool.h>

typedef enum dm_status {
    DM_OK = 0,
    DM_ERR_NOMEM,       /* an allocation failed */
    DM_ERR_ARG,         /* bad usage: an option or argument is wrong (exit 2) */
    DM_ERR_CONFIG,      /* bad configuration file (exit 2) */
    DM_ERR_IO,          /* reading or writing failed */
    DM_ERR_NOT_FOUND,   /* the named thing does not exist */
    DM_ERR_AUTH,        /* credentials refused */
    DM_ERR_THROTTLED,   /* the store asked us to slow down (retryable) */
    DM_ERR_TIMEOUT,     /* no answer in time (retryable) */
    DM_ERR_FORMAT,      /* the data is not what it claims to be: corrupt, truncated, binary */
    DM_ERR_LIMIT,       /* a hard cap was hit: line too long, decompression too large */
    DM_ERR_BACKEND,     /* the catalog or a store answered with an error */
    DM_ERR_INTERNAL,    /* a bug */
    DM_ERR_CONFLICT,    /* a concurrent writer won (serialization failure, deadlock): run the transaction again */
} dm_status;

typedef struct dm_error {
    dm_status code;
    int sys_errno;      /* errno when the failure came from the OS, else 0 */
    bool retryable;
    char msg[512];
} dm_error;

/* Record an error and return its code. Safe with err == NULL. */
dm_status dm_error_set(dm_error *err, dm_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefix the message already in err with "what: " (for context while unwinding). */
void dm_error_prefix(dm_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void dm_error_clear(dm_error *err);

/* Short stable name of a code: "io", "format", ... (used in JSON output). */
const char *dm_status_name(dm_status code);

#define DM_FAIL(err, code, ...) dm_error_set((err), (code), __VA_ARGS__)

#endif
