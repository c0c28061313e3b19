/*
 * Text encodings (formats/encoding.h): detection from the first bytes, the
 * decoding stream for every row of the table, byte order marks, bytes the
 * chosen encoding lacks, UTF-16 units and pairs cut by buffer refills,
 * lone surrogates and odd byte counts, and names (--encoding).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/mem.h"
#include "formats/encoding.h"
#include "formats/reader.h"

/* An inner stream that hands out at most `chunk` bytes per driver read, so
 * units and pairs are cut at every possible place. */
typedef struct trickle {
    const char *p;
    size_t n, pos, chunk;
} trickle;

static ssize_t trickle_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    (void)err;
    trickle *t = ctx;
    size_t k = t->n - t->pos;
    if (k > t->chunk)
        k = t->chunk;
    if (k > n)
        k = n;
    memcpy(buf, t->p + t->pos, k);
    t->pos += k;
    return (ssize_t)k;
}

static void trickle_close(void *ctx)
{
    free(ctx);
}

static const dm_stream_ops trickle_ops = {.name = "trickle", .read = trickle_read, .close = trickle_close};

/* Decode p[0, n) (forced or detected), the inner stream trickling `chunk`
 * bytes at a time and the outer read `outn` at a time; the UTF-8 text,
 * malloc'd. */
static char *decode_all(const char *p, size_t n, dm_encoding force, size_t chunk, size_t outn,
                        dm_encoding *used)
{
    trickle *t = dm_xcalloc(1, sizeof *t);
    t->p = p;
    t->n = n;
    t->chunk = chunk;
    dm_stream *inner = dm_stream_new(&trickle_ops, t, "t.csv", n), *s = NULL;
    dm_error err = {0};
    assert_int_equal(dm_stream_decode(inner, force, &s, used, &err), DM_OK);
    size_t cap = 4 * n + 16, len = 0;
    char *out = dm_xmalloc(cap + 1);
    for (;;) {
        ssize_t got = dm_stream_read(s, out + len, outn < cap - len ? outn : cap - len, &err);
        assert_true(got >= 0);
        if (got == 0)
            break;
        len += (size_t)got;
        assert_true(len <= cap);
    }
    out[len] = '\0';
    dm_stream_close(s);
    return out;
}

static dm_encoding detect(const char *s)
{
    return dm_encoding_detect(s, strlen(s), true);
}

static void test_detect(void **state)
{
    (void)state;
    assert_int_equal(detect("name,email\nAnna,a@x.de\n"), DM_ENC_UTF8);
    assert_int_equal(detect("name\nJos\xc3\xa9\n"), DM_ENC_UTF8);
    assert_int_equal(detect("\xef\xbb\xbfname\n"), DM_ENC_UTF8);
    assert_int_equal(dm_encoding_detect("\xff\xfen\0a\0", 6, true), DM_ENC_UTF16LE);
    assert_int_equal(dm_encoding_detect("\xfe\xff\0n\0a", 6, true), DM_ENC_UTF16BE);
    /* no BOM: the NUL pattern */
    assert_int_equal(dm_encoding_detect("n\0a\0m\0e\0\n\0J\0o\0s\0\xe9\0", 18, true), DM_ENC_UTF16LE);
    assert_int_equal(dm_encoding_detect("\0n\0a\0m\0e\0\n\0J\0o\0s\0\xe9", 18, true), DM_ENC_UTF16BE);
    /* 0x80-0x9F printable: windows-1252 ("Stra\xdf" + "e" and a typographic quote) */
    assert_int_equal(detect("Stra\xdf" "e,Bemerkung\nHauptstr. 1,\x84gut\x93\n"), DM_ENC_CP1252);
    assert_int_equal(detect("prix\n12,50 \x80\n"), DM_ENC_CP1252);
    /* no C1 byte: 8859-1 unless the bytes where -15 differs say -15 */
    assert_int_equal(detect("pr\xe9nom,nom\nJos\xe9,M\xfcller\n"), DM_ENC_LATIN1);
    assert_int_equal(detect("montant\n12,50 \xa4\n"), DM_ENC_LATIN9);
    assert_int_equal(detect("montant\n\xa4 9\n"), DM_ENC_LATIN9);
    assert_int_equal(detect("remarque\nc\xbdur de ville\n"), DM_ENC_LATIN9);
    assert_int_equal(detect("recette\n1\xbd tasse\n"), DM_ENC_LATIN1);
    assert_int_equal(detect("symbole\n \xa4 \n"), DM_ENC_LATIN1);
    /* a UTF-8 sequence cut at the end of the first chunk is not a reason to doubt */
    assert_int_equal(dm_encoding_detect("Jos\xc3", 4, false), DM_ENC_UTF8);
    assert_int_equal(dm_encoding_detect("Jos\xc3", 4, true), DM_ENC_LATIN1);
    /* overlong and surrogate forms are not UTF-8 */
    assert_int_equal(detect("a\xc0\xafz"), DM_ENC_LATIN1);
    assert_int_equal(detect("a\xed\xa0\x80z"), DM_ENC_CP1252);
}

