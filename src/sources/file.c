/*
 * Local folders (plain paths and file:// URLs)
 *
 * Layout rules, as Glue's crawler does them:
 *   - each folder directly under the source root is an asset; files lying
 *     loose in the root form one more asset named after the root;
 *   - in an asset, each file directly inside is a table named after the file
 *     without its extensions (customers.csv.gz -> customers);
 *   - each subfolder is one table named after it when all its files (at any
 *     depth) share one schema; Hive-style key=value folders on the way become
 *     partition columns. Files of different schemas become tables of their own
 *     (<folder>_<file>).
 * Hidden files and folders (".x", "_x") are skipped; .datamap-tags.yaml in a
 * folder holds the asset's tags. Symbolic links are not followed.
 *
 * Everything below the root is opened relative to its folder's descriptor
 * (openat), one name at a time, never following a link (O_NOFOLLOW), never
 * waiting on a FIFO or device (O_NONBLOCK), and checked with fstat once
 * open: a regular file, or nothing is read. A name swapped between listing
 * and opening (for a FIFO, a link out of the source) is then an error entry,
 * not a hang or a read of something else; no path is handed whole to the
 * kernel, so depth is not limited by PATH_MAX. Whatever is listed but not
 * read is an error entry, never silence.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/mem.h"
#include "sources/objects.h"
#include "sources/file_watch.h"
#include "sources/source_impl.h"

#define MAX_DEPTH 32
#define SIGNATURE_FILES 64      /* files whose header is compared when grouping */
#define TAGS_FILE ".datamap-tags.yaml"

typedef struct file_src {
    char *root;
    bool root_is_file;
    dm_encoding encoding;   /* the encoding= option; DM_ENC_AUTO: detect */
    dm_file_watch *watch;   /* wait_change, set up on its first call */
} file_src;

typedef struct file_table {
    dm_object *objs;
    size_t n;
    size_t npkeys;
} file_table;

static char *path_of_url(const char *url)
{
    if (strncmp(url, "file://", 7) == 0)
        return dm_xstrdup(url + 7);
    return dm_xstrdup(url);
}

static char *url_of_path(const char *path)
{
    return dm_xasprintf("file://%s", path);
}

static dm_status file_open(const char *url, const char *options_json, void **state, char **shown_url,
                           dm_error *err)
{
    char *path = path_of_url(url);
    char real[PATH_MAX];
    struct stat st;
    if (realpath(path, real) == NULL || stat(real, &st) != 0) {
        dm_status rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "%s: %s", path, strerror(errno));
        free(path);
        return rc;
    }
    free(path);
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        return DM_FAIL(err, DM_ERR_ARG, "%s: not a file or folder", real);
    dm_encoding enc;
    dm_status rc = dm_objects_encoding_option(options_json, &enc, NULL, err);
    if (rc != DM_OK)
        return rc;
    file_src *fs = dm_xcalloc(1, sizeof *fs);
    fs->encoding = enc;
    fs->root = dm_xstrdup(real);
    fs->root_is_file = S_ISREG(st.st_mode);
    *state = fs;
    *shown_url = url_of_path(real);
    return DM_OK;
}

static void file_close(void *state)
{
    file_src *fs = state;
    dm_file_watch_free(fs->watch);
    free(fs->root);
    free(fs);
}

static bool hidden(const char *name)
{
    return name[0] == '.' || name[0] == '_';
}

/* ---- opening without following links --------------------------------------- */

#define DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
#define FILE_FLAGS (O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)

/* Why an open of shown failed, as an error entry says it. */
static dm_status open_failed(const char *shown, int e, dm_error *err)
{
    dm_status code = (e == ENOENT) ? DM_ERR_NOT_FOUND : DM_ERR_IO;
    if (e == ELOOP)
        dm_error_set(err, code, "%s: a symbolic link, not followed", shown);
    else if (e == ENOTDIR)
        dm_error_set(err, code, "%s: no longer a folder, not read", shown);
    else
        dm_error_set(err, code, "%s: %s", shown, strerror(e));
    if (err)
        err->sys_errno = e;
    return code;
}

