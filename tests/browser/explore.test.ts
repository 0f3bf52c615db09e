/**
 * /explore/ (issue "Explore in the browser"): the example questions give in the browser
 * (DuckDB-wasm) exactly what the same SQL gives in Node over the published data; a shared
 * /explore/?sql= link runs its query; a syntax error shows DuckDB's message; a million-row result
 * shows one page; downloads hold the result; nothing is requested from another host.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  launchChromium,
  DESKTOP,
  PHONE,
  serveStatic,
  trackedContext,
  type StaticServer,
  type TrackedContext,
} from './harness.ts';
import { normalizeRows, openPublishedDatabase } from './published-db.ts';
import type { NodeDatabase } from '../../src/db/node.ts';
import type { SqlRow } from '../../src/db/types.ts';
import { QUERIES } from '../../src/queries/index.ts';
import { cellText, exampleQueries, exploreUrl } from '../../src/lib/explore.ts';
import { parseCsv, UTF8_BOM } from '../../src/lib/csv.ts';

let server: StaticServer;
let browser: Browser;
let node: NodeDatabase;
let tracked: TrackedContext;
let page: Page;

const RESULT = '[data-role=result]:not([hidden])';

async function waitForResult(p: Page): Promise<void> {
  await p.waitForFunction(
    () => {
      const el = document.querySelector('sql-explorer');
      return (
        el &&
        !el.hasAttribute('aria-busy') &&
        (document.querySelector('[data-role=result]:not([hidden])') ||
          document.querySelector('[data-role=error]:not([hidden])'))
      );
    },
    null,
    { timeout: 90_000 },
  );
}

async function download(p: Page, action: 'csv' | 'json'): Promise<string> {
  const [file] = await Promise.all([p.waitForEvent('download'), p.click(`[data-action=${action}]`)]);
  return readFile((await file.path())!, 'utf8');
}

/** The result table on screen: header names and cell texts. */
async function screenTable(p: Page): Promise<{ header: string[]; rows: string[][] }> {
  return p.evaluate(() => {
    const table = document.querySelector('[data-role=table]')!;
    const header = [...table.querySelectorAll('thead th')].map(
      (th) => th.querySelector('button')?.firstChild?.textContent ?? '',
    );
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    );
    return { header, rows };
  });
}

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  node = await openPublishedDatabase();
  tracked = await trackedContext(browser, server.origin, DESKTOP);
  page = await tracked.context.newPage();
});

afterAll(async () => {
  await node?.close();
  await browser?.close();
  await server?.close();
});

