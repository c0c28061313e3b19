/*
 * Streams, sniffing and record readers (src/formats/).
 *
 * Most cases read a small input end to end and compare a rendering of every
 * row ("name=value|name=value", one row per line) with the exact expected
 * text, so column names, values, unquoting and unescaping are all checked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>
#include <zstd.h>

#include "core/mem.h"
#include "formats/reader.h"
#include "formats/stream.h"

/* ---- harness ---- */

typedef struct result {
    dm_buf text;            /* rendered rows */
    dm_sniff sniff;
    dm_status sniff_rc;
    int rc;                 /* last dm_reader_next: 0 end, -1 fatal */
    dm_error err;
    size_t nrows;
    uint64_t lines[64];     /* line of the first 64 rows */
    uint64_t bad;
    char warning[256];
    size_t ncols;
    char cols[1024];        /* column names joined by ',' */
} result;

static const char *kind_tag(uint8_t kind)
{
    switch (kind) {
    case DM_VAL_STRING: return "(s)";
    case DM_VAL_NUMBER: return "(n)";
    case DM_VAL_BOOL: return "(b)";
    case DM_VAL_NULL: return "(0)";
    case DM_VAL_ARRAY: return "(a)";
    default: return "";
    }
}

static void render_row(dm_reader *r, const dm_row *row, dm_buf *b)
{
    for (size_t i = 0; i < row->nfields; i++) {
        const dm_field *f = &row->fields[i];
        if (i)
            dm_buf_putc(b, '|');
        dm_buf_printf(b, "%s%s=", dm_reader_colname(r, f->col), kind_tag(f->kind));
        for (size_t k = 0; k < f->len; k++) {
            char c = f->ptr[k];
            if (c == '\n')
                dm_buf_append(b, "\\n", 2);
            else if (c == '\r')
                dm_buf_append(b, "\\r", 2);
            else
                dm_buf_putc(b, c);
        }
    }
    dm_buf_putc(b, '\n');
}

/* Read a whole stream (sniffed unless `force`), rendering its rows. Takes
 * ownership of s. */
static void run_stream(dm_stream *s, const char *name, const dm_sniff *force,
                       const dm_reader_limits *lim, result *o)
{
    memset(o, 0, sizeof *o);
    o->text = (dm_buf)DM_BUF_INIT;
    dm_buf_append(&o->text, "", 0);
    if (force) {
        o->sniff = *force;
    } else {
        o->sniff_rc = dm_format_sniff(s, name, &o->sniff, &o->err);
        if (o->sniff_rc != DM_OK) {
            dm_stream_close(s);
            return;
        }
    }
    dm_reader *r = NULL;
    assert_int_equal(dm_reader_open(s, &o->sniff, lim, &r, &o->err), DM_OK);
    dm_row row;
    while ((o->rc = dm_reader_next(r, &row, &o->err)) == 1) {
        if (o->nrows < 64)
            o->lines[o->nrows] = row.line;
        o->nrows++;
        render_row(r, &row, &o->text);
    }
    o->bad = dm_reader_bad_records(r);
    if (dm_reader_warning(r))
        snprintf(o->warning, sizeof o->warning, "%s", dm_reader_warning(r));
    o->ncols = dm_reader_ncols(r);
    size_t off = 0;
    for (size_t c = 0; c < o->ncols && off < sizeof o->cols - 1; c++)
        off += (size_t)snprintf(o->cols + off, sizeof o->cols - off, "%s%s", c ? "," : "",
                                dm_reader_colname(r, c));
    dm_reader_free(r);
    dm_stream_close(s);
}

static void run_mem(const char *data, size_t len, const char *name, const dm_sniff *force,
                    const dm_reader_limits *lim, result *o)
{
    run_stream(dm_stream_open_mem(data, len, name), name, force, lim, o);
}

static void run_str(const char *data, const char *name, result *o)
{
    run_mem(data, strlen(data), name, NULL, NULL, o);
}

static void result_free(result *o)
{
    dm_buf_free(&o->text);
}

static void expect_rows(const char *data, const char *name, const char *rows)
{
    result o;
    run_str(data, name, &o);
    assert_int_equal(o.sniff_rc, DM_OK);
    assert_string_equal(o.text.data, rows);
    assert_int_equal(o.rc, 0);
    assert_int_equal(o.bad, 0);
    result_free(&o);
}

/* ---- CSV ---- */

static void test_csv_quoting(void **state)
{
    expect_rows("name,comment,n\n"
                "\"Smith, J\",\"said \"\"hi\"\"\",1\n"
                "\"\",\"\"\"\",2\n"
                "plain,\"a\"\"b\"\"c\",3\n",
                "q.csv",
                "name=Smith, J|comment=said \"hi\"|n=1\n"
                "name=|comment=\"|n=2\n"
                "name=plain|comment=a\"b\"c|n=3\n");
    /* a quote inside an unquoted field is literal; text after a closing quote is kept */
    expect_rows("a,b\nx\"y,\"ab\"cd\n", "q.csv", "a=x\"y|b=abcd\n");
}

static void test_csv_embedded_newlines(void **state)
{
    result o;
    run_str("id,note\n1,\"line one\nline two\"\n2,\"x\r\ny\"\n3,z\n", "n.csv", &o);
    assert_string_equal(o.text.data,
                        "id=1|note=line one\\nline two\n"
                        "id=2|note=x\\r\\ny\n"
                        "id=3|note=z\n");
    assert_int_equal(o.nrows, 3);
    assert_int_equal(o.lines[0], 2);
    assert_int_equal(o.lines[1], 4);
    assert_int_equal(o.lines[2], 6);
    result_free(&o);
}

static void test_csv_crlf_bom(void **state)
{
    expect_rows("\xef\xbb\xbfid,name\r\n1,Bob\r\n2,\"Al\r\nice\"\r\n\r\n3,\"Carol\"\r\n4,\"D\"\"\"\r\n",
                "c.csv",
                "id=1|name=Bob\nid=2|name=Al\\r\\nice\nid=3|name=Carol\nid=4|name=D\"\n");
    /* last record without a newline */
    expect_rows("id,name\n1,Bob\n2,Eve", "c.csv", "id=1|name=Bob\nid=2|name=Eve\n");
}

