/*
 * Parquet: the footer (FileMetaData, Thrift compact protocol), the schema
 * turned into columns, and rows assembled from the column chunks of the
 * row groups read (pages: parquet_page.c).
 *
 * A Parquet file keeps its schema and the place of every column chunk in a
 * footer at its end, so the reader needs a stream it can seek in (a file,
 * or an S3 object read by ranged GETs): it reads the last 8 bytes (footer
 * length and magic), then the footer, then, one row group at a time, the
 * column chunks of the columns it keeps, each as one read. Memory is one
 * row group's compressed chunks plus a decompressed page per column; a
 * caller that wants a sample (dm_reader_plan) gets only as many row groups,
 * spread over the file, as the sample needs, and the others are never read.
 *
 * Columns: nested groups give dotted names as JSON does ("address.city");
 * the wrappers of LIST and MAP annotations are dropped, so a list of
 * strings "phones" (phones.list.element in the file) is one column whose
 * cell joins the elements with ", " like a JSON array; a map gives
 * "attrs.key" and "attrs.value". Values are shown as text by their logical
 * type (dates, timestamps, decimals, UUIDs), which is what the catalog's
 * type inference reads.
 */
#include "formats/parquet_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/reader_impl.h"
#include "formats/thrift.h"

#define FOOTER_MAX (64u << 20)
#define ROW_GROUP_MAX (512ull << 20)    /* compressed bytes of the chunks read from one row group */
#define LEAVES_MAX 100000
#define TAIL_READ (64u << 10)           /* read at once from the end: the footer, mostly */

enum { REP_REQUIRED = 0, REP_OPTIONAL = 1, REP_REPEATED = 2 };

/* converted types (legacy annotations) */
enum {
    CT_UTF8 = 0, CT_MAP = 1, CT_MAP_KEY_VALUE = 2, CT_LIST = 3, CT_ENUM = 4, CT_DECIMAL = 5, CT_DATE = 6,
    CT_TIME_MILLIS = 7, CT_TIME_MICROS = 8, CT_TIMESTAMP_MILLIS = 9, CT_TIMESTAMP_MICROS = 10, CT_UINT_8 = 11,
    CT_UINT_64 = 14, CT_INT_8 = 15, CT_INT_64 = 18, CT_JSON = 19, CT_BSON = 20, CT_INTERVAL = 21,
};

/* logical types: the field id of the LogicalType union */
enum {
    LT_STRING = 1, LT_MAP = 2, LT_LIST = 3, LT_ENUM = 4, LT_DECIMAL = 5, LT_DATE = 6, LT_TIME = 7, LT_TIMESTAMP = 8,
    LT_INTEGER = 10, LT_UNKNOWN = 11, LT_JSON = 12, LT_BSON = 13, LT_UUID = 14, LT_FLOAT16 = 15,
};

typedef struct schema_el {
    const uint8_t *name;
    size_t name_len;
    int type;               /* -1: a group */
    int type_length;
    int repetition;
    int num_children;
    int converted;          /* -1: none */
    int scale;
    int logical;            /* LT_*, 0: none */
    int lunit;              /* PQ_UNIT_* of TIME / TIMESTAMP */
    int lscale;
    bool lsigned;
} schema_el;

typedef struct pq_chunk_ref {
    int64_t offset, length;
    int64_t num_values;
    int codec;
    bool external;          /* in another file (file_path set): not read */
} pq_chunk_ref;

typedef struct pq_group {
    int64_t num_rows;
    pq_chunk_ref *chunks;   /* one per leaf */
    bool wanted;
} pq_group;

typedef struct pq_state {
    uint64_t size, footer_start;
    pq_leaf *leaves;
    size_t nleaves;
    pq_group *groups;
    size_t ngroups;
    size_t next_group;
    int64_t rows_left;      /* in the current row group */
    uint64_t row;           /* rows handed out */
    pq_col *cols;           /* one per leaf */
    dm_buf text;            /* the row's values */
    uint8_t *span;          /* the current row group's chunks, when read in one piece */
    size_t *starts;         /* per field: offset in text */
} pq_state;

