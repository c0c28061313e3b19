/*
 * Entity definitions (implementer side of the detection engine)
 *
 * Every kind of personal data is one dm_entity_def in a table of its region's
 * file under src/detect/entities/. The engine builds its lookup structures
 * from these tables once per process; nothing here does I/O.
 *
 * How a value is found:
 *
 * Tier 1, shapes. The engine cuts each cell into groups of ASCII letters and
 * digits joined by short runs of joiners (' ' '-' '.' '/' ':' '(' ')'), and
 * for every window of consecutive groups computes keys from its shape. An
 * entity lists the keys it wants in `shapes`; the validator then runs only on
 * windows whose key matches. Key syntax (D = digits, L = letters, lengths in
 * characters, ranges "a-b" expanded when the table is built):
 *
 *   "c:D9"          compact: the letters/digits with joiners removed, as runs
 *                   of one class: "123-45-6789" -> D9, "GB82 WEST 1234" -> L2D2L4D4
 *   "e:D3-D2-D4"    exact: each group as runs, with the first joiner char
 *                   between groups: "123-45-6789" -> D3-D2-D4
 *   "s:2:2:2:2:2:2" skeleton: group lengths and joiners, classes ignored
 *                   (hex-like groups: MAC addresses)
 *   "l:22:LLDD"     length and prefix: total letters+digits, then the classes
 *                   of the first four characters (IBANs, mixed IDs)
 *   "c:D9/w"        any key ending in "/w": its matches are at most WEAK
  *                   unless something precedes them in the cell, so the
 *                   engine skips the validator in columns without the
 *                   entity's hint when nothing precedes the window (bare
 *                   9-digit SSNs, account numbers without a check)
 *
 * Tier 2, finders. What has no fixed shape (emails, IPv6, street addresses,
 * names) is found by an entity's `find` function, which scans a whole cell
 * (usually from a literal anchor found with memchr: '@', ':') and emits spans.
 *
 * The validator decides, and says how much a match proves (dm_verdict): a
 * checksum that random values pass 1 time in 97 proves more than "9 digits not
 * starting with 9". The column classifier uses that: weak matches count only
 * when the column name or words in the cell support the entity (`hints`,
 * `context`); medium ones need a high share of the column or such support.
 */
#ifndef DM_DETECT_ENTITY_H
#define DM_DETECT_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DM_SPAN_MAX_GROUPS 12
#define DM_SPAN_MAX_NORM 64

typedef enum dm_verdict {
    DM_NO = 0,      /* not this entity */
    DM_WEAK,        /* plausible, but random values of this shape pass often
                     * (say > 20%): counts only with a column-name hint or
                     * context words in the cell */
    DM_MEDIUM,      /* a check random values pass about 1 time in 10 (Luhn,
                     * mod 10): counts when most of the column matches, or
                     * with a hint */
    DM_STRONG,      /* random values pass rarely (<= ~1-2%), or the format
                     * itself is distinctive (an email, "756.1234.5678.97") */
} dm_verdict;

/* One tier-1 candidate handed to a validator. */
typedef struct dm_span {
    const char *cell;       /* the whole cell: look around for context */
    size_t cell_len;
    size_t start, end;      /* the candidate is cell[start, end) */
    const char *norm;       /* its letters and digits, joiners removed,
                             * letters upper-cased, NUL-terminated */
    size_t norm_len;
    int ngroups;            /* groups of letters/digits in the candidate */
    uint8_t glen[DM_SPAN_MAX_GROUPS];   /* length of each group */
    uint16_t gpos[DM_SPAN_MAX_GROUPS];  /* offset of each group in cell
                                         * (clamped at 65535 in huge cells) */
    char sep[DM_SPAN_MAX_GROUPS];       /* sep[i]: first joiner char before
                                         * group i (i >= 1); sep[0] = 0 */
    uint8_t seplen[DM_SPAN_MAX_GROUPS]; /* joiner run length before group i */
} dm_span;

typedef dm_verdict (*dm_validate_fn)(const dm_span *s);

/* Tier-2: scan one cell, call emit for every match found. A finder may
 * also emit DM_NO over a non-empty span to say the cell is evidence against
 * its entity (PERSON_NAME: a company, a town, "Female"); a column where such
 * cells are at least a third of the cells and no fewer than the matches gets
 * no finding of the entity. */
typedef void (*dm_emit_fn)(void *emit_ctx, dm_verdict v, size_t start, size_t end);
typedef void (*dm_find_fn)(const char *cell, size_t len, dm_emit_fn emit, void *emit_ctx);

/* Flags */
#define DM_ENT_NEEDS_HINT   0x1u   /* every match is weak whatever the validator
                                    * says (DATE_OF_BIRTH: a date is personal
                                    * only under a birth-date name) */
#define DM_ENT_FREE_TEXT_OK 0x2u   /* matches inside long free text count too
                                    * (default: yes for STRONG, see engine) */
