/*
 * Configuration file
 *
 * Found at --config FILE, else $DATAMAP_CONFIG, else ./datamap.yaml, else
 * $XDG_CONFIG_HOME/datamap/config.yaml (~/.config/...), else
 * /etc/datamap/config.yaml; none is fine (defaults apply). YAML. Unknown keys
 * are errors naming the key, the file and the line.
 *
 *   catalog: ./datamap.db         # or postgres://... ; --catalog and DATAMAP_CATALOG win
 *   log_format: human             # or json
 *   classify:
 *     rows: 10000                 # or all
 *     threshold: 0.1
 *     min_count: 1
 *     only: EMAIL,PHONE_NUMBER    # entity names, comma-separated
 *     except: PERSON_NAME
 */
#ifndef DM_CORE_CONFIG_H
#define DM_CORE_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

typedef struct dm_config {
    char *path;             /* the file read, NULL when none */
    char *catalog;
    char *log_format;
    uint64_t rows;          /* 0 = not set; UINT64_MAX = all */
    double threshold;       /* < 0 = not set */
    uint64_t min_count;     /* 0 = not set */
    char *only, *except;
} dm_config;

/* explicit: the --config value or NULL. A missing explicit file is an error;
 * a missing default file is not. */
dm_status dm_config_load(const char *explicit_path, dm_config *cfg, dm_error *err);
void dm_config_free(dm_config *cfg);

/* "10000" or "all" -> rows; false when invalid. */
bool dm_parse_rows(const char *s, uint64_t *rows);

#endif