describe('example questions', () => {
  const examples = exampleQueries(QUERIES);

  it('are on the page with their answers computed at build time', async () => {
    await page.goto(`${server.origin}/explore/`);
    for (const example of examples) {
      const article = page.locator(`[data-example="${example.name}"]`);
      await expect.poll(() => article.locator('h3').textContent()).toBe(example.question);
      const expected = await node.query<SqlRow>(example.sql);
      expect(Number(await article.getAttribute('data-row-count'))).toBe(expected.length);
      const firstRow = await article.locator('tbody tr').first().locator('td').allTextContents();
      if (expected.length) expect(firstRow).toEqual(Object.values(expected[0]!).map(cellText));
    }
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    '%s gives in the browser what it gives in Node',
    async (_name, example) => {
      // Run from the example's own link, as a reader does; the engine stays loaded between examples.
      await page.goto(`${server.origin}/explore/`);
      await page.locator(`[data-example="${example.name}"] a[data-run-sql]`).click();
      await waitForResult(page);
      expect(await page.locator('[data-role=error]').isHidden()).toBe(true);
      // The address now reproduces the query.
      expect(new URL(page.url()).searchParams.get('sql')).toBe(example.sql);

      const expected = await node.query<SqlRow>(example.sql);
      const json = JSON.parse(await download(page, 'json')) as SqlRow[];
      expect(normalizeRows(json)).toEqual(normalizeRows(expected));

      const screen = await screenTable(page);
      expect(screen.header).toEqual(Object.keys(expected[0] ?? {}));
      expect(screen.rows).toEqual(normalizeRows(expected.slice(0, 100)).map((r) => Object.values(r).map(cellText)));
    },
  );
});

describe('a shared link', () => {
  it('runs its query when opened, and the CSV download holds the same rows', async () => {
    const sql = `SELECT type, count(*) AS n, sum(amount) AS total FROM transactions GROUP BY type ORDER BY type`;
    const fresh = await tracked.context.newPage();
    await fresh.goto(`${server.origin}${exploreUrl(sql)}`);
    await waitForResult(fresh);
    expect(await fresh.locator('textarea').inputValue()).toBe(sql);
    const expected = normalizeRows(await node.query<SqlRow>(sql));
    const screen = await screenTable(fresh);
    expect(screen.rows).toEqual(expected.map((r) => Object.values(r).map(cellText)));

    const csv = await download(fresh, 'csv');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toContain('\r\n');
    expect(parseCsv(csv)).toEqual([screen.header, ...screen.rows]);
    await fresh.close();
  });
});

describe('accessibility', () => {
  it('a result with its chart has no serious or critical axe violation, on a phone too', async () => {
    const { context } = await trackedContext(browser, server.origin, PHONE);
    const p = await context.newPage();
    await p.goto(
      `${server.origin}${exploreUrl('SELECT type, source, count(*) AS n FROM transactions GROUP BY ALL ORDER BY ALL')}`,
    );
    await waitForResult(p);
    await p.locator('[data-role=chart] svg[role=img]').first().waitFor();
    expect(await axeViolations(p)).toEqual([]);
    await context.close();
  });
});

describe('errors', () => {
  it('show DuckDB’s own message next to the query', async () => {
    await page.goto(`${server.origin}${exploreUrl('SELEC * FORM transactions')}`);
    await waitForResult(page);
    const error = page.locator('[data-role=error]');
    expect(await error.isVisible()).toBe(true);
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Parser Error');
    expect(text).toContain('syntax error at or near "SELEC"');
    expect(await page.locator(RESULT).count()).toBe(0);
  });

  it('refuse to fetch from another host, even when a link asks for it', async () => {
    await page.goto(`${server.origin}${exploreUrl(`SELECT * FROM read_csv('http://example.invalid/x.csv')`)}`);
    await waitForResult(page);
    expect(await page.locator('[data-role=error]').textContent()).toMatch(/Permission Error|disabled/);
  });
});

describe('a browser that cannot run the engine', () => {
  it('says so in Chinese, and the examples and their answers stay readable', async () => {
    const { context } = await trackedContext(browser, server.origin, DESKTOP);
    const p = await context.newPage();
    await p.addInitScript(() => {
      // An old browser: no WebAssembly at all.
      delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
    });
    await p.goto(`${server.origin}${exploreUrl('SELECT 1')}`);
    await waitForResult(p);
    const error = p.locator('[data-role=error]');
    expect(await error.textContent()).toContain('不支持 WebAssembly');
    expect(await error.textContent()).toContain('示例问题');
    expect(await p.locator('[data-example] tbody tr').first().isVisible()).toBe(true);
    await context.close();
  });

  it('says so when the engine cannot be downloaded', async () => {
    const { context } = await trackedContext(browser, server.origin, DESKTOP);
    await context.route(/duckdb-[^/]*\.wasm/, (route) => route.abort());
    const p = await context.newPage();
    await p.goto(`${server.origin}${exploreUrl('SELECT 1')}`);
    await waitForResult(p);
    expect(await p.locator('[data-role=error]').textContent()).toMatch(/查询引擎|失败/);
    expect(await p.locator(RESULT).count()).toBe(0);
    await context.close();
  });
});

describe('a result of a million rows', () => {
  it('shows one page of 100 rows, pages and sorts in the worker', async () => {
    const started = Date.now();
    await page.goto(`${server.origin}${exploreUrl('SELECT i, i % 7 AS g FROM range(1000000) t(i)')}`);
    await waitForResult(page);
    console.log(`[explore] a million rows: first page after ${Date.now() - started} ms (engine cached)`);
    expect(await page.locator('[data-role=summary]').textContent()).toContain('共 1,000,000 行');
    expect(await page.locator('[data-role=table] tbody tr').count()).toBe(100);
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(async () => (await screenTable(page)).rows[0]?.[0]).toBe('100');
    const sortI = () => page.locator('[data-role=table] thead th').first();
    await sortI().locator('button').click();
    await expect.poll(() => sortI().getAttribute('aria-sort')).toBe('ascending');
    await sortI().locator('button').click();
    await expect.poll(() => sortI().getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await screenTable(page)).rows[0]?.[0]).toBe('999999');
    expect(await page.locator('[data-role=table] tbody tr').count()).toBe(100);
  });
});

describe('the site’s origin', () => {
  it('is the only host anything was requested from, the DuckDB files included', () => {
    expect(tracked.foreignRequests).toEqual([]);
    const local = tracked.requests.filter((u) => u.startsWith(server.origin));
    expect(local.some((u) => /duckdb-(eh|mvp)[^/]*\.wasm(\.gz)?$/.test(u))).toBe(true);
    expect(local.some((u) => u.endsWith('.arrow.gz'))).toBe(true);
  });
});
