/*
 * Catalog schema migrations (internal to src/catalog)
 *
 * The schema is a list of numbered steps, each one SQL script written for
 * every backend (see db.h for the rules). The version in force is kept in
 * the `meta` table (key 'schema_version'); a database without `meta` is at
 * version 0. Steps are never edited once released: a change is a new step.
 */
#ifndef DM_CATALOG_MIGRATIONS_H
#define DM_CATALOG_MIGRATIONS_H

#include "catalog/db.h"

/* The version this binary brings the schema to. */
int dm_migrations_latest(void);

/* Read the version in force (0 when the schema was never created). */
dm_status dm_migrations_current(dm_db *db, int *version, dm_error *err);

/* Read the version in force and check that this binary can use the
 * database: DM_ERR_BACKEND when the version is newer than
 * dm_migrations_latest(), or when it is 0 but the database already holds
 * tables of somebody else (a SQLite file that is not a catalog). */
dm_status dm_migrations_check(dm_db *db, int *version, dm_error *err);

/* Apply the missing steps, each in its own transaction (which also writes
 * the new version into `meta`), re-reading the version inside it so two
 * processes migrating at once do not apply a step twice. Costs one query
 * when the schema is up to date. Refuses, with DM_ERR_BACKEND, a database
 * whose version is newer than dm_migrations_latest(). Must be called with no
 * transaction open. *version receives the version in force afterwards
 * (may be NULL). */
dm_status dm_migrations_apply(dm_db *db, int *version, dm_error *err);

#endif
