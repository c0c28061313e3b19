/*
 * Detection engine
 *
 * Build: every enabled entity's shape keys (entity.h) are parsed, ranges
 * expanded, and hashed into one open-addressing table that maps a key hash to
 * the list of entities that registered it.
 *
 * Scan, per cell:
 *   1. one pass over the bytes cuts the cell into groups (maximal runs of
 *      ASCII letters/digits) and records, for each, its runs of one class and
 *      the joiner run before it;
 *   2. for every window of consecutive joined groups, the four keys are
 *      computed incrementally (FNV-1a) and looked up; only the validators of
 *      the entities found there run;
 *   3. the tier-2 finders of the enabled entities scan the cell;
 *   4. hits on the same or nested spans are resolved to one entity per span,
 *      and the column's counters move at most once per entity per cell.
 * Most cells produce no key that is registered and cost one pass over their
 * bytes plus a few table probes.
 */
#include "detect/engine.h"

#include "detect/allow.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/hash.h"
#include "core/mem.h"
#include "core/placeholder.h"
#include "detect/checks.h"
#include "detect/entities/names_data.h"
#include "detect/names_i18n.h"
#include "detect/byte_class.h"
#include "detect/shape_plan.h"

/* ---- registry ---------------------------------------------------------- */

static const dm_entity_def *const region_tables[] = {
    dm_entities_usa,        dm_entities_uk,          dm_entities_europe, dm_entities_europe_ids,
    dm_entities_europe_vat, dm_entities_europe_more, dm_entities_people, dm_entities_global,
    dm_entities_americas, dm_entities_asia_pacific, dm_entities_middle_east_africa, dm_entities_documents,
    dm_entities_special,    dm_entities_glue_more,
};

static const dm_entity_def *entity_by_name(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t r = 0; r < sizeof region_tables / sizeof region_tables[0]; r++)
        for (const dm_entity_def *d = region_tables[r]; d->name != NULL; d++)
            if (strcmp(d->name, name) == 0)
                return d;
    return NULL;
}

bool dm_entity_name_known(const char *name)
{
    return entity_by_name(name) != NULL;
}

const char *dm_entity_category_of(const char *name)
{
    const dm_entity_def *d = entity_by_name(name);
    return d ? d->category : NULL;
}

#define MAX_RUNS_PER_GROUP 6    /* more runs (hash-like "3f9a1c0b") make a group "complex" */
#define WORD_LEN 5              /* a letters-only group this long is a word: no ID spans it */
#define MAX_JOINER_RUN 3
#define CONTEXT_WINDOW 40
#define MAX_CELL_SCAN (64 * 1024)

enum { KIND_COMPACT = 'c', KIND_EXACT = 'e', KIND_SKELETON = 's', KIND_LENPREFIX = 'l' };

typedef struct key_slot {
    uint64_t hash;      /* 0: empty */
    uint32_t off;       /* into eng->cands */
    uint32_t n;
} key_slot;

struct dm_engine {
    const dm_entity_def **ents;
    size_t nents;
    bool *enabled;
    key_slot *slots;
    size_t mask;            /* slots - 1 */
    uint16_t *cands;
    /* kfilter[kind][L]: bit g set when a key of that kind has L letters+digits
     * and g groups (compact and length-prefix keys: every g). Windows that
     * no key can match cost no hashing at all. */
    uint16_t kfilter[4][DM_SPAN_MAX_NORM + 1];
    bool alpha_keys;        /* some key can match a window without digits */
    int cmax_runs;          /* most runs in a compact key: windows with more
                             * runs need no compact key */
    bool *specific;         /* region is not "global" */
    int dob;                /* DATE_OF_BIRTH's id, -1 when disabled */
    bool reuse;             /* columns remember their shapes' plans */
    int this_year;          /* UTC, when the engine was built */
    uint16_t *finders;      /* ids of enabled entities with a find function */
    size_t nfinders;
    /* per entity, its hints and antihints normalised once (norm_hint), its
     * own words and names_i18n.c's; cathints: its category's words */
    struct norm_hint **hints, **antihints, **cathints;
    dm_allow *allow;        /* classify.allow.*; NULL: nothing is allow-listed */
};

/* A column-name word as compared: "_date_of_birth_" and "dateofbirth". */
typedef struct norm_hint {
    char *norm, *flat;
    bool whole;             /* "=ad": only a column named just that */
} norm_hint;

static norm_hint *norm_hints(const char *const *const *lists, size_t nlists);
static void norm_hints_free(norm_hint *h);
static size_t i18n_lists(const dm_entity_def *d, bool against, bool category, const char *const **out,
                         size_t max);

/* ---- hashing ------------------------------------------------------------ */

#define FNV_OFFSET DM_FNV64_INIT
#define fnv dm_fnv64_byte

static inline uint64_t fix_hash(uint64_t h)
{
    return h ? h : 1;
}

/* Exact and skeleton keys fold one value per group (and the joiner before
 * it) so a window's key grows by one step per group. */
static inline uint64_t fold(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

/* Key of an encoded exact ('e') or skeleton ('s') spec: the runs of each
 * group hashed together (FNV), folded with the joiners, as the scan does. */
/* One group's runs packed into a word: 8 bits a run, class in the top bit
 * (X, class-less, is the skeleton's), length below; cheap enough to make
 * per group while cutting. */
static inline uint64_t pack_run(uint64_t g, unsigned char cls, unsigned len)
{
    return (g << 8) | (cls == 'L' ? 0x80u : cls == 'X' ? 0x40u : 0u) | (len & 0x3F);
}

static uint64_t hash_grouped(const unsigned char *p, size_t n)
{
    uint64_t h = fold(FNV_OFFSET, p[0]);
    uint64_t g = 0;
    for (size_t i = 1; i < n;) {
        if (p[i] == 'D' || p[i] == 'L' || p[i] == 'X') {
            g = pack_run(g, p[i], p[i + 1]);
            i += 2;
        } else {    /* a joiner ends the group */
            h = fold(fold(h, g), p[i]);
            g = 0;
            i++;
        }
    }
    return fix_hash(fold(h, g));
}

static uint64_t hash_bytes(const unsigned char *p, size_t n)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++)
        h = fnv(h, p[i]);
    return fix_hash(h);
}

/* ---- char classes ------------------------------------------------------- */

enum { C_OTHER = 0, C_DIGIT = 1, C_LETTER = 2, C_JOINER = 3 };

static unsigned char cclass[256];
static unsigned char featmap[256];     /* DM_NEED_* bits a byte provides */

static void init_classes(void)
{
    for (int c = '0'; c <= '9'; c++)
        cclass[c] = C_DIGIT;
    for (int c = 'a'; c <= 'z'; c++)
        cclass[c] = C_LETTER;
    for (int c = 'A'; c <= 'Z'; c++)
        cclass[c] = C_LETTER;
    for (const char *j = " -./:()"; *j; j++)
        cclass[(unsigned char)*j] = C_JOINER;
    for (int c = 0; c < 256; c++) {
        unsigned f = 0;
        if (c >= '0' && c <= '9')
            f |= DM_NEED_DIGIT;
        if ((c >= 'a' && c <= 'z') || c >= 0x80)
            f |= DM_NEED_LETTER;
        if ((c >= 'A' && c <= 'Z') || c >= 0x80)
            f |= DM_NEED_LETTER | DM_NEED_UPPER;
        if (c >= 0x80)
            f |= DM_NEED_HIGH;
        if (c == '@')
            f |= DM_NEED_AT;
        if (c == ':')
            f |= DM_NEED_COLON;
        if (c == ' ')
            f |= DM_NEED_SPACE;
        featmap[c] = (unsigned char)f;
    }
}

static inline char class_letter(int cls)
{
    return cls == C_DIGIT ? 'D' : 'L';
}

/* ---- key specs ------------------------------------------------------------ */

/*
 * A spec is parsed into positions, each with a list of alternative byte
 * strings; the keys are the cartesian product. Encodings (must match the scan):
 *   compact:  'c' then (class, len) per run
 *   exact:    'e' then per group (class, len) per run, joiner byte between groups
 *   skeleton: 's' then len per group, joiner byte between groups
 *   lenprefix:'l' total, then up to four class bytes
 */
typedef struct spec_pos {
    unsigned char alt[16][2];
    int nalt;
    int width;          /* bytes per alternative: 1 or 2 */
} spec_pos;

typedef struct pair {
    uint64_t hash;
    uint16_t ent;
    uint8_t total;
    uint8_t ngroups;        /* 0: any */
    uint8_t kind;           /* KIDX_* */
    bool has_digit;
    uint8_t runs;           /* compact keys: runs of one class */
} pair;

enum { KIDX_EXACT, KIDX_COMPACT, KIDX_SKELETON, KIDX_LENPREFIX };

static int kind_index(char kind)
{
    switch (kind) {
    case KIND_EXACT: return KIDX_EXACT;
    case KIND_COMPACT: return KIDX_COMPACT;
    case KIND_SKELETON: return KIDX_SKELETON;
    default: return KIDX_LENPREFIX;
    }
}

typedef struct pair_vec {
    pair *v;
    size_t n, cap;
} pair_vec;

static void pair_push(pair_vec *pv, pair p)
{
    *DM_PUSH(*pv) = p;
}

/* Parse "13~19" or "9" at *p into [lo, hi]. */
static bool parse_range(const char **p, int *lo, int *hi)
{
    char *end;
    long a = strtol(*p, &end, 10);
    if (end == *p || a < 0 || a > 64)
        return false;
    long b = a;
    if (*end == '~') {
        const char *q = end + 1;
        b = strtol(q, &end, 10);
        if (end == q || b < a || b > 64)
            return false;
    }
    *p = end;
    *lo = (int)a;
    *hi = (int)b;
    return true;
}

static bool spec_add_pos(spec_pos *pos, int *npos, int maxpos, int width)
{
    if (*npos >= maxpos)
        return false;
    memset(&pos[*npos], 0, sizeof pos[*npos]);
    pos[*npos].width = width;
    (*npos)++;
    return true;
}

/* Expand positions into keys; total letters+digits and digit presence ride along. */
static void expand(const spec_pos *pos, int npos, int idx, unsigned char *buf, size_t blen, int total,
                   bool digit, bool count_second, uint16_t ent, pair_vec *out)
{
    if (idx == npos) {
        int groups = 1;
        for (int k = 0; k < npos; k++)
            groups += pos[k].width == 1;
        uint64_t key = buf[0] == 'c' ? hash_bytes(buf, blen) : hash_grouped(buf, blen);
        pair p = {key, ent, (uint8_t)total, buf[0] == 'c' ? 0 : (uint8_t)groups,
                  (uint8_t)kind_index((char)buf[0]), digit, (uint8_t)((blen - 1) / 2)};
        pair_push(out, p);
        return;
    }
    const spec_pos *sp = &pos[idx];
    for (int a = 0; a < sp->nalt; a++) {
        memcpy(buf + blen, sp->alt[a], (size_t)sp->width);
        int t = total;
        bool d = digit;
        if (sp->width == 2 && count_second) {
            t += sp->alt[a][1];
            d = d || sp->alt[a][0] == 'D';
        }
        expand(pos, npos, idx + 1, buf, blen + (size_t)sp->width, t, d, count_second, ent, out);
    }
}