/* The regular file name in folder dirfd, opened for reading; anything else
 * (a link, a FIFO, a device, a folder) is an error naming shown. */
static dm_status open_regular_at(int dirfd, const char *name, const char *shown, int *out, struct stat *st,
                                 dm_error *err)
{
    *out = -1;
    int fd = openat(dirfd, name, FILE_FLAGS);
    if (fd < 0)
        return open_failed(shown, errno, err);
    if (fstat(fd, st) != 0) {
        int e = errno;
        close(fd);
        return open_failed(shown, e, err);
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        return DM_FAIL(err, DM_ERR_IO, "%s: not a regular file (%s), not read", shown,
                       S_ISDIR(st->st_mode) ? "a folder" : S_ISFIFO(st->st_mode) ? "a FIFO" : "a device or socket");
    }
    *out = fd;
    return DM_OK;
}

/* Open path, the root or something below it, name by name from the root:
 * a folder (want_dir) or a regular file. */
static dm_status open_under_root(const file_src *fs, const char *path, bool want_dir, int *out, struct stat *st,
                                 dm_error *err)
{
    size_t rl = strlen(fs->root);
    *out = -1;
    if (strncmp(path, fs->root, rl) != 0 || (path[rl] != '\0' && path[rl] != '/' && rl > 1))
        return DM_FAIL(err, DM_ERR_ARG, "%s: outside the source %s", path, fs->root);
    const char *rel = path + rl;
    while (*rel == '/')
        rel++;
    if (fs->root_is_file) {
        if (*rel != '\0' || want_dir)
            return DM_FAIL(err, DM_ERR_ARG, "%s: outside the source %s", path, fs->root);
        return open_regular_at(AT_FDCWD, fs->root, path, out, st, err);
    }
    int fd = open(fs->root, DIR_FLAGS);
    if (fd < 0)
        return open_failed(fs->root, errno, err);
    char *copy = dm_xstrdup(rel), *save = NULL;
    dm_status rc = DM_OK;
    for (char *name = strtok_r(copy, "/", &save); name; ) {
        char *next = strtok_r(NULL, "/", &save);
        if (next == NULL && !want_dir) {
            int f;
            rc = open_regular_at(fd, name, path, &f, st, err);
            close(fd);
            fd = f;
            break;
        }
        int sub = openat(fd, name, DIR_FLAGS);
        if (sub < 0)
            rc = open_failed(path, errno, err);
        close(fd);
        fd = sub;
        if (rc)
            break;
        name = next;
    }
    free(copy);
    if (rc == DM_OK && want_dir && fstat(fd, st) != 0)
        rc = open_failed(path, errno, err);
    if (rc) {
        if (fd >= 0)
            close(fd);
        return rc;
    }
    *out = fd;
    return DM_OK;
}


/* SQLite side files (a catalog kept in the scanned folder): not data. */
static bool sqlite_side_file(int dirfd, const char *name)
{
    static const char *const sfx[] = {"-wal", "-shm", "-journal", NULL};
    size_t n = strlen(name);
    for (const char *const *s = sfx; *s; s++) {
        size_t l = strlen(*s);
        if (n > l && strcmp(name + n - l, *s) == 0) {
            char *main_db = dm_xstrndup(name, n - l);
            struct stat st;
            bool exists = fstatat(dirfd, main_db, &st, AT_SYMLINK_NOFOLLOW) == 0;
            free(main_db);
            if (exists)
                return true;
        }
    }
    return false;
}

/* "SQLite format 3" header: a database, scanned through sqlite:// instead. */
static bool is_sqlite_db(int dirfd, const char *name)
{
    char head[16];
    struct stat st;
    int fd;
    if (open_regular_at(dirfd, name, name, &fd, &st, NULL) != DM_OK)
        return false;
    bool yes = read(fd, head, sizeof head) == (ssize_t)sizeof head && memcmp(head, "SQLite format 3", 16) == 0;
    close(fd);
    return yes;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}