static pq_state *st_of(dm_reader *r)
{
    return (pq_state *)r->state;
}

static bool pq_sniff(const dm_sniff_input *in, dm_sniff *out)
{
    (void)out;
    return in->n >= 4 && memcmp(in->p, "PAR1", 4) == 0;
}

/* ---- footer ---- */

static void read_logical(dm_thrift *t, schema_el *e)
{
    int last = 0, id, type;
    if (!dm_thrift_enter(t))
        return;
    while (dm_thrift_field(t, &last, &id, &type)) {
        if (type != DM_TT_STRUCT) {
            dm_thrift_skip(t, type);
            continue;
        }
        e->logical = id;
        int l2 = 0, id2, t2;
        if (!dm_thrift_enter(t))
            break;
        while (dm_thrift_field(t, &l2, &id2, &t2)) {
            if (id == LT_DECIMAL && id2 == 1 && t2 == DM_TT_I32)
                e->lscale = dm_thrift_i32(t);
            else if ((id == LT_TIME || id == LT_TIMESTAMP) && id2 == 2 && t2 == DM_TT_STRUCT) {
                /* TimeUnit: a union of empty structs, 1 MILLIS 2 MICROS 3 NANOS */
                int l3 = 0, id3, t3;
                if (!dm_thrift_enter(t))
                    break;
                while (dm_thrift_field(t, &l3, &id3, &t3)) {
                    e->lunit = id3 >= 1 && id3 <= 3 ? id3 : 0;
                    dm_thrift_skip(t, t3);
                }
                dm_thrift_leave(t);
            } else if (id == LT_INTEGER && id2 == 2 && (t2 == DM_TT_TRUE || t2 == DM_TT_FALSE))
                e->lsigned = dm_thrift_field_bool(t2);
            else
                dm_thrift_skip(t, t2);
        }
        dm_thrift_leave(t);
    }
    dm_thrift_leave(t);
}

static void read_schema_el(dm_thrift *t, schema_el *e)
{
    int last = 0, id, type;
    memset(e, 0, sizeof *e);
    e->type = -1;
    e->converted = -1;
    e->lsigned = true;
    if (!dm_thrift_enter(t))
        return;
    while (dm_thrift_field(t, &last, &id, &type)) {
        if (id == 1 && type == DM_TT_I32)
            e->type = dm_thrift_i32(t);
        else if (id == 2 && type == DM_TT_I32)
            e->type_length = dm_thrift_i32(t);
        else if (id == 3 && type == DM_TT_I32)
            e->repetition = dm_thrift_i32(t);
        else if (id == 4 && type == DM_TT_BINARY)
            e->name_len = dm_thrift_binary(t, &e->name);
        else if (id == 5 && type == DM_TT_I32)
            e->num_children = dm_thrift_i32(t);
        else if (id == 6 && type == DM_TT_I32)
            e->converted = dm_thrift_i32(t);
        else if (id == 7 && type == DM_TT_I32)
            e->scale = dm_thrift_i32(t);
        else if (id == 10 && type == DM_TT_STRUCT)
            read_logical(t, e);
        else
            dm_thrift_skip(t, type);
    }
    dm_thrift_leave(t);
}

static void read_column_meta(dm_thrift *t, pq_chunk_ref *c)
{
    int last = 0, id, type;
    int64_t data_off = -1, dict_off = -1;
    if (!dm_thrift_enter(t))
        return;
    while (dm_thrift_field(t, &last, &id, &type)) {
        if (id == 4 && type == DM_TT_I32)
            c->codec = dm_thrift_i32(t);
        else if (id == 5 && type == DM_TT_I64)
            c->num_values = dm_thrift_i64(t);
        else if (id == 7 && type == DM_TT_I64)
            c->length = dm_thrift_i64(t);
        else if (id == 9 && type == DM_TT_I64)
            data_off = dm_thrift_i64(t);
        else if (id == 11 && type == DM_TT_I64)
            dict_off = dm_thrift_i64(t);
        else
            dm_thrift_skip(t, type);
    }
    dm_thrift_leave(t);
    /* the chunk starts at its dictionary page when it has one (some writers
     * write 0 for "none") */
    c->offset = dict_off > 0 && dict_off < data_off ? dict_off : data_off;
}

