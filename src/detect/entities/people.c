/*
 * People entities: PERSON_NAME, ADDRESS, DATE_OF_BIRTH.
 *
 * - PERSON_NAME: a tier-2 finder over the words of a cell. Name parts come
 *   from public statistics compiled in (names_data.c, built by
 *   scripts/gen-names-data; sources in data/names/README.md): US SSA given
 *   names, US Census surnames, a multicultural list of name parts, and the
 *   Dale-Chall familiar English words as negative evidence. Hand-written word
 *   lists (people_words.c: company markers, street words, stop words,
 *   titles, cities) veto or weaken a reading. What reads as something else
 *   is evidence against the name (an emit of DM_NO, see entity.h): firms
 *   (legal forms, also dotted: "S.p.A."; lists of names joined by "and" or
 *   "&"), towns (GeoNames names of 2+ words compiled in as hashes; "Castelo
 *   X", "X-upon-Y"), buildings ("Rose Cottage"), addresses written as text,
 *   and closed vocabularies (gender, statuses, yes/no, weekdays).
 * - ADDRESS: a tier-2 finder for a street-type word (English, French,
 *   Spanish, Italian, Portuguese, German, Dutch; German/Dutch types glued to
 *   the name: "Hauptstraße") with a house number on the side the country
 *   writes it.
 * - DATE_OF_BIRTH: numeric dates are tier-1 shapes (ISO 8601, d/m/y and m/d/y
 *   with '/', '.' or '-', YYYYMMDD, ISO timestamps at midnight); dates with a
 *   month name (EN, DE, FR, ES, IT, NL) are found by a finder. Only real
 *   dates from 1900 to today; a time other than midnight refuses the date.
 *   A date is personal only under a birth-date column name
 *   (DM_ENT_NEEDS_HINT).
 *
 * All finders tokenise the cell once into words, numbers and punctuation
 * (ASCII fast path, UTF-8 Latin letters folded to ASCII through the generated
 * table) without allocating; only candidate words are looked up in one hash
 * table built by people_init().
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "core/hash.h"
#include "core/mem.h"
#include "detect/entities/names_data.h"
#include "detect/entities/people_words.h"
#include "detect/entities/entity_impl.h"

/* ---- lexicon: one hash table of folded words ------------------------------ */

/* Bits 0-5 come from names_data.h (DM_NAME_*). */
_Static_assert(DM_NAME_GIVEN_FIRST < 0x40u, "names_data flags overlap the lexicon's");
#define L_NAME (DM_NAME_GIVEN_TOP | DM_NAME_GIVEN | DM_NAME_SURNAME | DM_NAME_OTHER)
#define L_GIVEN (DM_NAME_GIVEN_TOP | DM_NAME_GIVEN)
#define L_STOP 0x40u        /* function and geography words: never in a name */
#define L_COMPANY 0x80u     /* company / institution markers */
#define L_STREETW 0x100u    /* street words that veto a name */
#define L_TITLE 0x200u      /* honorific before a name */
#define L_SUFFIX 0x400u     /* Jr, III, PhD after a name */
#define L_PARTICLE 0x800u   /* van, de, von... inside a name */
#define L_CITY 0x1000u      /* a city name: a single word is not a person */
#define L_UNIT 0x2000u      /* a unit after a number: "2 TB", "5 kg" */
#define L_PRODUCT 0x4000u   /* product words that are no street name */
#define L_NUMPFX 0x8000u    /* "Nr", "No", "nº" before a house number */
#define A_EN 0x10000u       /* number, name, type: "123 Main Street" */
#define A_FR 0x20000u       /* number, type, name ("12 rue de la Paix") or type, name, number */
#define A_SOUTH 0x40000u    /* type, name, number: "Calle Mayor 10", "Via Roma 1" */
#define A_DE 0x80000u       /* name, type, number ("Berliner Str. 12") or type, name, number */
#define A_AMBIG 0x100000u   /* also an everyday word: wants capitalised words around */
#define A_ANY (A_EN | A_FR | A_SOUTH | A_DE)
#define L_VOCAB 0x200000u   /* a closed-vocabulary value: "Female", "Married", "Yes", "Monday" */
#define L_BUILDING 0x400000u /* "House", "Cottage": last word of a building's name */
#define L_PLACE1 0x800000u  /* first word of town names: "Vila", "Castelo", "Puerto" */
#define L_PLJOIN 0x10000000u /* joins a town's name: "Stratford-upon-Avon" */
#define L_CONJ 0x20000000u  /* "and", "und", "et": a list of names is a firm */
#define L_GREET 0x40000000u /* "Dear", "Hola", "Pan": before a name, or before anything */
#define L_MONTH_SHIFT 24    /* bits 24-27: month number of a month name */
#define L_MONTH_MASK (0xFu << L_MONTH_SHIFT)

/* One slot per word: offset and length in lex_chars, and the word's flags;
 * len 0 marks an empty slot. Load stays under 3/4. */
typedef struct lex_slot {
    uint32_t off_len;       /* offset << 8 | length */
    uint32_t flags;
} lex_slot;

static lex_slot *lex_slots;
/* dm_people_glued_suffix: lengths, and a bit per last letter ('a' = bit 0) */
#define GLUED_MAX 32
static uint8_t glued_len[GLUED_MAX];
static uint32_t glued_last;
static size_t glued_n;
/* street-type words (A_ANY): bit (first letter - 'a') of street_first[length] */
static uint32_t street_first[32];
static uint32_t lex_mask;       /* slots - 1 */
static uint32_t lex_n, lex_max; /* words, and the most the table takes */
static char *lex_chars;
static size_t lex_used, lex_size;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;
static int today_ymd;           /* yyyymmdd, UTC, at init */

static inline uint32_t lex_hash(const char *s, size_t n)
{
    return dm_fnv32(DM_FNV32_INIT, s, n);
}

/* Slot holding s, or the empty slot where it would go. */
static uint32_t lex_probe(const char *s, size_t n)
{
    uint32_t i = lex_hash(s, n) & lex_mask;
    for (;;) {
        uint32_t ol = lex_slots[i].off_len;
        if ((ol & 0xFF) == 0 || ((ol & 0xFF) == n && memcmp(lex_chars + (ol >> 8), s, n) == 0))
            return i;
        i = (i + 1) & lex_mask;
    }
}

/* Add flags to word s (folded, 1-255 bytes), copying it in when new. */
static void lex_add(const char *s, size_t n, uint32_t flags)
{
    uint32_t i = lex_probe(s, n);
    if (lex_slots[i].off_len & 0xFF) {
        lex_slots[i].flags |= flags;
        return;
    }
    if (lex_n >= lex_max || lex_used + n > lex_size)
        return;     /* sized at init; not reached */
    if (s != lex_chars + lex_used)
        memcpy(lex_chars + lex_used, s, n);
    lex_slots[i].off_len = (uint32_t)lex_used << 8 | (uint32_t)n;
    lex_slots[i].flags = flags;
    lex_used += n;
    lex_n++;
}

/* Flags of a folded word; 0 when unknown. */
static uint32_t lex_get(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    return lex_slots[lex_probe(s, n)].flags;
}

static void lex_add_list(const char *const *words, uint32_t flags)
{
    for (; *words; words++)
        lex_add(*words, strlen(*words), flags);
}

static size_t list_bytes(const char *const *words, size_t *count)
{
    size_t n = 0;
    for (; *words; words++, (*count)++)
        n += strlen(*words);
    return n;
}

static const char *const *const all_lists[] = {
    dm_people_stop, dm_people_company, dm_people_street_words, dm_people_title, dm_people_suffix, dm_people_particle, dm_people_city, dm_people_common, dm_people_unit, dm_people_product,
    dm_people_number_prefix, dm_people_street_en, dm_people_street_en_ambig, dm_people_street_fr, dm_people_street_fr_ambig, dm_people_street_south, dm_people_street_south_ambig, dm_people_street_de,
    dm_people_vocab, dm_people_building, dm_people_place_first, dm_people_place_join, dm_people_conj,
    dm_people_greeting,
};