#define DM_ENT_COLUMN_GATE  0x4u   /* the finder's values count only as a
                                    * column-wide pattern (a high share, or the
                                    * column's name): in a column without the
                                    * name of it or its family, once
                                    * DM_GATE_CELLS cells have been read and
                                    * under 2% of them held a match that could
                                    * count, the finder stops for that column
                                    * (a column at the 10% threshold shows
                                    * under 2% in 256 random cells with a
                                    * chance of about 2e-6) */
#define DM_ENT_UMBRELLA     0x8u   /* the generic type of its category
                                    * (PHONE_NUMBER): where it matched text a
                                    * country-specific type of it won
                                    * (UK_PHONE_NUMBER), it counts too, as AWS
                                    * Glue reports both: a UK phone is a phone */
#define DM_ENT_CATEGORY     0x10u  /* no shapes, no finder: the category as a
                                    * whole (NATIONAL_ID), reported for a
                                    * column mixing two or more types of its
                                    * category whose shares add up to the
                                    * threshold (engine: category_finding) */
#define DM_GATE_CELLS 256

typedef struct dm_entity_def {
    const char *name;               /* Glue's name: "USA_SSN"; ours: "DATE_OF_BIRTH" */
    const char *region;             /* ISO 3166 alpha-2 ("US", "GB", "DE"), "EU", or "global" */
    const char *category;           /* Fideslang-style: "user.government_id.national_identification_number" */
    const char *description;        /* one line, for `datamap entities` */
    const char *const *shapes;      /* tier-1 keys (see above), NULL-terminated; NULL if none */
    dm_validate_fn validate;        /* required when shapes is set */
    dm_find_fn find;                /* tier-2 finder, or NULL */
    void (*init)(void);             /* optional: build dictionaries; called once, before any scan */
    const char *const *hints;       /* column-name words, lower-case, several languages:
                                     * "ssn", "social_security_number", "sozialversicherungsnummer" */
    const char *const *context;     /* words that, before a match in the same cell, support it */
    const char *const *examples;    /* valid values from the specification: must match (tests) */
    const char *const *counterexamples; /* look-alikes that must not match (tests) */
    unsigned flags;
    /* Cheap gate for `find`: the finder runs only on cells that have every
     * feature named here (DM_NEED_*), and at least min_len bytes. */
    unsigned needs;
    unsigned min_len;
    /* Column-name words that speak against the entity ("version" for
     * IP_ADDRESS): under such a name its matches count as weak, i.e. only
     * with context in the cell. Use sparingly: a name never hides a
     * distinctive value (STRONG verdicts from `find` or exact formats still
     * need a hint to be overruled, see engine). */
    const char *const *antihints;
    /* `find` also reports for the next `family` entities of the table
     * (which then need no finder of their own): entities whose values one
     * pass over the cell tells apart, as the vocabularies of special.c, so
     * the cell is read once instead of once per entity. It runs while any of
     * them is enabled; a hit for the k-th next one is emitted with
     * DM_EMIT_FOR(k, verdict). */
    unsigned family;
} dm_entity_def;

#define DM_EMIT_FOR(k, v) ((dm_verdict)((unsigned)(v) | (unsigned)(k) << 8))

#define DM_NEED_DIGIT  0x01u   /* an ASCII digit */
#define DM_NEED_LETTER 0x02u   /* an ASCII letter or a non-ASCII byte */
#define DM_NEED_UPPER  0x04u   /* an ASCII upper-case letter or a non-ASCII byte */
#define DM_NEED_AT     0x08u   /* '@' */
#define DM_NEED_COLON  0x10u   /* ':' */
#define DM_NEED_SPACE  0x20u   /* ' ' */
#define DM_NEED_HIGH   0x40u   /* a non-ASCII byte (UTF-8 text beyond ASCII: CJK plates) */

/* Region tables, each terminated by an entry with name == NULL. */
extern const dm_entity_def dm_entities_global[];   /* entities/global.c: EMAIL, CREDIT_CARD, IP, MAC, PHONE, AWS keys, BANK_ACCOUNT */
extern const dm_entity_def dm_entities_usa[];      /* entities/usa.c */
extern const dm_entity_def dm_entities_uk[];       /* entities/uk.c */
extern const dm_entity_def dm_entities_europe[];   /* entities/europe.c: <COUNTRY>_BANK_ACCOUNT (IBAN) and more */
extern const dm_entity_def dm_entities_europe_ids[];  /* entities/europe_ids.c: national IDs, personal tax numbers */
extern const dm_entity_def dm_entities_europe_vat[];  /* entities/europe_vat.c: <COUNTRY>_VALUE_ADDED_TAX */
extern const dm_entity_def dm_entities_europe_more[]; /* entities/europe_more.c: social security, tax numbers */
extern const dm_entity_def dm_entities_people[];   /* entities/people.c: PERSON_NAME, ADDRESS, DATE_OF_BIRTH */
extern const dm_entity_def dm_entities_americas[];   /* entities/americas.c: CA BR MX CL AR CO VE ids and tax numbers */
extern const dm_entity_def dm_entities_asia_pacific[];   /* entities/asia_pacific.c: IN CN HK MO TW KR JP SG MY TH ID AU NZ LK */
extern const dm_entity_def dm_entities_middle_east_africa[];   /* entities/middle_east_africa.c: IL ZA AE, TR tax number */
extern const dm_entity_def dm_entities_documents[];  /* entities/documents.c: driving licences, passports (format only) */
extern const dm_entity_def dm_entities_special[];    /* entities/special.c: Art. 9/10 special categories, GENDER */
extern const dm_entity_def dm_entities_glue_more[];  /* entities/glue_more.c: the last Glue names (AT UA CH CA MT LI CY HR IS JP BR CN) */

#endif
