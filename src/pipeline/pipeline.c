#include "pipeline/pipeline.h"

#include <jansson.h>
#include <malloc.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/progress.h"
#include "core/mem.h"
#include "detect/category.h"
#include "pipeline/colpar.h"
#include "pipeline/infer.h"
#include "sources/source.h"

#define MAX_FINDINGS_PER_COLUMN 8
/* Column names whose hints are kept (an estate repeats its names: "id",
 * "email"); ~12 KiB each. Open addressing, never more than half full. */
#define NAME_SLOTS 512
#define NAME_MAX_KEPT (NAME_SLOTS / 2)

typedef struct name_slot {
    char *name;
    dm_colstats *proto;     /* fresh state under that name, never fed */
} name_slot;

struct dm_pipeline {
    dm_catalog *cat;
    dm_engine *eng;
    dm_pipeline_opts opts;
    name_slot names[NAME_SLOTS];
    size_t nnames;
    pthread_mutex_t names_mu;
    int64_t run_id;
    dm_problem *problems;
    size_t nproblems, pcap;
    dm_pipeline_stats stats;
    bool tty;
    bool catalog_failed;    /* a table's results could not be stored: read no more */
    bool finished;          /* dm_pipeline_finish ran */
};

dm_status dm_pipeline_new(dm_catalog *cat, const dm_pipeline_opts *opts, const char *command, dm_pipeline **out,
                          dm_error *err)
{
    dm_status rc;
    dm_pipeline *p = dm_xcalloc(1, sizeof *p);
    *out = NULL;
    p->cat = cat;
    p->opts = *opts;
    p->tty = opts->progress && isatty(2);
    pthread_mutex_init(&p->names_mu, NULL);
    /* Each table allocates and frees the same few hundred KiB (stream
     * buffer, column states); glibc's default gives the top of the heap back
     * to the kernel on every free and faults it in again (brk, TLB flushes:
     * ~15% of a run over 10,000 small tables). Keep up to 32 MiB, and keep
     * buffers under 4 MiB on the heap instead of fresh mmaps. */
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    /* the line on a terminal with human logs; with JSON logs the same
     * counts as "progress" events */
    dm_progress_start(p->tty && !dm_log_is_json(), opts->progress && dm_log_is_json());
    dm_engine_opts eo = {opts->only, opts->except, opts->allow};
    if ((rc = dm_engine_new(&eo, &p->eng, err))) {
        free(p);
        return rc;
    }
    if ((rc = dm_catalog_run_begin(cat, command, &p->run_id, err))) {
        dm_engine_free(p->eng);
        free(p);
        return rc;
    }
    *out = p;
    return DM_OK;
}

void dm_pipeline_finish(dm_pipeline *p)
{
    if (p == NULL || p->finished)
        return;
    p->finished = true;
    char stats[512];
    snprintf(stats, sizeof stats,
             "{\"assets_new\":%llu,\"assets_seen\":%llu,\"assets_vanished\":%llu,\"tables_crawled\":%llu,"
             "\"tables_skipped\":%llu,\"tables_classified\":%llu,\"rows_read\":%llu,\"errors\":%zu}",
             (unsigned long long)p->stats.assets_new, (unsigned long long)p->stats.assets_seen,
             (unsigned long long)p->stats.assets_vanished, (unsigned long long)p->stats.tables_crawled,
             (unsigned long long)p->stats.tables_skipped, (unsigned long long)p->stats.tables_classified,
             (unsigned long long)p->stats.rows_read, p->nproblems);
    dm_error err = {0};
    if (dm_catalog_run_end(p->cat, p->run_id, p->nproblems ? "failed" : "ok", stats, &err))
        dm_warn("could not record the end of the run: %s", err.msg);
    dm_progress_stop();
}

void dm_pipeline_free(dm_pipeline *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < p->nproblems; i++) {
        free(p->problems[i].target);
        free(p->problems[i].message);
    }
    free(p->problems);
    for (size_t i = 0; i < NAME_SLOTS; i++) {
        free(p->names[i].name);
        dm_colstats_free(p->names[i].proto);
    }
    pthread_mutex_destroy(&p->names_mu);
    dm_engine_free(p->eng);
    free(p);
}

void dm_pipeline_problem(dm_pipeline *p, const char *target, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* the message often starts with the target already */
    const char *m = msg;
    const char *bare = strncmp(target, "file://", 7) == 0 ? target + 7 : target;
    for (const char *t = target; t; t = t == bare ? NULL : bare) {
        size_t tl = strlen(t);
        if (strncmp(m, t, tl) == 0 && m[tl] == ':' && m[tl + 1] == ' ') {
            m += tl + 2;
            break;
        }
    }
    dm_error_log("%s: %s", target, m);     /* erases the progress line first */
    DM_GROW(p->problems, p->pcap, p->nproblems + 1);
    p->problems[p->nproblems].target = dm_xstrdup(target);
    p->problems[p->nproblems].message = dm_xstrdup(m);
    p->nproblems++;
}

static void problem_cb(void *ctx, const char *target, const char *msg)
{
    dm_pipeline_problem(ctx, target, "%s", msg);
}

const dm_problem *dm_pipeline_problems(const dm_pipeline *p, size_t *n)
{
    *n = p->nproblems;
    return p->problems;
}

