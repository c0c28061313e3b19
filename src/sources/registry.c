#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "core/mem.h"
#include "sources/source_impl.h"

/*
 * The driver table: one row per driver, with the URL schemes it answers to
 * (the first is its own; libpq's "postgresql" is the same driver). A plain
 * path, without "://", is the file driver's.
 */
extern const dm_source_ops dm_source_file_ops;
extern const dm_source_ops dm_source_sqlite_ops;
extern const dm_source_ops dm_source_postgres_ops;
extern const dm_source_ops dm_source_mysql_ops;
extern const dm_source_ops dm_source_s3_ops;
extern const dm_source_ops dm_source_dynamodb_ops;

#define AWS_HINT "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ~/.aws/credentials or --option profile=NAME"
#define SCHEMES(...) ((const char *const[]){__VA_ARGS__, NULL})

static const dm_source_driver drivers[] = {
    {"file", SCHEMES("file"), &dm_source_file_ops, NULL, false},
    {"sqlite", SCHEMES("sqlite"), &dm_source_sqlite_ops, NULL, true},
    {"postgres", SCHEMES("postgres", "postgresql"), &dm_source_postgres_ops,
     "PGPASSWORD, ~/.pgpass, PGPASSFILE or the other PG* environment variables", true},
    {"mysql", SCHEMES("mysql"), &dm_source_mysql_ops,
     "MYSQL_PWD or an option file ([client] in ~/.my.cnf, or --option option_file=PATH)", true},
    {"s3", SCHEMES("s3"), &dm_source_s3_ops, AWS_HINT, false},
    {"dynamodb", SCHEMES("dynamodb"), &dm_source_dynamodb_ops, AWS_HINT, false},
};
#define NDRIVERS (sizeof drivers / sizeof drivers[0])

/* The driver row and the scheme (as the table spells it) for a URL. */
static const dm_source_driver *find(const char *url, const char **scheme)
{
    const char *colon = strstr(url, "://");
    if (colon == NULL) {
        *scheme = drivers[0].schemes[0];
        return &drivers[0];     /* a plain path */
    }
    size_t n = (size_t)(colon - url);
    for (size_t i = 0; i < NDRIVERS; i++)
        for (const char *const *s = drivers[i].schemes; *s; s++)
            if (strlen(*s) == n && strncmp(*s, url, n) == 0) {
                *scheme = *s;
                return &drivers[i];
            }
    return NULL;
}

const char *dm_source_secret_hint(const char *url)
{
    const char *scheme = NULL;
    const dm_source_driver *d = url ? find(url, &scheme) : NULL;
    if (d != NULL && d->secret_hint != NULL)
        return d->secret_hint;
    if (d != NULL)
        return "nothing: this driver takes no credentials";
    return "for postgres: PGPASSWORD, ~/.pgpass, PGPASSFILE or the other PG* environment variables; "
           "for mysql: MYSQL_PWD or an option file (--option option_file=PATH); for s3 and dynamodb: " AWS_HINT;
}

const char *dm_source_lookup(const char *url)
{
    const char *scheme = NULL;
    return find(url, &scheme) ? scheme : NULL;
}

/* ---- include= and exclude= for every store ------------------------------------
 *
 * Glob patterns (fnmatch, comma-separated; '*' also crosses '/'), matched
 * against an asset's name (a bucket, a DynamoDB table, a folder) and a
 * table's "asset/table" path. exclude= drops whatever it matches; with
 * include= given, an asset stays when a pattern matches its name or the
 * part of a pattern before its first '/' does, and a table stays when a
 * pattern matches its asset's name or its path. The SQL drivers keep their
 * own schema.table meaning (own_filters). */

static void split_patterns(const char *s, char ***out, size_t *n)
{
    size_t cap = 0;
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, ",");
        while (len && (*p == ' ' || *p == '\t'))
            p++, len--;
        size_t l = len;
        while (l && (p[l - 1] == ' ' || p[l - 1] == '\t'))
            l--;
        if (l) {
            DM_GROW(*out, cap, *n + 1);
            (*out)[(*n)++] = dm_xstrndup(p, l);
        }
        p += len;
        if (*p == ',')
            p++;
    }
}

static void free_filters(dm_source *src)
{
    for (size_t i = 0; i < src->ninclude; i++)
        free(src->include[i]);
    for (size_t i = 0; i < src->nexclude; i++)
        free(src->exclude[i]);
    free(src->include);
    free(src->exclude);
    src->include = src->exclude = NULL;
    src->ninclude = src->nexclude = 0;
}

/* Take include/exclude out of the options; *driver_opts: what the driver
 * gets instead (NULL: the options as they are). */
