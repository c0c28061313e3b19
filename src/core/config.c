/*
 * Configuration file (config.h): the table of keys, the types that read
 * their values, and one YAML walk that both drive.
 */
#include "core/config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>

#include "core/cron.h"
#include "core/mem.h"
#include "core/tz.h"

bool dm_parse_rows(const char *s, uint64_t *rows)
{
    if (strcasecmp(s, "all") == 0) {
        *rows = UINT64_MAX;
        return true;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || v == 0 || s[0] == '-')
        return false;
    *rows = v;
    return true;
}

const char *const dm_config_tag_fields[] = {
    "purpose",   "data_subjects", "processing_activity", "business_function", "app_name",
    "app_id",    "recipients",    "retention",           "legal_basis",       "transfers",
    "transfer_safeguards", "security_measures", "special_category_basis", NULL,
};

const char *const dm_config_schedule_stages[] = {"discover", "crawl", "classify", "tags", NULL};

/* ---- validators: DM_OK or why the value is refused ---- */

static dm_status check_log_format(const char *val, dm_error *err)
{
    if (strcmp(val, "human") == 0 || strcmp(val, "json") == 0)
        return DM_OK;
    return DM_FAIL(err, DM_ERR_CONFIG, "must be human or json");
}

/* The zone is loaded once here so that a typo fails at load, not at the
 * first scheduled run. */
static dm_status check_timezone(const char *val, dm_error *err)
{
    dm_tz *tz = NULL;
    dm_status rc = dm_tz_load(val, &tz, err);
    dm_tz_free(tz);
    return rc;
}

static dm_status check_source_name(const char *name, dm_error *err)
{
    if (*name == '\0' || strchr(name, '/') != NULL)
        return DM_FAIL(err, DM_ERR_CONFIG, "'%s' is not a source name", name);
    if (strcmp(name, "all") == 0)
        return DM_FAIL(err, DM_ERR_CONFIG, "the name 'all' is reserved (the stage-wide schedule)");
    return DM_OK;
}

