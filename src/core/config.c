#include "core/config.h"

#include <errno.h>
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

/* A schedule value: "off" or a cron expression; errors name file:line and what. */
static dm_status check_expr(const char *val, const char *file, size_t line, const char *what, dm_error *err)
{
    dm_cron c;
    if (strcasecmp(val, "off") == 0 || dm_cron_parse(val, &c, err) == DM_OK)
        return DM_OK;
    dm_error_prefix(err, "%s:%zu: %s", file, line, what);
    if (err != NULL)
        err->code = DM_ERR_CONFIG;
    return DM_ERR_CONFIG;
}

static int stage_index(const char *key)
{
    for (int i = 0; dm_config_schedule_stages[i]; i++)
        if (strcmp(key, dm_config_schedule_stages[i]) == 0)
            return i;
    return -1;
}

/* schedule.sources: start the entry of one source. */
static dm_status source_begin(dm_config *cfg, const char *name, const char *file, size_t line, dm_error *err)
{
    if (*name == '\0' || strchr(name, '/') != NULL)
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: schedule.sources: '%s' is not a source name", file, line, name);
    if (strcmp(name, "all") == 0)
        return DM_FAIL(err, DM_ERR_CONFIG,
                       "%s:%zu: schedule.sources: the name 'all' is reserved (the stage-wide schedule)", file, line);
    for (size_t i = 0; i < cfg->nschedule_sources; i++)
        if (strcmp(cfg->schedule_sources[i].source, name) == 0)
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: schedule.sources.%s given twice (line %zu)", file, line, name,
                           cfg->schedule_sources[i].line);
    cfg->schedule_sources =
        dm_xrealloc(cfg->schedule_sources, (cfg->nschedule_sources + 1) * sizeof *cfg->schedule_sources);
    cfg->schedule_sources[cfg->nschedule_sources++] = (dm_config_source_schedule){.source = dm_xstrdup(name),
                                                                                   .line = line};
    return DM_OK;
}

/* schedule.sources.NAME.STAGE: VALUE for the last source begun. */
static dm_status source_set(dm_config *cfg, const char *key, const char *val, const char *file, size_t line,
                            dm_error *err)
{
    dm_config_source_schedule *s = &cfg->schedule_sources[cfg->nschedule_sources - 1];
    int i = stage_index(key);
    if (i < 0)
        return DM_FAIL(err, DM_ERR_CONFIG,
                       "%s:%zu: unknown key 'schedule.sources.%s.%s' (discover, crawl, classify, tags)", file, line,
                       s->source, key);
    char what[300];
    snprintf(what, sizeof what, "schedule.sources.%s.%s", s->source, key);
    dm_status rc = check_expr(val, file, line, what, err);
    if (rc != DM_OK)
        return rc;
    free(s->stage[i]);
    s->stage[i] = dm_xstrdup(val);
    return DM_OK;
}

static bool is_section(const char *key)
{
    return strcmp(key, "classify") == 0 || strcmp(key, "controller") == 0 || strcmp(key, "report") == 0 ||
           strcmp(key, "tag_mapping") == 0 || strcmp(key, "schedule") == 0 || strcmp(key, "server") == 0;
}

/* tag_mapping: start the entry of one field (a list follows, or one key). */
static dm_status tag_map_begin(dm_config *cfg, const char *field, const char *file, size_t line, dm_error *err)
{
    bool known = false;
    for (size_t i = 0; dm_config_tag_fields[i]; i++)
        known |= strcmp(dm_config_tag_fields[i], field) == 0;
    if (!known)
        return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: unknown key 'tag_mapping.%s'", file, line, field);
    for (size_t i = 0; i < cfg->ntag_mapping; i++)
        if (strcmp(cfg->tag_mapping[i].field, field) == 0)
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: tag_mapping.%s given twice", file, line, field);
    cfg->tag_mapping = dm_xrealloc(cfg->tag_mapping, (cfg->ntag_mapping + 1) * sizeof *cfg->tag_mapping);
    cfg->tag_mapping[cfg->ntag_mapping++] = (dm_config_tag_map){dm_xstrdup(field), NULL, 0, line};
    return DM_OK;
}

