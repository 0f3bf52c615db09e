/**
 * Issue 10 in the built site: /indicators/ and /methodology/ render (charts as images with text
 * alternatives, tables with captions), a community page shows its indicators, /data/indicators.csv
 * is published like every CSV, and — where the site has its published data — the same
 * indicators.sql gives the same answer in DuckDB-wasm as in Node over the published tables.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchChromium, PHONE, serveStatic, SITE_DIR, trackedContext, type StaticServer } from './harness.ts';
import { openPublishedDatabase } from './published-db.ts';
import { parseCsv, UTF8_BOM } from '../../src/lib/csv.ts';
import { INDICATOR_KEYS } from '../../src/lib/indicators.ts';
import { exploreHref, inlineParams } from '../../src/lib/links.ts';
import { sqlOf } from '../../src/queries/index.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function csvRows(): Promise<string[][]> {
  const text = await readFile(join(SITE_DIR, 'data/indicators.csv'), 'utf8');
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  expect(text.split('\r\n')[0]).toBe(
    `${UTF8_BOM}scope,scope_id,year,indicator,value,numerator,denominator,ci_low,ci_high`,
  );
  expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
  return parseCsv(text).filter((r) => r.length > 1);
}

describe('the indicator pages', () => {
  it('/indicators/ shows each indicator’s spread as a chart with its table, without foreign requests', async () => {
    const { context, foreignRequests } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/indicators/`);
    expect(await page.textContent('h1')).toBe('指标');
    const charts = await page.$$eval('svg[role=img]', (svgs) => svgs.map((s) => s.getAttribute('aria-label') ?? ''));
    expect(charts.length).toBeGreaterThan(0);
    for (const label of charts) expect(label).toMatch(/分布/);
    const captions = await page.$$eval('table', (tables) =>
      tables.map((t) => t.querySelector('caption')?.textContent ?? ''),
    );
    expect(captions.every((c) => c.length > 0)).toBe(true);
    for (const key of INDICATOR_KEYS) expect(await page.$(`section#${key}`)).not.toBeNull();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('a ranking filters by kind with JavaScript and lists everyone without it', async () => {
    const { context } = await trackedContext(browser, server.origin, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.origin}/indicators/satisfaction/`);
    const all = await page.$$eval('tbody tr', (rows) => rows.length);
    expect(all).toBeGreaterThan(0);
    const kind = await page.$eval('tbody tr', (r) => r.getAttribute('data-kind')!);
    await page.selectOption('select[data-field=kind]', kind);
    const shown = await page.$$eval('tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([kind]));
    await context.close();
    const { context: noJs } = await trackedContext(browser, server.origin, { ...DESKTOP, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${server.origin}/indicators/satisfaction/`);
    expect(await plain.$$eval('tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length)).toBe(all);
    await noJs.close();
  });

  it('/methodology/ prints every formula and the exact SQL', async () => {
    const { context } = await trackedContext(browser, server.origin, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.origin}/methodology/`);
    for (const key of INDICATOR_KEYS) expect(await page.$(`section#${key} dd`)).not.toBeNull();
    const sql = await page.$$eval('pre.sql-text code', (codes) => codes.map((c) => c.textContent));
    expect(sql).toEqual([sqlOf('indicators'), sqlOf('signals')]);
    await context.close();
  });

  it('a community page shows its indicators with their place among its kind', async () => {
    const rows = await csvRows();
    const community = rows.find((r) => r[0] === 'community')![1]!;
    const { context } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/communities/${community}/#indicators`);
    expect(await page.textContent('#indicators-h')).toBe('指标');
    const cards = await page.$$eval('#indicators [data-indicator]', (els) =>
      els.map((e) => e.getAttribute('data-indicator')),
    );
    expect(cards).toEqual([...INDICATOR_KEYS]);
    expect(await page.textContent('#indicators')).toContain('同类位置');
    await context.close();
  });
});

const published =
  existsSync(join(SITE_DIR, 'data/communities.csv')) && existsSync(join(SITE_DIR, 'data/communities.arrow.gz'));

describe.skipIf(!published)('indicators.sql over the published data', () => {
  it('gives in Node exactly the rows of /data/indicators.csv', async () => {
    const node = await openPublishedDatabase();
    const rows = await node.query<Record<string, unknown>>(inlineParams(sqlOf('indicators'), [30]));
    await node.close();
    const csv = (await csvRows()).slice(1);
    expect(csv.length).toBe(rows.length);
    const key = (r: readonly unknown[]) => r.slice(0, 4).join('|');
    const byKey = new Map(rows.map((r) => [key([r['scope'], r['scope_id'], r['year'], r['indicator']]), r]));
    for (const line of csv) {
      const r = byKey.get(key(line))!;
      expect(r, key(line)).toBeDefined();
      if (line[4] === '') expect(r['value']).toBeNull();
      else expect(Number(line[4])).toBeCloseTo(r['value'] as number, 9);
    }
  });

  it('gives the same answer in DuckDB-wasm in the browser, indicator by indicator and scope by scope', async () => {
    // Per indicator and scope: how many rows, and the sums and extremes of every figure. Numbers
    // compared with a tolerance: the two engines may print the last digits of a double apart.
    const byIndicator =
      `SELECT indicator, scope, count(*) AS n, round(sum(value), 6) AS value_sum, round(min(value), 6) AS value_min, ` +
      `round(max(value), 6) AS value_max, round(sum(numerator), 4) AS numerator_sum, round(sum(denominator), 4) AS denominator_sum ` +
      `FROM (${inlineParams(sqlOf('indicators'), [30])}) AS q GROUP BY ALL ORDER BY indicator, scope`;
    const node = await openPublishedDatabase();
    const expected = await node.query<Record<string, string | number | null>>(byIndicator);
    await node.close();
    expect(expected.length).toBeGreaterThan(INDICATOR_KEYS.length);
    const { context } = await trackedContext(browser, server.origin, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.origin}${exploreHref(byIndicator)}`);
    await page.waitForFunction(
      () => {
        const el = document.querySelector('sql-explorer');
        return el && !el.hasAttribute('aria-busy') && document.querySelector('[data-role=result]:not([hidden])');
      },
      null,
      { timeout: 90_000 },
    );
    const rows = await page.$$eval('[data-role=table] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    expect(rows.length).toBe(expected.length);
    const number = (text: string) =>
      text === '' || text === 'NULL' || text === '—' ? null : Number(text.replaceAll(',', ''));
    rows.forEach((cells, i) => {
      const e = expected[i]!;
      expect(cells.slice(0, 2), `row ${i}`).toEqual([e['indicator'], e['scope']]);
      const columns = ['n', 'value_sum', 'value_min', 'value_max', 'numerator_sum', 'denominator_sum'];
      columns.forEach((column, k) => {
        const got = number(cells[k + 2]!);
        const want = e[column] === null ? null : Number(e[column]);
        if (want === null) expect(got, `${e['indicator']} ${e['scope']} ${column}`).toBeNull();
        else expect(got, `${e['indicator']} ${e['scope']} ${column}`).toBeCloseTo(want, 3);
      });
    });
    await context.close();
  });
});