static bool read_row_group(dm_thrift *t, pq_group *g, size_t nleaves)
{
    int last = 0, id, type, et;
    size_t n = 0;
    if (!dm_thrift_enter(t))
        return false;
    while (dm_thrift_field(t, &last, &id, &type)) {
        if (id == 1 && type == DM_TT_LIST) {
            uint32_t k = dm_thrift_list(t, &et);
            if (et != DM_TT_STRUCT || k != nleaves)
                return false;
            g->chunks = dm_xcalloc(nleaves ? nleaves : 1, sizeof *g->chunks);
            for (uint32_t i = 0; i < k && !t->bad; i++) {
                pq_chunk_ref *c = &g->chunks[i];
                int l2 = 0, id2, t2;
                c->offset = -1;
                if (!dm_thrift_enter(t))
                    break;
                while (dm_thrift_field(t, &l2, &id2, &t2)) {
                    if (id2 == 1 && t2 == DM_TT_BINARY) {
                        const uint8_t *p;
                        c->external = dm_thrift_binary(t, &p) > 0;
                    } else if (id2 == 3 && t2 == DM_TT_STRUCT) {
                        read_column_meta(t, c);
                    } else {
                        dm_thrift_skip(t, t2);
                    }
                }
                dm_thrift_leave(t);
                n++;
            }
        } else if (id == 3 && type == DM_TT_I64) {
            g->num_rows = dm_thrift_i64(t);
        } else {
            dm_thrift_skip(t, type);
        }
    }
    dm_thrift_leave(t);
    return !t->bad && g->chunks != NULL && n == nleaves && g->num_rows >= 0;
}

/* ---- schema -> leaves ---- */

static pq_show show_of(const schema_el *e, int *unit, int *scale)
{
    *unit = 0;
    *scale = 0;
    switch (e->logical) {
    case LT_STRING:
    case LT_ENUM:
    case LT_JSON:
        return PQ_SHOW_STRING;
    case LT_DECIMAL:
        *scale = e->lscale;
        return PQ_SHOW_DECIMAL;
    case LT_DATE:
        return PQ_SHOW_DATE;
    case LT_TIME:
        *unit = e->lunit ? e->lunit : PQ_UNIT_MILLIS;
        return PQ_SHOW_TIME;
    case LT_TIMESTAMP:
        *unit = e->lunit ? e->lunit : PQ_UNIT_MILLIS;
        return PQ_SHOW_TIMESTAMP;
    case LT_INTEGER:
        return e->lsigned ? PQ_SHOW_INT : PQ_SHOW_UINT;
    case LT_UUID:
        return PQ_SHOW_UUID;
    case LT_UNKNOWN:
    case LT_BSON:
    case LT_FLOAT16:
        return PQ_SHOW_NONE;
    default:
        break;
    }
    switch (e->converted) {
    case CT_UTF8:
    case CT_ENUM:
    case CT_JSON:
        return PQ_SHOW_STRING;
    case CT_DECIMAL:
        *scale = e->scale;
        return PQ_SHOW_DECIMAL;
    case CT_DATE:
        return PQ_SHOW_DATE;
    case CT_TIME_MILLIS:
    case CT_TIME_MICROS:
        *unit = e->converted == CT_TIME_MILLIS ? PQ_UNIT_MILLIS : PQ_UNIT_MICROS;
        return PQ_SHOW_TIME;
    case CT_TIMESTAMP_MILLIS:
    case CT_TIMESTAMP_MICROS:
        *unit = e->converted == CT_TIMESTAMP_MILLIS ? PQ_UNIT_MILLIS : PQ_UNIT_MICROS;
        return PQ_SHOW_TIMESTAMP;
    case CT_BSON:
    case CT_INTERVAL:
        return PQ_SHOW_NONE;
    default:
        if (e->converted >= CT_UINT_8 && e->converted <= CT_UINT_64)
            return PQ_SHOW_UINT;
        break;
    }
    switch (e->type) {
    case PQ_BOOLEAN:
        return PQ_SHOW_BOOL;
    case PQ_INT32:
    case PQ_INT64:
        return PQ_SHOW_INT;
    case PQ_INT96:
        return PQ_SHOW_INT96;
    case PQ_FLOAT:
        return PQ_SHOW_FLOAT;
    case PQ_DOUBLE:
        return PQ_SHOW_DOUBLE;
    default:
        return PQ_SHOW_BYTES;
    }
}