static void tag_map_add(dm_config *cfg, const char *key)
{
    dm_config_tag_map *m = &cfg->tag_mapping[cfg->ntag_mapping - 1];
    m->keys = dm_xrealloc(m->keys, (m->nkeys + 1) * sizeof *m->keys);
    m->keys[m->nkeys++] = dm_xstrdup(key);
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

/* Set one key; section is "" or "classify". */
static dm_status set_key(dm_config *cfg, const char *section, const char *key, const char *val, const char *file,
                         size_t line, dm_error *err)
{
    if (*section == '\0') {
        if (strcmp(key, "catalog") == 0) {
            free(cfg->catalog);
            cfg->catalog = dm_xstrdup(val);
            return DM_OK;
        }
        if (strcmp(key, "log_format") == 0) {
            if (strcmp(val, "human") && strcmp(val, "json"))
                return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: log_format must be human or json", file, line);
            free(cfg->log_format);
            cfg->log_format = dm_xstrdup(val);
            return DM_OK;
        }
    } else if (strcmp(section, "classify") == 0) {
        if (strcmp(key, "rows") == 0) {
            if (!dm_parse_rows(val, &cfg->rows))
                return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: classify.rows must be a positive number or 'all'", file,
                               line);
            return DM_OK;
        }
        if (strcmp(key, "threshold") == 0) {
            char *end;
            cfg->threshold = strtod(val, &end);
            if (*end || cfg->threshold < 0 || cfg->threshold > 1)
                return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: classify.threshold must be between 0 and 1", file, line);
            return DM_OK;
        }
        if (strcmp(key, "min_count") == 0) {
            if (!dm_parse_rows(val, &cfg->min_count) || cfg->min_count == UINT64_MAX)
                return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: classify.min_count must be a positive number", file,
                               line);
            return DM_OK;
        }
        if (strcmp(key, "only") == 0 || strcmp(key, "except") == 0) {
            char **dst = key[0] == 'o' ? &cfg->only : &cfg->except;
            free(*dst);
            *dst = dm_xstrdup(val);
            return DM_OK;
        }
    } else if (strcmp(section, "controller") == 0) {
        static const char *const names[] = {"name", "contact", "joint_controller", "representative", "dpo"};
        char **dst[] = {&cfg->controller_name, &cfg->controller_contact, &cfg->controller_joint,
                        &cfg->controller_representative, &cfg->controller_dpo};
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            if (strcmp(key, names[i]) == 0) {
                free(*dst[i]);
                *dst[i] = dm_xstrdup(val);
                return DM_OK;
            }
        }
    } else if (strcmp(section, "report") == 0) {
        if (strcmp(key, "stale_days") == 0) {
            uint64_t v;
            if (!dm_parse_rows(val, &v) || v > 100000)
                return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: report.stale_days must be a number of days (1-100000)",
                               file, line);
            cfg->report_stale_days = (int64_t)v;
            return DM_OK;
        }
    } else if (strcmp(section, "schedule") == 0) {
        char **dst[] = {&cfg->schedule_discover, &cfg->schedule_crawl, &cfg->schedule_classify,
                        &cfg->schedule_tags};
        int i = stage_index(key);
        if (i >= 0) {
            char what[64];
            snprintf(what, sizeof what, "schedule.%s", key);
            dm_status rc = check_expr(val, file, line, what, err);
            if (rc != DM_OK)
                return rc;
            free(*dst[i]);
            *dst[i] = dm_xstrdup(val);
            return DM_OK;
        }
        if (strcmp(key, "timezone") == 0) {
            dm_tz *tz = NULL;
            if (dm_tz_load(val, &tz, err) != DM_OK) {
                dm_error_prefix(err, "%s:%zu: schedule.timezone", file, line);
                if (err != NULL)
                    err->code = DM_ERR_CONFIG;
                return DM_ERR_CONFIG;
            }
            dm_tz_free(tz);
            free(cfg->schedule_timezone);
            cfg->schedule_timezone = dm_xstrdup(val);
            return DM_OK;
        }
        if (strcmp(key, "sources") == 0)
            return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: schedule.sources must be a mapping of source names", file,
                           line);
    } else if (strcmp(section, "server") == 0) {
        if (strcmp(key, "listen") == 0 || strcmp(key, "token_file") == 0) {
            char **dst = key[0] == 'l' ? &cfg->server_listen : &cfg->server_token_file;
            free(*dst);
            *dst = dm_xstrdup(val);
            return DM_OK;
        }
        if (strcmp(key, "workers") == 0) {
            uint64_t v;
            if (!dm_parse_rows(val, &v) || v > 64)
                return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: server.workers must be a number from 1 to 64", file,
                               line);
            cfg->server_workers = (int)v;
            return DM_OK;
        }
    } else if (strcmp(section, "tag_mapping") == 0) {
        dm_status rc = tag_map_begin(cfg, key, file, line, err);
        if (rc == DM_OK)
            tag_map_add(cfg, val);
        return rc;
    }
    return DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: unknown key '%s%s%s'", file, line, section, *section ? "." : "",
                   key);
}

