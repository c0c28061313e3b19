/*
 * Report model: catalog -> activities -> assets -> categories, and gaps
 * (see report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "catalog/evidence.h"
#include "core/mem.h"
#include "detect/engine.h"
#include "report/report.h"

#define UNASSIGNED "Unassigned"
#define LABEL_MAX 160

const char *dm_origin_name(dm_origin o)
{
    switch (o) {
    case DM_FROM_TAG: return "tag";
    case DM_FROM_DETECTION: return "detection";
    case DM_FROM_FACT: return "store fact";
    case DM_FROM_CONFIG: return "config";
    }
    return "?";
}

uint64_t dm_report_activity_unread(const dm_report *r, const dm_report_activity *act)
{
    uint64_t n = 0;
    for (size_t k = 0; k < act->nassets; k++)
        n += r->assets[act->assets[k]].nunread;
    return n;
}

const char *dm_gap_kind_name(dm_gap_kind k)
{
    static const char *const names[] = {"no_purpose", "no_data_subjects", "no_legal_basis", "no_special_basis",
                                        "never_classified", "stale", "vanished", "no_controller",
                                        "no_location", "no_transfer_safeguard", "unread_files"};
    return (size_t)k < sizeof names / sizeof *names ? names[k] : "?";
}

const char *dm_report_ctl_title(dm_report_ctl c)
{
    static const char *const t[] = {"Controller", "Controller contact", "Joint controller",
                                    "Representative (Art. 27)", "Data protection officer"};
    return (size_t)c < DM_CTL_COUNT ? t[c] : "?";
}

/* Room for element n of an array of n elements: capacity doubles at powers of
 * two (appending n elements costs O(n) copies, also where realloc always
 * moves, as under ASan). */
static void *grow(void *p, size_t n, size_t size)
{
    if (n == 0 || (n & (n - 1)) == 0)
        return dm_xrealloc(p, (n ? 2 * n : 1) * size);
    return p;
}

/* ---- value lists ------------------------------------------------------ */

static bool has_str(char **list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

static void add_asset(dm_report_value *v, const char *asset)
{
    if (asset == NULL || has_str(v->assets, v->nassets, asset))
        return;
    v->assets = grow(v->assets, v->nassets, sizeof *v->assets);
    v->assets[v->nassets++] = dm_xstrdup(asset);
}

static bool same(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Add a value, or the asset to an equal value (same text, origin, key). */
static void values_add(dm_report_values *vals, const char *text, dm_origin origin, const char *key,
                       const char *tag_origin, const char *asset)
{
    for (size_t i = 0; i < vals->n; i++) {
        dm_report_value *v = &vals->v[i];
        if (v->origin == origin && strcmp(v->text, text) == 0 && same(v->key, key) && same(v->tag_origin, tag_origin)) {
            add_asset(v, asset);
            return;
        }
    }
    vals->v = grow(vals->v, vals->n, sizeof *vals->v);
    dm_report_value *v = &vals->v[vals->n++];
    *v = (dm_report_value){dm_xstrdup(text), origin, key ? dm_xstrdup(key) : NULL,
                           tag_origin ? dm_xstrdup(tag_origin) : NULL, NULL, 0};
    add_asset(v, asset);
}

static void values_merge(dm_report_values *dst, const dm_report_values *src)
{
    for (size_t i = 0; i < src->n; i++) {
        const dm_report_value *v = &src->v[i];
        for (size_t a = 0; a < v->nassets; a++)
            values_add(dst, v->text, v->origin, v->key, v->tag_origin, v->assets[a]);
        if (v->nassets == 0)
            values_add(dst, v->text, v->origin, v->key, v->tag_origin, NULL);
    }
}

static void value_clear(dm_report_value *v)
{
    free(v->text);
    free(v->key);
    free(v->tag_origin);
    for (size_t i = 0; i < v->nassets; i++)
        free(v->assets[i]);
    free(v->assets);
}

static void values_clear(dm_report_values *vals)
{
    for (size_t i = 0; i < vals->n; i++)
        value_clear(&vals->v[i]);
    free(vals->v);
}

char *dm_report_values_join(const dm_report_values *v)
{
    dm_buf b = DM_BUF_INIT;
    for (size_t i = 0; i < v->n; i++) {
        bool seen = false;  /* one text under several keys or origins: once */
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(v->v[k].text, v->v[i].text) == 0;
        if (!seen)
            dm_buf_printf(&b, "%s%s", b.len ? "; " : "", v->v[i].text);
    }
    return b.data ? dm_buf_steal(&b) : dm_xstrdup("");
}

char *dm_report_value_origin(const dm_report_value *v)
{
    dm_buf b = DM_BUF_INIT;
    dm_buf_printf(&b, "%s", dm_origin_name(v->origin));
    if (v->key)
        dm_buf_printf(&b, v->origin == DM_FROM_CONFIG ? " %s" : " '%s'", v->key);
    if (v->tag_origin)
        dm_buf_printf(&b, " (%s)", v->tag_origin);
    for (size_t a = 0; a < v->nassets; a++)
        dm_buf_printf(&b, "%s%s", a ? ", " : " on ", v->assets[a]);
    return dm_buf_steal(&b);
}

const dm_report_row dm_report_record_rows[] = {
    {DM_FIELD_BUSINESS_FUNCTION, ""},  {DM_FIELD_APP_NAME, ""},             {DM_FIELD_APP_ID, ""},
    {DM_FIELD_PURPOSE, "30(1)(b)"},     {DM_FIELD_DATA_SUBJECTS, "30(1)(c)"}, {DM_FIELD_RECIPIENTS, "30(1)(d)"},
    {DM_FIELD_TRANSFERS, "30(1)(e)"},   {DM_FIELD_SAFEGUARDS, "30(1)(e)"},    {DM_FIELD_RETENTION, "30(1)(f)"},
    {DM_FIELD_SECURITY, "30(1)(g)"},    {DM_FIELD_LEGAL_BASIS, "Art. 6"},     {DM_FIELD_SPECIAL_BASIS, "Art. 9"},
    {-1, NULL},
};

/* ---- categories ------------------------------------------------------- */

static dm_report_category *category_get(dm_report_category **list, size_t *n, const char *category,
                                        const char *label, bool special)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i].category, category) == 0)
            return &(*list)[i];
    *list = grow(*list, *n, sizeof **list);
    dm_report_category *c = &(*list)[(*n)++];
    *c = (dm_report_category){dm_xstrdup(category), dm_xstrdup(label), special, NULL, 0, NULL, 0};
    return c;
}

