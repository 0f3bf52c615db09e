/**
 * One query interface, two sides (as in Evidence): `node.ts` runs SQL with @duckdb/node-api at
 * build time, `browser.ts` runs the same SQL with DuckDB-wasm in a worker. Both return plain,
 * JSON-serializable rows: numbers (never bigint), strings, booleans, null; DATE columns as
 * `YYYY-MM-DD` strings so that a row looks the same on both sides.
 */
export type SqlValue = string | number | boolean | null;
export type SqlRow = Record<string, SqlValue>;

export interface QueryEngine {
  /** Runs one statement with positional `?` parameters and returns every row. */
  query<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  close(): Promise<void>;
}
