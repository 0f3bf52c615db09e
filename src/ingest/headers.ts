/**
 * Header cells → field names (data standard §1): the English field name or the Chinese label, in
 * any column order, tolerating surrounding spaces and full-width punctuation (`（）` for `()`).
 */
import type { TableDef } from '../schema/index.ts';
import type { Issue } from '../validate/issues.ts';

/** Where a field's column is in the file, and its header as the publisher wrote it. */
export interface HeaderColumn {
  /** The header cell as written (trimmed). */
  header: string;
  /** 0-based column index in the file (in a workbook: the sheet column number − 1). */
  index: number;
}

export interface HeaderMapping {
  /** Field name → its column. Only fields present in the file. */
  headers: Record<string, HeaderColumn>;
  /** Column index → field name, or null for an unknown, duplicate or empty header. */
  columns: (string | null)[];
  issues: Issue[];
}

/**
 * A canonical form for comparing names and labels: NFKC (full-width → half-width), every middle-dot
 * look-alike as `·`, no whitespace or byte-order mark, lower case.
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\uFEFF\u200B]+/g, '')
    .replace(/[・•‧∙⋅･]/g, '·')
    .toLowerCase();
}

const lookups = new WeakMap<TableDef, Map<string, string>>();

function lookup(table: TableDef): Map<string, string> {
  let m = lookups.get(table);
  if (!m) {
    m = new Map();
    for (const [name, def] of Object.entries(table.fields)) {
      m.set(normalizeName(name), name);
      m.set(normalizeName(def.label), name);
    }
    lookups.set(table, m);
  }
  return m;
}

/** The field a header cell names, or undefined. */
export function fieldForHeader(table: TableDef, header: string): string | undefined {
  return lookup(table).get(normalizeName(header));
}

/** `社区代码(community_id)`: how a field is named in messages. */
export function fieldTitle(table: TableDef, field: string): string {
  const def = table.fields[field];
  return def ? `${def.label}(${field})` : field;
}

export function mapHeaders(table: TableDef, cells: readonly (string | null)[], file: string, row = 1): HeaderMapping {
  const headers: Record<string, HeaderColumn> = {};
  const columns: (string | null)[] = [];
  const issues: Issue[] = [];
  cells.forEach((cell, index) => {
    const header = (cell ?? '').trim();
    columns.push(null);
    if (header === '') return;
    const field = fieldForHeader(table, header);
    if (field === undefined) {
      issues.push({
        severity: 'warning',
        file,
        row,
        column: header,
        rule: 'unknown-column',
        message: `未知的列「${header}」:标准的${table.label}表中没有这一列,它不会被发布`,
      });
      return;
    }
    const seen = headers[field];
    if (seen !== undefined) {
      issues.push({
        severity: 'error',
        file,
        row,
        column: header,
        field,
        rule: 'duplicate-column',
        message: `重复的列:「${header}」和第 ${seen.index + 1} 列「${seen.header}」都是 ${fieldTitle(table, field)}`,
      });
      return;
    }
    headers[field] = { header, index };
    columns[index] = field;
  });
  for (const [field, def] of Object.entries(table.fields)) {
    if (def.required && headers[field] === undefined) {
      issues.push({
        severity: 'error',
        file,
        row,
        field,
        rule: 'missing-column',
        message: `缺少必填列 ${fieldTitle(table, field)}:表头可以写「${def.label}」或「${field}」`,
      });
    }
  }
  return { headers, columns, issues };
}
