#include "aws/sigv4.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "core/mem.h"

/* ---- hashes (libcrypto) ------------------------------------------------------ */

static void to_hex(const unsigned char *d, size_t n, char *out)
{
    static const char hx[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hx[d[i] >> 4];
        out[2 * i + 1] = hx[d[i] & 15];
    }
    out[2 * n] = '\0';
}

void dm_sigv4_hash_hex(const void *data, size_t len, char out[65])
{
    unsigned char d[SHA256_DIGEST_LENGTH];
    SHA256(data, len, d);
    to_hex(d, sizeof d, out);
}

/* One link of the signing-key chain. libcrypto's HMAC cleanses its own
 * context; the keys passed in and out are the caller's to wipe. */
static void hmac(const void *key, size_t klen, const void *msg, size_t mlen, unsigned char out[32])
{
    unsigned int n = 32;
    if (HMAC(EVP_sha256(), key, (int)klen, msg, mlen, out, &n) == NULL || n != 32)
        abort();    /* SHA-256 HMAC with a small key cannot fail but on OOM, which aborts everywhere */
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
        dm_free_secret(h[i].v);     /* x-amz-security-token's is the session token */
    }
    free(h);

    out->path = dm_sigv4_uri_encode(in->path, strlen(in->path), 1);
    out->query = dm_buf_steal(&qs);
    out->signed_headers = dm_buf_steal(&sh);
    out->canonical_request = dm_xasprintf("%s\n%s\n%s\n%s\n%s\n%s", in->method, out->path, out->query, ch.data,
                                          out->signed_headers, in->payload_hash);
    dm_wipe(ch.data, ch.len);
    dm_buf_free(&ch);

    char date[9], crhash[65];
    memcpy(date, in->amz_date, 8);
    date[8] = '\0';
    dm_sigv4_hash_hex(out->canonical_request, strlen(out->canonical_request), crhash);
    char *scope = dm_xasprintf("%s/%s/%s/aws4_request", date, in->region, in->service);
    out->string_to_sign = dm_xasprintf("AWS4-HMAC-SHA256\n%s\n%s\n%s", in->amz_date, scope, crhash);

    /* signing key: HMAC chain over date, region, service, "aws4_request";
     * every link is as good as the secret for a day, so all are wiped */
    unsigned char kd[32], ks[32];
    char *k0 = dm_xasprintf("AWS4%s", in->secret_key);
    hmac(k0, strlen(k0), date, 8, kd);
    dm_free_secret(k0);
    hmac(kd, 32, in->region, strlen(in->region), ks);
    hmac(ks, 32, in->service, strlen(in->service), kd);
    hmac(kd, 32, "aws4_request", 12, ks);
    unsigned char sig[32];
    hmac(ks, 32, out->string_to_sign, strlen(out->string_to_sign), sig);
    dm_wipe(kd, sizeof kd);
    dm_wipe(ks, sizeof ks);
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
    dm_free_secret(out->canonical_request);     /* holds the session token, when there is one */
    free(out->string_to_sign);
    memset(out, 0, sizeof *out);
}