static bool is_joiner_char(char c)
{
    return c && strchr(" -./:()", c) != NULL;
}

/* Parse one spec string for entity `ent`; false when malformed. */
#define WEAK_ONLY 0x8000u    /* in cands: the key yields at most WEAK (spec suffix "/w") */

static bool parse_spec_body(const char *spec, uint16_t ent, pair_vec *out);

/* A trailing "/w" marks a key whose matches are at most WEAK unless
 * something precedes them in the cell: such candidates are skipped in
 * columns without the entity's hint when the window starts the cell. */
static bool parse_spec(const char *spec, uint16_t ent, pair_vec *out)
{
    size_t n = strlen(spec);
    if (n > 2 && strcmp(spec + n - 2, "/w") == 0) {
        char body[128];
        if (n - 2 >= sizeof body)
            return false;
        memcpy(body, spec, n - 2);
        body[n - 2] = '\0';
        return parse_spec_body(body, (uint16_t)(ent | WEAK_ONLY), out);
    }
    return parse_spec_body(spec, ent, out);
}

static bool parse_spec_body(const char *spec, uint16_t ent, pair_vec *out)
{
    spec_pos pos[40];
    int npos = 0;
    unsigned char buf[128];
    char kind = spec[0];
    const char *p = spec + 2;
    if (spec[0] == '\0' || spec[1] != ':')
        return false;

    if (kind == KIND_LENPREFIX) {
        int lo, hi;
        if (!parse_range(&p, &lo, &hi) || *p != ':')
            return false;
        p++;
        size_t nc = strlen(p);
        if (nc > 4)
            return false;
        for (int L = lo; L <= hi; L++) {
            buf[0] = 'l';
            buf[1] = (unsigned char)L;
            memcpy(buf + 2, p, nc);
            bool d = memchr(p, 'D', nc) != NULL || (int)nc < L;
            pair pr = {hash_bytes(buf, 2 + nc), ent, (uint8_t)L, 0, KIDX_LENPREFIX, d, 0};
            pair_push(out, pr);
        }
        return true;
    }

    buf[0] = (unsigned char)kind;
    while (*p) {
        if (kind == KIND_SKELETON) {
            int lo, hi;
            if (!parse_range(&p, &lo, &hi) || hi - lo >= 16)
                return false;
            if (!spec_add_pos(pos, &npos, 40, 2))
                return false;
            for (int L = lo; L <= hi; L++) {
                pos[npos - 1].alt[pos[npos - 1].nalt][0] = 'X';   /* class-less */
                pos[npos - 1].alt[pos[npos - 1].nalt][1] = (unsigned char)L;
                pos[npos - 1].nalt++;
            }
        } else if (*p == 'D' || *p == 'L') {
            char cls = *p++;
            int lo, hi;
            if (!parse_range(&p, &lo, &hi) || hi - lo >= 16)
                return false;
            if (!spec_add_pos(pos, &npos, 40, 2))
                return false;
            for (int L = lo; L <= hi; L++) {
                pos[npos - 1].alt[pos[npos - 1].nalt][0] = (unsigned char)cls;
                pos[npos - 1].alt[pos[npos - 1].nalt][1] = (unsigned char)L;
                pos[npos - 1].nalt++;
            }
        } else {
            return false;
        }
        if (*p && kind != KIND_COMPACT && !(kind == KIND_EXACT && (*p == 'D' || *p == 'L'))) {
            /* between groups a joiner; in an exact key, runs of one group follow each other */
            if (!is_joiner_char(*p))
                return false;
            if (!spec_add_pos(pos, &npos, 40, 1))
                return false;
            pos[npos - 1].alt[0][0] = (unsigned char)*p++;
            pos[npos - 1].nalt = 1;
        }
    }
    if (npos == 0)
        return false;
    size_t before = out->n;
    expand(pos, npos, 0, buf, 1, 0, false, true, ent, out);
    if (kind == KIND_SKELETON) {
        /* class-less: digit presence unknown, assume possible */
        for (size_t i = before; i < out->n; i++)
            out->v[i].has_digit = true;
    }
    return true;
}

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (int)x->ent - (int)y->ent;
}

/* ---- engine construction ------------------------------------------------- */

/* Next name of a comma-separated list at *p: its start and length (spaces
 * trimmed); false at the end. */
static bool next_name(const char **p, const char **name, size_t *len)
{
    const char *s = *p;
    while (*s == ',' || *s == ' ')
        s++;
    if (*s == '\0')
        return false;
    const char *e = s;
    while (*e && *e != ',')
        e++;
    const char *t = e;
    while (t > s && t[-1] == ' ')
        t--;
    *name = s;
    *len = (size_t)(t - s);
    *p = e;
    return true;
}

static bool name_in_list(const char *list, const char *name)
{
    const char *n;
    size_t nl;
    while (next_name(&list, &n, &nl))
        if (nl == strlen(name) && strncasecmp(n, name, nl) == 0)
            return true;
    return false;
}

/* Every name in list must be a known entity. */
static dm_status check_names(const dm_engine *eng, const char *list, const char *opt, dm_error *err)
{
    const char *n;
    size_t nl;
    while (next_name(&list, &n, &nl)) {
        bool found = false;
        for (size_t i = 0; i < eng->nents && !found; i++)
            found = strlen(eng->ents[i]->name) == nl && strncasecmp(eng->ents[i]->name, n, nl) == 0;
        if (!found)
            return DM_FAIL(err, DM_ERR_ARG, "%s: unknown entity type '%.*s' (see `datamap entities`)", opt,
                           (int)nl, n);
    }
    return DM_OK;
}

static pthread_once_t g_init_once = PTHREAD_ONCE_INIT;

static void init_once(void)
{
    init_classes();
    (void)dm_simd_path_get();   /* DATAMAP_SIMD read once, before any thread scans */
    for (size_t t = 0; t < sizeof region_tables / sizeof region_tables[0]; t++)
        for (const dm_entity_def *d = region_tables[t]; d->name; d++)
            if (d->init)
                d->init();
}

/*
 * The chance that a value with an entity's layout but random digits passes
 * its validator: every digit of each published example replaced at random
 * (letters and joiners kept), CHANCE_TRIES times, the passes counted (plus
 * one, so nothing is ever certain). A check digit mod 10 gives about 0.1, a
 * format without a check about 1. The column statistic (see
 * dm_colstats_verdict) compares a column's pass rate with it. A fixed seed:
 * the same engine every run.
 */
#define CHANCE_TRIES 64

static inline unsigned next_digit(uint64_t *rng)
{
    *rng ^= *rng << 13, *rng ^= *rng >> 7, *rng ^= *rng << 17;
    return (unsigned)((*rng >> 33) % 10);
}

/* Pass rate of random digit strings for a bare-digits key ("c:D9",
 * "c:D7~10/w", "e:D12/w"), the most of its lengths; -1 for other keys. */
static double chance_of_digits_key(const dm_entity_def *d, const char *key, uint64_t *rng)
{
    int lo, hi;
    char w[4] = "";
    if ((key[0] != 'c' && key[0] != 'e') || strncmp(key + 1, ":D", 2) != 0)
        return -1;
    int n = sscanf(key + 3, "%d~%d%3s", &lo, &hi, w);
    if (n < 2) {
        if (sscanf(key + 3, "%d%3s", &lo, w) < 1)
            return -1;
        hi = lo;
    }
    if (lo < 1 || hi > DM_SPAN_MAX_NORM || lo > hi || (w[0] && strcmp(w, "/w") != 0))
        return -1;
    double worst = -1;
    for (int len = lo; len <= hi; len++) {
        char buf[DM_SPAN_MAX_NORM + 1], norm[DM_SPAN_MAX_NORM + 1];
        unsigned passes = 0;
        for (int t = 0; t < CHANCE_TRIES; t++) {
            for (int i = 0; i < len; i++)
                buf[i] = (char)('0' + next_digit(rng));
            buf[len] = '\0';
            dm_span sp;
            if (dm_span_whole(buf, (size_t)len, &sp, norm))
                passes += d->validate(&sp) != DM_NO;
        }
        double p = (double)(passes + 1) / (CHANCE_TRIES + 2);
        if (p > worst)
            worst = p;
    }
    return worst;
}

static double measure_chance(const dm_entity_def *d)
{
    if (d->validate == NULL || d->examples == NULL || d->shapes == NULL)
        return 1.0;
    uint64_t rng = 0x9E3779B97F4A7C15ULL;
    double bare = -1;
    for (const char *const *k = d->shapes; *k; k++) {
        double p = chance_of_digits_key(d, *k, &rng);
        if (p > bare)
            bare = p;
    }
    unsigned tries = 0, passes = 0;
    for (const char *const *ex = d->examples; *ex && ex - d->examples < 3; ex++) {
        size_t len = strlen(*ex);
        char buf[DM_SPAN_MAX_NORM + 16], norm[DM_SPAN_MAX_NORM + 1];
        if (len >= sizeof buf)
            continue;
        for (int t = 0; t < CHANCE_TRIES; t++) {
            memcpy(buf, *ex, len + 1);
            for (size_t i = 0; i < len; i++)
                if (buf[i] >= '0' && buf[i] <= '9')
                    buf[i] = (char)('0' + next_digit(&rng));
            dm_span sp;
            if (!dm_span_whole(buf, len, &sp, norm))
                break;
            tries++;
            passes += d->validate(&sp) != DM_NO;
        }
    }
    double p = tries ? (double)(passes + 1) / (double)(tries + 2) : 1.0;
    return bare > p ? bare : p;
}

/* Every entity's chance, in the order of the region tables (the order of
 * every engine's ents), measured once per process when a column first needs
 * it: a few milliseconds that most runs never spend. */
static pthread_once_t g_chance_once = PTHREAD_ONCE_INIT;
static double *g_chance;

static void chance_init(void)
{
    size_t n = 0;
    for (size_t t = 0; t < sizeof region_tables / sizeof region_tables[0]; t++)
        for (const dm_entity_def *d = region_tables[t]; d->name; d++)
            n++;
    g_chance = dm_xcalloc(n, sizeof *g_chance);
    n = 0;
    for (size_t t = 0; t < sizeof region_tables / sizeof region_tables[0]; t++)
        for (const dm_entity_def *d = region_tables[t]; d->name; d++)
            g_chance[n++] = measure_chance(d);
}