typedef struct entry_list {
    char **names;
    bool *is_dir;
    uint64_t *size;
    size_t n;
} entry_list;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, non-hidden entries of the folder dirfd (shown as dir); regular
 * files and real folders only (links, FIFOs, devices are not data). Files
 * left out that are not side files are told to src (NULL: the listing of
 * assets, which reads nothing). */
static dm_status list_dir(dm_source *src, int dirfd, const char *dir, entry_list *out, dm_error *err)
{
    memset(out, 0, sizeof *out);
    int fd = openat(dirfd, ".", DIR_FLAGS);     /* its own offset: fdopendir owns it */
    DIR *d = fd < 0 ? NULL : fdopendir(fd);
    if (d == NULL) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return DM_FAIL(err, DM_ERR_IO, "%s: %s", dir, strerror(e));
    }
    char **all = NULL;
    size_t nall = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (hidden(de->d_name))
            continue;
        if (nall == cap) {
            cap = cap ? cap * 2 : 32;
            all = dm_xrealloc(all, cap * sizeof *all);
        }
        all[nall++] = dm_xstrdup(de->d_name);
    }
    closedir(d);
    if (nall)
        qsort(all, nall, sizeof *all, cmp_names);
    out->names = dm_xcalloc(nall + 1, sizeof *out->names);
    out->is_dir = dm_xcalloc(nall + 1, sizeof *out->is_dir);
    out->size = dm_xcalloc(nall + 1, sizeof *out->size);
    for (size_t i = 0; i < nall; i++) {
        const char *nm = all[i];
        struct stat st;
        bool ok = fstatat(dirfd, nm, &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (ok && S_ISREG(st.st_mode) && dm_objects_not_data(nm)) {
            dm_debug("%s/%s: not a data file, skipped", dir, nm);
            char *u = dm_xasprintf("file://%s/%s", dir, nm);
            dm_source_note_unread(src, u, DM_UNREAD_UNSUPPORTED);
            free(u);
        } else if (ok && S_ISREG(st.st_mode) && sqlite_side_file(dirfd, nm)) {
            dm_debug("%s/%s: SQLite side file, skipped", dir, nm);
        } else if (ok && S_ISREG(st.st_mode) && is_sqlite_db(dirfd, nm)) {
            dm_info("%s/%s: SQLite database, skipped (scan it as sqlite://%s/%s)", dir, nm, dir, nm);
            char *u = dm_xasprintf("file://%s/%s", dir, nm);
            dm_source_note_unread(src, u, DM_UNREAD_SQLITE);
            free(u);
        } else if (ok && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
            out->names[out->n] = all[i];
            all[i] = NULL;
            out->is_dir[out->n] = S_ISDIR(st.st_mode);
            out->size[out->n] = (uint64_t)st.st_size;
            out->n++;
        }
        free(all[i]);
    }
    free(all);
    return DM_OK;
}

static void entry_list_free(entry_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    free(l->is_dir);
    free(l->size);
}

