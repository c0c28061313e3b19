/*
 * Which source options are secrets. Shared by every place that takes a
 * source's options (`source add --option`, `scan --option`, POST
 * /api/v1/sources) and refuses to store a secret in the catalog.
 */
#ifndef DM_SOURCES_SECRET_OPTION_H
#define DM_SOURCES_SECRET_OPTION_H

#include <stdbool.h>

/* Whether an option "K=V" (or a bare key K) names a secret (password,
 * token, secret key, private key, credential...), which is never stored:
 * those belong in the environment, ~/.pgpass, a *_file option or an AWS
 * profile. References to secrets (password_file, profile) are fine. */
bool dm_source_secret_option(const char *kv);

#endif