const dm_pipeline_stats *dm_pipeline_get_stats(const dm_pipeline *p)
{
    return &p->stats;
}

const dm_engine *dm_pipeline_engine(const dm_pipeline *p)
{
    return p->eng;
}

/* A stage's event for -v: a human line, or in JSON logs the same line with
 * "event" and the fields (names from the stores go through jansson, so a
 * hostile name cannot break the line). fields is stolen; NULL is none. */
static void stage_event(const char *event, json_t *fields, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void stage_event(const char *event, json_t *fields, const char *fmt, ...)
{
    if (dm_log_get_level() < DM_LOG_INFO) {
        json_decref(fields);
        return;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *text = fields ? json_dumps(fields, JSON_COMPACT) : NULL;
    json_decref(fields);
    /* the object's members without its braces */
    size_t n = text ? strlen(text) : 0;
    if (n >= 2) {
        text[n - 1] = '\0';
        dm_log_event(DM_LOG_INFO, event, text + 1, "%s", msg);
    } else {
        dm_log_event(DM_LOG_INFO, event, NULL, "%s", msg);
    }
    free(text);
}

/* A new column state for a column name: what the name says (the engine's
 * hints, ~1,600 substring searches) worked out once per name, which over
 * 10,000 small tables was a third of the CPU. */
static dm_colstats *colstats_for(dm_pipeline *p, const char *name)
{
    size_t i = dm_fnv64_str(DM_FNV64_INIT, name) % NAME_SLOTS;
    dm_colstats *cs = NULL;
    pthread_mutex_lock(&p->names_mu);
    for (; p->names[i].name; i = (i + 1) % NAME_SLOTS)
        if (strcmp(p->names[i].name, name) == 0) {
            cs = dm_colstats_new_like(p->names[i].proto);
            break;
        }
    if (cs == NULL) {
        cs = dm_colstats_new(p->eng, name);
        if (p->nnames < NAME_MAX_KEPT) {
            p->names[i].name = dm_xstrdup(name);
            p->names[i].proto = dm_colstats_new_like(cs);
            p->nnames++;
        }
    }
    pthread_mutex_unlock(&p->names_mu);
    return cs;
}

/* ---- discover -------------------------------------------------------------- */

/* "key=value" filter of the reference's opt-in tag. */
static bool asset_wanted(dm_source *s, const dm_source_rec *src, const dm_asset_desc *a)
{
    if (src->require_tag == NULL || *src->require_tag == '\0')
        return true;
    const char *eq = strchr(src->require_tag, '=');
    size_t kl = eq ? (size_t)(eq - src->require_tag) : strlen(src->require_tag);
    const char *want = eq ? eq + 1 : "true";
    dm_kvlist tags = {0};
    const char *origin;
    dm_error err = {0};
    bool ok = false;
    if (dm_source_read_tags(s, a, &tags, &origin, &err) == DM_OK)
        for (size_t i = 0; i < tags.n; i++)
            if (strlen(tags.v[i].key) == kl && strncmp(tags.v[i].key, src->require_tag, kl) == 0 &&
                strcmp(tags.v[i].value, want) == 0)
                ok = true;
    dm_kv_free(&tags);
    return ok;
}

dm_status dm_pipeline_discover(dm_pipeline *p, const dm_source_rec *src)
{
    dm_source *s = NULL;
    dm_asset_desc *assets = NULL;
    size_t n = 0;
    int64_t *keep = NULL;
    size_t nkeep = 0, vanished = 0;
    dm_error err = {0};
    dm_status rc;

    dm_progress_doing("discover %s", src->name);
    stage_event("discover_start", json_pack("{s:s}", "source", src->name), "discover %s: listing its stores",
                src->name);
    if ((rc = dm_source_open(src->url, src->options_json, &s, &err)) ||
        (rc = dm_source_list_assets(s, &assets, &n, problem_cb, p, &err))) {
        dm_pipeline_problem(p, src->url, "%s", err.msg);
        goto out;
    }
    keep = dm_xcalloc(n + 1, sizeof *keep);
    if ((rc = dm_catalog_begin(p->cat, &err)))
        goto fail;
    for (size_t i = 0; i < n; i++) {
        if (!asset_wanted(s, src, &assets[i]))
            continue;
        bool is_new = false;
        if ((rc = dm_catalog_asset_upsert(p->cat, src->id, assets[i].name, assets[i].kind, assets[i].location,
                                          assets[i].region, &keep[nkeep], &is_new, &err))) {
            dm_catalog_rollback(p->cat);
            goto fail;
        }
        nkeep++;
        p->stats.assets_seen++;
        if (is_new) {
            p->stats.assets_new++;
            dm_info("new asset %s/%s", src->name, assets[i].name);
        }
    }
    if ((rc = dm_catalog_asset_mark_vanished(p->cat, src->id, keep, nkeep, &vanished, &err))) {
        dm_catalog_rollback(p->cat);
        goto fail;
    }
    p->stats.assets_vanished += vanished;
    if ((rc = dm_catalog_commit(p->cat, &err)))
        goto fail;
    stage_event("discover_done", json_pack("{s:s,s:I,s:I}", "source", src->name, "stores", (json_int_t)nkeep, "vanished",
                                           (json_int_t)vanished),
                "discover %s: %zu store(s) kept, %zu vanished", src->name, nkeep, vanished);
    goto out;
fail:
    dm_pipeline_problem(p, src->url, "%s", err.msg);
out:
    free(keep);
    dm_asset_desc_free_list(assets, n);
    dm_source_close(s);
    return rc;
}

/* ---- crawl + classify ---------------------------------------------------------- */

typedef struct tproc {
    dm_pipeline *p;
    const char *label;      /* "asset/table" for the progress line */
    bool infer, classify;
    size_t ncols, cap;
    char **names;
    dm_infer *inf;
    dm_colstats **cs;
    uint64_t rows, bytes;   /* bytes: of the cells read */
    char format[16], compression[16], encoding[16];
    const dm_column_decl *decl;     /* declared columns (SQL sources), or NULL */
    size_t ndecl;
    char **markers;                 /* per column, with opts.write_comments: comment marker or NULL */
    bool stopped;                   /* the row sink said stop: the table was not read to its end */
    dm_colpar *par;                 /* --jobs > 1: the columns' work on other threads too */
    struct unread_acc *unread;      /* the asset's files not read */
    bool had_unread;                /* some file of this table was not read (to its end) */
} tproc;

/* The files of one asset not read, by kind and reason, for the catalog
 * (assets.unread_json): nothing is skipped in silence. */
typedef struct unread_row {
    char kind[32];
    char reason[64];
    uint64_t files;
} unread_row;

typedef struct unread_acc {
    unread_row *v;
    size_t n, cap;
} unread_acc;

static void unread_add(void *ctx, const char *target, const char *kind, const char *reason)
{
    unread_acc *a = ctx;
    dm_debug("%s: not read (%s)", target, reason);
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].kind, kind) == 0 && strcmp(a->v[i].reason, reason) == 0) {
            a->v[i].files++;
            return;
        }
    DM_GROW(a->v, a->cap, a->n + 1);
    unread_row *r = &a->v[a->n++];
    snprintf(r->kind, sizeof r->kind, "%s", kind);
    snprintf(r->reason, sizeof r->reason, "%s", reason);
    r->files = 1;
}