static dm_status file_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem,
                                  void *pctx, dm_error *err)
{
    file_src *fs = src->state;
    entry_list el;
    dm_status rc;
    *out = NULL;
    *n = 0;
    if (fs->root_is_file) {
        dm_asset_desc *a = dm_xcalloc(1, sizeof *a);
        char *dir = dm_xstrdup(fs->root);
        char *slash = strrchr(dir, '/');
        if (slash && slash != dir)
            *slash = '\0';
        a->name = dm_xstrdup(base_name(dir));
        a->kind = dm_xstrdup("file");
        a->location = url_of_path(fs->root);
        free(dir);
        *out = a;
        *n = 1;
        return DM_OK;
    }
    int dfd;
    struct stat dst;
    if ((rc = open_under_root(fs, fs->root, true, &dfd, &dst, err)))
        return rc;
    rc = list_dir(NULL, dfd, fs->root, &el, err);
    close(dfd);
    if (rc)
        return rc;
    dm_asset_desc *list = dm_xcalloc(el.n + 1, sizeof *list);
    size_t k = 0;
    bool loose = false;
    for (size_t i = 0; i < el.n; i++) {
        if (!el.is_dir[i]) {
            loose = true;
            continue;
        }
        char *p = dm_xasprintf("%s/%s", fs->root, el.names[i]);
        list[k].name = dm_xstrdup(el.names[i]);
        list[k].kind = dm_xstrdup("folder");
        list[k].location = url_of_path(p);
        free(p);
        k++;
    }
    if (loose) {
        const char *bn = base_name(fs->root);
        bool clash = false;
        for (size_t i = 0; i < k; i++)
            clash = clash || strcmp(list[i].name, bn) == 0;
        list[k].name = clash ? dm_xasprintf("%s_files", bn) : dm_xstrdup(bn);
        list[k].kind = dm_xstrdup("folder");
        list[k].location = url_of_path(fs->root);
        k++;
    }
    entry_list_free(&el);
    *out = list;
    *n = k;
    return DM_OK;
}

/* ---- tables ---------------------------------------------------------------- */

typedef struct obj_vec {
    dm_object *v;
    size_t n, cap;
} obj_vec;

static void obj_push(obj_vec *ov, const char *path, uint64_t size, char **pvals)
{
    *DM_PUSH(*ov) = (dm_object){dm_xstrdup(path), url_of_path(path), size, pvals};
}

typedef struct table_vec {
    dm_table_desc *v;
    size_t n, cap;
} table_vec;

/* ctx: the file_src. The key is a path under the root, opened name by name. */
static dm_status open_file_obj(void *ctx, const dm_object *obj, dm_stream **out, dm_error *err)
{
    int fd;
    struct stat st;
    dm_status rc = open_under_root(ctx, obj->key, false, &fd, &st, err);
    *out = rc ? NULL : dm_stream_open_fd(fd, obj->key, (uint64_t)st.st_size);
    return rc;
}

/* FNV over (path, size, mtime, first block) of every part. */
static char *fingerprint(const file_src *fs, const dm_object *objs, size_t n)
{
    uint64_t h = DM_FINGERPRINT_SEED;
#define MIX(p, len) (h = dm_fnv64(h, (p), (len)))
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int fd;
        MIX(objs[i].key, strlen(objs[i].key) + 1);
        if (open_under_root(fs, objs[i].key, false, &fd, &st, NULL) == DM_OK) {
            MIX(&st.st_size, sizeof st.st_size);
            MIX(&st.st_mtim.tv_sec, sizeof st.st_mtim.tv_sec);
            MIX(&st.st_mtim.tv_nsec, sizeof st.st_mtim.tv_nsec);
            unsigned char blk[4096];
            ssize_t r = read(fd, blk, sizeof blk);
            if (r > 0)
                MIX(blk, (size_t)r);
            close(fd);
        }
    }
#undef MIX
    return dm_xasprintf("%016llx", (unsigned long long)h);
}

static void table_add(const file_src *fs, table_vec *tv, const char *name, const char *loc_path, obj_vec *objs,
                      char **pkeys, size_t npkeys)
{
    dm_table_desc *t = DM_PUSH(*tv);
    memset(t, 0, sizeof *t);
    t->name = dm_xstrdup(name);
    t->location = url_of_path(loc_path);
    t->fingerprint = fingerprint(fs, objs->v, objs->n);
    t->bytes = 0;
    for (size_t i = 0; i < objs->n; i++)
        t->bytes += (int64_t)objs->v[i].size;
    t->rows_estimate = -1;
    t->partition_keys = pkeys;
    t->npartition_keys = npkeys;
    file_table *ft = dm_xcalloc(1, sizeof *ft);
    ft->objs = objs->v;
    ft->n = objs->n;
    ft->npkeys = npkeys;
    t->driver_data = ft;
    objs->v = NULL;
    objs->n = objs->cap = 0;
}