static void lex_build(void)
{
    /* sizes: the decoded blob plus the hand-written lists */
    size_t total = 0, words = dm_names_count;
    for (size_t i = 0; i < dm_names_blob_size;) {
        size_t shared = dm_names_blob[i++] >> 4, k = 1;
        while (!(dm_names_blob[i + k - 1] & 0x80))
            k++;
        i += k;
        total += shared + k;
    }
    for (size_t l = 0; l < sizeof all_lists / sizeof all_lists[0]; l++)
        total += list_bytes(all_lists[l], &words);
    for (const dm_people_month_word *m = dm_people_month; m->w; m++, words++)
        total += strlen(m->w);
    size_t slots = 1024;
    while (slots < words + words / 3)
        slots *= 2;
    lex_slots = dm_xcalloc(slots, sizeof *lex_slots);
    lex_mask = (uint32_t)(slots - 1);
    lex_max = (uint32_t)words;
    lex_size = total;
    lex_chars = dm_xmalloc(total + 1);

    /* the front-coded blob: each name is decoded in place at the end of
     * lex_chars, its shared prefix copied from the name before */
    const char *prev = NULL;
    for (size_t i = 0; i < dm_names_blob_size;) {
        unsigned b = dm_names_blob[i++];
        size_t shared = b >> 4, len = shared;
        char *w = lex_chars + lex_used;
        if (shared)
            memmove(w, prev, shared);
        for (;;) {
            unsigned c = dm_names_blob[i++];
            w[len++] = (char)(c & 0x7F);
            if (c & 0x80)
                break;
        }
        size_t before = lex_used;
        lex_add(w, len, dm_names_flagsets[b & 0xF]);
        if (lex_used == before)     /* not stored (cannot happen: sorted, unique): keep its text */
            lex_used += len;
        prev = w;
    }

    lex_add_list(dm_people_stop, L_STOP);
    lex_add_list(dm_people_company, L_COMPANY);
    lex_add_list(dm_people_street_words, L_STREETW);
    lex_add_list(dm_people_title, L_TITLE);
    lex_add_list(dm_people_greeting, L_GREET);
    lex_add_list(dm_people_suffix, L_SUFFIX);
    lex_add_list(dm_people_particle, L_PARTICLE);
    lex_add_list(dm_people_city, L_CITY);
    lex_add_list(dm_people_common, DM_NAME_COMMON);
    lex_add_list(dm_people_unit, L_UNIT);
    lex_add_list(dm_people_product, L_PRODUCT);
    lex_add_list(dm_people_number_prefix, L_NUMPFX);
    lex_add_list(dm_people_street_en, A_EN);
    lex_add_list(dm_people_street_en_ambig, A_EN | A_AMBIG);
    lex_add_list(dm_people_street_fr, A_FR);
    lex_add_list(dm_people_street_fr_ambig, A_FR | A_AMBIG);
    lex_add_list(dm_people_street_south, A_SOUTH);
    lex_add_list(dm_people_street_south_ambig, A_SOUTH | A_AMBIG);
    lex_add_list(dm_people_street_de, A_DE);
    lex_add_list(dm_people_vocab, L_VOCAB);
    lex_add_list(dm_people_building, L_BUILDING);
    lex_add_list(dm_people_place_first, L_PLACE1);
    lex_add_list(dm_people_place_join, L_PLJOIN);
    lex_add_list(dm_people_conj, L_CONJ);
    for (const dm_people_month_word *m = dm_people_month; m->w; m++)
        lex_add(m->w, strlen(m->w), (uint32_t)m->m << L_MONTH_SHIFT);

    const char *const *const street_lists[] = {
        dm_people_street_en, dm_people_street_en_ambig, dm_people_street_fr, dm_people_street_fr_ambig,
        dm_people_street_south, dm_people_street_south_ambig, dm_people_street_de,
    };
    for (size_t l = 0; l < sizeof street_lists / sizeof street_lists[0]; l++)
        for (const char *const *w = street_lists[l]; *w; w++) {
            size_t wl = strlen(*w);
            unsigned c0 = (unsigned char)(*w)[0] - 'a';
            /* not a plain a-z word: let every word of that length through */
            street_first[wl < 32 ? wl : 31] |= c0 < 26 ? 1u << c0 : 0xFFFFFFFFu;
        }
    for (glued_n = 0; dm_people_glued_suffix[glued_n] && glued_n < GLUED_MAX; glued_n++) {
        const char *g = dm_people_glued_suffix[glued_n];
        size_t gl = strlen(g);
        glued_len[glued_n] = (uint8_t)gl;
        glued_last |= 1u << (g[gl - 1] - 'a');
    }

    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    today_ymd = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

static void people_init(void)
{
    pthread_once(&lex_once, lex_build);
}

/* ---- tokens ------------------------------------------------------------------ */

enum { T_END = 0, T_WORD, T_NUM, T_NUMWORD, T_COMMA, T_DOT, T_HYPHEN, T_SLASH, T_OTHER };
enum { CASE_LOWER = 1, CASE_CAP, CASE_UPPER, CASE_MIXED };

#define FOLD_CAP (DM_NAMES_MAX_LEN + 4)

typedef struct tok {
    uint32_t start, end;
    uint8_t type;
    uint8_t wcase;          /* T_WORD */
    uint8_t nlet;           /* letters of a word (code points, capped 255) */
    uint8_t flen;           /* folded length; 0 when the word cannot be looked up */
    bool space;             /* whitespace right before */
    uint8_t ndig;           /* T_NUM / T_NUMWORD: digits */
    uint32_t num;           /* their value, capped */
    char fold[FOLD_CAP];    /* T_WORD: folded letters; T_NUM: suffix letter; T_NUMWORD: letters */
} tok;

static inline bool is_ascii_letter(unsigned c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline bool is_digit_c(unsigned c)
{
    return c >= '0' && c <= '9';
}

/* Decode the UTF-8 sequence at s[i]; returns its length (1 for bad bytes). */
static size_t utf8_at(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        *cp = (c & 0x1F) << 6 | (s[i + 1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c < 0xF0 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        *cp = (c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        return 3;
    }
    if (c >= 0xF0 && c < 0xF5 && i + 3 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
        (s[i + 3] & 0xC0) == 0x80) {
        *cp = (c & 0x07) << 18 | (uint32_t)(s[i + 1] & 0x3F) << 12 | (uint32_t)(s[i + 2] & 0x3F) << 6 |
              (s[i + 3] & 0x3F);
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

/* Letter class of a non-ASCII code point: 0 not a letter, 1 a foldable
 * Latin letter (fold in *f), 2 another script's letter. */
static int cp_letter(uint32_t cp, const dm_names_fold_entry **f)
{
    if (cp >= DM_NAMES_FOLD_FIRST && cp <= DM_NAMES_FOLD_LAST) {
        *f = &dm_names_fold[cp - DM_NAMES_FOLD_FIRST];
        return (*f)->ascii[0] ? 1 : 0;
    }
    if (cp == 0xAA || cp == 0xBA) {     /* ª º: "nº" */
        static const dm_names_fold_entry o = {"o", 0};
        *f = &o;
        return 1;
    }
    if (cp < 0x180 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        cp == 0xFEFF || cp == 0xFFFD)
        return 0;
    return 2;
}

static inline bool is_space_cp(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    unsigned c = s[i];
    if (c <= ' ') {     /* '\t' '\n' '\v' '\f' '\r' and ' ' as bits */
        *len = 1;
        return (0x100003E00ULL >> c) & 1;
    }
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {  /* no-break space */
        *len = 2;
        return true;
    }
    return false;
}

/* Next token of s[*pos, n); T_END at the end. */
static void next_tok(const unsigned char *s, size_t n, size_t *pos, tok *t)
{
    size_t i = *pos, sl;
    t->space = false;
    while (i < n && is_space_cp(s, n, i, &sl)) {
        i += sl;
        t->space = true;
    }
    t->start = (uint32_t)i;
    t->flen = 0;
    t->nlet = 0;
    t->wcase = 0;
    t->ndig = 0;
    t->num = 0;
    if (i >= n) {
        t->type = T_END;
        t->end = (uint32_t)i;
        *pos = i;
        return;
    }
    unsigned c = s[i];
    if (is_digit_c(c)) {
        while (i < n && is_digit_c(s[i])) {
            if (t->num < 100000000u)
                t->num = t->num * 10 + (s[i] - '0');
            if (t->ndig < 255)
                t->ndig++;
            i++;
        }
        size_t nl = 0;
        while (i + nl < n && is_ascii_letter(s[i + nl]) && nl < FOLD_CAP - 1) {
            t->fold[nl] = (char)(s[i + nl] | 0x20);
            nl++;
        }
        if (nl && i + nl < n && is_ascii_letter(s[i + nl])) {
            while (i + nl < n && is_ascii_letter(s[i + nl]))
                nl++;
            t->type = T_NUMWORD;
            t->flen = 0;
        } else {
            t->type = nl >= 2 ? T_NUMWORD : T_NUM;
            t->flen = (uint8_t)nl;
        }
        i += nl;
        t->end = (uint32_t)i;
        *pos = i;
        return;
    }
    uint32_t cp = c;
    size_t cl = 1;
    const dm_names_fold_entry *fe = NULL;
    int lc;
    if (c < 0x80) {
        lc = is_ascii_letter(c) ? 1 : 0;
    } else {
        cl = utf8_at(s, n, i, &cp);
        lc = cp_letter(cp, &fe);
    }
    if (lc == 0) {
        switch (c) {
        case ',': t->type = T_COMMA; break;
        case '.': t->type = T_DOT; break;
        case '-': t->type = T_HYPHEN; break;
        case '/': t->type = T_SLASH; break;
        default: t->type = T_OTHER; break;
        }
        t->end = (uint32_t)(i + cl);
        *pos = i + cl;
        return;
    }
    /* a word: letters, apostrophes between letters */
    bool first_upper = false, later_upper = false, any_lower = false, foldable = true;
    bool elided = false;    /* "l'Église", "d'Artagnan": the case starts after the apostrophe */
    size_t fl = 0;
    t->type = T_WORD;
    /* fast path: a run of ASCII letters */
    if (c < 0x80) {
        size_t st = i;
        unsigned uppers = 0;
        first_upper = c < 'a';
        /* fold while scanning; past FOLD_CAP - 1 letters the word is not foldable */
        while (i < n && i - st < FOLD_CAP - 1) {
            unsigned lo = s[i] | 0x20u;
            if (lo - 'a' >= 26u)
                break;
            uppers += s[i] < 'a';
            t->fold[i - st] = (char)lo;
            i++;
        }
        while (i < n && (unsigned)((s[i] | 0x20) - 'a') < 26u) {
            uppers += s[i] < 'a';
            i++;
        }
        size_t run = i - st;
        later_upper = uppers > (first_upper ? 1u : 0u);
        any_lower = uppers < run;
        if (run < FOLD_CAP)
            fl = run;
        else
            foldable = false;
        t->nlet = run < 255 ? (uint8_t)run : 255;
        if (i >= n || (s[i] != '\'' && s[i] < 0x80))
            goto done;
    }
    while (i < n) {
        c = s[i];
        bool up;
        if (c < 0x80) {
            if (is_ascii_letter(c)) {
                up = c < 'a';
                if (fl < FOLD_CAP - 1)
                    t->fold[fl++] = (char)(c | 0x20);
                else
                    foldable = false;
                cl = 1;
            } else if (c == '\'' && i + 1 < n && t->nlet && (is_ascii_letter(s[i + 1]) || s[i + 1] >= 0xC0)) {
                elided = t->nlet == 1 && !first_upper;
                i++;
                continue;
            } else {
                break;
            }
        } else {
            cl = utf8_at(s, n, i, &cp);
            if (cp == 0x2019 && t->nlet && i + cl < n && (is_ascii_letter(s[i + cl]) || s[i + cl] >= 0xC0)) {
                elided = t->nlet == 1 && !first_upper;
                i += cl;
                continue;
            }
            lc = cp_letter(cp, &fe);
            if (lc == 0)
                break;
            if (lc == 1) {
                up = fe->upper != 0;
                for (const char *a = fe->ascii; *a; a++) {
                    if (fl < FOLD_CAP - 1)
                        t->fold[fl++] = *a;
                    else
                        foldable = false;
                }
            } else {
                up = false;
                foldable = false;
            }
        }
        if (t->nlet == 0 || elided) {
            first_upper = up;
            any_lower = false;
            elided = false;
        } else if (up) {
            later_upper = true;
        }
        if (!up)
            any_lower = true;
        if (t->nlet < 255)
            t->nlet++;
        i += cl;
    }
done:
    if (!any_lower)
        t->wcase = CASE_UPPER;
    else if (first_upper)
        t->wcase = CASE_CAP;
    else
        t->wcase = later_upper ? CASE_MIXED : CASE_LOWER;
    t->flen = foldable && fl <= DM_NAMES_MAX_LEN ? (uint8_t)fl : 0;
    t->end = (uint32_t)i;
    *pos = i;
}

/* ---- PERSON_NAME --------------------------------------------------------------- */

#define NAME_MAX_TOKENS 12
#define NAME_MAX_WORDS 4
#define NAME_CELL_MAX 96    /* longer cells are read as free text */

typedef struct name_word {
    uint32_t flags;         /* OR over hyphenated parts */
    uint8_t wcase;
    bool initial;
    bool role_word;         /* title, suffix or particle: not counted */
    bool long_enough;           /* 3+ letters: "AL", "DE" alone are codes more than names */
    uint8_t nlet;           /* letters (capped 255) */
    bool all_given;         /* every hyphenated part is a given name first:
                             * "Jean-Pierre" yes, "Taylor-Smith" no (a
                             * double surname, or two partners' firm) */
    int group;              /* 0 before a comma, 1 after */
} name_word;

static inline bool known_name(uint32_t f)
{
    return (f & L_NAME) != 0;
}

static inline bool given_name(uint32_t f)
{
    return (f & L_GIVEN) != 0;
}

/* A given name more than a surname: "James" yes, "Smith" or "Lee" no. */
static inline bool given_first(uint32_t f)
{
    return (f & DM_NAME_GIVEN_FIRST) != 0;
}

static inline bool common_word(uint32_t f)
{
    return (f & DM_NAME_COMMON) != 0;
}

/* Whether the words the lists do not know look like name parts: capitalised
 * (or all upper case), 3+ letters, no everyday word. Name lists from US
 * statistics miss many West African, South Asian and East Asian names. */
static bool rest_name_shaped(const name_word *w, const int *idx, int n)
{
    for (int k = 0; k < n; k++) {
        const name_word *x = &w[idx[k]];
        if (known_name(x->flags))
            continue;
        if (!x->long_enough || x->wcase == CASE_LOWER || x->flags)
            return false;
    }
    return true;
}

/* Verdict for the words of a short cell that is only words (see name_cell). */
/* Names the lists lack ("Yanoma Yayui", a romanised Japanese name; many
 * names of many countries): one to three capitalised words that the
 * lexicon knows as nothing at all (no title, town, vocabulary or common
 * word).
 * WEAK: such a cell counts only in a column whose name says it holds
 * names, and never beats another entity. */
static bool name_shaped(const name_word *w, const int *idx, int n)
{
    if (n > 3)
        return false;
    for (int k = 0; k < n; k++) {
        const name_word *x = &w[idx[k]];
        if (x->nlet < 2 || x->wcase == CASE_LOWER || x->wcase == CASE_MIXED || x->flags != 0)
            return false;
    }
    return true;
}

static dm_verdict name_judge(const name_word *w, int nw, bool comma, bool title)
{
    int idx[NAME_MAX_TOKENS], n = 0, initials = 0;
    for (int i = 0; i < nw; i++) {
        if (w[i].initial)
            initials++;
        else if (!w[i].role_word)
            idx[n++] = i;
    }
    if (n == 0 || n > NAME_MAX_WORDS || initials > 3)
        return DM_NO;
    bool pure_common = false;
    int known = 0, ncommon = 0;
    for (int k = 0; k < n; k++) {
        uint32_t f = w[idx[k]].flags;
        if (f & (L_STOP | L_COMPANY | L_STREETW))
            return DM_NO;
        if (known_name(f)) {
            known++;
            ncommon += common_word(f);
        } else if (common_word(f)) {
            pure_common = true;
        }
    }
    if (known == 0)
        return name_shaped(w, idx, n) ? DM_WEAK : DM_NO;
    dm_verdict v;
    if (n == 1) {
        uint32_t f = w[idx[0]].flags;
        if ((f & L_CITY) && !title && initials == 0)
            return DM_NO;
        if (title || initials)
            v = DM_MEDIUM;
        else if (given_first(f) && w[idx[0]].all_given && !common_word(f) && w[idx[0]].long_enough)
            v = DM_MEDIUM;
        else
            v = DM_WEAK;   /* a surname, or a surname first ("Smith", "Lee") */
    } else {
        /* given-name slot and surname slot: "First ... Last" or "Last, First" */
        int gi = idx[0], si = idx[n - 1];
        if (comma) {
            int first_after = -1, first_before = -1;
            for (int k = 0; k < n; k++) {
                if (w[idx[k]].group == 1 && first_after < 0)
                    first_after = idx[k];
                if (w[idx[k]].group == 0 && first_before < 0)
                    first_before = idx[k];
            }
            if (first_after >= 0 && first_before >= 0) {
                gi = first_after;
                si = first_before;
            }
        }
        uint32_t gf = w[gi].flags, sf = w[si].flags;
        if (given_name(gf) && known_name(sf))
            v = common_word(gf) && common_word(sf) ? DM_WEAK : DM_STRONG;
        else if (known >= 2)
            v = ncommon == 0 ? DM_STRONG : ncommon < known ? DM_MEDIUM : DM_WEAK;
        else if (given_first(gf) && !common_word(gf))
            v = DM_MEDIUM;
        else if ((initials || title) && known_name(sf) && !common_word(sf))
            v = DM_MEDIUM;
        else if (known == 1 && ncommon == 0 && n <= 3 && rest_name_shaped(w, idx, n))
            v = DM_MEDIUM;  /* "Ngozi Eze", "Harpreet Kaur": a name the lists lack beside one they hold */
        else
            v = DM_WEAK;
    }
    if (pure_common && v > DM_WEAK)
        v = DM_WEAK;
    /* "Austin Powers DVD": three words or more ending with an unknown one */
    if (n >= 3 && !comma && !known_name(w[idx[n - 1]].flags) && v > DM_MEDIUM)
        v = DM_MEDIUM;
    return v;
}

/* Whether folded letters b[0, n) are one of the words of list. */
static bool in_list(const char *const *list, const char *b, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, b, n) == 0)
            return true;
    return false;
}

/*
 * A legal form written with dots at the end of the cell, after a name:
 * "Rossi S.p.A.", "Jansen B.V.", "Nowak Sp. z o.o.", "Sharma Pvt. Ltd.".
 * Short forms must be written without spaces ("B.V.", not the initials
 * "B. V."); the letters of the last 1-8 short words are tried from the
 * longest run.
 */
static bool dotted_legal_tail(const tok *tk, int nt)
{
    int idx[8], k = 0, i = nt - 1;
    bool dot = false;
    for (; i >= 0 && k < 8; i--) {
        if (tk[i].type == T_DOT) {
            dot = true;
            continue;
        }
        if (tk[i].type != T_WORD || tk[i].nlet > 3 || tk[i].flen == 0)
            break;
        idx[k++] = i;
    }
    if (!dot || k == 0 || i < 0 || tk[i].type != T_WORD)
        return false;
    for (int first = k - 1; first >= 0; first--) {
        char buf[32];
        size_t bl = 0;
        bool spaced = false;
        for (int j = first; j >= 0 && bl + tk[idx[j]].flen < sizeof buf; j--) {
            spaced = spaced || (j != first && tk[idx[j]].space);
            memcpy(buf + bl, tk[idx[j]].fold, tk[idx[j]].flen);
            bl += tk[idx[j]].flen;
        }
        if ((!spaced || bl >= 4) && in_list(dm_people_legal_dotted, buf, bl))
            return true;
    }
    return false;
}

/* Whether the words of the cell, hyphens read as spaces and dots skipped,
 * are a town of the GeoNames list: "Newport Pagnell", "São João da Madeira"
 * (names_data.c: dm_places_hash, FNV-1a of the folded words joined by one
 * space; a false match needs a 32-bit collision). */
static bool place_phrase(const tok *tk, int nt)
{
    uint32_t h = DM_FNV32_INIT;
    int words = 0;
    for (int i = 0; i < nt; i++) {
        if (tk[i].type == T_DOT || tk[i].type == T_HYPHEN)
            continue;
        if (tk[i].type != T_WORD || tk[i].flen == 0)
            return false;
        if (words++)
            h = dm_fnv32(h, " ", 1);
        h = dm_fnv32(h, tk[i].fold, tk[i].flen);
    }
    if (words < 2)
        return false;
    h += h == 0;
    /* dm_places_hash is sorted: a binary search, no table to build at init */
    size_t lo = 0, hi = dm_places_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dm_places_hash[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < dm_places_count && dm_places_hash[lo] == h;
}

/*
 * A short cell read as a whole: 1-4 name words, optional initials, a title
 * first, a suffix last, particles inside, at most one comma ("Last, First").
 * Returns false when the cell has other characters (then it is free text).
 * *against is set when the cell is something else that looks like a name: a
 * company ("Moore & Sons", "Walker, Hill and Young", "Rossi S.p.A."), a town
 * ("Vila Nova de Gaia", "Stratford-upon-Avon"), a building ("Rose
 * Cottage"), or a closed-vocabulary value ("Female", "Married", "Monday").
 */
static bool name_cell(const unsigned char *s, size_t n, dm_verdict *v, bool *against)
{
    tok tk[NAME_MAX_TOKENS];
    int nt = 0, caps = 0, long_lower = 0;
    size_t pos = 0;
    *v = DM_NO;
    *against = false;
    /* structure first, no look-ups: only words, dots, hyphens, commas,
     * '&' and '/' (checked below: "A/S") */
    for (;;) {
        tok *c = &tk[nt];
        next_tok(s, n, &pos, c);
        if (c->type == T_END)
            break;
        if (c->type == T_WORD) {
            if (c->wcase == CASE_MIXED)
                return false;
            if (c->wcase != CASE_LOWER)
                caps++;
            else if (c->nlet > 4)
                long_lower++;
        } else if (c->type == T_OTHER) {
            if (s[c->start] != '&')
                return false;
        } else if (c->type != T_DOT && c->type != T_HYPHEN && c->type != T_COMMA && c->type != T_SLASH) {
            return false;
        }
        if (++nt == NAME_MAX_TOKENS) {
            tok more;
            next_tok(s, n, &pos, &more);
            if (more.type != T_END)
                return false;
            break;
        }
    }
    /* "Steve Jobs biography": capitalised words and long lower-case ones */
    if (caps && long_lower)
        return false;

    name_word w[NAME_MAX_TOKENS];
    int nw = 0, group = 0, ncomma = 0;
    bool comma = false, title = false, prev_word = false, hyphen = false;
    bool conj = false, org = false, place = false;
    char pfold[8];          /* the previous word when it is a particle */
    size_t plen = 0;
    for (int ti = 0; ti < nt; ti++) {
        const tok *tp = &tk[ti];
        if (tp->type == T_WORD) {
            if (tp->wcase == CASE_MIXED || (prev_word && !tp->space && !hyphen))
                return false;
            uint32_t f = tp->flen ? lex_get(tp->fold, tp->flen) : 0;
            if (hyphen && nw > 0) {     /* Jean-Pierre, Smith-Jones: one word */
                /* "Stratford-upon-Avon", "Châlons-en-Champagne": a town */
                place = place || ((f & L_PLJOIN) && tp->wcase == CASE_LOWER);
                w[nw - 1].flags |= f & ~(uint32_t)(L_TITLE | L_SUFFIX | L_PARTICLE | L_PLJOIN);
                w[nw - 1].all_given = w[nw - 1].all_given && given_first(f);
                w[nw - 1].initial = false;
                w[nw - 1].long_enough = true;
                w[nw - 1].role_word = false;
                hyphen = false;
                prev_word = true;
                continue;
            }
            /* "Moore and Sons", "Walker, Hill and Young": joined, not a word */
            if ((f & L_CONJ) && tp->wcase == CASE_LOWER && tp->nlet >= 2 && nw > 0) {
                conj = true;
                prev_word = false;
                plen = 0;
                continue;
            }
            if (nw == NAME_MAX_TOKENS)
                return false;
            name_word *x = &w[nw];
            /* "de Vries", "Van Dyke": the lists often write them as one word */
            if (nw > 0 && (w[nw - 1].flags & L_PARTICLE) && tp->flen && plen + tp->flen <= DM_NAMES_MAX_LEN) {
                char joined[2 * FOLD_CAP];
                memcpy(joined, pfold, plen);
                memcpy(joined + plen, tp->fold, tp->flen);
                f |= lex_get(joined, plen + tp->flen) & L_NAME;
            }
            plen = 0;
            if ((f & L_PARTICLE) && tp->flen <= 4) {
                memcpy(pfold, tp->fold, tp->flen);
                plen = tp->flen;
            }
            x->flags = f;
            x->all_given = given_first(f);
            x->long_enough = tp->nlet >= 3;
            x->nlet = tp->nlet;
            x->wcase = tp->wcase;
            x->initial = tp->nlet == 1;
            x->role_word = false;
            x->group = group;
            /* glued German/Dutch street names ("Hauptstrasse") veto a name */
            if (tp->flen >= 9 && (memcmp(tp->fold + tp->flen - 7, "strasse", 7) == 0 ||
                                memcmp(tp->fold + tp->flen - 6, "straat", 6) == 0))
                x->flags |= L_STREETW;
            nw++;
            prev_word = true;
            continue;
        }
        if (tp->type == T_OTHER && nw > 0) {    /* '&' */
            conj = true;
            prev_word = false;
            continue;
        }
        if (tp->type == T_SLASH && nw > 0 && w[nw - 1].initial && !tp->space && ti + 1 < nt &&
            tk[ti + 1].type == T_WORD && tk[ti + 1].nlet == 1 && !tk[ti + 1].space && tk[ti - 1].flen == 1) {
            /* "Hansen A/S", "I/S", "K/S": Danish and Norwegian firms */
            char pair[2] = {tk[ti - 1].fold[0], tk[ti + 1].fold[0]};
            if (pair[1] != 's' || (pair[0] != 'a' && pair[0] != 'i' && pair[0] != 'k'))
                return false;
            org = true;
            w[nw - 1].role_word = true;
            ti++;
            prev_word = true;
            continue;
        }
        if (tp->type == T_DOT && prev_word && !tp->space) {
            /* only after initials, titles, suffixes: "J.", "Dr.", "Jr.";
             * or inside a legal form ("Sp. z o.o.", "Pvt. Ltd."), checked below */
            name_word *x = &w[nw - 1];
            if (!x->initial && !(x->flags & (L_TITLE | L_SUFFIX)) && !(x->nlet <= 3 && dotted_legal_tail(tk, nt)))
                return false;
            prev_word = false;
            continue;
        }
        if (tp->type == T_HYPHEN && prev_word && !tp->space && ti + 1 < nt && tk[ti + 1].type == T_WORD &&
            !tk[ti + 1].space) {
            hyphen = true;
            prev_word = false;
            continue;
        }
        if (tp->type == T_COMMA && nw > 0) {
            if (!comma)
                group = 1;
            comma = true;
            ncomma++;
            prev_word = false;
            continue;
        }
        return false;
    }
    if (nw == 0)
        return false;
    if (hyphen)
        return true;    /* "Smith-": not a name, not free text either */
    if (ncomma > 1 && !conj)
        return false;   /* "a, b, c": a list, read as free text */
    /* roles: a title first, a suffix last, particles before a later word */
    if (nw > 1 && (w[0].flags & L_TITLE) && !(w[0].flags & L_NAME & ~DM_NAME_OTHER)) {
        w[0].role_word = true;
        w[0].initial = false;
        title = true;
    }
    for (int i = 1; i < nw; i++) {
        if (i == nw - 1 && (w[i].flags & L_SUFFIX) && !w[i].initial)
            w[i].role_word = true;
        else if (i < nw - 1 && (w[i].flags & L_PARTICLE))
            w[i].role_word = true;
    }
    if (nw > 1 && (w[0].flags & L_PARTICLE) && w[0].wcase != CASE_UPPER)
        w[0].role_word = true;

    /* what else the words may be: a firm, a town, a building, a value of
     * a closed vocabulary */
    int nreal = 0, nvocab = 0, ncap = 0, first = -1, last = -1, initials = 0;
    for (int i = 0; i < nw; i++) {
        if (w[i].initial) {
            initials++;
            continue;
        }
        if (w[i].role_word)
            continue;
        uint32_t f = w[i].flags;
        nreal++;
        if (first < 0)
            first = i;
        last = i;
        ncap += w[i].wcase != CASE_LOWER;
        if ((f & L_VOCAB) || ((f & L_MONTH_MASK) && w[i].nlet >= 5))
            nvocab++;
        if (f & (L_COMPANY | L_STREETW))
            org = true;
    }
    if (nreal == 0 && nw == 1 && (w[0].flags & L_TITLE))
        *against = true;    /* "Mr", "Mrs": a column of titles */
    if (nreal > 0) {
        uint32_t ff = w[first].flags;
        if (conj && nreal >= 2 && ncap == nreal)
            org = true;     /* "Smith & Jones", "Walker, Hill and Young" */
        if (nt >= 2 && (tk[nt - 1].type == T_DOT || (tk[nt - 2].type == T_DOT && tk[nt - 1].nlet <= 3)) &&
            dotted_legal_tail(tk, nt))
            org = true;
        if (nreal >= 2 && (ff & L_PLACE1) && !given_first(ff))
            place = true;   /* "Castelo Branco", "Villa Carlos Paz" */
        if (nreal >= 2 && (w[last].flags & L_BUILDING))
            place = true;   /* "Rose Cottage", "Sidney House" */
        if (nreal == 1 && (ff & L_CITY) && !title && initials == 0)
            place = true;   /* "Charlotte", "Florence" */
        if (nw >= 2 && !comma && !place && place_phrase(tk, nt))
            place = true;   /* "Newport Pagnell", "Vila Nova de Gaia" */
        if (nvocab == nreal && !title)
            *against = true;
    }
    if (org || place)
        *against = true;
    if (*against)
        return true;
    if (conj)
        return false;   /* "Maria and Peter came": a sentence, read as free text */
    /* "Steve Jobs biography": capitalised and lower-case words mixed is a
     * phrase, not a name ("van", "de" aside) */
    bool lower = false, upper = false;
    for (int i = 0; i < nw; i++) {
        if (w[i].role_word || w[i].initial)
            continue;
        lower = lower || w[i].wcase == CASE_LOWER;
        upper = upper || w[i].wcase != CASE_LOWER;
    }
    if (lower && upper)
        return false;
    /* "Smith, Jr." is no Last, First */
    if (comma && w[nw - 1].group == 1 && w[nw - 1].role_word && (nw < 2 || w[nw - 2].group == 0))
        comma = false;
    *v = name_judge(w, nw, comma, title);
    /* a sentence of words ("Please call John Smith tomorrow") is free text,
     * worth reading as such only with a capitalised given name in it */
    if (*v != DM_NO || nw < 3)
        return true;
    for (int i = 0; i + 1 < nw; i++)
        if (w[i].wcase == CASE_CAP && given_first(w[i].flags) && !common_word(w[i].flags))
            return false;
    return true;
}

/* What a word before a name says: 0 nothing; SAL_TITLE a form of address
 * that is hardly anything else ("Mr", "Frau", "Mme", "Sr", "Dhr", "Smt",
 * "M." with its dot); SAL_LOOSE a greeting or a form of address that is
 * also an everyday word ("Dear", "Hola", "Pan", "Bay", "Don", "Miss"). */
enum { SAL_TITLE = 1, SAL_LOOSE = 2 };

static int salutation_kind(const tok *a, uint32_t fa, const tok *next)
{
    if (a->type != T_WORD || !(a->wcase == CASE_CAP || (a->nlet == 1 && a->wcase == CASE_UPPER)))
        return 0;
    if (fa & L_GREET)
        return SAL_LOOSE;
    if (fa & L_TITLE)
        return SAL_TITLE;
    /* French "M." (Monsieur): a lone M with its dot */
    if (a->nlet == 1 && a->flen == 1 && a->fold[0] == 'm' && next->type == T_DOT && !next->space)
        return SAL_TITLE;
    return 0;
}

#define SAL_NOT_NAME (L_STOP | L_COMPANY | L_STREETW | L_TITLE | L_GREET | L_MONTH_MASK | L_BUILDING | L_VOCAB | \
                      L_PRODUCT | L_UNIT)

/*
 * Free text: a name after a form of address or a greeting, in the
 * languages of the column-name hints: "Dear Mr Smith", "Frau Müller hat
 * angerufen", "Estimado Sr. García:", "Bonjour M. Dupont", "Sig.ra Rossi",
 * "Geachte heer"... a (the title) and b (the token after it) are read;
 * *pos is after b. After a title (SAL_TITLE) any capitalised word of 2+
 * letters that is no everyday word of the lexicon's lists is a surname
 * (the lists of surnames miss most: "Frau Oberhuber"); after a loose one
 * (SAL_LOOSE: "Dear", "Hola", "Bay") only a known name counts ("Dear
 * Customer", "Bay Area" do not), unless a second word of address follows
 * ("Dear Mr X", "Sayın Bay X", "Szanowny Pan X").
 * A known name right after the first joins it ("Mr John Smith"). Emits
 * the name, STRONG, and moves *pos past it; false when there is none.
 */
static bool name_after_title(const unsigned char *s, size_t n, const tok *a, int kind, const tok *b, size_t *pos,
                             dm_emit_fn emit, void *ctx)
{
    size_t p = *pos;
    tok c = *b;
    /* "Mr." "Sr." "M.": the dot; "Sig.ra": the dot and "ra" */
    if (c.type == T_DOT && !c.space) {
        next_tok(s, n, &p, &c);
        if (c.type == T_WORD && !c.space && c.flen == 2 && memcmp(c.fold, "ra", 2) == 0 && a->flen == 3 &&
            memcmp(a->fold, "sig", 3) == 0)
            next_tok(s, n, &p, &c);
    }
    /* "Dear Mr Smith", "Szanowny Pan Kowalski": a title after the greeting */
    if (kind == SAL_LOOSE && c.type == T_WORD && c.space && c.flen) {
        tok d;
        size_t p2 = p;
        next_tok(s, n, &p2, &d);
        uint32_t fc = lex_get(c.fold, c.flen);
        int k2 = salutation_kind(&c, fc, &d);
        if (k2) {
            kind = SAL_TITLE;   /* two words of address in a row: "Sayın Bay", "Dear Miss" */
            tok title = c;
            p = p2;
            c = d;
            if (c.type == T_DOT && !c.space) {
                next_tok(s, n, &p, &c);
                if (c.type == T_WORD && !c.space && c.flen == 2 && memcmp(c.fold, "ra", 2) == 0 &&
                    title.flen == 3 && memcmp(title.fold, "sig", 3) == 0)
                    next_tok(s, n, &p, &c);
            }
        }
    }
    /* "Dhr. de Vries", "Herr von Arnim": particles, then the name */
    uint32_t start = c.start;
    for (int k = 0; k < 2 && c.type == T_WORD && c.space && c.wcase == CASE_LOWER && c.flen &&
                    (lex_get(c.fold, c.flen) & L_PARTICLE); k++)
        next_tok(s, n, &p, &c);
    if (c.type != T_WORD || !c.space || c.wcase != CASE_CAP || c.nlet < 2)
        return false;
    uint32_t fc = c.flen ? lex_get(c.fold, c.flen) : 0;
    if (fc & SAL_NOT_NAME)
        return false;
    /* after a loose word, a name of the statistics (the multicultural
     * list of name parts holds "Pizza" too) */
    if (kind == SAL_LOOSE && (!(fc & (L_GIVEN | DM_NAME_SURNAME)) || common_word(fc) || (fc & L_CITY)))
        return false;
    tok last = c, d;
    size_t p2 = p;
    next_tok(s, n, &p2, &d);
    if (d.type == T_WORD && d.space && d.wcase == CASE_CAP && d.nlet >= 2) {
        uint32_t fd = d.flen ? lex_get(d.fold, d.flen) : 0;
        if (fd & (L_COMPANY | L_STREETW | A_ANY | L_BUILDING))
            return false;       /* "Mr Smith Ltd", "Frau Müller Straße" */
        if (known_name(fd) && !(fd & SAL_NOT_NAME) && !common_word(fd)) {
            last = d;
            p = p2;
        }
    }
    emit(ctx, DM_STRONG, start, last.end);
    *pos = p;
    return true;
}

/* Free text: "... call John Smith tomorrow": a capitalised given name and a
 * capitalised known name next to it (a middle initial may sit between);
 * and names after a title or a greeting (name_after_title). With
 * titles_only, only the latter (a short cell that reads as no name). */
static int name_text(const unsigned char *s, size_t n, bool titles_only, dm_emit_fn emit, void *ctx)
{
    tok a, b, c;
    size_t pos = 0;
    int found = 0;
    bool prev_cap = false;  /* the word before a is capitalised and no greeting */
    next_tok(s, n, &pos, &a);
    while (a.type != T_END) {
        next_tok(s, n, &pos, &b);
        if (a.type == T_WORD && (a.wcase == CASE_CAP || a.nlet == 1) && a.flen && a.flen <= 9) {
            uint32_t fa = lex_get(a.fold, a.flen);
            int kind = salutation_kind(&a, fa, &b);
            /* "12 Oak Dr Springfield": a title after a capitalised word is
             * an abbreviation in a street or a firm, unless a greeting */
            if (kind == SAL_TITLE && prev_cap)
                kind = 0;
            if (kind && name_after_title(s, n, &a, kind, &b, &pos, emit, ctx)) {
                found++;
                prev_cap = false;
                next_tok(s, n, &pos, &a);
                continue;
            }
            prev_cap = !kind;
        } else {
            prev_cap = a.type == T_WORD && a.wcase == CASE_CAP;
        }
        if (titles_only) {
            a = b;
            continue;
        }
        if (a.type != T_WORD || a.wcase != CASE_CAP || a.nlet < 2 || b.type != T_WORD || !b.space ||
            !(b.wcase == CASE_CAP || (b.nlet == 1 && b.wcase == CASE_UPPER)) || a.flen == 0) {
            a = b;
            continue;
        }
        /* a and b: two adjacent capitalised words */
        uint32_t fa = lex_get(a.fold, a.flen);
        if (!given_first(fa) || common_word(fa) || (fa & (L_STOP | L_COMPANY | L_STREETW | L_CITY))) {
            a = b;
            continue;
        }
        size_t save = pos;
        tok *last = &b;
        if (b.nlet == 1) {     /* middle initial: "John F. Kennedy" */
            next_tok(s, n, &pos, &c);
            if (c.type == T_DOT && !c.space)
                next_tok(s, n, &pos, &c);
            if (c.type != T_WORD || c.wcase != CASE_CAP || c.nlet < 2) {
                pos = save;
                a = b;
                continue;
            }
            last = &c;
        }
        uint32_t fb = lex_get(last->fold, last->flen);
        if (!known_name(fb) || (fb & (L_STOP | L_COMPANY | L_STREETW | L_TITLE | L_MONTH_MASK | L_BUILDING))) {
            pos = save;
            a = b;
            continue;
        }
        /* the word after must not make it a company or a street */
        tok d;
        size_t p2 = pos;
        next_tok(s, n, &p2, &d);
        uint32_t fd = d.type == T_WORD && d.space ? lex_get(d.fold, d.flen) : 0;
        if (!(fd & (L_COMPANY | L_STREETW | A_ANY | L_BUILDING)))
            emit(ctx, DM_STRONG, a.start, last->end), found++;
        next_tok(s, n, &pos, &a);
    }
    return found;
}

/* Whether the cell has what name_text needs before it tokenises: a letter,
 * whitespace, then a word that can be capitalised (an upper-case or
 * non-ASCII letter, or an elided "l'Église"). */
static bool caps_pair_possible(const unsigned char *s, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++) {
        size_t sl;
        unsigned p = s[i - 1];
        if (!(is_ascii_letter(p) || p >= 0x80) || !is_space_cp(s, n, i, &sl))
            continue;
        size_t j = i + sl;
        while (j < n && is_space_cp(s, n, j, &sl))
            j += sl;
        if (j >= n)
            return false;
        unsigned c = s[j];
        if ((c >= 'A' && c <= 'Z') || c >= 0x80)
            return true;
        if (c >= 'a' && c <= 'z' && j + 1 < n && (s[j + 1] == '\'' || s[j + 1] == 0xE2))
            return true;
    }
    return false;
}

/* An address written as text: a digit or a line break, and a capitalised
 * street-type or building word ("12 Church Lane", "Rose Cottage\nMill Road";
 * not "Court", "Park": everyday words too). */
static bool address_like(const unsigned char *s, size_t n)
{
    bool mark = false;
    for (size_t i = 0; i < n && !mark; i++)
        mark = is_digit_c(s[i]) || s[i] == '\n';
    if (!mark)
        return false;
    for (size_t i = 0; i < n;) {
        if (!(s[i] >= 'A' && s[i] <= 'Z') || (i > 0 && is_ascii_letter(s[i - 1]))) {
            i++;
            continue;
        }
        size_t st = i;
        char f[DM_NAMES_MAX_LEN];
        while (i < n && is_ascii_letter(s[i])) {
            if (i - st < DM_NAMES_MAX_LEN)
                f[i - st] = (char)(s[i] | 0x20);
            i++;
        }
        size_t wl = i - st;
        if (wl < 2 || wl > DM_NAMES_MAX_LEN)
            continue;
        uint32_t fl = lex_get(f, wl);
        if ((fl & (L_STREETW | L_BUILDING)) || ((fl & A_ANY) && !(fl & A_AMBIG)))
            return true;
    }
    return false;
}

/* Whether s[0, 8) may hold an ASCII upper-case letter or a non-ASCII byte:
 * y + 0x3F sets a byte's top bit from 'A' up, y + 0x25 from '[' up (y < 0x80,
 * so no carry crosses bytes). */
static inline bool maybe_upper8(const unsigned char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t y = x & 0x7F7F7F7F7F7F7F7FULL;
    uint64_t ge_a = y + 0x3F3F3F3F3F3F3F3FULL, ge_br = y + 0x2525252525252525ULL;
    return ((ge_a & ~ge_br) | x) & 0x8080808080808080ULL;
}

static void name_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    const unsigned char *s = (const unsigned char *)cell;
    dm_verdict v;
    /* a name cell starts with a letter (digits, '+', '#': not a name) */
    bool against;
    if (len <= NAME_CELL_MAX && len && (is_ascii_letter(s[0]) || s[0] >= 0xC0) && name_cell(s, len, &v, &against)) {
        if (v != DM_NO)
            emit(ctx, v, 0, len);
        else if (against)
            emit(ctx, DM_NO, 0, len);   /* a firm, a town, "Female": see entity.h */
        else if (len >= 12 && memchr(s, ' ', len) && caps_pair_possible(s, len))
            name_text(s, len, true, emit, ctx);     /* a short note: "Frau Müller hat angerufen." */
        return;
    }
    /* free text needs an upper-case letter followed by a lower-case one;
     * eight bytes without an upper-case or non-ASCII byte are skipped whole */
    for (size_t i = 0; i + 1 < len; i++) {
        if (i % 8 == 0 && i + 8 <= len && !maybe_upper8(s + i)) {
            i += 7;
            continue;
        }
        if ((s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i] == 0xC3 && s[i + 1] < 0x9F)) {
            int found = caps_pair_possible(s, len) ? name_text(s, len, false, emit, ctx) : 0;
            /* an address: a name in its lines is a building or a street
             * ("Sidney House"); read only where a name was found or the
             * cell has lines */
            if ((found || memchr(s, '\n', len)) && address_like(s, len))
                emit(ctx, DM_NO, 0, len);
            return;
        }
    }
}

/* ---- ADDRESS -------------------------------------------------------------------- */

#define ADDR_BUF 48
#define ADDR_KEEP 12
#define ADDR_MAX_NAME 5

typedef struct addr_ctx {
    const unsigned char *s;
    size_t n;
    tok t[ADDR_BUF];
    uint32_t f[ADDR_BUF];   /* lexicon flags of word tokens */
    int m;
} addr_ctx;

/* A house number at token i: 1-5 digits, maybe a letter ("221B"), not a
 * decimal, an amount or a quantity ("2 TB"). */
static bool house_number(const addr_ctx *a, int i)
{
    const tok *t = &a->t[i];
    if (t->type != T_NUM || t->ndig > 5 || t->num == 0)
        return false;
    /* "1.5", "3,5": a decimal, not a house number */
    if (t->start >= 2 && (a->s[t->start - 1] == '.' || a->s[t->start - 1] == ',') &&
        is_digit_c(a->s[t->start - 2]))
        return false;
    if (t->start >= 1 && (a->s[t->start - 1] == '$' || a->s[t->start - 1] == '#'))
        return false;
    if (t->start >= 2 && a->s[t->start - 2] == 0xC2 && a->s[t->start - 1] == 0xA3)   /* £ */
        return false;
    if (t->end + 1 < a->n && (a->s[t->end] == '.' || a->s[t->end] == ',') && is_digit_c(a->s[t->end + 1]))
        return false;
    if (t->end < a->n && a->s[t->end] == '%')
        return false;
    if (i + 1 < a->m && a->t[i + 1].type == T_WORD && (a->f[i + 1] & L_UNIT))
        return false;
    /* "2 for 1", "4 of 5": a count in a sentence */
    if (i + 1 < a->m && a->t[i + 1].type == T_WORD && a->t[i + 1].wcase == CASE_LOWER &&
        (a->f[i + 1] & L_STOP) && !(a->f[i + 1] & L_PARTICLE))
        return false;
    return true;
}

/* A word that can be part of a street's name. */
static bool street_name_word(const addr_ctx *a, int i, bool need_cap)
{
    const tok *t = &a->t[i];
    if (t->type == T_NUMWORD)   /* ordinals: "5th", "42nd", "1er" */
        return t->ndig <= 3;
    if (t->type == T_HYPHEN)    /* "Saint-Michel" */
        return !t->space && i > 0 && a->t[i - 1].type == T_WORD && i + 1 < a->m && a->t[i + 1].type == T_WORD &&
               !a->t[i + 1].space;
    if (t->type != T_WORD || t->wcase == CASE_MIXED)
        return false;
    uint32_t f = a->f[i];
    if (f & (L_PRODUCT | L_UNIT | L_COMPANY))
        return false;
    if (need_cap && t->wcase == CASE_LOWER && !((f & (L_PARTICLE | L_STOP)) && t->nlet <= 5))
        return false;
    return true;
}

static inline bool particle(const addr_ctx *a, int i)
{
    return a->t[i].type != T_WORD || ((a->f[i] & (L_PARTICLE | L_STOP)) && a->t[i].nlet <= 5);
}

/* Index after an optional dot that closes an abbreviation at i. */
static int after_abbrev(const addr_ctx *a, int i)
{
    return i + 1 < a->m && a->t[i + 1].type == T_DOT && !a->t[i + 1].space ? i + 2 : i + 1;
}

/* From j: optional comma, optional "Nr."/"nº", then a house number. Returns
 * its index or -1. */
static int number_after(const addr_ctx *a, int j)
{
    if (j < a->m && a->t[j].type == T_COMMA)
        j++;
    if (j < a->m && a->t[j].type == T_WORD && (a->f[j] & L_NUMPFX) && a->t[j].nlet <= 6) {
        j++;
        /* "Nr. 5", and the colon of Turkish "No: 5" */
        if (j < a->m && (a->t[j].type == T_DOT ||
                         (a->t[j].type == T_OTHER && a->t[j].end == a->t[j].start + 1 && a->s[a->t[j].start] == ':')))
            j++;
    }
    return j < a->m && house_number(a, j) ? j : -1;
}

static bool glued_street(const tok *t)
{
    if (t->type != T_WORD || t->flen < 6)
        return false;
    /* most words end in a letter no suffix ends in */
    unsigned last = (unsigned char)t->fold[t->flen - 1] - 'a';
    if (last >= 26 || !(glued_last >> last & 1))
        return false;
    for (size_t k = 0; k < glued_n; k++) {
        size_t gl = glued_len[k];
        if (t->flen >= gl + 3 && memcmp(t->fold + t->flen - gl, dm_people_glued_suffix[k], gl) == 0)
            return true;
    }
    return false;
}

/* "C/" (calle) at k. */
static bool c_slash(const addr_ctx *a, int k)
{
    return a->t[k].type == T_WORD && a->t[k].nlet == 1 && a->t[k].fold[0] == 'c' && k + 1 < a->m &&
           a->t[k + 1].type == T_SLASH && !a->t[k + 1].space;
}

/* "Flat", "Plot", "House (No.)", "Apt", "Unit", "Suite", "Door", "Block" before a number. */
static bool dwelling_word(const addr_ctx *a, int i)
{
    static const char *const w[] = {"flat", "plot", "house", "apt", "apartment", "unit", "suite", "door", "block",
                                    "no", "nr", NULL};
    if (i >= 0 && a->t[i].type == T_DOT)
        i--;
    if (i < 0 || a->t[i].type != T_WORD)
        return false;
    for (const char *const *p = w; *p; p++)
        if (strlen(*p) == a->t[i].flen && memcmp(*p, a->t[i].fold, a->t[i].flen) == 0)
            return true;
    return false;
}

/* Try every pattern around the street-type word at k. */
static void addr_at(const addr_ctx *a, int k, dm_emit_fn emit, void *ctx)
{
    const tok *tk = &a->t[k];
    uint32_t f = a->f[k];
    bool ambig = (f & A_AMBIG) != 0;
    bool cap_type = tk->wcase == CASE_CAP || tk->wcase == CASE_UPPER;
    int after = after_abbrev(a, k);
    if (c_slash(a, k)) {       /* Spanish "C/ Mayor 10" */
        f = A_SOUTH;
        after = k + 2;
    }

    /* German/Dutch, one word: "Hauptstraße 5", "Kerkstraat 12", "Konrad-Adenauer-Straße 3" */
    bool hyphen_glued = k >= 2 && (f & A_DE) && a->t[k - 1].type == T_HYPHEN && !a->t[k - 1].space &&
                        !tk->space && a->t[k - 2].type == T_WORD;
    if (glued_street(tk) || hyphen_glued) {
        /* "...str" only as an abbreviation: "Hauptstr. 5" */
        bool str_abbr = tk->flen >= 3 && memcmp(tk->fold + tk->flen - 3, "str", 3) == 0;
        if (!str_abbr || after == k + 2 || (k + 1 < a->m && a->t[k + 1].type == T_NUM)) {
            int j = number_after(a, after);
            if (j >= 0 && a->t[j].space) {
                int st = k;
                while (st >= 2 && a->t[st - 1].type == T_HYPHEN && !a->t[st - 1].space && !a->t[st].space &&
                       a->t[st - 2].type == T_WORD)
                    st -= 2;
                emit(ctx, DM_STRONG, a->t[st].start, a->t[j].end);
                return;
            }
        }
    }
    if (!(f & A_ANY))
        return;

    /* number, name, type: "123 Main Street", "221B Baker St" */
    if (f & A_EN) {
        int j = k - 1, words = 0, real = 0;
        bool lower = false;
        while (j >= 0 && words < ADDR_MAX_NAME - 1 && street_name_word(a, j, false) &&
               !(a->f[j] & (A_ANY & ~A_AMBIG)) && !((a->f[j] & L_STOP) && !(a->f[j] & L_PARTICLE))) {
            if ((a->t[j].type == T_WORD && a->t[j].nlet >= 2 && !(a->f[j] & L_STOP)) ||
                a->t[j].type == T_NUMWORD)
                real++;
            lower = lower || a->t[j].wcase == CASE_LOWER;
            words++;
            j--;
        }
        /* "Flat 148, Kottapuram Marg", "Plot 23, Sanpara Marg": a dwelling word, its number, a comma */
        if (words && real && j >= 2 && a->t[j].type == T_COMMA && house_number(a, j - 1) && dwelling_word(a, j - 2) &&
            !ambig) {
            emit(ctx, DM_STRONG, a->t[j - 2].start, a->t[after - 1].end);
            return;
        }
        if (words && real && j >= 0 && house_number(a, j) && (!ambig || !lower || cap_type)) {
            emit(ctx, ambig && lower ? DM_MEDIUM : DM_STRONG, a->t[j].start, a->t[after - 1].end);
            return;
        }
    }
    /* number, type, name: "12 rue de la Paix", "5, avenue Victor Hugo" */
    if (f & A_FR) {
        int j = k - 1;
        if (j >= 0 && a->t[j].type == T_COMMA)
            j--;
        /* "12 bis rue...", "7 ter avenue..." */
        if (j >= 1 && a->t[j].type == T_WORD && a->t[j].flen == 3 &&
            (memcmp(a->t[j].fold, "bis", 3) == 0 || memcmp(a->t[j].fold, "ter", 3) == 0))
            j--;
        if (j >= 0 && house_number(a, j)) {
            int e = after, real = 0, last = -1;
            while (e < a->m && e - after < ADDR_MAX_NAME && street_name_word(a, e, ambig)) {
                if (!particle(a, e))
                    real++, last = e;
                e++;
            }
            if (real) {
                emit(ctx, DM_STRONG, a->t[j].start, a->t[last].end);
                return;
            }
        }
    }
    /* type, name, number: "Calle Mayor 10", "Via Roma 1", "Platz der Republik 1" */
    if ((f & (A_SOUTH | A_FR | A_DE)) && (!ambig || cap_type)) {
        int e = after, real = 0;
        bool named = false;     /* a particle or a known name/city first: "Via dei Mille", "Via Roma" */
        while (e < a->m && e - after < ADDR_MAX_NAME && street_name_word(a, e, ambig || tk->wcase != CASE_LOWER)) {
            if (!particle(a, e) && !(a->f[e] & L_NUMPFX)) {
                if (real == 0 && e == after)
                    named = (a->f[e] & (L_NAME | L_CITY)) && !(a->f[e] & DM_NAME_COMMON);
                real++;
            } else if (e == after) {
                named = true;
            }
            e++;
        }
        /* the name may end with a "Nr" word that number_after reads */
        while (e > after && (a->f[e - 1] & L_NUMPFX))
            e--;
        int j = real ? number_after(a, e) : -1;
        if (j >= 0) {
            /* "Via Satellite 2", "Place Mat 4": an everyday type word first
             * proves less */
            emit(ctx, ambig && !named ? DM_MEDIUM : DM_STRONG, tk->start, a->t[j].end);
            return;
        }
    }
    /* name, type, number: "Berliner Str. 12a", "Lange Straße 3" */
    if (f & A_DE) {
        int j = k - 1, words = 0;
        while (j >= 0 && words < 3 && street_name_word(a, j, true) && a->t[j].wcase != CASE_LOWER)
            words++, j--;
        int nn = words ? number_after(a, after) : -1;
        if (nn >= 0)
            emit(ctx, DM_STRONG, a->t[j + 1].start, a->t[nn].end);
    }
}

/*
 * Whether addr_find can find anything, read from the bytes before any
 * tokenising: every pattern needs a house number (a token of 1-5 digits, not
 * all zero, at most one letter glued after, not a decimal, an amount or a
 * percentage: the byte tests of house_number) and a street-type word, a
 * glued German/Dutch street name or "C/". Cells with non-ASCII bytes and
 * words with apostrophes are let through unread.
 */
static bool addr_possible(const unsigned char *s, size_t n)
{
    bool num = false, street = false;
    for (size_t i = 0; i < n && !num;) {
        if (!is_digit_c(s[i])) {
            i++;
            continue;
        }
        size_t st = i;
        bool nonzero = false;
        while (i < n && is_digit_c(s[i]))
            nonzero = nonzero || s[i] != '0', i++;
        size_t nd = i - st, nl = 0;
        while (i + nl < n && is_ascii_letter(s[i + nl]))
            nl++;
        size_t e = i + nl;
        i = e;
        if (nd > 5 || !nonzero || nl > 1)
            continue;
        if (st >= 2 && (s[st - 1] == '.' || s[st - 1] == ',') && is_digit_c(s[st - 2]))
            continue;
        if (st >= 1 && (s[st - 1] == '$' || s[st - 1] == '#'))
            continue;
        if (st >= 2 && s[st - 2] == 0xC2 && s[st - 1] == 0xA3)
            continue;
        if (e + 1 < n && (s[e] == '.' || s[e] == ',') && is_digit_c(s[e + 1]))
            continue;
        if (e < n && s[e] == '%')
            continue;
        num = true;
    }
    if (!num)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80)
            return true;        /* non-ASCII letters fold: leave it to the tokeniser */
    for (size_t i = 0; i < n && !street;) {
        if (!is_ascii_letter(s[i])) {
            i++;
            continue;
        }
        size_t st = i;
        while (i < n && is_ascii_letter(s[i]))
            i++;
        size_t wl = i - st;
        if (i < n && s[i] == '\'')
            return true;        /* "l'avenue": read by the slow path of next_tok */
        if (wl == 1) {
            street = (s[st] | 0x20) == 'c' && i < n && s[i] == '/';
            continue;
        }
        if (wl > DM_NAMES_MAX_LEN)
            continue;
        char f[DM_NAMES_MAX_LEN];
        for (size_t k = 0; k < wl; k++)
            f[k] = (char)(s[st + k] | 0x20);
        if (wl < 32 && (street_first[wl] >> (f[0] - 'a') & 1) && (lex_get(f, wl) & A_ANY))
            street = true;
        else if (wl >= 6) {
            tok t;
            t.type = T_WORD;
            t.flen = (uint8_t)wl;
            memcpy(t.fold, f, wl);
            street = glued_street(&t);
        }
    }
    return street;
}

