/**
 * Live filters (<filter-table>): on a community page the filters work on the rows in the page,
 * without DuckDB; the address keeps them (reload → same rows); the CSV download holds exactly the
 * rows on screen. On /transactions/ the filters query the whole table with DuckDB-wasm.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  DESKTOP,
  launchChromium,
  PHONE,
  serveStatic,
  trackedContext,
  type StaticServer,
} from './harness.ts';
import { firstPage } from './site-pages.ts';
import { openPublishedDatabase } from './published-db.ts';
import type { NodeDatabase } from '../../src/db/node.ts';
import { parseCsv, UTF8_BOM } from '../../src/lib/csv.ts';
import { positionalParams, FILTER_FIELDS } from '../../src/lib/filter-state.ts';
import { sqlOf } from '../../src/queries/index.ts';

let server: StaticServer;
let browser: Browser;
let node: NodeDatabase;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  node = await openPublishedDatabase();
});

afterAll(async () => {
  await node?.close();
  await browser?.close();
  await server?.close();
});

/** Visible rows of a filter-table, as the cells read on screen. */
function visibleRows(page: Page, list: string): Promise<string[][]> {
  return page
    .locator(`${list} tbody tr:not([hidden])`)
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...(tr as HTMLTableRowElement).cells].map((td) =>
          (td.innerText || td.textContent || '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

async function downloadCsv(page: Page, list: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`${list} [data-action=download]`).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

describe('a community page', () => {
  it('filters its projects without DuckDB, keeps the filter in the address and downloads what it shows', async () => {
    const path = firstPage('communities');
    expect(path).not.toBeNull();
    const { context, foreignRequests, requests } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    const list = '#projects filter-table';
    await page.locator(`${list} summary`).click();
    const all = await visibleRows(page, list);
    const statuses = await page
      .locator(`${list} tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['status']!));
    // Filter by the most common status, so that some rows stay and (usually) some go.
    const counts = new Map<string, number>();
    for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
    const [status, expected] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    await page.locator(`${list} select[name=status]`).selectOption(status);
    await expect.poll(async () => (await visibleRows(page, list)).length).toBe(expected);
    expect(await page.locator(`${list} [data-role=count]`).textContent()).toBe(
      `显示 ${expected} / ${all.length} 个项目`,
    );
    expect(new URL(page.url()).searchParams.get('p.status')).toBe(status);
    const shown = await visibleRows(page, list);

    // Reload: the same rows.
    await page.reload();
    await expect.poll(() => visibleRows(page, list)).toEqual(shown);
    expect(await page.locator(`${list} select[name=status]`).inputValue()).toBe(status);

    // The download is exactly the rows on screen, with the table's header, as CSV with BOM.
    const csv = await downloadCsv(page, list);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    const screenHeader = await page
      .locator(`${list} thead th`)
      .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(header).toEqual(screenHeader);
    expect(rows).toEqual(shown);

    // A community page never loads the query engine or the data files.
    expect(requests.filter((u) => /duckdb|\.wasm|\.arrow/.test(u))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('filters its transactions by amount, both bounds inclusive', async () => {
    const path = firstPage('communities');
    const { context } = await trackedContext(browser, server.origin, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    const list = '#funds filter-table';
    const amounts = await page
      .locator(`${list} tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset['amount'])));
    const sorted = [...amounts].sort((a, b) => a - b);
    const min = sorted[Math.floor(sorted.length / 4)]!;
    const max = sorted[Math.floor((sorted.length * 3) / 4)]!;
    await page.goto(`${server.origin}${path}?t.min=${min}&t.max=${max}`);
    const expected = amounts.filter((a) => a >= min && a <= max).length;
    await expect.poll(async () => (await visibleRows(page, list)).length).toBe(expected);
    expect(await page.locator(`${list} input[name=min]`).inputValue()).toBe(String(min));
    await context.close();
  });
});

describe('the city-wide transaction list', () => {
  it('shows its newest rows without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/transactions/`);
    expect(await page.locator('filter-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('filter-table form').isHidden()).toBe(true);
    await context.close();
  });

  it('queries all transactions in the browser, keeps the filters in the address and downloads them all', async () => {
    const { context, foreignRequests } = await trackedContext(browser, server.origin, DESKTOP);
    const page = await context.newPage();
    const year = (await node.query<{ y: number }>(`SELECT CAST(max(year(date)) AS INTEGER) AS y FROM transactions`))[0]!
      .y;
    await page.goto(`${server.origin}/transactions/?type=income&year=${year}`);
    const state = { type: 'income', year: String(year) };
    const [{ n }] = await node.query<{ n: number }>(
      sqlOf('transactions_filtered_summary'),
      positionalParams(state, FILTER_FIELDS.transactions),
    );
    const count = page.locator('filter-table [data-role=count]');
    await expect
      .poll(() => count.textContent(), { timeout: 90_000 })
      .toContain(`共 ${n.toLocaleString('zh-CN')} 笔流水符合条件`);
    const rows = await visibleRows(page, 'filter-table');
    expect(rows.length).toBe(Math.min(n, 100));
    const data = await page
      .locator('filter-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => `${(tr as HTMLElement).dataset['type']}:${(tr as HTMLElement).dataset['year']}`),
      );
    expect(new Set(data)).toEqual(new Set([`income:${year}`]));

    // Reload: same first page.
    await page.reload();
    await expect.poll(() => count.textContent(), { timeout: 90_000 }).toContain(`共 ${n.toLocaleString('zh-CN')} 笔`);
    await expect.poll(() => visibleRows(page, 'filter-table')).toEqual(rows);

    // The download holds every matching transaction, the first 100 as on screen.
    const csv = parseCsv(await downloadCsv(page, 'filter-table'));
    expect(csv.length - 1).toBe(n);
    expect(csv.slice(1, rows.length + 1)).toEqual(rows);
    expect(await axeViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
