/*
 * Secrets in URLs and options: one rule for everything that reaches a log
 * line, an error message, the catalog or the API.
 *
 * A secret is a key naming one (password, sslpassword, secret, token,
 * private_key, credential, api_key...; "*_file" keys name a file holding it
 * and are not secrets), the password of a URL's user-info
 * ("scheme://user:pass@host"), or the value of a query parameter with a
 * secret key ("?sslpassword=..."). Redacting keeps the rest as written and
 * replaces each secret by "***".
 */
#ifndef DM_CORE_REDACT_H
#define DM_CORE_REDACT_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the key (len bytes, any case) names a secret. */
bool dm_secret_key(const char *key, size_t len);

/* Whether s, a URL, holds a secret: a password in its user-info or a
 * secret query parameter. */
bool dm_url_has_secret(const char *s);

/* s with every secret replaced by "***" (a copy; s is not a URL: as is). */
char *dm_url_redact(const char *s);

/* text (a library's error message, which may quote the URL it was given)
 * with every occurrence of url redacted and of url's user-info password
 * replaced by "***". A copy. */
char *dm_text_redact_url(const char *text, const char *url);

#endif
