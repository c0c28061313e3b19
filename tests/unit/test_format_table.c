/*
 * The format and codec tables (formats/format_list.h, codec_list.h): every
 * row complete and consistent with its id, and the questions callers ask of
 * an id answered from the rows. What each format reads is test_formats.c's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "formats/codec.h"
#include "formats/reader_impl.h"

static void test_rows_complete(void **state)
{
    (void)state;
    size_t fallbacks = 0;
    for (int f = 1; f < DM_FMT_COUNT; f++) {
        const dm_format_def *d = dm_format_def_of((dm_format)f);
        assert_non_null(d);
        assert_non_null(d->name);
        assert_true(d->name[0] != '\0');
        assert_string_equal(dm_format_name((dm_format)f), d->name);
        assert_non_null(d->sniff);
        assert_non_null(d->next);
        assert_non_null(d->open);
        /* a random-access format is told by its magic on raw bytes */
        if (d->flags & DM_FORMAT_RANDOM_ACCESS)
            assert_true(d->flags & DM_FORMAT_BINARY);
        assert_int_equal(dm_format_random_access((dm_format)f), (d->flags & DM_FORMAT_RANDOM_ACCESS) != 0);
        fallbacks += (d->flags & DM_FORMAT_FALLBACK) != 0;
        /* the fallback takes any text: it cannot also be binary */
        assert_false((d->flags & DM_FORMAT_FALLBACK) && (d->flags & DM_FORMAT_BINARY));
        for (int g = 1; g < f; g++)
            assert_string_not_equal(dm_format_name((dm_format)g), d->name);
    }
    assert_int_equal(fallbacks, 1);
    assert_null(dm_format_def_of(DM_FMT_UNKNOWN));
    assert_null(dm_format_def_of(DM_FMT_COUNT));
    assert_null(dm_format_def_of((dm_format)-1));
}

static void test_ids_and_names(void **state)
{
    (void)state;
    assert_string_equal(dm_format_name(DM_FMT_CSV), "csv");
    assert_string_equal(dm_format_name(DM_FMT_JSONL), "jsonl");
    assert_string_equal(dm_format_name(DM_FMT_JSON), "json");
    assert_string_equal(dm_format_name(DM_FMT_UNKNOWN), "unknown");
    assert_string_equal(dm_format_name(DM_FMT_COUNT), "unknown");
    dm_sniff tsv = {DM_FMT_CSV, '\t', true}, csv = {DM_FMT_CSV, ';', true},
             json = {DM_FMT_JSON, '\t', false}, none = {DM_FMT_UNKNOWN, 0, false};
    assert_string_equal(dm_sniff_format_name(&tsv), "tsv");
    assert_string_equal(dm_sniff_format_name(&csv), "csv");
    assert_string_equal(dm_sniff_format_name(&json), "json");  /* the delimiter is CSV's only */
    assert_string_equal(dm_sniff_format_name(&none), "unknown");
    /* block sampling (objects.c) asks this: JSON cannot jump into an array */
    assert_true(dm_format_can_resync(DM_FMT_CSV));
    assert_true(dm_format_can_resync(DM_FMT_JSONL));
    assert_false(dm_format_can_resync(DM_FMT_JSON));
    assert_false(dm_format_can_resync(DM_FMT_UNKNOWN));
    assert_false(dm_format_can_resync(DM_FMT_COUNT));
}

static void test_open_unknown(void **state)
{
    (void)state;
    static const char data[] = "a,b\n1,2\n";
    dm_format bad[] = {DM_FMT_UNKNOWN, DM_FMT_COUNT, (dm_format)(DM_FMT_COUNT + 7)};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dm_stream *s = dm_stream_open_mem(data, sizeof data - 1, "u.dat");
        dm_sniff sn = {bad[i], ',', true};
        dm_reader *r = (dm_reader *)&sn;   /* must be reset to NULL */
        dm_error err = {0};
        assert_int_equal(dm_reader_open(s, &sn, NULL, &r, &err), DM_ERR_ARG);
        assert_null(r);
        assert_string_equal(err.msg, "u.dat: unknown record format");
        dm_stream_close(s);
    }
}

/* Two readers of formats with different state side by side: each format's
 * state is its own (it used to be one struct with every format's fields). */