static dm_status check_allow_name(const char *name, dm_error *err)
{
    for (const char *p = name; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return DM_FAIL(err, DM_ERR_CONFIG,
                           "'%s' is not an entity type (upper-case, as `datamap entities` lists them) or all", name);
    if (strcmp(name, "ALL") == 0)
        return DM_FAIL(err, DM_ERR_CONFIG, "'ALL': write all, in lower case, for every entity type");
    return *name ? DM_OK : DM_FAIL(err, DM_ERR_CONFIG, "an empty name");
}

static dm_status check_allow_entry(const char *name, dm_error *err)
{
    return strcmp(name, "all") == 0 ? DM_OK : check_allow_name(name, err);
}

/* ---- the keys ---- */

#define F(field) offsetof(dm_config, field)
#define S(field) offsetof(dm_config_source_schedule, field)

static const dm_config_key source_stages[] = {
    {"discover", DM_CT_CRON, .offset = S(stage[0]), .help = "replaces schedule.discover for this source"},
    {"crawl", DM_CT_CRON, .offset = S(stage[1]), .help = "replaces schedule.crawl for this source"},
    {"classify", DM_CT_CRON, .offset = S(stage[2]), .help = "replaces schedule.classify for this source"},
    {"tags", DM_CT_CRON, .offset = S(stage[3]), .help = "replaces schedule.tags for this source"},
    {NULL},
};

static const dm_config_map tag_mapping_map = {
    .name_doc = "FIELD",
    .names_doc = "report fields",
    .value_doc = "a list of tag keys, or one",
    .count_offset = F(ntag_mapping),
    .entry_size = sizeof(dm_config_tag_map),
    .name_offset = offsetof(dm_config_tag_map, field),
    .line_offset = offsetof(dm_config_tag_map, line),
    .names = dm_config_tag_fields,
    .list_offset = offsetof(dm_config_tag_map, keys),
    .nlist_offset = offsetof(dm_config_tag_map, nkeys),
};

static const dm_config_map sources_map = {
    .name_doc = "NAME",
    .names_doc = "source names",
    .value_doc = "a mapping of stages (discover, crawl, classify, tags)",
    .count_offset = F(nschedule_sources),
    .entry_size = sizeof(dm_config_source_schedule),
    .name_offset = S(source),
    .line_offset = S(line),
    .check = check_source_name,
    .values = source_stages,
};

#define A(field) offsetof(dm_config_allow, field)
static const dm_config_map allow_values_map = {
    .name_doc = "ENTITY",
    .names_doc = "entity types",
    .value_doc = "a list of values, or one",
    .count_offset = F(nallow_values),
    .entry_size = sizeof(dm_config_allow),
    .name_offset = A(entity),
    .line_offset = A(line),
    .check = check_allow_entry,
    .list_offset = A(items),
    .nlist_offset = A(nitems),
};

static const dm_config_map allow_patterns_map = {
    .name_doc = "ENTITY",
    .names_doc = "entity types",
    .value_doc = "a list of patterns, or one",
    .count_offset = F(nallow_patterns),
    .entry_size = sizeof(dm_config_allow),
    .name_offset = A(entity),
    .line_offset = A(line),
    .check = check_allow_entry,
    .list_offset = A(items),
    .nlist_offset = A(nitems),
};
#undef A

const dm_config_key dm_config_keys[] = {
    {"catalog", DM_CT_STRING, "datamap.db", .offset = F(catalog),
     .help = "the catalog: a SQLite file or postgres://...; --catalog and $DATAMAP_CATALOG win"},
    {"log_format", DM_CT_STRING, "human", .offset = F(log_format), .check = check_log_format,
     .help = "log lines on stderr: human or json; --log-format wins"},
    {"classify.rows", DM_CT_ROWS, "10000", .offset = F(rows),
     .help = "rows sampled per table, or all; --rows wins"},
    {"classify.threshold", DM_CT_NUMBER, "0.1", .offset = F(threshold), .min = 0, .max = 1,
     .help = "share of non-empty cells that makes a finding; --threshold wins"},
    {"classify.min_count", DM_CT_INT, "1", .offset = F(min_count), .min = 1, .max = 9e18,
     .help = "matching cells a finding needs at least; --min-count wins"},
    {"classify.only", DM_CT_STRING, .offset = F(only),
     .help = "only these entity types (comma-separated names, as `datamap entities` lists them)"},
    {"classify.except", DM_CT_STRING, .offset = F(except), .help = "all entity types but these (comma-separated)"},
    {"classify.allow.values", DM_CT_MAP, .offset = F(allow_values), .map = &allow_values_map,
     .help = "values never reported as ENTITY (a type as `datamap entities` lists it, or all for every type): "
             "a found value or a whole cell equal to one, case ignored, is not counted, and the finding says how "
             "many cells were allow-listed"},
    {"classify.allow.patterns", DM_CT_MAP, .offset = F(allow_patterns), .map = &allow_patterns_map,
     .help = "PCRE2 patterns never reported as ENTITY (or all): a found value or a whole cell that the pattern "
             "matches from its first to its last character is not counted"},
    {"controller.name", DM_CT_STRING, .offset = F(controller_name),
     .help = "the controller, Art. 30(1)(a), for `datamap report`"},
    {"controller.contact", DM_CT_STRING, .offset = F(controller_contact), .help = "the controller's contact details"},
    {"controller.joint_controller", DM_CT_STRING, .offset = F(controller_joint), .help = "a joint controller"},
    {"controller.representative", DM_CT_STRING, .offset = F(controller_representative),
     .help = "the representative (Art. 27)"},
    {"controller.dpo", DM_CT_STRING, .offset = F(controller_dpo), .help = "the data protection officer"},
    {"report.stale_days", DM_CT_INT, "30", .offset = F(report_stale_days), .min = 1, .max = 100000,
     .help = "an asset classified longer ago than this many days is a gap"},
    {"tag_mapping", DM_CT_MAP, .offset = F(tag_mapping), .map = &tag_mapping_map,
     .help = "report field -> the tag keys that fill it (a list, or one key); replaces the field's default "
             "keys, which match case- and spacing-insensitively"},
    {"schedule.timezone", DM_CT_STRING, "UTC", true, F(schedule_timezone), .check = check_timezone,
     .help = "IANA time zone the expressions are read in (daylight saving as in src/core/cron.h)"},
    {"schedule.discover", DM_CT_CRON, "0 * * * *", true, F(schedule_discover),
     .help = "when `datamap serve` discovers: a cron expression, or off"},
    {"schedule.crawl", DM_CT_CRON, "0 2 * * *", true, F(schedule_crawl), .help = "when it crawls"},
    {"schedule.classify", DM_CT_CRON, "0 6 * * 1-5", true, F(schedule_classify), .help = "when it classifies"},
    {"schedule.tags", DM_CT_CRON, "30 2 * * *", true, F(schedule_tags), .help = "when it captures tags"},
    {"schedule.sources", DM_CT_MAP, .offset = F(schedule_sources), .map = &sources_map,
     .help = "per source (NAME as in `datamap source add NAME`; all is reserved): a stage given here replaces "
             "the stage-wide one for this source, off included"},
    {"server.listen", DM_CT_STRING, "127.0.0.1:8080", .offset = F(server_listen),
     .help = "address of the API and web UI of `datamap serve`; --listen wins"},
    {"server.workers", DM_CT_INT, "2", .offset = F(server_workers), .min = 1, .max = 64,
     .help = "worker threads; --workers wins"},
    {"server.source_concurrency", DM_CT_INT, "0", .offset = F(server_source_concurrency), .min = 0, .max = 100000,
     .help = "most jobs running at once against one source, counted over every worker sharing the catalog "
             "(0: no limit); give every serve and worker the same value"},
    {"server.token_file", DM_CT_STRING, .offset = F(server_token_file),
     .help = "file with the bearer token for /api (else $DATAMAP_TOKEN; neither: the API is open)"},
    {NULL},
};

#undef F
#undef S

/* ---- types: reading a value into its field, and freeing it ---- */

typedef struct type_ops {
    const char *name;
    /* Sets the field from val; on error err says why, naming the key. */
    dm_status (*parse)(const dm_config_key *k, const char *val, void *field, dm_error *err);
    void (*free)(const dm_config_key *k, void *field);
} type_ops;

static dm_status run_check(const dm_config_key *k, const char *val, dm_error *err)
{
    if (k->check == NULL || k->check(val, err) == DM_OK)
        return DM_OK;
    dm_error_prefix(err, "%s", k->key);
    return DM_ERR_CONFIG;
}

static dm_status parse_string(const dm_config_key *k, const char *val, void *field, dm_error *err)
{
    if (run_check(k, val, err) != DM_OK)
        return DM_ERR_CONFIG;
    char **dst = field;
    free(*dst);
    *dst = dm_xstrdup(val);
    return DM_OK;
}

static void free_string(const dm_config_key *k, void *field)
{
    char **p = field;
    free(*p);
    *p = NULL;
}

static dm_status parse_int(const dm_config_key *k, const char *val, void *field, dm_error *err)
{
    char *end;
    errno = 0;
    long long v = strtoll(val, &end, 10);
    if (errno || end == val || *end || v < k->min || v > k->max) {
        if (k->max >= 1e15)     /* no bound worth saying */
            return DM_FAIL(err, DM_ERR_CONFIG, "%s must be a whole number, at least %.0f", k->key, k->min);
        return DM_FAIL(err, DM_ERR_CONFIG, "%s must be a whole number from %.0f to %.0f", k->key, k->min, k->max);
    }
    *(int64_t *)field = v;
    return run_check(k, val, err);
}

static dm_status parse_number(const dm_config_key *k, const char *val, void *field, dm_error *err)
{
    char *end;
    errno = 0;
    double v = strtod(val, &end);
    if (errno || end == val || *end || isnan(v) || v < k->min || v > k->max)
        return DM_FAIL(err, DM_ERR_CONFIG, "%s must be a number from %g to %g", k->key, k->min, k->max);
    *(double *)field = v;
    return run_check(k, val, err);
}

static dm_status parse_rows(const dm_config_key *k, const char *val, void *field, dm_error *err)
{
    if (!dm_parse_rows(val, field))
        return DM_FAIL(err, DM_ERR_CONFIG, "%s must be a positive number or 'all'", k->key);
    return run_check(k, val, err);
}

static dm_status parse_cron(const dm_config_key *k, const char *val, void *field, dm_error *err)
{
    dm_cron c;
    if (strcasecmp(val, "off") != 0 && dm_cron_parse(val, &c, err) != DM_OK) {
        dm_error_prefix(err, "%s", k->key);
        return DM_ERR_CONFIG;
    }
    return parse_string(k, val, field, err);
}

static void free_nothing(const dm_config_key *k, void *field) {}

static void free_map(const dm_config_key *k, void *field)
{
    const dm_config_map *m = k->map;
    char **arr = field;
    size_t *count = (size_t *)((char *)field - k->offset + m->count_offset);
    for (size_t i = 0; i < *count; i++) {
        char *e = *arr + i * m->entry_size;
        free(*(char **)(e + m->name_offset));
        if (m->values == NULL) {
            char **list = *(char ***)(e + m->list_offset);
            size_t n = *(size_t *)(e + m->nlist_offset);
            for (size_t j = 0; j < n; j++)
                free(list[j]);
            free(list);
        }
        for (const dm_config_key *v = m->values; v && v->key; v++)
            free_string(v, e + v->offset);
    }
    free(*arr);
    *arr = NULL;
    *count = 0;
}

/* Indexed by dm_config_type. A map's values are read by the walk below. */
static const type_ops types[] = {
    [DM_CT_STRING] = {"string", parse_string, free_string},
    [DM_CT_INT] = {"int", parse_int, free_nothing},
    [DM_CT_NUMBER] = {"number", parse_number, free_nothing},
    [DM_CT_ROWS] = {"rows", parse_rows, free_nothing},
    [DM_CT_CRON] = {"cron", parse_cron, free_string},
    [DM_CT_MAP] = {"map", NULL, free_map},
};

const char *dm_config_type_name(const dm_config_key *k)
{
    return types[k->type].name;
}

const dm_config_key *dm_config_key_find(const char *key)
{
    for (const dm_config_key *k = dm_config_keys; k->key; k++)
        if (strcmp(k->key, key) == 0)
            return k;
    return NULL;
}

const char *dm_config_default(const char *key)
{
    const dm_config_key *k = dm_config_key_find(key);
    return k ? k->def : NULL;
}

/* ---- "did you mean": the known key nearest to an unknown one ---- */

/* Edit distance (insert, delete, substitute), capped: keys are short. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return SIZE_MAX;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

typedef struct suggestion {
    const char *typed;
    char best[128];
    size_t score;
} suggestion;

/* Close: a typo or two (more in a long word), or the right last part in the
 * wrong section ("server.threshold" for classify.threshold). */
static void consider(suggestion *s, const char *prefix, const char *cand)
{
    char full[128];
    snprintf(full, sizeof full, "%s%s%s", prefix, *prefix ? "." : "", cand);
    size_t d = distance(s->typed, full);
    const char *a = strrchr(s->typed, '.'), *b = strrchr(full, '.');
    if (d > 1 && strcmp(a ? a + 1 : s->typed, b ? b + 1 : full) == 0)
        d = 1;
    if (d < s->score && d <= (strlen(full) >= 12 ? 3u : 2u)) {
        s->score = d;
        snprintf(s->best, sizeof s->best, "%s", full);
    }
}

/* An unknown key (or section) typed under prefix: the error, with the nearest
 * known key when there is one. names: a map's entry names, else NULL for the
 * table's keys and sections. */
static dm_status unknown_key(const char *file, size_t line, const char *what, const char *prefix, const char *key,
                             const char *const *names, const dm_config_key *values, dm_error *err)
{
    suggestion s = {.score = SIZE_MAX};
    char typed[128];
    snprintf(typed, sizeof typed, "%s%s%s", prefix, *prefix ? "." : "", key);
    s.typed = typed;
    if (names != NULL) {
        for (size_t i = 0; names[i]; i++)
            consider(&s, prefix, names[i]);
    } else if (values != NULL) {
        for (const dm_config_key *v = values; v->key; v++)
            consider(&s, prefix, v->key);
    } else {
        for (const dm_config_key *k = dm_config_keys; k->key; k++) {
            consider(&s, "", k->key);
            const char *dot = strchr(k->key, '.');
            if (dot) {
                char section[64];
                snprintf(section, sizeof section, "%.*s", (int)(dot - k->key), k->key);
                consider(&s, "", section);
            }
        }
    }
    if (s.score != SIZE_MAX)
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: unknown %s '%s'; did you mean %s?", file, line, what, typed,
                       s.best);
    return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: unknown %s '%s'", file, line, what, typed);
}

