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
 * folder holds the asset's tags. Symbolic links to folders are not followed.
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


/* SQLite side files (a catalog kept in the scanned folder): not data. */
static bool sqlite_side_file(const char *dir, const char *name)
{
    static const char *const sfx[] = {"-wal", "-shm", "-journal", NULL};
    size_t n = strlen(name);
    for (const char *const *s = sfx; *s; s++) {
        size_t l = strlen(*s);
        if (n > l && strcmp(name + n - l, *s) == 0) {
            char *main_db = dm_xasprintf("%s/%.*s", dir, (int)(n - l), name);
            bool exists = access(main_db, F_OK) == 0;
            free(main_db);
            if (exists)
                return true;
        }
    }
    return false;
}

/* "SQLite format 3" header: a database, scanned through sqlite:// instead. */
static bool is_sqlite_db(const char *path)
{
    char head[16];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
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
    size_t n;
} entry_list;

/* Sorted, non-hidden entries of a folder; regular files and real folders only. */
static dm_status list_dir(const char *dir, entry_list *out, dm_error *err)
{
    struct dirent **ents = NULL;
    int n = scandir(dir, &ents, NULL, alphasort);
    memset(out, 0, sizeof *out);
    if (n < 0)
        return DM_FAIL(err, DM_ERR_IO, "%s: %s", dir, strerror(errno));
    out->names = dm_xcalloc((size_t)n + 1, sizeof *out->names);
    out->is_dir = dm_xcalloc((size_t)n + 1, sizeof *out->is_dir);
    for (int i = 0; i < n; i++) {
        const char *nm = ents[i]->d_name;
        if (!hidden(nm)) {
            char *p = dm_xasprintf("%s/%s", dir, nm);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && dm_objects_not_data(nm)) {
                dm_debug("%s: not a data file, skipped", p);
            } else if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && (sqlite_side_file(dir, nm) || is_sqlite_db(p))) {
                dm_info("%s: SQLite database, skipped (scan it as sqlite://%s)", p, p);
            } else if (lstat(p, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
                out->names[out->n] = dm_xstrdup(nm);
                out->is_dir[out->n] = S_ISDIR(st.st_mode);
                out->n++;
            }
            free(p);
        }
        free(ents[i]);
    }
    free(ents);
    return DM_OK;
}

