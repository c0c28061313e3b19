/*
 * JSON helpers over jansson.
 */
#ifndef DM_CORE_JSON_H
#define DM_CORE_JSON_H

#include <jansson.h>

/* A JSON string for s, never NULL: json null for NULL, and a text that is
 * not valid UTF-8 (a hostile table name) with each byte >= 0x80 as '?'. */
json_t *dm_json_str(const char *s);

#endif
