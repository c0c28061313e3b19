/*
 * Record of processing activities (GDPR Art. 30(1)) built from the catalog
 *
 * dm_report_build reads every asset of the catalog (its tags, store facts,
 * region, tables and latest findings) and builds a read-only model:
 *
 *   report -> processing activities -> assets -> personal-data categories
 *             (entity types, columns) + one value list per Art. 30 field
 *          -> gaps (what a regulator would ask about and the catalog lacks)
 *
 * Assets are grouped by their processing-activity tag; assets without one go
 * to the activity "Unassigned". Every value carries its origin: a tag (which
 * key, which asset, which tag origin), a detection (entity found in columns),
 * a store fact (region, facts_json key) or the config (which key). Vanished
 * assets appear only as gaps.
 *
 * Tag keys map to fields through a dm_tag_mapping (mapping.c): keys compare
 * case-insensitively with spaces, '_', '-', '/' and '.' ignored, several
 * keys per field; the config's tag_mapping replaces a field's defaults.
 *
 * The model is plain data for the writers (html.c md.c csv.c json.c) and
 * the tests: read its members, never write them; free it with
 * dm_report_free. Everything in it is hostile text (asset, column and tag
 * names come from the stores): writers escape it.
 */
#ifndef DM_REPORT_REPORT_H
#define DM_REPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <jansson.h>

#include "catalog/catalog.h"
#include "core/config.h"
#include "core/error.h"

/* ---- tag mapping (mapping.c) ------------------------------------------ */

/* Report fields filled from tags. The order and the names match
 * dm_config_tag_fields. */
typedef enum dm_report_field {
    DM_FIELD_PURPOSE,
    DM_FIELD_DATA_SUBJECTS,
    DM_FIELD_ACTIVITY,
    DM_FIELD_BUSINESS_FUNCTION,
    DM_FIELD_APP_NAME,
    DM_FIELD_APP_ID,
    DM_FIELD_RECIPIENTS,
    DM_FIELD_RETENTION,
    DM_FIELD_LEGAL_BASIS,
    DM_FIELD_TRANSFERS,
    DM_FIELD_SAFEGUARDS,
    DM_FIELD_SECURITY,
    DM_FIELD_SPECIAL_BASIS,
    DM_FIELD_COUNT
} dm_report_field;

typedef struct dm_tag_mapping dm_tag_mapping;

/* The default mapping, with the config's tag_mapping entries (cfg may be
 * NULL) replacing the defaults of the fields they name. An empty list turns
 * a field off. Unknown field names: DM_ERR_CONFIG naming the config file and
 * line (dm_config_load rejects them already). */
dm_status dm_tag_mapping_new(const dm_config *cfg, dm_tag_mapping **out, dm_error *err);
void dm_tag_mapping_free(dm_tag_mapping *m);
/* The field a tag key fills, or -1 when none. */
int dm_tag_mapping_field(const dm_tag_mapping *m, const char *key);
/* The keys of a field after the config override, as written. */
const char *const *dm_tag_mapping_keys(const dm_tag_mapping *m, dm_report_field f, size_t *n);
/* "purpose", "data_subjects", ... (config names) and "Purpose of processing",
 * "Categories of data subjects", ... (titles for people). */
const char *dm_report_field_name(dm_report_field f);
const char *dm_report_field_title(dm_report_field f);
/* Write the comparison form of a tag key into out (lower case, separators
 * dropped); returns its length, truncated to outsz - 1. */
size_t dm_tag_key_fold(const char *key, char *out, size_t outsz);

/* ---- categories ------------------------------------------------------- */

/* "Contact details (email)" for "user.contact.email"; never NULL. */
const char *dm_report_category_label(const char *category, char *buf, size_t bufsz);
/* Art. 9 / Art. 10 categories: health, biometric, genetic, criminal
 * history, racial or ethnic origin, religious or political belief, sexual
 * orientation, trade union membership. */
bool dm_report_category_special(const char *category);
/* Whether a store region (AWS region "eu-west-1" or ISO 3166 alpha-2 code
 * "DE") lies in the EEA; *known false when the region is not recognised.
 * Sets *place to a readable name ("United States", "London, United
 * Kingdom") or NULL. */
bool dm_report_region_in_eea(const char *region, bool *known, const char **place);

/* ---- model ------------------------------------------------------------ */

typedef enum dm_origin {
    DM_FROM_TAG,        /* key: the tag key as written; assets: where; tag_origin: sidecar/store/source/config */
    DM_FROM_DETECTION,  /* key: the entity type; assets: where found */
    DM_FROM_FACT,       /* key: "region" or the facts_json key; assets: the store */
    DM_FROM_CONFIG,     /* key: "controller.name" ... */
} dm_origin;

