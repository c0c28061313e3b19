#include "sources/objects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <yaml.h>

#include "core/hash.h"
#include "core/mem.h"

#define BLOCK_MIN_PART (4u << 20)       /* parts smaller than this are read whole */
#define SCAN_BYTES_CAP (1ull << 30)

/* Table-wide column numbering by name. */
typedef struct colmap {
    char **names;
    size_t n, cap;
} colmap;

static size_t colmap_get(colmap *m, const char *name, const dm_row_sink *sink)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->names[i], name) == 0)
            return i;
    DM_GROW(m->names, m->cap, m->n + 1);
    m->names[m->n] = dm_xstrdup(name);
    sink->column(sink->ctx, m->n, name);
    return m->n++;
}

static void colmap_free(colmap *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->names[i]);
    free(m->names);
}

/* A row kept in the reservoir. */
typedef struct kept_row {
    uint64_t idx;
    dm_buf bytes;
    dm_field *fields;
    size_t nf, fcap;
} kept_row;

typedef struct part_ctx {
    const dm_row_sink *sink;
    colmap *cols;
    size_t *map;            /* reader column -> table column */
    size_t map_n;
    size_t *pcols;          /* partition key -> table column */
    const dm_object *obj;
    char *const *pkeys;
    size_t npkeys;
    bool pkeys_done;        /* partition columns numbered after the first data columns */
    dm_field *out;          /* row being delivered */
    size_t out_cap;
    bool stopped;           /* the sink said stop: no more rows, no more parts */
} part_ctx;

static void map_columns(part_ctx *pc, const dm_reader *r)
{
    size_t nc = dm_reader_ncols(r);
    if (nc <= pc->map_n)
        return;
    pc->map = dm_xrealloc(pc->map, nc * sizeof *pc->map);
    for (size_t c = pc->map_n; c < nc; c++)
        pc->map[c] = colmap_get(pc->cols, dm_reader_colname(r, c), pc->sink);
    pc->map_n = nc;
}

/* Deliver one row: reader fields renumbered, partition values appended.
 * Returns whether to go on. */
static bool deliver(part_ctx *pc, const dm_field *f, size_t nf)
{
    size_t need = nf + pc->npkeys;
    if (!pc->pkeys_done) {
        for (size_t k = 0; k < pc->npkeys; k++)
            pc->pcols[k] = colmap_get(pc->cols, pc->pkeys[k], pc->sink);
        pc->pkeys_done = true;
    }
    DM_GROW(pc->out, pc->out_cap, need);
    for (size_t i = 0; i < nf; i++) {
        pc->out[i] = f[i];
        pc->out[i].col = (uint32_t)(f[i].col < pc->map_n ? pc->map[f[i].col] : 0);
    }
    for (size_t k = 0; k < pc->npkeys; k++) {
        const char *v = pc->obj->pvals ? pc->obj->pvals[k] : NULL;
        pc->out[nf + k] = (dm_field){(uint32_t)pc->pcols[k], DM_VAL_TEXT, v ? v : "", v ? strlen(v) : 0};
    }
    if (!pc->sink->row(pc->sink->ctx, pc->out, need))
        pc->stopped = true;
    return !pc->stopped;
}

static void keep_row(kept_row *k, uint64_t idx, const dm_row *row)
{
    k->idx = idx;
    dm_buf_reset(&k->bytes);
    if (row->nfields > k->fcap) {
        k->fcap = row->nfields;
        k->fields = dm_xrealloc(k->fields, k->fcap * sizeof *k->fields);
    }
    k->nf = row->nfields;
    for (size_t i = 0; i < row->nfields; i++) {
        k->fields[i] = row->fields[i];
        k->fields[i].ptr = (const char *)(uintptr_t)k->bytes.len;   /* offset until fixed up */
        dm_buf_append(&k->bytes, row->fields[i].ptr, row->fields[i].len);
    }
}

