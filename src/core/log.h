/*
 * Logging
 *
 * Logs go to stderr: human lines on a terminal ("datamap: warning: ..."),
 * JSON lines with --log-format json. A progress line on the terminal
 * (core/progress.h) is erased before each log line. Never log a raw cell value or a secret:
 * log the entity type, the column and a masked example at most.
 */
#ifndef DM_CORE_LOG_H
#define DM_CORE_LOG_H

#include <stdbool.h>

typedef enum dm_log_level {
    DM_LOG_ERROR = 0,
    DM_LOG_WARN,
    DM_LOG_INFO,
    DM_LOG_DEBUG,
} dm_log_level;

void dm_log_setup(dm_log_level level, bool json);
dm_log_level dm_log_get_level(void);
bool dm_log_is_json(void);
void dm_log(dm_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A log line that is also an event: in JSON logs it carries "event" and the
 * fields (a JSON object's members without braces: "\"rows\":3"); a human
 * line shows the message only. */
void dm_log_event(dm_log_level level, const char *event, const char *fields, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define dm_error_log(...) dm_log(DM_LOG_ERROR, __VA_ARGS__)
#define dm_warn(...) dm_log(DM_LOG_WARN, __VA_ARGS__)
#define dm_info(...) dm_log(DM_LOG_INFO, __VA_ARGS__)
#define dm_debug(...) dm_log(DM_LOG_DEBUG, __VA_ARGS__)

#endif
