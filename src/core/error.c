#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

dm_status dm_error_set(dm_error *err, dm_status code, const char *fmt, ...)
{
    if (err == NULL)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->code = code;
    err->sys_errno = 0;
    err->retryable = code == DM_ERR_THROTTLED || code == DM_ERR_TIMEOUT || code == DM_ERR_CONFLICT;
    return code;
}

void dm_error_prefix(dm_error *err, const char *fmt, ...)
{
    if (err == NULL)
        return;
    char head[256], old[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(head, sizeof head, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    size_t hl = strlen(head);
    if (hl > sizeof err->msg - 3)
        hl = sizeof err->msg - 3;
    memcpy(err->msg, head, hl);
    memcpy(err->msg + hl, ": ", 2);
    size_t room = sizeof err->msg - hl - 3;
    size_t ol = strnlen(old, room);
    memcpy(err->msg + hl + 2, old, ol);
    err->msg[hl + 2 + ol] = '\0';
}

void dm_error_clear(dm_error *err)
{
    if (err != NULL)
        memset(err, 0, sizeof *err);
}

const char *dm_status_name(dm_status code)
{
    static const char *const names[] = {
        [DM_OK] = "ok",           [DM_ERR_NOMEM] = "nomem",
        [DM_ERR_ARG] = "usage",   [DM_ERR_CONFIG] = "config",
        [DM_ERR_IO] = "io",       [DM_ERR_NOT_FOUND] = "not_found",
        [DM_ERR_AUTH] = "auth",   [DM_ERR_THROTTLED] = "throttled",
        [DM_ERR_TIMEOUT] = "timeout", [DM_ERR_FORMAT] = "format",
        [DM_ERR_LIMIT] = "limit", [DM_ERR_BACKEND] = "backend",
        [DM_ERR_INTERNAL] = "internal", [DM_ERR_CONFLICT] = "conflict",
    };
    if ((unsigned)code < sizeof names / sizeof names[0] && names[code] != NULL)
        return names[code];
    return "unknown";
}
