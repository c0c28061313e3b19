#include "core/kv.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static dm_kv *find(const dm_kvlist *l, const char *key, size_t klen)
{
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->v[i].key) == klen && memcmp(l->v[i].key, key, klen) == 0)
            return &l->v[i];
    return NULL;
}

bool dm_kv_setn(dm_kvlist *l, const char *key, size_t klen, const char *value, size_t vlen, bool replace)
{
    dm_kv *kv = find(l, key, klen);
    if (kv) {
        if (!replace || (strlen(kv->value) == vlen && memcmp(kv->value, value, vlen) == 0))
            return false;
        free(kv->value);
        kv->value = dm_xstrndup(value, vlen);
        return true;
    }
    DM_GROW(l->v, l->cap, l->n + 1);
    l->v[l->n].key = dm_xstrndup(key, klen);
    l->v[l->n].value = dm_xstrndup(value, vlen);
    l->n++;
    return true;
}

bool dm_kv_set(dm_kvlist *l, const char *key, const char *value, bool replace)
{
    return dm_kv_setn(l, key, strlen(key), value, strlen(value), replace);
}

const char *dm_kv_get(const dm_kvlist *l, const char *key)
{
    dm_kv *kv = find(l, key, strlen(key));
    return kv ? kv->value : NULL;
}

void dm_kv_free(dm_kvlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].key);
        free(l->v[i].value);
    }
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}
