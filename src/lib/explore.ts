/**
 * The SQL console (/explore/), pure parts shared by the build (example results rendered into the
 * page) and the browser (src/client/explore.ts): the example questions, the address that
 * reproduces a query, how a value is written in a result cell, and which results make a chart.
 * No import of src/schema here: this module goes into the browser bundle.
 */
import type { SqlRow, SqlValue } from '../db/types.ts';

/** Example queries are src/queries/example_*.sql; their first comment line is the question. */
export const EXAMPLE_PREFIX = 'example_';

/** The order in which the examples are shown (others follow by name). */
export const EXAMPLE_ORDER = [
  'example_money_by_source_street',
  'example_income_by_year_source',
  'example_not_continued_projects',
  'example_satisfaction_vs_spending',
  'example_organizations_by_money',
  'example_government_dependence',
  'example_volunteers_by_mechanism',
] as const;

export interface ExampleQuery {
  name: string;
  /** The question, in Chinese (first comment line). */
  question: string;
  /** What the query counts and how (the other comment lines before the SQL). */
  note: string;
  sql: string;
}

/** The leading `--` comment lines: the first is the question, the rest the note. */
export function parseQueryHeader(sql: string): { question: string; note: string } {
  const lines: string[] = [];
  for (const line of sql.split(/\r?\n/)) {
    const m = /^\s*--\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1]!.trim());
  }
  return { question: lines[0] ?? '', note: lines.slice(1).join('') };
}

export function exampleQueries(queries: Readonly<Record<string, string>>): ExampleQuery[] {
  const rank = (name: string) => {
    const i = (EXAMPLE_ORDER as readonly string[]).indexOf(name);
    return i === -1 ? EXAMPLE_ORDER.length : i;
  };
  return Object.keys(queries)
    .filter((name) => name.startsWith(EXAMPLE_PREFIX))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => ({ name, ...parseQueryHeader(queries[name]!), sql: queries[name]!.trim() }));
}

/** `/explore/?sql=…`: the address that runs this query when opened. */
export function exploreUrl(sql: string, base = '/explore/'): string {
  const params = new URLSearchParams({ sql: sql.trim() });
  return `${base}?${params.toString()}`;
}

/** The query in an address's search part, or null. */
export function sqlFromSearch(search: string): string | null {
  const sql = new URLSearchParams(search).get('sql');
  return sql && sql.trim() ? sql : null;
}

/** How a result value is written in a cell, on the page and in the browser alike. */
export function cellText(value: SqlValue | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL|Int|Uint|Float|Decimal)/i;

/** Numbers are right-aligned and can be charted. */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type);
}

export interface ResultColumn {
  name: string;
  type: string;
}

export type ChartShape =
  | { kind: 'bar'; category: string; value: string; series: string | null }
  | { kind: 'dot'; x: string; y: string; label: string | null };

/** Charts only small results: more bars than this are not readable. */
export const CHART_MAX_CATEGORIES = 40;

/**
 * Whether a result has a shape worth a quick chart. A category (text) and a number → bars; a
 * second text column, or a year, colours them (stacked). Too many categories, or no text at all,
 * and two numbers → dots (the first two numbers). Otherwise none. The reader can change the axes.
 */
export function chartShape(columns: readonly ResultColumn[], rows: readonly SqlRow[]): ChartShape | null {
  if (rows.length === 0) return null;
  const numeric = columns.filter((c) => isNumericType(c.type));
  const text = columns.filter((c) => !isNumericType(c.type) && /^(VARCHAR|Utf8|Dictionary)/i.test(c.type));
  // Codes and years are categories, not measures.
  const isKey = (name: string) => /(^|_)(year|code|id)$/i.test(name);
  const measures = numeric.filter((c) => !isKey(c.name));
  if (measures.length === 0) return null;
  const distinct = (name: string) => new Set(rows.map((r) => r[name])).size;
  if (text.length >= 1) {
    // The most varied of the first two text columns is the axis; the other (or a year) the colour.
    const [a, b] = text;
    let category = a!.name;
    let series: string | null = b ? b.name : (numeric.find((c) => /(^|_)year$/i.test(c.name))?.name ?? null);
    if (b && distinct(b.name) > distinct(a!.name)) [category, series] = [b.name, a!.name];
    if (series && distinct(series) > 12) series = null;
    if (distinct(category) <= CHART_MAX_CATEGORIES) return { kind: 'bar', category, value: measures[0]!.name, series };
    if (measures.length >= 2) return { kind: 'dot', x: measures[0]!.name, y: measures[1]!.name, label: category };
    return null;
  }
  if (measures.length >= 2) return { kind: 'dot', x: measures[0]!.name, y: measures[1]!.name, label: null };
  return null;
}

/** The rows of a result as JSON text for download (plain values, as on the page). */
export function rowsToJson(rows: readonly SqlRow[]): string {
  return JSON.stringify(rows, null, 1);
}