static void test_states_apart(void **state)
{
    (void)state;
    static const char c[] = "name;city\nAda;Paris\nBob;Rome\n";
    static const char j[] = "{\"name\":\"Ada\",\"tags\":[\"x\",\"y\"]}\n{\"name\":\"Bob\"}\n";
    dm_stream *sc = dm_stream_open_mem(c, sizeof c - 1, "c.csv");
    dm_stream *sj = dm_stream_open_mem(j, sizeof j - 1, "j.jsonl");
    dm_sniff snc, snj;
    dm_error err = {0};
    assert_int_equal(dm_format_sniff(sc, "c.csv", &snc, &err), DM_OK);
    assert_int_equal(dm_format_sniff(sj, "j.jsonl", &snj, &err), DM_OK);
    assert_int_equal(snc.format, DM_FMT_CSV);
    assert_int_equal(snc.delimiter, ';');
    assert_int_equal(snj.format, DM_FMT_JSONL);
    dm_reader *rc, *rj;
    assert_int_equal(dm_reader_open(sc, &snc, NULL, &rc, &err), DM_OK);
    assert_int_equal(dm_reader_open(sj, &snj, NULL, &rj, &err), DM_OK);
    dm_row a, b;
    for (int k = 0; k < 2; k++) {
        assert_int_equal(dm_reader_next(rc, &a, &err), 1);
        assert_int_equal(dm_reader_next(rj, &b, &err), 1);
        assert_int_equal(a.nfields, 2);
        const char *city = k ? "Rome" : "Paris";
        assert_int_equal(a.fields[1].len, strlen(city));
        assert_memory_equal(a.fields[1].ptr, city, strlen(city));
        assert_memory_equal(a.fields[0].ptr, k ? "Bob" : "Ada", 3);
        assert_memory_equal(b.fields[0].ptr, k ? "Bob" : "Ada", 3);
    }
    assert_int_equal(b.nfields, 1);
    assert_string_equal(dm_reader_colname(rj, 1), "tags");
    assert_int_equal(dm_reader_next(rc, &a, &err), 0);
    assert_int_equal(dm_reader_next(rj, &b, &err), 0);
    dm_reader_free(rc);
    dm_reader_free(rj);
    dm_stream_close(sc);
    dm_stream_close(sj);
}

static void test_codecs(void **state)
{
    (void)state;
    assert_string_equal(dm_compression_name(DM_COMP_NONE), "none");
    assert_string_equal(dm_compression_name(DM_COMP_GZIP), "gzip");
    assert_string_equal(dm_compression_name(DM_COMP_ZSTD), "zstd");
    assert_string_equal(dm_compression_name(DM_COMP_COUNT), "none");
    for (int c = 1; c < DM_COMP_COUNT; c++)
        for (int d = 1; d < c; d++)
            assert_string_not_equal(dm_compression_name((dm_compression)c),
                                    dm_compression_name((dm_compression)d));
    assert_true(dm_codec_is_suffix("gz", 2));
    assert_true(dm_codec_is_suffix("GZIP", 4));
    assert_true(dm_codec_is_suffix("zst", 3));
    assert_true(dm_codec_is_suffix("zstd", 4));
    assert_false(dm_codec_is_suffix("z", 1));
    assert_false(dm_codec_is_suffix("gzi", 3));
    assert_false(dm_codec_is_suffix("csv", 3));
    assert_false(dm_codec_is_suffix("", 0));
    /* sniffing looks past the codec's suffix: comma and TAB both split these
     * rows in two, and the tie goes to the extension's delimiter, .tsv's TAB */
    static const char data[] = "a,b\tc\n1,2\t3\n";
    const char *names[] = {"x.tsv.ZSTD", "x.tsv.gz", "x.tsv"};
    for (size_t i = 0; i < 3; i++) {
        dm_stream *s = dm_stream_open_mem(data, sizeof data - 1, names[i]);
        dm_sniff sn;
        dm_error err = {0};
        assert_int_equal(dm_format_sniff(s, names[i], &sn, &err), DM_OK);
        assert_int_equal(sn.delimiter, '\t');
        dm_stream_close(s);
    }
    dm_stream *s = dm_stream_open_mem(data, sizeof data - 1, "x.csv.gz");
    dm_sniff sn;
    dm_error err = {0};
    assert_int_equal(dm_format_sniff(s, "x.csv.gz", &sn, &err), DM_OK);
    assert_int_equal(sn.delimiter, ',');
    dm_stream_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_complete),
        cmocka_unit_test(test_ids_and_names),
        cmocka_unit_test(test_open_unknown),
        cmocka_unit_test(test_states_apart),
        cmocka_unit_test(test_codecs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