static void test_csv_ragged_rows(void **state)
{
    result o;
    run_str("a,b,c\n1,2\n1,2,3,4,5\n7,8,9\n", "r.csv", &o);
    assert_string_equal(o.text.data,
                        "a=1|b=2\n"
                        "a=1|b=2|c=3|col3=4|col4=5\n"
                        "a=7|b=8|c=9\n");
    assert_int_equal(o.ncols, 5);
    assert_string_equal(o.cols, "a,b,c,col3,col4");
    assert_int_equal(o.bad, 0);
    result_free(&o);
}

static void test_csv_header_names_unique(void **state)
{
    result o;
    run_str("name,name, ,email,name,col2\nBob,Bobby,x,b@example.com,B,y\n", "h.csv", &o);
    assert_true(o.sniff.has_header);
    assert_string_equal(o.cols, "name,name_2,col2,email,name_3,col2_2");
    assert_string_equal(o.text.data,
                        "name=Bob|name_2=Bobby|col2=x|email=b@example.com|name_3=B|col2_2=y\n");
    result_free(&o);
}

static void test_csv_max_columns(void **state)
{
    const char *csv = "a,b,c,d,e,f\n1,2,3,4,5,6\n";
    dm_sniff sn = {DM_FMT_CSV, ',', true};
    dm_reader_limits lim = {0, 4};
    result o;
    run_mem(csv, strlen(csv), "m.csv", &sn, &lim, &o);
    assert_string_equal(o.cols, "a,b,c,d");
    assert_string_equal(o.text.data, "a=1|b=2|c=3|d=4\n");
    assert_int_equal(o.bad, 2);
    assert_string_equal(o.warning, "line 1: more than 4 columns, extra fields dropped");
    result_free(&o);
}

/* Records of every kind cross the 256 KiB buffer end many times: each row's
 * values must still come out exactly. */
static void test_csv_buffer_boundaries(void **state)
{
    dm_buf b = DM_BUF_INIT;
    dm_buf_printf(&b, "id,note,email\r\n");
    enum { ROWS = 40000 };
    for (size_t i = 0; i < ROWS; i++) {
        if (i % 3 == 0)
            dm_buf_printf(&b, "%zu,\"say \"\"%zu\"\"\nnext, line\",u%zu@example.com\r\n", i, i, i);
        else if (i % 3 == 1)
            dm_buf_printf(&b, "%zu,\"plain %zu\",u%zu@example.com\n", i, i, i);
        else
            dm_buf_printf(&b, "%zu,n%zu,u%zu@example.com\n", i, i, i);
    }
    assert_true(b.len > 6 * DM_STREAM_BUF);
    dm_stream *s = dm_stream_open_mem(b.data, b.len, "big.csv");
    dm_sniff sn;
    dm_error err = {0};
    assert_int_equal(dm_format_sniff(s, "big.csv", &sn, &err), DM_OK);
    assert_int_equal(sn.delimiter, ',');
    assert_true(sn.has_header);
    dm_reader *r;
    assert_int_equal(dm_reader_open(s, &sn, NULL, &r, &err), DM_OK);
    dm_row row;
    char want[64];
    uint64_t line = 2;
    for (size_t i = 0; i < ROWS; i++) {
        assert_int_equal(dm_reader_next(r, &row, &err), 1);
        assert_int_equal(row.nfields, 3);
        assert_int_equal(row.line, line);
        line += i % 3 == 0 ? 2 : 1;
        int n = snprintf(want, sizeof want, "%zu", i);
        assert_int_equal(row.fields[0].len, (size_t)n);
        assert_memory_equal(row.fields[0].ptr, want, (size_t)n);
        if (i % 3 == 0)
            n = snprintf(want, sizeof want, "say \"%zu\"\nnext, line", i);
        else if (i % 3 == 1)
            n = snprintf(want, sizeof want, "plain %zu", i);
        else
            n = snprintf(want, sizeof want, "n%zu", i);
        assert_int_equal(row.fields[1].len, (size_t)n);
        assert_memory_equal(row.fields[1].ptr, want, (size_t)n);
        n = snprintf(want, sizeof want, "u%zu@example.com", i);
        assert_int_equal(row.fields[2].len, (size_t)n);
        assert_memory_equal(row.fields[2].ptr, want, (size_t)n);
    }
    assert_int_equal(dm_reader_next(r, &row, &err), 0);
    assert_int_equal(dm_reader_bad_records(r), 0);
    dm_reader_free(r);
    dm_stream_close(s);
    dm_buf_free(&b);
}

/* ---- sniffing ---- */

static dm_sniff sniff_str(const char *data, const char *name, dm_status want)
{
    dm_stream *s = dm_stream_open_mem(data, strlen(data), name);
    dm_sniff sn;
    dm_error err = {0};
    assert_int_equal(dm_format_sniff(s, name, &sn, &err), want);
    /* sniffing consumes nothing */
    assert_int_equal(dm_stream_offset(s), 0);
    dm_stream_close(s);
    return sn;
}

static void test_sniff_delimiters(void **state)
{
    dm_sniff sn = sniff_str("id\tname\tcity, country\n1\tBob\tParis, FR\n2\tEve\tRome\n", "x.txt",
                            DM_OK);
    assert_int_equal(sn.format, DM_FMT_CSV);
    assert_int_equal(sn.delimiter, '\t');
    assert_true(sn.has_header);
    assert_string_equal(dm_sniff_format_name(&sn), "tsv");

    sn = sniff_str("name;price;note\nfoo;1,5;a, b\nbar;2,25;c\n", "p.csv", DM_OK);
    assert_int_equal(sn.delimiter, ';');
    assert_true(sn.has_header);
    assert_string_equal(dm_sniff_format_name(&sn), "csv");

    sn = sniff_str("a|b|c\n1|2|3\n4|5|6\n", "p.dat", DM_OK);
    assert_int_equal(sn.delimiter, '|');

    /* quoted delimiters do not count */
    sn = sniff_str("name,addr\n\"Doe; J\",\"1; 2; 3\"\n\"X; Y\",\"4\"\n", "q.csv", DM_OK);
    assert_int_equal(sn.delimiter, ',');

    /* a single column: the extension decides */
    sn = sniff_str("name\nBob\nEve\n", "one.tsv", DM_OK);
    assert_int_equal(sn.delimiter, '\t');
    sn = sniff_str("name\nBob\nEve\n", "one.csv", DM_OK);
    assert_int_equal(sn.delimiter, ',');

    /* equally consistent: the extension breaks the tie */
    sn = sniff_str("a,b\tc\nd,e\tf\n", "t.tsv", DM_OK);
    assert_int_equal(sn.delimiter, '\t');
    sn = sniff_str("a,b\tc\nd,e\tf\n", "t.csv", DM_OK);
    assert_int_equal(sn.delimiter, ',');
}

