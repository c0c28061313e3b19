#include "core/log.h"
#include "core/progress.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static dm_log_level g_level = DM_LOG_WARN;
static bool g_json;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

void dm_log_setup(dm_log_level level, bool json)
{
    g_level = level;
    g_json = json;
}

dm_log_level dm_log_get_level(void)
{
    return g_level;
}

bool dm_log_is_json(void)
{
    return g_json;
}

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void emit(dm_log_level level, const char *event, const char *fields, const char *msg)
{
    static const char *const names[] = {"error", "warning", "info", "debug"};
    pthread_mutex_lock(&g_lock);
    dm_progress_clear();    /* a log line never starts after the progress line */
    if (g_json) {
        char ts[32];
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
        fprintf(stderr, "{\"time\":\"%s\",\"level\":\"%s\",", ts, names[level]);
        if (event) {
            fputs("\"event\":", stderr);
            json_string(stderr, event);
            fputc(',', stderr);
        }
        if (fields && *fields)
            fprintf(stderr, "%s,", fields);
        fputs("\"msg\":", stderr);
        json_string(stderr, msg);
        fputs("}\n", stderr);
    } else {
        fprintf(stderr, "datamap: %s: %s\n", names[level], msg);
    }
    pthread_mutex_unlock(&g_lock);
}

void dm_log(dm_log_level level, const char *fmt, ...)
{
    if (level > g_level)
        return;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    emit(level, NULL, NULL, msg);
}

void dm_log_event(dm_log_level level, const char *event, const char *fields, const char *fmt, ...)
{
    if (level > g_level)
        return;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    emit(level, event, fields, msg);
}
