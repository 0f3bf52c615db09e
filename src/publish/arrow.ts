/**
 * The browser's copy of each table: an Arrow IPC stream, gzip-compressed (`<table>.arrow.gz`),
 * which DuckDB-wasm inserts with `insertArrowFromIPCStream` without any extension (the Parquet
 * reader is an extension in DuckDB-wasm ≥ 1.29 and would be fetched from extensions.duckdb.org).
 * Why Arrow and not CSV or Parquet, with the measured figures: see src/db/browser.ts.
 *
 * Column types follow the standard exactly, so that the browser's tables hold the same values as
 * the build database: text/enum/period → Utf8 (dictionary-encoded where values repeat: enums,
 * periods, community codes; that shrinks the file and DuckDB-wasm inserts it faster), integer →
 * Int32, number → Float64, amount → Decimal128(18,2) (exact cents), date → Date32 (days).
 *
 * The file is compressed here rather than left to the web server: many hosts do not compress
 * `application/vnd.apache.arrow.stream`, and on a weak network 24 MB instead of 136 MB (transactions
 * of 10,000 communities) is the difference that matters. Browsers inflate it natively (DecompressionStream).
 *
 * The columns are read from the build database chunk by chunk, one column at a time. Dictionaries
 * are made by DuckDB (distinct values in order of first appearance, and each row's code), so that a
 * repeated text is never brought into JavaScript more than once; only text that hardly repeats
 * (ids, voucher numbers) is read value by value.
 */
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import {
  DateDay,
  Decimal,
  Dictionary,
  Field,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  type Data,
} from 'apache-arrow';
import type { DuckDBValue } from '@duckdb/node-api';
import type { FieldType, TableDef } from '../schema/index.ts';
import { quoteIdent } from '../db/ddl.ts';
import type { NodeDatabase } from '../db/node.ts';

const gzip = promisify(gzipCallback);

/** Amounts are DECIMAL(18,2) in the database (src/db/ddl.ts). */
export const AMOUNT_PRECISION = 18;
export const AMOUNT_SCALE = 2;

/** Text columns whose distinct values are at most this share of the rows get a dictionary. */
const DICTIONARY_MAX_SHARE = 0.5;

/** The SELECT expression that reads one column in the shape its Arrow buffer needs. */
export function arrowReadExpression(name: string, type: FieldType): string {
  const col = quoteIdent(name);
  switch (type) {
    case 'date':
      return `CAST(${col} - DATE '1970-01-01' AS INTEGER)`;
    case 'amount':
      // Exact: DECIMAL(18,2) × 100 is an integer; BIGINT arrives in JS as bigint.
      return `CAST(${col} * 100 AS BIGINT)`;
    case 'integer':
      return `CAST(${col} AS INTEGER)`;
    case 'number':
      return `CAST(${col} AS DOUBLE)`;
    default:
      return `CAST(${col} AS VARCHAR)`;
  }
}

function nullBitmap(values: readonly unknown[]): { bitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap: nullCount ? bitmap : undefined, nullCount };
}

/** A Utf8 column from strings (null allowed), in one pass over one growing byte buffer. */
export function utf8Data(values: readonly (string | null)[]): Data<Utf8> {
  const { bitmap, nullCount } = nullBitmap(values);
  const offsets = new Int32Array(values.length + 1);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(Math.max(64, values.length * 8));
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v) {
      // UTF-8 needs at most 3 bytes per UTF-16 unit.
      if (end + v.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + v.length * 3));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(v, bytes.subarray(end)).written;
    }
    offsets[i + 1] = end;
  }
  return makeData({
    type: new Utf8(),
    length: values.length,
    nullCount,
    nullBitmap: bitmap,
    valueOffsets: offsets,
    data: bytes.slice(0, end),
  });
}

/** A dictionary-encoded Utf8 column, or null when the values hardly repeat. */
export function dictionaryData(
  values: readonly (string | null)[],
  id: number,
  force: boolean,
): Data<Dictionary<Utf8, Int32>> | null {
  const codes = new Map<string, number>();
  const indices = new Int32Array(values.length);
  const limit = force ? Infinity : Math.max(16, values.length * DICTIONARY_MAX_SHARE);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    let code = codes.get(v);
    if (code === undefined) {
      code = codes.size;
      codes.set(v, code);
      if (codes.size > limit) return null;
    }
    indices[i] = code;
  }
  const { bitmap, nullCount } = nullBitmap(values);
  const dictionary = utf8Data([...codes.keys()]);
  const type = new Dictionary(new Utf8(), new Int32(), id);
  return makeData({
    type,
    length: values.length,
    nullCount,
    nullBitmap: bitmap,
    data: indices,
    dictionary: makeVector(dictionary),
  });
}

