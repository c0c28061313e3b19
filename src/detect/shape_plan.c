/*
 * Shape plans (see shape_plan.h): a per-column table of descriptions and
 * their plans, open addressing over DM_PLAN_SLOTS slots with a short probe;
 * when the probe finds no free slot the first slot probed is overwritten.
 */
#include "detect/shape_plan.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

#define DM_PLAN_SLOTS 32        /* power of two */
#define DM_PLAN_PROBE 4
#define DM_PLAN_MIN_HITS 4      /* of 8 lookups in the trial, or the column stops caching */

typedef struct plan_slot {
    uint64_t hash;              /* 0: empty */
    uint8_t dlen, nsteps;
    unsigned char desc[DM_SHAPE_DESC_MAX];
    dm_plan_step steps[DM_PLAN_MAX];
} plan_slot;

struct dm_plan_cache {
    uint64_t lookups, hits;
    bool off;
    plan_slot slots[DM_PLAN_SLOTS];
};

dm_plan_cache *dm_plan_cache_new(void)
{
    return dm_xcalloc(1, sizeof(dm_plan_cache));
}

void dm_plan_cache_free(dm_plan_cache *pc)
{
    free(pc);
}

bool dm_plan_cache_on(const dm_plan_cache *pc)
{
    return pc != NULL && !pc->off;
}

static uint64_t desc_hash(const unsigned char *d, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, d + i, 8);
        h = (h ^ x) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    uint64_t x = 0;
    memcpy(&x, d + i, n - i);
    h = (h ^ x) * 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 29;
    return h ? h : 1;
}

const dm_plan_step *dm_plan_lookup(dm_plan_cache *pc, const unsigned char *desc, size_t dlen, size_t *n)
{
    pc->lookups++;
    if (dlen > 0) {
        uint64_t h = desc_hash(desc, dlen);
        for (size_t k = 0; k < DM_PLAN_PROBE; k++) {
            plan_slot *s = &pc->slots[(h + k) & (DM_PLAN_SLOTS - 1)];
            if (s->hash == 0)
                break;
            if (s->hash == h && s->dlen == dlen && memcmp(s->desc, desc, dlen) == 0) {
                pc->hits++;
                *n = s->nsteps;
                return s->steps;
            }
        }
    }
    /* a column where under half the cells repeat a shape gains little */
    if (pc->lookups == DM_PLAN_TRIAL && pc->hits * 8 < pc->lookups * DM_PLAN_MIN_HITS)
        pc->off = true;
    return NULL;
}

void dm_plan_insert(dm_plan_cache *pc, const unsigned char *desc, size_t dlen, const dm_plan_step *steps,
                    size_t n)
{
    if (pc->off || dlen == 0 || dlen > DM_SHAPE_DESC_MAX || n > DM_PLAN_MAX)
        return;
    uint64_t h = desc_hash(desc, dlen);
    plan_slot *s = &pc->slots[h & (DM_PLAN_SLOTS - 1)];
    for (size_t k = 0; k < DM_PLAN_PROBE; k++) {
        plan_slot *t = &pc->slots[(h + k) & (DM_PLAN_SLOTS - 1)];
        if (t->hash == 0) {
            s = t;
            break;
        }
    }
    s->hash = h;
    s->dlen = (uint8_t)dlen;
    s->nsteps = (uint8_t)n;
    memcpy(s->desc, desc, dlen);
    memcpy(s->steps, steps, n * sizeof *steps);
}
