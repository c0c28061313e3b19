#include "aws/xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static const char *find(const char *p, const char *end, const char *s, size_t sl)
{
    if (p >= end || (size_t)(end - p) < sl)
        return NULL;
    return memmem(p, (size_t)(end - p), s, sl);
}

bool dm_xml_next(dm_xml_span *cur, const char *name, dm_xml_span *inner)
{
    size_t nl = strlen(name);
    const char *p = cur->p;
    while ((p = find(p, cur->end, "<", 1)) != NULL) {
        p++;
        if ((size_t)(cur->end - p) < nl + 1 || memcmp(p, name, nl) != 0) {
            continue;
        }
        char c = p[nl];
        if (c != '>' && c != ' ' && c != '/' && c != '\t' && c != '\n' && c != '\r')
            continue;
        const char *gt = find(p, cur->end, ">", 1);
        if (gt == NULL)
            return false;
        if (gt[-1] == '/') {           /* <name/> */
            inner->p = inner->end = gt + 1;
            cur->p = gt + 1;
            return true;
        }
        char close[128];
        int cl = snprintf(close, sizeof close, "</%s>", name);
        if (cl <= 0 || (size_t)cl >= sizeof close)
            return false;
        const char *e = find(gt + 1, cur->end, close, (size_t)cl);
        if (e == NULL)
            return false;
        inner->p = gt + 1;
        inner->end = e;
        cur->p = e + cl;
        return true;
    }
    return false;
}

char *dm_xml_decode(const char *p, size_t n)
{
    char *out = dm_xmalloc(n + 1), *o = out;
    const char *end = p + n;
    while (p < end) {
        if (*p != '&') {
            *o++ = *p++;
            continue;
        }
        const char *semi = memchr(p, ';', (size_t)(end - p));
        if (semi == NULL || semi - p > 10) {
            *o++ = *p++;
            continue;
        }
        size_t el = (size_t)(semi - p - 1);
        const char *ent = p + 1;
        if (el == 3 && memcmp(ent, "amp", 3) == 0)
            *o++ = '&';
        else if (el == 2 && memcmp(ent, "lt", 2) == 0)
            *o++ = '<';
        else if (el == 2 && memcmp(ent, "gt", 2) == 0)
            *o++ = '>';
        else if (el == 4 && memcmp(ent, "quot", 4) == 0)
            *o++ = '"';
        else if (el == 4 && memcmp(ent, "apos", 4) == 0)
            *o++ = '\'';
        else if (el >= 2 && ent[0] == '#') {
            unsigned long cp = ent[1] == 'x' || ent[1] == 'X' ? strtoul(ent + 2, NULL, 16) : strtoul(ent + 1, NULL, 10);
            /* UTF-8; an entity is at least 4 bytes, its encoding at most 4 */
            if (cp < 0x80) {
                *o++ = (char)cp;
            } else if (cp < 0x800) {
                *o++ = (char)(0xC0 | (cp >> 6));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *o++ = (char)(0xE0 | (cp >> 12));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x110000) {
                *o++ = (char)(0xF0 | (cp >> 18));
                *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            }
        } else {
            memcpy(o, p, (size_t)(semi - p + 1));
            o += semi - p + 1;
        }
        p = semi + 1;
    }
    *o = '\0';
    return out;
}

char *dm_xml_text(dm_xml_span span, const char *name)
{
    dm_xml_span in;
    if (!dm_xml_next(&span, name, &in))
        return NULL;
    return dm_xml_decode(in.p, (size_t)(in.end - in.p));
}

void dm_xml_root(const char *doc, size_t len, char *buf, size_t bufsz)
{
    const char *p = doc, *end = doc + len;
    buf[0] = '\0';
    while ((p = find(p, end, "<", 1)) != NULL) {
        p++;
        if (p < end && (*p == '?' || *p == '!'))
            continue;
        size_t n = 0;
        while (p + n < end && p[n] != '>' && p[n] != ' ' && p[n] != '/' && p[n] != '\n' && p[n] != '\t')
            n++;
        snprintf(buf, bufsz, "%.*s", (int)n, p);
        return;
    }
}