static int cmp_kept(const void *a, const void *b)
{
    const kept_row *x = a, *y = b;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static uint64_t xorshift(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

static uint64_t str_hash(const char *s)
{
    return dm_fnv64_str(DM_FINGERPRINT_SEED, s);
}

/* Open, decompress, decode to UTF-8 (enc, or detected: *used says which)
 * and sniff one part. */
static dm_status open_part(const dm_object *obj, dm_object_open_fn open, void *octx, dm_encoding enc,
                           dm_stream **raw, dm_stream **data, dm_compression *comp, dm_encoding *used,
                           const dm_row_sink *sink, dm_sniff *sniff, dm_error *err)
{
    dm_status rc;
    *raw = *data = NULL;
    if ((rc = open(octx, obj, raw, err)))
        return rc;
    /* Binary formats (Parquet) are told by their magic on the raw bytes and
     * read as they are: neither decompressed nor decoded, so the stream
     * stays the seekable one the driver opened. */
    if (dm_format_sniff_binary(*raw, obj->key, sniff, err)) {
        *data = *raw;
        *raw = NULL;
        *comp = DM_COMP_NONE;
        *used = DM_ENC_UTF8;
        return DM_OK;
    }
    if ((rc = dm_stream_decompress(*raw, 1ull << 40, data, comp, err))) {
        dm_stream_close(*raw);
        *raw = NULL;
        return rc;
    }
    *raw = NULL;    /* owned by *data now (or is *data) */
    dm_stream *text = NULL;
    if ((rc = dm_stream_decode(*data, enc, &text, used, err)))
        return rc;
    *data = text;   /* owns the decompressed stream now (or is it) */
    if (sink && sink->is_value)
        return dm_format_sniff_checked(*data, obj->key, sink->is_value, sink->ctx, sniff, err);
    return dm_format_sniff(*data, obj->key, sniff, err);
}

/* A part that could not be read (or not to its end), counted by kind and reason. */
static void tell_unread(part_ctx *pc, const dm_error *err)
{
    if (pc->sink->unread == NULL)
        return;
    char kind[32];
    dm_unread_kind(pc->obj->key, kind, sizeof kind);
    pc->sink->unread(pc->sink->ctx, pc->obj->url, kind, dm_unread_reason(err));
}

static void read_part(part_ctx *pc, dm_object_open_fn open, void *octx, uint64_t quota, uint64_t seed,
                      dm_encoding enc, bool *format_told)
{
    const dm_object *obj = pc->obj;
    dm_error err = {0};
    dm_stream *raw = NULL, *s = NULL;
    dm_reader *r = NULL;
    kept_row *kept = NULL;
    size_t nkept = 0;
    dm_compression comp = DM_COMP_NONE;
    dm_encoding used = DM_ENC_UTF8;
    dm_sniff sniff;
    dm_row row;
    int rc = 0;

    if (open_part(obj, open, octx, enc, &raw, &s, &comp, &used, pc->sink, &sniff, &err) != DM_OK) {
        pc->sink->problem(pc->sink->ctx, obj->url, err.msg);
        tell_unread(pc, &err);
        goto out;
    }
    if (!*format_told && pc->sink->format) {
        pc->sink->format(pc->sink->ctx, dm_sniff_format_name(&sniff), dm_compression_name(comp),
                         dm_encoding_name(used));
        *format_told = true;
    }
    if (dm_reader_open(s, &sniff, NULL, &r, &err) != DM_OK) {
        pc->sink->problem(pc->sink->ctx, obj->url, err.msg);
        tell_unread(pc, &err);
        goto out;
    }
    pc->map_n = 0;

    bool all = quota == UINT64_MAX;
    if (!all)
        dm_reader_plan(r, quota);
    bool blocks = !all && comp == DM_COMP_NONE && dm_stream_can_seek(s) && obj->size >= BLOCK_MIN_PART &&
                  dm_format_can_resync(sniff.format);
    if (all) {
        while ((rc = dm_reader_next(r, &row, &err)) == 1) {
            map_columns(pc, r);
            if (!deliver(pc, row.fields, row.nfields))
                break;
        }
    } else if (blocks) {
        /* Read a first block to learn the row size, then jump. */
        unsigned nblocks = quota >= 16 * 64 ? 16 : (unsigned)(quota / 64) + 1;
        uint64_t per = (quota + nblocks - 1) / nblocks, got = 0;
        rc = 1;
        for (unsigned b = 0; b < nblocks && rc >= 0 && !pc->stopped; b++) {
            uint64_t off = obj->size / nblocks * b;
            if (b > 0) {
                if (dm_stream_offset(s) >= off)
                    off = dm_stream_offset(s);  /* the last block ran past this one */
                if (dm_reader_resync(r, off, &err) != DM_OK) {
                    rc = -1;
                    break;
                }
            }
            uint64_t in_block = 0;
            while (in_block < per && got < quota && (rc = dm_reader_next(r, &row, &err)) == 1) {
                map_columns(pc, r);
                if (!deliver(pc, row.fields, row.nfields))
                    break;
                in_block++;
                got++;
            }
            if (rc == 0)
                break;
        }
    } else {
        /* Reservoir (Algorithm R) over the part, bounded in rows and bytes. */
        uint64_t rng = seed ^ str_hash(obj->key) ^ 0x9E3779B97F4A7C15ULL;
        if (rng == 0)
            rng = 1;
        size_t cap = quota > 100000 ? 100000 : (size_t)quota;
        uint64_t limit = quota > UINT64_MAX / DM_OBJECTS_SCAN_FACTOR ? UINT64_MAX : quota * DM_OBJECTS_SCAN_FACTOR;
        kept = dm_xcalloc(cap ? cap : 1, sizeof *kept);
        uint64_t seen = 0;
        while (seen < limit && dm_stream_offset(s) < SCAN_BYTES_CAP && (rc = dm_reader_next(r, &row, &err)) == 1) {
            map_columns(pc, r);
            if (nkept < cap) {
                keep_row(&kept[nkept++], seen, &row);
            } else {
                uint64_t j = xorshift(&rng) % (seen + 1);
                if (j < cap)
                    keep_row(&kept[j], seen, &row);
            }
            seen++;
        }
        if (seen == limit || dm_stream_offset(s) >= SCAN_BYTES_CAP)
            rc = 0;
        qsort(kept, nkept, sizeof *kept, cmp_kept);
        for (size_t i = 0; i < nkept && !pc->stopped; i++) {
            for (size_t f = 0; f < kept[i].nf; f++)
                kept[i].fields[f].ptr = kept[i].bytes.data + (uintptr_t)kept[i].fields[f].ptr;
            deliver(pc, kept[i].fields, kept[i].nf);
        }
    }
    if (rc < 0) {
        pc->sink->problem(pc->sink->ctx, obj->url, err.msg);
        tell_unread(pc, &err);
    }
    if (dm_reader_bad_records(r) > 0) {
        char msg[600];
        snprintf(msg, sizeof msg, "%llu bad record(s), first: %s", (unsigned long long)dm_reader_bad_records(r),
                 dm_reader_warning(r) ? dm_reader_warning(r) : "?");
        pc->sink->problem(pc->sink->ctx, obj->url, msg);
    }
out:
    if (kept) {
        size_t cap = quota > 100000 ? 100000 : (size_t)quota;
        for (size_t i = 0; i < cap; i++) {
            dm_buf_free(&kept[i].bytes);
            free(kept[i].fields);
        }
        free(kept);
    }
    dm_reader_free(r);
    dm_stream_close(s);
    dm_stream_close(raw);
}

dm_status dm_objects_read_rows(const dm_object *objs, size_t n, char *const *pkeys, size_t npkeys,
                               dm_object_open_fn open, void *octx, const dm_sample_spec *spec,
                               const dm_row_sink *sink, dm_error *err)
{
    colmap cols = {0};
    part_ctx pc = {0};
    bool format_told = false;
    uint64_t total = 0;
    pc.sink = sink;
    pc.cols = &cols;
    pc.npkeys = npkeys;
    pc.pkeys = pkeys;
    pc.pcols = dm_xcalloc(npkeys ? npkeys : 1, sizeof *pc.pcols);
    for (size_t i = 0; i < n; i++)
        total += objs[i].size;

    for (size_t i = 0; i < n && !pc.stopped; i++) {
        uint64_t quota = UINT64_MAX;
        if (spec->rows != UINT64_MAX) {
            double share = total ? (double)objs[i].size / (double)total : 1.0 / (double)n;
            quota = (uint64_t)((double)spec->rows * share + 0.999);
            if (quota == 0)
                quota = 1;
        }
        pc.obj = &objs[i];
        read_part(&pc, open, octx, quota, spec->seed, spec->encoding, &format_told);
    }
    colmap_free(&cols);
    free(pc.pcols);
    free(pc.map);
    free(pc.out);
    (void)err;
    return DM_OK;
}

char *dm_objects_signature(const dm_object *obj, dm_object_open_fn open, void *octx, dm_encoding enc)
{
    dm_error err = {0};
    dm_stream *raw = NULL, *s = NULL;
    dm_reader *r = NULL;
    dm_compression comp;
    dm_encoding used;
    dm_sniff sniff;
    dm_row row;
    char *sig = NULL;
    if (open_part(obj, open, octx, enc, &raw, &s, &comp, &used, NULL, &sniff, &err) != DM_OK)
        goto out;
    if (dm_reader_open(s, &sniff, NULL, &r, &err) != DM_OK)
        goto out;
    /* a random-access format knows its columns once open (Parquet's
     * footer): reading a row would fetch a whole row group */
    if (!dm_format_random_access(sniff.format) && dm_reader_next(r, &row, &err) < 0)
        goto out;
    size_t nc = dm_reader_ncols(r);
    const char **names = dm_xcalloc(nc ? nc : 1, sizeof *names);
    for (size_t c = 0; c < nc; c++)
        names[c] = dm_reader_colname(r, c);
    /* sort for an order-independent signature */
    for (size_t a = 1; a < nc; a++)
        for (size_t b = a; b > 0 && strcmp(names[b - 1], names[b]) > 0; b--) {
            const char *t = names[b];
            names[b] = names[b - 1];
            names[b - 1] = t;
        }
    dm_buf b = DM_BUF_INIT;
    dm_buf_printf(&b, "%s|", dm_format_name(sniff.format));
    for (size_t c = 0; c < nc; c++)
        dm_buf_printf(&b, "%s\n", names[c]);
    free(names);
    sig = dm_buf_steal(&b);
out:
    dm_reader_free(r);
    dm_stream_close(s);
    dm_stream_close(raw);
    return sig;
}

void dm_object_free_array(dm_object *objs, size_t n, size_t npkeys)
{
    for (size_t i = 0; i < n; i++) {
        free(objs[i].key);
        free(objs[i].url);
        if (objs[i].pvals) {
            for (size_t k = 0; k < npkeys; k++)
                free(objs[i].pvals[k]);
            free(objs[i].pvals);
        }
    }
    free(objs);
}

/* Files that are never tables: documents, code, configuration, images,
 * archives. Everything else is read and sniffed (binary files are errors). */
bool dm_objects_not_data(const char *name)
{
    static const char *const exts[] = {
        ".md", ".markdown", ".rst", ".py", ".sh", ".c", ".h", ".js", ".ts", ".css", ".html", ".htm",
        ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".lock", ".pdf", ".png", ".jpg", ".jpeg",
        ".gif", ".svg", ".ico", ".zip", ".tar", ".7z", ".exe", ".so", ".o", ".pyc", ".orc",
        ".avro", NULL};
    const char *dot = strrchr(name, '.');
    if (dot == NULL)
        return false;
    for (const char *const *e = exts; *e; e++)
        if (strcasecmp(dot, *e) == 0)
            return true;
    return false;
}

/* customers.csv.gz -> customers */
char *dm_objects_table_name(const char *file)
{
    static const char *const exts[] = {".gz", ".gzip", ".zst", ".zstd", ".csv", ".tsv", ".psv", ".txt",
                                       ".json", ".jsonl", ".ndjson", ".dat", ".parquet", ".parq", ".pq", NULL};
    char *name = dm_xstrdup(file);
    bool again = true;
    while (again) {
        again = false;
        size_t n = strlen(name);
        for (const char *const *e = exts; *e; e++) {
            size_t el = strlen(*e);
            if (n > el && strcasecmp(name + n - el, *e) == 0) {
                name[n - el] = '\0';
                again = true;
                break;
            }
        }
    }
    return name;
}

dm_status dm_objects_tags_yaml(const char *name, const char *data, size_t len, dm_kvlist *tags, dm_error *err)
{
    yaml_parser_t p;
    yaml_event_t ev;
    dm_status rc = DM_OK;
    char *key = NULL;
    int depth = 0;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
    for (;;) {
        if (!yaml_parser_parse(&p, &ev)) {
            rc = DM_FAIL(err, DM_ERR_FORMAT, "%s:%zu: %s", name, p.problem_mark.line + 1,
                         p.problem ? p.problem : "invalid YAML");
            break;
        }
        yaml_event_type_t t = ev.type;
        if ((t == YAML_MAPPING_START_EVENT && ++depth > 1) || t == YAML_SEQUENCE_START_EVENT ||
            (t == YAML_SCALAR_EVENT && depth != 1)) {
            rc = DM_FAIL(err, DM_ERR_FORMAT, "%s:%zu: tags must be a flat map of key: value", name,
                         ev.start_mark.line + 1);
        } else if (t == YAML_SCALAR_EVENT) {
            const char *v = (const char *)ev.data.scalar.value;
            if (key == NULL) {
                key = dm_xstrdup(v);
            } else {
                if (!dm_kv_set(tags, key, v, false))
                    rc = DM_FAIL(err, DM_ERR_FORMAT, "%s:%zu: tag %s given twice", name, ev.start_mark.line + 1, key);
                free(key);
                key = NULL;
            }
        }
        yaml_event_delete(&ev);
        if (rc || t == YAML_STREAM_END_EVENT)
            break;
    }
    free(key);
    yaml_parser_delete(&p);
    return rc;
}

dm_status dm_objects_encoding_option(const char *options_json, dm_encoding *enc, char **rest, dm_error *err)
{
    *enc = DM_ENC_AUTO;
    if (rest)
        *rest = options_json ? dm_xstrdup(options_json) : NULL;
    if (options_json == NULL || *options_json == '\0')
        return DM_OK;
    json_error_t jerr;
    json_t *opts = json_loads(options_json, 0, &jerr);
    if (opts == NULL || !json_is_object(opts)) {
        json_decref(opts);
        return DM_OK;       /* not ours to judge: the driver's own parsing says what is wrong */
    }
    json_t *v = json_object_get(opts, "encoding");
    dm_status rc = DM_OK;
    if (v != NULL) {
        if (!json_is_string(v) || (rc = dm_encoding_lookup(json_string_value(v), enc, err)) != DM_OK) {
            if (rc == DM_OK)
                rc = DM_FAIL(err, DM_ERR_ARG, "option encoding: takes a name (known: %s)", dm_encoding_known());
            else
                dm_error_prefix(err, "option encoding");
        }
        json_object_del(opts, "encoding");
        if (rest && rc == DM_OK) {
            free(*rest);
            *rest = json_dumps(opts, JSON_COMPACT | JSON_SORT_KEYS);
        }
    }
    json_decref(opts);
    return rc;
}