static char *unread_json(const unread_acc *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < a->n; i++)
        json_array_append_new(arr, json_pack("{s:s,s:s,s:I}", "kind", a->v[i].kind, "reason", a->v[i].reason,
                                             "files", (json_int_t)a->v[i].files));
    char *s = json_dumps(arr, JSON_COMPACT);
    json_decref(arr);
    return s;
}

/* Whether reading must stop: SIGTERM, or a catalog that cannot take results. */
static bool must_stop(const dm_pipeline *p)
{
    return (p->opts.stop && atomic_load(p->opts.stop)) || p->catalog_failed;
}

/*
 * Whether the engine reads a text on its own (no column name to lean on) as
 * personal data that identifies someone. Words that only name a group
 * ("male", "Muslim": demographic and special-category vocabularies) are
 * column names of counts as often as they are values, so they do not count,
 * nor does a single word read as a given name.
 */
static bool engine_value(const dm_engine *eng, const char *p, size_t n)
{
    dm_colstats *cs = dm_colstats_new(eng, "");
    dm_colstats_add(cs, p, n);
    dm_classify_opts co = {.threshold = 0.1, .min_count = 1};
    dm_detection d[MAX_FINDINGS_PER_COLUMN];
    size_t nd = dm_colstats_verdict(cs, &co, d, MAX_FINDINGS_PER_COLUMN);
    dm_colstats_free(cs);
    for (size_t k = 0; k < nd; k++) {
        const char *cat = d[k].entity->category;
        if (cat && (strncmp(cat, "user.demographic", 16) == 0 || dm_category_special(cat)))
            continue;
        /* one given name alone ("Ean", "Will") is a word as often */
        if (cat && strncmp(cat, "user.name", 9) == 0 && memchr(p, ' ', n) == NULL)
            continue;
        return true;
    }
    return false;
}

/* The sink's is_value: a header candidate holding such a cell is data. */
static bool tp_is_value(void *ctx, const char *p, size_t n)
{
    tproc *tp = ctx;
    return engine_value(tp->p->eng, p, n);
}

static void tp_column(void *ctx, size_t col, const char *name)
{
    tproc *tp = ctx;
    if (tp->par)
        dm_colpar_drain(tp->par);   /* the columns' state moves below */
    /* A name that is itself personal data (a JSON key, a header the sniffer
     * let through) is kept masked, as evidence is: the catalog, reports and
     * the Glue export show only what the stores' own schemas declare or a
     * mask. Unique with the column number appended. */
    char masked[DM_EXAMPLE_LEN + 24];
    if (tp->decl == NULL && engine_value(tp->p->eng, name, strlen(name))) {
        dm_mask(name, strlen(name), masked, DM_EXAMPLE_LEN);
        size_t ml = strlen(masked);
        snprintf(masked + ml, sizeof masked - ml, "_%zu", col);
        name = masked;
    }
    if (col >= tp->cap) {
        size_t cap = tp->cap ? tp->cap : 16;
        while (cap <= col)
            cap *= 2;
        tp->names = dm_xrealloc(tp->names, cap * sizeof *tp->names);
        tp->inf = dm_xrealloc(tp->inf, cap * sizeof *tp->inf);
        tp->cs = dm_xrealloc(tp->cs, cap * sizeof *tp->cs);
        memset(tp->names + tp->cap, 0, (cap - tp->cap) * sizeof *tp->names);
        memset(tp->inf + tp->cap, 0, (cap - tp->cap) * sizeof *tp->inf);
        memset(tp->cs + tp->cap, 0, (cap - tp->cap) * sizeof *tp->cs);
        tp->cap = cap;
    }
    free(tp->names[col]);
    tp->names[col] = dm_xstrdup(name);
    if (tp->classify && tp->cs[col] == NULL)
        tp->cs[col] = colstats_for(tp->p, name);
    if (col >= tp->ncols)
        tp->ncols = col + 1;
}