static void category_add(dm_report_category **list, size_t *n, const dm_report_column *cols, size_t col_idx)
{
    const dm_report_column *col = &cols[col_idx];
    dm_report_category *c = category_get(list, n, col->category, col->label, col->special);
    if (!has_str(c->entities, c->nentities, col->entity)) {
        c->entities = grow(c->entities, c->nentities, sizeof *c->entities);
        c->entities[c->nentities++] = dm_xstrdup(col->entity);
    }
    /* one entry per column: the first (column, entity) row stands for it. The
     * rows of one column are adjacent in dm_report.columns (findings come by
     * column), so only the last entry can be the same column. */
    if (c->ncolumns) {
        const dm_report_column *o = &cols[c->columns[c->ncolumns - 1]];
        if (c->columns[c->ncolumns - 1] == col_idx ||
            (strcmp(o->asset, col->asset) == 0 && strcmp(o->table, col->table) == 0 &&
             strcmp(o->column, col->column) == 0))
            return;
    }
    c->columns = grow(c->columns, c->ncolumns, sizeof *c->columns);
    c->columns[c->ncolumns++] = col_idx;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_category(const void *a, const void *b)
{
    return strcmp(((const dm_report_category *)a)->category, ((const dm_report_category *)b)->category);
}

static void categories_sort(dm_report_category *list, size_t n)
{
    if (n > 1)
        qsort(list, n, sizeof *list, cmp_category);
    for (size_t i = 0; i < n; i++)
        if (list[i].nentities > 1)
            qsort(list[i].entities, list[i].nentities, sizeof(char *), cmp_str);
}

static void categories_free(dm_report_category *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].category);
        free(list[i].label);
        for (size_t e = 0; e < list[i].nentities; e++)
            free(list[i].entities[e]);
        free(list[i].entities);
        free(list[i].columns);
    }
    free(list);
}

/* ---- building --------------------------------------------------------- */

static int cmp_asset(const void *a, const void *b)
{
    const dm_asset_rec *x = a, *y = b;
    int c = strcmp(x->source_name ? x->source_name : "", y->source_name ? y->source_name : "");
    return c ? c : strcmp(x->name, y->name);
}

static void add_gap(dm_report *r, dm_gap_kind kind, const char *asset, const char *activity, char *message)
{
    r->gaps = grow(r->gaps, r->ngaps, sizeof *r->gaps);
    r->gaps[r->ngaps++] = (dm_report_gap){kind, asset ? dm_xstrdup(asset) : NULL,
                                          activity ? dm_xstrdup(activity) : NULL, message};
}

/* "YYYY-MM-DDTHH:MM:SSZ" -> time_t, or -1. */
static time_t parse_iso(const char *s)
{
    struct tm tm = {0};
    if (s == NULL || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                            &tm.tm_min, &tm.tm_sec) != 6)
        return (time_t)-1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

