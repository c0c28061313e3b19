#include "core/placeholder.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Lower case, with their lengths; the longest is MAX_WORD bytes. */
#define W(s) {s, sizeof s - 1}
static const struct {
    const char *w;
    unsigned char n;
} words[] = {
    W("null"), W("(null)"), W("<null>"), W("none"), W("nil"), W("nan"), W("n/a"), W("#n/a"), W("na"), W("n.a."),
    W("n.a"), W("n/d"), W("n.d."), W("-"), W("--"), W("---"), W("?"), W("??"), W("???"), W("undefined"),
    W("unknown"), W("not available"), W("not applicable"),
    W("k.a."), W("k. a."), W("keine angabe"), W("unbekannt"),                        /* de */
    W("inconnu"), W("inconnue"), W("non renseigne"), W("non renseign\xc3\xa9"), W("nc"), W("n.c."), /* fr */
    W("desconocido"), W("desconocida"), W("s/d"), W("sin datos"), W("no disponible"),   /* es */
    W("sconosciuto"), W("non disponibile"),                                          /* it */
    W("desconhecido"), W("desconhecida"), W("sem dados"), W("n\xc3\xa3o informado"), W("nao informado"), /* pt */
    W("onbekend"), W("nieznany"), W("brak"), W("bilinmiyor"), W("yok"),              /* nl pl tr */
};
#define MAX_WORD 16

#define F(c) [c] = 1, [(c) & ~0x20] = 1
const unsigned char dm_placeholder_first[256] = {
    F('n'), F('u'), F('k'), F('i'), F('d'), F('s'), F('b'), F('y'), F('o'),
    ['-'] = 1, ['?'] = 1, ['('] = 1, ['<'] = 1, ['#'] = 1, [' '] = 1, ['\t'] = 1,
};

/* Bit n of lenmask[c]: some placeholder of n bytes starts with c (either
 * case); built once. */
static uint32_t lenmask[256];
static pthread_once_t lenmask_once = PTHREAD_ONCE_INIT;

static void lenmask_init(void)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        unsigned char c = (unsigned char)words[i].w[0];
        lenmask[c] |= 1u << words[i].n;
        if (c >= 'a' && c <= 'z')
            lenmask[c - 32] |= 1u << words[i].n;
    }
}

bool dm_is_placeholder_slow(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    if (n == 0)
        return true;
    if (n > MAX_WORD || !dm_placeholder_first[(unsigned char)*s])
        return false;
    pthread_once(&lenmask_once, lenmask_init);
    if (!(lenmask[(unsigned char)*s] >> n & 1))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (words[i].n == n && strncasecmp(words[i].w, s, n) == 0)
            return true;
    return false;
}
