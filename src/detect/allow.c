/*
 * Allow lists (allow.h): exact values in one open-addressing table keyed by
 * (entity, folded value), patterns compiled once per rule.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "detect/allow.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/mem.h"

#define ALL_ENT SIZE_MAX    /* a rule of allow.*.all */

typedef struct exact_slot {
    uint64_t hash;          /* 0: empty */
    size_t ent;
    char *value;            /* folded (ASCII lower case) */
    size_t len;
} exact_slot;

typedef struct pattern_rule {
    size_t ent;
    pcre2_code *code;
} pattern_rule;

struct dm_allow {
    exact_slot *slots;
    size_t mask;            /* slots - 1; no slots: no exact values */
    pattern_rule *patterns;
    size_t npatterns;
};

struct dm_allow_scratch {
    pcre2_match_data *md;
};

static inline unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Spaces at either end never matter: cells are trimmed before the engine
 * sees them, and a value in YAML may carry some. */
static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

static uint64_t key_hash(size_t ent, const char *s, size_t n)
{
    uint64_t h = dm_fnv64(DM_FNV64_INIT, &ent, sizeof ent);
    for (size_t i = 0; i < n; i++)
        h = dm_fnv64_byte(h, fold((unsigned char)s[i]));
    return h ? h : 1;
}

static bool same(const exact_slot *e, size_t ent, const char *s, size_t n)
{
    if (e->ent != ent || e->len != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)e->value[i] != fold((unsigned char)s[i]))
            return false;
    return true;
}

static bool exact_has(const dm_allow *a, size_t ent, const char *s, size_t n, uint64_t h)
{
    for (size_t i = h & a->mask;; i = (i + 1) & a->mask) {
        const exact_slot *e = &a->slots[i];
        if (e->hash == 0)
            return false;
        if (e->hash == h && same(e, ent, s, n))
            return true;
    }
}

static void exact_add(dm_allow *a, size_t ent, const char *s, size_t n)
{
    trim(&s, &n);
    uint64_t h = key_hash(ent, s, n);
    if (exact_has(a, ent, s, n, h))
        return;
    size_t i = h & a->mask;
    while (a->slots[i].hash)
        i = (i + 1) & a->mask;
    char *v = dm_xmalloc(n + 1);
    for (size_t k = 0; k < n; k++)
        v[k] = (char)fold((unsigned char)s[k]);
    v[n] = '\0';
    a->slots[i] = (exact_slot){h, ent, v, n};
}

static dm_status resolve(const dm_config *cfg, const char *key, const dm_config_allow *r,
                         int (*find)(const void *, const char *), const void *ctx, size_t *ent, dm_error *err)
{
    if (strcmp(r->entity, "all") == 0) {
        *ent = ALL_ENT;
        return DM_OK;
    }
    int id = find(ctx, r->entity);
    if (id < 0)
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: %s.%s: unknown entity type '%s' (`datamap entities` lists them)",
                       cfg->path ? cfg->path : "config", r->line, key, r->entity, r->entity);
    *ent = (size_t)id;
    return DM_OK;
}

dm_status dm_allow_new(const dm_config *cfg, int (*find)(const void *, const char *), const void *ctx,
                       dm_allow **out, dm_error *err)
{
    *out = NULL;
    if (cfg == NULL || (cfg->nallow_values == 0 && cfg->nallow_patterns == 0))
        return DM_OK;
    dm_allow *a = dm_xcalloc(1, sizeof *a);
    dm_status rc = DM_OK;
    size_t nvalues = 0;
    for (size_t i = 0; i < cfg->nallow_values; i++)
        nvalues += cfg->allow_values[i].nitems;
    size_t nslots = 16;
    while (nslots < 2 * nvalues + 1)
        nslots *= 2;
    a->slots = dm_xcalloc(nslots, sizeof *a->slots);
    a->mask = nslots - 1;
    for (size_t i = 0; i < cfg->nallow_values && rc == DM_OK; i++) {
        const dm_config_allow *r = &cfg->allow_values[i];
        size_t ent = ALL_ENT;
        if ((rc = resolve(cfg, "classify.allow.values", r, find, ctx, &ent, err)) != DM_OK)
            break;
        for (size_t k = 0; k < r->nitems; k++)
            exact_add(a, ent, r->items[k], strlen(r->items[k]));
    }
    for (size_t i = 0; i < cfg->nallow_patterns && rc == DM_OK; i++) {
        const dm_config_allow *r = &cfg->allow_patterns[i];
        size_t ent = ALL_ENT;
        if ((rc = resolve(cfg, "classify.allow.patterns", r, find, ctx, &ent, err)) != DM_OK)
            break;
        a->patterns = dm_xrealloc(a->patterns, (a->npatterns + r->nitems) * sizeof *a->patterns);
        for (size_t k = 0; k < r->nitems && rc == DM_OK; k++) {
            int code;
            PCRE2_SIZE off;
            pcre2_code *re = pcre2_compile((PCRE2_SPTR)r->items[k], PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                           &code, &off, NULL);
            if (re == NULL) {
                PCRE2_UCHAR msg[160];
                pcre2_get_error_message(code, msg, sizeof msg);
                rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: classify.allow.patterns.%s: '%s' is not a pattern: %s at offset %zu",
                             cfg->path ? cfg->path : "config", r->line, r->entity, r->items[k], (const char *)msg,
                             (size_t)off);
                break;
            }
            pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);  /* the interpreter is the fallback */
            a->patterns[a->npatterns++] = (pattern_rule){ent, re};
        }
    }
    if (rc != DM_OK) {
        dm_allow_free(a);
        return rc;
    }
    *out = a;
    return DM_OK;
}

void dm_allow_free(dm_allow *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; a->slots && i <= a->mask; i++)
        free(a->slots[i].value);
    free(a->slots);
    for (size_t i = 0; i < a->npatterns; i++)
        pcre2_code_free(a->patterns[i].code);
    free(a->patterns);
    free(a);
}

dm_allow_scratch *dm_allow_scratch_new(const dm_allow *a)
{
    dm_allow_scratch *s = dm_xcalloc(1, sizeof *s);
    if (a != NULL && a->npatterns) {
        s->md = pcre2_match_data_create(1, NULL);   /* whole-match only: one pair is enough */
        if (s->md == NULL) {
            fputs("datamap: out of memory\n", stderr);
            abort();
        }
    }
    return s;
}

void dm_allow_scratch_free(dm_allow_scratch *s)
{
    if (s == NULL)
        return;
    pcre2_match_data_free(s->md);
    free(s);
}

bool dm_allow_match(const dm_allow *a, dm_allow_scratch *sc, size_t ent, const char *s, size_t n)
{
    trim(&s, &n);
    if (exact_has(a, ent, s, n, key_hash(ent, s, n)) || exact_has(a, ALL_ENT, s, n, key_hash(ALL_ENT, s, n)))
        return true;
    for (size_t i = 0; i < a->npatterns; i++) {
        const pattern_rule *p = &a->patterns[i];
        if (p->ent != ent && p->ent != ALL_ENT)
            continue;
        /* the whole value: from its first character to its last */
        int r = pcre2_match(p->code, (PCRE2_SPTR)s, n, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                            sc->md, NULL);
        if (r >= 0)
            return true;
    }
    return false;
}
