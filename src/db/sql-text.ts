/**
 * SQL text handling for the browser console (pure, unit-tested): splitting code from strings and
 * comments, finding the standard's tables a query mentions, wrapping a query so that its result
 * stays in the worker and is read one page at a time, and tidying DuckDB's error messages.
 */
import { quoteIdent } from './ddl.ts';
import type { SqlRow, SqlValue } from './types.ts';

export interface SqlSegment {
  kind: 'code' | 'string' | 'identifier' | 'comment';
  text: string;
}

/** Splits SQL into code, '…' strings, "…" identifiers, -- and /* *\/ comments. */
export function segments(sql: string): SqlSegment[] {
  const out: SqlSegment[] = [];
  let i = 0;
  let code = '';
  const flush = () => {
    if (code) out.push({ kind: 'code', text: code });
    code = '';
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      flush();
      out.push({ kind: 'comment', text: sql.slice(i, stop) });
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      flush();
      out.push({ kind: 'comment', text: sql.slice(i, stop) });
      i = stop;
    } else if (ch === "'" || ch === '"') {
      // A doubled quote inside is an escaped quote.
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      flush();
      out.push({ kind: ch === "'" ? 'string' : 'identifier', text: sql.slice(i, j + 1) });
      i = j + 1;
    } else {
      code += ch;
      i++;
    }
  }
  flush();
  return out;
}

/** The known tables named in the query (as bare or quoted identifiers), in the order given. */
export function tablesMentioned(sql: string, known: readonly string[]): string[] {
  const words = new Set<string>();
  for (const s of segments(sql)) {
    if (s.kind === 'code') for (const w of s.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) words.add(w.toLowerCase());
    else if (s.kind === 'identifier') words.add(s.text.slice(1, -1).replaceAll('""', '"').toLowerCase());
  }
  return known.filter((name) => words.has(name.toLowerCase()));
}

/** Removes trailing semicolons (and the whitespace around them); comments are kept. */
export function trimStatement(sql: string): string {
  const parts = segments(sql);
  for (let k = parts.length - 1; k >= 0; k--) {
    const part = parts[k]!;
    if (part.kind === 'comment') continue;
    if (part.kind !== 'code') break;
    if (part.text.trim() === '') continue;
    const trimmed = part.text.replace(/[\s;]*;[\s;]*$/, ' ');
    if (trimmed === part.text) break;
    part.text = trimmed;
    if (trimmed !== '') break;
  }
  return parts
    .map((p) => p.text)
    .join('')
    .trim();
}

/** True when the text holds more than one statement (a `;` in code, after trimming the end). */
export function hasSeveralStatements(sql: string): boolean {
  return segments(trimStatement(sql)).some((s) => s.kind === 'code' && s.text.includes(';'));
}

/** True when the text holds nothing but whitespace and comments. */
export function isBlank(sql: string): boolean {
  return segments(sql).every((s) => s.kind === 'comment' || (s.kind === 'code' && s.text.trim() === ''));
}

/**
 * Keeps a query's whole result in the worker as a temporary table, so that the page reads only
 * the rows it shows. Works for SELECT, WITH, FROM-first, VALUES, PIVOT…; for other statements
 * (DESCRIBE, SHOW, PRAGMA, SET…) DuckDB refuses it and the console runs the text as it is.
 * The newline before the end keeps a trailing `--` comment from swallowing anything.
 */
export function materializeSql(resultTable: string, sql: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdent(resultTable)} AS\n${trimStatement(sql)}\n`;
}

export interface PageRequest {
  offset: number;
  limit: number;
  /** Sort by this column; null keeps the query's own order. */
  sort: { column: string; descending: boolean } | null;
}

/**
 * One page of a materialized result. In the query's own order, the rows of a table made by
 * CREATE TABLE AS are numbered 0…n-1 in that order (rowid), so a page is a range scan, not a sort;
 * a sorted page uses rowid to break ties, so paging is stable. When the result has a column of its
 * own named rowid, that name no longer means the row number: plain LIMIT/OFFSET then.
 */
export function pageSql(resultTable: string, page: PageRequest, columns: readonly string[] = []): string {
  const table = quoteIdent(resultTable);
  const limit = Math.max(0, Math.floor(page.limit));
  const offset = Math.max(0, Math.floor(page.offset));
  const rowid = !columns.some((c) => c.toLowerCase() === 'rowid');
  if (!page.sort) {
    return rowid
      ? `SELECT * FROM ${table} WHERE rowid >= ${offset} AND rowid < ${offset + limit} ORDER BY rowid`
      : `SELECT * FROM ${table} LIMIT ${limit} OFFSET ${offset}`;
  }
  const direction = page.sort.descending ? 'DESC' : 'ASC';
  const tieBreak = rowid ? ', rowid' : '';
  return `SELECT * FROM ${table} ORDER BY ${quoteIdent(page.sort.column)} ${direction} NULLS LAST${tieBreak} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * DuckDB's own message, tidied: DuckDB-wasm sometimes wraps it in JSON
 * ({"exception_type":"Parser","exception_message":…}) and repeats the `LINE n:` pointer.
 */
export function cleanErrorMessage(raw: unknown): string {
  let message = raw instanceof Error ? raw.message : String(raw);
  const json = /^\s*\{.*"exception_message".*\}\s*$/s.test(message) ? safeJson(message) : null;
  if (json && typeof json['exception_message'] === 'string') {
    const type = typeof json['exception_type'] === 'string' ? `${json['exception_type']} Error: ` : '';
    message = `${type}${json['exception_message']}`;
  }
  // "…\n\nLINE 1: x\n   ^\n\nLINE 1: x\n   ^" → one pointer.
  const blocks = message.split(/\n\n(?=LINE \d+:)/);
  const unique = blocks.filter((b, i) => i === 0 || b.trim() !== blocks[i - 1]!.trim());
  return unique.join('\n\n').trim();
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `Catalog Error: Table with name transactions does not exist!` → `transactions`. */
export function missingTable(message: string): string | null {
  const m = /Table with name "?([A-Za-z_][A-Za-z0-9_]*)"? does not exist/i.exec(message);
  return m ? m[1]!.toLowerCase() : null;
}

/** Splits on `;` outside strings and comments; empty statements dropped. */
export function splitStatements(text: string): string[] {
  if (!hasSeveralStatements(text)) return [trimStatement(text)];
  const out: string[] = [];
  let current = '';
  for (const s of segments(text)) {
    if (s.kind !== 'code') {
      current += s.text;
      continue;
    }
    const pieces = s.text.split(';');
    for (let i = 0; i < pieces.length; i++) {
      current += pieces[i];
      if (i < pieces.length - 1) {
        if (!isBlank(current)) out.push(trimStatement(current));
        current = '';
      }
    }
  }
  if (!isBlank(current)) out.push(trimStatement(current));
  return out.length ? out : [trimStatement(text)];
}

/** Sorting and paging of rows held in memory (results that could not stay in the worker). */
export function sliceRows(rows: readonly SqlRow[], request: PageRequest): SqlRow[] {
  let ordered = rows;
  if (request.sort) {
    const { column, descending } = request.sort;
    ordered = rows
      .map((row, index) => ({ row, index }))
      .sort((a, b) => compareValues(a.row[column] ?? null, b.row[column] ?? null, descending) || a.index - b.index)
      .map((x) => x.row);
  }
  return ordered.slice(request.offset, request.offset + request.limit);
}

/** Nulls last in both directions, as DuckDB's NULLS LAST. */
export function compareValues(a: SqlValue, b: SqlValue, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c =
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return descending ? -c : c;
}