/* "tag", "detection", "store fact", "config" */
const char *dm_origin_name(dm_origin o);

typedef struct dm_report_value {
    char *text;
    dm_origin origin;
    char *key;
    char *tag_origin;       /* tags only, else NULL */
    char **assets;          /* "source/name" of every asset it came from */
    size_t nassets;
} dm_report_value;

typedef struct dm_report_values {
    dm_report_value *v;
    size_t n;
} dm_report_values;

/* One column with personal data and one entity found in it (its latest
 * classification). */
typedef struct dm_report_column {
    char *asset;            /* "source/name" */
    char *table, *column, *entity;
    char *category, *label; /* "user.contact.email", "Contact details (email)" */
    bool special;
    int64_t matches, sampled;
    int64_t allow_listed;   /* cells the config's allow lists took out */
    double ratio;
    char *confidence;
    char **examples;        /* masked evidence */
    size_t nexamples;
    char *classified_at;
    char *review;           /* "confirmed" when a person confirmed it, else NULL */
    char *review_by, *review_at, *review_reason;    /* who, when, why; NULL when review is */
} dm_report_column;

/* A finding a person dismissed (datamap finding dismiss): not counted as
 * personal data, in no category and no gap; listed in the appendix. */
typedef struct dm_report_dismissal {
    char *asset, *table, *column, *entity;
    char *by, *at, *reason;
} dm_report_dismissal;

typedef struct dm_report_category {
    char *category, *label;
    bool special;
    char **entities;        /* sorted, unique */
    size_t nentities;
    size_t *columns;        /* indexes into dm_report.columns */
    size_t ncolumns;
} dm_report_category;

typedef struct dm_report_asset {
    char *id;               /* "source/name" */
    char *source, *name, *kind, *location, *region;   /* region: the store's, else a region tag's */
    bool outside_eea;       /* region known and outside the EEA */
    char *classified_at, *deleted_at;   /* NULL when never / still there */
    char *unread;           /* "12 .pdf not supported, 1 .parquet corrupt"; NULL: every file read */
    uint64_t nunread;       /* files not read */
    size_t activity;        /* index into dm_report.activities; (size_t)-1 for vanished assets */
    size_t col_first;       /* its rows in dm_report.columns: [col_first, col_first + npersonal) */
    size_t npersonal;       /* personal-data (column x entity) rows */
    dm_report_category *categories; /* this asset's own, by category name */
    size_t ncategories;
    dm_report_values fields[DM_FIELD_COUNT];    /* from its tags and facts */
} dm_report_asset;

typedef struct dm_report_activity {
    char *name;
    bool unassigned;
    size_t *assets;         /* indexes into dm_report.assets */
    size_t nassets;
    dm_report_values fields[DM_FIELD_COUNT];    /* merged from its assets */
    dm_report_category *categories;             /* merged, by category name */
    size_t ncategories;
} dm_report_activity;

typedef enum dm_gap_kind {
    DM_GAP_NO_PURPOSE,
    DM_GAP_NO_DATA_SUBJECTS,
    DM_GAP_NO_LEGAL_BASIS,
    DM_GAP_NO_SPECIAL_BASIS,
    DM_GAP_NEVER_CLASSIFIED,
    DM_GAP_STALE,
    DM_GAP_VANISHED,
    DM_GAP_NO_CONTROLLER,
    DM_GAP_NO_LOCATION,         /* a bucket or table whose region nobody knows */
    DM_GAP_NO_SAFEGUARD,        /* outside the EEA with no safeguard recorded */
    DM_GAP_UNREAD_FILES,        /* files the last crawl could not read: the record may be incomplete */
} dm_gap_kind;

/* "no_purpose", "no_data_subjects", ... */
const char *dm_gap_kind_name(dm_gap_kind k);

typedef struct dm_report_gap {
    dm_gap_kind kind;
    char *asset;            /* "source/name", NULL for report-wide gaps */
    char *activity;         /* NULL when none */
    char *message;
} dm_report_gap;

/* Art. 30(1)(a): controller contacts from the config. */
typedef enum dm_report_ctl {
    DM_CTL_NAME,
    DM_CTL_CONTACT,
    DM_CTL_JOINT,
    DM_CTL_REPRESENTATIVE,
    DM_CTL_DPO,
    DM_CTL_COUNT
} dm_report_ctl;

