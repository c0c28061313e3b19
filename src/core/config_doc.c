/*
 * The key reference (config.h: dm_config_doc), written from dm_config_keys
 * so that the documentation is the table: `datamap config keys` prints it and
 * docs/config.md is its md form, checked by tests/unit/test_config_keys.c.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/config.h"

/* One line of the reference: a key of the table or of a map's entries. */
typedef struct doc_row {
    char key[128];
    char type[48];
    char help[1024];
    const dm_config_key *k;
} doc_row;

typedef void (*doc_writer)(FILE *out, const doc_row *r, void *ctx);

static void describe_type(const dm_config_key *k, char *out, size_t size)
{
    const char *name = dm_config_type_name(k);
    if (k->type == DM_CT_INT && k->max >= 1e15)
        snprintf(out, size, "%s, at least %.0f", name, k->min);
    else if (k->type == DM_CT_INT || k->type == DM_CT_NUMBER)
        snprintf(out, size, "%s, %g to %g", name, k->min, k->max);
    else
        snprintf(out, size, "%s", name);
}

/* Every row in table order; a map shows the shape of its entries:
 * tag_mapping.FIELD (a list), schedule.sources.NAME and its sub-keys. */
static void each_row(doc_writer w, FILE *out, void *ctx)
{
    for (const dm_config_key *k = dm_config_keys; k->key; k++) {
        doc_row r = {.k = k};
        snprintf(r.help, sizeof r.help, "%s", k->help);
        /* the names a map allows, from the list the parser checks */
        for (size_t i = 0; k->type == DM_CT_MAP && k->map->names && k->map->names[i]; i++) {
            size_t n = strlen(r.help);
            snprintf(r.help + n, sizeof r.help - n, "%s%s", i ? ", " : "; FIELD: ", k->map->names[i]);
        }
        if (k->type != DM_CT_MAP) {
            snprintf(r.key, sizeof r.key, "%s", k->key);
            describe_type(k, r.type, sizeof r.type);
            w(out, &r, ctx);
            continue;
        }
        snprintf(r.key, sizeof r.key, "%s.%s", k->key, k->map->name_doc);
        snprintf(r.type, sizeof r.type, "%s", k->map->values ? "map" : "list of strings");
        w(out, &r, ctx);
        for (const dm_config_key *v = k->map->values; v && v->key; v++) {
            doc_row sub = {.k = v};
            snprintf(sub.help, sizeof sub.help, "%s", v->help);
            snprintf(sub.key, sizeof sub.key, "%s.%s.%s", k->key, k->map->name_doc, v->key);
            describe_type(v, sub.type, sizeof sub.type);
            w(out, &sub, ctx);
        }
    }
}

static void write_text(FILE *out, const doc_row *r, void *ctx)
{
    fprintf(out, "%-34s %-18s %-16s %s\n", r->key, r->type, r->k->def ? r->k->def : "-", r->help);
}

static void write_md(FILE *out, const doc_row *r, void *ctx)
{
    fprintf(out, "| `%s` | %s | %s%s%s | %s |\n", r->key, r->type, r->k->def ? "`" : "",
            r->k->def ? r->k->def : "", r->k->def ? "`" : "", r->help);
}

static void write_json(FILE *out, const doc_row *r, void *ctx)
{
    json_t *o = json_object();
    json_object_set_new(o, "key", json_string(r->key));
    json_object_set_new(o, "type", json_string(r->k->type == DM_CT_MAP || strchr(r->type, ',') == NULL
                                                   ? r->type
                                                   : dm_config_type_name(r->k)));
    if (r->k->type == DM_CT_INT || r->k->type == DM_CT_NUMBER) {
        json_object_set_new(o, "min", json_real(r->k->min));
        json_object_set_new(o, "max", json_real(r->k->max));
    }
    json_object_set_new(o, "default", r->k->def ? json_string(r->k->def) : json_null());
    json_object_set_new(o, "help", json_string(r->help));
    json_array_append_new(ctx, o);
}

bool dm_config_doc(FILE *out, const char *format)
{
    if (strcmp(format, "text") == 0) {
        fprintf(out, "%-34s %-18s %-16s %s\n", "KEY", "TYPE", "DEFAULT", "MEANING");
        each_row(write_text, out, NULL);
    } else if (strcmp(format, "md") == 0) {
        fputs("# Configuration keys\n\n"
              "Every key of the configuration file (README.md, \"Configuration\"), as\n"
              "`datamap config keys --format md` prints it from the table in\n"
              "`src/core/config.c`. Do not edit: change the table and regenerate this\n"
              "file; `tests/unit/test_config_keys.c` fails while the two differ.\n\n"
              "A dotted key is written nested in the file: `classify.threshold: 0.2` is\n"
              "`classify:` with `threshold: 0.2` under it. Types: `rows` is a positive\n"
              "number or `all`; `cron` is a cron expression (src/core/cron.h) or `off`;\n"
              "`list of strings` is `[a, b]` or one string. The schedule's defaults\n"
              "apply where neither the stage nor the source gives one.\n\n"
              "| Key | Type | Default | Meaning |\n"
              "|---|---|---|---|\n",
              out);
        each_row(write_md, out, NULL);
    } else if (strcmp(format, "json") == 0) {
        json_t *a = json_array();
        each_row(write_json, out, a);
        json_dumpf(a, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', out);
        json_decref(a);
    } else {
        return false;
    }
    return true;
}
