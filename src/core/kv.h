/*
 * Key/value lists
 *
 * An ordered list of owned key/value strings: tags read from a store, the
 * pairs of a "key=value; key=value" comment, a config map. Small (tens of
 * entries), so lookups are linear.
 *
 *     dm_kvlist tags = {0};
 *     dm_kv_set(&tags, "Purpose", "Billing", false);
 *     const char *v = dm_kv_get(&tags, "Purpose");
 *     dm_kv_free(&tags);
 */
#ifndef DM_CORE_KV_H
#define DM_CORE_KV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dm_kv {
    char *key, *value;
} dm_kv;

typedef struct dm_kvlist {
    dm_kv *v;
    size_t n, cap;
} dm_kvlist;

/* Add key=value (both copied). A key already present keeps its first value
 * unless replace is true. Returns whether the list changed. */
bool dm_kv_set(dm_kvlist *l, const char *key, const char *value, bool replace);
/* The same with lengths (the bytes need no NUL). */
bool dm_kv_setn(dm_kvlist *l, const char *key, size_t klen, const char *value, size_t vlen, bool replace);
/* The value of key (exact match), or NULL. */
const char *dm_kv_get(const dm_kvlist *l, const char *key);
/* Frees every string and the array; the list is empty afterwards. */
void dm_kv_free(dm_kvlist *l);

#endif
