/*
 * Hashing
 *
 * FNV-1a (Fowler/Noll/Vo), 64 and 32 bits: fast on short keys, good enough
 * for hash tables and change fingerprints, not for anything an adversary
 * must not collide (use SHA-256 from libcrypto there). Feed it in pieces:
 *
 *     uint64_t h = DM_FNV64_INIT;
 *     h = dm_fnv64(h, key, strlen(key));
 *     h = dm_fnv64(h, etag, strlen(etag));
 */
#ifndef DM_CORE_HASH_H
#define DM_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define DM_FNV64_INIT 14695981039346656037ULL
#define DM_FNV64_PRIME 1099511628211ULL
#define DM_FNV32_INIT 2166136261u
#define DM_FNV32_PRIME 16777619u

static inline uint64_t dm_fnv64_byte(uint64_t h, unsigned char b)
{
    return (h ^ b) * DM_FNV64_PRIME;
}

static inline uint64_t dm_fnv64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * DM_FNV64_PRIME;
    return h;
}

static inline uint64_t dm_fnv64_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * DM_FNV64_PRIME;
    return h;
}

static inline uint32_t dm_fnv32(uint32_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * DM_FNV32_PRIME;
    return h;
}

/* The seed the fingerprints of files, objects and DynamoDB tables started
 * from before this header existed: catalogs store those fingerprints, so
 * changing it would make every table look changed once. */
#define DM_FINGERPRINT_SEED 1469598103934665603ULL

#endif
