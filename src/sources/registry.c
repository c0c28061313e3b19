#include "sources/source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/*
 * One line per store. Drivers other than the local folder one are declared
 * weak here, so the registry can list a store before its driver file lands
 * (a missing driver is simply not offered); each driver file defines its
 * dm_source_<name>_ops.
 */
extern const dm_source_ops dm_source_sqlite_ops __attribute__((weak));
extern const dm_source_ops dm_source_postgres_ops __attribute__((weak));
extern const dm_source_ops dm_source_postgresql_ops __attribute__((weak));
extern const dm_source_ops dm_source_mysql_ops __attribute__((weak));
extern const dm_source_ops dm_source_s3_ops __attribute__((weak));
extern const dm_source_ops dm_source_dynamodb_ops __attribute__((weak));

static const dm_source_ops *const drivers[] = {
    &dm_source_file_ops,
    &dm_source_sqlite_ops,
    &dm_source_postgres_ops,
    &dm_source_postgresql_ops,
    &dm_source_mysql_ops,
    &dm_source_s3_ops,
    &dm_source_dynamodb_ops,
};
#define NDRIVERS (sizeof drivers / sizeof drivers[0])

const dm_source_ops *dm_source_lookup(const char *url)
{
    const char *colon = strstr(url, "://");
    if (colon == NULL)
        return &dm_source_file_ops;     /* a plain path */
    size_t n = (size_t)(colon - url);
    for (size_t i = 0; i < NDRIVERS; i++)
        if (drivers[i] != NULL && strlen(drivers[i]->scheme) == n && strncmp(drivers[i]->scheme, url, n) == 0)
            return drivers[i];
    return NULL;
}

dm_status dm_source_open(const char *url, const char *options_json, dm_source **out, dm_error *err)
{
    const dm_source_ops *ops = dm_source_lookup(url);
    *out = NULL;
    if (ops == NULL) {
        const char *colon = strstr(url, "://");
        char have[128] = "";
        for (size_t i = 0; i < NDRIVERS; i++)
            if (drivers[i] != NULL && strlen(have) + strlen(drivers[i]->scheme) + 6 < sizeof have)
                snprintf(have + strlen(have), sizeof have - strlen(have), "%s%s://", *have ? ", " : "",
                         drivers[i]->scheme);
        return DM_FAIL(err, DM_ERR_ARG, "%s: unsupported URL scheme '%.*s' (this datamap knows %s and plain paths)",
                       url, (int)(colon - url), url, have);
    }
    return ops->open(url, options_json, out, err);
}

void dm_source_close(dm_source *src)
{
    if (src)
        src->ops->close(src);
}

void dm_asset_desc_free_list(dm_asset_desc *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].name);
        free(list[i].kind);
        free(list[i].location);
        free(list[i].region);
    }
    free(list);
}

void dm_table_desc_free_list(const dm_source *src, dm_table_desc *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].name);
        free(list[i].location);
        free(list[i].fingerprint);
        for (size_t k = 0; k < list[i].npartition_keys; k++)
            free(list[i].partition_keys[k]);
        free(list[i].partition_keys);
        if (src && src->ops->free_table_data && list[i].driver_data)
            src->ops->free_table_data(list[i].driver_data);
    }
    free(list);
}