/* ---- maps ---- */

static size_t *map_count(dm_config *cfg, const dm_config_key *k)
{
    return (size_t *)((char *)cfg + k->map->count_offset);
}

static char *map_entry(dm_config *cfg, const dm_config_key *k, size_t i)
{
    return *(char **)((char *)cfg + k->offset) + i * k->map->entry_size;
}

/* Start the entry NAME of map k (its value follows). */
static dm_status map_begin(dm_config *cfg, const dm_config_key *k, const char *name, const char *file, size_t line,
                           dm_error *err)
{
    const dm_config_map *m = k->map;
    if (m->names != NULL) {
        bool known = false;
        for (size_t i = 0; m->names[i] && !known; i++)
            known = strcmp(m->names[i], name) == 0;
        if (!known)
            return unknown_key(file, line, "key", k->key, name, m->names, NULL, err);
    }
    if (m->check != NULL && m->check(name, err) != DM_OK) {
        dm_error_prefix(err, "%s:%zu: %s", file, line, k->key);
        return DM_ERR_CONFIG;
    }
    size_t *n = map_count(cfg, k);
    for (size_t i = 0; i < *n; i++) {
        char *e = map_entry(cfg, k, i);
        if (strcmp(*(char **)(e + m->name_offset), name) == 0)
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: %s.%s given twice (line %zu)", file, line, k->key, name,
                           *(size_t *)(e + m->line_offset));
    }
    char **arr = (char **)((char *)cfg + k->offset);
    *arr = dm_xrealloc(*arr, (*n + 1) * m->entry_size);
    char *e = *arr + (*n)++ * m->entry_size;
    memset(e, 0, m->entry_size);
    *(char **)(e + m->name_offset) = dm_xstrdup(name);
    *(size_t *)(e + m->line_offset) = line;
    return DM_OK;
}