static double entity_chance(size_t e)
{
    pthread_once(&g_chance_once, chance_init);
    return g_chance[e];
}

static int find_cb(const void *eng, const char *name)
{
    return dm_engine_find(eng, name);
}

dm_status dm_engine_new(const dm_engine_opts *opts, dm_engine **out, dm_error *err)
{
    dm_status rc = DM_OK;
    pair_vec pv = {0};
    *out = NULL;
    pthread_once(&g_init_once, init_once);

    dm_engine *eng = dm_xcalloc(1, sizeof *eng);
    size_t cap = 0;
    for (size_t t = 0; t < sizeof region_tables / sizeof region_tables[0]; t++)
        for (const dm_entity_def *d = region_tables[t]; d->name; d++)
            cap++;
    eng->ents = dm_xcalloc(cap, sizeof *eng->ents);
    eng->enabled = dm_xcalloc(cap, sizeof *eng->enabled);
    for (size_t t = 0; t < sizeof region_tables / sizeof region_tables[0]; t++)
        for (const dm_entity_def *d = region_tables[t]; d->name; d++)
            eng->ents[eng->nents++] = d;

    if (opts && opts->only && (rc = check_names(eng, opts->only, "--only", err)))
        goto out;
    if (opts && opts->except && (rc = check_names(eng, opts->except, "--except", err)))
        goto out;
    if (opts && (rc = dm_allow_new(opts->allow, find_cb, eng, &eng->allow, err)))
        goto out;
    eng->dob = -1;
    eng->reuse = true;
    for (size_t i = 0; i < eng->nents; i++)
        if (strcmp(eng->ents[i]->name, "DATE_OF_BIRTH") == 0)
            eng->dob = (int)i;
    {
        time_t now = time(NULL);
        struct tm tmv;
        gmtime_r(&now, &tmv);
        eng->this_year = tmv.tm_year + 1900;
    }
    eng->finders = dm_xcalloc(eng->nents, sizeof *eng->finders);
    eng->specific = dm_xcalloc(eng->nents, sizeof *eng->specific);
    eng->hints = dm_xcalloc(eng->nents, sizeof *eng->hints);
    eng->antihints = dm_xcalloc(eng->nents, sizeof *eng->antihints);
    eng->cathints = dm_xcalloc(eng->nents, sizeof *eng->cathints);
    for (size_t i = 0; i < eng->nents; i++) {
        eng->specific[i] = strcmp(eng->ents[i]->region, "global") != 0;
        const dm_entity_def *d = eng->ents[i];
        const char *const *lists[8];
        lists[0] = d->hints;
        eng->hints[i] = norm_hints(lists, 1 + i18n_lists(d, false, false, lists + 1, 7));
        lists[0] = d->antihints;
        eng->antihints[i] = norm_hints(lists, 1 + i18n_lists(d, true, false, lists + 1, 7));
        eng->cathints[i] = norm_hints(lists, i18n_lists(d, false, true, lists, 8));
    }
    for (size_t i = 0; i < eng->nents; i++) {
        const dm_entity_def *d = eng->ents[i];
        bool on = true;
        if (opts && opts->only && *opts->only)
            on = name_in_list(opts->only, d->name);
        if (opts && opts->except && name_in_list(opts->except, d->name))
            on = false;
        eng->enabled[i] = on;
    }
    for (size_t i = 0; i < eng->nents; i++) {
        const dm_entity_def *d = eng->ents[i];
        if (i + d->family >= eng->nents) {
            rc = DM_FAIL(err, DM_ERR_INTERNAL, "entity %s: family past the registry's end", d->name);
            goto out;
        }
        /* a family's finder runs while any of its entities is on */
        bool any = false;
        for (size_t k = 0; k <= d->family && !any; k++)
            any = eng->enabled[i + k];
        if (d->find && any)
            eng->finders[eng->nfinders++] = (uint16_t)i;
        if (!eng->enabled[i])
            continue;
        for (const char *const *s = d->shapes; s && *s; s++)
            if (!parse_spec(*s, (uint16_t)i, &pv)) {
                rc = DM_FAIL(err, DM_ERR_INTERNAL, "entity %s: bad shape key '%s'", d->name, *s);
                goto out;
            }
    }

    qsort(pv.v, pv.n, sizeof *pv.v, cmp_pair);
    size_t nslots = 64;
    while (nslots < pv.n * 2 + 1)
        nslots *= 2;
    eng->slots = dm_xcalloc(nslots, sizeof *eng->slots);
    eng->mask = nslots - 1;
    eng->cands = dm_xcalloc(pv.n + 1, sizeof *eng->cands);
    uint32_t nc = 0;
    for (size_t i = 0; i < pv.n;) {
        size_t j = i;
        uint32_t off = nc;
        for (; j < pv.n && pv.v[j].hash == pv.v[i].hash; j++) {
            if (j == i || pv.v[j].ent != pv.v[j - 1].ent)
                eng->cands[nc++] = pv.v[j].ent;
            const pair *pj = &pv.v[j];
            if (pj->total <= DM_SPAN_MAX_NORM)
                eng->kfilter[pj->kind][pj->total] |= pj->ngroups == 0 ? 0xFFFF : (uint16_t)(1u << pj->ngroups);
            if (!pv.v[j].has_digit)
                eng->alpha_keys = true;
            if (pj->kind == KIDX_COMPACT && pj->runs > eng->cmax_runs)
                eng->cmax_runs = pj->runs;
        }
        size_t s = pv.v[i].hash & eng->mask;
        while (eng->slots[s].hash)
            s = (s + 1) & eng->mask;
        eng->slots[s] = (key_slot){pv.v[i].hash, off, nc - off};
        i = j;
    }
    *out = eng;
    eng = NULL;
out:
    free(pv.v);
    dm_engine_free(eng);
    return rc;
}

void dm_engine_set_reuse(dm_engine *eng, bool on)
{
    eng->reuse = on;
}

void dm_engine_free(dm_engine *eng)
{
    if (eng == NULL)
        return;
    free(eng->ents);
    free(eng->enabled);
    free(eng->slots);
    free(eng->cands);
    free(eng->finders);
    free(eng->specific);
    for (size_t i = 0; eng->hints && i < eng->nents; i++) {
        norm_hints_free(eng->hints[i]);
        norm_hints_free(eng->antihints[i]);
        if (eng->cathints)
            norm_hints_free(eng->cathints[i]);
    }
    free(eng->hints);
    free(eng->antihints);
    free(eng->cathints);
    dm_allow_free(eng->allow);
    free(eng);
}

size_t dm_engine_count(const dm_engine *eng)
{
    return eng->nents;
}

const dm_entity_def *dm_engine_entity(const dm_engine *eng, size_t id)
{
    return id < eng->nents ? eng->ents[id] : NULL;
}

bool dm_engine_enabled(const dm_engine *eng, size_t id)
{
    return id < eng->nents && eng->enabled[id];
}

int dm_engine_find(const dm_engine *eng, const char *name)
{
    for (size_t i = 0; i < eng->nents; i++)
        if (strcasecmp(eng->ents[i]->name, name) == 0)
            return (int)i;
    return -1;
}

static const key_slot *lookup(const dm_engine *eng, uint64_t h)
{
    size_t s = h & eng->mask;
    while (eng->slots[s].hash) {
        if (eng->slots[s].hash == h)
            return &eng->slots[s];
        s = (s + 1) & eng->mask;
    }
    return NULL;
}

/* ---- column names and hints ----------------------------------------------- */

/* "customerDateOfBirth", "Customer-DOB" -> "_customer_date_of_birth_";
 * Latin letters lose their accents ("Prénom" -> "_prenom_", "Doğum Tarihi"
 * -> "_dogum_tarihi_", "Straße" -> "_strasse_"), so hints are written in
 * plain ASCII. */
static void normalize_name(const char *name, char *out, size_t cap)
{
    size_t o = 0;
    out[o++] = '_';
    unsigned char prev = 0;
    for (size_t i = 0; name[i] && o + 3 < cap; i++) {
        unsigned char c = (unsigned char)name[i];
        unsigned char c2 = (unsigned char)name[i + 1];
        if (c >= 0xC3 && c <= 0xC5 && (c2 & 0xC0) == 0x80) {
            unsigned cp = ((unsigned)(c & 0x1F) << 6) | (c2 & 0x3F);
            const dm_names_fold_entry *f = &dm_names_fold[cp - DM_NAMES_FOLD_FIRST];
            if (f->upper && islower(prev) && out[o - 1] != '_')
                out[o++] = '_';             /* camelCase with an accented capital */
            if (f->ascii[0] == '\0' && out[o - 1] != '_')
                out[o++] = '_';
            for (int k = 0; f->ascii[k] && k < 2 && o + 2 < cap; k++)
                out[o++] = f->ascii[k];
            prev = f->upper ? 'A' : 'a';
            i++;
            continue;
        }
        /* word breaks: camelCase, and letters next to digits ("isbn10", "address1") */
        if (out[o - 1] != '_' && ((isupper(c) && islower(prev)) || (isdigit(c) && isalpha(prev)) ||
                                  (isalpha(c) && isdigit(prev))))
            out[o++] = '_';
        if (isalnum(c) || c >= 0x80)
            out[o++] = (char)tolower(c);
        else if (out[o - 1] != '_')
            out[o++] = '_';
        prev = c;
    }
    if (out[o - 1] != '_')
        out[o++] = '_';
    out[o] = '\0';
}

/* "_a_b_" -> "ab" */
static void flatten_name(const char *norm, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = norm; *p && n + 1 < cap; p++)
        if (*p != '_')
            out[n++] = *p;
    out[n] = '\0';
}

/* The words of the lists normalised, terminated by {NULL, NULL}. */
static norm_hint *norm_hints(const char *const *const *lists, size_t nlists)
{
    size_t n = 0;
    for (size_t l = 0; l < nlists; l++)
        for (const char *const *w = lists[l]; w && *w; w++)
            n++;
    norm_hint *out = dm_xcalloc(n + 1, sizeof *out);
    size_t i = 0;
    for (size_t l = 0; l < nlists; l++)
        for (const char *const *w = lists[l]; w && *w; w++, i++) {
            char h[128], f[128];
            out[i].whole = (*w)[0] == '=';
            normalize_name(*w + out[i].whole, h, sizeof h);
            flatten_name(h, f, sizeof f);
            out[i].norm = dm_xstrdup(h);
            out[i].flat = dm_xstrdup(f);
        }
    return out;
}

/* Entity d's words from names_i18n.c: its own rows (against or not), or the
 * rows of its category. */
