/**
 * The city-wide lists /projects/ and /transactions/, pure parts: summaries, and how a long list is
 * cut into static pages. Above LIST_FULL_LIMIT rows a list carries only its newest LIST_FIRST_PAGE
 * rows; its filters then query the whole table with DuckDB-wasm, and the downloads hold
 * everything. The rows come from src/lib/load/lists.ts.
 */
import type { BrowserTable } from '../db/browser-support.ts';
import { FUND_SOURCE } from '../schema/index.ts';
import { LIST_FULL_LIMIT, LIST_PAGE_SIZE } from './limits.ts';
import { sumYuan, type MoneyRow } from './money.ts';
import type { ProjectRow, TransactionRow } from './rows.ts';

export { LIST_FULL_LIMIT };
/** Longer lists show this many newest rows a page. */
export const LIST_FIRST_PAGE = LIST_PAGE_SIZE;

export interface YearTotal {
  year: number;
  incomeCount: number;
  income: number;
  expenditureCount: number;
  expenditure: number;
}

/** Income and expenditure per year (rows of street_money.sql or community_money.sql). */
export function yearTotals(rows: readonly MoneyRow[]): YearTotal[] {
  const byYear = new Map<number, MoneyRow[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const rs = byYear.get(year)!;
      const of = (type: MoneyRow['type']) => rs.filter((r) => r.type === type);
      return {
        year,
        incomeCount: of('income').reduce((n, r) => n + r.transactions, 0),
        income: sumYuan(of('income').map((r) => r.amount)),
        expenditureCount: of('expenditure').reduce((n, r) => n + r.transactions, 0),
        expenditure: sumYuan(of('expenditure').map((r) => r.amount)),
      };
    });
}

export interface CodeTotal {
  code: string;
  amount: number;
  count: number;
}

/** Income by fund source over all years, in the standard's order, sources present only. */
export function sourceTotals(rows: readonly MoneyRow[]): CodeTotal[] {
  const income = rows.filter((r) => r.type === 'income');
  return (FUND_SOURCE.codes as readonly string[])
    .map((code) => {
      const rs = income.filter((r) => r.code === code);
      return { code, amount: sumYuan(rs.map((r) => r.amount)), count: rs.reduce((n, r) => n + r.transactions, 0) };
    })
    .filter((t) => t.count > 0);
}

export interface ListPage<Row> {
  rows: Row[];
  total: number;
  /** Set when `rows` is only the first page: the browser queries the rest. */
  query: { tables: BrowserTable[]; total: number } | undefined;
  years: number[];
  asOf: string;
}

export interface ProjectsList extends ListPage<ProjectRow> {
  byStatus: CodeTotal[];
  operators: [string, string][];
}

export interface TransactionsList extends ListPage<TransactionRow> {
  byYear: YearTotal[];
  bySource: CodeTotal[];
}

// ---------------------------------------------------------------------------------------------
// Static pages after the first: without JavaScript every row of a long list stays readable,
// LIST_FIRST_PAGE rows a page, newest first, at /projects/page/<n>/ and /transactions/page/<n>/.

/** How many static pages a list of `total` rows has (1 when the list fits one page). */
export function listPageCount(total: number): number {
  return total <= LIST_FULL_LIMIT ? 1 : Math.ceil(total / LIST_FIRST_PAGE);
}

/** The address of page `page` of the list at `base` (page 1 is the list itself). */
export function listPageHref(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

export interface ListContinuation<Row> {
  rows: Row[];
  page: number;
  pages: number;
  total: number;
  asOf: string;
}

/** The route parameters of a list's static pages after the first. */
export function continuationPaths(total: number): { params: { page: string } }[] {
  const pages = listPageCount(total);
  return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => ({ params: { page: String(i + 2) } }));
}