/* A tag that says where a store is, for stores that cannot say it
 * themselves (an S3-compatible endpoint): "Region", "AWS Region",
 * "Data Location", folded. */
static bool region_tag_key(const char *key)
{
    static const char *const keys[] = {"region", "awsregion", "datalocation", "location"};
    char k[32];
    dm_tag_key_fold(key, k, sizeof k);
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(k, keys[i]) == 0)
            return true;
    return false;
}

/* Store facts (the drivers' facts_json, see source.h read_facts): region
 * outside the EEA (assets.region, else facts "region", else a region tag;
 * the region used is kept in ra->region), "encryption"
 * (skipped when "none", "unknown" or false), lifecycle expiry
 * ("lifecycle_expiration_days", or the S3 driver's "lifecycle_expiration"
 * rules with expiration_days / expiration_date). */
static void asset_facts(dm_report_asset *ra, const dm_asset_rec *a, const char *region_tag)
{
    bool known;
    const char *place;
    json_t *facts = a->facts_json && *a->facts_json ? json_loads(a->facts_json, 0, NULL) : NULL;
    if (!json_is_object(facts)) {
        json_decref(facts);
        facts = NULL;
    }
    const char *region = a->region && *a->region ? a->region : json_string_value(json_object_get(facts, "region"));
    if (region == NULL || *region == '\0')
        region = region_tag;
    if (ra->region == NULL && region != NULL && *region != '\0')
        ra->region = dm_xstrdup(region);
    if (region && *region && !dm_report_region_in_eea(region, &known, &place) && known) {
        char *t = dm_xasprintf("Stored in region %s%s%s%s, outside the EEA", region, place ? " (" : "",
                               place ? place : "", place ? ")" : "");
        values_add(&ra->fields[DM_FIELD_TRANSFERS], t, DM_FROM_FACT, "region", NULL, ra->id);
        free(t);
        ra->outside_eea = true;
    }
    if (facts == NULL)
        return;
    json_t *enc = json_object_get(facts, "encryption");
    const char *es = json_string_value(enc);
    if (enc && !json_is_null(enc) && !json_is_false(enc) &&
        !(es && (strcasecmp(es, "none") == 0 || strcasecmp(es, "unknown") == 0 || *es == '\0'))) {
        char *v = es ? dm_xstrdup(es) : json_is_true(enc) ? dm_xstrdup("enabled")
                                                          : json_dumps(enc, JSON_COMPACT | JSON_SORT_KEYS);
        char *t = dm_xasprintf("Encryption at rest: %s", v ? v : "enabled");
        values_add(&ra->fields[DM_FIELD_SECURITY], t, DM_FROM_FACT, "encryption", NULL, ra->id);
        free(t);
        free(v);
    }
    json_t *life = json_object_get(facts, "lifecycle_expiration_days");
    if (json_is_integer(life) || (json_is_string(life) && *json_string_value(life))) {
        char *t = json_is_integer(life)
                      ? dm_xasprintf("Objects expire after %lld days (lifecycle rule)",
                                     (long long)json_integer_value(life))
                      : dm_xasprintf("Objects expire after %s days (lifecycle rule)", json_string_value(life));
        values_add(&ra->fields[DM_FIELD_RETENTION], t, DM_FROM_FACT, "lifecycle_expiration_days", NULL, ra->id);
        free(t);
    }
    json_t *rules = json_object_get(facts, "lifecycle_expiration"), *rule;
    size_t i;
    json_array_foreach(rules, i, rule)
    {
        const char *status = json_string_value(json_object_get(rule, "status"));
        const char *prefix = json_string_value(json_object_get(rule, "prefix"));
        const char *date = json_string_value(json_object_get(rule, "expiration_date"));
        json_t *days = json_object_get(rule, "expiration_days");
        if ((status && strcasecmp(status, "Enabled") != 0) || (!json_is_integer(days) && !date))
            continue;
        char *when = json_is_integer(days) ? dm_xasprintf("after %lld days", (long long)json_integer_value(days))
                                           : dm_xasprintf("on %s", date);
        char *t = dm_xasprintf("Objects%s%s%s expire %s (lifecycle rule)", prefix && *prefix ? " under '" : "",
                               prefix && *prefix ? prefix : "", prefix && *prefix ? "'" : "", when);
        values_add(&ra->fields[DM_FIELD_RETENTION], t, DM_FROM_FACT, "lifecycle_expiration", NULL, ra->id);
        free(t);
        free(when);
    }
    json_decref(facts);
}