static dm_status take_filters(dm_source *src, const char *url, const char *options_json, char **driver_opts,
                              dm_error *err)
{
    *driver_opts = NULL;
    if (options_json == NULL || *options_json == '\0')
        return DM_OK;
    json_t *o = json_loads(options_json, 0, NULL);
    if (!json_is_object(o) || (!json_object_get(o, "include") && !json_object_get(o, "exclude"))) {
        json_decref(o);
        return DM_OK;   /* the driver says what is wrong with them */
    }
    static const char *const keys[] = {"include", "exclude"};
    for (int k = 0; k < 2; k++) {
        json_t *v = json_object_get(o, keys[k]);
        if (v == NULL)
            continue;
        if (!json_is_string(v)) {
            json_decref(o);
            return DM_FAIL(err, DM_ERR_ARG, "%s: option %s takes glob patterns separated by commas", url, keys[k]);
        }
        split_patterns(json_string_value(v), k ? &src->exclude : &src->include, k ? &src->nexclude : &src->ninclude);
        json_object_del(o, keys[k]);
    }
    *driver_opts = json_object_size(o) ? json_dumps(o, JSON_COMPACT) : dm_xstrdup("");
    json_decref(o);
    return DM_OK;
}

/* A list of one, for the list freers. */
static void *one_of(const void *elem, size_t size)
{
    void *p = dm_xmalloc(size);
    memcpy(p, elem, size);
    return p;
}

static bool any_match(char *const *pats, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(pats[i], s, 0) == 0)
            return true;
    return false;
}

static bool asset_wanted(const dm_source *src, const char *name)
{
    if (any_match(src->exclude, src->nexclude, name))
        return false;
    if (src->ninclude == 0 || any_match(src->include, src->ninclude, name))
        return true;
    for (size_t i = 0; i < src->ninclude; i++) {
        const char *slash = strchr(src->include[i], '/');
        if (slash == NULL)
            continue;
        char *head = dm_xstrndup(src->include[i], (size_t)(slash - src->include[i]));
        bool m = fnmatch(head, name, 0) == 0;
        free(head);
        if (m)
            return true;
    }
    return false;
}

static bool table_wanted(const dm_source *src, const char *asset, const char *table)
{
    char *path = dm_xasprintf("%s/%s", asset, table);
    bool in = !any_match(src->exclude, src->nexclude, path) &&
              (src->ninclude == 0 || any_match(src->include, src->ninclude, asset) ||
               any_match(src->include, src->ninclude, path));
    free(path);
    return in;
}

dm_status dm_source_open(const char *url, const char *options_json, dm_source **out, dm_error *err)
{
    const char *scheme = NULL;
    const dm_source_driver *d = find(url, &scheme);
    *out = NULL;
    if (d == NULL) {
        const char *colon = strstr(url, "://");
        char have[160] = "";
        size_t hl = 0;
        for (size_t i = 0; i < NDRIVERS; i++)
            for (const char *const *s = drivers[i].schemes; *s; s++)
                if (hl + strlen(*s) + 6 < sizeof have)
                    hl += (size_t)snprintf(have + hl, sizeof have - hl, "%s%s://", hl ? ", " : "", *s);
        return DM_FAIL(err, DM_ERR_ARG, "%s: unsupported URL scheme '%.*s' (this datamap knows %s and plain paths)",
                       url, (int)(colon - url), url, have);
    }
    void *state = NULL;
    char *shown = NULL, *driver_opts = NULL;
    dm_source *src = dm_xcalloc(1, sizeof *src);
    dm_status rc = DM_OK;
    if (!d->own_filters && (rc = take_filters(src, url, options_json, &driver_opts, err)) != DM_OK)
        goto fail;
    rc = d->ops->open(url, driver_opts ? driver_opts : options_json, &state, &shown, err);
    free(driver_opts);
    if (rc) {
        if (state)
            d->ops->close(state);
        free(shown);
        goto fail;
    }
    src->driver = d;
    src->url = shown ? shown : dm_xstrdup(url);
    src->state = state;
    *out = src;
    return DM_OK;
fail:
    free_filters(src);
    free(src);
    return rc;
}

void dm_source_close(dm_source *src)
{
    if (src == NULL)
        return;
    src->driver->ops->close(src->state);
    free_filters(src);
    free(src->url);
    free(src);
}

const char *dm_source_driver_name(const dm_source *src)
{
    return src->driver->name;
}

/* ---- files not read ------------------------------------------------------------ */

void dm_source_set_unread(dm_source *src, dm_unread_fn fn, void *ctx)
{
    src->unread = fn;
    src->unread_ctx = ctx;
}

void dm_source_note_unread(dm_source *src, const char *target, const char *reason)
{
    if (src == NULL || src->unread == NULL)
        return;
    char kind[32];
    dm_unread_kind(target, kind, sizeof kind);
    src->unread(src->unread_ctx, target, kind, reason);
}