/* ---- Japanese addresses ---------------------------------------------------
 *
 * Japan numbers blocks, not streets: a prefecture (都 道 府 県), a city, ward,
 * town or village (市 区 町 村), then the district with its chōme, block and
 * house numbers ("千代田区千代田1丁目1番1号", "...1番地"), romanised as
 * "1-2-3 Yamanojo, Akaike 460-4066" or "Ginza 4-chome 5-6". The postcode
 * is 3 digits, a hyphen and 4 digits (〒100-0001). No street word anchors
 * them, so addr_find asks this first.
 */

/* Whether s[0, n) holds the UTF-8 bytes of w (a short literal). */
static bool has_utf8(const unsigned char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (s[i] == (unsigned char)w[0] && memcmp(s + i, w, wl) == 0)
            return true;
    return false;
}

static inline bool alnum_at(const unsigned char *s, size_t n, size_t i)
{
    return i < n && (is_digit_c(s[i]) || is_ascii_letter(s[i]));
}

/* Digits from i, between lo and hi of them; returns the end or 0. */
static size_t digits_run(const unsigned char *s, size_t n, size_t i, size_t lo, size_t hi)
{
    size_t e = i;
    while (e < n && is_digit_c(s[e]))
        e++;
    return e - i >= lo && e - i <= hi ? e : 0;
}

