/*
 * Byte classes of a short cell, 64 bytes at a time, as bit masks
 *
 * Tier 1 cuts a cell into groups of ASCII letters and digits joined by
 * short runs of joiners (engine.c). For a cell of at most 64 bytes, one
 * pass here gives a bit per byte for each class it needs (bit i: byte i),
 * and the cutter walks group and run boundaries with bit operations instead
 * of a table lookup and a branch per byte. Longer cells take the byte loop.
 *
 * Paths: scalar (engine.c's byte loop, on any machine; the default) and
 * SSE2 (every x86-64), chosen once from DATAMAP_SIMD=scalar|sse2 (an
 * unknown value, or a path the build lacks, gives scalar). SSE2 is not the
 * default yet: it has not been measured faster (bench/RESULTS.md). Every
 * path gives the same groups: tests run each and compare them and the
 * findings. AVX2/AVX-512 paths are not written.
 */
#ifndef DM_DETECT_BYTE_CLASS_H
#define DM_DETECT_BYTE_CLASS_H

#include <stddef.h>
#include <stdint.h>

#define DM_CLASS_MAX 64

typedef struct dm_byte_masks {
    uint64_t digit;     /* '0'-'9' */
    uint64_t letter;    /* 'A'-'Z' 'a'-'z' */
    uint64_t joiner;    /* " -./:()" */
    uint64_t high;      /* >= 0x80 */
    uint64_t at, colon, space;
} dm_byte_masks;

typedef enum dm_simd_path { DM_SIMD_SCALAR, DM_SIMD_SSE2 } dm_simd_path;

/* Classify s[0, n), n <= DM_CLASS_MAX; bits at and past n are 0. Used
 * only when the path is not scalar. */
void dm_byte_classify(const unsigned char *s, size_t n, dm_byte_masks *m);

/* The path in use, and forcing one (tests); a path the CPU lacks is ignored. */
dm_simd_path dm_simd_path_get(void);
void dm_simd_path_set(dm_simd_path p);
const char *dm_simd_path_name(dm_simd_path p);

#endif
