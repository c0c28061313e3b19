/*
 * Configuration file
 *
 * Found at --config FILE, else $DATAMAP_CONFIG, else ./datamap.yaml, else
 * $XDG_CONFIG_HOME/datamap/config.yaml (~/.config/...), else
 * /etc/datamap/config.yaml; none is fine (defaults apply). YAML.
 *
 * The keys are data: dm_config_keys (config.c) has one row per key with its
 * type, default, field in dm_config and help, as Fluent Bit's config maps do.
 * The parser, the defaults, dm_config_free and the key reference
 * (`datamap config keys`, docs/config.md) all come from that table, so adding
 * a key is one row and one field. Unknown keys are errors naming the key, the
 * file and the line, with the nearest known key when one is close.
 *
 *   catalog: ./datamap.db         # or postgres://... ; --catalog and DATAMAP_CATALOG win
 *   classify:
 *     threshold: 0.1
 *   tag_mapping:                  # a map: report field -> tag keys (a list, or one key)
 *     purpose: [Purpose of Processing, Zweck]
 *   schedule:
 *     discover: "0 * * * *"
 *     sources:                    # a map: source name -> stage -> cron expression or off
 *       crm:
 *         classify: "off"
 *
 * docs/config.md lists every key.
 */
#ifndef DM_CORE_CONFIG_H
#define DM_CORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

/* allow.values.NAME / allow.patterns.NAME: values never reported as the
 * entity NAME ("all": as any entity). Names are checked against the entity
 * types where the engine is built (detect/allow.c), patterns compiled there. */
typedef struct dm_config_allow {
    char *entity;           /* an entity type, or "all" */
    char **items;           /* exact values, or PCRE2 patterns */
    size_t nitems;
    size_t line;
} dm_config_allow;

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
    int64_t min_count;      /* 0 = not set */
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
    int64_t server_workers;
    int64_t server_source_concurrency;  /* 0 = no limit */
    /* allow lists, in file order; names unique per list */
    dm_config_allow *allow_values, *allow_patterns;
    size_t nallow_values, nallow_patterns;
} dm_config;

/*
 * Loading sets every key that has a default to it (parsed from the default's
 * text like a value in the file), except the schedule's: those stay NULL when
 * absent and `datamap serve` takes the default from dm_config_default(). A
 * zeroed dm_config (no file loaded) means "not set" throughout, as above.
 */

/* How a key's value is read; each has a row in config.c's type table. */
typedef enum dm_config_type {
    DM_CT_STRING,   /* char * */
    DM_CT_INT,      /* int64_t within [min, max] */
    DM_CT_NUMBER,   /* double within [min, max] */
    DM_CT_ROWS,     /* uint64_t: a positive number or "all" (UINT64_MAX) */
    DM_CT_CRON,     /* char *: a cron expression (core/cron.h) or "off" */
    DM_CT_MAP,      /* entries NAME -> value, see dm_config_map */
} dm_config_type;

typedef struct dm_config_map dm_config_map;

/* One key of the file. */
typedef struct dm_config_key {
    const char *key;        /* dotted path, "classify.threshold"; within a map entry the sub-key */
    dm_config_type type;
    const char *def;        /* the default as one would write it in the file; NULL = none */
    bool def_by_consumer;   /* the field stays NULL when absent; the consumer applies def */
    size_t offset;          /* of the field in dm_config (in the entry, for a map's sub-keys) */
    double min, max;        /* DM_CT_INT, DM_CT_NUMBER: the accepted range */
    /* Optional: DM_OK, or fills err with why val is refused (no key, no place). */
    dm_status (*check)(const char *val, dm_error *err);
    const dm_config_map *map;   /* DM_CT_MAP */
    const char *help;
} dm_config_key;

/* A map key's entries: an array of entry structs in dm_config (at the key's
 * offset, the count at count_offset), each with its name and line. The value
 * of an entry is a list of strings (one string allowed) at list_offset /
 * nlist_offset when values is NULL, else a mapping of the keys in values. */
struct dm_config_map {
    const char *name_doc;   /* NAME in the docs: "FIELD", "NAME" */
    const char *names_doc;  /* the names in errors: "report fields" */
    const char *value_doc;  /* an entry's value in errors: "a list of tag keys" */
    size_t count_offset, entry_size, name_offset, line_offset;
    const char *const *names;   /* the names allowed, NULL-terminated; NULL = any that check accepts */
    dm_status (*check)(const char *name, dm_error *err);    /* optional, as dm_config_key.check */
    size_t list_offset, nlist_offset;
    const dm_config_key *values;    /* NULL-key-terminated */
};

/* Every key, NULL-key-terminated, in the order the docs list them. */
extern const dm_config_key dm_config_keys[];

/* The row of a dotted key, NULL when unknown. */
const dm_config_key *dm_config_key_find(const char *key);
/* The documented default of a key, NULL when none (or unknown). */
const char *dm_config_default(const char *key);
/* "string", "int", ... as the docs name the type. */
const char *dm_config_type_name(const dm_config_key *k);

/* The key reference: every key with its type, default and help (config_doc.c).
 * format: "text", "md" or "json"; false when the format is not one of those. */
bool dm_config_doc(FILE *out, const char *format);

/* explicit: the --config value or NULL. A missing explicit file is an error;
 * a missing default file is not. */
dm_status dm_config_load(const char *explicit_path, dm_config *cfg, dm_error *err);
void dm_config_free(dm_config *cfg);

/* "10000" or "all" -> rows; false when invalid. */
bool dm_parse_rows(const char *s, uint64_t *rows);

#endif