/* Append one string to the list of the map's last entry. */
static void map_list_add(dm_config *cfg, const dm_config_key *k, const char *val)
{
    char *e = map_entry(cfg, k, *map_count(cfg, k) - 1);
    char ***list = (char ***)(e + k->map->list_offset);
    size_t *n = (size_t *)(e + k->map->nlist_offset);
    *list = dm_xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = dm_xstrdup(val);
}

/* Set the sub-key of the map's last entry. */
static dm_status map_set(dm_config *cfg, const dm_config_key *k, const char *sub, const char *val, const char *file,
                         size_t line, dm_error *err)
{
    char *e = map_entry(cfg, k, *map_count(cfg, k) - 1);
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%s.%s", k->key, *(char **)(e + k->map->name_offset));
    for (const dm_config_key *v = k->map->values; v->key; v++) {
        if (strcmp(v->key, sub) != 0)
            continue;
        /* errors name the whole path: schedule.sources.crm.discover */
        dm_config_key named = *v;
        char full[192];
        snprintf(full, sizeof full, "%s.%s", prefix, sub);
        named.key = full;
        if (types[v->type].parse(&named, val, e + v->offset, err) == DM_OK)
            return DM_OK;
        dm_error_prefix(err, "%s:%zu", file, line);
        if (err != NULL)
            err->code = DM_ERR_CONFIG;
        return DM_ERR_CONFIG;
    }
    return unknown_key(file, line, "key", prefix, sub, NULL, k->map->values, err);
}