/* Collect files under dir; partition segments "k=v" between base and file. */
typedef struct walk {
    obj_vec files;
    char **pkeys;           /* keys of the first partitioned file */
    size_t npkeys;
    char *seg_keys[MAX_DEPTH];
    char *seg_vals[MAX_DEPTH];
    size_t nseg;
    dm_problem_fn problem;
    void *pctx;
    dm_source *src;         /* files not read are told to it */
} walk;

static void walk_problem(walk *w, const char *path, const char *msg)
{
    char *u = url_of_path(path);
    w->problem(w->pctx, u, msg);
    free(u);
}

/* dirfd: the folder dir, open (see DIR_FLAGS); the caller closes it. */
static void walk_dir(walk *w, int dirfd, const char *dir, int depth)
{
    entry_list el;
    dm_error err = {0};
    if (depth > MAX_DEPTH) {
        walk_problem(w, dir, "folders nested too deep, skipped");
        return;
    }
    if (list_dir(w->src, dirfd, dir, &el, &err)) {
        walk_problem(w, dir, err.msg);
        return;
    }
    for (size_t i = 0; i < el.n; i++) {
        char *p = dm_xasprintf("%s/%s", dir, el.names[i]);
        if (el.is_dir[i]) {
            int sub = openat(dirfd, el.names[i], DIR_FLAGS);
            if (sub < 0) {
                /* swapped for a link or a file since it was listed */
                open_failed(p, errno, &err);
                walk_problem(w, p, err.msg);
                free(p);
                continue;
            }
            const char *eq = strchr(el.names[i], '=');
            bool part = eq && eq != el.names[i] && w->nseg < MAX_DEPTH;
            if (part) {
                w->seg_keys[w->nseg] = dm_xstrndup(el.names[i], (size_t)(eq - el.names[i]));
                w->seg_vals[w->nseg] = dm_xstrdup(eq + 1);
                w->nseg++;
            }
            walk_dir(w, sub, p, depth + 1);
            close(sub);
            if (part) {
                w->nseg--;
                free(w->seg_keys[w->nseg]);
                free(w->seg_vals[w->nseg]);
            }
        } else {
            if (w->npkeys == 0 && w->nseg > 0 && w->files.n == 0) {
                w->pkeys = dm_xcalloc(w->nseg, sizeof *w->pkeys);
                for (size_t k = 0; k < w->nseg; k++)
                    w->pkeys[k] = dm_xstrdup(w->seg_keys[k]);
                w->npkeys = w->nseg;
            }
            char **pv = NULL;
            if (w->npkeys) {
                pv = dm_xcalloc(w->npkeys, sizeof *pv);
                for (size_t k = 0; k < w->npkeys; k++)
                    for (size_t s = 0; s < w->nseg; s++)
                        if (strcmp(w->seg_keys[s], w->pkeys[k]) == 0 && pv[k] == NULL)
                            pv[k] = dm_xstrdup(w->seg_vals[s]);
            }
            obj_push(&w->files, p, el.size[i], pv);
        }
        free(p);
    }
    entry_list_free(&el);
}