static void test_sniff_header(void **state)
{
    /* names over numbers and emails */
    assert_true(sniff_str("id,name,email\n1,Bob,b@example.com\n2,Eve,e@example.org\n", "a.csv",
                          DM_OK).has_header);
    /* numbers in the first row, as below */
    assert_false(sniff_str("1,2,3\n4,5,6\n", "a.csv", DM_OK).has_header);
    /* text and emails in the first row, as below */
    assert_false(sniff_str("Bob,34,b@example.com\nEve,29,e@example.org\n", "a.csv", DM_OK)
                     .has_header);
    /* text only: a header is preferred */
    assert_true(sniff_str("first,last\nBob,Smith\nEve,Jones\n", "a.csv", DM_OK).has_header);
    /* repeated values in the first row look like data */
    assert_false(sniff_str("yes,yes,no\nno,yes,no\n", "a.csv", DM_OK).has_header);
    /* TSV with dates */
    assert_true(sniff_str("when\twho\n2024-01-02\tBob\n2024-02-03\tEve\n", "a.tsv", DM_OK)
                    .has_header);
    /* semicolons and decimal commas */
    assert_true(sniff_str("\xef\xbb\xbfnom;montant\nA;1,50\nB;2,75\n", "a.csv", DM_OK).has_header);
    /* year-like names over decimals are still names */
    assert_true(sniff_str("country,2019,2020\nFrance,1.5,2.3\nItaly,2.1,3.3\n", "y.csv", DM_OK)
                    .has_header);
    /* ... but integers over integers are data */
    assert_false(sniff_str("France,2019,2020\nItaly,2018,2021\n", "y.csv", DM_OK).has_header);
    /* phone numbers below a name */
    assert_true(sniff_str("name,phone\nBob,+1 555 1234\nEve,(555) 987-6543\n", "p.csv", DM_OK)
                    .has_header);
    /* a single record that looks like data */
    assert_false(sniff_str("Bob,42,bob@example.com\n", "s.csv", DM_OK).has_header);
    /* a header-only file */
    assert_true(sniff_str("id,name,email\n", "a.csv", DM_OK).has_header);
}

/* Issue 17 item 1: one column needs as much evidence of a header as several. */
static void test_sniff_header_one_column(void **state)
{
    (void)state;
    /* account numbers: the first is data, not the column's name */
    assert_false(sniff_str("DE33394508053350743109\nDE89370400440532013000\nDE02120300000000202051\n",
                           "ibans.csv", DM_OK).has_header);
    assert_false(sniff_str("DE33394508053350743109\n", "one.csv", DM_OK).has_header);
    /* password-file lines */
    assert_false(sniff_str("root:$6$Zx9$kq0PqLMn5bYtq8o:19000:0:99999:7:::\n"
                           "daemon:*:19000:0:99999:7:::\n", "shadow", DM_OK).has_header);
    /* names over text, names over numbers or emails: headers */
    assert_true(sniff_str("name\nBob\nEve\n", "n.csv", DM_OK).has_header);
    assert_true(sniff_str("Customer name (full)\nBob Smith\nEve Jones\n", "n.csv", DM_OK).has_header);
    assert_true(sniff_str("amount\n1.5\n2\n", "a.csv", DM_OK).has_header);
    assert_true(sniff_str("email\nb@example.com\ne@example.org\n", "e.csv", DM_OK).has_header);
    /* an email over emails is data */
    assert_false(sniff_str("a@example.com\nb@example.com\n", "e.csv", DM_OK).has_header);
}

static bool says_value(void *ctx, const char *p, size_t n)
{
    (*(int *)ctx)++;
    return n == 3 && memcmp(p, "Eve", 3) == 0;
}

/* A record holding a value the caller would classify is never a header. */
static void test_sniff_header_value_check(void **state)
{
    (void)state;
    const char *with = "Eve,Smith\nBob,Jones\n", *without = "first,last\nBob,Jones\n";
    int calls = 0;
    dm_sniff sn;
    dm_error err = {0};
    dm_stream *s = dm_stream_open_mem(with, strlen(with), "n.csv");
    assert_int_equal(dm_format_sniff_checked(s, "n.csv", says_value, &calls, &sn, &err), DM_OK);
    dm_stream_close(s);
    assert_false(sn.has_header);
    assert_true(calls >= 1);
    /* without the check, text over text is a header */
    assert_true(sniff_str(with, "n.csv", DM_OK).has_header);
    s = dm_stream_open_mem(without, strlen(without), "n.csv");
    assert_int_equal(dm_format_sniff_checked(s, "n.csv", says_value, &calls, &sn, &err), DM_OK);
    dm_stream_close(s);
    assert_true(sn.has_header);
}

static void test_sniff_json_kinds(void **state)
{
    assert_int_equal(sniff_str("{\"a\":1}\n{\"a\":2}\n", "x", DM_OK).format, DM_FMT_JSONL);
    assert_int_equal(sniff_str("[{\"a\":1},{\"a\":2}]", "x", DM_OK).format, DM_FMT_JSON);
    assert_int_equal(sniff_str("  [\n  {\"a\": 1}\n]\n", "x", DM_OK).format, DM_FMT_JSON);
    assert_int_equal(sniff_str("{\n  \"a\": 1\n}\n", "x.jsonl", DM_OK).format, DM_FMT_JSON);
    assert_int_equal(sniff_str("{\"a\":1}\n", "x.jsonl", DM_OK).format, DM_FMT_JSONL);
    assert_int_equal(sniff_str("{\"a\":1}\n", "x.json", DM_OK).format, DM_FMT_JSON);
    assert_int_equal(sniff_str("\xef\xbb\xbf{\"a\":1}\n{\"b\":2}\n", "x.gz", DM_OK).format,
                     DM_FMT_JSONL);
    /* a bracket that does not open a JSON array is text */
    assert_int_equal(sniff_str("[2024-01-01] started\n[2024-01-02] stopped\n", "x.log", DM_OK)
                         .format,
                     DM_FMT_CSV);
    assert_string_equal(dm_format_name(DM_FMT_JSONL), "jsonl");
    assert_string_equal(dm_format_name(DM_FMT_JSON), "json");
}