/* The cells of one column, in row order (the work of tp_row for one
 * column; colpar calls it from its threads). */
static void tp_cells(void *ctx, size_t c, const dm_field *f, size_t n)
{
    tproc *tp = ctx;
    for (size_t i = 0; i < n; i++) {
        if (tp->infer)
            dm_infer_add(&tp->inf[c], (dm_value_kind)f[i].kind, f[i].ptr, f[i].len);
        if (tp->classify && f[i].kind != DM_VAL_NULL && f[i].kind != DM_VAL_BOOL)
            dm_colstats_add(tp->cs[c], f[i].ptr, f[i].len);
    }
}

#define PROGRESS_ROWS 4096     /* rows between two progress updates (a power of two) */

static bool tp_row(void *ctx, const dm_field *f, size_t n)
{
    tproc *tp = ctx;
    if (must_stop(tp->p)) {
        tp->stopped = true;
        return false;
    }
    tp->rows++;
    if ((tp->rows & (PROGRESS_ROWS - 1)) == 0)
        dm_progress_done(0, 0, PROGRESS_ROWS);
    if (tp->p->opts.jobs > 1) {
        if (tp->par == NULL)
            tp->par = dm_colpar_new(tp->p->opts.jobs, tp_cells, tp);
        for (size_t i = 0; i < n; i++)
            tp->bytes += f[i].len;
        dm_colpar_row(tp->par, f, n, tp->ncols);
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        size_t c = f[i].col;
        tp->bytes += f[i].len;
        if (c >= tp->ncols)
            continue;
        if (tp->infer)
            dm_infer_add(&tp->inf[c], (dm_value_kind)f[i].kind, f[i].ptr, f[i].len);
        if (tp->classify && f[i].kind != DM_VAL_NULL && f[i].kind != DM_VAL_BOOL)
            dm_colstats_add(tp->cs[c], f[i].ptr, f[i].len);
    }
    return true;
}

static void tp_unread(void *ctx, const char *target, const char *kind, const char *reason)
{
    tproc *tp = ctx;
    tp->had_unread = true;
    if (tp->unread)
        unread_add(tp->unread, target, kind, reason);
}

static void tp_format(void *ctx, const char *format, const char *compression, const char *encoding)
{
    tproc *tp = ctx;
    snprintf(tp->format, sizeof tp->format, "%s", format);
    snprintf(tp->compression, sizeof tp->compression, "%s", compression);
    snprintf(tp->encoding, sizeof tp->encoding, "%s", encoding ? encoding : "");
}

static void tp_problem(void *ctx, const char *target, const char *msg)
{
    tproc *tp = ctx;
    dm_pipeline_problem(tp->p, target, "%s", msg);
}

static void tp_free(tproc *tp)
{
    dm_colpar_free(tp->par);
    for (size_t i = 0; i < tp->cap; i++) {
        free(tp->names[i]);
        dm_colstats_free(tp->cs[i]);
        if (tp->markers)
            free(tp->markers[i]);
    }
    free(tp->markers);
    free(tp->names);
    free(tp->inf);
    free(tp->cs);
}

static const dm_table_rec *find_table(const dm_table_rec *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].name, name) == 0 && list[i].deleted_at == NULL)
            return &list[i];
    return NULL;
}

/* Masked examples as a JSON array; for a category-level finding, an object
 * with the examples, the category and its member types with their shares
 * (catalog/evidence.h). */
static char *examples_json(const dm_detection *d)
{
    json_t *a = json_array();
    for (int i = 0; i < d->nexamples; i++)
        json_array_append_new(a, json_string(d->examples[i]));
    if (d->nmembers > 0) {
        json_t *m = json_array();
        for (int i = 0; i < d->nmembers; i++)
            json_array_append_new(m, json_pack("{s:s,s:I,s:f}", "type", d->members[i].entity->name, "matches",
                                               (json_int_t)d->members[i].matches, "ratio",
                                               round(d->members[i].ratio * 10000.0) / 10000.0));
        a = json_pack("{s:o,s:s,s:o}", "examples", a, "category", d->entity->category, "members", m);
    }
    char *s = json_dumps(a, JSON_COMPACT);
    json_decref(a);
    return s;
}

