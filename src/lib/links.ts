/**
 * Links that reproduce what a page shows: /explore/?sql=… opens the SQL console with one of
 * src/queries/*.sql, its `?` parameters written in as literals so the link stands alone.
 */
import { sqlOf } from '../queries/index.ts';

type Literal = string | number;

function literal(value: Literal): string {
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

/** Replaces each positional `?` (outside quotes and comments) by the next value, as a SQL literal. */
export function inlineParams(sql: string, params: readonly Literal[]): string {
  let i = 0;
  let out = '';
  let quoted = false;
  let comment = false;
  for (const ch of sql) {
    if (comment) {
      if (ch === '\n') comment = false;
      out += ch;
    } else if (quoted) {
      if (ch === "'") quoted = false;
      out += ch;
    } else if (ch === "'") {
      quoted = true;
      out += ch;
    } else if (ch === '-' && out.endsWith('-')) {
      comment = true;
      out += ch;
    } else if (ch === '?') {
      if (i >= params.length) throw new Error('inlineParams: more ? than parameters');
      out += literal(params[i++]!);
    } else out += ch;
  }
  if (i !== params.length) throw new Error('inlineParams: more parameters than ?');
  return out;
}

export function exploreHref(sql: string): string {
  return `/explore/?sql=${encodeURIComponent(sql.trim())}`;
}

/** /explore/ link running src/queries/<name>.sql with these parameters. */
export function exploreQueryHref(name: string, params: readonly Literal[] = []): string {
  return exploreHref(inlineParams(sqlOf(name), params));
}