/* A Japanese postcode NNN-NNNN standing alone (not in a longer number). */
static bool jp_postcode(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!is_digit_c(s[i]) || (i > 0 && (alnum_at(s, n, i - 1) || s[i - 1] == '-')))
            continue;
        size_t e = digits_run(s, n, i, 3, 3);
        if (e && e < n && s[e] == '-' && (e = digits_run(s, n, e + 1, 4, 4)) && !alnum_at(s, n, e) &&
            !(e < n && s[e] == '-'))
            return true;
    }
    return false;
}

/* A word of Japanese place names: "Chome", "Yamanojo-cho", "Zushimachi",
 * "Chuo-ku", "Kita-shi", "...-gun". */
static bool jp_place_word(const unsigned char *w, size_t wl)
{
    static const char *const tails[] = {"chome", "cho", "machi", "ku", "shi", "gun", "mura", NULL};
    char f[24];
    if (wl < 3 || wl > sizeof f)
        return false;
    for (size_t i = 0; i < wl; i++)
        f[i] = (char)(w[i] | 0x20);
    for (const char *const *t = tails; *t; t++) {
        size_t tl = strlen(*t);
        if (wl >= tl && memcmp(f + wl - tl, *t, tl) == 0 && (wl == tl || tl >= 4 || w[wl - tl - 1] == '-' ||
                                                             (tl == 3 && wl >= 7)))
            return true;
    }
    return false;
}