static dm_status store_table(dm_pipeline *p, const dm_asset_rec *asset, const dm_table_desc *t, tproc *tp,
                             int64_t *table_id, dm_error *err)
{
    dm_status rc;
    if ((rc = dm_catalog_begin(p->cat, err)))
        return rc;
    if (tp->infer) {
        dm_column_def *cols = dm_xcalloc(tp->ncols + 1, sizeof *cols);
        size_t nc = 0;
        for (size_t c = 0; c < tp->ncols; c++) {
            if (tp->names[c] == NULL)
                continue;
            bool part = false;
            for (size_t k = 0; k < t->npartition_keys; k++)
                part = part || strcmp(t->partition_keys[k], tp->names[c]) == 0;
            cols[nc].name = tp->names[c];
            cols[nc].type = dm_infer_type(&tp->inf[c]);
            cols[nc].nullable = dm_infer_nullable(&tp->inf[c], tp->rows);
            cols[nc].is_partition = part;
            for (size_t d = 0; d < tp->ndecl; d++)
                if (strcmp(tp->decl[d].name, tp->names[c]) == 0) {
                    cols[nc].type = tp->decl[d].type;
                    cols[nc].nullable = tp->decl[d].nullable;
                    cols[nc].primary_key = tp->decl[d].primary_key;
                }
            nc++;
        }
        dm_table_put put = {
            .asset_id = asset->id, .name = t->name, .location = t->location,
            .format = tp->format[0] ? tp->format : "unknown",
            .compression = tp->compression[0] ? tp->compression : "none",
            .encoding = tp->encoding[0] ? tp->encoding : NULL,
            .fingerprint = t->fingerprint, .rows_estimate = t->rows_estimate, .bytes = t->bytes,
            .columns = cols, .ncolumns = nc,
        };
        dm_schema_change chg = {0};
        rc = dm_catalog_table_put(p->cat, &put, table_id, &chg, err);
        free(cols);
        if (rc)
            goto fail;
        if (chg.changed && !chg.is_new)
            dm_info("%s: schema version %d (%zu added, %zu removed, %zu retyped)", t->location, chg.version,
                    chg.added, chg.removed, chg.retyped);
        p->stats.tables_crawled++;
    }
    if (tp->classify) {
        dm_finding_rec *f = dm_xcalloc(tp->ncols * MAX_FINDINGS_PER_COLUMN + 1, sizeof *f);
        char **ev = dm_xcalloc(tp->ncols * MAX_FINDINGS_PER_COLUMN + 1, sizeof *ev);
        size_t nf = 0;
        for (size_t c = 0; c < tp->ncols; c++) {
            if (tp->cs[c] == NULL)
                continue;
            dm_detection det[MAX_FINDINGS_PER_COLUMN];
            size_t nd = dm_colstats_verdict(tp->cs[c], &p->opts.classify, det, MAX_FINDINGS_PER_COLUMN);
            if (nd)
                p->stats.columns_personal++;
            if (p->opts.write_comments && nd) {
                if (tp->markers == NULL)
                    tp->markers = dm_xcalloc(tp->cap, sizeof *tp->markers);
                char text[512];
                size_t tl = (size_t)snprintf(text, sizeof text, "Sensitive Data Element | [");
                for (size_t k = 0; k < nd && tl < sizeof text; k++)
                    tl += (size_t)snprintf(text + tl, sizeof text - tl, "%s'%s'", k ? ", " : "", det[k].entity->name);
                if (tl < sizeof text)
                    snprintf(text + tl, sizeof text - tl, "]");
                tp->markers[c] = dm_xstrdup(text);
            }
            for (size_t k = 0; k < nd; k++) {
                ev[nf] = examples_json(&det[k]);
                f[nf] = (dm_finding_rec){tp->names[c], det[k].entity->name, (int64_t)det[k].matches,
                                         (int64_t)det[k].sampled, det[k].ratio, det[k].confidence, ev[nf],
                                         (int64_t)det[k].allowed};
                nf++;
            }
        }
        rc = dm_catalog_findings_put(p->cat, p->run_id, *table_id, (int64_t)tp->rows, f, nf, err);
        for (size_t i = 0; i < nf; i++)
            free(ev[i]);
        free(ev);
        free(f);
        if (rc)
            goto fail;
        p->stats.tables_classified++;
    }
    return dm_catalog_commit(p->cat, err);
fail:
    dm_catalog_rollback(p->cat);
    return rc;
}

/* classify --write-comments: the classification into the store's own
 * column comments (the driver skips columns whose comment is already right).
 * markers[c] NULL removes a previous marker. A refusal is the table's, not
 * each column's (PostgreSQL: "must be owner of table"): one problem per
 * table, naming the first failure and how many columns it cost. */
static void write_markers(dm_pipeline *p, dm_source *s, const dm_table_desc *t, char *const *names,
                          char *const *markers, size_t n)
{
    dm_error first = {0};
    const char *first_col = NULL;
    size_t failed = 0;
    for (size_t c = 0; c < n; c++) {
        dm_error err = {0};
        if (names[c] == NULL)
            continue;
        dm_status rc = dm_source_write_column_comment(s, t, names[c], markers ? markers[c] : NULL, &err);
        if (rc == DM_ERR_ARG) {     /* the store has no column comments */
            dm_info("%s, nothing written back", err.msg);
            return;
        }
        if (rc == DM_OK)
            continue;
        if (failed++ == 0) {
            first = err;
            first_col = names[c];
        }
        if (rc == DM_ERR_AUTH || strstr(err.msg, "must be owner") || strstr(err.msg, "permission denied"))
            break;      /* the same answer for every other column */
    }
    if (failed == 1)
        dm_pipeline_problem(p, t->location, "column comment of %s: %s", first_col, first.msg);
    else if (failed > 1)
        dm_pipeline_problem(p, t->location, "column comments not written (%zu columns; first, %s: %s)", failed,
                            first_col, first.msg);
}

