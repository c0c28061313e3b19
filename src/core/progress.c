#include "core/progress.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"

#define DRAW_EVERY_NS 100000000LL       /* the terminal line: ten times a second at most */
#define RATE_AFTER_DRAWS 5              /* the rate and time left once half a second has passed */
#define EVENT_EVERY_NS 5000000000LL     /* JSON "progress" events: every five seconds */

static struct {
    pthread_mutex_t lock;
    bool line, events, shown;
    int64_t stores_total, stores_done, tables_total, tables_done, rows_total, rows_done;
    int rows_unknown;
    int64_t start_ns, drawn_ns, event_ns;
    int64_t every_ns;       /* DRAW_EVERY_NS, or DATAMAP_PROGRESS_EVERY_MS */
    char doing[128];
} g = {.lock = PTHREAD_MUTEX_INITIALIZER};

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t dm_progress_now_ms(void)
{
    return now_ns() / 1000000;
}

/* 262144 -> "262,144" */
static void thousands(char *out, size_t size, int64_t v)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)(v < 0 ? 0 : v));
    size_t o = 0;
    for (int i = 0; i < n && o + 1 < size; i++) {
        out[o++] = digits[i];
        if ((n - 1 - i) % 3 == 0 && i != n - 1 && o + 1 < size)
            out[o++] = ',';
    }
    out[o] = '\0';
}

/* under the lock */
static void format_locked(char *buf, size_t size, int64_t now)
{
    char a[32], b[32], rate[48] = "", left[32] = "";
    double secs = (double)(now - g.start_ns) / 1e9;
    size_t o = 0;
    o += (size_t)snprintf(buf + o, size - o, "%s%s", g.doing, g.doing[0] ? " | " : "");
    if (o < size && g.stores_total > 0)
        o += (size_t)snprintf(buf + o, size - o, "stores %lld/%lld | ", (long long)g.stores_done,
                              (long long)g.stores_total);
    if (o < size && g.tables_total > 0)
        o += (size_t)snprintf(buf + o, size - o, "tables %lld/%lld | ", (long long)g.tables_done,
                              (long long)g.tables_total);
    thousands(a, sizeof a, g.rows_done);
    bool rows_known = g.rows_unknown == 0 && g.rows_total >= g.rows_done && g.rows_total > 0;
    if (rows_known)
        thousands(b, sizeof b, g.rows_total);
    if (o < size)
        o += (size_t)snprintf(buf + o, size - o, "rows %s%s%s", a, rows_known ? "/" : "", rows_known ? b : "");
    if (now - g.start_ns >= RATE_AFTER_DRAWS * g.every_ns && secs > 0) {
        thousands(b, sizeof b, (int64_t)((double)g.rows_done / secs));
        snprintf(rate, sizeof rate, " | %s rows/s", b);
        /* the share done: by tables when there are several, else by rows */
        double frac = -1;
        if (g.tables_total > 1)
            frac = (double)g.tables_done / (double)g.tables_total;
        else if (rows_known)
            frac = (double)g.rows_done / (double)g.rows_total;
        if (frac > 0.01 && frac < 1) {
            long s = (long)(secs * (1 - frac) / frac + 0.5);
            snprintf(left, sizeof left, " | %ld:%02ld left", s / 60, s % 60);
        }
    }
    if (o < size)
        snprintf(buf + o, size - o, "%s%s", rate, left);
}

void dm_progress_format(char *buf, size_t size)
{
    pthread_mutex_lock(&g.lock);
    format_locked(buf, size, now_ns());
    pthread_mutex_unlock(&g.lock);
}

/* Redraw the line, or log an event, when it is time (force: now). The event
 * is logged outside the lock: the log erases the line through
 * dm_progress_clear, which takes it. */