static void test_sniff_empty_binary(void **state)
{
    dm_error err = {0};
    dm_sniff sn;
    dm_stream *s = dm_stream_open_mem("", 0, "e.csv");
    assert_int_equal(dm_format_sniff(s, "e.csv", &sn, &err), DM_ERR_FORMAT);
    assert_string_equal(err.msg, "empty file");
    dm_stream_close(s);

    s = dm_stream_open_mem(" \n\r\n\t", 5, "e.csv");
    assert_int_equal(dm_format_sniff(s, "e.csv", &sn, &err), DM_ERR_FORMAT);
    assert_string_equal(err.msg, "empty file");
    dm_stream_close(s);

    static const char nul[] = "id,name\n1,B\0b\n";
    s = dm_stream_open_mem(nul, sizeof nul - 1, "b.csv");
    assert_int_equal(dm_format_sniff(s, "b.csv", &sn, &err), DM_ERR_FORMAT);
    assert_string_equal(err.msg, "binary file");
    dm_stream_close(s);

    char ctl[200];
    for (size_t i = 0; i < sizeof ctl; i++)
        ctl[i] = (char)(i % 3 == 0 ? 0x01 + i % 7 : 'a');
    s = dm_stream_open_mem(ctl, sizeof ctl, "b.bin");
    assert_int_equal(dm_format_sniff(s, "b.bin", &sn, &err), DM_ERR_FORMAT);
    assert_string_equal(err.msg, "binary file");
    dm_stream_close(s);
}

/* ---- JSON Lines / JSON ---- */

static void test_jsonl_nested(void **state)
{
    result o;
    run_str("{\"name\":\"Zo\\u00eb \\\"Z\\\"\",\"address\":{\"city\":\"Paris\",\"geo\":{\"lat\":48.85}},"
            "\"tags\":[\"a\",\"b\",3,null,true],\"ok\":false,\"none\":null}\n"
            "\n"
            "{\"emoji\":\"\\ud83d\\ude00\",\"orders\":[{\"id\":1,\"sku\":\"x\"},{\"id\":2}],"
            "\"name\":\"\\u4e2d\\/\\n\",\"lone\":\"\\ud800x\"}\n"
            "{\"empty\":[],\"deep\":{\"a\":[[1,2],[3]]},\"e\":{}}",
            "p.jsonl", &o);
    assert_int_equal(o.sniff.format, DM_FMT_JSONL);
    assert_string_equal(o.text.data,
                        "name(s)=Zo\xc3\xab \"Z\"|address.city(s)=Paris|address.geo.lat(n)=48.85|"
                        "tags(a)=a, b, 3, true|ok(b)=false|none(0)=\n"
                        "emoji(s)=\xf0\x9f\x98\x80|orders.id(a)=1, 2|orders.sku(a)=x|"
                        "name(s)=\xe4\xb8\xad/\\n|lone(s)=\xef\xbf\xbdx\n"
                        "empty(a)=|deep.a(a)=1, 2, 3\n");
    assert_string_equal(o.cols, "name,address.city,address.geo.lat,tags,ok,none,emoji,orders.id,"
                                "orders.sku,lone,empty,deep.a");
    assert_int_equal(o.lines[0], 1);
    assert_int_equal(o.lines[1], 3);
    assert_int_equal(o.lines[2], 4);
    assert_int_equal(o.bad, 0);
    result_free(&o);
}

static void test_jsonl_bad_line(void **state)
{
    result o;
    run_str("{\"a\":1}\n{\"a\":2,}\n{\"a\":01}\n{\"a\":\"x\ty\"}\n{\"b\":[1,2}\n{'a':1}\n{\"a\":3}\n"
            "[1]\n",
            "b.jsonl", &o);
    assert_string_equal(o.text.data, "a(n)=1\na(n)=3\n");
    assert_int_equal(o.bad, 6);
    assert_string_equal(o.warning, "line 2: invalid JSON: expected a key at byte 8");
    /* columns of skipped records are not kept */
    assert_string_equal(o.cols, "a");
    assert_int_equal(o.rc, 0);
    result_free(&o);

    /* not JSON at all: fatal after a few lines */
    dm_sniff sn = {DM_FMT_JSONL, 0, false};
    const char *text = "a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n15,16\n";
    run_mem(text, strlen(text), "t.jsonl", &sn, NULL, &o);
    assert_int_equal(o.rc, -1);
    assert_int_equal(o.err.code, DM_ERR_FORMAT);
    assert_string_equal(o.err.msg, "t.jsonl: not JSON Lines: the first 8 lines are invalid JSON");
    result_free(&o);
}

static void test_json_array_and_object(void **state)
{
    result o;
    run_str("[\n  {\"id\": 1, \"user\": {\"email\": \"a@b.c\"}},\n  {\"id\": 2,\n   \"tags\": [\"x\"]},\n"
            "  {},\n  7,\n  {\"id\": 3}\n]\n",
            "a.json", &o);
    assert_int_equal(o.sniff.format, DM_FMT_JSON);
    assert_string_equal(o.text.data,
                        "id(n)=1|user.email(s)=a@b.c\nid(n)=2|tags(a)=x\n\nid(n)=3\n");
    assert_int_equal(o.lines[0], 2);
    assert_int_equal(o.lines[1], 3);
    assert_int_equal(o.lines[3], 7);
    assert_int_equal(o.bad, 1);
    assert_string_equal(o.warning, "line 6: array element is not an object, skipped");
    assert_int_equal(o.rc, 0);
    result_free(&o);

    expect_rows("{\n \"name\": \"Bob\",\n \"a\": {\"b\": [true, false]}\n}\n", "o.json",
                "name(s)=Bob|a.b(a)=true, false\n");
    expect_rows("[]", "e.json", "");

    /* truncated array: the rows before it, then a fatal error */
    run_str("[{\"a\":1},{\"a\":2},{\"a\":", "t.json", &o);
    assert_string_equal(o.text.data, "a(n)=1\na(n)=2\n");
    assert_int_equal(o.rc, -1);
    assert_string_equal(o.err.msg, "t.json: line 1: truncated JSON: the file ends inside a value");
    result_free(&o);

    run_str("[{\"a\":1} {\"a\":2}]", "t.json", &o);
    assert_int_equal(o.rc, -1);
    assert_string_equal(o.err.msg,
                        "t.json: line 1: invalid JSON: expected ',' or ']' after an array element");
    result_free(&o);
}

