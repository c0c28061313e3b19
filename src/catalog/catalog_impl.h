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

#endif
