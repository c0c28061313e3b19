/*
 * Special categories of personal data (GDPR Art. 9, and Art. 10 criminal
 * convictions) and gender: HEALTH, ETHNIC_ORIGIN, RELIGIOUS_BELIEF,
 * POLITICAL_OPINION, TRADE_UNION_MEMBERSHIP, SEXUAL_ORIENTATION,
 * GENETIC_DATA, BIOMETRIC_DATA, CRIMINAL_RECORD, GENDER.
 *
 * Most of these are words, not formats, and the words are everyday ones
 * ("Catholic", "Green", "Black", "Theft"), so what a value proves is small
 * and the column decides:
 * - Vocabulary (special_words.c): a short cell (<= 64 bytes, <= 8 words)
 *   whose words all belong to one entity's vocabulary, joiners ("of", "und",
 *   "type", "mg", numbers) aside, is that entity, MEDIUM when a word of the
 *   cell is hardly anything else, WEAK when it is also a colour, a name, a
 *   nationality or a common word. Longer cells are free text: never matched,
 *   so a sentence mentioning "female" or "cancer" proves nothing.
 *   CRIMINAL_RECORD words are all WEAK (claims tables say "Theft" too); a
 *   conviction word with an offence word ("convicted of burglary") is MEDIUM.
 * - Yes/no columns: a whole cell of yes/no/true/false/Y/N/ja/nein/oui/sí/
 *   evet... is a WEAK match of every vocabulary entity but GENDER, so it
 *   counts only under the entity's own column name:
 *   `is_union_member`, `hiv_positive`, `smoker`, `diabetic`,
 *   `criminal_record`, `party_member`. 0/1 flags are not read: digits
 *   only cells reach no finder (a tier-1 key for them cost 2.8% of a full
 *   scan), so a 0/1 union flag is missed. Decided: smoking status is health
 *   data (the Art. 29 WP and most DPAs treat it so), so `smoker`/`raucher`/
 *   `fumeur` are HEALTH names; a bare `member`, `active` or `flag` is no name.
 * - HEALTH also: ICD-10 codes starting a cell, whose category lies in the
 *   WHO chapter ranges (A00-B99 ... Z99, with the gaps A10-A14, A29, B11-B14,
 *   B84, C98-C99, D90-D99, E91-E99, H96-H99, K96-K99, P97-P99, T99, U86-U99,
 *   V00; ICD-10-CM extensions D49, K94-K95 and Y99 allowed). A dotted code
 *   ("E11.9", "F32.10", "S72.001A") is MEDIUM; an undotted one ("J45",
 *   "E119") is WEAK, as are V-Y and U codes (external causes, provisional
 *   codes, and "V10.2"-style versions): a lone "A10" or seat "E12" in a
 *   product column proves nothing, a column mostly of dotted codes does.
 *   Codes inside free text are not looked for (a tier-1 shape for them
 *   cost 3% of a full scan).
 *   Blood groups ("A+", "AB-", "0 Rh+", "O neg"): AB, O and Rh forms are
 *   MEDIUM, "A+"/"B-" (school grades too) WEAK.
 * - GENETIC_DATA: dbSNP reference SNP ids with a genotype ("rs429358 CT",
 *   "rs7412:TT", "rs1801133(A;G)", raw-data lines "rs123 1 8215 AA") and
 *   HLA alleles ("HLA-B*27:05") are STRONG; a bare rsID is WEAK.
 * - BIOMETRIC_DATA: a blob (hex, with or without "0x"/"\x", or base64) that
 *   starts with the format identifier of an ISO/IEC 19794 record ("FMR\0"
 *   finger minutiae, also ANSI/INCITS 378; "FIR\0" finger image; "FAC\0"
 *   face; "IIR\0" iris) is STRONG; any other long blob, or a vector of 8+
 *   numbers (a face embedding), is WEAK: it counts under a biometric name.
 * - GENDER is demographic, not special; single letters ("M", "F", "W", "D")
 *   are WEAK, words MEDIUM. It never matches inside longer text.
 *
 * Hints are in EN DE FR ES IT PT NL PL TR and romanised Hindi; the engine
 * compares column names case- and accent-insensitively.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "core/hash.h"
#include "core/mem.h"
#include "detect/category.h"
#include "detect/checks.h"
#include "detect/entities/names_data.h"
#include "detect/entities/special_words.h"
#include "detect/entity.h"

#define VOCAB_CELL_MAX 64       /* longer cells are free text */
#define VOCAB_WORDS_MAX 8
#define FOLD_CAP 128

