#!/usr/bin/env node
// Writes the Parquet test files of tests/data/parquet/ with three independent writers, from the first
// rows of the estate example's customers (examples/estate/customers/customers.csv, the project's own
// generated data). Run it where the writers are installed (they are not build dependencies):
//   mkdir -p /tmp/pqgen && cd /tmp/pqgen && npm init -y >/dev/null &&
//   npm install @duckdb/node-api@1.5.6-r.1 @dsnp/parquetjs@1.8.8 parquet-wasm@0.8.0 apache-arrow@21.2.0
//   node /path/to/datamap/tests/tools/parquet_fixtures.js /path/to/datamap
// Every file holds the same ROWS rows: what the reader must give back is checked against the CSV by
// tests/unit/test_parquet.c and tests/integration/test_parquet.sh.
'use strict';
const fs = require('fs');
const path = require('path');
const load = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
const root = path.resolve(process.argv[2] || '.');
const out = path.join(root, 'tests/data/parquet');
const ROWS = 60;
fs.mkdirSync(out, { recursive: true });

// customers.csv: id,first_name,last_name,email,phone,date_of_birth,street_address,city,postcode,country,
// credit_card,iban,signup_at,loyalty_points,notes (quoted fields may hold commas)
function parseCsv(text) {
  const rows = []; let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; }
    else if (c !== '\r') f += c;
  }
  return rows;
}
const csv = parseCsv(fs.readFileSync(path.join(root, 'examples/estate/customers/customers.csv'), 'utf8'));
const head = csv[0];
const recs = csv.slice(1, ROWS + 1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
// the rows as plain values; balance has two decimals, tags is a list, address a struct
const rows = recs.map((r, i) => ({
  id: BigInt(r.id), first_name: r.first_name, last_name: r.last_name, email: r.email, phone: r.phone,
  date_of_birth: r.date_of_birth, street: r.street_address, city: r.city, postcode: r.postcode, country: r.country,
  credit_card: r.credit_card, iban: r.iban || null, signup_at: r.signup_at, loyalty_points: Number(r.loyalty_points),
  active: i % 3 !== 0, score: i / 8, tags: i % 4 === 0 ? [] : [r.country, r.city],
}));
fs.writeFileSync(path.join(out, 'expected.json'), JSON.stringify(rows.map((r) => ({ ...r, id: String(r.id) })), null, 0) + '\n');

async function duck() {
  const { DuckDBInstance } = load('@duckdb/node-api');
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  const src = path.join(root, 'examples/estate/customers/customers.csv');
  await c.run(`CREATE TABLE t AS SELECT id::BIGINT AS id, first_name, last_name, email, phone,
      date_of_birth::DATE AS date_of_birth,
      {'street': street_address, 'city': city, 'postcode': postcode} AS address, country, credit_card,
      NULLIF(iban, '') AS iban, signup_at::TIMESTAMP AS signup_at, loyalty_points::INTEGER AS loyalty_points,
      (loyalty_points::INTEGER / 100)::DECIMAL(10,2) AS balance, (row_number() OVER () - 1) % 3 <> 0 AS active,
      ((row_number() OVER () - 1) / 8)::DOUBLE AS score,
      CASE WHEN (row_number() OVER () - 1) % 4 = 0 THEN []::VARCHAR[] ELSE [country, city] END AS tags,
      MAP {'tier': 'gold', 'email2': email} AS attrs
    FROM read_csv('${src}', header = true, all_varchar = true) LIMIT ${ROWS}`);
  const variants = {
    'duckdb_snappy': 'COMPRESSION snappy',
    'duckdb_zstd': 'COMPRESSION zstd',
    'duckdb_gzip': 'COMPRESSION gzip',
    'duckdb_lz4': 'COMPRESSION lz4',
    'duckdb_brotli': 'COMPRESSION brotli',
    'duckdb_uncompressed_nodict': 'COMPRESSION uncompressed, DICTIONARY_SIZE_LIMIT 0',
    'duckdb_v2_zstd': 'COMPRESSION zstd, PARQUET_VERSION v2',                  // DELTA_* encodings
  };
  for (const [name, opts] of Object.entries(variants))
    await c.run(`COPY t TO '${out}/${name}.parquet' (FORMAT parquet, ${opts})`);
  // 10240 rows in 5 row groups of 2048 (DuckDB's smallest): sampling reads one or two of them, on S3
  // by ranged GETs (tests/integration/test_parquet.sh counts the bytes)
  await c.run(`COPY (SELECT (id::BIGINT + 1000000 * k) AS id, first_name || ' ' || last_name AS full_name, email, phone
      FROM read_csv('${src}', header = true, all_varchar = true), range(6) r(k) LIMIT 10240)
      TO '${out}/big_groups.parquet' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 2048)`);
  // Hive partitions: lake/customers/country=GB/..., one folder per value
  fs.rmSync(path.join(out, 'lake'), { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'lake'));
  await c.run(`COPY (SELECT id, first_name, last_name, email, country FROM t) TO '${out}/lake/customers'
      (FORMAT parquet, PARTITION_BY (country), FILENAME_PATTERN 'part_{i}')`);
}

async function parquetjs() {
  const pj = load('@dsnp/parquetjs');
  const schema = (compression) => new pj.ParquetSchema({
    id: { type: 'INT64', compression }, first_name: { type: 'UTF8', compression },
    last_name: { type: 'UTF8', compression }, email: { type: 'UTF8', compression },
    phone: { type: 'UTF8', compression }, date_of_birth: { type: 'DATE', compression },
    address: { fields: { street: { type: 'UTF8', compression }, city: { type: 'UTF8', compression },
                         postcode: { type: 'UTF8', compression } } },
    iban: { type: 'UTF8', optional: true, compression },
    signup_at: { type: 'TIMESTAMP_MILLIS', compression }, loyalty_points: { type: 'INT32', compression },
    active: { type: 'BOOLEAN', compression }, score: { type: 'DOUBLE', compression },
    tags: { type: 'LIST', fields: { list: { repeated: true, fields: { element: { type: 'UTF8', compression } } } } },
  });
  for (const [name, comp, v2] of [['parquetjs_snappy_v1', 'SNAPPY', false], ['parquetjs_gzip_v2', 'GZIP', true],
                                  ['parquetjs_brotli_v2', 'BROTLI', true], ['parquetjs_plain_v1', 'UNCOMPRESSED', false]]) {
    const w = await pj.ParquetWriter.openFile(schema(comp), `${out}/${name}.parquet`, { useDataPageV2: v2 });
    for (const r of rows)
      await w.appendRow({ id: r.id, first_name: r.first_name, last_name: r.last_name, email: r.email, phone: r.phone,
        date_of_birth: new Date(r.date_of_birth + 'T00:00:00Z'), address: { street: r.street, city: r.city, postcode: r.postcode },
        ...(r.iban ? { iban: r.iban } : {}), signup_at: new Date(r.signup_at), loyalty_points: r.loyalty_points,
        active: r.active, score: r.score, tags: { list: r.tags.map((t) => ({ element: t })) } });
    await w.close();
  }
}

function wasm() {
  const pw = load('parquet-wasm'), A = load('apache-arrow');
  const col = (k) => rows.map((r) => r[k]);
  const table = new A.Table({
    id: A.vectorFromArray(col('id'), new A.Int64()),
    first_name: A.vectorFromArray(col('first_name'), new A.Utf8()),
    last_name: A.vectorFromArray(col('last_name'), new A.Utf8()),
    email: A.vectorFromArray(col('email'), new A.Utf8()),
    phone: A.vectorFromArray(col('phone'), new A.Utf8()),
    date_of_birth: A.vectorFromArray(rows.map((r) => new Date(r.date_of_birth + 'T00:00:00Z')), new A.DateDay()),
    address: A.vectorFromArray(rows.map((r) => ({ street: r.street, city: r.city, postcode: r.postcode })),
      new A.Struct([new A.Field('street', new A.Utf8(), true), new A.Field('city', new A.Utf8(), true),
                    new A.Field('postcode', new A.Utf8(), true)])),
    iban: A.vectorFromArray(col('iban'), new A.Utf8()),
    signup_at: A.vectorFromArray(rows.map((r) => Date.parse(r.signup_at)), new A.TimestampMillisecond()),
    loyalty_points: A.vectorFromArray(col('loyalty_points'), new A.Int32()),
    active: A.vectorFromArray(col('active'), new A.Bool()),
    score: A.vectorFromArray(col('score'), new A.Float64()),
    tags: A.vectorFromArray(col('tags'), new A.List(new A.Field('element', new A.Utf8(), true))),
  });
  const C = pw.Compression, V = pw.WriterVersion;
  const variants = {
    'wasm_snappy_v1': (b) => b.setCompression(C.SNAPPY).setWriterVersion(V.V1),
    'wasm_zstd_v2': (b) => b.setCompression(C.ZSTD).setWriterVersion(V.V2),
    'wasm_gzip_v1_nodict': (b) => b.setCompression(C.GZIP).setWriterVersion(V.V1).setDictionaryEnabled(false),
    'wasm_snappy_v2_nodict': (b) => b.setCompression(C.SNAPPY).setWriterVersion(V.V2).setDictionaryEnabled(false),  // DELTA_*
    'wasm_groups': (b) => b.setCompression(C.SNAPPY).setMaxRowGroupSize(10),                                        // 6 row groups
    'wasm_lz4raw_v2_bss': (b) => b.setCompression(C.LZ4_RAW).setWriterVersion(V.V2).setDictionaryEnabled(false)
                                  .setColumnEncoding('score', pw.Encoding.BYTE_STREAM_SPLIT),
  };
  for (const [name, f] of Object.entries(variants)) {
    const buf = pw.writeParquet(pw.Table.fromIPCStream(A.tableToIPC(table, 'stream')), f(new pw.WriterPropertiesBuilder()).build());
    fs.writeFileSync(`${out}/${name}.parquet`, buf);
  }
}

(async () => {
  await duck();
  await parquetjs();
  wasm();
  for (const f of fs.readdirSync(out).sort()) console.log(f, fs.statSync(path.join(out, f)).size);
})().catch((e) => { console.error(e); process.exit(1); });