static bool jp_address(const unsigned char *s, size_t n, dm_emit_fn emit, void *ctx)
{
    /* kanji: a municipality and block numbers */
    if (n >= 9 && (has_utf8(s, n, "丁目") || has_utf8(s, n, "番地") ||
                   (has_utf8(s, n, "番") && has_utf8(s, n, "号")))) {
        if (has_utf8(s, n, "市") || has_utf8(s, n, "区") || has_utf8(s, n, "町") || has_utf8(s, n, "村")) {
            emit(ctx, DM_STRONG, 0, n);
            return true;
        }
        return false;
    }
    /* romanised: chome-ban-go "1-2-3" then a capitalised name, or "4-chome" */
    for (size_t i = 0; i + 5 < n; i++) {
        if (!is_digit_c(s[i]) || (i > 0 && (alnum_at(s, n, i - 1) || s[i - 1] == '-' || s[i - 1] == '/' ||
                                            s[i - 1] == '.')))
            continue;
        size_t e = digits_run(s, n, i, 1, 2);
        if (!e || e >= n || s[e] != '-')
            continue;
        if (e + 5 <= n && (s[e + 1] | 0x20) == 'c' && jp_place_word(s + e + 1, 5)) {
            emit(ctx, DM_STRONG, i, e + 6);      /* "4-chome" */
            return true;
        }
        if (!(e = digits_run(s, n, e + 1, 1, 3)) || e >= n || s[e] != '-' || !(e = digits_run(s, n, e + 1, 1, 3)) ||
            alnum_at(s, n, e) || (e < n && (s[e] == '-' || s[e] == '/' || s[e] == '.')))
            continue;
        /* the name after it: "Yamanojo", "Zushimachi", "Kiyokane" */
        size_t w = e;
        while (w < n && s[w] == ' ')
            w++;
        if (w == e || w >= n || !(s[w] >= 'A' && s[w] <= 'Z'))
            continue;
        size_t we = w;
        while (we < n && (is_ascii_letter(s[we]) || s[we] == '-'))
            we++;
        if (we - w < 3)
            continue;
        /* and a place word or a postcode: "1-2-3 Classic" is a product */
        if (!jp_place_word(s + w, we - w) && !jp_postcode(s, n))
            continue;
        emit(ctx, DM_STRONG, i, we);
        return true;
    }
    return false;
}