typedef struct walker {
    const schema_el *els;
    size_t nels;
    pq_leaf *leaves;
    size_t nleaves, cap;
    bool bad;
} walker;

static char *join(const char *a, const uint8_t *b, size_t blen)
{
    if (a == NULL || *a == '\0')
        return dm_xasprintf("%.*s", (int)blen, (const char *)b);
    return dm_xasprintf("%s.%.*s", a, (int)blen, (const char *)b);
}

/* Walk the element at *i (and its subtree), *i moving past it. hide: leave
 * its name out of the column name (a LIST or MAP wrapper); hide_child: also
 * the name of its only child (the element of a 3-level list). */
static void walk(walker *w, size_t *i, const char *name, const char *path, int def, int rep, bool hide,
                 int depth)
{
    if (*i >= w->nels || depth > 64 || w->nleaves >= LEAVES_MAX) {
        w->bad = true;
        return;
    }
    const schema_el *e = &w->els[(*i)++];
    if (e->repetition != REP_REQUIRED)
        def++;
    if (e->repetition == REP_REPEATED)
        rep++;
    char *my_path = join(path, e->name, e->name_len);
    char *my_name = hide ? dm_xstrdup(name ? name : "") : join(name, e->name, e->name_len);
    if (e->num_children <= 0) {
        if (e->type < PQ_BOOLEAN || e->type > PQ_FIXED) {
            w->bad = true;
            free(my_path);
            free(my_name);
            return;
        }
        DM_GROW(w->leaves, w->cap, w->nleaves + 1);
        pq_leaf *l = &w->leaves[w->nleaves++];
        memset(l, 0, sizeof *l);
        l->name = *my_name ? my_name : dm_xstrdup(my_path);
        if (!*my_name)
            free(my_name);
        l->path = my_path;
        l->type = e->type;
        l->type_length = e->type_length;
        l->show = show_of(e, &l->unit, &l->scale);
        l->max_def = def;
        l->max_rep = rep;
        return;
    }
    bool is_list = e->logical == LT_LIST || e->converted == CT_LIST;
    bool is_map = e->logical == LT_MAP || e->converted == CT_MAP || e->converted == CT_MAP_KEY_VALUE;
    for (int k = 0; k < e->num_children && !w->bad; k++) {
        const schema_el *c = *i < w->nels ? &w->els[*i] : NULL;
        bool wrapper = c && c->repetition == REP_REPEATED && ((is_list && e->num_children == 1) || is_map);
        if (wrapper && is_list && c->num_children == 1) {
            /* 3-level list: name.list.element -> name */
            size_t j = *i;
            (*i)++;
            int d2 = def + 1, r2 = rep + 1;
            char *p2 = join(my_path, c->name, c->name_len);
            walk(w, i, my_name, p2, d2, r2, true, depth + 2);
            free(p2);
            (void)j;
        } else {
            walk(w, i, my_name, my_path, def, rep, wrapper, depth + 1);
        }
    }
    free(my_path);
    free(my_name);
}