/* A stream that generates a JSON array of n objects on the fly, so a file
 * much bigger than any buffer is read without existing anywhere. */
typedef struct gen_ctx {
    uint64_t n, i;
    char pend[256];
    size_t plen, ppos;
    int stage;      /* 0 '[', 1 elements, 2 ']', 3 end */
} gen_ctx;

static ssize_t gen_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    gen_ctx *g = ctx;
    size_t out = 0;
    while (out < n) {
        if (g->ppos == g->plen) {
            if (g->stage == 0) {
                g->plen = (size_t)snprintf(g->pend, sizeof g->pend, "[\n");
                g->stage = 1;
            } else if (g->stage == 1 && g->i < g->n) {
                g->plen = (size_t)snprintf(g->pend, sizeof g->pend,
                                           "%s  {\"id\": %llu, \"email\": \"user%llu@example.com\", "
                                           "\"address\": {\"city\": \"City %llu\"}}",
                                           g->i ? ",\n" : "", (unsigned long long)g->i,
                                           (unsigned long long)g->i, (unsigned long long)g->i % 97);
                g->i++;
            } else if (g->stage == 1) {
                g->plen = (size_t)snprintf(g->pend, sizeof g->pend, "\n]\n");
                g->stage = 2;
            } else {
                break;
            }
            g->ppos = 0;
        }
        size_t take = g->plen - g->ppos < n - out ? g->plen - g->ppos : n - out;
        memcpy((char *)buf + out, g->pend + g->ppos, take);
        g->ppos += take;
        out += take;
    }
    return (ssize_t)out;
}

static void gen_close(void *ctx)
{
    free(ctx);
}

static const dm_stream_ops gen_ops = {.name = "gen", .read = gen_read, .close = gen_close};

static void test_json_array_streaming(void **state)
{
    gen_ctx *g = dm_xcalloc(1, sizeof *g);
    g->n = 300000;      /* ~25 MB of JSON, read in 256 KiB windows */
    dm_stream *s = dm_stream_new(&gen_ops, g, "big.json", UINT64_MAX);
    dm_sniff sn;
    dm_error err = {0};
    assert_int_equal(dm_format_sniff(s, "big.json", &sn, &err), DM_OK);
    assert_int_equal(sn.format, DM_FMT_JSON);
    dm_reader *r;
    assert_int_equal(dm_reader_open(s, &sn, NULL, &r, &err), DM_OK);
    dm_row row;
    uint64_t count = 0;
    int rc;
    char want[64];
    while ((rc = dm_reader_next(r, &row, &err)) == 1) {
        assert_int_equal(row.nfields, 3);
        assert_int_equal(row.line, count + 2);
        int wl = snprintf(want, sizeof want, "user%llu@example.com", (unsigned long long)count);
        assert_int_equal(row.fields[1].len, (size_t)wl);
        assert_memory_equal(row.fields[1].ptr, want, (size_t)wl);
        count++;
    }
    assert_int_equal(rc, 0);
    assert_int_equal(count, 300000);
    assert_int_equal(dm_reader_ncols(r), 3);
    assert_string_equal(dm_reader_colname(r, 2), "address.city");
    assert_int_equal(dm_reader_bad_records(r), 0);
    dm_reader_free(r);
    dm_stream_close(s);
}

/* ---- compression ---- */

static char *gzip_bytes(const char *data, size_t len, size_t *out_len)
{
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, len) + 64;
    char *out = dm_xmalloc(cap);
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    *out_len = z.total_out;
    deflateEnd(&z);
    return out;
}

static char *zstd_bytes(const char *data, size_t len, size_t *out_len)
{
    size_t cap = ZSTD_compressBound(len);
    char *out = dm_xmalloc(cap);
    /* with a checksum, as the zstd tool writes by default */
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 3);
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
    size_t n = ZSTD_compress2(c, out, cap, data, len);
    ZSTD_freeCCtx(c);
    assert_false(ZSTD_isError(n));
    *out_len = n;
    return out;
}

/* Decompress (by magic), sniff and read. */
static void run_compressed(const char *data, size_t len, const char *name, uint64_t cap,
                           dm_compression want, result *o)
{
    dm_stream *inner = dm_stream_open_mem(data, len, name), *s;
    dm_compression kind;
    dm_error err = {0};
    assert_int_equal(dm_stream_decompress(inner, cap, &s, &kind, &err), DM_OK);
    assert_int_equal(kind, want);
    assert_string_equal(dm_stream_name(s), name);
    run_stream(s, name, NULL, NULL, o);
}

static const char people_csv[] = "id,email\n1,a@example.com\n2,b@example.com\n3,c@example.com\n";
static const char people_rows[] =
    "id=1|email=a@example.com\nid=2|email=b@example.com\nid=3|email=c@example.com\n";

static void test_gzip_zstd(void **state)
{
    size_t glen, zlen;
    char *gz = gzip_bytes(people_csv, sizeof people_csv - 1, &glen);
    char *zs = zstd_bytes(people_csv, sizeof people_csv - 1, &zlen);
    result o;
    run_compressed(gz, glen, "p.csv.gz", 0, DM_COMP_GZIP, &o);
    assert_string_equal(o.text.data, people_rows);
    assert_int_equal(o.sniff.delimiter, ',');
    result_free(&o);
    run_compressed(zs, zlen, "p.csv.zst", 0, DM_COMP_ZSTD, &o);
    assert_string_equal(o.text.data, people_rows);
    result_free(&o);
    /* not compressed: the same stream back */
    run_compressed(people_csv, sizeof people_csv - 1, "p.csv", 0, DM_COMP_NONE, &o);
    assert_string_equal(o.text.data, people_rows);
    result_free(&o);
    assert_string_equal(dm_compression_name(DM_COMP_ZSTD), "zstd");
    free(gz);
    free(zs);
}