static void write_comments(dm_pipeline *p, dm_source *s, const dm_table_desc *t, tproc *tp)
{
    write_markers(p, s, t, tp->names, tp->markers, tp->ncols);
}

/* An unchanged table: its comments from the catalog's current
 * classification, so `classify --write-comments` right after `run` writes
 * them without --force (no sampling again). */
static void write_comments_from_catalog(dm_pipeline *p, dm_source *s, const dm_table_desc *t, int64_t table_id)
{
    dm_column_rec *cols = NULL;
    size_t n = 0;
    dm_error err = {0};
    if (dm_catalog_column_list(p->cat, table_id, &cols, &n, &err) != DM_OK) {
        dm_pipeline_problem(p, t->location, "catalog: %s", err.msg);
        return;
    }
    char **names = dm_xcalloc(n + 1, sizeof *names), **markers = dm_xcalloc(n + 1, sizeof *markers);
    for (size_t i = 0; i < n; i++) {
        if (cols[i].removed)
            continue;
        names[i] = cols[i].name;
        markers[i] = cols[i].comment;
    }
    write_markers(p, s, t, names, markers, n);
    free(names);
    free(markers);
    dm_column_list_free(cols, n);
}

static dm_status asset_stages(dm_pipeline *p, const dm_source_rec *src, const dm_asset_rec *asset, bool crawl,
                              bool classify)
{
    dm_source *s = NULL;
    dm_table_desc *tables = NULL;
    dm_table_rec *known = NULL;
    size_t nt = 0, nknown = 0;
    int64_t *keep = NULL;
    size_t nkeep = 0;
    size_t counted = 0;     /* tables counted done in the progress */
    dm_error err = {0};
    dm_status rc;
    bool all_ok = true, listed = false;
    unread_acc unread = {0};

    if ((rc = dm_source_open(src->url, src->options_json, &s, &err))) {
        dm_pipeline_problem(p, asset->location, "%s", err.msg);
        return rc;
    }
    dm_asset_desc ad = {asset->name, asset->kind, asset->location, asset->region};
    dm_source_set_unread(s, unread_add, &unread);
    if ((rc = dm_source_list_tables(s, &ad, &tables, &nt, problem_cb, p, &err)) ||
        (rc = dm_catalog_table_list(p->cat, asset->id, &known, &nknown, &err))) {
        dm_pipeline_problem(p, asset->location, "%s", err.msg);
        goto out;
    }
    listed = true;
    keep = dm_xcalloc(nt + 1, sizeof *keep);
    dm_progress_total(0, (int64_t)nt, 0);
    const char *stage = crawl ? (classify ? "crawl+classify" : "crawl") : "classify";
    stage_event("store_start",
                json_pack("{s:s,s:s,s:s,s:I}", "stage", stage, "source", src->name, "store", asset->name, "tables",
                          (json_int_t)nt),
                "%s %s/%s: %zu table(s)", stage, src->name, asset->name, nt);
    for (size_t i = 0; i < nt; i++) {
        const dm_table_desc *t = &tables[i];
        if (i > counted) {  /* the previous table is over, however it ended */
            dm_progress_done(0, 1, 0);
            counted++;
        }
        if (must_stop(p)) {
            /* a problem, so a job that stops here is not taken as done */
            dm_pipeline_problem(p, asset->location, "%s before table %zu of %zu, the rest is for the next run",
                                p->catalog_failed ? "catalog failed" : "stopped", i + 1, nt);
            all_ok = false;
            break;
        }
        const dm_table_rec *k = find_table(known, nknown, t->name);
        bool same = k && k->fingerprint && strcmp(k->fingerprint, t->fingerprint) == 0 && !p->opts.force;
        bool do_infer = crawl && !same;
        bool do_classify = classify && (!same || k->classified_at == NULL ||
                                        (k->cataloged_at && strcmp(k->classified_at, k->cataloged_at) < 0));
        if (k)
            keep[nkeep++] = k->id;
        if (!crawl && k == NULL) {
            dm_info("%s: not crawled yet, skipped (run `datamap crawl` first)", t->location);
            continue;
        }
        if (!do_infer && !do_classify) {
            p->stats.tables_skipped++;
            dm_debug("%s: unchanged, skipped", t->location);
            if (classify && p->opts.write_comments && k != NULL)
                write_comments_from_catalog(p, s, t, k->id);
            continue;
        }
        if (!do_infer && classify && !crawl && !same)
            dm_info("%s: changed since it was crawled; classifying the old schema's columns", t->location);
        const char *verb = do_infer ? (do_classify ? "scan" : "crawl") : "classify";
        dm_progress_doing("%s %s/%s", verb, asset->name, t->name);
        /* the rows this table will give: the sample cap, or fewer when the
         * store knows it has fewer; unknown for --rows all without an estimate */
        int64_t planned = -1;
        if (p->opts.rows != UINT64_MAX)
            planned = (int64_t)p->opts.rows;
        if (t->rows_estimate >= 0 && (planned < 0 || t->rows_estimate < planned))
            planned = t->rows_estimate;
        if (planned >= 0)
            dm_progress_total(0, 0, planned);
        else
            dm_progress_rows_unknown(1);
        int64_t t0 = dm_progress_now_ms();
        stage_event("table_start",
                    json_pack("{s:s,s:s,s:s,s:I}", "stage", verb, "store", asset->name, "table", t->name, "rows_planned",
                              (json_int_t)planned),
                    "%s %s/%s: reading %s rows (%s)", verb, asset->name, t->name,
                    planned >= 0 ? "up to the sample's" : "all its", t->location);

        char label[256];
        snprintf(label, sizeof label, "%s/%s", asset->name, t->name);
        tproc tp = {.p = p, .label = label, .infer = do_infer, .classify = do_classify, .unread = &unread};
        dm_row_sink sink = {&tp, tp_column, tp_row, tp_problem, tp_format, tp_is_value, tp_unread};
        dm_sample_spec spec = {p->opts.rows, 0x5EED, p->opts.encoding};
        if (do_infer && dm_source_table_columns(s, t, &tp.decl, &tp.ndecl, &err) != DM_OK) {
            dm_debug("%s: declared columns unavailable (%s), types inferred", t->location, err.msg);
            tp.decl = NULL;
            tp.ndecl = 0;
        }
        rc = dm_source_read_rows(s, t, &spec, &sink, &err);
        dm_colpar_free(tp.par);     /* every row through the columns' work */
        tp.par = NULL;
        dm_progress_done(0, 0, (int64_t)(tp.rows & (PROGRESS_ROWS - 1)));
        dm_progress_rows_settle(planned, (int64_t)tp.rows);
        if (planned < 0)
            dm_progress_rows_unknown(-1);
        double took = (double)(dm_progress_now_ms() - t0) / 1000.0;
        stage_event("table_read",
                    json_pack("{s:s,s:s,s:s,s:I,s:I,s:f,s:b}", "stage", verb, "store", asset->name, "table", t->name,
                              "rows", (json_int_t)tp.rows, "columns", (json_int_t)tp.ncols, "seconds", took, "ok",
                              rc == DM_OK),
                    "%s %s/%s: %llu rows, %zu column(s) in %.1f s%s", verb, asset->name, t->name,
                    (unsigned long long)tp.rows, tp.ncols, took, rc == DM_OK ? "" : " (failed)");
        if (rc) {
            dm_pipeline_problem(p, t->location, "%s", err.msg);
            tp_free(&tp);
            all_ok = false;
            continue;
        }
        p->stats.rows_read += tp.rows;
        p->stats.bytes_read += tp.bytes;
        if (tp.stopped) {
            /* a part of a table is not the table: nothing stored, the next run reads it again */
            dm_pipeline_problem(p, t->location, "%s before the end of the table, not stored",
                                p->catalog_failed ? "catalog failed" : "stopped");
            tp_free(&tp);
            all_ok = false;
            continue;
        }
        if (tp.ncols == 0) {
            tp_free(&tp);
            all_ok = false;
            continue;       /* nothing readable: the problem was reported */
        }
        int64_t tid = k ? k->id : 0;
        /* a table with a file not read keeps a fingerprint that never
         * matches, so the next run reads it again (and counts it again) */
        dm_table_desc tu = *t;
        char *fp_unread = tp.had_unread ? dm_xasprintf("unread:%s", t->fingerprint ? t->fingerprint : "") : NULL;
        if (fp_unread)
            tu.fingerprint = fp_unread;
        dm_status src_rc = store_table(p, asset, &tu, &tp, &tid, &err);
        free(fp_unread);
        if (src_rc) {
            dm_pipeline_problem(p, t->location, "catalog: %s", err.msg);
            p->catalog_failed = true;   /* reading more tables would only fail the same way */
            all_ok = false;
        } else {
            if (k == NULL)
                keep[nkeep++] = tid;    /* a new table */
            if (do_classify && p->opts.write_comments)
                write_comments(p, s, t, &tp);
        }
        tp_free(&tp);
    }
    /* classified only after a complete crawl: a partly crawled asset stays
     * where it is and the next run finishes it */
    bool cataloged = (crawl && all_ok) || strcmp(asset->state, DM_ASSET_DISCOVERED) != 0;
    bool mark_classified = classify && all_ok && cataloged;
    if (crawl && all_ok) {
        /* the asset's end in one transaction (one commit less per asset) */
        if ((rc = dm_catalog_begin(p->cat, &err)) == DM_OK) {
            rc = dm_catalog_table_mark_vanished(p->cat, asset->id, keep, nkeep, &err);
            if (rc == DM_OK)
                rc = dm_catalog_asset_set_state(p->cat, asset->id, DM_ASSET_CATALOGED, NULL, &err);
            if (rc == DM_OK && mark_classified)
                rc = dm_catalog_asset_set_state(p->cat, asset->id, DM_ASSET_CLASSIFIED, NULL, &err);
            if (rc == DM_OK)
                rc = dm_catalog_commit(p->cat, &err);
            else
                dm_catalog_rollback(p->cat);
        }
        if (rc)
            dm_pipeline_problem(p, asset->location, "catalog: %s", err.msg);
        mark_classified = false;
    }
    if (mark_classified) {
        if (dm_catalog_asset_set_state(p->cat, asset->id, DM_ASSET_CLASSIFIED, NULL, &err))
            dm_pipeline_problem(p, asset->location, "catalog: %s", err.msg);
    }
out:
    if (nt > counted)
        dm_progress_done(0, (int64_t)(nt - counted), 0);
    if (listed) {
        char *uj = unread_json(&unread);
        dm_error e2 = {0};
        if (dm_catalog_asset_set_unread(p->cat, asset->id, uj, &e2))
            dm_pipeline_problem(p, asset->location, "catalog: %s", e2.msg);
        for (size_t i = 0; i < unread.n; i++)
            p->stats.files_unread += unread.v[i].files;
        free(uj);
    }
    free(unread.v);
    free(keep);
    dm_table_list_free(known, nknown);
    dm_table_desc_free_list(s, tables, nt);
    dm_source_close(s);
    return rc;
}