static void check(const char *in, size_t n, dm_encoding force, const char *want, dm_encoding want_used)
{
    static const size_t chunks[] = {1, 2, 3, 5, 7, 4096};
    static const size_t outs[] = {1, 2, 3, 4, 5, 11, 65536};
    for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++)
        for (size_t o = 0; o < sizeof outs / sizeof *outs; o++) {
            dm_encoding used = DM_ENC_AUTO;
            char *got = decode_all(in, n, force, chunks[c], outs[o], &used);
            assert_string_equal(got, want);
            assert_int_equal(used, want_used);
            free(got);
        }
}

static void test_decode_8bit(void **state)
{
    (void)state;
    /* windows-1252: € ‚ „ … ’ “ ” Š Œ Ž œ Ÿ and the Latin-1 letters */
    check("\x80\x82\x84\x85\x92\x93\x94\x8a\x8c\x8e\x9c\x9f;Stra\xdf" "e", 19, DM_ENC_AUTO,
          "€‚„…’“”ŠŒŽœŸ;Straße", DM_ENC_CP1252);
    /* the five bytes 1252 leaves undefined still give a character */
    check("a\x81\x8d\x8f\x90\x9dz", 7, DM_ENC_CP1252, "a\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9dz", DM_ENC_CP1252);
    check("Jos\xe9;M\xfcller;\xa4", 13, DM_ENC_LATIN1, "José;Müller;¤", DM_ENC_LATIN1);
    check("12,50 \xa4;c\xbdur;\xa6imon;\xbc\xbe", 21, DM_ENC_LATIN9, "12,50 €;cœur;Šimon;ŒŸ", DM_ENC_LATIN9);
    /* a later record with a byte 8859-15 has only as a control code: read as 1252, not lost */
    check("12 \xa4\nM\x9alle\x92s", 13, DM_ENC_LATIN9, "12 €\nMšlle’s", DM_ENC_LATIN9);
    /* forcing works against detection: UTF-8 bytes read as 1252 */
    check("Jos\xc3\xa9", 5, DM_ENC_CP1252, "JosÃ©", DM_ENC_CP1252);
}