static size_t i18n_lists(const dm_entity_def *d, bool against, bool category, const char *const **out,
                         size_t max)
{
    size_t n = 0;
    for (const dm_name_words *w = dm_name_words_table; w->words && n < max; w++) {
        bool mine = category ? w->entity == NULL && w->category && strcmp(w->category, d->category) == 0
                             : w->entity && strcmp(w->entity, d->name) == 0;
        if (mine && w->against == against)
            out[n++] = w->words;
    }
    return n;
}

static void norm_hints_free(norm_hint *h)
{
    for (norm_hint *p = h; p && p->norm; p++) {
        free(p->norm);
        free(p->flat);
    }
    free(h);
}

/* norm/flat: the column name's forms. A hint is a word sequence of the name
 * ("_birth_date_" in "_customer_birth_date_"), or the whole name without
 * separators ("dateofbirth" for the hint date_of_birth, 4+ letters); a
 * short word that means other things inside longer names ("ad": Turkish
 * for a first name, English for an advert in "ad_title") is written "=ad"
 * and names only a column called just that. */
static bool hints_match(const char *norm, const char *flat, const norm_hint *h)
{
    for (; h && h->norm; h++)
        if (h->whole ? strcmp(norm, h->norm) == 0
                     : strstr(norm, h->norm) != NULL || (strlen(h->flat) >= 4 && strcmp(flat, h->flat) == 0))
            return true;
    return false;
}

bool dm_engine_name_hints(const dm_engine *eng, size_t id, const char *column_name)
{
    char norm[256], flat[256];
    if (id >= eng->nents || column_name == NULL)
        return false;
    normalize_name(column_name, norm, sizeof norm);
    flatten_name(norm, flat, sizeof flat);
    return hints_match(norm, flat, eng->hints[id]);
}

/* ---- column state ---------------------------------------------------------- */

typedef struct group {
    uint32_t pos;
    uint8_t len;
    uint8_t nruns;          /* 0: complex (too many runs) */
    uint8_t run_cls[MAX_RUNS_PER_GROUP];
    uint8_t run_len[MAX_RUNS_PER_GROUP];
    bool word;              /* letters only, >= WORD_LEN: ends windows */
    uint64_t ghash;         /* its runs packed (pack_run); 0 when complex */
    uint64_t shash;         /* its length packed as a skeleton run */
    bool has_digit;
    bool chained;           /* joined to the previous group */
    char sep;               /* first joiner char before it */
    uint8_t seplen;
} group;

typedef struct hit {
    uint16_t ent;
    uint8_t verdict;
    bool tied;              /* kept beside a look-alike on the same span */
    bool beat;              /* won over an overlapping look-alike of its category */
    uint32_t start, end;
} hit;

typedef struct ent_acc {
    uint64_t strong, medium, weak;
    uint64_t tied;          /* cells counted only beside a look-alike */
    uint64_t beat;          /* cells where it won over a look-alike of its category */
    uint64_t against;       /* cells the finder called evidence against it */
    uint64_t last_cell;     /* cell number + 1 that was last counted */
    uint64_t last_against;  /* cell number + 1 that was last counted against */
    int32_t ex;             /* slot in examples pool, -1 none */
    /* for the column statistic: cells where the validator ran, and where it
     * said anything but DM_NO, whatever the name and verdict */
    uint64_t tried, passed;
    uint64_t last_try, last_pass;
    uint64_t allowed;       /* cells whose hits were all allow-listed */
    uint64_t last_allowed;
} ent_acc;

struct dm_colstats {
    const dm_engine *eng;
    ent_acc *acc;
    bool *hint;
    bool *antihint;
    bool *cathint;          /* the name is a word of the entity's category */
    bool anon;              /* the name says nothing: "field_3", "col12", "" */
    uint64_t nonempty;
    uint64_t cell_no;
    group *groups;
    size_t gcap;
    hit *hits;
    size_t nhits, hcap;
    char (*examples)[DM_MAX_EXAMPLES][DM_EXAMPLE_LEN];
    uint8_t *nex;
    size_t nexslots, excap;
    /* current cell, for emit */
    const char *cell;
    size_t cell_len;
    uint16_t cur_ent;
    /* per finder (index into eng->finders): cells it ran on, cells where it
     * matched, and whether the column's name is one of its family's
     * (DM_ENT_COLUMN_GATE) */
    uint32_t *fcells, *fmatched;
    uint64_t *flast;
    bool *fnamed;
    size_t cur_f;
    /* tier 1's plans by cell shape (shape_plan.h); NULL until the first cell */
    dm_plan_cache *plans;
    /* the years of the dates DATE_OF_BIRTH matched in a column without a
     * name (dob_like) */
    uint64_t ycount, ysum, ysq, yrecent, ylast;
    int ymax;
    dm_allow_scratch *allow;    /* NULL when the engine has no allow list */
};

/* A normalised column name that says nothing about its values: empty, a
 * number, or a generic word and a number ("_field_1_", "_col_12_", "_c0_",
 * "_unnamed_3_", "_x_"), as legacy exports and headerless files have. */
static bool anonymous_name(const char *norm)
{
    static const char *const generic[] = {"field", "col", "column", "c", "f", "v", "var", "variable", "attr",
                                          "attribute", "value", "val", "x", "unnamed", "data", "item", "prop",
                                          "property", "blank", "untitled", "feld", "spalte", "champ", "colonne",
                                          "campo", "columna", "colonna", "coluna", "kolom", "kolumna", "alan",
                                          "sutun", NULL};
    const char *p = norm;
    while (*p == '_')
        p++;
    const char *w = p;
    while (*p >= 'a' && *p <= 'z')
        p++;
    size_t wl = (size_t)(p - w);
    bool ok = wl == 0;
    for (const char *const *g = generic; !ok && *g; g++)
        ok = strlen(*g) == wl && strncmp(*g, w, wl) == 0;
    if (!ok)
        return false;
    while (*p == '_')
        p++;
    while (*p >= '0' && *p <= '9')
        p++;
    while (*p == '_')
        p++;
    return *p == '\0';
}

dm_colstats *dm_colstats_new(const dm_engine *eng, const char *column_name)
{
    dm_colstats *cs = dm_xcalloc(1, sizeof *cs);
    cs->eng = eng;
    cs->acc = dm_xcalloc(eng->nents, sizeof *cs->acc);
    cs->hint = dm_xcalloc(eng->nents, sizeof *cs->hint);
    cs->antihint = dm_xcalloc(eng->nents, sizeof *cs->antihint);
    cs->cathint = dm_xcalloc(eng->nents, sizeof *cs->cathint);
    char norm[256], flat[256];
    normalize_name(column_name ? column_name : "", norm, sizeof norm);
    flatten_name(norm, flat, sizeof flat);
    cs->anon = anonymous_name(norm);
    /* No name (a value looked at alone, as the pipeline does with header
     * candidates): no hint can match; saves ~800 strstr per call, a third of
     * the CPU of a run over 10,000 small tables. */
    bool named = column_name != NULL && column_name[0] != '\0';
    for (size_t i = 0; i < eng->nents; i++) {
        cs->acc[i].ex = -1;
        if (!eng->enabled[i] || !named)
            continue;
        /* A word against the entity wins: "nome_empresa" is a company. */
        cs->antihint[i] = hints_match(norm, flat, eng->antihints[i]);
        cs->hint[i] = !cs->antihint[i] && hints_match(norm, flat, eng->hints[i]);
        cs->cathint[i] = !cs->antihint[i] && !cs->hint[i] && hints_match(norm, flat, eng->cathints[i]);
    }
    size_t nf = eng->nfinders ? eng->nfinders : 1;
    cs->fcells = dm_xcalloc(nf, sizeof *cs->fcells);
    cs->fmatched = dm_xcalloc(nf, sizeof *cs->fmatched);
    cs->flast = dm_xcalloc(nf, sizeof *cs->flast);
    cs->fnamed = dm_xcalloc(nf, sizeof *cs->fnamed);
    for (size_t f = 0; f < eng->nfinders; f++) {
        size_t e = eng->finders[f];
        for (size_t k = 0; k <= eng->ents[e]->family && e + k < eng->nents; k++)
            cs->fnamed[f] = cs->fnamed[f] || cs->hint[e + k] || cs->cathint[e + k];
    }
    if (eng->allow)
        cs->allow = dm_allow_scratch_new(eng->allow);
    return cs;
}

dm_colstats *dm_colstats_new_like(const dm_colstats *like)
{
    const dm_engine *eng = like->eng;
    dm_colstats *cs = dm_colstats_new(eng, NULL);
    cs->anon = like->anon;
    memcpy(cs->hint, like->hint, eng->nents * sizeof *cs->hint);
    memcpy(cs->antihint, like->antihint, eng->nents * sizeof *cs->antihint);
    memcpy(cs->cathint, like->cathint, eng->nents * sizeof *cs->cathint);
    memcpy(cs->fnamed, like->fnamed, (eng->nfinders ? eng->nfinders : 1) * sizeof *cs->fnamed);
    return cs;
}

void dm_colstats_free(dm_colstats *cs)
{
    if (cs == NULL)
        return;
    free(cs->acc);
    free(cs->hint);
    free(cs->antihint);
    free(cs->cathint);
    free(cs->fcells);
    free(cs->fmatched);
    free(cs->flast);
    free(cs->fnamed);
    dm_plan_cache_free(cs->plans);
    free(cs->groups);
    free(cs->hits);
    free(cs->examples);
    free(cs->nex);
    dm_allow_scratch_free(cs->allow);
    free(cs);
}

uint64_t dm_colstats_nonempty(const dm_colstats *cs)
{
    return cs->nonempty;
}

static void add_hit(dm_colstats *cs, uint16_t ent, dm_verdict v, size_t start, size_t end)
{
    if (v == DM_NO || start >= end || end > cs->cell_len)
        return;
    DM_GROW(cs->hits, cs->hcap, cs->nhits + 1);
    cs->hits[cs->nhits++] = (hit){ent, (uint8_t)v, false, false, (uint32_t)start, (uint32_t)end};
}

/* A finder's hit; DM_EMIT_FOR(k, v) says it is for the k-th entity after
 * the finder's own (entity.h, `family`), which may be off. */
static void emit_cb(void *ctx, dm_verdict v, size_t start, size_t end)
{
    dm_colstats *cs = ctx;
    unsigned k = (unsigned)v >> 8;
    size_t e = (size_t)cs->cur_ent + k;
    if (k > cs->eng->ents[cs->cur_ent]->family || !cs->eng->enabled[e])
        return;
    v = (dm_verdict)((unsigned)v & 0xFFu);
    /* a match that could count keeps a gated finder going (a weak one only
     * under the entity's name) */
    if ((v > DM_WEAK || (v == DM_WEAK && cs->hint[e])) && cs->flast[cs->cur_f] != cs->cell_no) {
        cs->flast[cs->cur_f] = cs->cell_no;
        cs->fmatched[cs->cur_f]++;
    }
    if (v == DM_NO && start < end) {    /* evidence against: a company in a name column */
        ent_acc *a = &cs->acc[e];
        if (a->last_against != cs->cell_no) {
            a->last_against = cs->cell_no;
            a->against++;
        }
        return;
    }
    add_hit(cs, (uint16_t)e, v, start, end);
}

