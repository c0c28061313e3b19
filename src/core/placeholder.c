#include "core/placeholder.h"

#include <string.h>
#include <strings.h>

/* Lower case; the longest is MAX_WORD bytes. */
static const char *const words[] = {
    "null", "(null)", "<null>", "none", "nil", "nan", "n/a", "#n/a", "na", "n.a.", "n.a", "n/d", "n.d.",
    "-", "--", "---", "?", "??", "???", "undefined", "unknown", "not available", "not applicable",
    "k.a.", "k. a.", "keine angabe", "unbekannt",          /* de */
    "inconnu", "inconnue", "non renseigne", "non renseigné", "nc", "n.c.",     /* fr */
    "desconocido", "desconocida", "s/d", "sin datos", "no disponible",        /* es */
    "sconosciuto", "non disponibile",                                         /* it */
    "desconhecido", "desconhecida", "sem dados", "não informado", "nao informado", /* pt */
    "onbekend", "nieznany", "brak", "bilinmiyor", "yok",                      /* nl pl tr */
    NULL,
};
#define MAX_WORD 16

bool dm_is_placeholder(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    if (n == 0)
        return true;
    if (n > MAX_WORD)
        return false;
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == n && strncasecmp(*w, s, n) == 0)
            return true;
    return false;
}