static void test_decode_utf16(void **state)
{
    (void)state;
    /* BOM consumed, accents, a surrogate pair (U+1F600) */
    static const char le[] = "\xff\xfe" "J\0o\0s\0\xe9\0;\0\x3d\xd8\x00\xde\n\0";
    check(le, sizeof le - 1, DM_ENC_AUTO, "José;\xf0\x9f\x98\x80\n", DM_ENC_UTF16LE);
    static const char be[] = "\xfe\xff" "\0J\0o\0s\0\xe9\0;\xd8\x3d\xde\x00\0\n";
    check(be, sizeof be - 1, DM_ENC_AUTO, "José;\xf0\x9f\x98\x80\n", DM_ENC_UTF16BE);
    /* no BOM, found by the NUL pattern; CJK */
    static const char nobom[] = "n\0a\0m\0e\0\n\0\x0f\x5c\x97\x67\n\0";
    check(nobom, sizeof nobom - 1, DM_ENC_AUTO, "name\n小林\n", DM_ENC_UTF16LE);
    /* "utf-16" forced on a big-endian BOM: the BOM wins */
    check(be, sizeof be - 1, DM_ENC_UTF16LE, "José;\xf0\x9f\x98\x80\n", DM_ENC_UTF16BE);
    /* a lone high surrogate, a lone low one, a high one at the very end, an odd byte */
    static const char bad[] = "\xff\xfe" "a\0\x3d\xd8" "b\0\x00\xde" "c\0\x3d\xd8";
    check(bad, sizeof bad - 1, DM_ENC_AUTO, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd", DM_ENC_UTF16LE);
    static const char odd[] = "\xff\xfe" "a\0b\0c";
    check(odd, sizeof odd - 1, DM_ENC_AUTO, "ab\xef\xbf\xbd", DM_ENC_UTF16LE);
    /* only a BOM: empty */
    check("\xff\xfe", 2, DM_ENC_AUTO, "", DM_ENC_UTF16LE);
}

static void test_utf8_untouched(void **state)
{
    (void)state;
    static const char text[] = "a,b\nJos\xc3\xa9,x\n";
    dm_stream *inner = dm_stream_open_mem(text, sizeof text - 1, "m.csv"), *s = NULL;
    dm_encoding used;
    dm_error err = {0};
    assert_int_equal(dm_stream_decode(inner, DM_ENC_AUTO, &s, &used, &err), DM_OK);
    assert_ptr_equal(s, inner);     /* not wrapped: the fast path is the old one */
    assert_int_equal(used, DM_ENC_UTF8);
    dm_stream_close(s);
}

/* A UTF-16 CSV goes through the decoding stream into the CSV reader: every
 * record and cell, a record split across the decoder's buffer refills. */
static void test_utf16_csv_read(void **state)
{
    (void)state;
    size_t rows = 40000, cap = 64 + rows * 64, n = 0;
    char *utf8 = dm_xmalloc(cap);
    n += (size_t)snprintf(utf8 + n, cap - n, "nombre;correo\n");
    for (size_t i = 0; i < rows; i++)
        n += (size_t)snprintf(utf8 + n, cap - n, "Jos\xc3\xa9 Mu\xc3\xb1oz %zu;jose%zu@example.es\n", i, i);
    /* to UTF-16LE with a BOM (the text is in the BMP) */
    char *u16 = dm_xmalloc(2 * n + 2);
    size_t m = 0;
    u16[m++] = (char)0xff;
    u16[m++] = (char)0xfe;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)utf8[i];
        unsigned cp;
        if (c < 0x80) {
            cp = c;
            i++;
        } else {
            cp = (unsigned)(c & 0x1f) << 6 | ((unsigned char)utf8[i + 1] & 0x3f);
            i += 2;
        }
        u16[m++] = (char)(cp & 0xff);
        u16[m++] = (char)(cp >> 8);
    }
    dm_stream *inner = dm_stream_open_mem(u16, m, "c.csv"), *s = NULL;
    dm_encoding used;
    dm_error err = {0};
    assert_int_equal(dm_stream_decode(inner, DM_ENC_AUTO, &s, &used, &err), DM_OK);
    assert_int_equal(used, DM_ENC_UTF16LE);
    dm_sniff sn;
    assert_int_equal(dm_format_sniff(s, "c.csv", &sn, &err), DM_OK);
    assert_int_equal(sn.format, DM_FMT_CSV);
    assert_int_equal(sn.delimiter, ';');
    dm_reader *r = NULL;
    assert_int_equal(dm_reader_open(s, &sn, NULL, &r, &err), DM_OK);
    dm_row row;
    size_t got = 0;
    char want[64];
    while (dm_reader_next(r, &row, &err) == 1) {
        assert_int_equal(row.nfields, 2);
        int k = snprintf(want, sizeof want, "Jos\xc3\xa9 Mu\xc3\xb1oz %zu", got);
        assert_int_equal(row.fields[0].len, (size_t)k);
        assert_memory_equal(row.fields[0].ptr, want, (size_t)k);
        got++;
    }
    assert_int_equal(got, rows);
    assert_int_equal(dm_reader_bad_records(r), 0);
    assert_string_equal(dm_reader_colname(r, 0), "nombre");
    dm_reader_free(r);
    dm_stream_close(s);
    free(u16);
    free(utf8);
}

/* The first 64 KiB are UTF-8, a later record is Windows-1252: it is read,
 * its cells re-read as 1252 (not lost), and the record is reported. */
