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
#include <stddef.h>
#include <string.h>

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

/*
 * Format-only numbers (documents.c, glue_more.c). Whether the span follows
 * `pat`: 'd' a digit, 'l' a letter, 'a' either, an upper-case letter itself,
 * ' ' '-' '.' '/' a group boundary (any joiner: the shape keys, exact, choose
 * the joiners). The span must have exactly the pattern's groups: "lddddddd"
 * is one run of 8, "l ddddddd" a letter and 7 digits apart.
 */
static inline bool follows(const dm_span *s, const char *pat)
{
    size_t k = 0;
    int g = 0, glen = 0;
    for (const char *p = pat;; p++) {
        if (*p == 0 || strchr(" -./", *p) != NULL) {
            if (g >= s->ngroups || s->glen[g] != glen)
                return false;
            g++;
            glen = 0;
            if (*p == 0)
                break;
            continue;
        }
        if (k >= s->norm_len)
            return false;
        char c = s->norm[k++];
        bool ok = *p == 'd' ? is_digit(c) : *p == 'l' ? is_upper(c) : *p == 'a' ? is_digit(c) || is_upper(c)
                                                                                 : c == *p;
        if (!ok)
            return false;
        glen++;
    }
    return g == s->ngroups && k == s->norm_len;
}

/* The span follows one of `pats` (NULL-terminated), has a non-zero digit,
 * is not all one digit, and is not a piece of a longer number. */
static inline bool document_like(const dm_span *s, const char *const *pats)
{
    bool any = false;
    for (const char *const *p = pats; *p && !any; p++)
        any = follows(s, *p);
    if (!any)
        return false;
    size_t nd = 0;
    bool nonzero = false;
    char first = 0;
    bool same = true;
    for (size_t i = 0; i < s->norm_len; i++) {
        char c = s->norm[i];
        if (!is_digit(c))
            continue;
        if (nd++ == 0)
            first = c;
        same = same && c == first;
        nonzero = nonzero || c != '0';
    }
    if (nd > 0 && (!nonzero || (same && nd >= 6)))
        return false;
    return !dm_piece_of_longer(s);
}

/* One table row from the statics named PFX_shapes, PFX_hints, PFX_context,
 * PFX_examples and PFX_counter (any may be a NULL-valued #define). */
#define ENTITY(nm, reg, cat, desc, pfx, fn, fl) \
    { \
        .name = nm, .region = reg, .category = cat, .description = desc, .shapes = pfx##_shapes, \
        .validate = fn, .hints = pfx##_hints, .context = pfx##_context, .examples = pfx##_examples, \
        .counterexamples = pfx##_counter, .flags = fl, \
    }

/* validate_X for a format-only number: the span follows one of X_fmt's
 * patterns (document_like) and, when check is not NULL, check(norm, len)
 * passes; WEAK at best, so it counts only under the country's words. */
#define DOC_VALIDATOR(x, check) \
    static dm_verdict validate_##x(const dm_span *s) \
    { \
        bool (*fn)(const char *, size_t) = check; \
        if (!document_like(s, x##_fmt) || (fn != NULL && !fn(s->norm, s->norm_len))) \
            return DM_NO; \
        return DM_WEAK; \
    }

#endif
