/*
 * What every entity file under src/detect/entities/ shares: the entity
 * definition (entity.h), the check-digit and span helpers (checks.h), the
 * data categories (category.h), byte-class tests, and the ENTITY row macro.
 *
 * Adding an entity type: write its shapes, validator (or finder), hints,
 * context words, examples and counterexamples as statics named after one
 * prefix (se_pn_shapes, se_pn_hints, ...), then add one row to the file's
 * table:
 *
 *     ENTITY("SWEDEN_PERSONAL_NUMBER", "SE", DM_CAT_NATIONAL_ID,
 *            "Swedish personnummer: YYMMDD-NNNC, Luhn", se_pn, validate_se_pn, 0),
 *
 * A new file adds its table to entity.h and engine.c's region_tables.
 */
#ifndef DM_DETECT_ENTITIES_ENTITY_IMPL_H
#define DM_DETECT_ENTITIES_ENTITY_IMPL_H

#include <stdbool.h>

#include "detect/category.h"
#include "detect/checks.h"
#include "detect/entity.h"

static inline bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static inline bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static inline bool is_alpha(char c)
{
    return is_upper(c) || is_lower(c);
}

/* The number written by two ASCII digits at d. */
static inline int two(const char *d)
{
    return (d[0] - '0') * 10 + (d[1] - '0');
}

/* One table row from the statics named PFX_shapes, PFX_hints, PFX_context,
 * PFX_examples and PFX_counter (any may be a NULL-valued #define). */
#define ENTITY(nm, reg, cat, desc, pfx, fn, fl) \
    { \
        .name = nm, .region = reg, .category = cat, .description = desc, .shapes = pfx##_shapes, \
        .validate = fn, .hints = pfx##_hints, .context = pfx##_context, .examples = pfx##_examples, \
        .counterexamples = pfx##_counter, .flags = fl, \
    }

#endif