static void addr_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    const unsigned char *s = (const unsigned char *)cell;
    /* cheap pre-check: a digit somewhere */
    size_t d = 0;
    while (d < len && !is_digit_c(s[d]))
        d++;
    if (d == len || len < 6)
        return;
    bool space = memchr(s, ' ', len) != NULL;
    if (!space && s[0] < 0xE0)
        return;     /* every form but Japanese kanji has a space: "12 Main St" */
    /* a Japanese form: a hyphen after a short number, or kanji */
    if (((d + 2 < len && (s[d + 1] == '-' || s[d + 2] == '-')) || s[0] >= 0xE0) && jp_address(s, len, emit, ctx))
        return;
    if (!space || !addr_possible(s, len))
        return;
    addr_ctx a;
    a.s = s;
    a.n = len;
    a.m = 0;
    size_t pos = 0;
    int scanned = 0;
    for (;;) {
        tok *t = &a.t[a.m];
        next_tok(s, len, &pos, t);
        bool end = t->type == T_END;
        if (!end) {
            a.f[a.m] = t->type == T_WORD && t->flen ? lex_get(t->fold, t->flen) : 0;
            a.m++;
        }
        if (end || a.m == ADDR_BUF) {
            /* patterns reach at most ADDR_KEEP tokens past the type word */
            int upto = end ? a.m : a.m - ADDR_KEEP;
            for (int k = scanned; k < upto; k++)
                if (a.t[k].type == T_WORD &&
                    (a.t[k].nlet >= 2 ? (a.f[k] & A_ANY) || glued_street(&a.t[k]) : c_slash(&a, k)))
                    addr_at(&a, k, emit, ctx);
            if (end)
                break;
            /* keep the tail: context before and after the next type words */
            int keep = 2 * ADDR_KEEP;
            memmove(a.t, a.t + a.m - keep, (size_t)keep * sizeof a.t[0]);
            memmove(a.f, a.f + a.m - keep, (size_t)keep * sizeof a.f[0]);
            scanned = keep - ADDR_KEEP;
            a.m = keep;
        }
    }
}

