/*
 * Helpers shared by the entity tests (tests/unit/test_entities_*.c): one
 * engine per test binary, validators run on a span the way the engine cuts
 * it, finders run on a cell, and columns classified through the engine.
 * Included after <cmocka.h>; everything is static inline so a test uses
 * what it needs.
 */
#ifndef DM_ENTITY_TESTLIB_H
#define DM_ENTITY_TESTLIB_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "detect/engine.h"

static dm_engine *eng;

static inline int engine_setup(void **state)
{
    dm_error err = {0};
    (void)state;
    return dm_engine_new(NULL, &eng, &err) == DM_OK ? 0 : -1;
}

static inline int engine_teardown(void **state)
{
    (void)state;
    dm_engine_free(eng);
    return 0;
}

/* An entity of the registry by name; fails the test when unknown. */
static inline const dm_entity_def *entity(const char *name)
{
    int id = dm_engine_find(eng, name);
    if (id < 0)
        fail_msg("no entity %s", name);
    return dm_engine_entity(eng, (size_t)id);
}

/* Validate `sub`, a part of `cell` (the whole cell when sub is NULL), as
 * one tier-1 span, with the cell around it for context. */
static inline dm_verdict check_in(dm_validate_fn fn, const char *cell, const char *sub)
{
    static char norm[DM_SPAN_MAX_NORM + 1];
    dm_span sp;
    const char *p = strstr(cell, sub ? sub : cell);
    if (p == NULL || !dm_span_whole(p, strlen(sub ? sub : cell), &sp, norm))
        return DM_NO;
    size_t off = (size_t)(p - cell);
    sp.cell = cell;
    sp.cell_len = strlen(cell);
    sp.start += off;
    sp.end += off;
    for (int i = 0; i < sp.ngroups; i++)
        sp.gpos[i] = (uint16_t)(sp.gpos[i] + off);
    return fn(&sp);
}

/* Validate the whole string; it must be one tier-1 run. */
static inline dm_verdict check(dm_validate_fn fn, const char *s)
{
    dm_span sp;
    char norm[DM_SPAN_MAX_NORM + 1];
    if (!dm_span_whole(s, strlen(s), &sp, norm))
        fail_msg("not one tier-1 run: %s", s);
    return fn(&sp);
}

/* By entity name. */
static inline dm_verdict vin(const char *name, const char *cell, const char *sub)
{
    return check_in(entity(name)->validate, cell, sub);
}

static inline dm_verdict v(const char *name, const char *value)
{
    return vin(name, value, NULL);
}

/* Detections of a column of these cells under this name (threshold 0.1). */
static inline size_t classify(const char *col, const char *const *cells, size_t n, dm_detection *det, size_t max)
{
    dm_colstats *cs = dm_colstats_new(eng, col);
    for (size_t i = 0; i < n; i++)
        dm_colstats_add(cs, cells[i], strlen(cells[i]));
    dm_classify_opts o = {0.1, 1};
    size_t nd = dm_colstats_verdict(cs, &o, det, max);
    dm_colstats_free(cs);
    return nd;
}

static inline const dm_detection *find_det(const dm_detection *det, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(det[i].entity->name, name) == 0)
            return &det[i];
    return NULL;
}

/* Whether a column of these cells, under this name, holds entity `name`. */
static inline bool column_has(const char *colname, const char *const *cells, size_t n, const char *name)
{
    dm_detection det[32];
    (void)entity(name);
    return find_det(det, classify(colname, cells, n, det, 32), name) != NULL;
}

/* The share of a NULL-terminated column's cells that count for entity `name`
 * under this column name, or -1 when the column does not get it. */
static inline double column_share(const char *colname, const char *const *cells, const char *name)
{
    size_t n = 0;
    while (cells[n])
        n++;
    dm_detection det[32];
    (void)entity(name);
    const dm_detection *d = find_det(det, classify(colname, cells, n, det, 32), name);
    return d ? d->ratio : -1;
}

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Every digit of a valid value changed by +1 and by -1 (mod 10) fails the
 * validator, except at the offsets listed in skip (characters '0' + offset;
 * NULL: none), where the check's weights cannot see a change. */
static inline void each_digit_breaks(dm_validate_fn fn, const char *valid, const char *skip)
{
    char buf[64];
    assert_int_not_equal(check(fn, valid), DM_NO);
    for (size_t i = 0; valid[i]; i++) {
        if (valid[i] < '0' || valid[i] > '9' || (skip && strchr(skip, (char)('0' + i))))
            continue;
        for (int delta = 1; delta <= 9; delta += 8) {
            snprintf(buf, sizeof buf, "%s", valid);
            buf[i] = (char)('0' + (valid[i] - '0' + delta) % 10);
            if (check(fn, buf) != DM_NO)
                fail_msg("%s accepted with position %zu changed", buf, i);
        }
    }
}

/* Whether an entity comes from table (by name: tables hold copies). */
static inline bool in_table(const dm_entity_def *table, const dm_entity_def *e)
{
    for (const dm_entity_def *d = table; d->name; d++)
        if (strcmp(d->name, e->name) == 0)
            return true;
    return false;
}

/* 500 random numbers of each length from 8 to 16 digits (no leading 0),
 * under a neutral column name: no entity for which ours() is true may
 * claim them. seed makes the numbers differ between test files. */
static inline void random_numbers_unclaimed(uint32_t seed, bool (*ours)(const dm_entity_def *e))
{
    static char cells[500][24];
    const char *ptrs[500];
    for (int len = 8; len <= 16; len++) {
        for (int i = 0; i < 500; i++) {
            for (int k = 0; k < len; k++) {
                seed = seed * 1103515245u + 12345u;
                cells[i][k] = (char)('0' + ((seed >> 16) % 10));
            }
            if (cells[i][0] == '0')
                cells[i][0] = '1';
            cells[i][len] = '\0';
            ptrs[i] = cells[i];
        }
        dm_detection det[32];
        size_t nd = classify("reference", ptrs, 500, det, 32);
        for (size_t i = 0; i < nd; i++)
            if (ours(det[i].entity))
                fail_msg("%d-digit random numbers classified as %s (%.3f)", len, det[i].entity->name, det[i].ratio);
    }
}

#endif
