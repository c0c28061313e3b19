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
 *   controller:                   # Art. 30(1)(a), for `datamap report`; all optional
 *     name: Example Ltd
 *     contact: privacy@example.com, 1 Main St, London
 *     joint_controller: Example Group plc
 *     representative: Example EU Rep GmbH (Art. 27)
 *     dpo: Jane Doe, dpo@example.com
 *   report:
 *     stale_days: 30              # classified longer ago than this is a gap (default 30)
 *   tag_mapping:                  # report field -> tag keys (a list, or one key); a field
 *     purpose: [Purpose of Processing, Zweck]   # listed here replaces its default keys
 *     legal_basis: Lawful Basis
 *   schedule:                     # `datamap serve`: cron expressions (src/core/cron.h), or off
 *     timezone: Europe/Berlin     # IANA zone the expressions are read in (default UTC);
 *                                 #   daylight saving as in cron.h ("Time zones")
 *     discover: "0 * * * *"       # defaults: hourly
 *     crawl: "0 2 * * *"          #   daily at 02:00
 *     classify: "0 6 * * 1-5"     #   weekdays at 06:00
 *     tags: "30 2 * * *"          #   daily at 02:30
 *     sources:                    # per source (a name as in `datamap source add NAME`):
 *       crm:                      #   a stage given here replaces the one above for
 *         discover: "0,30 * * * *"  #   this source, "off" included; other stages
 *         classify: "off"         #   follow the ones above. The name "all" is reserved.
 *   server:                       # `datamap serve` / `datamap worker`
 *     listen: 127.0.0.1:8080      # --listen wins
 *     workers: 2                  # worker threads; --workers wins
 *     token_file: /etc/datamap/token   # bearer token for /api (else $DATAMAP_TOKEN; none: open)
 * Tag-mapping fields (dm_config_tag_fields): purpose, data_subjects,
 * processing_activity, business_function, app_name, app_id, recipients,
 * retention, legal_basis, transfers, transfer_safeguards, security_measures,
 * special_category_basis. Keys match case- and spacing-insensitively
 * (src/report/mapping.c has the defaults).
 */
#ifndef DM_CORE_CONFIG_H
#define DM_CORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* One tag_mapping entry: a report field and the tag keys that fill it. */
typedef struct dm_config_tag_map {
    char *field;            /* one of dm_config_tag_fields */
    char **keys;            /* as written; nkeys may be 0 (an empty list) */
    size_t nkeys;
    size_t line;
} dm_config_tag_map;

/* schedule.sources.NAME: one source's own expressions. stage[i] belongs to
 * dm_config_schedule_stages[i]; NULL = the stage's expression applies,
 * "off" = never for this source, else a valid cron expression. */
#define DM_CONFIG_NSTAGES 4
typedef struct dm_config_source_schedule {
    char *source;
    char *stage[DM_CONFIG_NSTAGES];
    size_t line;
} dm_config_source_schedule;

/* "discover", "crawl", "classify", "tags", NULL: the scheduled stages. */
extern const char *const dm_config_schedule_stages[];

/* The field names tag_mapping accepts, NULL-terminated. */
extern const char *const dm_config_tag_fields[];

typedef struct dm_config {
    char *path;             /* the file read, NULL when none */
    char *catalog;
    char *log_format;
    uint64_t rows;          /* 0 = not set; UINT64_MAX = all */
    double threshold;       /* < 0 = not set */
    uint64_t min_count;     /* 0 = not set */
    char *only, *except;
    /* controller: (NULL = not set) */
    char *controller_name, *controller_contact, *controller_joint, *controller_representative, *controller_dpo;
    int64_t report_stale_days;  /* 0 = not set (default 30) */
    dm_config_tag_map *tag_mapping;   /* in file order; fields unique */
    size_t ntag_mapping;
    /* schedule: (NULL = the default; "off" = never; else a valid cron expression) */
    char *schedule_discover, *schedule_crawl, *schedule_classify, *schedule_tags;
    char *schedule_timezone;    /* NULL = UTC; else a zone dm_tz_load loaded at config time */
    dm_config_source_schedule *schedule_sources;    /* in file order; names unique */
    size_t nschedule_sources;
    /* server: (NULL / 0 = not set) */
    char *server_listen, *server_token_file;
    int server_workers;
} dm_config;

/* explicit: the --config value or NULL. A missing explicit file is an error;
 * a missing default file is not. */
dm_status dm_config_load(const char *explicit_path, dm_config *cfg, dm_error *err);
void dm_config_free(dm_config *cfg);

/* "10000" or "all" -> rows; false when invalid. */
bool dm_parse_rows(const char *s, uint64_t *rows);

#endif