static inline bool is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_alpha(unsigned c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline bool is_alnum(unsigned c)
{
    return is_digit(c) || is_alpha(c);
}

/* ---- phrase table ------------------------------------------------------------ */

typedef struct phrase_slot {
    const char *s;          /* into dm_special_lists; NULL: empty */
    uint8_t len;
    uint8_t flags;          /* DM_SPW_* */
    uint8_t v[DM_SP_NVOCAB];    /* best verdict per vocabulary entity */
} phrase_slot;

#define PHRASE_HEAD 0x80u     /* a longer phrase starts with this word */

static phrase_slot *ptab;
static uint32_t pmask;
static int pmaxw = 1;           /* words in the longest phrase */
static pthread_once_t ponce = PTHREAD_ONCE_INIT;

static phrase_slot *probe(const char *s, size_t n)
{
    uint32_t i = dm_fnv32(DM_FNV32_INIT, s, n) & pmask;
    while (ptab[i].s && !(ptab[i].len == n && memcmp(ptab[i].s, s, n) == 0))
        i = (i + 1) & pmask;
    return &ptab[i];
}

static void build(void)
{
    size_t count = 0;
    for (const dm_special_list *l = dm_special_lists; l->phrases; l++)
        for (const char *p = l->phrases; *p; p++)
            count += *p == '|' || p == l->phrases;
    uint32_t size = 64;
    while (size < count * 2)
        size *= 2;
    ptab = dm_xcalloc(size, sizeof *ptab);
    pmask = size - 1;
    for (const dm_special_list *l = dm_special_lists; l->phrases; l++) {
        const char *p = l->phrases;
        while (*p) {
            const char *e = strchr(p, '|');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            if (n > 0 && n < 256) {
                const char *sp = memchr(p, ' ', n);
                if (sp) {   /* mark its first word, so cells are cut word by word */
                    phrase_slot *hs = probe(p, (size_t)(sp - p));
                    if (hs->s == NULL) {
                        hs->s = p;
                        hs->len = (uint8_t)(sp - p);
                    }
                    hs->flags |= PHRASE_HEAD;
                    int w = 1;
                    for (size_t k = 0; k < n; k++)
                        w += p[k] == ' ';
                    if (w > pmaxw)
                        pmaxw = w;
                }
                phrase_slot *ps = probe(p, n);
                if (ps->s == NULL) {
                    ps->s = p;
                    ps->len = (uint8_t)n;
                }
                ps->flags |= (uint8_t)l->flags;
                if (l->ent >= 0 && ps->v[l->ent] < l->verdict)
                    ps->v[l->ent] = (uint8_t)l->verdict;
            }
            p += n + (e != NULL);
        }
    }
}

static void special_init(void)
{
    pthread_once(&ponce, build);
}

static const phrase_slot *lookup(const char *s, size_t n)
{
    const phrase_slot *ps = probe(s, n);
    return ps->s ? ps : NULL;
}

static bool has_verdict(const phrase_slot *ps)
{
    for (int e = 0; e < DM_SP_NVOCAB; e++)
        if (ps->v[e])
            return true;
    return false;
}

/* ---- folding a short cell into words --------------------------------------- */

typedef struct folded {
    char buf[FOLD_CAP];
    uint8_t ws[VOCAB_WORDS_MAX], we[VOCAB_WORDS_MAX];   /* word i is buf[ws[i], we[i]) */
    int n;
} folded;

/* Lower-case ASCII, Latin letters of U+00C0..U+017F folded (names_data.h),
 * anything else that is not a letter or digit a word break. False when the
 * cell has letters of another script, too many words or too many bytes. */
static bool fold_cell(const unsigned char *s, size_t len, folded *f)
{
    size_t o = 0;
    bool in_word = false;
    f->n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = s[i];
        const char *add = NULL;
        char one[2] = {0, 0};
        if (c < 0x80) {
            if (is_alnum(c)) {
                one[0] = (char)(is_alpha(c) ? (c | 0x20) : c);
                add = one;
            }
        } else if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            unsigned cp = (c & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu);
            i++;
            if (cp >= DM_NAMES_FOLD_FIRST && cp <= DM_NAMES_FOLD_LAST && dm_names_fold[cp - DM_NAMES_FOLD_FIRST].ascii[0])
                add = dm_names_fold[cp - DM_NAMES_FOLD_FIRST].ascii;
            else if (cp != 0xD7 && cp != 0xF7)
                return false;
        } else if (c == 0xC2 && i + 1 < len) {
            i++;    /* U+0080..U+00BF: punctuation, no-break space, º ª */
        } else if (c == 0xE2 && i + 2 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x81) {
            i += 2; /* general punctuation: dashes, quotes, U+2212 minus is 0xE2 0x88 */
        } else {
            return false;   /* another script, or symbols we do not expect in a value */
        }
        if (add == NULL) {
            in_word = false;
            continue;
        }
        if (!in_word) {
            if (f->n == VOCAB_WORDS_MAX)
                return false;
            if (f->n > 0)
                f->buf[o++] = ' ';
            f->ws[f->n] = (uint8_t)o;
            f->n++;
            in_word = true;
        }
        for (; *add; add++) {
            if (o + 2 >= FOLD_CAP)
                return false;
            f->buf[o++] = *add;
        }
        f->we[f->n - 1] = (uint8_t)o;
    }
    return f->n > 0;
}

/* ---- what a short cell is ------------------------------------------------------ */

typedef struct vocab_res {
    uint8_t v[DM_SP_NVOCAB];
} vocab_res;

/* Whether the first word of the cell that is not a number is no word of
 * the vocabularies: most cells (names, cities, ids, dates) stop here after
 * one lookup, before the whole cell is folded. */