dm_status dm_config_load(const char *explicit_path, dm_config *cfg, dm_error *err)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->threshold = -1;
    char *path = explicit_path ? dm_xstrdup(explicit_path) : find_default();
    if (path == NULL)
        return DM_OK;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        dm_status rc = DM_FAIL(err, DM_ERR_CONFIG, "%s: %s", path, strerror(errno));
        free(path);
        return rc;
    }
    cfg->path = path;
    yaml_parser_t p;
    yaml_event_t ev;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_file(&p, f);
    dm_status rc = DM_OK;
    char section[64] = "";
    char *key = NULL;
    size_t key_line = 0;
    int depth = 0;
    bool in_list = false;   /* inside a tag_mapping field's list of keys */
    bool in_sources = false;    /* depth 3: schedule.sources */
    bool in_source = false;     /* depth 4: schedule.sources.NAME */
    for (;;) {
        if (!yaml_parser_parse(&p, &ev)) {
            rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: %s", path, p.problem_mark.line + 1,
                         p.problem ? p.problem : "invalid YAML");
            break;
        }
        yaml_event_type_t t = ev.type;
        size_t line = ev.start_mark.line + 1;
        if (t == YAML_MAPPING_START_EVENT) {
            depth++;
            if (depth == 2) {
                if (key == NULL || !is_section(key)) {
                    rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: unknown section '%s'", path, key_line,
                                 key ? key : "?");
                } else {
                    snprintf(section, sizeof section, "%s", key);
                }
            } else if (depth == 3 && key && strcmp(section, "schedule") == 0 && strcmp(key, "sources") == 0) {
                in_sources = true;
            } else if (depth == 4 && key && in_sources) {
                rc = source_begin(cfg, key, path, key_line, err);
                in_source = true;
            } else if (depth > 2) {
                rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: too deeply nested ('%s%s%s' takes a single value)", path,
                             key ? key_line : line, section, key ? "." : "", key ? key : "");
            }
            free(key);
            key = NULL;
        } else if (t == YAML_MAPPING_END_EVENT) {
            depth--;
            if (depth == 3)
                in_source = false;
            else if (depth == 2)
                in_sources = false;
            else
                section[0] = '\0';
        } else if (t == YAML_SEQUENCE_START_EVENT && !in_list && depth == 2 && key &&
                   strcmp(section, "tag_mapping") == 0) {
            in_list = true;
            rc = tag_map_begin(cfg, key, path, key_line, err);
        } else if (t == YAML_SEQUENCE_START_EVENT) {
            rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: '%s' takes a single value", path, line, key ? key : "?");
        } else if (t == YAML_SEQUENCE_END_EVENT) {
            in_list = false;
            free(key);
            key = NULL;
        } else if (t == YAML_SCALAR_EVENT) {
            const char *v = (const char *)ev.data.scalar.value;
            if (in_list) {
                tag_map_add(cfg, v);
            } else if (key == NULL) {
                key = dm_xstrdup(v);
                key_line = line;
            } else {
                if (in_source)
                    rc = source_set(cfg, key, v, path, key_line, err);
                else if (in_sources)
                    rc = DM_FAIL(err, DM_ERR_CONFIG,
                                 "%s:%zu: schedule.sources.%s must be a mapping of stages (discover, crawl, "
                                 "classify, tags)",
                                 path, key_line, key);
                else
                    rc = set_key(cfg, section, key, v, path, key_line, err);
                free(key);
                key = NULL;
            }
        }
        yaml_event_delete(&ev);
        if (rc || t == YAML_STREAM_END_EVENT)
            break;
    }
    free(key);
    yaml_parser_delete(&p);
    fclose(f);
    if (rc)
        dm_config_free(cfg);
    return rc;
}

void dm_config_free(dm_config *cfg)
{
    free(cfg->path);
    free(cfg->catalog);
    free(cfg->log_format);
    free(cfg->only);
    free(cfg->except);
    free(cfg->controller_name);
    free(cfg->controller_contact);
    free(cfg->controller_joint);
    free(cfg->controller_representative);
    free(cfg->controller_dpo);
    for (size_t i = 0; i < cfg->ntag_mapping; i++) {
        free(cfg->tag_mapping[i].field);
        for (size_t k = 0; k < cfg->tag_mapping[i].nkeys; k++)
            free(cfg->tag_mapping[i].keys[k]);
        free(cfg->tag_mapping[i].keys);
    }
    free(cfg->tag_mapping);
    free(cfg->schedule_discover);
    free(cfg->schedule_crawl);
    free(cfg->schedule_classify);
    free(cfg->schedule_tags);
    free(cfg->schedule_timezone);
    for (size_t i = 0; i < cfg->nschedule_sources; i++) {
        free(cfg->schedule_sources[i].source);
        for (int k = 0; k < DM_CONFIG_NSTAGES; k++)
            free(cfg->schedule_sources[i].stage[k]);
    }
    free(cfg->schedule_sources);
    free(cfg->server_listen);
    free(cfg->server_token_file);
    memset(cfg, 0, sizeof *cfg);
    cfg->threshold = -1;
}