static void test_gzip_concatenated(void **state)
{
    const char *a = "id,email\n1,a@example.com\n", *b = "2,b@example.com\n3,c@example.com\n";
    size_t la, lb;
    char *ga = gzip_bytes(a, strlen(a), &la), *gb = gzip_bytes(b, strlen(b), &lb);
    char *both = dm_xmalloc(la + lb);
    memcpy(both, ga, la);
    memcpy(both + la, gb, lb);
    result o;
    run_compressed(both, la + lb, "cat.csv.gz", 0, DM_COMP_GZIP, &o);
    assert_string_equal(o.text.data, people_rows);
    assert_int_equal(o.rc, 0);
    result_free(&o);

    /* two zstd frames work the same way */
    size_t za, zb;
    char *sa = zstd_bytes(a, strlen(a), &za), *sb = zstd_bytes(b, strlen(b), &zb);
    char *zz = dm_xmalloc(za + zb);
    memcpy(zz, sa, za);
    memcpy(zz + za, sb, zb);
    run_compressed(zz, za + zb, "cat.csv.zst", 0, DM_COMP_ZSTD, &o);
    assert_string_equal(o.text.data, people_rows);
    result_free(&o);
    free(ga);
    free(gb);
    free(both);
    free(sa);
    free(sb);
    free(zz);
}

/* A CSV big enough that truncation happens after some rows were read. */
static char *big_csv(size_t rows, size_t *len)
{
    dm_buf b = DM_BUF_INIT;
    dm_buf_printf(&b, "id,email,city\n");
    for (size_t i = 0; i < rows; i++)
        dm_buf_printf(&b, "%zu,user%zu@example.com,City %zu\n", i, i, i % 13);
    *len = b.len;
    return dm_buf_steal(&b);
}

static void test_truncated_and_corrupt(void **state)
{
    size_t len, glen, zlen;
    char *csv = big_csv(50000, &len);
    char *gz = gzip_bytes(csv, len, &glen);
    char *zs = zstd_bytes(csv, len, &zlen);
    result o;

    run_compressed(gz, glen - 100, "t.csv.gz", 0, DM_COMP_GZIP, &o);
    assert_int_equal(o.rc, -1);
    assert_int_equal(o.err.code, DM_ERR_FORMAT);
    assert_string_equal(o.err.msg, "t.csv.gz: truncated gzip stream");
    assert_true(o.nrows > 1000);
    result_free(&o);

    /* cut inside the 10-byte header: the sniff itself fails */
    run_compressed(gz, 6, "h.csv.gz", 0, DM_COMP_GZIP, &o);
    assert_int_equal(o.sniff_rc, DM_ERR_FORMAT);
    assert_string_equal(o.err.msg, "h.csv.gz: truncated gzip stream");
    result_free(&o);

    run_compressed(zs, zlen - 50, "t.csv.zst", 0, DM_COMP_ZSTD, &o);
    assert_int_equal(o.rc, -1);
    assert_string_equal(o.err.msg, "t.csv.zst: truncated zstd stream");
    result_free(&o);

    char *bad = dm_xmalloc(zlen);
    memcpy(bad, zs, zlen);
    for (size_t i = zlen / 2; i < zlen / 2 + 64; i++)
        bad[i] ^= 0x5a;
    run_compressed(bad, zlen, "c.csv.zst", 0, DM_COMP_ZSTD, &o);
    assert_int_equal(o.rc, -1);
    assert_int_equal(o.err.code, DM_ERR_FORMAT);
    assert_non_null(strstr(o.err.msg, "c.csv.zst: corrupt zstd data ("));
    result_free(&o);
    free(bad);

    bad = dm_xmalloc(glen);
    memcpy(bad, gz, glen);
    for (size_t i = 20; i < 40; i++)
        bad[i] = (char)0xff;
    run_compressed(bad, glen, "c.csv.gz", 0, DM_COMP_GZIP, &o);
    assert_int_equal(o.rc == -1 || o.sniff_rc != DM_OK, 1);
    assert_int_equal(o.err.code, DM_ERR_FORMAT);
    assert_non_null(strstr(o.err.msg, "c.csv.gz: corrupt gzip data ("));
    result_free(&o);
    free(bad);

    /* the output cap: rows up to it, then the error */
    run_compressed(gz, glen, "bomb.csv.gz", 1000000, DM_COMP_GZIP, &o);
    assert_int_equal(o.rc, -1);
    assert_int_equal(o.err.code, DM_ERR_LIMIT);
    assert_string_equal(o.err.msg, "bomb.csv.gz: gzip output exceeds the limit of 1000000 bytes");
    assert_true(o.nrows > 10000 && o.nrows < 30000);
    result_free(&o);
    run_compressed(zs, zlen, "bomb.csv.zst", 1000000, DM_COMP_ZSTD, &o);
    assert_int_equal(o.rc, -1);
    assert_int_equal(o.err.code, DM_ERR_LIMIT);
    assert_string_equal(o.err.msg, "bomb.csv.zst: zstd output exceeds the limit of 1000000 bytes");
    result_free(&o);
    /* hit while sniffing */
    run_compressed(zs, zlen, "tiny.csv.zst", 1000, DM_COMP_ZSTD, &o);
    assert_int_equal(o.sniff_rc, DM_ERR_LIMIT);
    result_free(&o);
    /* exactly at the cap is fine */
    run_compressed(gz, glen, "ok.csv.gz", len, DM_COMP_GZIP, &o);
    assert_int_equal(o.rc, 0);
    assert_int_equal(o.nrows, 50000);
    result_free(&o);

    free(csv);
    free(gz);
    free(zs);
}

/* ---- limits and bad input ---- */

