#include "core/json.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

json_t *dm_json_str(const char *s)
{
    if (s == NULL)
        return json_null();
    json_t *j = json_string(s);
    if (j)
        return j;
    size_t n = strlen(s);
    char *c = dm_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        c[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
    c[n] = '\0';
    j = json_string(c);
    free(c);
    return j;
}
