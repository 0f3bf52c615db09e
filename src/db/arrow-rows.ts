/**
 * Arrow results of DuckDB-wasm → the plain rows of the query interface (src/db/types.ts), the same
 * values src/db/node.ts gives at build time. Pure: unit-tested with tables made by apache-arrow.
 */
import type { SqlRow, SqlValue } from './types.ts';
import { toSqlValue } from './values.ts';

/**
 * What this module reads of an Arrow table (structural: DuckDB-wasm brings its own apache-arrow
 * version, which need not be the project's).
 */
export interface ArrowResult {
  numRows: number;
  schema: { fields: readonly { name: string; type: { typeId: number; scale?: number; toString(): string } }[] };
  getChildAt(index: number): { get(index: number): unknown } | null;
}

/** Arrow's Type.Date and Type.Timestamp. */
const DATE_TYPE_IDS = new Set([8, 10]);
/** Arrow's Type.Decimal. */
const DECIMAL_TYPE_ID = 7;

/**
 * A DECIMAL as Node gives it: the nearest double to the exact decimal value. Arrow hands the
 * 128-bit unscaled integer as 32-bit words (little-endian, two's complement); DuckDB-wasm's own
 * cast to double is off by a unit in the last place for DECIMAL(38,2) sums (1406172.3900000001).
 */
export function decimalValue(words: ArrayLike<number>, scale: number): number {
  let big = 0n;
  for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]! >>> 0);
  const bits = BigInt(words.length * 32);
  if (big >> (bits - 1n)) big -= 1n << bits;
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return Number(negative ? `-${text}` : text);
}

/** Arrow result → plain rows (src/db/types.ts), at most `limit` of them. */
export function arrowRows(table: ArrowResult, limit = Infinity): SqlRow[] {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => ({
    name: f.name,
    vector: table.getChildAt(i)!,
    isDate: DATE_TYPE_IDS.has(f.type.typeId),
    decimalScale: f.type.typeId === DECIMAL_TYPE_ID ? (f.type.scale ?? 0) : null,
  }));
  const n = Math.min(table.numRows, limit);
  const rows: SqlRow[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const row: SqlRow = {};
    for (const c of columns) {
      const value = c.vector.get(r);
      row[c.name] =
        c.decimalScale !== null && value !== null && typeof value === 'object' && 'length' in value
          ? decimalValue(value as ArrayLike<number>, c.decimalScale)
          : plainValue(value, c.isDate);
    }
    rows[r] = row;
  }
  return rows;
}

function plainValue(value: unknown, isDate: boolean): SqlValue {
  if (value === null || value === undefined) return null;
  // Arrow gives dates and timestamps as epoch milliseconds; node.ts gives Date objects. Same output.
  if (isDate && (typeof value === 'number' || typeof value === 'bigint')) return toSqlValue(new Date(Number(value)));
  if (typeof value === 'object' && !(value instanceof Date)) {
    const json = (value as { toJSON?: () => unknown }).toJSON?.() ?? value;
    return JSON.stringify(json, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  }
  return toSqlValue(value);
}