static dm_status file_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                  dm_problem_fn problem, void *pctx, dm_error *err)
{
    file_src *fs = src->state;
    char *dir = path_of_url(asset->location);
    table_vec tv = {0};
    entry_list el = {0};
    dm_status rc = DM_OK;
    *out = NULL;
    *n = 0;

    int dfd = -1;
    struct stat st;
    if (fs->root_is_file) {
        obj_vec ov = {0};
        uint64_t size = 0;
        if (open_under_root(fs, dir, false, &dfd, &st, err) == DM_OK) {
            size = (uint64_t)st.st_size;
            close(dfd);
            dfd = -1;
        }   /* else the read reports it */
        obj_push(&ov, dir, size, NULL);
        char *name = dm_objects_table_name(base_name(dir));
        table_add(fs, &tv, name, dir, &ov, NULL, 0);
        free(name);
        goto done;
    }
    bool loose_only = strcmp(dir, fs->root) == 0;
    if ((rc = open_under_root(fs, dir, true, &dfd, &st, err)))
        goto out;
    if ((rc = list_dir(src, dfd, dir, &el, err)))
        goto out;
    for (size_t i = 0; i < el.n; i++) {
        char *p = dm_xasprintf("%s/%s", dir, el.names[i]);
        if (!el.is_dir[i]) {
            obj_vec ov = {0};
            obj_push(&ov, p, el.size[i], NULL);
            char *name = dm_objects_table_name(el.names[i]);
            for (size_t t = 0; t < tv.n; t++)
                if (strcmp(tv.v[t].name, name) == 0) {  /* customers.csv + customers.json */
                    char *nn = dm_xasprintf("%s_%s", name, strrchr(el.names[i], '.') + 1);
                    free(name);
                    name = nn;
                    break;
                }
            table_add(fs, &tv, name, p, &ov, NULL, 0);
            free(name);
        } else if (!loose_only) {
            walk w = {0};
            w.problem = problem;
            w.src = src;
            w.pctx = pctx;
            int sub = openat(dfd, el.names[i], DIR_FLAGS);
            if (sub < 0) {
                dm_error e2 = {0};
                open_failed(p, errno, &e2);
                walk_problem(&w, p, e2.msg);
            } else {
                walk_dir(&w, sub, p, 1);
                close(sub);
            }
            if (w.files.n > 0) {
                /* one schema? compare the headers of (up to) the first files */
                char *first = NULL;
                bool same = true;
                size_t check = w.files.n < SIGNATURE_FILES ? w.files.n : SIGNATURE_FILES;
                for (size_t f = 0; f < check && same; f++) {
                    char *sig = dm_objects_signature(&w.files.v[f], open_file_obj, fs, fs->encoding);
                    if (sig == NULL)
                        continue;   /* unreadable: reported when read */
                    if (first == NULL)
                        first = sig;
                    else {
                        same = strcmp(first, sig) == 0;
                        free(sig);
                    }
                }
                free(first);
                if (same) {
                    table_add(fs, &tv, el.names[i], p, &w.files, w.pkeys, w.npkeys);
                    w.pkeys = NULL;
                } else {
                    for (size_t f = 0; f < w.files.n; f++) {
                        obj_vec one = {0};
                        char *stem = dm_objects_table_name(base_name(w.files.v[f].key));
                        char *name = dm_xasprintf("%s_%s", el.names[i], stem);
                        obj_push(&one, w.files.v[f].key, w.files.v[f].size, NULL);
                        table_add(fs, &tv, name, w.files.v[f].key, &one, NULL, 0);
                        free(stem);
                        free(name);
                    }
                }
            }
            dm_object_free_array(w.files.v, w.files.n, w.npkeys);
            for (size_t k = 0; w.pkeys && k < w.npkeys; k++)
                free(w.pkeys[k]);
            free(w.pkeys);
        }
        free(p);
    }
done:
    *out = tv.v;
    *n = tv.n;
    tv.v = NULL;
out:
    if (dfd >= 0)
        close(dfd);
    entry_list_free(&el);
    free(dir);
    return rc;
}

static dm_status file_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                                const dm_row_sink *sink, dm_error *err)
{
    const file_src *fs = src->state;
    const file_table *ft = table->driver_data;
    dm_sample_spec sp = *spec;      /* the run's --encoding, else the source's option */
    if (sp.encoding == DM_ENC_AUTO)
        sp.encoding = fs->encoding;
    return dm_objects_read_rows(ft->objs, ft->n, table->partition_keys, table->npartition_keys, open_file_obj,
                                (void *)fs, &sp, sink, err);
}

static void file_free_table_data(void *data)
{
    file_table *ft = data;
    dm_object_free_array(ft->objs, ft->n, ft->npkeys);
    free(ft);
}

/* ---- tags ------------------------------------------------------------------ */

/* The sidecar file fd (owned from here) read whole (tags files are small:
 * at most 1 MiB). */