/* Examples: the JSON array of masked strings -> list. */
static void parse_examples(const char *evidence_json, dm_report_column *col)
{
    json_t *ev = dm_evidence_parse(evidence_json, NULL, NULL);
    size_t i;
    json_t *x;
    if (json_array_size(ev)) {
        col->examples = dm_xcalloc(json_array_size(ev) + 1, sizeof(char *));
        json_array_foreach(ev, i, x)
        {
            if (json_is_string(x))
                col->examples[col->nexamples++] = dm_xstrdup(json_string_value(x));
        }
    }
    json_decref(ev);
}

/* The asset's personal-data columns (latest findings of live tables). */
static dm_status asset_columns(dm_report *r, dm_catalog *cat, const dm_engine *eng, const dm_asset_rec *a,
                               dm_report_asset *ra, dm_error *err)
{
    dm_table_rec *tables = NULL;
    size_t nt = 0;
    dm_status rc = dm_catalog_table_list(cat, a->id, &tables, &nt, err);
    for (size_t t = 0; rc == DM_OK && t < nt; t++) {
        if (tables[t].deleted_at)
            continue;
        r->ntables++;
        dm_finding_out *f = NULL;
        dm_column_rec *cols = NULL;
        size_t nf = 0, nc = 0;
        if ((rc = dm_catalog_findings_list(cat, tables[t].id, &f, &nf, err)) == DM_OK &&
            (rc = dm_catalog_column_list(cat, tables[t].id, &cols, &nc, err)) == DM_OK) {
            for (size_t i = 0; i < nf; i++) {
                bool removed = false;
                for (size_t c = 0; c < nc; c++)
                    if (strcmp(cols[c].name, f[i].column) == 0)
                        removed = cols[c].removed;
                if (removed)
                    continue;
                if (f[i].review != NULL && strcmp(f[i].review, DM_REVIEW_DISMISSED) == 0) {
                    /* a person said it is not personal data: listed, never counted */
                    r->dismissed = grow(r->dismissed, r->ndismissed, sizeof *r->dismissed);
                    r->dismissed[r->ndismissed++] = (dm_report_dismissal){
                        .asset = dm_xstrdup(ra->id), .table = dm_xstrdup(tables[t].name),
                        .column = dm_xstrdup(f[i].column), .entity = dm_xstrdup(f[i].entity),
                        .by = dm_xstrdup(f[i].review_by ? f[i].review_by : ""),
                        .at = dm_xstrdup(f[i].review_at ? f[i].review_at : ""),
                        .reason = dm_xstrdup(f[i].review_reason ? f[i].review_reason : "")};
                    continue;
                }
                int id = dm_engine_find(eng, f[i].entity);
                const char *category = id >= 0 ? dm_engine_entity(eng, (size_t)id)->category : NULL;
                char label[LABEL_MAX];
                if (category == NULL || *category == '\0')
                    category = "user";      /* an entity this binary does not know (newer catalog) */
                dm_report_category_label(category, label, sizeof label);
                r->columns = grow(r->columns, r->ncolumns, sizeof *r->columns);
                dm_report_column *col = &r->columns[r->ncolumns];
                *col = (dm_report_column){.asset = dm_xstrdup(ra->id),
                                          .table = dm_xstrdup(tables[t].name),
                                          .column = dm_xstrdup(f[i].column),
                                          .entity = dm_xstrdup(f[i].entity),
                                          .category = dm_xstrdup(category),
                                          .label = dm_xstrdup(label),
                                          .special = dm_report_category_special(category),
                                          .matches = f[i].matches,
                                          .sampled = f[i].sampled,
                                          .allow_listed = f[i].allow_listed,
                                          .ratio = f[i].ratio,
                                          .confidence = dm_xstrdup(f[i].confidence ? f[i].confidence : ""),
                                          .classified_at = dm_xstrdup(f[i].created_at ? f[i].created_at : ""),
                                          .review = f[i].review ? dm_xstrdup(f[i].review) : NULL};
                if (f[i].review) {
                    col->review_by = dm_xstrdup(f[i].review_by ? f[i].review_by : "");
                    col->review_at = dm_xstrdup(f[i].review_at ? f[i].review_at : "");
                    col->review_reason = dm_xstrdup(f[i].review_reason ? f[i].review_reason : "");
                }
                parse_examples(f[i].evidence_json, col);
                category_add(&ra->categories, &ra->ncategories, r->columns, r->ncolumns);
                r->ncolumns++;
                ra->npersonal++;
            }
        }
        dm_finding_list_free(f, nf);
        dm_column_list_free(cols, nc);
    }
    dm_table_list_free(tables, nt);
    return rc;
}