static dm_status parse_footer(dm_reader *r, const uint8_t *p, size_t n, dm_error *err)
{
    pq_state *st = st_of(r);
    dm_thrift t;
    int last = 0, id, type, et;
    schema_el *els = NULL;
    size_t nels = 0;
    bool have_groups = false;
    const uint8_t *groups_at = NULL;
    size_t groups_len = 0;
    dm_status rc = DM_OK;

    dm_thrift_init(&t, p, n);
    while (dm_thrift_field(&t, &last, &id, &type)) {
        if (id == 2 && type == DM_TT_LIST) {
            uint32_t k = dm_thrift_list(&t, &et);
            if (et != DM_TT_STRUCT || k == 0)
                break;
            els = dm_xcalloc(k, sizeof *els);
            for (nels = 0; nels < k && !t.bad; nels++)
                read_schema_el(&t, &els[nels]);
        } else if (id == 4 && type == DM_TT_LIST) {
            /* row groups come after the schema in every writer, but the
             * protocol does not promise it: remember where they are */
            groups_at = t.p;
            dm_thrift_skip(&t, type);
            groups_len = (size_t)(t.p - groups_at);
            have_groups = true;
        } else {
            dm_thrift_skip(&t, type);
        }
    }
    if (t.bad || els == NULL) {
        rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: corrupt Parquet footer (%s)", dm_stream_name(r->s),
                     t.bad ? t.why : "no schema");
        goto out;
    }
    walker w = {.els = els, .nels = nels};
    size_t i = 1;
    for (int k = 0; k < els[0].num_children && !w.bad; k++)
        walk(&w, &i, NULL, NULL, 0, 0, false, 0);
    st->leaves = w.leaves;
    st->nleaves = w.nleaves;
    if (w.bad || i != nels) {
        rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: corrupt Parquet schema (%zu elements, the tree describes %zu)",
                     dm_stream_name(r->s), nels, i);
        goto out;
    }
    if (have_groups) {
        dm_thrift g;
        dm_thrift_init(&g, groups_at, groups_len);
        uint32_t k = dm_thrift_list(&g, &et);
        st->groups = dm_xcalloc(k ? k : 1, sizeof *st->groups);
        for (st->ngroups = 0; st->ngroups < k; st->ngroups++) {
            if (et != DM_TT_STRUCT || !read_row_group(&g, &st->groups[st->ngroups], st->nleaves)) {
                rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: corrupt Parquet footer (row group %zu: %s)", dm_stream_name(r->s),
                             st->ngroups, g.bad ? g.why : "its columns do not match the schema");
                st->ngroups++;
                goto out;
            }
            st->groups[st->ngroups].wanted = true;
        }
    }
    for (size_t l = 0; l < st->nleaves; l++) {
        pq_leaf *lf = &st->leaves[l];
        long c = dm_rd_col_add_unique(r, lf->name, strlen(lf->name), l);
        lf->col = c;
        if (c < 0) {
            dm_rd_warn(r, 0, "more than %zu columns: the others are not read", r->lim.max_columns);
            for (; l < st->nleaves; l++)
                st->leaves[l].col = -1;
            break;
        }
    }
out:
    free(els);
    return rc;
}