void dm_unread_kind(const char *name, char *out, size_t outlen)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strchr(base + (base[0] == '.'), '.');
    /* the last two extensions when the last is a compression suffix
     * (.csv.gz), else the last; lower case; long or odd ones are "other" */
    const char *last = strrchr(base, '.');
    if (dot && last && last != dot) {
        static const char *const comp[] = {".gz", ".gzip", ".zst", ".zstd", ".bz2", ".xz", ".lz4", ".snappy", NULL};
        bool is_comp = false;
        for (const char *const *c = comp; *c; c++)
            is_comp |= strcasecmp(last, *c) == 0;
        if (is_comp) {
            const char *prev = last;
            while (prev > base && prev[-1] != '.')
                prev--;
            dot = prev > base ? prev - 1 : last;
        } else {
            dot = last;
        }
    }
    if (dot == NULL || dot == base || dot[1] == '\0' || strlen(dot) >= outlen || strlen(dot) > 16) {
        snprintf(out, outlen, "%s", dot && dot != base && dot[1] ? "other" : "no extension");
        return;
    }
    size_t i = 0;
    for (; dot[i]; i++) {
        unsigned char c = (unsigned char)dot[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (!(c == '.' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
            snprintf(out, outlen, "other");
            return;
        }
        out[i] = (char)c;
    }
    out[i] = '\0';
}

const char *dm_unread_reason(const dm_error *err)
{
    const char *m = err ? err->msg : "";
    switch (err ? err->code : DM_ERR_IO) {
    case DM_ERR_FORMAT:
        if (strstr(m, "empty file"))
            return DM_UNREAD_EMPTY;
        if (strstr(m, "binary file") || strstr(m, "unknown format") || strstr(m, "not supported") ||
            strstr(m, "unknown record format"))
            return DM_UNREAD_UNSUPPORTED;
        return DM_UNREAD_CORRUPT;
    case DM_ERR_LIMIT:
        return DM_UNREAD_TOO_LARGE;
    default:
        return DM_UNREAD_FAILED;
    }
}

/* ---- wrappers: the only callers of the ops -------------------------------- */

dm_status dm_source_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                                dm_error *err)
{
    *out = NULL;
    *n = 0;
    dm_status rc = src->driver->ops->list_assets(src, out, n, problem, pctx, err);
    if (rc != DM_OK || (src->ninclude == 0 && src->nexclude == 0))
        return rc;
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++) {
        if (asset_wanted(src, (*out)[i].name))
            (*out)[kept++] = (*out)[i];
        else
            dm_asset_desc_free_list(one_of(&(*out)[i], sizeof **out), 1);
    }
    *n = kept;
    return DM_OK;
}

dm_status dm_source_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                dm_problem_fn problem, void *pctx, dm_error *err)
{
    *out = NULL;
    *n = 0;
    dm_status rc = src->driver->ops->list_tables(src, asset, out, n, problem, pctx, err);
    if (rc != DM_OK || (src->ninclude == 0 && src->nexclude == 0))
        return rc;
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++) {
        if (table_wanted(src, asset->name, (*out)[i].name))
            (*out)[kept++] = (*out)[i];
        else
            dm_table_desc_free_list(src, one_of(&(*out)[i], sizeof **out), 1);
    }
    *n = kept;
    return DM_OK;
}

dm_status dm_source_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                              const dm_row_sink *sink, dm_error *err)
{
    return src->driver->ops->read_rows(src, table, spec, sink, err);
}

dm_status dm_source_read_tags(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                              dm_error *err)
{
    dm_kv_free(tags);
    *origin = "store";
    if (src->driver->ops->read_tags == NULL)
        return DM_OK;
    dm_status rc = src->driver->ops->read_tags(src, asset, tags, origin, err);
    if (rc)
        dm_kv_free(tags);
    return rc;
}

dm_status dm_source_table_columns(dm_source *src, const dm_table_desc *table, const dm_column_decl **out, size_t *n,
                                  dm_error *err)
{
    *out = NULL;
    *n = 0;
    if (src->driver->ops->table_columns == NULL)
        return DM_OK;
    return src->driver->ops->table_columns(src, table, out, n, err);
}

dm_status dm_source_write_column_comment(dm_source *src, const dm_table_desc *table, const char *column,
                                         const char *marker, dm_error *err)
{
    if (src->driver->ops->write_column_comment == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: %s has no column comments", table->location, src->driver->name);
    return src->driver->ops->write_column_comment(src, table, column, marker, err);
}

dm_status dm_source_read_facts(dm_source *src, const dm_asset_desc *asset, char **facts_json, dm_error *err)
{
    *facts_json = NULL;
    if (src->driver->ops->read_facts == NULL)
        return DM_OK;
    return src->driver->ops->read_facts(src, asset, facts_json, err);
}

dm_status dm_source_wait_change(dm_source *src, int timeout_ms, bool *changed, dm_error *err)
{
    *changed = false;
    if (src->driver->ops->wait_change == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: %s does not announce changes", src->url, src->driver->name);
    return src->driver->ops->wait_change(src, timeout_ms, changed, err);
}

void dm_source_changed_assets(dm_source *src, char ***names, size_t *n, bool *all)
{
    *names = NULL;
    *n = 0;
    *all = true;
    if (src->driver->ops->changed_assets)
        src->driver->ops->changed_assets(src, names, n, all);
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
        if (src && src->driver->ops->free_table_data && list[i].driver_data)
            src->driver->ops->free_table_data(list[i].driver_data);
    }
    free(list);
}
