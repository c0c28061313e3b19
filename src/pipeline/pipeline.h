/*
 * Pipeline: discover, crawl, classify and tags over the catalog.
 *
 * Each step works target by target (a source, an asset, a table) and commits
 * each target's result in one catalog transaction, so an interruption loses
 * at most the target under way. A problem with one target is recorded
 * (dm_pipeline_problem: logged on stderr, kept for the JSON "errors" array
 * and the exit status) and the others still run.
 */
#ifndef DM_PIPELINE_PIPELINE_H
#define DM_PIPELINE_PIPELINE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "catalog/catalog.h"
#include "detect/engine.h"
#include "formats/encoding.h"

typedef struct dm_pipeline_opts {
    uint64_t rows;              /* rows sampled per table; UINT64_MAX = all */
    dm_classify_opts classify;
    const char *only, *except;  /* entity filters */
    const dm_config *allow;     /* its classify.allow.* lists; NULL: none */
    bool force;                 /* ignore fingerprints: redo everything */
    bool progress;              /* progress line on stderr */
    /* --jobs: threads that classify one table's columns, the reader's
     * included (results are those of 1; see colpar.h). 0 or 1: the reader
     * alone. */
    int jobs;
    bool write_comments;        /* classify: findings into the store's column comments where it has them */
    dm_encoding encoding;       /* --encoding: text files read in it; DM_ENC_AUTO detects */
    /* Set by a signal handler or another thread (SIGTERM): the table under
     * way stops being read, is not stored (a problem says so) and no other
     * table is read. NULL: never. */
    const atomic_bool *stop;
} dm_pipeline_opts;

#define DM_PIPELINE_DEFAULT_ROWS 10000

typedef struct dm_problem {
    char *target;
    char *message;
} dm_problem;

typedef struct dm_pipeline_stats {
    uint64_t assets_new, assets_seen, assets_vanished;
    uint64_t tables_crawled, tables_skipped, tables_classified;
    uint64_t files_unread;      /* files of the stores listed that were not read (assets' unread_json) */
    uint64_t rows_read, columns_personal;
    uint64_t bytes_read;    /* bytes of the cells read (values, not file bytes) */
} dm_pipeline_stats;

typedef struct dm_pipeline dm_pipeline;

dm_status dm_pipeline_new(dm_catalog *cat, const dm_pipeline_opts *opts, const char *command, dm_pipeline **out,
                          dm_error *err);
/* Ends the run in the catalog (status ok, or failed when problems were
 * recorded; a failure to record it is logged) and clears the progress line.
 * Once; later calls and NULL do nothing. */
void dm_pipeline_finish(dm_pipeline *p);
/* Frees, without I/O: a pipeline not finished leaves its run open in the
 * catalog (as a crash would). */
void dm_pipeline_free(dm_pipeline *p);

/* Find the source's assets; record new ones, refresh seen ones, mark
 * vanished ones deleted. */
dm_status dm_pipeline_discover(dm_pipeline *p, const dm_source_rec *src);
/* Crawl and/or classify the tables of one asset (one read serves both). */
dm_status dm_pipeline_asset(dm_pipeline *p, const dm_source_rec *src, const dm_asset_rec *asset, bool crawl,
                            bool classify);
/* Capture the asset's tags from the store and from the source's --tag. */
dm_status dm_pipeline_tags(dm_pipeline *p, const dm_source_rec *src, const dm_asset_rec *asset);

void dm_pipeline_problem(dm_pipeline *p, const char *target, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const dm_problem *dm_pipeline_problems(const dm_pipeline *p, size_t *n);
const dm_pipeline_stats *dm_pipeline_get_stats(const dm_pipeline *p);
const dm_engine *dm_pipeline_engine(const dm_pipeline *p);

#endif
