#include "sources/sql_common.h"

#include <ctype.h>
#include <fnmatch.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/redact.h"

#define DEFAULT_MAX_CELL 4096
#define DEFAULT_TIMEOUT_MS 30000

static bool parse_bool(const char *s, bool *out)
{
    if (strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0 || strcasecmp(s, "yes") == 0 || *s == '\0')
        *out = true;
    else if (strcasecmp(s, "false") == 0 || strcmp(s, "0") == 0 || strcasecmp(s, "no") == 0)
        *out = false;
    else
        return false;
    return true;
}

/* "a,b , c" -> {"a","b","c"} */
static void split_list(const char *s, char ***out, size_t *n)
{
    const char *p = s;
    while (*p) {
        const char *comma = strchr(p, ',');
        const char *end = comma ? comma : p + strlen(p);
        const char *b = p, *e = end;
        while (b < e && isspace((unsigned char)*b))
            b++;
        while (e > b && isspace((unsigned char)e[-1]))
            e--;
        if (e > b) {
            *out = dm_xrealloc(*out, (*n + 1) * sizeof **out);
            (*out)[(*n)++] = dm_xstrndup(b, (size_t)(e - b));
        }
        p = comma ? comma + 1 : end;
    }
}

dm_status dm_sql_opts_parse(const char *options_json, dm_sql_opts *o, dm_error *err)
{
    memset(o, 0, sizeof *o);
    o->max_cell_bytes = DEFAULT_MAX_CELL;
    o->statement_timeout_ms = DEFAULT_TIMEOUT_MS;
    if (options_json == NULL || *options_json == '\0')
        return DM_OK;
    json_error_t jerr;
    json_t *obj = json_loads(options_json, 0, &jerr);
    if (!json_is_object(obj)) {
        json_decref(obj);
        return DM_FAIL(err, DM_ERR_ARG, "source options are not a JSON object");
    }
    dm_status rc = DM_OK;
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v)
    {
        const char *s = json_is_string(v) ? json_string_value(v) : NULL;
        char *end = NULL;
        if (s == NULL) {
            rc = DM_FAIL(err, DM_ERR_ARG, "option %s: expected a string value", k);
        } else if (strcmp(k, "views") == 0) {
            if (!parse_bool(s, &o->views))
                rc = DM_FAIL(err, DM_ERR_ARG, "option views takes true or false, not '%s'", s);
        } else if (strcmp(k, "watch") == 0) {
            bool on = true;
            if (!parse_bool(s, &on))
                rc = DM_FAIL(err, DM_ERR_ARG, "option watch takes true or false, not '%s'", s);
            o->no_watch = !on;
        } else if (strcmp(k, "all_databases") == 0) {
            if (!parse_bool(s, &o->all_databases))
                rc = DM_FAIL(err, DM_ERR_ARG, "option all_databases takes true or false, not '%s'", s);
        } else if (strcmp(k, "include") == 0) {
            split_list(s, &o->include, &o->ninclude);
        } else if (strcmp(k, "exclude") == 0) {
            split_list(s, &o->exclude, &o->nexclude);
        } else if (strcmp(k, "option_file") == 0) {
            free(o->option_file);
            o->option_file = dm_xstrdup(s);
        } else if (strcmp(k, "databases") == 0) {
            split_list(s, &o->databases, &o->ndatabases);
        } else if (strcmp(k, "max_cell_bytes") == 0) {
            unsigned long long n = strtoull(s, &end, 10);
            if (end == s || *end || n < 16 || n > (1u << 24))
                rc = DM_FAIL(err, DM_ERR_ARG, "option max_cell_bytes takes 16 to 16777216, not '%s'", s);
            o->max_cell_bytes = (size_t)n;
        } else if (strcmp(k, "statement_timeout") == 0) {
            long n = strtol(s, &end, 10);
            if (end == s || *end || n < 1 || n > 86400000)
                rc = DM_FAIL(err, DM_ERR_ARG, "option statement_timeout takes milliseconds (1 to 86400000), not '%s'",
                             s);
            o->statement_timeout_ms = (int)n;
        } else {
            rc = DM_FAIL(err, DM_ERR_ARG,
                         "unknown option '%s' (database sources take views, all_databases, include, exclude, "
                         "databases, max_cell_bytes, statement_timeout, option_file, watch)",
                         k);
        }
        if (rc)
            break;
    }
    json_decref(obj);
    if (rc)
        dm_sql_opts_free(o);
    return rc;
}

void dm_sql_opts_free(dm_sql_opts *o)
{
    for (size_t i = 0; i < o->ninclude; i++)
        free(o->include[i]);
    for (size_t i = 0; i < o->nexclude; i++)
        free(o->exclude[i]);
    for (size_t i = 0; i < o->ndatabases; i++)
        free(o->databases[i]);
    free(o->include);
    free(o->exclude);
    free(o->databases);
    free(o->option_file);
    o->option_file = NULL;
    o->include = o->exclude = o->databases = NULL;
    o->ninclude = o->nexclude = o->ndatabases = 0;
}