typedef struct dm_report {
    char *generated_at;             /* ISO 8601 UTC */
    int64_t stale_days;
    dm_report_value controller[DM_CTL_COUNT];   /* text NULL when not configured */
    dm_report_asset *assets;        /* by source, then name; vanished ones too */
    size_t nassets;
    dm_report_activity *activities; /* by name, "Unassigned" last */
    size_t nactivities;
    dm_report_column *columns;      /* by asset, table, column, entity */
    size_t ncolumns;
    dm_report_gap *gaps;
    size_t ngaps;
    dm_report_dismissal *dismissed; /* by asset, table, column, entity */
    size_t ndismissed;
    /* overview counts (live assets only) */
    size_t nlive, npersonal_assets, ntables, ncategories, nspecial_columns;
    size_t npersonal_columns;       /* distinct columns with at least one finding (ncolumns counts findings) */
} dm_report;

/* Files of the activity's stores that could not be read (0: all read): an
 * activity with none found and files unread is unknown, not empty. */
uint64_t dm_report_activity_unread(const dm_report *r, const dm_report_activity *act);


typedef struct dm_report_opts {
    const dm_config *cfg;   /* controller, report.stale_days, tag_mapping; NULL for none */
    time_t now;             /* 0: the clock */
} dm_report_opts;

#define DM_REPORT_STALE_DAYS 30

dm_status dm_report_build(dm_catalog *cat, const dm_report_opts *opts, dm_report **out, dm_error *err);
void dm_report_free(dm_report *r);
/* "Controller name" ... for DM_CTL_* */
const char *dm_report_ctl_title(dm_report_ctl c);

/* ---- writers (writers.c) ---------------------------------------------- */

/* What a writer may be asked besides the report: NULL means all defaults. */
typedef struct dm_report_write_opts {
    bool bom;               /* csv: a UTF-8 byte order mark first (Excel then reads UTF-8) */
} dm_report_write_opts;

/* Each writes the whole report to out; DM_ERR_IO when a write fails. */
typedef dm_status dm_report_write_fn(const dm_report *r, FILE *out, const dm_report_write_opts *o, dm_error *err);

dm_report_write_fn dm_report_write_html;
dm_report_write_fn dm_report_write_md;
/* One row per activity x category (one row with empty category columns for
 * an activity without personal data), RFC 4180 quoting, CRLF line ends. */
dm_report_write_fn dm_report_write_csv;
/* The model as indented JSON (dm_report_to_json). */
dm_report_write_fn dm_report_write_json;
/* An Excel workbook, one sheet per section, the ICO template's columns on
 * the processing activities sheet (xlsx.c). */
dm_report_write_fn dm_report_write_xlsx;

/* One output format of the record: `datamap report --format NAME`, `-o
 * FILE.EXT` and GET /api/v1/report?format=NAME all find it here. A new
 * format is one file with its write function and one row in writers.c. */
typedef struct dm_report_writer {
    const char *name;               /* "html": --format and ?format= */
    const char *const *exts;        /* ".html", ".htm", NULL: matched case-insensitively; the first names downloads */
    const char *mime;               /* Content-Type */
    const char *csp;                /* Content-Security-Policy of the document itself, NULL for none */
    dm_report_write_fn *write;
} dm_report_writer;

/* Every writer, in the order help and errors list them; name NULL ends. */
extern const dm_report_writer dm_report_writers[];
/* By name ("html"); NULL when unknown. */
const dm_report_writer *dm_report_writer_find(const char *name);
/* By the extension of the last path component of path (case-insensitive,
 * "report.HTML" is html); NULL when it has none or an unknown one. */
const dm_report_writer *dm_report_writer_for_path(const char *path);
/* "html, md, csv or json" / ".html, .htm, .md, ..." for messages (caller frees). */
char *dm_report_writer_names(void);
char *dm_report_writer_exts(void);

/* The model as JSON (new reference). */
json_t *dm_report_to_json(const dm_report *r);
/* Only some top-level sections (generated_at and stale_days always). */
#define DM_REPORT_JSON_CONTROLLER 0x01u
#define DM_REPORT_JSON_OVERVIEW 0x02u
#define DM_REPORT_JSON_ACTIVITIES 0x04u
#define DM_REPORT_JSON_ASSETS 0x08u
#define DM_REPORT_JSON_COLUMNS 0x10u
#define DM_REPORT_JSON_GAPS 0x20u
#define DM_REPORT_JSON_ALL 0x3fu
json_t *dm_report_to_json_parts(const dm_report *r, unsigned parts);

/* Join the distinct texts of a value list with "; " (writers; caller frees). */
char *dm_report_values_join(const dm_report_values *v);
/* "tag 'Purpose of Processing' (sidecar) on local/hr, local/crm",
 * "config controller.name", "store fact 'region' on s3/logs" (caller frees). */
char *dm_report_value_origin(const dm_report_value *v);

/* The rows of one record in the order writers show them; field -1 ends.
 * article: "30(1)(b)" ... */
typedef struct dm_report_row {
    int field;
    const char *article;
} dm_report_row;
extern const dm_report_row dm_report_record_rows[];

#endif