static bool first_word_unknown(const unsigned char *s, size_t len)
{
    char w[32];
    size_t n = 0;
    for (size_t i = 0; i <= len; i++) {
        unsigned c = i < len ? s[i] : ' ';
        if (c - 'a' < 26u || c - 'A' < 26u || c - '0' < 10u) {     /* the common case */
            if (n == sizeof w)
                return true;    /* longer than any word of the lists */
            w[n++] = (char)(c >= 'A' ? c | 0x20 : c);
            continue;
        }
        if (c >= 0x80) {
            if (!((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < len && (s[i + 1] & 0xC0) == 0x80))
                return false;   /* the slow path decides */
            const char *a = dm_names_fold[((c & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu)) - DM_NAMES_FOLD_FIRST].ascii;
            i++;
            if (*a) {
                for (; *a; a++) {
                    if (n == sizeof w)
                        return true;
                    w[n++] = *a;
                }
                continue;
            }
        }
        if (n == 0)
            continue;
        if (is_digit((unsigned char)w[0])) {
            n = 0;              /* numbers join words: the next one decides */
            continue;
        }
        return lookup(w, n) == NULL;
    }
    return true;                /* numbers only */
}

/* Cut the words into the longest known phrases, left to right; every
 * phrase must be known (numbers are joiners). */
static void analyse(const unsigned char *s, size_t len, vocab_res *r)
{
    folded f;
    memset(r, 0, sizeof *r);
    if (len > VOCAB_CELL_MAX || first_word_unknown(s, len) || !fold_cell(s, len, &f))
        return;
    if (f.n == 1) {
        const phrase_slot *ps = lookup(f.buf, f.we[0]);
        if (ps == NULL)
            return;
        memcpy(r->v, ps->v, sizeof r->v);
        if (ps->flags & DM_SPW_YESNO)
            for (int e = 0; e < DM_SP_NVOCAB; e++)
                if (e != DM_SP_GENDER && r->v[e] < DM_WEAK)
                    r->v[e] = DM_WEAK;
        return;
    }
    bool ok[DM_SP_NVOCAB];
    uint8_t best[DM_SP_NVOCAB] = {0};
    unsigned seen = 0;
    int values = 0;
    for (int e = 0; e < DM_SP_NVOCAB; e++)
        ok[e] = true;
    for (int i = 0; i < f.n;) {
        const phrase_slot *ps = lookup(f.buf + f.ws[i], (size_t)(f.we[i] - f.ws[i]));
        int k = 1;
        if (ps && (ps->flags & PHRASE_HEAD)) {
            const phrase_slot *longer = NULL;
            for (k = f.n - i < pmaxw ? f.n - i : pmaxw; k >= 2 && longer == NULL; k--)
                longer = lookup(f.buf + f.ws[i], (size_t)(f.we[i + k - 1] - f.ws[i]));
            k++;
            if (longer)
                ps = longer;
            else
                k = 1;
        }
        if (ps && (ps->flags & ~PHRASE_HEAD) == 0 && !has_verdict(ps))
            ps = NULL;  /* only the start of longer phrases */
        if (ps == NULL) {
            /* numbers, and words that start with one ("20mg", "2x"), join */
            if (!is_digit((unsigned char)f.buf[f.ws[i]]))
                return;
            i++;
            continue;
        }
        i += k;
        if (ps->flags & DM_SPW_FILLER)
            continue;
        values++;
        seen |= ps->flags;
        for (int e = 0; e < DM_SP_NVOCAB; e++) {
            ok[e] = ok[e] && ps->v[e];
            if (ps->v[e] > best[e])
                best[e] = ps->v[e];
        }
    }
    if (values == 0)
        return;
    for (int e = 0; e < DM_SP_NVOCAB; e++)
        r->v[e] = ok[e] ? best[e] : 0;
    if (r->v[DM_SP_CRIMINAL] && (seen & DM_SPW_CONVICT) && (seen & DM_SPW_OFFENCE))
        r->v[DM_SP_CRIMINAL] = DM_MEDIUM;
}

/* ---- HEALTH: blood groups, ICD-10 ------------------------------------------------ */

/* A sign word after a blood group, folded: "+", "pos", "negativ"... */
static int sign_word(const char *w, size_t n)
{
    static const char *const pos[] = {"pos", "positive", "positiv", "positif", "positivo", "pozytywny",
                                      "dodatni", "pozitif", NULL};
    static const char *const neg[] = {"neg", "negative", "negativ", "negatif", "negativo", "ujemny", NULL};
    for (const char *const *p = pos; *p; p++)
        if (strlen(*p) == n && memcmp(*p, w, n) == 0)
            return 1;
    for (const char *const *p = neg; *p; p++)
        if (strlen(*p) == n && memcmp(*p, w, n) == 0)
            return -1;
    return 0;
}

/* "A+", "AB-", "0 Rh+", "O neg", "B Rh negativ", "AB RhD positive", "A",
 * "0". Returns the verdict (see the header). */
static dm_verdict blood_group(const char *c, size_t n)
{
    char w[24];
    size_t o = 0;
    if (n > 20 || !strchr("AaBbOo0", c[0]) || (n > 1 && !strchr("Bb+-\xE2 RrPpNn(", c[1])))
        return DM_NO;   /* most short cells stop here */
    /* fold: letters lower-case, '+'/'-' kept, U+2212 minus as '-', spaces dropped */
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)c[i];
        if (ch == ' ' || ch == '(' || ch == ')')
            continue;
        if (ch == 0xE2 && i + 2 < n && (unsigned char)c[i + 1] == 0x88 && (unsigned char)c[i + 2] == 0x92) {
            w[o++] = '-';
            i += 2;
            continue;
        }
        if (!(is_alnum(ch) || ch == '+' || ch == '-') || o + 1 >= sizeof w)
            return DM_NO;
        w[o++] = (char)(is_alpha(ch) ? (ch | 0x20) : ch);
    }
    size_t g = 0;
    bool ab = false, o_letter = false, zero = false;
    if (o >= 2 && w[0] == 'a' && w[1] == 'b')
        g = 2, ab = true;
    else if (o >= 1 && (w[0] == 'a' || w[0] == 'b' || w[0] == 'o' || w[0] == '0'))
        g = 1, o_letter = w[0] == 'o', zero = w[0] == '0';
    else
        return DM_NO;
    if (g == o)     /* bare "AB", "A", "O", "0": only under a blood-group name */
        return zero ? DM_NO : DM_WEAK;
    bool rh = false;
    if (o - g >= 2 && w[g] == 'r' && w[g + 1] == 'h') {
        rh = true;
        g += 2;
        if (g < o && w[g] == 'd')
            g++;
    }
    int sign = 0;
    if (o - g == 1 && (w[g] == '+' || w[g] == '-'))
        sign = 1;
    else if (o > g && sign_word(w + g, o - g))
        sign = 1;
    if (!sign)
        return DM_NO;
    return ab || rh || o_letter ? DM_MEDIUM : zero ? DM_NO : DM_WEAK;
}