static void test_oversize_record(void **state)
{
    /* small limit, record inside one buffer */
    const char *csv = "id,text\n1,short\n2,this one is much longer than the limit allows\n3,ok\n";
    dm_sniff sn = {DM_FMT_CSV, ',', true};
    dm_reader_limits lim = {20, 0};
    result o;
    run_mem(csv, strlen(csv), "o.csv", &sn, &lim, &o);
    assert_string_equal(o.text.data, "id=1|text=short\nid=3|text=ok\n");
    assert_int_equal(o.bad, 1);
    assert_string_equal(o.warning, "line 3: record longer than 20 bytes, skipped");
    assert_int_equal(o.lines[1], 4);
    result_free(&o);

    /* default limit: a 9 MiB line (with a quoted newline in it) spans many buffers */
    size_t big = (size_t)9 << 20;
    char *data = dm_xmalloc(big + 100);
    size_t off = (size_t)sprintf(data, "id,text\n1,a\n2,\"");
    memset(data + off, 'x', big);
    data[off + 1000] = '\n';
    off += big;
    off += (size_t)sprintf(data + off, "\"\n3,b\n4,c");
    run_mem(data, off, "big.csv", NULL, NULL, &o);
    assert_string_equal(o.text.data, "id=1|text=a\nid=3|text=b\nid=4|text=c\n");
    assert_int_equal(o.bad, 1);
    assert_string_equal(o.warning, "line 3: record longer than 8 MiB, skipped");
    assert_int_equal(o.lines[1], 5);
    result_free(&o);

    /* the same for JSON Lines, the long line last and unterminated */
    off = (size_t)sprintf(data, "{\"a\":1}\n{\"a\":\"");
    memset(data + off, 'y', big);
    off += big;
    run_mem(data, off, "big.jsonl", NULL, NULL, &o);
    assert_string_equal(o.text.data, "a(n)=1\n");
    assert_string_equal(o.warning, "line 2: record longer than 8 MiB, skipped");
    result_free(&o);

    /* and for one element of a JSON array */
    dm_sniff js = {DM_FMT_JSON, 0, false};
    dm_reader_limits jl = {1000, 0};
    off = (size_t)sprintf(data, "[{\"a\":1},\n{\"a\":\"");
    memset(data + off, 'z', 300000);
    off += 300000;
    off += (size_t)sprintf(data + off, "\"},\n{\"a\":[2]}]");
    run_mem(data, off, "big.json", &js, &jl, &o);
    assert_string_equal(o.text.data, "a(n)=1\na(a)=2\n");
    assert_string_equal(o.warning, "line 2: record longer than 1000 bytes, skipped");
    assert_int_equal(o.rc, 0);
    result_free(&o);
    free(data);
}

static void test_invalid_utf8(void **state)
{
    result o;
    run_str("id,name\n1,Jos\xe9\n2,Zo\xc3\xab\n3,\xc3\n4,\"\xe9\"\n5,\"\xc3\xa9\"\"\"\n", "u.csv", &o);
    /* records that are not UTF-8 are kept, their cells read as Windows-1252 */
    assert_string_equal(o.text.data, "id=1|name=Jos\xc3\xa9\nid=2|name=Zo\xc3\xab\nid=3|name=\xc3\x83\n"
                                     "id=4|name=\xc3\xa9\nid=5|name=\xc3\xa9\"\n");
    assert_int_equal(o.bad, 3);
    assert_string_equal(o.warning, "line 2: invalid UTF-8, read as windows-1252");
    result_free(&o);

    run_str("{\"n\":\"ok\"}\n{\"n\":\"\xed\xa0\x80\"}\n", "u.jsonl", &o);
    assert_string_equal(o.text.data, "n(s)=ok\nn(s)=\xc3\xad\xc2\xa0\xe2\x82\xac\n");
    assert_int_equal(o.bad, 1);
    assert_string_equal(o.warning, "line 2: invalid UTF-8, read as windows-1252");
    result_free(&o);
}

/* ---- resync ---- */