bool dm_sql_opts_wanted(const dm_sql_opts *o, const char *schema, const char *table)
{
    char *full = dm_xasprintf("%s.%s", schema, table);
    bool in = o->ninclude == 0;
    for (size_t i = 0; i < o->ninclude && !in; i++)
        in = fnmatch(o->include[i], full, 0) == 0;
    for (size_t i = 0; i < o->nexclude && in; i++)
        in = fnmatch(o->exclude[i], full, 0) != 0;
    free(full);
    return in;
}

bool dm_sql_opts_wanted_db(const dm_sql_opts *o, const char *db)
{
    bool in = o->ndatabases == 0;
    for (size_t i = 0; i < o->ndatabases && !in; i++)
        in = fnmatch(o->databases[i], db, 0) == 0;
    return in;
}

static bool has(const char *s, const char *w)
{
    return strstr(s, w) != NULL;
}

const char *dm_sql_map_type(const char *declared)
{
    if (declared == NULL || *declared == '\0')
        return "string";
    char t[128];
    size_t n = 0;
    for (const char *p = declared; *p && n + 1 < sizeof t; p++)
        t[n++] = (char)tolower((unsigned char)*p);
    t[n] = '\0';
    if (has(t, "[]") || strncmp(t, "array", 5) == 0)
        return "array";
    if (strncmp(t, "bool", 4) == 0 || strcmp(t, "tinyint(1)") == 0 || strcmp(t, "bit(1)") == 0)
        return "boolean";
    if (has(t, "point") || has(t, "interval"))
        return "string";
    if (has(t, "int") || has(t, "serial"))
        return "bigint";
    if (has(t, "double") || has(t, "float") || has(t, "real") || has(t, "numeric") || has(t, "decimal") ||
        has(t, "number") || has(t, "money"))
        return "double";
    if (has(t, "timestamp") || has(t, "datetime"))
        return "timestamp";
    if (strncmp(t, "date", 4) == 0)
        return "date";
    return "string";
}

char *dm_sql_glob_to_like(const char *glob)
{
    dm_buf b = DM_BUF_INIT;
    for (const char *p = glob; *p; p++) {
        if (*p == '*')
            dm_buf_putc(&b, '%');
        else if (*p == '?')
            dm_buf_putc(&b, '_');
        else {
            if (*p == '%' || *p == '_' || *p == '\\')
                dm_buf_putc(&b, '\\');
            dm_buf_putc(&b, *p);
        }
    }

    return dm_buf_steal(&b);
}

size_t dm_sql_tags_parse(dm_kvlist *t, const char *comment)
{
    size_t found = 0;
    if (comment == NULL)
        return 0;
    const char *p = comment;
    while (*p) {
        const char *semi = strpbrk(p, ";\n");
        const char *end = semi ? semi : p + strlen(p);
        const char *eq = memchr(p, '=', (size_t)(end - p));
        if (eq) {
            const char *kb = p, *ke = eq, *vb = eq + 1, *ve = end;
            while (kb < ke && isspace((unsigned char)*kb))
                kb++;
            while (ke > kb && isspace((unsigned char)ke[-1]))
                ke--;
            while (vb < ve && isspace((unsigned char)*vb))
                vb++;
            while (ve > vb && isspace((unsigned char)ve[-1]))
                ve--;
            if (ke > kb) {
                dm_kv_setn(t, kb, (size_t)(ke - kb), vb, (size_t)(ve - vb), false);
                found++;
            }
        }
        p = semi ? semi + 1 : end;
    }
    return found;
}

char *dm_sql_redact_url(const char *url)
{
    return dm_url_redact(url);
}

size_t dm_sql_cell_len(const char *p, size_t len, size_t cap)
{
    if (len <= cap)
        return len;
    size_t n = cap;
    /* back off continuation bytes, then the lead byte of the cut sequence */
    while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
        n--;
    return n;
}

char *dm_sql_comment_merge(const char *existing, const char *marker)
{
    dm_buf b = DM_BUF_INIT;
    const char *old_marker = NULL;
    size_t old_len = 0;
    const char *p = existing ? existing : "";
    while (*p) {
        size_t len = strcspn(p, "\n");
        if (len >= strlen(DM_SQL_MARKER_PREFIX) && strncmp(p, DM_SQL_MARKER_PREFIX, strlen(DM_SQL_MARKER_PREFIX)) == 0) {
            if (old_marker == NULL) {
                old_marker = p;
                old_len = len;
            }
        } else {
            if (b.len)
                dm_buf_putc(&b, '\n');
            dm_buf_append(&b, p, len);
        }
        p += len;
        if (*p == '\n')
            p++;
    }
    if (marker && old_marker && strlen(marker) == old_len && strncmp(marker, old_marker, old_len) == 0) {
        dm_buf_free(&b);
        return NULL;    /* the same marker is there already */
    }
    if (marker == NULL && old_marker == NULL) {
        dm_buf_free(&b);
        return NULL;
    }
    if (marker) {
        if (b.len)
            dm_buf_putc(&b, '\n');
        dm_buf_append(&b, marker, strlen(marker));
    }

    return dm_buf_steal(&b);
}
