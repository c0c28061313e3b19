/*
 * Byte classes as bit masks (byte_class.h): SSE2, 16 bytes a compare; a byte
 * loop where SSE2 is missing. The scalar path proper is engine.c's byte
 * loop (cut_groups_bytes), which the tests compare with the masks.
 */
#include "detect/byte_class.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define DM_HAVE_SSE2 1
#else
#define DM_HAVE_SSE2 0
#endif

#if !DM_HAVE_SSE2
static void classify_scalar(const unsigned char *s, size_t n, dm_byte_masks *m)
{
    memset(m, 0, sizeof *m);
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        uint64_t b = 1ULL << i;
        if (c - '0' < 10u)
            m->digit |= b;
        else if ((c | 0x20u) - 'a' < 26u)
            m->letter |= b;
        else if (c >= 0x80)
            m->high |= b;
        if (c == ' ' || c == '-' || c == '.' || c == '/' || c == ':' || c == '(' || c == ')')
            m->joiner |= b;
        m->at |= c == '@' ? b : 0;
        m->colon |= c == ':' ? b : 0;
        m->space |= c == ' ' ? b : 0;
    }
}
#else
/* unsigned lo <= v <= hi per byte: (v - lo) == min(v - lo, hi - lo) */
static inline __m128i in_range(__m128i v, unsigned char lo, unsigned char hi)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)(hi - lo))), d);
}

static inline uint64_t bits(__m128i x, size_t k)
{
    return (uint64_t)(unsigned)_mm_movemask_epi8(x) << (16 * k);
}

#if defined(__SANITIZE_ADDRESS__)
#define DM_OVERREAD_OK 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DM_OVERREAD_OK 0
#endif
#endif
#ifndef DM_OVERREAD_OK
#define DM_OVERREAD_OK 1
#endif

static void classify_sse2(const unsigned char *s, size_t n, dm_byte_masks *m)
{
    unsigned char buf[DM_CLASS_MAX] __attribute__((aligned(16)));
    size_t chunks = (n + 15) / 16;
    const unsigned char *p = s;
    /* Loads of whole 16-byte chunks may pass the cell's end: harmless
     * within its memory page (the bits past n are cleared below), so the
     * cell is read in place unless the chunks cross into the next page,
     * or a sanitizer watches the bytes past the end. */
    if (!DM_OVERREAD_OK || ((uintptr_t)s & 4095) + chunks * 16 > 4096) {
        memcpy(buf, s, n);
        p = buf;
    }
    memset(m, 0, sizeof *m);
    for (size_t k = 0; k < chunks; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
        m->digit |= bits(in_range(v, '0', '9'), k);
        m->letter |= bits(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), k);
        m->high |= bits(v, k);
        __m128i sp = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
        __m128i co = _mm_cmpeq_epi8(v, _mm_set1_epi8(':'));
        __m128i j = _mm_or_si128(_mm_or_si128(sp, co), _mm_or_si128(in_range(v, '-', '/'), in_range(v, '(', ')')));
        m->joiner |= bits(j, k);
        m->at |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8('@')), k);
        m->colon |= bits(co, k);
        m->space |= bits(sp, k);
    }
    uint64_t keep = n >= 64 ? ~0ULL : (1ULL << n) - 1;
    m->digit &= keep, m->letter &= keep, m->joiner &= keep, m->high &= keep;
    m->at &= keep, m->colon &= keep, m->space &= keep;
}
#endif

static dm_simd_path g_path;
static bool g_chosen;


dm_simd_path dm_simd_path_get(void)
{
    if (!g_chosen) {
        const char *e = getenv("DATAMAP_SIMD");
        /* scalar by default: on big.csv the SSE2 cutter runs 1% more
         * instructions than the byte loop (cells average 22 bytes; the
         * work per group dominates), see bench/RESULTS.md */
        g_path = e && strcmp(e, "sse2") == 0 && DM_HAVE_SSE2 ? DM_SIMD_SSE2 : DM_SIMD_SCALAR;
        g_chosen = true;
    }
    return g_path;
}

void dm_simd_path_set(dm_simd_path p)
{
    g_path = p == DM_SIMD_SSE2 && !DM_HAVE_SSE2 ? DM_SIMD_SCALAR : p;
    g_chosen = true;
}

const char *dm_simd_path_name(dm_simd_path p)
{
    return p == DM_SIMD_SSE2 ? "sse2" : "scalar";
}

void dm_byte_classify(const unsigned char *s, size_t n, dm_byte_masks *m)
{
#if DM_HAVE_SSE2
    classify_sse2(s, n, m);
#else
    classify_scalar(s, n, m);
#endif
}