static dm_status pq_open(dm_reader *r, dm_error *err)
{
    pq_state *st = st_of(r);
    const char *name = dm_stream_name(r->s);
    r->lines_known = false;
    st->size = dm_stream_size(r->s);
    if (!dm_stream_can_seek(r->s) || st->size == UINT64_MAX)
        return DM_FAIL(err, DM_ERR_FORMAT,
                       "%s: Parquet is read from its footer, which needs a file that can be read at any offset "
                       "(not a compressed or piped one)", name);
    if (st->size < 12)
        return DM_FAIL(err, DM_ERR_FORMAT, "%s: truncated Parquet file (%llu bytes)", name,
                       (unsigned long long)st->size);
    /* One read from the end: the footer is usually in its last 64 KiB. */
    size_t tail_len = st->size < TAIL_READ ? (size_t)st->size : TAIL_READ;
    uint8_t *tail = dm_xmalloc(tail_len);
    dm_status rc = dm_stream_read_at(r->s, st->size - tail_len, tail, tail_len, err);
    const uint8_t *end = tail + tail_len - 8;
    uint8_t *footer = NULL;
    if (rc != DM_OK)
        goto out;
    if (memcmp(end + 4, "PARE", 4) == 0) {
        rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: encrypted Parquet footer: not supported", name);
        goto out;
    }
    if (memcmp(end + 4, "PAR1", 4) != 0) {
        rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: truncated or corrupt Parquet file (no PAR1 at its end)", name);
        goto out;
    }
    uint32_t flen = (uint32_t)end[0] | (uint32_t)end[1] << 8 | (uint32_t)end[2] << 16 | (uint32_t)end[3] << 24;
    if (flen == 0 || flen > st->size - 12) {
        rc = DM_FAIL(err, DM_ERR_FORMAT, "%s: corrupt Parquet file (footer of %u bytes in a file of %llu)", name,
                     flen, (unsigned long long)st->size);
        goto out;
    }
    if (flen > FOOTER_MAX) {
        rc = DM_FAIL(err, DM_ERR_LIMIT, "%s: Parquet footer of %u bytes is over the limit of %u MiB", name, flen,
                     FOOTER_MAX >> 20);
        goto out;
    }
    st->footer_start = st->size - 8 - flen;
    if (flen <= tail_len - 8) {
        rc = parse_footer(r, end - flen, flen, err);
    } else {
        footer = dm_xmalloc(flen);
        rc = dm_stream_read_at(r->s, st->footer_start, footer, flen, err);
        if (rc == DM_OK)
            rc = parse_footer(r, footer, flen, err);
    }
out:
    free(tail);
    free(footer);
    if (rc != DM_OK)
        return rc;
    st->cols = dm_xcalloc(st->nleaves ? st->nleaves : 1, sizeof *st->cols);
    for (size_t l = 0; l < st->nleaves; l++)
        st->cols[l].leaf = &st->leaves[l];
    return DM_OK;
}

/* Read the chunks of row group g for the columns kept: the byte span from
 * the first to the last in one read when they lie together (as writers
 * put them: on S3 one ranged GET per row group), else one read each. */