/* Cut the cell into groups, a run of one class at a time; returns the count.
 * *feat gets the DM_NEED_* features of the bytes as featmap would give them,
 * except DM_NEED_UPPER for ASCII upper-case letters (see need_upper). */
static size_t cut_groups_bytes(dm_colstats *cs, const unsigned char *s, size_t n, unsigned *feat)
{
    size_t ng = 0, i = 0;
    unsigned f = 0;
    bool chain_open = false;    /* the previous group is followed by joiners only so far */
    size_t jst = 0;             /* where the joiner run after the previous group starts */
    while (i < n) {
        unsigned char cls = cclass[s[i]];
        if (cls != C_DIGIT && cls != C_LETTER) {
            if (cls != C_JOINER)
                chain_open = false;
            f |= featmap[s[i]];
            i++;
            continue;
        }
        DM_GROW(cs->groups, cs->gcap, ng + 1);
        group *g = &cs->groups[ng];
        size_t st = i;
        int nr = 0;
        bool digit = false;
        do {
            size_t rs = i;
            while (++i < n && cclass[s[i]] == cls)
                ;
            f |= cls == C_DIGIT ? DM_NEED_DIGIT : DM_NEED_LETTER;
            if (nr < MAX_RUNS_PER_GROUP) {
                g->run_cls[nr] = cls;
                g->run_len[nr] = i - rs > 255 ? 255 : (uint8_t)(i - rs);
            }
            nr++;
            digit = digit || cls == C_DIGIT;
            cls = i < n ? cclass[s[i]] : C_OTHER;
        } while (cls == C_DIGIT || cls == C_LETTER);
        size_t len = i - st;
        g->pos = (uint32_t)st;
        g->len = len > 255 ? 255 : (uint8_t)len;
        g->nruns = nr > MAX_RUNS_PER_GROUP || len > DM_SPAN_MAX_NORM ? 0 : (uint8_t)nr;
        g->has_digit = digit;
        g->word = !digit && len >= WORD_LEN;
        g->ghash = 0;
        for (int r = 0; r < g->nruns; r++)
            g->ghash = pack_run(g->ghash, (unsigned char)class_letter(g->run_cls[r]), g->run_len[r]);
        g->shash = pack_run(0, 'X', g->len);
        size_t jl = st - jst;
        g->chained = ng > 0 && chain_open && jl >= 1 && jl <= MAX_JOINER_RUN;
        g->sep = g->chained ? (char)s[jst] : 0;
        g->seplen = g->chained ? (uint8_t)jl : 0;
        chain_open = true;
        jst = i;
        ng++;
    }
    *feat = f;
    return ng;
}

/* cut_groups_bytes for a cell of at most DM_CLASS_MAX bytes, from its byte
 * masks (byte_class.h): groups are runs of set bits of digit|letter, a
 * group's runs of one class the changes of the digit mask inside it, and
 * the bytes between two groups chain them when they are 1-3 joiners. */
static size_t cut_groups_masks(dm_colstats *cs, const unsigned char *s, size_t n, unsigned *feat)
{
    dm_byte_masks m;
    dm_byte_classify(s, n, &m);
    uint64_t al = m.digit | m.letter;
    unsigned f = 0;
    f |= m.digit ? DM_NEED_DIGIT : 0;
    f |= (m.letter | m.high) ? DM_NEED_LETTER : 0;
    f |= m.high ? DM_NEED_UPPER | DM_NEED_HIGH : 0;
    f |= m.at ? DM_NEED_AT : 0;
    f |= m.colon ? DM_NEED_COLON : 0;
    f |= m.space ? DM_NEED_SPACE : 0;
    DM_GROW(cs->groups, cs->gcap, DM_CLASS_MAX / 2 + 1);
    size_t ng = 0;
    unsigned prev_end = 0;
    uint64_t rest = al;
    while (rest) {
        unsigned st = (unsigned)__builtin_ctzll(rest);
        uint64_t after = ~al >> st;
        unsigned len = after ? (unsigned)__builtin_ctzll(after) : 64 - st;
        unsigned end = st + len;
        uint64_t lm = len == 64 ? ~0ULL : (1ULL << len) - 1;
        uint64_t d = (m.digit >> st) & lm;
        uint64_t chg = (d ^ (d << 1)) & lm & ~1ULL;     /* bit i: byte i's class differs from i-1's */
        group *g = &cs->groups[ng];
        unsigned rs = 0;
        int nr = 0;     /* runs, counted up to MAX_RUNS_PER_GROUP + 1 */
        for (;;) {
            unsigned re = chg ? (unsigned)__builtin_ctzll(chg) : len;
            g->run_cls[nr] = (d >> rs) & 1 ? C_DIGIT : C_LETTER;
            g->run_len[nr] = (uint8_t)(re - rs);
            nr++;
            if (!chg)
                break;
            if (nr == MAX_RUNS_PER_GROUP) {
                nr++;   /* more runs than a group keeps: complex */
                break;
            }
            rs = re;
            chg &= chg - 1;
        }
        g->pos = st;
        g->len = (uint8_t)len;
        g->nruns = nr > MAX_RUNS_PER_GROUP ? 0 : (uint8_t)nr;
        g->has_digit = d != 0;
        g->word = d == 0 && len >= WORD_LEN;
        g->ghash = 0;
        for (int r = 0; r < g->nruns; r++)
            g->ghash = pack_run(g->ghash, (unsigned char)class_letter(g->run_cls[r]), g->run_len[r]);
        g->shash = pack_run(0, 'X', g->len);
        unsigned jl = st - prev_end;
        uint64_t jm = (1ULL << jl) - 1;     /* jl <= 63: a group ends before st */
        g->chained = ng > 0 && jl >= 1 && jl <= MAX_JOINER_RUN && ((m.joiner >> prev_end) & jm) == jm;
        g->sep = g->chained ? (char)s[prev_end] : 0;
        g->seplen = g->chained ? (uint8_t)jl : 0;
        prev_end = end;
        ng++;
        rest = end >= 64 ? 0 : al & (~0ULL << end);
    }
    *feat = f;
    return ng;
}

/* Cut the cell into groups: from byte masks when the path allows and the
 * cell is short, else a byte at a time. */
static size_t cut_groups(dm_colstats *cs, const unsigned char *s, size_t n, unsigned *feat)
{
    if (n <= DM_CLASS_MAX && dm_simd_path_get() != DM_SIMD_SCALAR)
        return cut_groups_masks(cs, s, n, feat);
    return cut_groups_bytes(cs, s, n, feat);
}