/* ---- DATE_OF_BIRTH ---------------------------------------------------------------- */

static bool plausible_birth(int y, int m, int d)
{
    if (y < 1900 || !dm_valid_date(y, m, d))
        return false;
    people_init();
    return y * 10000 + m * 100 + d <= today_ymd;
}

/* Value of n digits at p, or -1. */
static int digits_at(const char *p, size_t n)
{
    return dm_digits_value(p, n);
}

/* A time "HH:MM[:SS[.fff]][Z|+hh:mm]" at cell[i]: 1 midnight, 0 another time,
 * -1 no time there. */
static int time_at(const char *c, size_t n, size_t i)
{
    if (i + 5 > n || digits_at(c + i, 2) < 0 || c[i + 2] != ':' || digits_at(c + i + 3, 2) < 0)
        return -1;
    int hh = digits_at(c + i, 2), mm = digits_at(c + i + 3, 2), ss = 0, frac = 0;
    i += 5;
    if (i + 3 <= n && c[i] == ':' && digits_at(c + i + 1, 2) >= 0) {
        ss = digits_at(c + i + 1, 2);
        i += 3;
        if (i < n && (c[i] == '.' || c[i] == ','))
            for (i++; i < n && c[i] >= '0' && c[i] <= '9'; i++)
                frac |= c[i] - '0';
    }
    return hh == 0 && mm == 0 && ss == 0 && frac == 0 ? 1 : 0;
}

/*
 * Tier-1 validator. The span is one of the shapes below; the digits are read
 * from the cell. A date glued to more digits ("10.12.03.1985", "2020-1985-03-12")
 * is no date; a time right after it must be midnight.
 */
