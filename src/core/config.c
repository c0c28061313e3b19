#include "core/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>

#include "core/mem.h"

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
                if (key == NULL || strcmp(key, "classify") != 0) {
                    rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: unknown section '%s'", path, key_line,
                                 key ? key : "?");
                } else {
                    snprintf(section, sizeof section, "%s", key);
                }
                free(key);
                key = NULL;
            } else if (depth > 2) {
                rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: too deeply nested", path, line);
            }
        } else if (t == YAML_MAPPING_END_EVENT) {
            depth--;
            section[0] = '\0';
        } else if (t == YAML_SEQUENCE_START_EVENT) {
            rc = DM_FAIL(err, DM_ERR_CONFIG, "%s:%zu: '%s' takes a single value", path, line, key ? key : "?");
        } else if (t == YAML_SCALAR_EVENT) {
            const char *v = (const char *)ev.data.scalar.value;
            if (key == NULL) {
                key = dm_xstrdup(v);
                key_line = line;
            } else {
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
    memset(cfg, 0, sizeof *cfg);
    cfg->threshold = -1;
}
