#include "core/redact.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

bool dm_secret_key(const char *key, size_t len)
{
    static const char *const words[] = {"password", "passwd", "pwd", "secret", "token", "private_key",
                                        "privatekey", "credential", "api_key", "apikey", NULL};
    char k[128];
    if (len >= sizeof k)
        len = sizeof k - 1;
    for (size_t i = 0; i < len; i++)
        k[i] = (char)((key[i] >= 'A' && key[i] <= 'Z') ? key[i] + 32 : key[i]);
    k[len] = '\0';
    if (len > 5 && strcmp(k + len - 5, "_file") == 0)
        return false;
    for (const char *const *w = words; *w; w++)
        if (strstr(k, *w))
            return true;
    return false;
}

/* The user-info of a URL: [*ui, *at) with *colon inside or NULL; false
 * when the URL has none. */
static bool user_info(const char *s, const char **ui, const char **colon, const char **at)
{
    const char *sep = strstr(s, "://");
    if (sep == NULL)
        return false;
    const char *auth = sep + 3;
    size_t alen = strcspn(auth, "/?#");
    *at = NULL;
    for (size_t i = 0; i < alen; i++)     /* the last '@': a password may hold one */
        if (auth[i] == '@')
            *at = auth + i;
    if (*at == NULL)
        return false;
    *ui = auth;
    *colon = memchr(auth, ':', (size_t)(*at - auth));
    return true;
}

/* The query of a URL (after '?', up to '#'), or NULL. */
static const char *query_of(const char *s)
{
    const char *sep = strstr(s, "://");
    const char *q = strchr(sep ? sep + 3 : s, '?');
    return q ? q + 1 : NULL;
}

bool dm_url_has_secret(const char *s)
{
    const char *ui, *colon, *at;
    if (s == NULL)
        return false;
    if (user_info(s, &ui, &colon, &at) && colon != NULL)
        return true;
    for (const char *q = query_of(s); q && *q && *q != '#';) {
        size_t l = strcspn(q, "&#");
        const char *eq = memchr(q, '=', l);
        if (dm_secret_key(q, eq ? (size_t)(eq - q) : l))
            return true;
        q += l;
        if (*q == '&')
            q++;
    }
    return false;
}

char *dm_url_redact(const char *s)
{
    if (s == NULL)
        return dm_xstrdup("");
    dm_buf b = DM_BUF_INIT;
    const char *ui, *colon, *at, *p = s;
    if (user_info(s, &ui, &colon, &at) && colon != NULL) {
        dm_buf_append(&b, s, (size_t)(colon - s));
        dm_buf_puts(&b, ":***");
        p = at;
    }
    const char *q = query_of(p);
    if (q == NULL) {
        dm_buf_puts(&b, p);
        return dm_buf_steal(&b);
    }
    dm_buf_append(&b, p, (size_t)(q - p));
    while (*q && *q != '#') {
        size_t l = strcspn(q, "&#");
        const char *eq = memchr(q, '=', l);
        if (eq && dm_secret_key(q, (size_t)(eq - q))) {
            dm_buf_append(&b, q, (size_t)(eq - q) + 1);
            dm_buf_puts(&b, "***");
        } else {
            dm_buf_append(&b, q, l);
        }
        q += l;
        if (*q == '&') {
            dm_buf_putc(&b, '&');
            q++;
        }
    }
    dm_buf_puts(&b, q);
    return dm_buf_steal(&b);
}

/* text with every occurrence of what (non-empty) replaced by with. */
static char *replace_all(const char *text, const char *what, const char *with)
{
    dm_buf b = DM_BUF_INIT;
    size_t wl = strlen(what);
    const char *p = text;
    for (const char *hit; wl && (hit = strstr(p, what)) != NULL; p = hit + wl) {
        dm_buf_append(&b, p, (size_t)(hit - p));
        dm_buf_puts(&b, with);
    }
    dm_buf_puts(&b, p);
    return dm_buf_steal(&b);
}

char *dm_text_redact_url(const char *text, const char *url)
{
    if (text == NULL)
        return dm_xstrdup("");
    if (url == NULL || !dm_url_has_secret(url))
        return dm_xstrdup(text);
    char *shown = dm_url_redact(url);
    char *out = replace_all(text, url, shown);
    free(shown);
    const char *ui, *colon, *at;
    if (user_info(url, &ui, &colon, &at) && colon != NULL && at > colon + 1) {
        char *pw = dm_xstrndup(colon + 1, (size_t)(at - colon - 1));
        char *again = replace_all(out, pw, "***");
        free(out);
        free(pw);
        out = again;
    }
    return out;
}