static bool in_list(const uint16_t *v, size_t n, uint16_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

/* Build the span of groups [a, b] for validators. */
static void make_span(const unsigned char *s, size_t n, const group *gs, size_t a, size_t b, dm_span *sp,
                      char *norm)
{
    size_t o = 0;
    sp->cell = (const char *)s;
    sp->cell_len = n;
    sp->start = gs[a].pos;
    sp->end = gs[b].pos + gs[b].len;
    sp->ngroups = (int)(b - a + 1);
    for (size_t k = a; k <= b; k++) {
        size_t gi = k - a;
        sp->glen[gi] = gs[k].len;
        sp->gpos[gi] = gs[k].pos > 65535 ? 65535 : (uint16_t)gs[k].pos;
        sp->sep[gi] = gi ? gs[k].sep : 0;
        sp->seplen[gi] = gi ? gs[k].seplen : 0;
        /* windows never pass DM_SPAN_MAX_NORM letters and digits */
        memcpy(norm + o, s + gs[k].pos, gs[k].len);
        if (!(gs[k].nruns == 1 && gs[k].run_cls[0] == C_DIGIT))
            for (size_t c = o; c < o + gs[k].len; c++)
                if (norm[c] >= 'a' && norm[c] <= 'z')
                    norm[c] = (char)(norm[c] - 32);
        o += gs[k].len;
    }
    norm[o] = '\0';
    sp->norm = norm;
    sp->norm_len = o;
}

/* Skeleton key of the window of groups [a, b]: rarely wanted, so made
 * from scratch when a skeleton key can match rather than grown per group. */
static uint64_t skel_key(const group *gs, size_t a, size_t b)
{
    uint64_t h = fold(fold(FNV_OFFSET, 's'), gs[a].shash);
    for (size_t k = a + 1; k <= b; k++)
        h = fold(fold(h, (unsigned char)gs[k].sep), gs[k].shash);
    return h;
}

/* The shape of a cell as tier 1 reads it (shape_plan.h), in out[0,
 * DM_SHAPE_DESC_MAX): whether the first group starts the cell, then per
 * group its flags, joiner, length and runs (a complex group: the classes of
 * its first four characters, all a length-prefix key reads). Everything the
 * windows, keys, filters and candidate checks of tier1 read from a cell is
 * here; 0 when it does not fit. */
static size_t shape_desc(const group *gs, size_t ng, const unsigned char *s, unsigned char *out)
{
    size_t o = 0;
    out[o++] = ng > 0 && gs[0].pos == 0;
    for (size_t k = 0; k < ng; k++) {
        const group *g = &gs[k];
        if (o + 4 + MAX_RUNS_PER_GROUP > DM_SHAPE_DESC_MAX)
            return 0;
        out[o++] = (unsigned char)(g->chained | g->word << 1 | g->has_digit << 2 | (g->nruns == 0) << 3);
        out[o++] = (unsigned char)g->sep;
        out[o++] = g->len;
        if (g->nruns == 0) {
            unsigned m = 0;
            for (size_t c = 0; c < 4 && c < g->len; c++)
                m |= (unsigned)(cclass[s[g->pos + c]] == C_DIGIT) << c;
            out[o++] = (unsigned char)m;
        } else {    /* simple groups are at most DM_SPAN_MAX_NORM long: bit 7 is free */
            out[o++] = g->nruns;
            for (int r = 0; r < g->nruns; r++)
                out[o++] = (unsigned char)(g->run_len[r] | (g->run_cls[r] == C_DIGIT) << 7);
        }
    }
    return o;
}

/* One validator on the span sp (window of groups): the column statistic's
 * counters and the hit. */
static void run_validator(dm_colstats *cs, uint16_t e, const dm_span *sp)
{
    dm_verdict v = cs->eng->ents[e]->validate(sp);
    ent_acc *acc = &cs->acc[e];
    /* only the column statistic reads tries (names that say nothing or
     * name a category); a window inside a longer number
     * ("1 23 45 678 901 23") was no try */
    if (acc->last_try != cs->cell_no && (cs->anon || cs->cathint[e]) && (v != DM_NO || !dm_piece_of_longer(sp))) {
        acc->last_try = cs->cell_no;
        acc->tried++;
    }
    if (v != DM_NO && acc->last_pass != cs->cell_no) {
        acc->last_pass = cs->cell_no;
        acc->passed++;
    }
    add_hit(cs, e, v, sp->start, sp->end);
}

/* Tier 1 over one cell: every window of chained groups, keys grown one
 * group at a time, looked up only when a (kind, length, groups) filter says
 * some entity registered such a key. The validator calls are recorded as the
 * plan of the cell's shape; a shape the column has seen replays its plan. */
static unsigned tier1(dm_colstats *cs, const unsigned char *s, size_t n)
{
    const dm_engine *eng = cs->eng;
    unsigned feat;
    size_t ng = cut_groups(cs, s, n, &feat);
    const group *gs = cs->groups;
    char norm[DM_SPAN_MAX_NORM + 1];
    dm_span sp;

    if (cs->plans == NULL && eng->reuse)
        cs->plans = dm_plan_cache_new();
    unsigned char desc[DM_SHAPE_DESC_MAX];
    size_t dlen = 0;
    dm_plan_step plan[DM_PLAN_MAX];
    size_t nplan = 0;
    bool caching = dm_plan_cache_on(cs->plans);
    if (caching) {
        dlen = shape_desc(gs, ng, s, desc);
        size_t np;
        const dm_plan_step *pl = dm_plan_lookup(cs->plans, desc, dlen, &np);
        if (pl != NULL) {
            for (size_t i = 0; i < np; i++) {
                if (i == 0 || pl[i].a != pl[i - 1].a || pl[i].b != pl[i - 1].b)
                    make_span(s, n, gs, pl[i].a, pl[i].b, &sp, norm);
                run_validator(cs, pl[i].ent, &sp);
            }
            return feat;
        }
        caching = dlen > 0;
    }

    for (size_t a = 0; a < ng; a++) {
        if (gs[a].word || gs[a].len > DM_SPAN_MAX_NORM)
            continue;
        int total = 0;
        bool digit = false, complex = false;
        uint64_t exact = fold(FNV_OFFSET, 'e');
        uint64_t cprefix = fnv(FNV_OFFSET, 'c');
        int open_cls = -1, open_len = 0;
        int cruns = 0;      /* runs of the compact key so far (frozen past cmax_runs) */
        for (size_t b = a; b < ng && b - a < DM_SPAN_MAX_GROUPS; b++) {
            const group *g = &gs[b];
            if (b > a && !g->chained)
                break;
            if (g->word || total + g->len > DM_SPAN_MAX_NORM)
                break;
            if (b > a)
                exact = fold(exact, (unsigned char)g->sep);
            if (g->nruns == 0) {
                complex = true;
            } else if (!complex) {
                exact = fold(exact, g->ghash);
                for (int r = 0; r < g->nruns && cruns <= eng->cmax_runs; r++) {
                    if (g->run_cls[r] == open_cls) {
                        open_len += g->run_len[r];
                    } else {
                        if (open_cls >= 0)
                            cprefix = fnv(fnv(cprefix, (unsigned char)class_letter(open_cls)), (unsigned char)open_len);
                        open_cls = g->run_cls[r];
                        open_len = g->run_len[r];
                        cruns++;
                    }
                }
            }
            total += g->len;
            digit = digit || g->has_digit;
            if (!digit && !eng->alpha_keys)
                continue;
            unsigned gbit = 1u << (b - a + 1);
            uint64_t keys[4];
            int nk = 0;
            if (!complex && (eng->kfilter[KIDX_EXACT][total] & gbit))
                keys[nk++] = fix_hash(exact);
            /* runs never merge away: past cmax_runs no compact key can match */
            if (!complex && cruns <= eng->cmax_runs && (eng->kfilter[KIDX_COMPACT][total] & gbit))
                keys[nk++] = fix_hash(fnv(fnv(cprefix, (unsigned char)class_letter(open_cls)), (unsigned char)open_len));
            if (eng->kfilter[KIDX_SKELETON][total] & gbit)
                keys[nk++] = skel_key(gs, a, b);
            if (eng->kfilter[KIDX_LENPREFIX][total] & gbit) {
                /* 'l', total, first classes: FNV in that order */
                uint64_t h = fnv(fnv(FNV_OFFSET, 'l'), (unsigned char)total);
                int k2 = 0;
                for (size_t bb = a; bb <= b && k2 < 4; bb++)
                    for (size_t c = 0; c < gs[bb].len && k2 < 4; c++, k2++)
                        h = fnv(h, (unsigned char)class_letter(cclass[s[gs[bb].pos + c]]));
                keys[nk++] = fix_hash(h);
            }
            uint16_t tried[32];
            size_t ntried = 0;
            bool built = false;
            for (int k = 0; k < nk; k++) {
                const key_slot *ks = lookup(eng, keys[k]);
                if (ks == NULL)
                    continue;
                for (uint32_t c = 0; c < ks->n; c++) {
                    uint16_t e = eng->cands[ks->off + c];
                    bool weak_only = e & WEAK_ONLY;
                    e &= (uint16_t)~WEAK_ONLY;
                    /* a category's name ("national_id") lets weak keys
                     * run: its column statistic needs their passes */
                    if (!cs->hint[e] && ((weak_only && gs[a].pos == 0 && !cs->anon && !cs->cathint[e]) ||
                                         ((eng->ents[e]->flags & DM_ENT_NEEDS_HINT) &&
                                          !(cs->anon && (int)e == eng->dob))))
                        continue;   /* could only be a weak match without support */
                    if (in_list(tried, ntried, e))
                        continue;
                    if (ntried < 32)
                        tried[ntried++] = e;
                    const dm_entity_def *d = eng->ents[e];
                    if (d->validate == NULL)
                        continue;
                    if (!built) {
                        make_span(s, n, gs, a, b, &sp, norm);
                        built = true;
                    }
                    if (nplan < DM_PLAN_MAX)
                        plan[nplan] = (dm_plan_step){(uint8_t)a, (uint8_t)b, e};
                    nplan++;
                    run_validator(cs, e, &sp);
                }
            }
        }
    }
    if (caching && nplan <= DM_PLAN_MAX)
        dm_plan_insert(cs->plans, desc, dlen, plan, nplan);
    return feat;
}

static bool context_before(const dm_entity_def *d, const char *cell, size_t start)
{
    size_t from = start > CONTEXT_WINDOW ? start - CONTEXT_WINDOW : 0;
    bool letter = false;
    if (d->context == NULL)
        return false;
    for (size_t i = from; i < start && !letter; i++)
        letter = cclass[(unsigned char)cell[i]] == C_LETTER;
    if (!letter)    /* context words have letters; most cells hold none before a match */
        return false;
    for (const char *const *w = d->context; *w; w++) {
        size_t wl = strlen(*w);
        if (wl == 0 || wl > start - from)
            continue;
        int c0 = tolower((unsigned char)(*w)[0]);
        for (size_t i = from; i + wl <= start; i++)
            if (tolower((unsigned char)cell[i]) == c0 && strncasecmp(cell + i, *w, wl) == 0)
                return true;
    }
    return false;
}

/* Higher is better: hint, verdict, span length, country-specific, table
 * order (the last below 1000, so priority / 1000 compares all but order). */
static long priority(const dm_colstats *cs, const hit *h)
{
    long p = 0;
    p += cs->hint[h->ent] ? 100000000L : 0;
    p += (long)h->verdict * 10000000L;
    p += (long)(h->end - h->start > 999 ? 999 : h->end - h->start) * 10000L;
    p += cs->eng->specific[h->ent] ? 5000 : 0;
    p += 999 - (long)(h->ent > 999 ? 999 : h->ent);
    return p;
}

static void remember_example(dm_colstats *cs, uint16_t ent, const char *cell, const hit *h)
{
    ent_acc *a = &cs->acc[ent];
    if (a->ex < 0) {
        if (cs->nexslots == cs->excap) {
            cs->excap = cs->excap ? cs->excap * 2 : 8;
            cs->examples = dm_xrealloc(cs->examples, cs->excap * sizeof *cs->examples);
            cs->nex = dm_xrealloc(cs->nex, cs->excap);
        }
        a->ex = (int32_t)cs->nexslots++;
        cs->nex[a->ex] = 0;
    }
    uint8_t k = cs->nex[a->ex];
    if (k >= DM_MAX_EXAMPLES)
        return;
    char m[DM_EXAMPLE_LEN];
    dm_mask(cell + h->start, h->end - h->start, m, sizeof m);
    for (uint8_t i = 0; i < k; i++)
        if (strcmp(cs->examples[a->ex][i], m) == 0)
            return;
    memcpy(cs->examples[a->ex][k], m, sizeof m);
    cs->nex[a->ex] = (uint8_t)(k + 1);
}

/* DM_NEED_UPPER when the cell has an ASCII upper-case letter (cut_groups
 * leaves that to the few finders that ask). */
static unsigned need_upper(const char *s, size_t n)
{
    size_t i = 0;
    /* eight bytes at a time: y + 0x3F sets the top bit of bytes from 'A'
     * up, y + 0x25 from '[' up (y < 0x80: no carry between bytes); ASCII
     * bytes only (~x) */
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t y = x & 0x7F7F7F7F7F7F7F7FULL;
        if ((y + 0x3F3F3F3F3F3F3F3FULL) & ~(y + 0x2525252525252525ULL) & ~x & 0x8080808080808080ULL)
            return DM_NEED_UPPER;
    }
    for (; i < n; i++)
        if ((unsigned)((unsigned char)s[i] - 'A') < 26u)
            return DM_NEED_UPPER;
    return 0;
}

