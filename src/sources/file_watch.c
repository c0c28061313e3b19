#include "sources/file_watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/mem.h"

#define TAGS_FILE ".datamap-tags.yaml"
#define DIR_MASK (IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR)

struct dm_file_watch {
    int fd;
    size_t nwatches;
    bool overflow;          /* more folders than DM_FILE_WATCH_MAX */
    /* watch descriptor -> folder path (wd are small, increasing integers) */
    char **paths;
    size_t npaths;
    size_t root_len;        /* strlen of the root path (paths[root wd]) */
    /* touched since dm_file_watch_take (file_watch.h) */
    char **names;
    size_t nnames;
    bool root_files, lost;
};

static bool ignored(const char *name)
{
    static const char *const sfx[] = {"-wal", "-shm", "-journal", NULL};
    if (strcmp(name, TAGS_FILE) == 0)
        return false;
    if (name[0] == '.' || name[0] == '_')
        return true;
    size_t n = strlen(name);
    for (const char *const *s = sfx; *s; s++) {
        size_t l = strlen(*s);
        if (n > l && strcmp(name + n - l, *s) == 0)
            return true;
    }
    return false;
}

/* Watch dir and the folders under it (depth-first, bounded). */
static void add_tree(dm_file_watch *w, const char *dir, int depth)
{
    if (w->overflow || depth > 32)
        return;
    if (w->nwatches >= DM_FILE_WATCH_MAX) {
        w->overflow = true;
        return;
    }
    int wd = inotify_add_watch(w->fd, dir, DIR_MASK);
    if (wd < 0) {
        if (errno == ENOSPC)
            w->overflow = true;
        return;     /* unreadable or gone: the crawl reports it */
    }
    if ((size_t)wd >= w->npaths) {
        size_t n = (size_t)wd * 2 + 16;
        w->paths = dm_xrealloc(w->paths, n * sizeof *w->paths);
        memset(w->paths + w->npaths, 0, (n - w->npaths) * sizeof *w->paths);
        w->npaths = n;
    }
    if (w->paths[wd] == NULL) {
        w->paths[wd] = dm_xstrdup(dir);
        w->nwatches++;
    }
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (ignored(e->d_name) || strcmp(e->d_name, TAGS_FILE) == 0)
            continue;
        char *p = dm_xasprintf("%s/%s", dir, e->d_name);
        struct stat st;
        bool is_dir = e->d_type == DT_DIR || (e->d_type == DT_UNKNOWN && lstat(p, &st) == 0 && S_ISDIR(st.st_mode));
        if (is_dir)
            add_tree(w, p, depth + 1);
        free(p);
    }
    closedir(d);
}

void dm_file_watch_free(dm_file_watch *w)
{
    if (w == NULL)
        return;
    close(w->fd);
    for (size_t i = 0; i < w->npaths; i++)
        free(w->paths[i]);
    free(w->paths);
    for (size_t i = 0; i < w->nnames; i++)
        free(w->names[i]);
    free(w->names);
    free(w);
}

/* Remember the top-level entry an event in folder dir (a watched path)
 * about name touched. */
static void touched(dm_file_watch *w, const char *dir, const char *name, bool is_dir)
{
    const char *rel = dir + w->root_len;    /* "" for the root, "/a/b" below it */
    char top[NAME_MAX + 1];
    if (*rel == '\0') {
        if (!is_dir) {
            w->root_files = true;
            return;
        }
        snprintf(top, sizeof top, "%s", name);
    } else {
        size_t n = strcspn(rel + 1, "/");
        snprintf(top, sizeof top, "%.*s", (int)n, rel + 1);
    }
    for (size_t i = 0; i < w->nnames; i++)
        if (strcmp(w->names[i], top) == 0)
            return;
    if (w->nnames >= DM_FILE_WATCH_MAX_NAMES) {
        w->lost = true;
        return;
    }
    w->names = dm_xrealloc(w->names, (w->nnames + 1) * sizeof *w->names);
    w->names[w->nnames++] = dm_xstrdup(top);
}

void dm_file_watch_take(dm_file_watch *w, char ***names, size_t *n, bool *root_files, bool *all)
{
    *names = w->names;
    *n = w->nnames;
    *root_files = w->root_files;
    *all = w->lost;
    w->names = NULL;
    w->nnames = 0;
    w->root_files = w->lost = false;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read what is pending; true when a change that matters was among it. */
static bool drain(dm_file_watch *w)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool changed = false;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            return changed;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            p += sizeof *ev + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {
                changed = true;
                w->lost = true;
                continue;
            }
            if (ev->mask & IN_IGNORED) {
                if (ev->wd >= 0 && (size_t)ev->wd < w->npaths && w->paths[ev->wd]) {
                    free(w->paths[ev->wd]);
                    w->paths[ev->wd] = NULL;
                    w->nwatches--;
                }
                continue;
            }
            if (ev->len == 0 || ignored(ev->name))
                continue;
            changed = true;
            if (ev->wd < 0 || (size_t)ev->wd >= w->npaths || w->paths[ev->wd] == NULL) {
                w->lost = true;     /* a folder we no longer know */
                continue;
            }
            touched(w, w->paths[ev->wd], ev->name, (ev->mask & IN_ISDIR) != 0);
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
                char *sub = dm_xasprintf("%s/%s", w->paths[ev->wd], ev->name);
                add_tree(w, sub, 1);
                free(sub);
            }
        }
    }
}

dm_status dm_file_watch_wait(dm_file_watch **wp, const char *root, int timeout_ms, bool *changed, dm_error *err)
{
    dm_file_watch *w = *wp;
    *changed = false;
    if (w == NULL) {
        w = dm_xcalloc(1, sizeof *w);
        w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (w->fd < 0) {
            dm_status rc = DM_FAIL(err, DM_ERR_IO, "%s: inotify: %s", root, strerror(errno));
            free(w);
            return rc;
        }
        w->root_len = strlen(root);
        add_tree(w, root, 0);
        if (w->nwatches == 0 || w->overflow) {
            dm_status rc = w->overflow ? DM_FAIL(err, DM_ERR_IO,
                                                 "%s: more than %d folders (or the inotify watch limit): "
                                                 "not watched, polled instead",
                                                 root, DM_FILE_WATCH_MAX)
                                       : DM_FAIL(err, DM_ERR_IO, "%s: cannot watch: %s", root, strerror(errno));
            dm_file_watch_free(w);
            return rc;
        }
        *wp = w;
    }
    struct pollfd pfd = {.fd = w->fd, .events = POLLIN};
    int r = poll(&pfd, 1, timeout_ms < 0 ? 0 : timeout_ms);
    if (r < 0 && errno != EINTR)
        return DM_FAIL(err, DM_ERR_IO, "%s: poll: %s", root, strerror(errno));
    if (r <= 0 || !drain(w))
        goto check;
    /* settle: until DM_FILE_WATCH_QUIET_MS pass without events */
    int64_t until = now_ms() + DM_FILE_WATCH_SETTLE_MS;
    while (now_ms() < until && poll(&pfd, 1, DM_FILE_WATCH_QUIET_MS) > 0)
        drain(w);
    *changed = true;
check:
    if (w->overflow) {
        dm_file_watch_free(w);
        *wp = NULL;
        return DM_FAIL(err, DM_ERR_IO, "%s: more than %d folders: no longer watched, polled instead", root,
                       DM_FILE_WATCH_MAX);
    }
    return DM_OK;
}