static void test_later_record_not_utf8(void **state)
{
    (void)state;
    size_t cap = 200000, n = 0;
    char *text = dm_xmalloc(cap);
    n += (size_t)snprintf(text + n, cap - n, "name,email\n");
    for (int i = 0; n < 100000; i++)
        n += (size_t)snprintf(text + n, cap - n, "Jos\xc3\xa9 %d,j%d@example.org\n", i, i);
    n += (size_t)snprintf(text + n, cap - n, "J\xfcrgen M\xfcller,\x93x\x94@example.org\n");
    n += (size_t)snprintf(text + n, cap - n, "Ana,a@example.org\n");
    dm_stream *inner = dm_stream_open_mem(text, n, "m.csv"), *s = NULL;
    dm_encoding used;
    dm_error err = {0};
    assert_int_equal(dm_stream_decode(inner, DM_ENC_AUTO, &s, &used, &err), DM_OK);
    assert_int_equal(used, DM_ENC_UTF8);
    dm_sniff sn;
    assert_int_equal(dm_format_sniff(s, "m.csv", &sn, &err), DM_OK);
    dm_reader *r = NULL;
    assert_int_equal(dm_reader_open(s, &sn, NULL, &r, &err), DM_OK);
    dm_row row;
    bool seen = false, last = false;
    while (dm_reader_next(r, &row, &err) == 1) {
        assert_int_equal(row.nfields, 2);
        if (row.fields[0].ptr[0] == 'J' && row.fields[0].ptr[1] != 'o') {
            assert_int_equal(row.fields[0].len, strlen("Jürgen Müller"));
            assert_memory_equal(row.fields[0].ptr, "Jürgen Müller", row.fields[0].len);
            assert_int_equal(row.fields[1].len, strlen("“x”@example.org"));
            assert_memory_equal(row.fields[1].ptr, "“x”@example.org", row.fields[1].len);
            seen = true;
        }
        last = row.fields[0].len == 3 && memcmp(row.fields[0].ptr, "Ana", 3) == 0;
    }
    assert_true(seen);
    assert_true(last);
    assert_int_equal(dm_reader_bad_records(r), 1);
    assert_non_null(strstr(dm_reader_warning(r), "windows-1252"));
    dm_reader_free(r);
    dm_stream_close(s);
    free(text);
}

static void test_names(void **state)
{
    (void)state;
    dm_encoding e;
    dm_error err = {0};
    static const struct {
        const char *name;
        dm_encoding id;
    } names[] = {{"cp1252", DM_ENC_CP1252}, {"Windows-1252", DM_ENC_CP1252}, {"latin1", DM_ENC_LATIN1},
                 {"ISO-8859-1", DM_ENC_LATIN1}, {"latin-9", DM_ENC_LATIN9}, {"iso-8859-15", DM_ENC_LATIN9},
                 {"UTF-16", DM_ENC_UTF16LE}, {"utf-16be", DM_ENC_UTF16BE}, {"utf8", DM_ENC_UTF8},
                 {"auto", DM_ENC_AUTO}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        assert_int_equal(dm_encoding_lookup(names[i].name, &e, &err), DM_OK);
        assert_int_equal(e, names[i].id);
    }
    for (int id = 1; id < DM_ENC_COUNT; id++) {
        assert_int_equal(dm_encoding_lookup(dm_encoding_name((dm_encoding)id), &e, &err), DM_OK);
        assert_int_equal(e, id);
        assert_non_null(strstr(dm_encoding_known(), dm_encoding_name((dm_encoding)id)));
    }
    assert_int_equal(dm_encoding_lookup("ebcdic", &e, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "ebcdic"));
    assert_non_null(strstr(err.msg, "windows-1252"));
    assert_string_equal(dm_encoding_name(DM_ENC_CP1252), "windows-1252");
    assert_string_equal(dm_encoding_name(DM_ENC_LATIN9), "iso-8859-15");
    assert_string_equal(dm_encoding_name(DM_ENC_COUNT), "auto");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_decode_8bit),
        cmocka_unit_test(test_decode_utf16),
        cmocka_unit_test(test_utf8_untouched),
        cmocka_unit_test(test_utf16_csv_read),
        cmocka_unit_test(test_later_record_not_utf8),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