/** Exact cents → Decimal128 (four little-endian 32-bit words per value, two's complement). */
export function decimalData(cents: readonly (bigint | number | null)[]): Data<Decimal> {
  const { bitmap, nullCount } = nullBitmap(cents);
  const words = new Uint32Array(cents.length * 4);
  for (let i = 0; i < cents.length; i++) {
    const c = cents[i];
    if (c === null || c === undefined) continue;
    const v = BigInt.asUintN(128, BigInt(c));
    words[i * 4] = Number(v & 0xffffffffn);
    words[i * 4 + 1] = Number((v >> 32n) & 0xffffffffn);
    words[i * 4 + 2] = Number((v >> 64n) & 0xffffffffn);
    words[i * 4 + 3] = Number((v >> 96n) & 0xffffffffn);
  }
  return makeData({
    type: new Decimal(AMOUNT_SCALE, AMOUNT_PRECISION, 128),
    length: cents.length,
    nullCount,
    nullBitmap: bitmap,
    data: words,
  });
}

function int32Data<T extends Int32 | DateDay>(type: T, values: readonly (number | null)[]): Data<T> {
  const { bitmap, nullCount } = nullBitmap(values);
  const data = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
  return makeData({ type, length: values.length, nullCount, nullBitmap: bitmap, data } as never) as unknown as Data<T>;
}

function float64Data(values: readonly (number | null)[]): Data<Float64> {
  const { bitmap, nullCount } = nullBitmap(values);
  const data = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
  return makeData({ type: new Float64(), length: values.length, nullCount, nullBitmap: bitmap, data });
}

/** The Arrow data of one column of the standard, from the values DuckDB returned. */
export function columnData(type: FieldType, values: readonly unknown[], id: number): Data {
  switch (type) {
    case 'date':
      return int32Data(new DateDay(), values as (number | null)[]);
    case 'amount':
      return decimalData(values as (bigint | null)[]);
    case 'integer':
      return int32Data(new Int32(), values as (number | null)[]);
    case 'number':
      return float64Data(values as (number | null)[]);
    case 'enum':
    case 'period':
      return dictionaryData(values as (string | null)[], id, true)!;
    default:
      return dictionaryData(values as (string | null)[], id, false) ?? utf8Data(values as (string | null)[]);
  }
}

/** Every value of a one-column query, read chunk by chunk (no copy of the whole result as rows). */
async function readColumn(db: NodeDatabase, sql: string): Promise<DuckDBValue[]> {
  const result = await db.connection.stream(sql);
  const values: DuckDBValue[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    const n = chunk?.rowCount ?? 0;
    if (chunk === null || n === 0) break;
    const vector = chunk.getColumnVector(0);
    for (let i = 0; i < n; i++) values.push(vector.getItem(i));
  }
  return values;
}

/** The codes of a one-column INTEGER query without nulls, straight into an Int32Array. */
async function readCodes(db: NodeDatabase, sql: string, rows: number): Promise<Int32Array> {
  const result = await db.connection.stream(sql);
  const codes = new Int32Array(rows);
  let at = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    const n = chunk?.rowCount ?? 0;
    if (chunk === null || n === 0) break;
    const vector = chunk.getColumnVector(0);
    for (let i = 0; i < n; i++) codes[at++] = vector.getItem(i) as number;
  }
  return codes;
}

const DICTIONARY_TABLE = '__arrow_dictionary';

/**
 * A dictionary-encoded Utf8 column made by DuckDB, or null when the values hardly repeat (more
 * distinct values than DICTIONARY_MAX_SHARE of the rows, at least 16) and `force` is not set.
 */
