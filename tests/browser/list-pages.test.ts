/**
 * Without JavaScript, every row of the city-wide lists is reachable: /transactions/ and its
 * static pages /transactions/page/<n>/ hold each published transaction exactly once, and the page
 * links lead from one to the next.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic, SITE_DIR, trackedContext, type StaticServer } from './harness.ts';
import { parseCsv, UTF8_BOM } from '../../src/lib/csv.ts';

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

async function publishedTransactionIds(): Promise<string[]> {
  const text = (await readFile(join(SITE_DIR, 'data/transactions.csv'), 'utf8')).replace(UTF8_BOM, '');
  const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1);
  const at = header!.indexOf('transaction_id');
  return rows.map((r) => r[at]!);
}

describe('the transaction list without JavaScript', () => {
  it('shows every published transaction exactly once across its pages', async () => {
    const { context, foreignRequests } = await trackedContext(browser, server.origin, {
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    const seen: string[] = [];
    let url: string | null = `${server.origin}/transactions/`;
    let pages = 0;
    while (url) {
      await page.goto(url);
      pages++;
      const ids = await page.$$eval('tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')!));
      seen.push(...ids);
      const next = await page.$('nav a[rel="next"]');
      url = next ? new URL((await next.getAttribute('href'))!, server.origin).href : null;
      if (pages > 1000) throw new Error('runaway pager');
    }
    const published = await publishedTransactionIds();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(published.sort());
    expect(pages).toBe(Math.ceil(published.length / 500));
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