static dm_verdict dob_validate(const dm_span *sp)
{
    const char *c = sp->cell;
    size_t n = sp->cell_len;
    int y, m, d, alt_m = 0, alt_d = 0;
    if (sp->ngroups < 1)
        return DM_NO;
    /* left context: nothing chained on the left */
    if (sp->start > 0) {
        char l = c[sp->start - 1];
        if ((l >= '0' && l <= '9') || ((l == '.' || l == '/' || l == '-' || l == ':') && sp->start > 1 &&
                                       c[sp->start - 2] >= '0' && c[sp->start - 2] <= '9'))
            return DM_NO;
    }
    const char *g0 = c + sp->gpos[0];
    if (sp->ngroups == 1) {
        if (sp->glen[0] != 8)
            return DM_NO;
        y = digits_at(g0, 4), m = digits_at(g0 + 4, 2), d = digits_at(g0 + 6, 2);
    } else {
        if (sp->ngroups < 3 || sp->seplen[1] != 1 || sp->seplen[2] != 1 || sp->sep[1] != sp->sep[2] ||
            (sp->sep[1] != '-' && sp->sep[1] != '/' && sp->sep[1] != '.'))
            return DM_NO;
        const char *g1 = c + sp->gpos[1], *g2 = c + sp->gpos[2];
        if (sp->glen[0] == 4) {
            y = digits_at(g0, 4), m = digits_at(g1, sp->glen[1]), d = digits_at(g2, 2);
            if (sp->glen[1] != 2 || (sp->glen[2] != 2 && !(sp->glen[2] > 2 && g2[2] == 'T')))
                return DM_NO;
        } else {
            if (sp->glen[2] != 4 || sp->glen[0] > 2 || sp->glen[1] > 2)
                return DM_NO;
            /* d/m/y, or m/d/y when that is the only real reading */
            d = digits_at(g0, sp->glen[0]), m = digits_at(g1, sp->glen[1]), y = digits_at(g2, 4);
            alt_m = d, alt_d = m;
        }
    }
    if (y < 0 || m < 0 || d < 0)
        return DM_NO;
    if (!plausible_birth(y, m, d) && !(alt_m && plausible_birth(y, alt_m, alt_d)))
        return DM_NO;
    /* the time: inside the span (3 groups + 'T', or more groups) or right after */
    size_t e = sp->end;
    const char *tpos = NULL;
    size_t tlen = 0;
    if (sp->ngroups >= 3 && sp->glen[2] > 2 && c[sp->gpos[2] + 2] == 'T') {
        tpos = c + sp->gpos[2] + 3;
        tlen = (size_t)(c + n - tpos);
    } else if (sp->ngroups > 3) {
        tpos = c + sp->gpos[3];
        tlen = (size_t)(c + n - tpos);
    } else if (e + 1 < n && (c[e] == ' ' || c[e] == 'T') && c[e + 1] >= '0' && c[e + 1] <= '9') {
        tpos = c + e + 1;
        tlen = n - e - 1;
    } else if (e + 1 < n && (c[e] == '.' || c[e] == '/' || c[e] == '-' || c[e] == ':') && c[e + 1] >= '0' &&
               c[e + 1] <= '9') {
        return DM_NO;   /* more digits chained on the right */
    }
    if (tpos) {
        int r = time_at(tpos, tlen, 0);
        if (r == 0 || (r < 0 && sp->ngroups > 3))
            return DM_NO;
    }
    return DM_STRONG;
}

/* Month-name dates: "12 March 1985", "12. März 1985", "March 12, 1985",
 * "12-Mar-1985", "1er janvier 1985", "12 de marzo de 1985". */
static void dob_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    const unsigned char *s = (const unsigned char *)cell;
    /* pre-check: a 4-digit year 19xx or 20xx */
    bool year = false;
    for (size_t i = 0; i + 4 <= len && !year; i++)
        if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))
            year = is_digit_c(s[i + 2]) && is_digit_c(s[i + 3]) && (i == 0 || !is_digit_c(s[i - 1])) &&
                   (i + 4 == len || !is_digit_c(s[i + 4]));
    if (!year)
        return;
    people_init();
    /* a sliding window of the last 6 tokens (dots, commas, "de" skipped) */
    tok w[6];
    int nw = 0;
    size_t pos = 0;
    tok t;
    for (;;) {
        next_tok(s, len, &pos, &t);
        if (t.type == T_END)
            break;
        if (t.type == T_DOT || t.type == T_COMMA || t.type == T_HYPHEN || t.type == T_SLASH)
            continue;
        if (t.type == T_WORD && t.flen == 2 && (memcmp(t.fold, "de", 2) == 0 || memcmp(t.fold, "di", 2) == 0))
            continue;
        if (t.type == T_WORD || t.type == T_OTHER)
            t.num = t.type == T_WORD ? (lex_get(t.fold, t.flen) & L_MONTH_MASK) >> L_MONTH_SHIFT : 0;
        if (nw == 6) {
            memmove(w, w + 1, 5 * sizeof w[0]);
            nw = 5;
        }
        w[nw++] = t;
        if (nw < 3 || t.type != T_NUM || t.ndig != 4 || t.flen)
            continue;
        /* t is a year: day month year, or month day year */
        const tok *x = &w[nw - 3], *yv = &w[nw - 2];
        int day = -1, mon = 0;
        bool day_tok_ok = x->type == T_NUM || (x->type == T_NUMWORD && x->ndig <= 2);
        if (day_tok_ok && x->ndig <= 2 && yv->type == T_WORD && yv->num) {
            day = (int)x->num, mon = (int)yv->num;
        } else if (x->type == T_WORD && x->num && (yv->type == T_NUM || yv->type == T_NUMWORD) && yv->ndig <= 2) {
            day = (int)yv->num, mon = (int)x->num;
        } else {
            continue;
        }
        if (plausible_birth((int)t.num, mon, day))
            emit(ctx, DM_STRONG, x->start, t.end);
    }
}

/* ---- table ---------------------------------------------------------------------- */

static const char *const name_hints[] = {
    "full_name", "first_name", "last_name", "firstname", "lastname", "given_name", "family_name",
    "surname", "forename", "middle_name", "maiden_name", "customer_name", "contact_name",
    "person_name", "fname", "lname", "nachname", "vorname", "familienname", "apellido", "apellidos",
    "nombre", "nom", "prenom", "prénom", "cognome", "nome", "achternaam", "voornaam", "fornavn",
    "etternavn", "efternamn", "fornamn", NULL,
};
static const char *const name_examples[] = {
    "John Smith", "Maria Garcia", "Smith, John A.", "Dr. Anna Müller", "Jean-Pierre Dubois", NULL,
};
static const char *const name_counter[] = {
    "Acme Widgets Ltd", "Johnson & Johnson", "Smith Logistics GmbH", "Charlotte", "Main Street",
    "Street Fighter 2", "The Black Cat", "Female", "Vila Nova de Gaia", "Rossi S.p.A.",
    "Walker, Hill and Young", "Rose Cottage", NULL,
};

static const char *const addr_hints[] = {
    "address", "street_address", "street", "addr", "address_line", "address_line1", "adresse",
    "anschrift", "strasse", "direccion", "domicilio", "indirizzo", "adres", "morada", "endereco",
    NULL,
};
static const char *const addr_examples[] = {
    "123 Main Street", "221B Baker Street", "Hauptstraße 5", "12 rue de la Paix", "Calle Mayor 10",
    "Via Roma 1", "Kerkstraat 12", NULL,
};
static const char *const addr_counter[] = {
    "Main Street", "Street Fighter 2", "2 TB Hard Drive", "Via email", "Route 66", NULL,
};

static const char *const dob_shapes[] = {
    "e:D4-D2-D2", "e:D4/D2/D2", "e:D4.D2.D2",
    "e:D1~2/D1~2/D4", "e:D1~2.D1~2.D4", "e:D1~2-D1~2-D4",
    "c:D8",
    "e:D4-D2-D2 D2:D2", "e:D4-D2-D2 D2:D2:D2", "e:D4-D2-D2 D2:D2:D2.D1~6",
    "e:D4-D2-D2L1D2:D2", "e:D4-D2-D2L1D2:D2:D2", "e:D4-D2-D2L1D2:D2:D2L1",
    "e:D4-D2-D2L1D2:D2:D2.D1~6", "e:D4-D2-D2L1D2:D2:D2.D1~6L1",
    NULL,
};
static const char *const dob_hints[] = {
    "dob", "date_of_birth", "birth_date", "birthdate", "birthday", "born", "geburtsdatum",
    "geb_datum", "geburtstag", "date_de_naissance", "date_naissance", "fecha_de_nacimiento",
    "fecha_nacimiento", "data_di_nascita", "data_nascita", "geboortedatum", "fodselsdato",
    "fødselsdato", "foedselsdato", "data_de_nascimento", NULL,
};
static const char *const dob_examples[] = {
    "1985-03-12", "12/03/1985", "12.03.1985", "19850312", "March 12, 1985", "12. März 1985",
    "1985-03-12T00:00:00Z", NULL,
};
static const char *const dob_counter[] = {
    "1985-02-30", "2199-01-01", "1985-03-12 14:23:11", "1850-06-01", "13/13/1985", NULL,
};

const dm_entity_def dm_entities_people[] = {
    {
        .name = "PERSON_NAME",
        .region = "global",
        .category = DM_CAT_NAME,
        .description = "a person's name: given names and surnames from public name statistics",
        .find = name_find,
        .needs = DM_NEED_LETTER,
        .init = people_init,
        .hints = name_hints,
        .examples = name_examples,
        .counterexamples = name_counter,
        .flags = DM_ENT_COLUMN_GATE,    /* codes, hashes, user agents: stop after 256 cells */
    },
    {
        .name = "ADDRESS",
        .region = "global",
        .category = DM_CAT_ADDRESS,
        .description = "a street address: house number, street name and type (EN, FR, ES, IT, PT, DE, NL)",
        .find = addr_find,
        .needs = DM_NEED_DIGIT | DM_NEED_LETTER,    /* "12 Main St"; kanji need no space */
        .min_len = 6,
        .init = people_init,
        .hints = addr_hints,
        .examples = addr_examples,
        .counterexamples = addr_counter,
        .flags = DM_ENT_FREE_TEXT_OK | DM_ENT_COLUMN_GATE,
    },
    {
        .name = "DATE_OF_BIRTH",
        .region = "global",
        .category = DM_CAT_DATE_OF_BIRTH,
        .description = "a date of birth (a real date 1900..today) under a birth-date column name",
        .shapes = dob_shapes,
        .validate = dob_validate,
        .find = dob_find,
        .needs = DM_NEED_DIGIT | DM_NEED_LETTER,    /* "12 March 1985": numeric dates are tier 1 */
        .init = people_init,
        .hints = dob_hints,
        .examples = dob_examples,
        .counterexamples = dob_counter,
        .flags = DM_ENT_NEEDS_HINT,
    },
    {0},
};