/* isspace() of the C locale, inline */
static inline bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The first four-digit run from 1900 to 2100 in s[0, n), or 0. */
static int year_in(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        int y = 0, k = 0;
        while (k < 4 && s[i + k] >= '0' && s[i + k] <= '9')
            y = y * 10 + (s[i + k] - '0'), k++;
        if (k == 4 && (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9') && y >= 1900 && y <= 2100)
            return y;
    }
    return 0;
}

/* Whether the dates of a column without a name are spread as a population's
 * births are, not as orders or events are: at least DOB_MIN_CELLS of them
 * and half of the column, none in the future, under 5% in the last ten
 * years (hire, order and event dates crowd there), years spread (standard
 * deviation of 8 years or more) around a mean at least 18 years back.
 * Children's records fail this and stay unnamed dates: a miss, not a false
 * alarm. */
#define DOB_MIN_CELLS 20

static bool dob_like(const dm_colstats *cs)
{
    if (cs->ycount < DOB_MIN_CELLS || 2 * cs->ycount < cs->nonempty || cs->ymax > cs->eng->this_year ||
        cs->yrecent * 20 >= cs->ycount)
        return false;
    double n = (double)cs->ycount, mean = (double)cs->ysum / n;
    double var = (double)cs->ysq / n - mean * mean;
    return mean <= cs->eng->this_year - 18 && var >= 64.0;
}

/* Allow lists: a hit whose value, or whose whole cell, is allow-listed for
 * its entity is dropped; an entity left with no hit in the cell counts the
 * cell as allow-listed (once). The column statistic and the birth-year
 * spread saw these cells already; dm_colstats_verdict takes them out. */
static size_t drop_allowed(dm_colstats *cs, hit *h, size_t nh)
{
    const dm_engine *eng = cs->eng;
    bool any = false;
    for (size_t i = 0; i < nh; i++)
        if (dm_allow_match(eng->allow, cs->allow, h[i].ent, cs->cell + h[i].start, h[i].end - h[i].start) ||
            dm_allow_match(eng->allow, cs->allow, h[i].ent, cs->cell, cs->cell_len)) {
            h[i].verdict = DM_NO;   /* resolved hits are never DM_NO: the mark of a dropped one */
            cs->acc[h[i].ent].last_allowed = cs->cell_no;
            any = true;
        }
    if (!any)
        return nh;
    for (size_t i = 0; i < nh; i++)     /* an entity with a hit left counts the cell as usual */
        if (h[i].verdict != DM_NO)
            cs->acc[h[i].ent].last_allowed = 0;
    size_t keep = 0;
    for (size_t i = 0; i < nh; i++) {
        if (h[i].verdict != DM_NO) {
            h[keep++] = h[i];
            continue;
        }
        ent_acc *a = &cs->acc[h[i].ent];
        if (a->last_allowed == cs->cell_no) {
            a->allowed++;
            a->last_allowed = 0;    /* once per cell */
        }
    }
    return keep;
}

void dm_colstats_add(dm_colstats *cs, const char *cell, size_t len)
{
    const dm_engine *eng = cs->eng;
    /* trim */
    while (len && is_space(*cell))
        cell++, len--;
    while (len && is_space(cell[len - 1]))
        len--;
    if (len == 0 || dm_is_placeholder(cell, len))
        return;
    if (len > MAX_CELL_SCAN)
        len = MAX_CELL_SCAN;
    cs->nonempty++;
    cs->cell_no++;
    cs->nhits = 0;
    cs->cell = cell;
    cs->cell_len = len;

    unsigned feat = tier1(cs, (const unsigned char *)cell, len);
    bool upper_read = (feat & DM_NEED_UPPER) || !(feat & DM_NEED_LETTER);
    for (size_t f = 0; f < eng->nfinders; f++) {
        const dm_entity_def *d = eng->ents[eng->finders[f]];
        if ((d->needs & DM_NEED_UPPER) && !upper_read) {
            feat |= need_upper(cell, len);
            upper_read = true;
        }
        if ((d->needs & feat) != d->needs || len < d->min_len)
            continue;
        if ((d->flags & DM_ENT_NEEDS_HINT) && !cs->hint[eng->finders[f]] &&
            !(cs->anon && (int)eng->finders[f] == eng->dob))
            continue;
        if ((d->flags & DM_ENT_COLUMN_GATE) && cs->fcells[f] >= DM_GATE_CELLS &&
            cs->fmatched[f] * 50 < cs->fcells[f] && !cs->fnamed[f])
            continue;   /* under 2% of 256+ cells: not this column's pattern */
        cs->fcells[f]++;
        cs->cur_f = f;
        cs->cur_ent = eng->finders[f];
        d->find(cell, len, emit_cb, cs);
    }
    if (cs->nhits == 0)
        return;

    /* What each hit proves here: a name that speaks against the entity
     * makes it weak, words before it in the cell make it strong. */
    hit *h = cs->hits;
    size_t nh = cs->nhits;
    for (size_t i = 0; i < nh; i++) {
        const dm_entity_def *d = eng->ents[h[i].ent];
        int v = h[i].verdict;
        if ((d->flags & DM_ENT_NEEDS_HINT) || cs->antihint[h[i].ent])
            v = DM_WEAK;
        if (v < DM_STRONG && !(d->flags & DM_ENT_NEEDS_HINT) && context_before(d, cell, h[i].start))
            v = DM_STRONG;
        h[i].verdict = (uint8_t)v;
    }
    /* In a column without a name, the years of its dates: births, or
     * events? (dob_like) */
    if (cs->anon && eng->dob >= 0 && !cs->hint[eng->dob] && cs->ylast != cs->cell_no)
        for (size_t i = 0; i < nh; i++)
            if ((int)h[i].ent == eng->dob) {
                int y = year_in(cell + h[i].start, h[i].end - h[i].start);
                if (y > 0) {
                    cs->ylast = cs->cell_no;
                    cs->ycount++;
                    cs->ysum += (uint64_t)y;
                    cs->ysq += (uint64_t)y * (uint64_t)y;
                    cs->yrecent += y >= eng->this_year - 10;
                    if (y > cs->ymax)
                        cs->ymax = y;
                }
                break;
            }
    /* A weak hit without the column's hint can neither count nor beat
     * anything that could: drop it before resolving. */
    size_t keep = 0;
    for (size_t i = 0; i < nh; i++)
        if (h[i].verdict > DM_WEAK || cs->hint[h[i].ent])
            h[keep++] = h[i];
    nh = keep;
    if (nh == 0)
        return;
    /* Resolve overlaps: best first (hint, verdict, longer span, country-
     * specific, table order); a hit overlapping an accepted one of another
     * entity is dropped, except look-alikes that tie on everything but table
     * order on the same span (a 9-digit number under "passport_number": US
     * or UK?), which are both kept. */
    for (size_t i = 1; i < nh; i++) {
        hit x = h[i];
        long px = priority(cs, &x);
        size_t j = i;
        while (j > 0 && priority(cs, &h[j - 1]) < px) {
            h[j] = h[j - 1];
            j--;
        }
        h[j] = x;
    }
    size_t nacc = 0;
    for (size_t i = 0; i < nh; i++) {
        bool drop = false;
        for (size_t k = 0; k < nacc && !drop; k++) {
            if (h[i].ent == h[k].ent || h[i].end <= h[k].start || h[k].end <= h[i].start)
                continue;
            bool tie = h[i].start == h[k].start && h[i].end == h[k].end &&
                       priority(cs, &h[i]) / 1000 == priority(cs, &h[k]) / 1000;
            bool umbrella = (eng->ents[h[i].ent]->flags & DM_ENT_UMBRELLA) &&
                            strcmp(eng->ents[h[i].ent]->category, eng->ents[h[k].ent]->category) == 0;
            drop = !tie && !umbrella;
            if (tie)
                h[i].tied = h[k].tied = true;
            else if (drop && !h[k].beat)
                h[k].beat = strcmp(eng->ents[h[k].ent]->category, eng->ents[h[i].ent]->category) == 0;
        }
        if (!drop)
            h[nacc++] = h[i];
    }
    if (cs->allow)
        nacc = drop_allowed(cs, h, nacc);
    /* Count each entity once per cell, with its best verdict. */
    for (size_t i = 0; i < nacc; i++) {
        ent_acc *a = &cs->acc[h[i].ent];
        if (a->last_cell == cs->cell_no)
            continue;
        /* best verdict of this entity in the cell */
        int best = h[i].verdict;
        size_t bi = i;
        for (size_t k = i + 1; k < nacc; k++)
            if (h[k].ent == h[i].ent && h[k].verdict > best)
                best = h[k].verdict, bi = k;
        a->last_cell = cs->cell_no;
        a->tied += h[bi].tied;
        a->beat += h[bi].beat;
        if (best == DM_STRONG)
            a->strong++;
        else if (best == DM_MEDIUM)
            a->medium++;
        else
            a->weak++;
        remember_example(cs, h[i].ent, cell, &h[bi]);
    }
}

static int cmp_detection(const void *a, const void *b)
{
    const dm_detection *x = a, *y = b;
    if (x->ratio != y->ratio)
        return x->ratio > y->ratio ? -1 : 1;
    return (int)x->entity_id - (int)y->entity_id;
}

/*
 * Column statistic: evidence from many cells where one cell proves little.
 * A validator that random values of its layout pass with chance p (measured
 * by measure_chance) passes k of the n cells of the column where it ran.
 * When k/n is far above p, chance cannot explain it: by the Chernoff bound
 * on the binomial tail, P(X >= k) <= exp(-n D(k/n || p)), D the Kullback-
 * Leibler divergence of two coins. The column holds the entity when that
 * bound is below STAT_ALPHA (1e-9), over at least STAT_MIN_CELLS cells, for
 * checks with p <= STAT_MAX_CHANCE (a format without a real check, such as a
 * passport or licence layout, never qualifies), when at least STAT_MIN_PASS
 * of those cells pass (a column of identifiers passes nearly always; values
 * that are not random, such as timestamps, can beat chance by a little), in
 * a column whose name says nothing ("field_3") or names only the entity's
 * category ("national_id": a column mixing the IDs of several countries),
 * unless the name speaks against it or the entity needs its name.
 */
#define STAT_ALPHA 1e-9
#define STAT_MIN_CELLS 20
#define STAT_MAX_CHANCE 0.25
#define STAT_MIN_PASS 0.5

static bool column_statistic(const dm_colstats *cs, size_t e)
{
    const ent_acc *a = &cs->acc[e];
    const dm_entity_def *d = cs->eng->ents[e];
    if (!(cs->anon || cs->cathint[e]) || a->tried < STAT_MIN_CELLS || cs->antihint[e] ||
        (d->flags & DM_ENT_NEEDS_HINT))
        return false;
    double q = (double)a->passed / (double)a->tried;
    if (q < STAT_MIN_PASS)
        return false;
    double p = entity_chance(e);
    if (p > STAT_MAX_CHANCE || q <= p)
        return false;
    double kl = q * log(q / p) + (q < 1.0 ? (1.0 - q) * log((1.0 - q) / (1.0 - p)) : 0.0);
    return (double)a->tried * kl >= -log(STAT_ALPHA);
}

/* The cells that count for entity e in this column under the rules of
 * the verdict (hint, category word, share, column statistic); *stat says
 * the count came from a column-wide statistic, not from single cells. */
static uint64_t entity_count(const dm_colstats *cs, size_t e, double threshold, bool *stat)
{
    const ent_acc *a = &cs->acc[e];
    uint64_t N = cs->nonempty;
    uint64_t all = a->strong + a->medium + a->weak;
    uint64_t count;
    *stat = false;
    if (cs->hint[e])
        count = all;
    else if (cs->cathint[e] || (double)(a->strong + a->medium) >= 0.3 * (double)N)
        count = a->strong + a->medium;
    else
        count = a->strong;
    /* the statistic also gives the share of a type found above the
     * threshold by its cells alone, when more of them pass its check */
    /* the column-wide evidence counted cells before the allow lists were
     * asked: take the allow-listed ones out again */
    uint64_t passed = a->passed > a->allowed ? a->passed - a->allowed : 0;
    if (passed > count && column_statistic(cs, e)) {
        *stat = (double)count < threshold * (double)N;
        count = passed;
    }
    if ((int)e == cs->eng->dob && cs->anon && !cs->hint[e] && dob_like(cs)) {
        count = cs->ycount > a->allowed ? cs->ycount - a->allowed : 0;
        *stat = true;
    }
    return count;
}

static void copy_examples(const dm_colstats *cs, size_t e, dm_detection *d)
{
    const ent_acc *a = &cs->acc[e];
    for (int i = 0; a->ex >= 0 && i < cs->nex[a->ex] && d->nexamples < DM_MAX_EXAMPLES; i++)
        memcpy(d->examples[d->nexamples++], cs->examples[a->ex][i], DM_EXAMPLE_LEN);
}

static int cmp_member(const void *a, const void *b)
{
    const dm_member *x = a, *y = b;
    return x->matches != y->matches ? (x->matches > y->matches ? -1 : 1) : strcmp(x->entity->name, y->entity->name);
}

/*
 * A category as a whole (DM_ENT_CATEGORY: NATIONAL_ID): a column mixing the
 * IDs of ten countries holds each in a few percent of its cells, most of
 * them under the threshold, yet the column is all national IDs. Every type
 * of the category that counts in at least MEMBER_SHARE of the cells (and
 * MEMBER_MIN cells: chance passes of a strong check stay below that), and
 * not only a look-alike on a larger member's cells, is a member with its
 * own share; two or more members whose shares add up to the
 * threshold make one finding of the category, so the column is reported
 * (and counted as personal data) whatever each type's share. Members above
 * the threshold are also findings of their own; those below it appear only
 * here, so they cost no precision where a reader counts entity findings.
 */
#define MEMBER_SHARE 0.01
#define MEMBER_MIN 5

static bool category_finding(const dm_colstats *cs, size_t c, double threshold, uint64_t min_count,
                             dm_detection *d)
{
    const dm_engine *eng = cs->eng;
    uint64_t N = cs->nonempty, sum = 0;
    bool named = cs->hint[c] || cs->cathint[c];
    dm_member found[64];
    size_t ids[64], nfound = 0;
    for (size_t e = 0; e < eng->nents && nfound < 64; e++) {
        const dm_entity_def *m = eng->ents[e];
        if (e == c || !eng->enabled[e] || (m->flags & DM_ENT_CATEGORY) ||
            strcmp(m->category, eng->ents[c]->category) != 0)
            continue;
        const ent_acc *a = &cs->acc[e];
        if (a->strong + a->medium + a->weak == 0 && a->passed == 0)
            continue;
        bool stat;
        uint64_t k = entity_count(cs, e, threshold, &stat);
        if (k < MEMBER_MIN || (double)k < MEMBER_SHARE * (double)N)
            continue;
        ids[nfound] = e;
        found[nfound++] = (dm_member){m, k, (double)k / (double)N};
        named = named || cs->hint[e] || cs->cathint[e];
    }
    /* A look-alike that mostly counted on cells another type of the
     * category also read, tied with it or winning over it (PESELs whose
     * date and digits a Belgian number's rule also passes, 1 in 40), is the
     * larger member's shadow, not a second kind of ID. */
    size_t kept = 0;
    for (size_t i = 0; i < nfound; i++) {
        bool shadow = false;
        for (size_t j = 0; j < nfound && !shadow; j++)
            shadow = j != i && found[j].matches > found[i].matches &&
                     (cs->acc[ids[i]].tied + cs->acc[ids[i]].beat) * 2 >= found[i].matches;
        if (!shadow) {
            ids[kept] = ids[i];
            found[kept++] = found[i];
            sum += found[i].matches;
        }
    }
    nfound = kept;
    if (nfound < 2)
        return false;
    if (sum > N)        /* a cell two types claim is counted once at most */
        sum = N;
    double ratio = (double)sum / (double)N;
    if (sum < min_count || ratio < threshold)
        return false;
    memset(d, 0, sizeof *d);
    d->entity_id = c;
    d->entity = eng->ents[c];
    d->matches = sum;
    d->sampled = N;
    d->ratio = ratio;
    d->name_hint = cs->hint[c];
    d->confidence = ratio >= 0.5 ? (named ? "high" : "medium") : "low";
    /* the largest members, and an example of each of the first */
    for (int i = 0; i < DM_MAX_MEMBERS && (size_t)i < nfound; i++) {
        size_t best = (size_t)i;
        for (size_t j = (size_t)i + 1; j < nfound; j++)
            if (cmp_member(&found[j], &found[best]) < 0)
                best = j;
        dm_member tm = found[i];
        size_t ti = ids[i];
        found[i] = found[best], ids[i] = ids[best];
        found[best] = tm, ids[best] = ti;
        d->members[d->nmembers++] = found[i];
        const ent_acc *a = &cs->acc[ids[i]];
        if (d->nexamples < DM_MAX_EXAMPLES && a->ex >= 0 && cs->nex[a->ex] > 0)
            memcpy(d->examples[d->nexamples++], cs->examples[a->ex][0], DM_EXAMPLE_LEN);
    }
    return true;
}

size_t dm_colstats_verdict(const dm_colstats *cs, const dm_classify_opts *opts, dm_detection *out, size_t max)
{
    double threshold = opts ? opts->threshold : 0.1;
    uint64_t min_count = opts && opts->min_count ? opts->min_count : 1;
    size_t n = 0;
    uint64_t N = cs->nonempty;
    if (N == 0)
        return 0;
    for (size_t e = 0; e < cs->eng->nents && n < max; e++) {
        const ent_acc *a = &cs->acc[e];
        uint64_t all = a->strong + a->medium + a->weak;
        if (all == 0 && a->passed == 0 && !((int)e == cs->eng->dob && cs->ycount))
            continue;
        bool hint = cs->hint[e];
        bool stat;
        uint64_t count = entity_count(cs, e, threshold, &stat);
        double ratio = (double)count / (double)N;
        if (count < min_count || ratio < threshold || count == 0)
            continue;
        /* A clear share of cells the finder read as something else (a
         * third of the column, and no fewer than its matches): a column of
         * companies or towns where some cells also read as names. */
        if (a->against * 3 >= N && a->against >= count)
            continue;
        dm_detection *d = &out[n++];
        memset(d, 0, sizeof *d);
        d->entity_id = e;
        d->entity = cs->eng->ents[e];
        d->matches = count;
        d->sampled = N;
        d->ratio = ratio;
        d->name_hint = hint;
        d->allowed = a->allowed;
        if (stat)
            d->confidence = ratio >= 0.5 ? "medium" : "low";
        else if (ratio >= 0.5 && (hint || (double)a->strong >= 0.8 * (double)count))
            d->confidence = "high";
        else if (ratio < 0.3 && !hint)
            d->confidence = "low";
        else
            d->confidence = "medium";
        copy_examples(cs, e, d);
    }
    /* A look-alike that only ever matched beside another entity of the same
     * category, which matched more cells, is that other one's shadow: a
     * column of US passports (9 digits or letter + 8) is not also UK. */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const ent_acc *a = &cs->acc[out[i].entity_id];
        bool shadow = false;
        for (size_t j = 0; j < n && !shadow; j++)
            shadow = j != i && a->tied >= out[i].matches && out[j].matches > out[i].matches &&
                     strcmp(out[j].entity->category, out[i].entity->category) == 0;
        if (!shadow)
            out[kept++] = out[i];
    }
    n = kept;
    /* categories as a whole, for mixed columns */
    for (size_t c = 0; c < cs->eng->nents && n < max; c++)
        if ((cs->eng->ents[c]->flags & DM_ENT_CATEGORY) && cs->eng->enabled[c] &&
            category_finding(cs, c, threshold, min_count, &out[n]))
            n++;
    qsort(out, n, sizeof *out, cmp_detection);
    return n;
}

