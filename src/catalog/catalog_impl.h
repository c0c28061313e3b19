/*
 * Catalog internals shared by the files of src/catalog (catalog.c and the
 * modules split from it, such as jobs.c). Not for callers outside it.
 */
#ifndef DM_CATALOG_CATALOG_IMPL_H
#define DM_CATALOG_CATALOG_IMPL_H

#include "catalog/catalog.h"
#include "catalog/db.h"

/* The database handle under the catalog (owned by it). */
dm_db *dm_catalog_db(dm_catalog *cat);
/* Now as "YYYY-MM-DDTHH:MM:SSZ": the system clock, or dm_catalog_set_now's. */
void dm_catalog_now(dm_catalog *cat, char out[32]);

/* The columns of an asset row, "a" joined with its source "s" (from FROM
 * assets a JOIN sources s ON s.id = a.source_id), in the order
 * dm_catalog_read_asset reads them from column 0. */
#define DM_CATALOG_ASSET_COLS                                                                                        \
    "a.id, a.source_id, s.name, a.name, a.kind, a.location, a.state, a.fingerprint, a.first_seen, a.last_seen, "     \
    "a.deleted_at, a.cataloged_at, a.classified_at, a.region, a.facts_json, a.last_error, a.failed_at, a.unread_json"
void dm_catalog_read_asset(dm_db_stmt *st, dm_asset_rec *a);

/* After a table's findings of run_id were put: give each finding the
 * decision still in force on its (column, entity), record a lapse where the
 * schema version or value shape changed (reviews.c). */
dm_status dm_catalog_reviews_apply(dm_catalog *cat, int64_t table_id, int64_t run_id, dm_error *err);
/* Rewrite the entities and comment of a table's columns from its current
 * findings, leaving dismissed ones out (catalog.c). */
dm_status dm_catalog_columns_refresh(dm_catalog *cat, int64_t table_id, dm_error *err);

#endif
