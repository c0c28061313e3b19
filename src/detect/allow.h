/*
 * Allow lists (the engine's side of classify.allow.*, as Macie's allow lists)
 *
 * Values a person says are never to be reported: test addresses, a company's
 * switchboard number, the sample card of a payment provider. Per entity type
 * or for all of them, exact values (case ignored) or PCRE2 patterns matched
 * against the whole value. The engine asks for every hit it would count:
 * the value found (the hit's span) and the whole cell are tried, so both
 * "noreply@example.com" and a cell "Tel. +44 20 7946 0000" can be listed.
 *
 * Built once with the engine, then read-only; a match needs a dm_allow_scratch
 * of its own per thread (each dm_colstats has one).
 */
#ifndef DM_DETECT_ALLOW_H
#define DM_DETECT_ALLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/error.h"

typedef struct dm_allow dm_allow;
typedef struct dm_allow_scratch dm_allow_scratch;

/* Entity names resolve through find (an entity id, or -1 when unknown).
 * *out is NULL when cfg lists nothing. Errors (DM_ERR_CONFIG) name the file,
 * the line, the key and the entity or the pattern. */
dm_status dm_allow_new(const dm_config *cfg, int (*find)(const void *ctx, const char *name), const void *ctx,
                       dm_allow **out, dm_error *err);
void dm_allow_free(dm_allow *a);

dm_allow_scratch *dm_allow_scratch_new(const dm_allow *a);
void dm_allow_scratch_free(dm_allow_scratch *s);

/* Whether s[0, n) is allow-listed for entity ent. */
bool dm_allow_match(const dm_allow *a, dm_allow_scratch *sc, size_t ent, const char *s, size_t n);

#endif
