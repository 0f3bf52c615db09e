import type { SqlValue } from './types.ts';

/** Brings a value from either engine to the shared row shape (see types.ts). */
export function toSqlValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return Number(value);
    default:
      break;
  }
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

/** DuckDB DATE values arrive as UTC midnight; format without a time zone shift. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
