#include <string.h>

#include "sources/secret_option.h"

bool dm_source_secret_option(const char *kv)
{
    static const char *const words[] = {"password", "passwd", "secret", "token", "private_key", "credential", NULL};
    const char *eq = strchr(kv, '=');
    size_t kl = eq ? (size_t)(eq - kv) : strlen(kv);
    char key[128];
    if (kl >= sizeof key)
        kl = sizeof key - 1;
    for (size_t i = 0; i < kl; i++)
        key[i] = (char)((kv[i] >= 'A' && kv[i] <= 'Z') ? kv[i] + 32 : kv[i]);
    key[kl] = '\0';
    if (kl > 5 && strcmp(key + kl - 5, "_file") == 0)
        return false;
    for (const char *const *w = words; *w; w++)
        if (strstr(key, *w))
            return true;
    return false;
}