static char *category_list(const dm_report_asset *ra, bool special_only)
{
    dm_buf b = DM_BUF_INIT;
    for (size_t i = 0; i < ra->ncategories; i++)
        if (!special_only || ra->categories[i].special)
            dm_buf_printf(&b, "%s%s", b.len ? ", " : "", ra->categories[i].label);
    return b.data ? dm_buf_steal(&b) : dm_xstrdup("");
}

static void location_gaps(dm_report *r, const dm_tag_mapping *m, const dm_report_asset *ra, const char *act);

static void asset_gaps(dm_report *r, const dm_tag_mapping *m, const dm_report_asset *ra, time_t now)
{
    const char *act = ra->activity != (size_t)-1 ? r->activities[ra->activity].name : NULL;
    if (ra->deleted_at) {
        add_gap(r, DM_GAP_VANISHED, ra->id, NULL,
                dm_xasprintf("store %s vanished on %s: confirm its personal data was erased or moved, then "
                             "remove it from the record",
                             ra->id, ra->deleted_at));
        return;
    }
    if (ra->nunread > 0) {
        /* Nothing skipped in silence: a store whose files were not all read
         * is never taken as free of personal data (when nothing of it was
         * readable, the gap says so instead of an empty store). */
        add_gap(r, DM_GAP_UNREAD_FILES, ra->id, act,
                ra->ncategories == 0 && ra->npersonal == 0
                    ? dm_xasprintf("store %s holds %llu file(s) datamap could not read (%s) and no personal data was "
                                   "found in the rest: its personal data is unknown, the record may be incomplete",
                                   ra->id, (unsigned long long)ra->nunread, ra->unread)
                    : dm_xasprintf("store %s holds %llu file(s) datamap could not read (%s): the record may be "
                                   "incomplete",
                                   ra->id, (unsigned long long)ra->nunread, ra->unread));
    }
    if (ra->classified_at == NULL && ra->ncategories > 0) {
        /* The rule: a store where some tables were classified (personal data
         * found) and others could not be read is partly classified, not
         * "never classified": the gap says what is missing, and the
         * purpose/subjects/basis gaps below still apply to what was found. */
        add_gap(r, DM_GAP_NEVER_CLASSIFIED, ra->id, act,
                dm_xasprintf("store %s is only partly classified: personal data was found, but some of its tables "
                             "or files were not read (see the last run's errors)",
                             ra->id));
    } else if (ra->classified_at == NULL) {
        add_gap(r, DM_GAP_NEVER_CLASSIFIED, ra->id, act,
                dm_xasprintf("store %s was never classified: its personal data is unknown", ra->id));
    } else {
        time_t at = parse_iso(ra->classified_at);
        if (at != (time_t)-1 && now - at > (time_t)r->stale_days * 86400)
            add_gap(r, DM_GAP_STALE, ra->id, act,
                    dm_xasprintf("store %s was last classified on %s, more than %lld days ago", ra->id,
                                 ra->classified_at, (long long)r->stale_days));
    }
    if (ra->ncategories == 0)
        return;
    static const struct {
        dm_report_field f;
        dm_gap_kind k;
        const char *what;
    } need[] = {{DM_FIELD_PURPOSE, DM_GAP_NO_PURPOSE, "purpose"},
                {DM_FIELD_DATA_SUBJECTS, DM_GAP_NO_DATA_SUBJECTS, "data subjects"},
                {DM_FIELD_LEGAL_BASIS, DM_GAP_NO_LEGAL_BASIS, "legal basis"}};
    char *cats = category_list(ra, false);
    for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
        if (ra->fields[need[i].f].n)
            continue;
        size_t nk;
        const char *const *keys = dm_tag_mapping_keys(m, need[i].f, &nk);
        add_gap(r, need[i].k, ra->id, act,
                dm_xasprintf("store %s holds personal data (%s) but has no %s%s%s%s", ra->id, cats, need[i].what,
                             nk ? ": tag it with '" : " (the tag mapping has no key for it)", nk ? keys[0] : "",
                             nk ? "'" : ""));
    }
    free(cats);
    char *special = category_list(ra, true);
    if (*special && ra->fields[DM_FIELD_SPECIAL_BASIS].n == 0) {
        size_t nk;
        const char *const *keys = dm_tag_mapping_keys(m, DM_FIELD_SPECIAL_BASIS, &nk);
        add_gap(r, DM_GAP_NO_SPECIAL_BASIS, ra->id, act,
                dm_xasprintf("store %s holds special-category data (%s) but has no Art. 9 condition%s%s%s", ra->id,
                             special, nk ? ": tag it with '" : "", nk ? keys[0] : "", nk ? "'" : ""));
    }
    free(special);
    location_gaps(r, m, ra, act);
}