/* Whether the 3-character category L + nn exists (see the header). */
static bool icd_category(char L, int nn)
{
    /* last category per letter, A..Z */
    static const uint8_t last[26] = {99, 99, 97, 89, 90, 99, 99, 95, 99, 99, 95, 99, 99,
                                     99, 99, 96, 99, 99, 99, 98, 85, 99, 99, 99, 99, 99};
    if (L < 'A' || L > 'Z' || nn < 0 || nn > last[L - 'A'])
        return false;
    switch (L) {
    case 'A': return !(nn >= 10 && nn <= 14) && nn != 29;
    case 'B': return !(nn >= 11 && nn <= 14) && nn != 84;
    case 'V': return nn >= 1;
    default: return true;
    }
}

/* An ICD-10 code at the start of the cell, written as ICD-10 writes it
 * (upper-case letter, two digits, then a dot and the subdivision); *end
 * gets where it ends. A code glued to more ("E12-XL", "J45.2.1") is none. */
static dm_verdict icd_at(const char *c, size_t n, size_t *end)
{
    if (n < 3 || c[0] < 'A' || c[0] > 'Z' || !is_digit((unsigned char)c[1]) || !is_digit((unsigned char)c[2]) ||
        !icd_category(c[0], (c[1] - '0') * 10 + (c[2] - '0')))
        return DM_NO;
    size_t i = 3;
    dm_verdict v = DM_WEAK;     /* "J45": seats, grid squares and SKUs look the same */
    if (i + 1 < n && c[i] == '.' && is_digit((unsigned char)c[i + 1])) {
        /* digits, then ICD-10-CM's upper-case 7th character and its 'X'
         * placeholders ("S72.001A", "T36.0X1A") */
        size_t j = i + 2;
        while (j < n && j - i <= 5 && (is_digit((unsigned char)c[j]) || (c[j] >= 'A' && c[j] <= 'Z')))
            j++;
        i = j;
        v = strchr("UVWXY", c[0]) ? DM_WEAK : DM_MEDIUM;    /* external causes; "V10.2" versions */
    }
    if (i < n && (is_alnum((unsigned char)c[i]) || ((c[i] == '.' || c[i] == '-' || c[i] == '/') && i + 1 < n &&
                                                    is_alnum((unsigned char)c[i + 1]))))
        return DM_NO;
    *end = i;
    return v;
}

/* The finder of HEALTH and of its family (the next DM_SP_NVOCAB - 1
 * entities of the table, in DM_SP_* order): the cell is read once for all
 * the vocabularies. */
static void vocab_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    vocab_res r;
    size_t end;
    dm_verdict icd = icd_at(cell, len, &end);
    if (icd) {
        emit(ctx, icd, 0, end);
        return;
    }
    special_init();
    analyse((const unsigned char *)cell, len, &r);
    if (r.v[DM_SP_HEALTH] == 0 && len <= 20)
        r.v[DM_SP_HEALTH] = (uint8_t)blood_group(cell, len);
    for (int e = 0; e < DM_SP_NVOCAB; e++)
        if (r.v[e])
            emit(ctx, DM_EMIT_FOR(e, r.v[e]), 0, len);
}

/* ---- GENETIC_DATA ------------------------------------------------------------------ */

static bool allele(unsigned c)
{
    return c == 'A' || c == 'C' || c == 'G' || c == 'T' || c == 'D' || c == 'I';
}

/* A genotype at s[i]: "CT", "T", "A;G", "A/G"; returns its end or 0. */
static size_t genotype_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    if (j < n && allele((unsigned char)s[j])) {
        j++;
        if (j < n && allele((unsigned char)s[j]))
            j++;
        else if (j + 1 < n && (s[j] == ';' || s[j] == '/' || s[j] == '|') && allele((unsigned char)s[j + 1]))
            j += 2;
    }
    if (j == i || (j < n && is_alnum((unsigned char)s[j])))
        return 0;
    return j;
}

static size_t skip_seps(const char *s, size_t n, size_t i)
{
    size_t k = 0;
    while (i < n && k < 3 && strchr(" \t:=(,;/-", s[i]) && s[i])
        i++, k++;
    return i;
}

static size_t token_end(const char *s, size_t n, size_t i)
{
    while (i < n && is_alnum((unsigned char)s[i]))
        i++;
    return i;
}