static int load_group(dm_reader *r, size_t g, dm_error *err)
{
    pq_state *st = st_of(r);
    pq_group *grp = &st->groups[g];
    uint64_t total = 0, lo = UINT64_MAX, hi = 0;
    free(st->span);
    st->span = NULL;
    for (size_t l = 0; l < st->nleaves; l++) {
        pq_col *c = &st->cols[l];
        pq_chunk_ref *ch = &grp->chunks[l];
        pq_col_reset(c);
        if (st->leaves[l].col < 0)
            continue;
        if (ch->external)
            return dm_rd_fail(r, err, DM_ERR_FORMAT, "column %s: its data is in another file: not supported",
                              st->leaves[l].path);
        if (!pq_codec_known(ch->codec))
            return dm_rd_fail(r, err, DM_ERR_FORMAT, "column %s: compression %s is not supported",
                              st->leaves[l].path, pq_codec_name(ch->codec));
        if (ch->offset < 4 || ch->length < 0 || (uint64_t)ch->offset > st->footer_start ||
            (uint64_t)ch->length > st->footer_start - (uint64_t)ch->offset || ch->num_values < 0)
            return dm_rd_fail(r, err, DM_ERR_FORMAT,
                              "corrupt Parquet file: row group %zu, column %s lies outside the data (bytes %lld+%lld)",
                              g, st->leaves[l].path, (long long)ch->offset, (long long)ch->length);
        total += (uint64_t)ch->length;
        if (total > ROW_GROUP_MAX)
            return dm_rd_fail(r, err, DM_ERR_LIMIT, "row group %zu is over the limit of %llu MiB of compressed data",
                              g, ROW_GROUP_MAX >> 20);
        if ((uint64_t)ch->offset < lo)
            lo = (uint64_t)ch->offset;
        if ((uint64_t)(ch->offset + ch->length) > hi)
            hi = (uint64_t)(ch->offset + ch->length);
        c->codec = ch->codec;
        c->values_left = ch->num_values;
    }
    dm_error e2 = {0};
    if (total > 0 && hi - lo <= total + total / 4 + 4096) {
        st->span = dm_xmalloc((size_t)(hi - lo) + 1);
        if (dm_stream_read_at(r->s, lo, st->span, (size_t)(hi - lo), &e2) != DM_OK)
            return dm_rd_fail(r, err, e2.code, "%s", e2.msg);
    }
    for (size_t l = 0; l < st->nleaves; l++) {
        pq_col *c = &st->cols[l];
        pq_chunk_ref *ch = &grp->chunks[l];
        if (st->leaves[l].col < 0)
            continue;
        c->chunk_len = (size_t)ch->length;
        if (st->span) {
            c->chunk = st->span + ((uint64_t)ch->offset - lo);
            c->chunk_owned = false;
            continue;
        }
        c->chunk = dm_xmalloc((size_t)ch->length + 1);
        c->chunk_owned = true;
        if (dm_stream_read_at(r->s, (uint64_t)ch->offset, c->chunk, c->chunk_len, &e2) != DM_OK)
            return dm_rd_fail(r, err, e2.code, "%s", e2.msg);
    }
    st->rows_left = grp->num_rows;
    return 1;
}

/* Make sure the column has its next entry's levels: 1, 0 at its chunk's end, -1 on error. */
static int entry(dm_reader *r, pq_col *c, dm_error *err)
{
    if (c->have)
        return 1;
    while (c->left == 0) {
        dm_error e2 = {0};
        int k = pq_col_next_page(c, &e2);
        if (k < 0)
            return dm_rd_fail(r, err, e2.code, "%s", e2.msg);
        if (k == 0)
            return 0;
    }
    c->left--;
    c->cur_rep = c->leaf->max_rep ? (int)pq_rle_next(&c->rep) : 0;
    c->cur_def = c->leaf->max_def ? (int)pq_rle_next(&c->def) : 0;
    if (c->rep.bad || c->def.bad || c->cur_rep > c->leaf->max_rep || c->cur_def > c->leaf->max_def)
        return dm_rd_fail(r, err, DM_ERR_FORMAT, "column %s: malformed repetition or definition levels",
                          c->leaf->path);
    c->have = true;
    return 1;
}

static uint8_t kind_of(const pq_leaf *l)
{
    if (l->max_rep > 0)
        return DM_VAL_ARRAY;
    switch (l->show) {
    case PQ_SHOW_BOOL:
        return DM_VAL_BOOL;
    case PQ_SHOW_INT:
    case PQ_SHOW_UINT:
    case PQ_SHOW_DECIMAL:
    case PQ_SHOW_FLOAT:
    case PQ_SHOW_DOUBLE:
        return DM_VAL_NUMBER;
    default:
        return DM_VAL_STRING;
    }
}

