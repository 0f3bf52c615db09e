/**
 * Constant parameters written into a query's text, for statements that cannot take `?` (CREATE
 * TABLE … AS, COPY). Plain: the page stores (src/db/page-store.ts) and the publish step, which
 * runs in Node outside Vite (src/publish/indicators.ts), both use it.
 */
import { quoteLiteral } from './ddl.ts';
import type { SqlValue } from './types.ts';

/** The literal text of a constant parameter. */
function literal(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return quoteLiteral(value);
}

/** Replaces each positional `?` outside strings and comments by the next constant. */
export function bindConstants(sql: string, params: readonly SqlValue[]): string {
  let next = 0;
  const out = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\?/g, (match) => {
    if (match !== '?') return match;
    if (next >= params.length) throw new Error('More ? in the query than parameters given');
    return literal(params[next++]!);
  });
  if (next !== params.length) throw new Error(`The query takes ${next} parameters, ${params.length} given`);
  return out;
}