static bool chromosome(const char *s, size_t n)
{
    if (n == 1 && (s[0] == 'X' || s[0] == 'Y' || is_digit((unsigned char)s[0])))
        return s[0] != '0';
    if (n == 2 && s[0] == 'M' && s[1] == 'T')
        return true;
    if (n == 2 && is_digit((unsigned char)s[0]) && is_digit((unsigned char)s[1]))
        return (s[0] - '0') * 10 + (s[1] - '0') <= 22 && s[0] != '0';
    return false;
}

static void genetic_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    const char *s = cell;
    for (size_t i = 1; i + 1 < len; i++) {
        const char *p = memchr(s + i, 's', len - 1 - i);
        if (p == NULL)
            break;
        i = (size_t)(p - s);
        /* dbSNP writes "rs" lower-case; "RS232" is a port */
        if (s[i - 1] != 'r' || !is_digit((unsigned char)s[i + 1]) || (i >= 2 && is_alnum((unsigned char)s[i - 2])))
            continue;
        size_t start = i - 1, j = i + 1;
        while (j < len && is_digit((unsigned char)s[j]))
            j++;
        if (j - i - 1 > 10 || (j < len && is_alnum((unsigned char)s[j])))
            continue;
        /* "rs429358 CT", "rs7412:TT", "rs1801133(A;G)", "rs4477212 1 82154 AA" */
        size_t k = skip_seps(s, len, j), g = 0;
        if (k > j && k < len)
            g = genotype_at(s, len, k);
        if (g == 0 && k > j) {
            size_t t1 = token_end(s, len, k);
            if (chromosome(s + k, t1 - k)) {
                size_t k2 = skip_seps(s, len, t1), t2 = token_end(s, len, k2);
                if (k2 > t1 && t2 > k2 && dm_all_digits(s + k2, t2 - k2)) {
                    size_t k3 = skip_seps(s, len, t2);
                    if (k3 > t2 && k3 < len)
                        g = genotype_at(s, len, k3);
                }
            }
        }
        if (g && s[g - 1] != '(' && g < len && s[g] == ')')
            g++;
        emit(ctx, g ? DM_STRONG : DM_WEAK, start, g ? g : j);
        i = (g ? g : j);
    }
    /* HLA alleles: "HLA-A*02:01", "HLA-DRB1*15:01" */
    const char *h = len >= 7 ? memchr(s, '*', len) : NULL;
    if (h) {
        size_t star = (size_t)(h - s), b = star;
        while (b > 0 && is_alnum((unsigned char)s[b - 1]))
            b--;
        if (b >= 4 && star - b >= 1 && star - b <= 4 && memcmp(s + b - 4, "HLA-", 4) == 0 && star + 1 < len &&
            is_digit((unsigned char)s[star + 1])) {
            size_t e = star + 1;
            while (e < len && (is_digit((unsigned char)s[e]) || (s[e] == ':' && e + 1 < len && is_digit((unsigned char)s[e + 1]))))
                e++;
            emit(ctx, DM_STRONG, b - 4, e);
        }
    }
}

/* ---- BIOMETRIC_DATA ------------------------------------------------------------------ */

