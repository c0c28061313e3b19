#include "aws/sigv4.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* ---- SHA-256 ---------------------------------------------------------------- */

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(dm_sha256 *c, const unsigned char *p)
{
    uint32_t w[64], a, b, cc, d, e, f, g, h;
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & cc) ^ (b & cc));
        h = g, g = f, f = e, e = d + t1, d = cc, cc = b, b = a, a = t1 + t2;
    }
    c->h[0] += a, c->h[1] += b, c->h[2] += cc, c->h[3] += d;
    c->h[4] += e, c->h[5] += f, c->h[6] += g, c->h[7] += h;
}

void dm_sha256_init(dm_sha256 *c)
{
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, iv, sizeof iv);
    c->len = 0;
    c->nbuf = 0;
}

void dm_sha256_update(dm_sha256 *c, const void *data, size_t len)
{
    const unsigned char *p = data;
    c->len += len;
    if (c->nbuf) {
        size_t take = 64 - c->nbuf < len ? 64 - c->nbuf : len;
        memcpy(c->buf + c->nbuf, p, take);
        c->nbuf += take, p += take, len -= take;
        if (c->nbuf < 64)
            return;
        sha256_block(c, c->buf);
        c->nbuf = 0;
    }
    for (; len >= 64; p += 64, len -= 64)
        sha256_block(c, p);
    memcpy(c->buf, p, len);
    c->nbuf = len;
}

void dm_sha256_final(dm_sha256 *c, unsigned char out[32])
{
    uint64_t bits = c->len * 8;
    unsigned char pad = 0x80, zero = 0, lenb[8];
    dm_sha256_update(c, &pad, 1);
    while (c->nbuf != 56)
        dm_sha256_update(c, &zero, 1);
    for (int i = 0; i < 8; i++)
        lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
    dm_sha256_update(c, lenb, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(c->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)c->h[i];
    }
}

static void to_hex(const unsigned char *d, size_t n, char *out)
{
    static const char hx[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hx[d[i] >> 4];
        out[2 * i + 1] = hx[d[i] & 15];
    }
    out[2 * n] = '\0';
}

void dm_sha256_hex(const void *data, size_t len, char out[65])
{
    dm_sha256 c;
    unsigned char d[32];
    dm_sha256_init(&c);
    dm_sha256_update(&c, data, len);
    dm_sha256_final(&c, d);
    to_hex(d, 32, out);
}

void dm_hmac_sha256(const void *key, size_t klen, const void *msg, size_t mlen, unsigned char out[32])
{
    unsigned char k[64] = {0}, ipad[64], opad[64], inner[32];
    dm_sha256 c;
    if (klen > 64) {
        dm_sha256_init(&c);
        dm_sha256_update(&c, key, klen);
        dm_sha256_final(&c, k);
    } else {
        memcpy(k, key, klen);
    }
    for (int i = 0; i < 64; i++) {
        ipad[i] = k[i] ^ 0x36;
        opad[i] = k[i] ^ 0x5c;
    }
    dm_sha256_init(&c);
    dm_sha256_update(&c, ipad, 64);
    dm_sha256_update(&c, msg, mlen);
    dm_sha256_final(&c, inner);
    dm_sha256_init(&c);
    dm_sha256_update(&c, opad, 64);
    dm_sha256_update(&c, inner, 32);
    dm_sha256_final(&c, out);
    memset(k, 0, sizeof k);
    memset(ipad, 0, sizeof ipad);
    memset(opad, 0, sizeof opad);
}

/* ---- canonical request ------------------------------------------------------ */

char *dm_sigv4_uri_encode(const char *s, size_t len, int keep_slash)
{
    static const char hx[] = "0123456789ABCDEF";
    char *out = dm_xmalloc(len * 3 + 1), *o = out;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' || ch == '~' || (ch == '/' && keep_slash)) {
            *o++ = (char)ch;
        } else {
            *o++ = '%';
            *o++ = hx[ch >> 4];
            *o++ = hx[ch & 15];
        }
    }
    *o = '\0';
    return out;
}

typedef struct kv {
    char *k, *v;
} kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    int c = strcmp(x->k, y->k);
    return c ? c : strcmp(x->v, y->v);
}

/* Header value trimmed, inner runs of blanks folded to one space. */
static char *trim_value(const char *v)
{
    char *out = dm_xmalloc(strlen(v) + 1), *o = out;
    while (*v == ' ' || *v == '\t')
        v++;
    for (; *v; v++) {
        if (*v == ' ' || *v == '\t') {
            while (v[1] == ' ' || v[1] == '\t')
                v++;
            if (v[1] == '\0')
                break;
            *o++ = ' ';
        } else {
            *o++ = *v;
        }
    }
    *o = '\0';
    return out;
}

