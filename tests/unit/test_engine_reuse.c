/*
 * Neither per-column reuse nor the byte-class path changes a result.
 *
 * Reuse (shape plans, shape_plan.h): every
 * entity's published examples and look-alikes, alone, after words, inside
 * sentences and among noise, repeated in a shuffled order, are classified by
 * an engine that reuses and one that searches every cell afresh
 * (dm_engine_set_reuse), under the entity's own column name, a name that
 * says nothing and a neutral one ("#value" has the groups of a bare value
 * but not at the start of the cell, which tier 1 reads). The detections
 * (entity, counts, ratio, confidence, masked examples) must be identical.
 *
 * Paths (byte_class.h, DATAMAP_SIMD): the same columns, and random byte
 * soup of every class (joiners, '@', ':', bytes >= 0x80, other bytes, 0-80
 * bytes, so both sides of the 64-byte mask limit), give the same spans and
 * detections on the scalar byte loop and on each vector path this machine
 * has (SSE2 on every x86-64; AVX2 and AVX-512 paths are not written).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/byte_class.h"
#include "detect/engine.h"

#define CELLS 300
#define MAXDET 64

static dm_engine *reuse, *fresh;
static uint64_t rng = 0x2545F4914F6CDD1DULL;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)((rng >> 33) % n);
}

static int setup(void **state)
{
    dm_error err = {0};
    (void)state;
    if (dm_engine_new(NULL, &reuse, &err) != DM_OK || dm_engine_new(NULL, &fresh, &err) != DM_OK)
        return -1;
    dm_engine_set_reuse(fresh, false);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dm_engine_free(reuse);
    dm_engine_free(fresh);
    return 0;
}

/* Noise of every common shape: numbers of many lengths, words, codes. */
static void noise(char *out, size_t cap)
{
    static const char *const words[] = {"Alice", "BOB", "true", "n/a", "Main Street 12", "ok", "x1", "AB-12"};
    switch (rnd(4)) {
    case 0: {
        unsigned len = 1 + rnd(16);
        for (unsigned i = 0; i < len; i++)
            out[i] = (char)('0' + rnd(10));
        out[len] = '\0';
        break;
    }
    case 1:
        snprintf(out, cap, "%s", words[rnd(sizeof words / sizeof words[0])]);
        break;
    case 2:
        snprintf(out, cap, "%u-%u-%u", rnd(1000), rnd(100), rnd(10000));
        break;
    default:
        snprintf(out, cap, "%c%c%u", 'A' + rnd(26), 'A' + rnd(26), rnd(1000000));
        break;
    }
}

/* Cell i of a column of entity d's values: an example or a look-alike,
 * bare or with words around it, or noise. */
static void cell_for(const dm_entity_def *d, char *out, size_t cap)
{
    size_t nex = 0, nce = 0;
    for (const char *const *p = d->examples; p && *p; p++)
        nex++;
    for (const char *const *p = d->counterexamples; p && *p; p++)
        nce++;
    unsigned pick = rnd(10);
    const char *v = NULL;
    if (pick < 6 && nex)
        v = d->examples[rnd((unsigned)nex)];
    else if (pick < 8 && nce)
        v = d->counterexamples[rnd((unsigned)nce)];
    if (v == NULL) {
        noise(out, cap);
        return;
    }
    switch (rnd(5)) {
    case 0: snprintf(out, cap, "ref: %s", v); break;
    case 3: snprintf(out, cap, "#%s", v); break;    /* same shape, not at the start */
    case 1: snprintf(out, cap, "Please call about %s today", v); break;
    default: snprintf(out, cap, "%s", v); break;
    }
}

static void assert_same(const dm_detection *a, size_t na, const dm_detection *b, size_t nb, const char *what)
{
    if (na != nb)
        fail_msg("%s: %zu detections with reuse, %zu without", what, na, nb);
    for (size_t i = 0; i < na; i++) {
        if (a[i].entity_id != b[i].entity_id || a[i].matches != b[i].matches || a[i].sampled != b[i].sampled ||
            a[i].ratio != b[i].ratio || strcmp(a[i].confidence, b[i].confidence) != 0 ||
            a[i].name_hint != b[i].name_hint || a[i].nexamples != b[i].nexamples)
            fail_msg("%s: detection %zu differs: %s %llu/%llu %s with reuse, %s %llu/%llu %s without", what, i,
                     a[i].entity->name, (unsigned long long)a[i].matches, (unsigned long long)a[i].sampled,
                     a[i].confidence, b[i].entity->name, (unsigned long long)b[i].matches,
                     (unsigned long long)b[i].sampled, b[i].confidence);
        for (int k = 0; k < a[i].nexamples; k++)
            if (strcmp(a[i].examples[k], b[i].examples[k]) != 0)
                fail_msg("%s: %s example %d: '%s' with reuse, '%s' without", what, a[i].entity->name, k,
                         a[i].examples[k], b[i].examples[k]);
    }
}