/* ---- the walk ---- */

/* Whether some key lies under path ("classify" for classify.rows). */
static bool is_section(const char *path)
{
    size_t n = strlen(path);
    for (const dm_config_key *k = dm_config_keys; k->key; k++)
        if (strncmp(k->key, path, n) == 0 && k->key[n] == '.')
            return true;
    return false;
}

static dm_status set_defaults(dm_config *cfg, dm_error *err)
{
    for (const dm_config_key *k = dm_config_keys; k->key; k++) {
        if (k->def == NULL || k->def_by_consumer)
            continue;
        if (types[k->type].parse(k, k->def, (char *)cfg + k->offset, err) != DM_OK) {
            dm_error_prefix(err, "the default of %s", k->key);
            if (err != NULL)
                err->code = DM_ERR_INTERNAL;
            return DM_ERR_INTERNAL;
        }
    }
    return DM_OK;
}

static char *find_default(void)
{
    const char *env = getenv("DATAMAP_CONFIG");
    if (env && *env)
        return dm_xstrdup(env);
    if (access("datamap.yaml", R_OK) == 0)
        return dm_xstrdup("datamap.yaml");
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char *p = xdg && *xdg ? dm_xasprintf("%s/datamap/config.yaml", xdg)
                          : home ? dm_xasprintf("%s/.config/datamap/config.yaml", home) : NULL;
    if (p && access(p, R_OK) == 0)
        return p;
    free(p);
    if (access("/etc/datamap/config.yaml", R_OK) == 0)
        return dm_xstrdup("/etc/datamap/config.yaml");
    return NULL;
}

