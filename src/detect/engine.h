/*
 * Detection engine (caller side)
 *
 * The engine is built once per process from the entity tables
 * (src/detect/entities/) and is then read-only: any number of threads may use
 * it at once. Work is per column: feed the sampled cells of one column into a
 * dm_colstats, then ask it for the verdict.
 *
 *     dm_engine *eng;  dm_engine_new(&opts, &eng, &err);
 *     dm_colstats *cs = dm_colstats_new(eng, "email");
 *     for (each sampled cell) dm_colstats_add(cs, cell, len);
 *     n = dm_colstats_verdict(cs, &copts, found, max);
 *
 * The engine does no I/O and never keeps a raw value: only counts and
 * masked examples leave it.
 */
#ifndef DM_DETECT_ENGINE_H
#define DM_DETECT_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "core/error.h"
#include "detect/entity.h"

typedef struct dm_engine dm_engine;

typedef struct dm_engine_opts {
    const char *only;       /* comma-separated entity names to enable, or NULL for all */
    const char *except;     /* comma-separated entity names to disable, or NULL */
    /* its classify.allow.values and .patterns (detect/allow.h): values never
     * counted; NULL: none */
    const dm_config *allow;
} dm_engine_opts;

/* Unknown names in only/except are DM_ERR_ARG naming them; an allow list
 * naming an unknown entity type or holding a bad pattern DM_ERR_CONFIG. */
dm_status dm_engine_new(const dm_engine_opts *opts, dm_engine **out, dm_error *err);

/* Per-column reuse (shape plans, shape_plan.h) is on by default; tests turn
 * it off to compare both ways. Call before any column is made. */
void dm_engine_set_reuse(dm_engine *eng, bool on);
void dm_engine_free(dm_engine *eng);

/* Every registered entity, enabled or not, in registry order. */
size_t dm_engine_count(const dm_engine *eng);
const dm_entity_def *dm_engine_entity(const dm_engine *eng, size_t id);
bool dm_engine_enabled(const dm_engine *eng, size_t id);
/* Id of an entity by name, or -1. */
int dm_engine_find(const dm_engine *eng, const char *name);
/* Whether name is a built-in entity type ("EMAIL"), without building an
 * engine (API filters check their values with it). */
bool dm_entity_name_known(const char *name);
/* The data category of a built-in entity type ("user.contact.email"), NULL
 * when the name is not one. */
const char *dm_entity_category_of(const char *name);

/* Whether a column name speaks for an entity (its hints). */
bool dm_engine_name_hints(const dm_engine *eng, size_t id, const char *column_name);

typedef struct dm_colstats dm_colstats;

dm_colstats *dm_colstats_new(const dm_engine *eng, const char *column_name);
/* A fresh column state under the same column name as like (what the
 * name says, without working it out again: ~1,600 substring searches per
 * name; callers keep one per name they see often). */
dm_colstats *dm_colstats_new_like(const dm_colstats *like);
/* Look at one cell. Empty and whitespace-only cells are not counted. */
void dm_colstats_add(dm_colstats *cs, const char *cell, size_t len);
uint64_t dm_colstats_nonempty(const dm_colstats *cs);
void dm_colstats_free(dm_colstats *cs);

typedef struct dm_classify_opts {
    double threshold;       /* share of non-empty cells; default 0.1 */
    uint64_t min_count;     /* at least this many matching cells; default 1 */
} dm_classify_opts;

#define DM_MAX_EXAMPLES 3
#define DM_EXAMPLE_LEN 48

/* One type inside a category-level finding (a mixed column): its own share
 * of the column, above the threshold or not. */
#define DM_MAX_MEMBERS 16

typedef struct dm_member {
    const dm_entity_def *entity;
    uint64_t matches;
    double ratio;
} dm_member;

typedef struct dm_detection {
    size_t entity_id;
    const dm_entity_def *entity;
    uint64_t matches;       /* cells that count for the entity */
    uint64_t sampled;       /* non-empty cells */
    double ratio;
    const char *confidence; /* "high" "medium" "low" */
    bool name_hint;         /* the column name speaks for it */
    uint64_t allowed;       /* cells where it was found but allow-listed: in no count, no example */
    int nexamples;
    char examples[DM_MAX_EXAMPLES][DM_EXAMPLE_LEN];   /* masked */
    /* A category-level entity (DM_ENT_CATEGORY, "NATIONAL_ID"): the types of
     * its category found in the column, each with its share, most first;
     * matches is their sum (at most sampled). 0 for other entities. */
    int nmembers;
    dm_member members[DM_MAX_MEMBERS];
} dm_detection;

/* Entities the column holds, best first. Returns how many were written
 * (at most max). */
size_t dm_colstats_verdict(const dm_colstats *cs, const dm_classify_opts *opts, dm_detection *out,
                           size_t max);

/* Mask a value for evidence: keeps separators and a first character or two,
 * stars the rest ("j***@e***.com", "4*** **** **** ****"). Writes at most
 * cap bytes including the NUL. */
void dm_mask(const char *value, size_t len, char *out, size_t cap);

/*
 * Tier-1 cutting, exposed for validators' unit tests: make a span of the
 * whole string (groups of letters/digits joined by joiners). Returns false
 * when the string is not one such run. norm needs DM_SPAN_MAX_NORM + 1 bytes.
 */
bool dm_span_whole(const char *s, size_t len, dm_span *sp, char *norm);

#endif