/* The stages, then the asset's error as the inventory shows it: the first
 * problem of this asset (and how many), or none once it went through. A
 * run stopped by a signal or a failed catalog is not the asset's fault and
 * changes nothing. */
dm_status dm_pipeline_asset(dm_pipeline *p, const dm_source_rec *src, const dm_asset_rec *asset, bool crawl,
                            bool classify)
{
    size_t first = p->nproblems;
    dm_status rc = asset_stages(p, src, asset, crawl, classify);
    dm_progress_done(1, 0, 0);
    if (must_stop(p))
        return rc;
    size_t n = p->nproblems - first;
    char *msg = NULL;
    if (n > 0) {
        const dm_problem *pr = &p->problems[first];
        /* a file inside the asset: named from the asset's location on */
        const char *where = pr->target;
        size_t ll = asset->location ? strlen(asset->location) : 0;
        if (ll && strncmp(where, asset->location, ll) == 0)
            where = where[ll] == '/' ? where + ll + 1 : where + ll;
        msg = dm_xasprintf("%s%s%s", where, *where ? ": " : "", pr->message);
        if (n > 1) {
            char *all = dm_xasprintf("%zu problems; first: %s", n, msg);
            free(msg);
            msg = all;
        }
    }
    if ((msg != NULL || asset->last_error != NULL) && !p->catalog_failed) {
        dm_error err = {0};
        if (dm_catalog_asset_set_error(p->cat, asset->id, msg, &err) != DM_OK)
            dm_warn("%s: could not record its error: %s", asset->location, err.msg);
    }
    free(msg);
    return rc;
}