static char *lower(const char *s)
{
    char *out = dm_xstrdup(s);
    for (char *p = out; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return out;
}

dm_status dm_sigv4_sign(const dm_sigv4_input *in, dm_sigv4_output *out, dm_error *err)
{
    memset(out, 0, sizeof *out);
    if (!in->method || !in->host || !in->path || in->path[0] != '/' || !in->payload_hash || !in->amz_date ||
        strlen(in->amz_date) != 16 || !in->region || !in->service || !in->access_key || !in->secret_key)
        return DM_FAIL(err, DM_ERR_ARG, "sigv4: incomplete request description");

    /* query */
    kv *q = dm_xcalloc(in->nparams + 1, sizeof *q);
    for (size_t i = 0; i < in->nparams; i++) {
        const char *v = in->params[i].value ? in->params[i].value : "";
        q[i].k = dm_sigv4_uri_encode(in->params[i].key, strlen(in->params[i].key), 0);
        q[i].v = dm_sigv4_uri_encode(v, strlen(v), 0);
    }
    qsort(q, in->nparams, sizeof *q, cmp_kv);
    dm_buf qs = DM_BUF_INIT;
    dm_buf_append(&qs, "", 0);
    for (size_t i = 0; i < in->nparams; i++) {
        dm_buf_printf(&qs, "%s%s=%s", i ? "&" : "", q[i].k, q[i].v);
        free(q[i].k);
        free(q[i].v);
    }
    free(q);

    /* headers: the fixed ones plus the caller's, lowercased and sorted */
    size_t nh = in->nheaders + 4;
    kv *h = dm_xcalloc(nh, sizeof *h);
    size_t k = 0;
    h[k++] = (kv){dm_xstrdup("host"), dm_xstrdup(in->host)};
    h[k++] = (kv){dm_xstrdup("x-amz-content-sha256"), dm_xstrdup(in->payload_hash)};
    h[k++] = (kv){dm_xstrdup("x-amz-date"), dm_xstrdup(in->amz_date)};
    if (in->session_token && *in->session_token)
        h[k++] = (kv){dm_xstrdup("x-amz-security-token"), dm_xstrdup(in->session_token)};
    for (size_t i = 0; i < in->nheaders; i++) {
        char *name = lower(in->headers[i].name);
        bool dup = false;
        for (size_t j = 0; j < k; j++)
            dup = dup || strcmp(h[j].k, name) == 0;
        if (dup) {
            free(name);
            continue;
        }
        h[k++] = (kv){name, trim_value(in->headers[i].value)};
    }
    qsort(h, k, sizeof *h, cmp_kv);
    dm_buf ch = DM_BUF_INIT, sh = DM_BUF_INIT;
    for (size_t i = 0; i < k; i++) {
        dm_buf_printf(&ch, "%s:%s\n", h[i].k, h[i].v);
        dm_buf_printf(&sh, "%s%s", i ? ";" : "", h[i].k);
        free(h[i].k);
        free(h[i].v);
    }
    free(h);

    out->path = dm_sigv4_uri_encode(in->path, strlen(in->path), 1);
    out->query = dm_buf_steal(&qs);
    out->signed_headers = dm_buf_steal(&sh);
    out->canonical_request = dm_xasprintf("%s\n%s\n%s\n%s\n%s\n%s", in->method, out->path, out->query, ch.data,
                                          out->signed_headers, in->payload_hash);
    dm_buf_free(&ch);

    char date[9], crhash[65];
    memcpy(date, in->amz_date, 8);
    date[8] = '\0';
    dm_sha256_hex(out->canonical_request, strlen(out->canonical_request), crhash);
    char *scope = dm_xasprintf("%s/%s/%s/aws4_request", date, in->region, in->service);
    out->string_to_sign = dm_xasprintf("AWS4-HMAC-SHA256\n%s\n%s\n%s", in->amz_date, scope, crhash);

    /* signing key: HMAC chain over date, region, service, "aws4_request" */
    unsigned char kd[32], ks[32];
    char *k0 = dm_xasprintf("AWS4%s", in->secret_key);
    dm_hmac_sha256(k0, strlen(k0), date, 8, kd);
    memset(k0, 0, strlen(k0));
    free(k0);
    dm_hmac_sha256(kd, 32, in->region, strlen(in->region), ks);
    dm_hmac_sha256(ks, 32, in->service, strlen(in->service), kd);
    dm_hmac_sha256(kd, 32, "aws4_request", 12, ks);
    unsigned char sig[32];
    dm_hmac_sha256(ks, 32, out->string_to_sign, strlen(out->string_to_sign), sig);
    memset(kd, 0, sizeof kd);
    memset(ks, 0, sizeof ks);
    out->signature = dm_xmalloc(65);
    to_hex(sig, 32, out->signature);
    out->authorization = dm_xasprintf("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s",
                                      in->access_key, scope, out->signed_headers, out->signature);
    free(scope);
    return DM_OK;
}

void dm_sigv4_output_free(dm_sigv4_output *out)
{
    if (out == NULL)
        return;
    free(out->path);
    free(out->query);
    free(out->signed_headers);
    free(out->signature);
    free(out->authorization);
    free(out->canonical_request);
    free(out->string_to_sign);
    memset(out, 0, sizeof *out);
}