/* Art. 30(1)(e): where personal data is, for the stores whose location is a
 * fact of the store (a bucket, a DynamoDB table) rather than of a machine
 * the organisation runs. Not known: ask for it, never guess a region.
 * Outside the EEA: the record must name the safeguard (Art. 46), or an
 * adequacy decision, in a tag. */
static void location_gaps(dm_report *r, const dm_tag_mapping *m, const dm_report_asset *ra, const char *act)
{
    static const char *const located_kinds[] = {"bucket", "dynamodb_table"};
    bool located = false, known = false;
    const char *place;
    for (size_t i = 0; i < sizeof located_kinds / sizeof *located_kinds; i++)
        located |= strcmp(ra->kind, located_kinds[i]) == 0;
    if (ra->region != NULL)
        (void)dm_report_region_in_eea(ra->region, &known, &place);
    if (located && !known)
        add_gap(r, DM_GAP_NO_LOCATION, ra->id, act,
                ra->region ? dm_xasprintf("store %s holds personal data in region '%s', which is no country or AWS "
                                          "region datamap knows: tag it with 'Region' (an AWS region or a country "
                                          "code)", ra->id, ra->region)
                           : dm_xasprintf("store %s holds personal data but its location is not known (an "
                                          "S3-compatible endpoint does not say): set the source's region option "
                                          "or tag it with 'Region'", ra->id));
    if (ra->outside_eea && ra->fields[DM_FIELD_SAFEGUARDS].n == 0) {
        size_t nk;
        const char *const *keys = dm_tag_mapping_keys(m, DM_FIELD_SAFEGUARDS, &nk);
        add_gap(r, DM_GAP_NO_SAFEGUARD, ra->id, act,
                dm_xasprintf("store %s holds personal data in %s, outside the EEA, and no safeguard for the "
                             "transfer is recorded%s%s%s (standard contractual clauses, binding corporate rules, "
                             "an adequacy decision...)", ra->id, ra->region, nk ? ": tag it with '" : "",
                             nk ? keys[0] : "", nk ? "'" : ""));
    }
}

/* Activity names of the live assets, sorted, "Unassigned" last. */
static void make_activities(dm_report *r)
{
    for (size_t i = 0; i < r->nassets; i++) {
        dm_report_asset *ra = &r->assets[i];
        ra->activity = (size_t)-1;
        if (ra->deleted_at)
            continue;
        const dm_report_values *v = &ra->fields[DM_FIELD_ACTIVITY];
        const char *name = v->n ? v->v[0].text : UNASSIGNED;
        size_t k = 0;
        while (k < r->nactivities && strcmp(r->activities[k].name, name) != 0)
            k++;
        if (k == r->nactivities) {
            r->activities = grow(r->activities, k, sizeof *r->activities);
            r->activities[k] = (dm_report_activity){.name = dm_xstrdup(name), .unassigned = v->n == 0};
            r->nactivities++;
        }
    }
    /* sort by name (insertion sort: few activities), Unassigned last */
    for (size_t i = 1; i < r->nactivities; i++) {
        dm_report_activity x = r->activities[i];
        size_t j = i;
        while (j > 0 && (r->activities[j - 1].unassigned > x.unassigned ||
                         (r->activities[j - 1].unassigned == x.unassigned &&
                          strcmp(r->activities[j - 1].name, x.name) > 0))) {
            r->activities[j] = r->activities[j - 1];
            j--;
        }
        r->activities[j] = x;
    }
    for (size_t i = 0; i < r->nassets; i++) {
        dm_report_asset *ra = &r->assets[i];
        if (ra->deleted_at)
            continue;
        const dm_report_values *v = &ra->fields[DM_FIELD_ACTIVITY];
        const char *name = v->n ? v->v[0].text : UNASSIGNED;
        for (size_t k = 0; k < r->nactivities; k++) {
            if (strcmp(r->activities[k].name, name) == 0 && r->activities[k].unassigned == (v->n == 0)) {
                ra->activity = k;
                break;
            }
        }
        dm_report_activity *act = &r->activities[ra->activity];
        act->assets = grow(act->assets, act->nassets, sizeof *act->assets);
        act->assets[act->nassets++] = i;
        for (int f = 0; f < DM_FIELD_COUNT; f++)
            values_merge(&act->fields[f], &ra->fields[f]);
        for (size_t c = ra->col_first; c < ra->col_first + ra->npersonal; c++)
            category_add(&act->categories, &act->ncategories, r->columns, c);
    }
    for (size_t k = 0; k < r->nactivities; k++)
        categories_sort(r->activities[k].categories, r->activities[k].ncategories);
}