async function duckdbDictionaryData(
  db: NodeDatabase,
  table: string,
  column: string,
  rows: number,
  id: number,
  force: boolean,
): Promise<Data<Dictionary<Utf8, Int32>> | null> {
  const t = quoteIdent(table);
  const c = quoteIdent(column);
  if (!force) {
    const [stats] = await db.query<{ distinct: number }>(`SELECT count(DISTINCT ${c}) AS "distinct" FROM ${t}`);
    if (stats!.distinct > Math.max(16, rows * DICTIONARY_MAX_SHARE)) return null;
  }
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${DICTIONARY_TABLE} AS SELECT v, (row_number() OVER (ORDER BY first) - 1)::INTEGER AS code ` +
      `FROM (SELECT ${c} AS v, min(rowid) AS first FROM ${t} WHERE ${c} IS NOT NULL GROUP BY ${c})`,
  );
  const values = (await readColumn(db, `SELECT v FROM ${DICTIONARY_TABLE} ORDER BY code`)) as string[];
  // -1 marks a null: the query then has no null mask, which keeps reading its codes fast.
  const codes = await readCodes(
    db,
    `SELECT coalesce(d.code, -1) FROM ${t} AS t LEFT JOIN ${DICTIONARY_TABLE} AS d ON t.${c} = d.v ORDER BY t.rowid`,
    rows,
  );
  await db.exec(`DROP TABLE ${DICTIONARY_TABLE}`);
  let nullCount = 0;
  const bitmap = new Uint8Array((rows + 7) >> 3);
  for (let i = 0; i < rows; i++) {
    if (codes[i]! < 0) {
      nullCount++;
      codes[i] = 0;
    } else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return makeData({
    type: new Dictionary(new Utf8(), new Int32(), id),
    length: rows,
    nullCount,
    nullBitmap: nullCount ? bitmap : undefined,
    data: codes,
    dictionary: makeVector(utf8Data(values)),
  });
}

/** The Arrow data of one column of a table of the build database. */
async function readColumnData(
  db: NodeDatabase,
  table: TableDef,
  name: string,
  type: FieldType,
  rows: number,
  id: number,
): Promise<Data> {
  const textual = type === 'text' || type === 'enum' || type === 'period';
  if (textual) {
    const dictionary = await duckdbDictionaryData(db, table.name, name, rows, id, type !== 'text');
    if (dictionary) return dictionary;
  }
  const values = await readColumn(
    db,
    `SELECT ${arrowReadExpression(name, type)} AS v FROM ${quoteIdent(table.name)} ORDER BY rowid`,
  );
  return textual ? utf8Data(values as (string | null)[]) : columnData(type, values, id);
}

/** An Arrow IPC stream of a whole table of the build database (one record batch). */
export async function tableToArrowIPC(db: NodeDatabase, table: TableDef): Promise<{ ipc: Uint8Array; rows: number }> {
  const [count] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`);
  const rows = count!.n;
  const columns: Data[] = [];
  const fields: Field[] = [];
  for (const [index, [name, field]] of Object.entries(table.fields).entries()) {
    // One column at a time keeps the memory of a 1.7-million-row table small.
    const data = await readColumnData(db, table, name, field.type, rows, index);
    columns.push(data);
    fields.push(new Field(name, data.type, !field.required));
  }
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length: rows, nullCount: 0, children: columns });
  const batch = new RecordBatch(schema, struct);
  return { ipc: tableToIPC(new Table(schema, rows ? [batch] : []), 'stream'), rows };
}

/** Writes `<path>` (gzip of the Arrow IPC stream); returns the row count. */
export async function writeTableArrow(db: NodeDatabase, table: TableDef, path: string): Promise<number> {
  const { ipc, rows } = await tableToArrowIPC(db, table);
  await writeFile(path, await gzip(ipc, { level: 6 }));
  return rows;
}

/**
 * Reads the table's Arrow data now and compresses it in the background (zlib works on another
 * thread): the promise of the written file lets the next table's work overlap the compression.
 */
export async function startTableArrow(
  db: NodeDatabase,
  table: TableDef,
  path: string,
): Promise<{ rows: number; written: Promise<void> }> {
  const { ipc, rows } = await tableToArrowIPC(db, table);
  const written = gzip(ipc, { level: 6 }).then((bytes) => writeFile(path, bytes));
  // Awaited by the caller; a failure before then must not count as unhandled.
  written.catch(() => {});
  return { rows, written };
}
