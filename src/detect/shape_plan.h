/*
 * Shape plans: tier 1's work for a cell shape, remembered per column
 *
 * Which validators tier 1 runs on a cell, and on which windows of groups,
 * depends only on the cell's shape: its groups' runs of letters and digits,
 * the joiners between them, whether the first group starts the cell, and the
 * column (its name's hints never change). A column holds few shapes (a
 * phone column a handful of layouts, a date column one), so the engine
 * describes each cell's shape in a few bytes, and when the column has seen
 * that description before it replays the recorded plan (window, entity) by
 * window instead of growing keys and probing the key table for every window.
 * The validators still run on the cell's own bytes, so the counts are the
 * same as without the cache: only the search for candidates is skipped.
 *
 * The cache compares whole descriptions, not hashes. It is small (a few
 * dozen shapes a column), and a column whose shapes keep changing (free
 * text) turns it off after DM_PLAN_TRIAL cells, so it costs such a column
 * one description per cell for a while and nothing after.
 */
#ifndef DM_DETECT_SHAPE_PLAN_H
#define DM_DETECT_SHAPE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DM_SHAPE_DESC_MAX 96    /* longer descriptions (many groups) are not cached */
#define DM_PLAN_MAX 40          /* a plan with more steps is not cached */
#define DM_PLAN_TRIAL 512       /* cells before a column with few repeats stops caching */

/* One validator call: the window of groups [a, b], the entity. */
typedef struct dm_plan_step {
    uint8_t a, b;
    uint16_t ent;
} dm_plan_step;

typedef struct dm_plan_cache dm_plan_cache;

dm_plan_cache *dm_plan_cache_new(void);
void dm_plan_cache_free(dm_plan_cache *pc);

/* Whether the column still caches (false once it gave up). */
bool dm_plan_cache_on(const dm_plan_cache *pc);

/* The plan recorded for this description, or NULL (then *n is untouched);
 * counts the lookup for the give-up rule. dlen 0: a cell too long to
 * describe, counted as a miss. */
const dm_plan_step *dm_plan_lookup(dm_plan_cache *pc, const unsigned char *desc, size_t dlen, size_t *n);

/* Remember the plan of a description that missed. */
void dm_plan_insert(dm_plan_cache *pc, const unsigned char *desc, size_t dlen, const dm_plan_step *steps,
                    size_t n);

#endif