static int pq_next(dm_reader *r, dm_row *row, dm_error *err)
{
    pq_state *st = st_of(r);
    while (st->rows_left <= 0) {
        while (st->next_group < st->ngroups && !st->groups[st->next_group].wanted)
            st->next_group++;
        if (st->next_group >= st->ngroups)
            return 0;
        int k = load_group(r, st->next_group++, err);
        if (k <= 0)
            return k;
    }
    st->rows_left--;
    dm_buf_reset(&st->text);
    dm_rd_fields_reserve(r, st->nleaves);
    if (st->starts == NULL)
        st->starts = dm_xcalloc(st->nleaves ? st->nleaves : 1, sizeof *st->starts);
    size_t nf = 0;
    for (size_t l = 0; l < st->nleaves; l++) {
        pq_col *c = &st->cols[l];
        const pq_leaf *lf = c->leaf;
        if (lf->col < 0)
            continue;
        int k = entry(r, c, err);
        if (k < 0)
            return -1;
        if (k == 0)
            return dm_rd_fail(r, err, DM_ERR_FORMAT, "column %s has fewer values than its row group has rows",
                              lf->path);
        if (c->cur_rep != 0)
            return dm_rd_fail(r, err, DM_ERR_FORMAT, "column %s: a row starts inside a list", lf->path);
        size_t start = st->text.len;
        unsigned n = 0;
        for (;;) {
            if (c->cur_def == lf->max_def) {
                if (n++ > 0)
                    dm_buf_append(&st->text, ", ", 2);
                dm_error e2 = {0};
                if (pq_col_value(c, &st->text, &e2) != DM_OK)
                    return dm_rd_fail(r, err, e2.code, "%s", e2.msg);
            }
            c->have = false;
            if (lf->max_rep == 0)
                break;
            if ((k = entry(r, c, err)) < 0)
                return -1;
            if (k == 0 || c->cur_rep == 0)
                break;
        }
        if (st->text.len > start) {
            st->starts[nf] = start;
            r->fields[nf] = (dm_field){(uint32_t)lf->col, kind_of(lf), NULL, st->text.len - start};
            nf++;
        }
        if (st->text.len > r->lim.max_record)
            return dm_rd_fail(r, err, DM_ERR_LIMIT, "row %llu is over %zu bytes", (unsigned long long)st->row + 1,
                              r->lim.max_record);
    }
    for (size_t f = 0; f < nf; f++)
        r->fields[f].ptr = st->text.data + st->starts[f];
    st->row++;
    row->fields = r->fields;
    row->nfields = nf;
    row->line = st->row;
    return 1;
}

/* Keep only enough row groups for about `rows` rows, spread evenly over the
 * file: the others are never read. */
static void pq_plan(dm_reader *r, uint64_t rows)
{
    pq_state *st = st_of(r);
    uint64_t total = 0;
    for (size_t g = 0; g < st->ngroups; g++)
        total += (uint64_t)st->groups[g].num_rows;
    if (st->ngroups <= 1 || rows >= total || st->next_group > 0)
        return;
    for (size_t g = 0; g < st->ngroups; g++)
        st->groups[g].wanted = false;
    uint64_t per = total / st->ngroups ? total / st->ngroups : 1;
    size_t k = (size_t)((rows + per - 1) / per);
    if (k < 1)
        k = 1;
    if (k > st->ngroups)
        k = st->ngroups;
    for (size_t i = 0; i < k; i++)
        st->groups[i * st->ngroups / k].wanted = true;
}

static void pq_close(dm_reader *r)
{
    pq_state *st = st_of(r);
    for (size_t l = 0; l < st->nleaves; l++) {
        if (st->cols)
            pq_col_free(&st->cols[l]);
        free(st->leaves[l].name);
        free(st->leaves[l].path);
    }
    for (size_t g = 0; g < st->ngroups; g++)
        free(st->groups[g].chunks);
    free(st->groups);
    free(st->leaves);
    free(st->cols);
    free(st->starts);
    free(st->span);
    dm_buf_free(&st->text);
}

const dm_format_def dm_format_parquet = {
    .name = "parquet",
    .flags = DM_FORMAT_BINARY | DM_FORMAT_RANDOM_ACCESS,
    .sniff = pq_sniff,
    .state_size = sizeof(pq_state),
    .open = pq_open,
    .next = pq_next,
    .plan = pq_plan,
    .close = pq_close,
};
