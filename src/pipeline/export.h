/*
 * Exports of the catalog: dm_export_build makes the document of DESIGN.md's
 * JSON shape ({"assets": [...], "errors": [...]}); the printers render it as
 * JSON, as a table for terminals, or as Glue TableInput JSON.
 */
#ifndef DM_PIPELINE_EXPORT_H
#define DM_PIPELINE_EXPORT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "catalog/catalog.h"
#include "pipeline/pipeline.h"

/* Whether name is an entity type datamap knows (for layers that may not
 * include detect/: the API's ?entity= filter). */
bool dm_export_entity_known(const char *name);
/* Its data category ("user.contact.email"), NULL when the name is not a
 * built-in entity type (the API's inventory groups findings by it). */
const char *dm_export_entity_category(const char *name);

/* New reference, or NULL with err set. */
json_t *dm_export_build(dm_catalog *cat, const dm_asset_filter *filter, const dm_problem *problems,
                        size_t nproblems, dm_error *err);
void dm_export_print_json(FILE *out, json_t *doc);
/* Personal-data columns (every column with all_columns) and a summary line. */
void dm_export_print_table(FILE *out, json_t *doc, bool all_columns);
void dm_export_print_glue(FILE *out, json_t *doc);

#endif