static char *write_temp(const char *data, size_t len)
{
    char *path = dm_xstrdup("/tmp/dm_test_formats_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

static void test_resync(void **state)
{
    size_t len;
    char *csv = big_csv(20000, &len);
    char *path = write_temp(csv, len);
    dm_stream *s;
    dm_error err = {0};
    assert_int_equal(dm_stream_open_file(path, &s, &err), DM_OK);
    assert_int_equal(dm_stream_size(s), len);
    assert_true(dm_stream_can_seek(s));
    dm_sniff sn;
    assert_int_equal(dm_format_sniff(s, path, &sn, &err), DM_OK);
    dm_reader *r;
    assert_int_equal(dm_reader_open(s, &sn, NULL, &r, &err), DM_OK);
    dm_row row;
    assert_int_equal(dm_reader_next(r, &row, &err), 1);
    assert_int_equal(row.line, 2);

    /* into the middle of a record: resume at the next one */
    const char *target = strstr(csv, "\n12345,") + 1;
    uint64_t at = (uint64_t)(target - csv);
    assert_int_equal(dm_reader_resync(r, at - 5, &err), DM_OK);
    assert_int_equal(dm_reader_next(r, &row, &err), 1);
    assert_int_equal(row.nfields, 3);
    assert_int_equal(row.line, 0);
    assert_int_equal(row.fields[0].len, 5);
    assert_memory_equal(row.fields[0].ptr, "12345", 5);
    assert_int_equal(dm_reader_next(r, &row, &err), 1);
    assert_memory_equal(row.fields[0].ptr, "12346", 5);

    /* exactly at a record start: that record */
    assert_int_equal(dm_reader_resync(r, at, &err), DM_OK);
    assert_int_equal(dm_reader_next(r, &row, &err), 1);
    assert_memory_equal(row.fields[0].ptr, "12345", 5);

    /* offset 0: the first data row again, with line numbers */
    assert_int_equal(dm_reader_resync(r, 0, &err), DM_OK);
    assert_int_equal(dm_reader_next(r, &row, &err), 1);
    assert_int_equal(row.line, 2);
    assert_memory_equal(row.fields[0].ptr, "0", 1);

    /* past the end */
    assert_int_equal(dm_reader_resync(r, len + 10, &err), DM_OK);
    assert_int_equal(dm_reader_next(r, &row, &err), 0);
    dm_reader_free(r);
    dm_stream_close(s);
    unlink(path);
    free(path);

    /* a quoted field with newlines: landing inside it gives a record whose
     * field count does not match the header, and that record is dropped */
    const char *q = "id,note,x\n1,\"a\nb,c\nd\",y\n2,e,z\n";
    s = dm_stream_open_mem(q, strlen(q), "q.csv");
    dm_sniff qs = {DM_FMT_CSV, ',', true};
    assert_int_equal(dm_reader_open(s, &qs, NULL, &r, &err), DM_OK);
    /* offset 16 is inside "a\nb,c\nd": reading resumes at d",y (2 fields) */
    assert_int_equal(dm_reader_resync(r, 16, &err), DM_OK);
    assert_int_equal(dm_reader_next(r, &row, &err), 1);
    assert_int_equal(row.nfields, 3);
    assert_memory_equal(row.fields[0].ptr, "2", 1);
    dm_reader_free(r);
    dm_stream_close(s);

    /* JSON Lines */
    const char *jl = "{\"i\":1}\n{\"i\":2}\n{\"i\":3}\n";
    s = dm_stream_open_mem(jl, strlen(jl), "j.jsonl");
    dm_sniff js = {DM_FMT_JSONL, 0, false};
    assert_int_equal(dm_reader_open(s, &js, NULL, &r, &err), DM_OK);
    assert_int_equal(dm_reader_resync(r, 10, &err), DM_OK);
    assert_int_equal(dm_reader_next(r, &row, &err), 1);
    assert_memory_equal(row.fields[0].ptr, "3", 1);
    dm_reader_free(r);
    dm_stream_close(s);

    /* a compressed stream cannot */
    size_t glen;
    char *gz = gzip_bytes(jl, strlen(jl), &glen);
    dm_stream *inner = dm_stream_open_mem(gz, glen, "j.jsonl.gz");
    assert_int_equal(dm_stream_decompress(inner, 0, &s, NULL, &err), DM_OK);
    assert_int_equal(dm_reader_open(s, &js, NULL, &r, &err), DM_OK);
    assert_int_equal(dm_reader_resync(r, 10, &err), DM_ERR_ARG);
    assert_string_equal(err.msg, "j.jsonl.gz: cannot resync a non-seekable jsonl stream");
    dm_reader_free(r);
    dm_stream_close(s);
    free(gz);

    /* nor can a JSON document */
    const char *arr = "[{\"i\":1}]";
    s = dm_stream_open_mem(arr, strlen(arr), "a.json");
    dm_sniff jd = {DM_FMT_JSON, 0, false};
    assert_int_equal(dm_reader_open(s, &jd, NULL, &r, &err), DM_OK);
    assert_int_equal(dm_reader_resync(r, 3, &err), DM_ERR_ARG);
    assert_string_equal(err.msg, "a.json: cannot resync a json stream (csv and jsonl only)");
    dm_reader_free(r);
    dm_stream_close(s);
    free(csv);
}

/* ---- streams ---- */

static void test_stream_basics(void **state)
{
    const char *text = "hello, stream";
    dm_stream *s = dm_stream_open_mem(text, strlen(text), "m");
    dm_error err = {0};
    const char *p;
    size_t n;
    assert_int_equal(dm_stream_peek(s, 5, &p, &n, &err), DM_OK);
    assert_int_equal(n, 5);
    assert_memory_equal(p, "hello", 5);
    char buf[8];
    assert_int_equal(dm_stream_read(s, buf, 7, &err), 7);
    assert_memory_equal(buf, "hello, ", 7);
    assert_int_equal(dm_stream_offset(s), 7);
    assert_int_equal(dm_stream_fill(s, &p, &n, &err), DM_OK);
    assert_int_equal(n, 6);
    assert_memory_equal(p, "stream", 6);
    dm_stream_consume(s, 2);
    assert_int_equal(dm_stream_offset(s), 9);
    assert_int_equal(dm_stream_seek(s, 1, &err), DM_OK);
    assert_int_equal(dm_stream_read(s, buf, 4, &err), 4);
    assert_memory_equal(buf, "ello", 4);
    dm_stream_close(s);
    dm_stream_close(NULL);

    /* a reader refuses what cannot work */
    s = dm_stream_open_mem(text, strlen(text), "m.csv");
    dm_reader *r = (dm_reader *)&err;
    dm_sniff bad = {DM_FMT_CSV, '"', false};
    assert_int_equal(dm_reader_open(s, &bad, NULL, &r, &err), DM_ERR_ARG);
    assert_null(r);
    assert_string_equal(err.msg, "m.csv: a quote or line break cannot be the CSV delimiter");
    bad.format = DM_FMT_UNKNOWN;
    assert_int_equal(dm_reader_open(s, &bad, NULL, &r, &err), DM_ERR_ARG);
    dm_stream_close(s);

    assert_int_equal(dm_stream_open_file("/nonexistent/dir/x.csv", &s, &err), DM_ERR_NOT_FOUND);
    assert_null(s);
    assert_string_equal(err.msg, "/nonexistent/dir/x.csv: No such file or directory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_basics),
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_csv_embedded_newlines),
        cmocka_unit_test(test_csv_crlf_bom),
        cmocka_unit_test(test_csv_ragged_rows),
        cmocka_unit_test(test_csv_header_names_unique),
        cmocka_unit_test(test_csv_max_columns),
        cmocka_unit_test(test_csv_buffer_boundaries),
        cmocka_unit_test(test_sniff_delimiters),
        cmocka_unit_test(test_sniff_header),
        cmocka_unit_test(test_sniff_header_one_column),
        cmocka_unit_test(test_sniff_header_value_check),
        cmocka_unit_test(test_sniff_json_kinds),
        cmocka_unit_test(test_sniff_empty_binary),
        cmocka_unit_test(test_jsonl_nested),
        cmocka_unit_test(test_jsonl_bad_line),
        cmocka_unit_test(test_json_array_and_object),
        cmocka_unit_test(test_json_array_streaming),
        cmocka_unit_test(test_gzip_zstd),
        cmocka_unit_test(test_gzip_concatenated),
        cmocka_unit_test(test_truncated_and_corrupt),
        cmocka_unit_test(test_oversize_record),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_resync),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