/* ---- tags ------------------------------------------------------------------------ */

dm_status dm_pipeline_tags(dm_pipeline *p, const dm_source_rec *src, const dm_asset_rec *asset)
{
    dm_source *s = NULL;
    dm_kvlist tags = {0};
    const char **keys = NULL, **vals = NULL;     /* tags' strings, as the catalog takes them */
    const char *origin = "store";
    dm_error err = {0};
    dm_status rc;

    if ((rc = dm_source_open(src->url, src->options_json, &s, &err))) {
        dm_pipeline_problem(p, asset->location, "%s", err.msg);
        return rc;
    }
    dm_asset_desc ad = {asset->name, asset->kind, asset->location, asset->region};
    if ((rc = dm_source_read_tags(s, &ad, &tags, &origin, &err))) {
        dm_pipeline_problem(p, asset->location, "tags: %s", err.msg);
        goto out;
    }
    if ((rc = dm_catalog_begin(p->cat, &err)) == DM_OK) {
        keys = dm_xcalloc(tags.n + 1, sizeof *keys);
        vals = dm_xcalloc(tags.n + 1, sizeof *vals);
        for (size_t i = 0; i < tags.n; i++) {
            keys[i] = tags.v[i].key;
            vals[i] = tags.v[i].value;
        }
        rc = dm_catalog_tags_put(p->cat, asset->id, origin, keys, vals, tags.n, &err);
        /* the source's own --tag values apply to every asset */
        if (rc == DM_OK && src->tags_json && *src->tags_json) {
            json_error_t jerr;
            json_t *obj = json_loads(src->tags_json, 0, &jerr);
            const char *k;
            json_t *v;
            size_t nt = obj ? json_object_size(obj) : 0, i = 0;
            const char **tk = dm_xcalloc(nt + 1, sizeof *tk), **tv = dm_xcalloc(nt + 1, sizeof *tv);
            json_object_foreach(obj, k, v)
            {
                if (json_is_string(v)) {
                    tk[i] = k;
                    tv[i] = json_string_value(v);
                    i++;
                }
            }
            rc = dm_catalog_tags_put(p->cat, asset->id, "source", tk, tv, i, &err);
            free(tk);
            free(tv);
            json_decref(obj);
        }
        if (rc == DM_OK)
            rc = dm_catalog_commit(p->cat, &err);
        else
            dm_catalog_rollback(p->cat);
    }
    if (rc)
        dm_pipeline_problem(p, asset->location, "catalog: %s", err.msg);
    /* store facts for the report, where the driver reads them */
    char *facts = NULL;
    if (rc == DM_OK) {
        if ((rc = dm_source_read_facts(s, &ad, &facts, &err)) == DM_OK && facts)
            rc = dm_catalog_asset_set_facts(p->cat, asset->id, facts, &err);
        if (rc)
            dm_pipeline_problem(p, asset->location, "facts: %s", err.msg);
    }
    free(facts);
out:
    free(keys);
    free(vals);
    dm_kv_free(&tags);
    dm_source_close(s);
    return rc;
}
