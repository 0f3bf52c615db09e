/**
 * Query mode of <filter-table> (loaded only on the city-wide lists, only once a filter is set):
 * src/queries/<kind>_filtered.sql and <kind>_filtered_summary.sql run in DuckDB-wasm over the
 * whole table; the page draws 100 rows at a time; the download gathers every matching row.
 */
import { openBrowserDatabase, type BrowserDatabase } from '../db/browser.ts';
import { formatSize, type BrowserTable } from '../db/browser-support.ts';
import { toCsv } from '../lib/csv.ts';
import { positionalParams, type FilterState } from '../lib/filter-state.ts';
import { formatMoney } from '../lib/format.ts';
import { type Cell, type Labels, type ListColumn, type ListDefinition } from '../lists/define.ts';
import { LISTS } from '../lists/index.ts';
import { sqlOf } from '../queries/index.ts';
import { downloadName, downloadText, nextFrame } from './download.ts';
import type { FilterTable } from './filter-table.ts';
import { cellCsvText, rowElement } from './list-rows.ts';

export const LIST_PAGE_SIZE = 100;
const DOWNLOAD_BATCH = 20_000;
const integer = new Intl.NumberFormat('zh-CN');

export interface QueryList {
  show(state: FilterState, page?: number): Promise<void>;
  download(state: FilterState): Promise<void>;
}

function readLabels(host: FilterTable): Labels {
  return JSON.parse(host.dataset['labels'] ?? '{}') as Labels;
}

export async function createQueryList(host: FilterTable): Promise<QueryList> {
  const tables = JSON.parse(host.dataset['tables'] ?? '[]') as BrowserTable[];
  host.setNote('正在加载查询引擎…');
  const db: BrowserDatabase = await openBrowserDatabase({ tables });
  db.onProgress((p) => {
    if (p.stage === 'table')
      host.setNote(`正在下载数据表 ${p.label}:${formatSize(p.loaded)}${p.total ? ` / ${formatSize(p.total)}` : ''}…`);
  });
  const kind = host.kind;
  // The rows are this list's own rows: the definition's cells read them.
  const definition = LISTS[kind] as unknown as ListDefinition<object>;
  const rowsSql = sqlOf(definition.queries.rows);
  const summarySql = sqlOf(definition.queries.summary);
  const labels = readLabels(host);
  const asOf = host.dataset['asOf'] ?? new Date().toISOString().slice(0, 10);
  const unit = host.dataset['unit'] ?? '条';
  const tbody = host.table?.tBodies[0] ?? host.table?.createTBody();
  const pager = host.querySelector<HTMLElement>('[data-role=pager]');
  let run = 0;

  // The static table's own columns, in its order (components/ListTable.astro writes their keys),
  // so rows drawn here match the rows drawn at build time whatever columns the table shows.
  const keys = (host.table?.dataset['columns'] ?? '').split(' ').filter(Boolean);
  const columns = keys
    .map((k) => definition.columns.find((c) => c.key === k))
    .filter((c): c is ListColumn<object> => c !== undefined);
  const headers = [...(host.table?.querySelectorAll<HTMLElement>('thead th') ?? [])];
  const cellsOf = (row: object): Cell[] =>
    columns.map((c) => {
      const cell = c.cell(row, labels, asOf);
      const className = [cell.className, c.numeric ? 'num' : '', c.noPrint ? 'no-print' : ''].filter(Boolean).join(' ');
      return { ...cell, className };
    });
  const dataOf = (row: object) => definition.data(row);

  const renderPager = (state: FilterState, page: number, pages: number) => {
    if (!pager) return;
    pager.hidden = pages <= 1;
    const button = (text: string, target: number, disabled: boolean) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'pager-button rounded border border-line bg-paper px-3 py-1';
      b.textContent = text;
      b.disabled = disabled;
      b.addEventListener('click', () => void list.show(state, target));
      return b;
    };
    const where = document.createElement('span');
    where.textContent = `第 ${integer.format(page)} / ${integer.format(pages)} 页`;
    pager.replaceChildren(button('上一页', page - 1, page <= 1), where, button('下一页', page + 1, page >= pages));
  };

  const list: QueryList = {
    async show(state, page = 1) {
      const id = ++run;
      const params = positionalParams(state, host.fields);
      host.setCount('正在查询…');
      try {
        const [summary] = await db.query<{ n: number; income?: number; expenditure?: number; budget?: number }>(
          summarySql,
          params,
        );
        const total = summary?.n ?? 0;
        const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
        const current = Math.min(Math.max(1, page), pages);
        const rows = await db.query(rowsSql, [...params, LIST_PAGE_SIZE, (current - 1) * LIST_PAGE_SIZE]);
        if (id !== run) return;
        tbody?.replaceChildren(...rows.map((r) => rowElement(cellsOf(r), dataOf(r))));
        host.rows = tbody ? [...tbody.rows] : [];
        const first = total === 0 ? 0 : (current - 1) * LIST_PAGE_SIZE + 1;
        const sums =
          kind === 'projects'
            ? `,预算合计 ${formatMoney(summary?.budget ?? 0)}`
            : `,收入 ${formatMoney(summary?.income ?? 0)},支出 ${formatMoney(summary?.expenditure ?? 0)}`;
        host.setCount(`共 ${integer.format(total)} ${unit}符合条件${sums}`);
        const caption = host.table?.caption;
        if (caption)
          caption.textContent = `筛选结果:共 ${integer.format(total)} ${unit}(第 ${integer.format(current)} / ${integer.format(pages)} 页,每页 ${LIST_PAGE_SIZE} ${unit})`;
        host.setNote(
          total > 0
            ? `显示第 ${integer.format(first)}–${integer.format(first + rows.length - 1)} ${unit}(在全部数据中查询)。`
            : '没有符合条件的记录。',
        );
        renderPager(state, current, pages);
      } catch (error) {
        if (id !== run) return;
        host.setCount('');
        host.setNote(`查询失败:${error instanceof Error ? error.message : String(error)}`);
      }
    },

    async download(state) {
      const params = positionalParams(state, host.fields);
      const [summary] = await db.query<{ n: number }>(summarySql, params);
      const total = summary?.n ?? 0;
      const header = headers.map((th) => th.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      const lines: string[][] = [];
      for (let offset = 0; offset < total; offset += DOWNLOAD_BATCH) {
        const rows = await db.query(rowsSql, [...params, DOWNLOAD_BATCH, offset]);
        for (const r of rows) lines.push(cellsOf(r).map(cellCsvText));
        host.setNote(`正在准备下载:${integer.format(lines.length)} / ${integer.format(total)} ${unit}…`);
        await nextFrame();
      }
      downloadText(
        downloadName(host.dataset['download'] ?? kind, 'csv'),
        toCsv(header, lines),
        'text/csv;charset=utf-8',
      );
      host.setNote(`已下载 ${integer.format(lines.length)} ${unit}。`);
    },
  };
  return list;
}