static void entry_list_free(entry_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    free(l->is_dir);
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
    if ((rc = list_dir(fs->root, &el, err)))
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

static dm_status open_file_obj(void *ctx, const dm_object *obj, dm_stream **out, dm_error *err)
{
    return dm_stream_open_file(obj->key, out, err);
}

/* FNV over (path, size, mtime, first block) of every part. */
static char *fingerprint(const dm_object *objs, size_t n)
{
    uint64_t h = DM_FINGERPRINT_SEED;
#define MIX(p, len) (h = dm_fnv64(h, (p), (len)))
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        MIX(objs[i].key, strlen(objs[i].key) + 1);
        if (stat(objs[i].key, &st) == 0) {
            MIX(&st.st_size, sizeof st.st_size);
            MIX(&st.st_mtim.tv_sec, sizeof st.st_mtim.tv_sec);
            MIX(&st.st_mtim.tv_nsec, sizeof st.st_mtim.tv_nsec);
        }
        int fd = open(objs[i].key, O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
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

static void table_add(table_vec *tv, const char *name, const char *loc_path, obj_vec *objs, char **pkeys,
                      size_t npkeys)
{
    dm_table_desc *t = DM_PUSH(*tv);
    memset(t, 0, sizeof *t);
    t->name = dm_xstrdup(name);
    t->location = url_of_path(loc_path);
    t->fingerprint = fingerprint(objs->v, objs->n);
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
} walk;

static void walk_dir(walk *w, const char *dir, int depth)
{
    entry_list el;
    dm_error err = {0};
    if (depth > MAX_DEPTH) {
        char *u = url_of_path(dir);
        w->problem(w->pctx, u, "folders nested too deep, skipped");
        free(u);
        return;
    }
    if (list_dir(dir, &el, &err)) {
        char *u = url_of_path(dir);
        w->problem(w->pctx, u, err.msg);
        free(u);
        return;
    }
    for (size_t i = 0; i < el.n; i++) {
        char *p = dm_xasprintf("%s/%s", dir, el.names[i]);
        if (el.is_dir[i]) {
            const char *eq = strchr(el.names[i], '=');
            bool part = eq && eq != el.names[i] && w->nseg < MAX_DEPTH;
            if (part) {
                w->seg_keys[w->nseg] = dm_xstrndup(el.names[i], (size_t)(eq - el.names[i]));
                w->seg_vals[w->nseg] = dm_xstrdup(eq + 1);
                w->nseg++;
            }
            walk_dir(w, p, depth + 1);
            if (part) {
                w->nseg--;
                free(w->seg_keys[w->nseg]);
                free(w->seg_vals[w->nseg]);
            }
        } else {
            struct stat st;
            if (stat(p, &st) == 0) {
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
                obj_push(&w->files, p, (uint64_t)st.st_size, pv);
            }
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

    if (fs->root_is_file) {
        obj_vec ov = {0};
        struct stat st;
        uint64_t size = stat(dir, &st) == 0 ? (uint64_t)st.st_size : 0;
        obj_push(&ov, dir, size, NULL);
        char *name = dm_objects_table_name(base_name(dir));
        table_add(&tv, name, dir, &ov, NULL, 0);
        free(name);
        goto done;
    }
    bool loose_only = strcmp(dir, fs->root) == 0;
    if ((rc = list_dir(dir, &el, err)))
        goto out;
    for (size_t i = 0; i < el.n; i++) {
        char *p = dm_xasprintf("%s/%s", dir, el.names[i]);
        if (!el.is_dir[i]) {
            struct stat st;
            obj_vec ov = {0};
            if (stat(p, &st) == 0) {
                obj_push(&ov, p, (uint64_t)st.st_size, NULL);
                char *name = dm_objects_table_name(el.names[i]);
                for (size_t t = 0; t < tv.n; t++)
                    if (strcmp(tv.v[t].name, name) == 0) {  /* customers.csv + customers.json */
                        char *nn = dm_xasprintf("%s_%s", name, strrchr(el.names[i], '.') + 1);
                        free(name);
                        name = nn;
                        break;
                    }
                table_add(&tv, name, p, &ov, NULL, 0);
                free(name);
            }
        } else if (!loose_only) {
            walk w = {0};
            w.problem = problem;
            w.pctx = pctx;
            walk_dir(&w, p, 1);
            if (w.files.n > 0) {
                /* one schema? compare the headers of (up to) the first files */
                char *first = NULL;
                bool same = true;
                size_t check = w.files.n < SIGNATURE_FILES ? w.files.n : SIGNATURE_FILES;
                for (size_t f = 0; f < check && same; f++) {
                    char *sig = dm_objects_signature(&w.files.v[f], open_file_obj, NULL, fs->encoding);
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
                    table_add(&tv, el.names[i], p, &w.files, w.pkeys, w.npkeys);
                    w.pkeys = NULL;
                } else {
                    for (size_t f = 0; f < w.files.n; f++) {
                        obj_vec one = {0};
                        char *stem = dm_objects_table_name(base_name(w.files.v[f].key));
                        char *name = dm_xasprintf("%s_%s", el.names[i], stem);
                        obj_push(&one, w.files.v[f].key, w.files.v[f].size, NULL);
                        table_add(&tv, name, w.files.v[f].key, &one, NULL, 0);
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
                                NULL, &sp, sink, err);
}

static void file_free_table_data(void *data)
{
    file_table *ft = data;
    dm_object_free_array(ft->objs, ft->n, ft->npkeys);
    free(ft);
}

/* ---- tags ------------------------------------------------------------------ */

/* The sidecar file read whole (tags files are small: at most 1 MiB). */
static dm_status parse_tags_yaml(const char *path, dm_kvlist *tags, dm_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return DM_FAIL(err, DM_ERR_IO, "%s: %s", path, strerror(errno));
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
    char *dir = path_of_url(asset->location);
    struct stat st;
    dm_status rc = DM_OK;
    *origin = "sidecar";
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        char *p = dm_xasprintf("%s/%s", dir, TAGS_FILE);
        if (access(p, F_OK) == 0)
            rc = parse_tags_yaml(p, tags, err);
        free(p);
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
