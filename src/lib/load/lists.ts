/**
 * /projects/, /transactions/ and their static pages /…/page/<n>/: totals from small grouped
 * queries, and the rows of one page from the list's page store, written once in list order (so
 * page 400 costs what page 2 costs).
 */
import { runQuery } from '../../db/build-database.ts';
import { PROJECT_STATUS } from '../../schema/index.ts';
import { loadBrowserTables } from '../browser-tables.ts';
import {
  continuationPaths,
  LIST_FIRST_PAGE,
  LIST_FULL_LIMIT,
  listPageCount,
  sourceTotals,
  yearTotals,
  type CodeTotal,
  type ListContinuation,
  type ProjectsList,
  type TransactionsList,
} from '../lists-page.ts';
import { loadAsOf } from '../release.ts';
import type { ProjectRow, TransactionRow } from '../rows.ts';
import { cityWidePaths } from './paths.ts';
import { projectListStore, transactionListStore } from './stores.ts';
import { loadTotals } from './totals.ts';
import { compareChinese } from '../format.ts';

/** The rows of pages 1…n of a list store: the first page, or the whole list when it fits one page. */
async function firstRows<R>(store: { get(key: string): Promise<{ rows: R[] }> }, total: number): Promise<R[]> {
  const pages = total <= LIST_FULL_LIMIT ? Math.max(1, Math.ceil(total / LIST_FIRST_PAGE)) : 1;
  const rows: R[] = [];
  for (let page = 1; page <= pages; page++) rows.push(...(await store.get(String(page))).rows);
  return rows;
}

export async function loadProjectsList(): Promise<ProjectsList> {
  const { projects: total } = await loadTotals();
  const byStatus = new Map((await runQuery('projects_by_status')).map((r) => [r.status, r]));
  const operators = (await runQuery('project_operators')).map((o): [string, string] => [o.org_id, o.name]);
  const full = total <= LIST_FULL_LIMIT;
  return {
    rows: await firstRows<ProjectRow>(projectListStore, total),
    total,
    query: full ? undefined : { tables: await loadBrowserTables(), total },
    years: (await runQuery('project_years')).map((y) => y.year),
    asOf: await loadAsOf(),
    byStatus: PROJECT_STATUS.codes.flatMap((code): CodeTotal[] => {
      const s = byStatus.get(code);
      return s ? [{ code, amount: s.budget, count: s.projects }] : [];
    }),
    operators: operators.sort((a, b) => compareChinese(a[1], b[1])),
  };
}

export async function loadTransactionsList(): Promise<TransactionsList> {
  const { transactions: total } = await loadTotals();
  const money = await runQuery('city_money');
  const byYear = yearTotals(money);
  const full = total <= LIST_FULL_LIMIT;
  return {
    rows: await firstRows<TransactionRow>(transactionListStore, total),
    total,
    query: full ? undefined : { tables: await loadBrowserTables(), total },
    years: byYear.map((y) => y.year).sort((a, b) => b - a),
    asOf: await loadAsOf(),
    byYear,
    bySource: sourceTotals(money),
  };
}

export async function projectPagePaths(): Promise<{ params: { page: string } }[]> {
  return cityWidePaths(continuationPaths((await loadTotals()).projects));
}

export async function transactionPagePaths(): Promise<{ params: { page: string } }[]> {
  return cityWidePaths(continuationPaths((await loadTotals()).transactions));
}

export async function projectListPage(page: number): Promise<ListContinuation<ProjectRow>> {
  const { projects: total } = await loadTotals();
  const { rows } = await projectListStore.get(String(page));
  return { rows, page, pages: listPageCount(total), total, asOf: await loadAsOf() };
}

export async function transactionListPage(page: number): Promise<ListContinuation<TransactionRow>> {
  const { transactions: total } = await loadTotals();
  const { rows } = await transactionListStore.get(String(page));
  return { rows, page, pages: listPageCount(total), total, asOf: await loadAsOf() };
}