static dm_status parse_tags_yaml(int fd, const char *path, dm_kvlist *tags, dm_error *err)
{
    FILE *f = fdopen(fd, "rb");
    if (f == NULL) {
        int e = errno;
        close(fd);
        return DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(e));
    }
    dm_capbuf b = DM_CAPBUF_INIT(1u << 20);
    char chunk[8192];
    size_t got;
    dm_status rc = DM_OK;
    while (rc == DM_OK && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (dm_capbuf_append(&b, chunk, got) != DM_OK)
            rc = DM_FAIL(err, DM_ERR_LIMIT, "%s: tags file larger than 1 MiB", path);
    if (rc == DM_OK && ferror(f))
        rc = DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
    fclose(f);
    if (rc == DM_OK)
        rc = dm_objects_tags_yaml(path, b.b.data ? b.b.data : "", b.b.len, tags, err);
    dm_buf_free(&b.b);
    return rc;
}

static dm_status file_read_tags(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                                dm_error *err)
{
    const file_src *fs = src->state;
    char *dir = path_of_url(asset->location);
    struct stat st;
    dm_status rc = DM_OK;
    int dfd, fd;
    *origin = "sidecar";
    if (!fs->root_is_file && open_under_root(fs, dir, true, &dfd, &st, NULL) == DM_OK) {
        char *p = dm_xasprintf("%s/%s", dir, TAGS_FILE);
        if (fstatat(dfd, TAGS_FILE, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            rc = open_regular_at(dfd, TAGS_FILE, p, &fd, &st, err);
            if (rc == DM_OK)
                rc = parse_tags_yaml(fd, p, tags, err);
        }
        free(p);
        close(dfd);
    }
    free(dir);
    return rc;
}

/* inotify on the folder (file_watch.h); a single-file source is polled. */
static dm_status file_wait_change(dm_source *src, int timeout_ms, bool *changed, dm_error *err)
{
    file_src *fs = src->state;
    *changed = false;
    if (fs->root_is_file)
        return DM_FAIL(err, DM_ERR_IO, "%s: a single file is polled, not watched", fs->root);
    return dm_file_watch_wait(&fs->watch, fs->root, timeout_ms, changed, err);
}

/* Top-level folders are assets under their own name; files directly in the
 * root belong to the loose-files asset (file_list_assets names it). Entries
 * that are gone are left out: the caller's discover marks them vanished. */
static void file_changed_assets(dm_source *src, char ***names, size_t *n, bool *all)
{
    file_src *fs = src->state;
    bool root_files = false;
    *names = NULL;
    *n = 0;
    *all = fs->watch == NULL;
    if (fs->watch == NULL)
        return;
    dm_file_watch_take(fs->watch, names, n, &root_files, all);
    /* entries gone from the root are for discover (vanished), not a crawl */
    size_t keep = 0;
    for (size_t i = 0; i < *n; i++) {
        char *p = dm_xasprintf("%s/%s", fs->root, (*names)[i]);
        struct stat st;
        bool is_dir = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
        root_files |= !is_dir && access(p, F_OK) == 0;     /* a loose file, not a folder */
        free(p);
        if (is_dir)
            (*names)[keep++] = (*names)[i];
        else
            free((*names)[i]);
    }
    *n = keep;
    if (root_files) {
        const char *bn = base_name(fs->root);
        char *same = dm_xasprintf("%s/%s", fs->root, bn);
        struct stat st;
        bool clash = stat(same, &st) == 0 && S_ISDIR(st.st_mode);
        free(same);
        *names = dm_xrealloc(*names, (*n + 1) * sizeof **names);
        (*names)[(*n)++] = clash ? dm_xasprintf("%s_files", bn) : dm_xstrdup(bn);
    }
}

const dm_source_ops dm_source_file_ops = {
    .open = file_open,
    .close = file_close,
    .list_assets = file_list_assets,
    .list_tables = file_list_tables,
    .read_rows = file_read_rows,
    .read_tags = file_read_tags,
    .free_table_data = file_free_table_data,
    .wait_change = file_wait_change,
    .changed_assets = file_changed_assets,
};
