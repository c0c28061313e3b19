#include <string.h>

#include "sources/secret_option.h"

#include "core/redact.h"

bool dm_source_secret_option(const char *kv)
{
    const char *eq = strchr(kv, '=');
    size_t kl = eq ? (size_t)(eq - kv) : strlen(kv);
    /* the key names a secret, or the value is a URL holding one (an
     * endpoint with user:password@, a ?sslpassword= parameter) */
    return dm_secret_key(kv, kl) || (eq && dm_url_has_secret(eq + 1));
}