/* ---- masking ------------------------------------------------------------- */

void dm_mask(const char *v, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return;
    const char *at = memchr(v, '@', len);
    if (at) {
        /* j***@e***.com */
        const char *dot = NULL;
        for (const char *p = v + len; p > at; p--)
            if (p[-1] == '.') {
                dot = p - 1;
                break;
            }
        size_t tl = dot ? (size_t)(v + len - dot) : 0;
        if (tl > 10)
            tl = 0;
        int n = snprintf(out, cap, "%c***@%c***%.*s", at > v ? v[0] : '*',
                         at + 1 < v + len ? at[1] : '*', (int)tl, dot ? dot : "");
        (void)n;
        return;
    }
    bool first_digit_shown = false;
    bool in_letters = false;
    for (size_t i = 0; i < len && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c >= 0x80) {
            if ((c & 0xC0) != 0x80)   /* one star per code point */
                out[o++] = '*';
            in_letters = true;
            continue;
        }
        if (isalpha(c)) {
            out[o++] = in_letters ? '*' : (char)c;
            in_letters = true;
        } else if (isdigit(c)) {
            out[o++] = first_digit_shown ? '*' : (char)c;
            first_digit_shown = true;
            in_letters = false;
        } else {
            out[o++] = (char)c;
            in_letters = false;
        }
    }
    out[o] = '\0';
}

/* ---- spans for tests -------------------------------------------------------- */

bool dm_span_whole(const char *s, size_t len, dm_span *sp, char *norm)
{
    pthread_once(&g_init_once, init_once);
    dm_engine fake = {0};
    dm_colstats cs = {0};
    cs.eng = &fake;
    unsigned feat;
    size_t ng = cut_groups(&cs, (const unsigned char *)s, len, &feat);
    bool ok = ng > 0 && ng <= DM_SPAN_MAX_GROUPS && cs.groups[0].pos == 0 &&
              cs.groups[ng - 1].pos + cs.groups[ng - 1].len == len;
    size_t total = 0;
    for (size_t i = 0; ok && i < ng; i++) {
        ok = (i == 0 || cs.groups[i].chained);
        total += cs.groups[i].len;
    }
    ok = ok && total <= DM_SPAN_MAX_NORM;
    if (ok)
        make_span((const unsigned char *)s, len, cs.groups, 0, ng - 1, sp, norm);
    free(cs.groups);
    return ok;
}