dm_status dm_report_build(dm_catalog *cat, const dm_report_opts *opts, dm_report **out, dm_error *err)
{
    const dm_config *cfg = opts ? opts->cfg : NULL;
    time_t now = opts && opts->now ? opts->now : time(NULL);
    dm_report *r = dm_xcalloc(1, sizeof *r);
    dm_tag_mapping *m = NULL;
    dm_engine *eng = NULL;
    dm_asset_rec *assets = NULL;
    size_t na = 0;
    dm_status rc;
    bool snapshot = false;
    *out = NULL;

    if ((rc = dm_tag_mapping_new(cfg, &m, err)) || (rc = dm_engine_new(NULL, &eng, err)))
        goto out;
    /* one snapshot: consistent, and one lock instead of thousands */
    if ((rc = dm_catalog_begin_read(cat, err)))
        goto out;
    snapshot = true;
    dm_asset_filter filter = {NULL, NULL, true};
    if ((rc = dm_catalog_asset_list(cat, &filter, &assets, &na, err)))
        goto out;
    if (na > 1)
        qsort(assets, na, sizeof *assets, cmp_asset);

    struct tm tm;
    char stamp[32];
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    r->generated_at = dm_xstrdup(stamp);
    r->stale_days = cfg && cfg->report_stale_days > 0 ? cfg->report_stale_days : DM_REPORT_STALE_DAYS;

    const char *ctl[DM_CTL_COUNT] = {cfg ? cfg->controller_name : NULL, cfg ? cfg->controller_contact : NULL,
                                     cfg ? cfg->controller_joint : NULL,
                                     cfg ? cfg->controller_representative : NULL, cfg ? cfg->controller_dpo : NULL};
    static const char *const ctl_keys[DM_CTL_COUNT] = {"controller.name", "controller.contact",
                                                       "controller.joint_controller", "controller.representative",
                                                       "controller.dpo"};
    for (int c = 0; c < DM_CTL_COUNT; c++)
        r->controller[c] = (dm_report_value){ctl[c] ? dm_xstrdup(ctl[c]) : NULL, DM_FROM_CONFIG,
                                             dm_xstrdup(ctl_keys[c]), NULL, NULL, 0};

    r->assets = dm_xcalloc(na ? na : 1, sizeof *r->assets);
    for (size_t i = 0; i < na; i++) {
        const dm_asset_rec *a = &assets[i];
        dm_report_asset *ra = &r->assets[r->nassets++];
        ra->id = dm_xasprintf("%s/%s", a->source_name ? a->source_name : "?", a->name);
        ra->source = dm_xstrdup(a->source_name ? a->source_name : "");
        ra->name = dm_xstrdup(a->name);
        ra->kind = dm_xstrdup(a->kind ? a->kind : "");
        ra->location = dm_xstrdup(a->location ? a->location : "");
        ra->region = a->region ? dm_xstrdup(a->region) : NULL;
        ra->classified_at = a->classified_at ? dm_xstrdup(a->classified_at) : NULL;
        ra->deleted_at = a->deleted_at ? dm_xstrdup(a->deleted_at) : NULL;
        char unread[600];
        ra->nunread = dm_unread_summary(a->unread_json, unread, sizeof unread);
        ra->unread = ra->nunread ? dm_xstrdup(unread) : NULL;

        dm_tag *tags = NULL;
        size_t ntags = 0;
        const char *region_tag = NULL;
        if ((rc = dm_catalog_tags_get(cat, a->id, &tags, &ntags, err)))
            goto out;
        /* The tag precedence rule (dm_tag_origin_rank), per field: keys the
         * mapping reads as one field ("Data Subjects", "data_subjects") are
         * one key here, so a field takes the values of its strongest origin
         * only and never shows a sidecar's value beside the source's default. */
        int best[DM_FIELD_COUNT];
        for (int f = 0; f < DM_FIELD_COUNT; f++)
            best[f] = INT_MAX;
        for (size_t t = 0; t < ntags; t++) {
            int f = dm_tag_mapping_field(m, tags[t].key);
            if (f >= 0 && tags[t].value && *tags[t].value && dm_tag_origin_rank(tags[t].origin) < best[f])
                best[f] = dm_tag_origin_rank(tags[t].origin);
        }
        for (size_t t = 0; t < ntags; t++) {
            int f = dm_tag_mapping_field(m, tags[t].key);
            if (f >= 0 && tags[t].value && *tags[t].value && dm_tag_origin_rank(tags[t].origin) == best[f])
                values_add(&ra->fields[f], tags[t].value, DM_FROM_TAG, tags[t].key, tags[t].origin, ra->id);
            if (region_tag == NULL && tags[t].value && *tags[t].value && region_tag_key(tags[t].key))
                region_tag = tags[t].value;
        }
        asset_facts(ra, a, region_tag);
        dm_tag_list_free(tags, ntags);
        if (ra->deleted_at)
            continue;
        r->nlive++;
        ra->col_first = r->ncolumns;
        if ((rc = asset_columns(r, cat, eng, a, ra, err)))
            goto out;
        categories_sort(ra->categories, ra->ncategories);
        if (ra->ncategories)
            r->npersonal_assets++;
    }
    make_activities(r);

    /* overview: columns, not findings. r->columns has one row per (column,
     * entity), sorted by asset, table, column: a column counts once however
     * many entity types were found in it, and is special-category when one
     * of them is (the CLI's "column(s) with personal data" means the same). */
    for (size_t i = 0; i < r->ncolumns; i++) {
        const dm_report_column *c = &r->columns[i], *prev = i ? &r->columns[i - 1] : NULL;
        bool same = prev && strcmp(prev->asset, c->asset) == 0 && strcmp(prev->table, c->table) == 0 &&
                    strcmp(prev->column, c->column) == 0;
        if (!same) {
            r->npersonal_columns++;
            bool special = false;
            for (size_t k = i; k < r->ncolumns && !special; k++) {
                const dm_report_column *d = &r->columns[k];
                if (strcmp(d->asset, c->asset) || strcmp(d->table, c->table) || strcmp(d->column, c->column))
                    break;
                special = d->special;
            }
            r->nspecial_columns += special;
        }
    }

    /* overview: distinct categories over all live assets */
    {
        dm_report_category *all = NULL;
        size_t nall = 0;
        for (size_t i = 0; i < r->ncolumns; i++)
            category_add(&all, &nall, r->columns, i);
        r->ncategories = nall;
        categories_free(all, nall);
    }

    if (r->controller[DM_CTL_NAME].text == NULL)
        add_gap(r, DM_GAP_NO_CONTROLLER, NULL, NULL,
                dm_xstrdup("no controller named: set controller.name (and contact, dpo) in the config"));
    for (size_t i = 0; i < r->nassets; i++)
        asset_gaps(r, m, &r->assets[i], now);
out:
    if (snapshot)
        dm_catalog_rollback(cat);
    dm_asset_list_free(assets, na);
    dm_engine_free(eng);
    dm_tag_mapping_free(m);
    if (rc)
        dm_report_free(r);
    else
        *out = r;
    return rc;
}

