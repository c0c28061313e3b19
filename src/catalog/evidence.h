/*
 * A finding's evidence as stored (findings.evidence_json)
 *
 * Most findings keep a JSON array of masked examples: ["j***@e***.com"]. A
 * category-level finding (NATIONAL_ID: a column mixing the national IDs of
 * several countries) keeps an object instead, so the types inside it and
 * their shares survive without a column of their own:
 *
 *     {"examples": ["1*******L", ...], "category": "user.government_id...",
 *      "members": [{"type": "SPAIN_DNI", "matches": 330, "ratio": 0.165}, ...]}
 *
 * Readers take the examples and the members from either form here.
 */
#ifndef DM_CATALOG_EVIDENCE_H
#define DM_CATALOG_EVIDENCE_H

#include <jansson.h>

/* The masked examples (a new reference to an array, empty when there are
 * none or the text is not JSON); *members (when not NULL) gets a new
 * reference to the members array, or NULL for an ordinary finding; *category
 * likewise the category string object, or NULL. */
json_t *dm_evidence_parse(const char *evidence_json, json_t **members, json_t **category);

#endif