static inline bool b64_char(unsigned c)
{
    return is_alnum(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
}

static inline bool hex_char(unsigned c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* ISO/IEC 19794 format identifiers: "FMR\0" (19794-2 and ANSI/INCITS 378
 * minutiae), "FIR\0" (19794-4 finger image), "FAC\0" (19794-5 face), "IIR\0"
 * (19794-6 iris); as hex, and as the first 5 base64 characters (the
 * sixth already depends on the version that follows). */
static const char *const magic_hex[] = {"464d5200", "46495200", "46414300", "49495200", NULL};
static const char *const magic_b64[] = {"Rk1SA", "RklSA", "RkFDA", "SUlSA", NULL};

static bool starts_ci(const char *s, size_t n, const char *p)
{
    size_t pl = strlen(p);
    if (n < pl)
        return false;
    for (size_t i = 0; i < pl; i++)
        if ((s[i] | 0x20) != (p[i] | 0x20))
            return false;
    return true;
}

static void biometric_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    const char *s = cell;
    size_t n = len, off = 0;
    if (s[0] == '[') {     /* an embedding: [0.12, -0.5, ...] */
        size_t commas = 0;
        for (size_t i = 1; i < n; i++) {
            if (s[i] == ',')
                commas++;
            else if (!strchr("0123456789.-+eE ]", s[i]) || s[i] == '\0')
                return;
        }
        if (commas >= 7 && s[n - 1] == ']')
            emit(ctx, DM_WEAK, 0, len);
        return;
    }
    if (n > 2 && (s[0] == '\\' || s[0] == '0') && (s[1] | 0x20) == 'x')
        off = 2;
    if (!b64_char((unsigned char)s[off]))
        return;
    /* short of a bare blob's length, only a format identifier can count
     * (hex ones start with '4', base64 ones with 'R' or 'S') */
    if (n - off < 64) {
        if (s[off] != '4' && s[off] != 'R' && s[off] != 'S')
            return;
        bool maybe = false;
        for (int m = 0; !maybe && magic_hex[m]; m++)
            maybe = starts_ci(s + off, n - off, magic_hex[m]) || (off == 0 && memcmp(s, magic_b64[m], 5) == 0);
        if (!maybe)
            return;
    }
    bool hex = true;
    for (size_t i = off; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (!b64_char(c))
            return;
        hex = hex && hex_char(c);
    }
    bool magic = false;
    for (int m = 0; !magic && magic_hex[m]; m++)
        magic = hex ? starts_ci(s + off, n - off, magic_hex[m])
                    : off == 0 && n >= 5 && memcmp(s, magic_b64[m], 5) == 0;
    if (magic && n - off >= 24)
        emit(ctx, DM_STRONG, 0, len);
    else if (n - off >= 64)
        emit(ctx, DM_WEAK, 0, len);
}

/* ---- table ---------------------------------------------------------------------------- */


static const char *const health_hints[] = {
    "diagnosis", "diagnoses", "diagnose", "diagnosen", "diagnostic", "diagnostico", "diagnóstico", "diagnosi",
    "diagnostyka", "rozpoznanie", "tani", "teşhis", "teshis", "nidan", "dx", "icd", "icd10", "icd_10", "icd_code",
    "medical", "medical_condition", "health_condition", "health_status", "health_data", "condition_name",
    "chronic_condition", "comorbidity", "comorbidities", "disease", "diseases", "illness", "krankheit",
    "erkrankung", "erkrankungen", "befund", "maladie", "pathologie", "enfermedad", "patologia", "malattia",
    "doenca", "doença", "ziekte", "aandoening", "choroba", "hastalik", "hastalık", "bimari", "rog",
    "medication", "medications", "medicine", "medicines", "prescription", "prescriptions", "medikament",
    "medikamente", "medication_name", "medicament", "médicament", "medicamento", "medicamentos", "farmaco",
    "farmaci", "medicijn", "medicatie", "lek", "leki", "ilac", "ilaç", "dawa", "allergy", "allergies",
    "allergie", "allergien", "alergia", "alergias", "allergia", "allergieen", "alerji", "intolerance",
    "blood_group", "blood_type", "bloodtype", "bloodgroup", "blutgruppe", "groupe_sanguin", "grupo_sanguineo",
    "grupo_sanguíneo", "tipo_sanguineo", "tipo_sanguíneo", "tipo_de_sangue", "tipo_de_sangre",
    "gruppo_sanguigno", "bloedgroep", "grupa_krwi", "kan_grubu", "rakt_samooh", "hiv",
    "hiv_status", "hiv_positive", "disability", "disabled", "behinderung", "schwerbehindert", "handicap",
    "discapacidad", "disabilita", "disabilità", "deficiencia", "deficiência", "niepelnosprawnosc", "engelli",
    "pregnant", "pregnancy", "schwanger", "schwangerschaft", "enceinte", "grossesse", "embarazada", "embarazo",
    "incinta", "gravidanza", "gravida", "gravidez", "zwanger", "zwangerschap", "ciaza", "hamile", "smoker",
    "raucher", "fumeur", "fumador", "fumatore", "fumante", "roker", "palacz", "sigara_kullanimi", "diabetic",
    "diabetiker", "symptoms", "symptom", "symptome", "treatment_plan", "therapy", "therapie", "vaccination",
    "vaccinated", "impfstatus", "geimpft", "mental_health", "psychiatric", "anamnesis", "anamnese",
    "medical_history", "health_record", NULL,
};
static const char *const health_antihints[] = {
    "product", "products", "sku", "item", "article", "artikel", "produit", "producto", "prodotto", "produto",
    "catalog", "catalogue", "seat", "row", NULL,
};
static const char *const health_examples[] = {
    "E11.9", "J45", "F32.1", "S72.001A", "Type 2 diabetes", "Asthma", "Bluthochdruck", "diabète",
    "Metformin 500 mg", "penicillin allergy", "A+", "AB-", "0 Rh+", "O neg", "yes", NULL,
};
static const char *const health_counter[] = {
    "A10", "B84.1", "T99", "e11.9", "E11.9.3", "hello", "blue", "AB12", NULL,
};

static const char *const ethnic_hints[] = {
    "ethnicity", "ethnic", "ethnic_origin", "ethnic_group", "race", "race_ethnicity", "racial_origin",
    "ethnie", "ethnische_herkunft", "ethnische_zugehörigkeit", "ethnische_zugehoerigkeit",
    "origine_ethnique", "etnia", "etnicidad", "origen_etnico", "origen_étnico", "grupo_etnico",
    "etnicità", "etnicita", "origine_etnica", "raca", "raça", "cor_raca", "cor_ou_raca", "etniciteit",
    "etnische_afkomst", "afkomst", "pochodzenie_etniczne", "etnicznosc", "etnik", "etnik_koken", "irk",
    "jati", "jaati", "caste", "caste_category", "social_category", "hispanic", "is_hispanic", NULL,
};
static const char *const ethnic_examples[] = {
    "Hispanic or Latino", "White British", "Black", "Caucasian", "parda", "Mixed race", "Asian", NULL,
};
static const char *const ethnic_counter[] = {"Blue", "Green Tea", "Black coffee with milk and sugar", NULL};

static const char *const religion_hints[] = {
    "religion", "religious", "religious_belief", "religious_affiliation", "philosophical_belief",
    "denomination", "faith", "confession", "konfession", "religionszugehörigkeit",
    "religionszugehoerigkeit", "glaube", "glaubensrichtung", "weltanschauung", "kirchensteuer",
    "steuerkonfession", "religionsgemeinschaft", "religião", "religiao", "religión", "religione", "credo",
    "confesion", "confesión", "religie", "geloof", "kerkgenootschap", "wyznanie", "religia", "din_inanc",
    "dini", "dini_inanc", "dharm", "dharma", "mazhab", NULL,
};
static const char *const religion_antihints[] = {"product", "sku", "item", NULL};
static const char *const religion_examples[] = {
    "Catholic", "Roman Catholic", "Muslim", "konfessionslos", "evangelisch", "musulmane", "católico",
    "Hindu", "rk", NULL,
};
static const char *const religion_counter[] = {"Pizza", "Catholic University of Leuven campus map", NULL};

static const char *const political_hints[] = {
    "political_party", "party_affiliation", "party_membership", "party_member", "political",
    "political_opinion", "political_affiliation", "political_views", "politics", "voting_intention",
    "vote_intention", "voted_for", "filiacao_partidaria", "afiliacion_partidaria", "afiliacion_partidista", "partei", "parteizugehörigkeit", "parteizugehoerigkeit",
    "parteimitglied", "wahlabsicht", "parti_politique", "partido", "partido_politico", "partido_político",
    "afiliacion_politica", "partito", "partito_politico", "partij", "partijlidmaatschap", "partia",
    "przynaleznosc_partyjna", "siyasi_parti", "siyasi_gorus", "rajnitik_dal", NULL,
};
static const char *const political_antihints[] = {"third_party", "party_id", "party_type", "counterparty", NULL};
static const char *const political_examples[] = {
    "Democrat", "Republican Party", "SPD", "GroenLinks", "Partido Popular", "Labour", NULL,
};
static const char *const political_counter[] = {"Birthday party", "Blue", "Left lane closed", NULL};

static const char *const union_hints[] = {
    "union_member", "trade_union", "union_membership", "is_union_member", "labor_union", "labour_union",
    "union_name", "union_dues", "gewerkschaft", "gewerkschaftsmitglied", "gewerkschaftszugehörigkeit",
    "gewerkschaftszugehoerigkeit", "syndicat", "syndique", "syndiqué", "sindicato", "sindicalizado",
    "afiliacion_sindical", "afiliação_sindical", "filiacao_sindical", "sindacato", "iscritto_sindacato",
    "vakbond", "vakbondslid", "zwiazek_zawodowy", "związek_zawodowy", "sendika", "sendika_uyeligi", NULL,
};
static const char *const union_examples[] = {"IG Metall", "ver.di", "yes", "CCOO", NULL};
static const char *const union_counter[] = {"European Union", "maybe", NULL};

static const char *const sexual_hints[] = {
    "sexual_orientation", "orientation_sexuelle", "sexuelle_orientierung", "orientacion_sexual",
    "orientación_sexual", "orientamento_sessuale", "orientacao_sexual", "orientação_sexual",
    "seksuele_geaardheid", "geaardheid", "seksuele_orientatie", "orientacja_seksualna",
    "cinsel_yonelim", "cinsel_yönelim", "sexuality", "sexualität", "sexualitaet", "lgbt", "lgbtq",
    "sex_life", NULL,
};
static const char *const sexual_examples[] = {"Heterosexual", "bisexuell", "Lesbian", "gay", NULL};
static const char *const sexual_counter[] = {"Portrait", "Landscape", NULL};

static const char *const criminal_hints[] = {
    "criminal_record", "criminal_history", "criminal_records", "convictions", "conviction",
    "prior_convictions", "=sentence", "sentence_type", "sentence_imposed", "sentences_imposed", "offence", "offense", "offences", "offenses", "crime", "crimes", "sentencing",
    "arrest_record", "arrests", "sex_offender", "vorstrafe", "vorstrafen", "straftat", "straftaten",
    "delikt", "strafregister", "führungszeugnis", "fuehrungszeugnis", "casier_judiciaire", "infraction",
    "condamnation", "condamnations", "antecedentes_penales", "antecedentes", "delito", "condena",
    "precedenti_penali", "reato", "casellario_giudiziale", "condanna", "antecedentes_criminais",
    "registo_criminal", "crime_cometido", "strafblad", "veroordeling", "delict", "karalnosc", "karalność",
    "rejestr_karny", "wyrok", "sabika", "sabıka", "sabika_kaydi", "adli_sicil", "suc", "suç", "apradh", NULL,
};
static const char *const criminal_antihints[] = {"claim", "claim_type", "loss_type", "incident_type", NULL};
static const char *const criminal_examples[] = {
    "Burglary", "convicted of theft", "verurteilt wegen Betrug", "yes", NULL,
};
static const char *const criminal_counter[] = {"Flood", "Fire", NULL};

static const char *const gender_hints[] = {
    "gender", "sex", "geschlecht", "sexe", "genre", "sexo", "genero", "género", "gênero", "genere", "sesso",
    "geslacht", "płeć", "plec", "cinsiyet", "ling", "jins", "seibetsu", "gender_identity", "m_f", NULL,
};
static const char *const gender_examples[] = {
    "Female", "M", "weiblich", "Homme", "mujer", "Kadın", "non-binary", "F", NULL,
};
static const char *const gender_counter[] = {"Male patient with chest pain", "Frankfurt", "42", NULL};

static const char *const genetic_hints[] = {
    "genotype", "genotypes", "genotyp", "genotipo", "génotype", "snp", "snps", "rsid", "rs_id", "genetic",
    "genetics", "genetic_marker", "genetic_test", "dna", "dna_result", "allele", "alleles", "hla",
    "hla_type", "haplogroup", "genome", "genomic", "genetisch", "genetique", "génétique", "genetico",
    "genético", "genetyczny", "genetik", NULL,
};
static const char *const genetic_examples[] = {
    "rs429358 CT", "rs7412:TT", "rs1801133(A;G)", "rs4477212 1 82154 AA", "HLA-B*27:05", "rs53576", NULL,
};
static const char *const genetic_counter[] = {"hours 12", "RS232 port", "Mrs1234", NULL};

static const char *const biometric_hints[] = {
    "biometric", "biometrics", "biometric_template", "fingerprint_template", "finger_template",
    "fingerprint_data", "fingerprint_image", "minutiae", "face_template", "face_embedding",
    "face_encoding", "face_vector", "faceprint", "face_id", "iris_template", "iris_code", "iriscode",
    "voiceprint", "voice_print", "palm_print", "palmprint", "retina_scan", "fingerabdruck",
    "empreinte_digitale", "huella_dactilar", "huella_digital", "impronta_digitale",
    "impressao_digital", "impressão_digital", "vingerafdruk", "odcisk_palca", "parmak_izi", "biometrie",
    "biométrie", "biometria", "biyometrik", NULL,
};
static const char *const biometric_examples[] = {
    "Rk1SACAyMAAAAADkAAABPAFiAMUAxQEAAAAoJ0CNAA==", "464d52002032300000000164", NULL,
};
static const char *const biometric_counter[] = {"hello", "0x1234", NULL};

/* HEALTH first, then its family in DM_SP_* order (special_words.h). */
const dm_entity_def dm_entities_special[] = {
    {
        .name = "HEALTH",
        .region = "global",
        .category = DM_CAT_HEALTH,
        .description = "health data (Art. 9): ICD-10 codes, diagnoses, medication, allergies, blood groups",
        .find = vocab_find,
        .flags = DM_ENT_COLUMN_GATE,
        .family = DM_SP_NVOCAB - 1,
        .needs = DM_NEED_LETTER,
        .init = special_init,
        .hints = health_hints,
        .antihints = health_antihints,
        .examples = health_examples,
        .counterexamples = health_counter,
    },
    {
        .name = "ETHNIC_ORIGIN",
        .region = "global",
        .category = DM_CAT_ETHNIC_ORIGIN,
        .description = "racial or ethnic origin (Art. 9): census categories",
        .init = special_init,
        .hints = ethnic_hints,
        .examples = ethnic_examples,
        .counterexamples = ethnic_counter,
    },
    {
        .name = "RELIGIOUS_BELIEF",
        .region = "global",
        .category = DM_CAT_RELIGIOUS_BELIEF,
        .description = "religious or philosophical belief (Art. 9): religions, denominations, none",
        .init = special_init,
        .hints = religion_hints,
        .antihints = religion_antihints,
        .examples = religion_examples,
        .counterexamples = religion_counter,
    },
    {
        .name = "POLITICAL_OPINION",
        .region = "global",
        .category = DM_CAT_POLITICAL_OPINION,
        .description = "political opinion (Art. 9): parties and political leanings",
        .init = special_init,
        .hints = political_hints,
        .antihints = political_antihints,
        .examples = political_examples,
        .counterexamples = political_counter,
    },
    {
        .name = "TRADE_UNION_MEMBERSHIP",
        .region = "global",
        .category = DM_CAT_TRADE_UNION,
        .description = "trade-union membership (Art. 9): unions, or yes/no under a union column name",
        .init = special_init,
        .hints = union_hints,
        .examples = union_examples,
        .counterexamples = union_counter,
    },
    {
        .name = "SEXUAL_ORIENTATION",
        .region = "global",
        .category = DM_CAT_SEXUAL_ORIENTATION,
        .description = "sex life or sexual orientation (Art. 9)",
        .init = special_init,
        .hints = sexual_hints,
        .examples = sexual_examples,
        .counterexamples = sexual_counter,
    },
    {
        .name = "CRIMINAL_RECORD",
        .region = "global",
        .category = DM_CAT_CRIMINAL_RECORD,
        .description = "criminal convictions and offences (Art. 10) under a criminal-record column name",
        .init = special_init,
        .hints = criminal_hints,
        .antihints = criminal_antihints,
        .examples = criminal_examples,
        .counterexamples = criminal_counter,
    },
    {
        .name = "GENDER",
        .region = "global",
        .category = DM_CAT_GENDER,
        .description = "gender or sex (demographic, not special): words in 10 languages; letters under a name",
        .init = special_init,
        .hints = gender_hints,
        .examples = gender_examples,
        .counterexamples = gender_counter,
    },
    {
        .name = "GENETIC_DATA",
        .region = "global",
        .category = DM_CAT_GENETIC,
        .description = "genetic data (Art. 9): dbSNP rsIDs with genotypes, HLA alleles",
        .find = genetic_find,
        .flags = DM_ENT_COLUMN_GATE,
        .needs = DM_NEED_DIGIT | DM_NEED_LETTER,
        .min_len = 3,
        .init = special_init,
        .hints = genetic_hints,
        .examples = genetic_examples,
        .counterexamples = genetic_counter,
    },
    {
        .name = "BIOMETRIC_DATA",
        .region = "global",
        .category = DM_CAT_BIOMETRIC,
        .description = "biometric templates (Art. 9): ISO/IEC 19794 / ANSI 378 records, blobs under biometric names",
        .find = biometric_find,
        .flags = DM_ENT_COLUMN_GATE,
        .needs = DM_NEED_DIGIT,
        .min_len = 24,
        .init = special_init,
        .hints = biometric_hints,
        .examples = biometric_examples,
        .counterexamples = biometric_counter,
    },
    {0},
};