void dm_report_free(dm_report *r)
{
    if (r == NULL)
        return;
    free(r->generated_at);
    for (int c = 0; c < DM_CTL_COUNT; c++)
        value_clear(&r->controller[c]);
    for (size_t i = 0; i < r->nassets; i++) {
        dm_report_asset *a = &r->assets[i];
        free(a->id);
        free(a->source);
        free(a->name);
        free(a->kind);
        free(a->location);
        free(a->region);
        free(a->classified_at);
        free(a->deleted_at);
        free(a->unread);
        categories_free(a->categories, a->ncategories);
        for (int f = 0; f < DM_FIELD_COUNT; f++)
            values_clear(&a->fields[f]);
    }
    free(r->assets);
    for (size_t i = 0; i < r->nactivities; i++) {
        dm_report_activity *a = &r->activities[i];
        free(a->name);
        free(a->assets);
        categories_free(a->categories, a->ncategories);
        for (int f = 0; f < DM_FIELD_COUNT; f++)
            values_clear(&a->fields[f]);
    }
    free(r->activities);
    for (size_t i = 0; i < r->ncolumns; i++) {
        dm_report_column *c = &r->columns[i];
        free(c->asset);
        free(c->table);
        free(c->column);
        free(c->entity);
        free(c->category);
        free(c->label);
        free(c->confidence);
        free(c->classified_at);
        free(c->review);
        free(c->review_by);
        free(c->review_at);
        free(c->review_reason);
        for (size_t e = 0; e < c->nexamples; e++)
            free(c->examples[e]);
        free(c->examples);
    }
    free(r->columns);
    for (size_t i = 0; i < r->ngaps; i++) {
        free(r->gaps[i].asset);
        free(r->gaps[i].activity);
        free(r->gaps[i].message);
    }
    free(r->gaps);
    for (size_t i = 0; i < r->ndismissed; i++) {
        dm_report_dismissal *d = &r->dismissed[i];
        free(d->asset);
        free(d->table);
        free(d->column);
        free(d->entity);
        free(d->by);
        free(d->at);
        free(d->reason);
    }
    free(r->dismissed);
    free(r);
}