static void every_entity_same_with_and_without_reuse(void **state)
{
    (void)state;
    static dm_detection da[MAXDET], db[MAXDET];
    size_t checked = 0, found = 0;
    for (size_t id = 0; id < dm_engine_count(reuse); id++) {
        const dm_entity_def *d = dm_engine_entity(reuse, id);
        const char *names[] = {d->hints && d->hints[0] ? d->hints[0] : d->name, "field_7", "reference"};
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            dm_colstats *ca = dm_colstats_new(reuse, names[k]);
            dm_colstats *cb = dm_colstats_new(fresh, names[k]);
            for (int i = 0; i < CELLS; i++) {
                char cell[256];
                cell_for(d, cell, sizeof cell);
                dm_colstats_add(ca, cell, strlen(cell));
                dm_colstats_add(cb, cell, strlen(cell));
            }
            dm_classify_opts o = {0.1, 1};
            size_t na = dm_colstats_verdict(ca, &o, da, MAXDET);
            size_t nb = dm_colstats_verdict(cb, &o, db, MAXDET);
            char what[160];
            snprintf(what, sizeof what, "%s under '%s'", d->name, names[k]);
            assert_same(da, na, db, nb, what);
            checked++;
            found += na > 0;
            dm_colstats_free(ca);
            dm_colstats_free(cb);
        }
    }
    /* the columns must exercise detection, not only empty verdicts */
    assert_true(found * 2 > checked);
}

/* Random bytes of every class tier 1 tells apart. */
static size_t soup(char *out, size_t max)
{
    static const char alphabet[] = "0123456789abcXYZ -./:()@#,;_+\x80\xc3\xa9";
    size_t n = rnd((unsigned)max + 1);
    for (size_t i = 0; i < n; i++)
        out[i] = alphabet[rnd(sizeof alphabet - 1)];
    out[n] = '\0';
    return n;
}

static void columns_on(dm_simd_path path, dm_detection *out, size_t *nout, size_t cap, uint64_t seed)
{
    dm_simd_path_set(path);
    rng = seed;
    size_t k = 0;
    for (size_t id = 0; id < dm_engine_count(fresh); id += 3) {
        const dm_entity_def *d = dm_engine_entity(fresh, id);
        dm_colstats *cs = dm_colstats_new(fresh, d->hints && d->hints[0] ? d->hints[0] : d->name);
        for (int i = 0; i < 60; i++) {
            char cell[256];
            if (i % 4 == 3)
                soup(cell, 80);
            else
                cell_for(d, cell, sizeof cell);
            dm_colstats_add(cs, cell, strlen(cell));
        }
        dm_classify_opts o = {0.1, 1};
        size_t n = dm_colstats_verdict(cs, &o, out + k, cap - k);
        k += n;
        dm_colstats_free(cs);
    }
    *nout = k;
}

static void every_path_same_as_scalar(void **state)
{
    (void)state;
    dm_simd_path saved = dm_simd_path_get();
    const dm_simd_path paths[] = {DM_SIMD_SSE2};
    static dm_detection ds[4096], dv[4096];
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        dm_simd_path_set(paths[p]);
        if (dm_simd_path_get() != paths[p]) {
            print_message("path %s not on this machine: skipped\n", dm_simd_path_name(paths[p]));
            continue;
        }
        /* spans of random soup */
        rng = 12345;
        for (int t = 0; t < 20000; t++) {
            char cell[96], na[DM_SPAN_MAX_NORM + 1], nb[DM_SPAN_MAX_NORM + 1];
            size_t n = soup(cell, 80);
            dm_span a, b;
            memset(&a, 0, sizeof a);
            memset(&b, 0, sizeof b);
            dm_simd_path_set(DM_SIMD_SCALAR);
            bool oka = dm_span_whole(cell, n, &a, na);
            dm_simd_path_set(paths[p]);
            bool okb = dm_span_whole(cell, n, &b, nb);
            assert_int_equal(oka, okb);
            if (!oka)
                continue;
            assert_int_equal(a.start, b.start);
            assert_int_equal(a.end, b.end);
            assert_int_equal(a.ngroups, b.ngroups);
            assert_memory_equal(a.glen, b.glen, sizeof a.glen);
            assert_memory_equal(a.gpos, b.gpos, sizeof a.gpos);
            assert_memory_equal(a.sep, b.sep, sizeof a.sep);
            assert_memory_equal(a.seplen, b.seplen, sizeof a.seplen);
            assert_string_equal(na, nb);
        }
        /* detections of columns */
        size_t ns, nv;
        columns_on(DM_SIMD_SCALAR, ds, &ns, 4096, 777);
        columns_on(paths[p], dv, &nv, 4096, 777);
        char what[64];
        snprintf(what, sizeof what, "path %s against scalar", dm_simd_path_name(paths[p]));
        assert_true(ns > 20);
        assert_same(dv, nv, ds, ns, what);
    }
    dm_simd_path_set(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_entity_same_with_and_without_reuse),
        cmocka_unit_test(every_path_same_as_scalar),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