/* What each open YAML mapping is, so that its end restores the state. */
typedef enum level { L_ROOT, L_SECTION, L_MAP, L_ENTRY } level;

typedef struct walk {
    dm_config *cfg;
    const char *file;
    char path[128];             /* the section we are in: "", "schedule" */
    level stack[8];
    int depth;
    char *key;                  /* the key whose value comes next, or NULL */
    size_t key_line;
    const dm_config_key *map;   /* inside a map's mapping */
    bool in_entry;              /* inside one entry's mapping (map->values) */
    bool in_list;               /* inside one entry's list (map->values == NULL) */
} walk;

static void full_key(const walk *w, const char *key, char *out, size_t size)
{
    snprintf(out, size, "%s%s%s", w->path, *w->path ? "." : "", key);
}

static dm_status on_mapping_start(walk *w, size_t line, dm_error *err)
{
    level lv;
    char full[256];
    if (w->depth == 0) {
        lv = L_ROOT;
    } else if (w->key == NULL) {
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: a mapping cannot be a key", w->file, line);
    } else if (w->in_entry) {
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: too deeply nested ('%s.%s' takes a single value)", w->file,
                       w->key_line, w->map->key, w->key);
    } else if (w->map != NULL) {
        if (w->map->map->values == NULL)
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: too deeply nested ('%s.%s' takes %s)", w->file, w->key_line,
                           w->map->key, w->key, w->map->map->value_doc);
        dm_status rc = map_begin(w->cfg, w->map, w->key, w->file, w->key_line, err);
        if (rc != DM_OK)
            return rc;
        lv = L_ENTRY;
        w->in_entry = true;
    } else {
        full_key(w, w->key, full, sizeof full);
        const dm_config_key *k = dm_config_key_find(full);
        if (k != NULL && k->type == DM_CT_MAP) {
            lv = L_MAP;
            w->map = k;
        } else if (k != NULL) {
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: too deeply nested ('%s' takes a single value)", w->file,
                           w->key_line, full);
        } else if (is_section(full) && strlen(full) < sizeof w->path) {
            lv = L_SECTION;
            memcpy(w->path, full, strlen(full) + 1);
        } else {
            return unknown_key(w->file, w->key_line, *w->path ? "key" : "section", w->path, w->key, NULL, NULL, err);
        }
    }
    if (w->depth == (int)(sizeof w->stack / sizeof *w->stack))
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: too deeply nested", w->file, line);
    w->stack[w->depth++] = lv;
    free(w->key);
    w->key = NULL;
    return DM_OK;
}

static void on_mapping_end(walk *w)
{
    switch (w->stack[--w->depth]) {
    case L_ENTRY: w->in_entry = false; break;
    case L_MAP: w->map = NULL; break;
    case L_SECTION: {
        char *dot = strrchr(w->path, '.');
        *(dot ? dot : w->path) = '\0';
        break;
    }
    case L_ROOT: break;
    }
}

static dm_status on_sequence_start(walk *w, size_t line, dm_error *err)
{
    if (w->map != NULL && !w->in_entry && !w->in_list && w->key != NULL && w->map->map->values == NULL) {
        w->in_list = true;
        return map_begin(w->cfg, w->map, w->key, w->file, w->key_line, err);
    }
    char full[256] = "?";
    if (w->key != NULL) {
        if (w->map != NULL)
            snprintf(full, sizeof full, "%s.%s", w->map->key, w->key);
        else
            full_key(w, w->key, full, sizeof full);
    }
    return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: '%s' takes a single value", w->file, line, full);
}