static void update(bool force_line, bool force_event)
{
    char ev[512];
    bool emit = false;
    pthread_mutex_lock(&g.lock);
    int64_t now = now_ns();
    if (g.line && (force_line || now - g.drawn_ns >= g.every_ns)) {
        char line[320];
        format_locked(line, sizeof line, now);
        fprintf(stderr, "\r\033[K%s", line);
        fflush(stderr);
        g.shown = true;
        g.drawn_ns = now;
    }
    if (g.events && (force_event || now - g.event_ns >= EVENT_EVERY_NS)) {
        snprintf(ev, sizeof ev,
                 "\"stores_done\":%lld,\"stores_total\":%lld,\"tables_done\":%lld,\"tables_total\":%lld,"
                 "\"rows_done\":%lld,\"rows_total\":%lld,\"seconds\":%.1f",
                 (long long)g.stores_done, (long long)g.stores_total, (long long)g.tables_done,
                 (long long)g.tables_total, (long long)g.rows_done,
                 (long long)(g.rows_unknown == 0 ? g.rows_total : -1), (double)(now - g.start_ns) / 1e9);
        g.event_ns = now;
        emit = true;
    }
    char line[320];
    if (emit)
        format_locked(line, sizeof line, now);
    pthread_mutex_unlock(&g.lock);
    if (emit)
        dm_log_event(DM_LOG_INFO, "progress", ev, "progress: %s", line);
}

void dm_progress_start(bool line, bool events)
{
    pthread_mutex_lock(&g.lock);
    g.line = line;
    g.events = events;
    g.shown = false;
    g.stores_total = g.stores_done = g.tables_total = g.tables_done = g.rows_total = g.rows_done = 0;
    g.rows_unknown = 0;
    g.start_ns = g.event_ns = now_ns();
    g.drawn_ns = 0;
    /* DATAMAP_PROGRESS_EVERY_MS: how often the line is redrawn (100); 0
     * redraws on every update and shows the rate at once, so a test of the
     * line does not depend on how fast the machine is */
    const char *ev = getenv("DATAMAP_PROGRESS_EVERY_MS");
    char *end = NULL;
    long ms = ev ? strtol(ev, &end, 10) : -1;
    g.every_ns = ev && *ev && *end == '\0' && ms >= 0 && ms <= 60000 ? ms * 1000000LL : DRAW_EVERY_NS;
    g.doing[0] = '\0';
    pthread_mutex_unlock(&g.lock);
}

void dm_progress_total(int64_t stores, int64_t tables, int64_t rows)
{
    pthread_mutex_lock(&g.lock);
    g.stores_total += stores;
    g.tables_total += tables;
    g.rows_total += rows;
    pthread_mutex_unlock(&g.lock);
}

void dm_progress_rows_unknown(int delta)
{
    pthread_mutex_lock(&g.lock);
    g.rows_unknown += delta;
    if (g.rows_unknown < 0)
        g.rows_unknown = 0;
    pthread_mutex_unlock(&g.lock);
}

void dm_progress_done(int64_t stores, int64_t tables, int64_t rows)
{
    pthread_mutex_lock(&g.lock);
    g.stores_done += stores;
    g.tables_done += tables;
    g.rows_done += rows;
    pthread_mutex_unlock(&g.lock);
    update(false, false);
}

void dm_progress_rows_settle(int64_t planned, int64_t read)
{
    pthread_mutex_lock(&g.lock);
    if (planned >= 0)
        g.rows_total += read - planned;
    else
        g.rows_total += read;
    pthread_mutex_unlock(&g.lock);
}

void dm_progress_doing(const char *fmt, ...)
{
    pthread_mutex_lock(&g.lock);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g.doing, sizeof g.doing, fmt, ap);
    va_end(ap);
    pthread_mutex_unlock(&g.lock);
    update(true, false);
}

void dm_progress_clear(void)
{
    pthread_mutex_lock(&g.lock);
    if (g.shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        g.shown = false;
    }
    pthread_mutex_unlock(&g.lock);
}

void dm_progress_stop(void)
{
    pthread_mutex_lock(&g.lock);
    bool was = g.line || g.events;
    g.line = false;
    g.doing[0] = '\0';
    pthread_mutex_unlock(&g.lock);
    if (was)
        update(false, true);    /* the last event */
    dm_progress_clear();
    pthread_mutex_lock(&g.lock);
    g.events = false;
    pthread_mutex_unlock(&g.lock);
}