static dm_status on_value(walk *w, const char *v, dm_error *err)
{
    char full[256];
    if (w->in_entry)
        return map_set(w->cfg, w->map, w->key, v, w->file, w->key_line, err);
    if (w->map != NULL) {
        if (w->map->map->values != NULL)
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: %s.%s must be %s", w->file, w->key_line, w->map->key, w->key,
                           w->map->map->value_doc);
        dm_status rc = map_begin(w->cfg, w->map, w->key, w->file, w->key_line, err);
        if (rc == DM_OK)
            map_list_add(w->cfg, w->map, v);
        return rc;
    }
    full_key(w, w->key, full, sizeof full);
    const dm_config_key *k = dm_config_key_find(full);
    if (k != NULL && k->type == DM_CT_MAP)
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: %s must be a mapping of %s", w->file, w->key_line, full,
                       k->map->names_doc);
    if (k == NULL && is_section(full))
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: %s must be a mapping (a section of keys)", w->file, w->key_line,
                       full);
    if (k == NULL)
        return unknown_key(w->file, w->key_line, "key", w->path, w->key, NULL, NULL, err);
    if (types[k->type].parse(k, v, (char *)w->cfg + k->offset, err) == DM_OK)
        return DM_OK;
    dm_error_prefix(err, "%s:%zu", w->file, w->key_line);
    if (err != NULL)
        err->code = DM_ERR_CONFIG;
    return DM_ERR_CONFIG;
}

static dm_status on_event(walk *w, const yaml_event_t *ev, dm_error *err)
{
    size_t line = ev->start_mark.line + 1;
    switch (ev->type) {
    case YAML_MAPPING_START_EVENT: return on_mapping_start(w, line, err);
    case YAML_MAPPING_END_EVENT: on_mapping_end(w); return DM_OK;
    case YAML_SEQUENCE_START_EVENT: return on_sequence_start(w, line, err);
    case YAML_SEQUENCE_END_EVENT:
        w->in_list = false;
        free(w->key);
        w->key = NULL;
        return DM_OK;
    case YAML_SCALAR_EVENT: {
        const char *v = (const char *)ev->data.scalar.value;
        if (w->in_list) {
            map_list_add(w->cfg, w->map, v);
            return DM_OK;
        }
        if (w->key == NULL) {
            w->key = dm_xstrdup(v);
            w->key_line = line;
            return DM_OK;
        }
        dm_status rc = on_value(w, v, err);
        free(w->key);
        w->key = NULL;
        return rc;
    }
    default: return DM_OK;
    }
}

dm_status dm_config_load(const char *explicit_path, dm_config *cfg, dm_error *err)
{
    memset(cfg, 0, sizeof *cfg);
    dm_status rc = set_defaults(cfg, err);
    if (rc != DM_OK) {
        dm_config_free(cfg);
        return rc;
    }
    char *path = explicit_path ? dm_xstrdup(explicit_path) : find_default();
    if (path == NULL)
        return DM_OK;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        rc = DM_FAIL(err, DM_ERR_CONFIG, "%s: %s", path, strerror(errno));
        free(path);
        dm_config_free(cfg);
        return rc;
    }
    cfg->path = path;
    yaml_parser_t p;
    yaml_event_t ev;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_file(&p, f);
    walk w = {.cfg = cfg, .file = path};
    for (;;) {
        if (!yaml_parser_parse(&p, &ev)) {
            rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: %s", path, p.problem_mark.line + 1,
                         p.problem ? p.problem : "invalid YAML");
            break;
        }
        rc = on_event(&w, &ev, err);
        bool end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (rc || end)
            break;
    }
    free(w.key);
    yaml_parser_delete(&p);
    fclose(f);
    if (rc)
        dm_config_free(cfg);
    return rc;
}

void dm_config_free(dm_config *cfg)
{
    free(cfg->path);
    for (const dm_config_key *k = dm_config_keys; k->key; k++)
        types[k->type].free(k, (char *)cfg + k->offset);
    memset(cfg, 0, sizeof *cfg);
    cfg->threshold = -1;
}
