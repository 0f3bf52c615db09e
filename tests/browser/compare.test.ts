/**
 * /compare/?ids=…: communities side by side from their published summaries; add by name, remove;
 * the address holds the choice; the numbers are the published data's; no DuckDB on this page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  launchChromium,
  PHONE,
  serveStatic,
  SITE_DIR,
  trackedContext,
  type StaticServer,
} from './harness.ts';
import { openPublishedDatabase } from './published-db.ts';
import type { NodeDatabase } from '../../src/db/node.ts';
import type { CommunitySummary } from '../../src/lib/compare.ts';
import { formatInteger, formatMoney } from '../../src/lib/format.ts';
import { indexRowId, type SearchIndex } from '../../src/lib/community-search.ts';

let server: StaticServer;
let browser: Browser;
let node: NodeDatabase;
let ids: string[];

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  node = await openPublishedDatabase();
  const index = JSON.parse(readFileSync(join(SITE_DIR, 'communities', 'search.json'), 'utf8')) as SearchIndex;
  ids = index.rows.map((r) => indexRowId(index, r));
});

afterAll(async () => {
  await node?.close();
  await browser?.close();
  await server?.close();
});

function summary(id: string): CommunitySummary {
  return JSON.parse(readFileSync(join(SITE_DIR, 'data', 'summary', `${id}.json`), 'utf8')) as CommunitySummary;
}

describe('published summaries', () => {
  it('carry the published data’s totals', async () => {
    for (const id of ids.slice(0, 5)) {
      const s = summary(id);
      const [row] = await node.query<{ income: number | null; expenditure: number | null }>(
        `SELECT CAST(sum(amount) FILTER (WHERE type = 'income') AS DOUBLE) AS income, CAST(sum(amount) FILTER (WHERE type = 'expenditure') AS DOUBLE) AS expenditure FROM transactions WHERE community_id = ?`,
        [id],
      );
      expect(s.money.income).toBeCloseTo(row!.income ?? 0, 2);
      expect(s.money.expenditure).toBeCloseTo(row!.expenditure ?? 0, 2);
      const [c] = await node.query<{ resident_population: number | null }>(
        `SELECT resident_population FROM communities WHERE community_id = ?`,
        [id],
      );
      expect(s.profile.resident_population).toBe(c!.resident_population);
    }
  });
});

describe('the comparison', () => {
  it('shows the chosen communities, adds one by name, removes one, and keeps the choice in the address', async () => {
    const [a, b, c] = ids;
    const { context, foreignRequests, requests } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/compare/?ids=${a},${b}`);
    const heads = () => page.locator('[data-role=tables] section').first().locator('thead th a').allTextContents();
    const sa = summary(a!);
    const sb = summary(b!);
    await expect.poll(heads).toEqual([sa.name, sb.name]);
    const population = page.locator('[data-role=tables] tr', { hasText: '常住人口' }).first().locator('td');
    expect(await population.allTextContents()).toEqual([
      formatInteger(sa.profile.resident_population),
      formatInteger(sb.profile.resident_population),
    ]);
    const income = page.locator('[data-role=tables] tr', { hasText: '收入合计' }).first().locator('td');
    expect(await income.allTextContents()).toEqual([formatMoney(sa.money.income), formatMoney(sb.money.income)]);

    const third = summary(c!);
    await page.getByRole('searchbox').fill(third.name);
    await page
      .getByRole('button', { name: new RegExp(`^添加 ${third.name}`) })
      .first()
      .click();
    await expect.poll(heads).toEqual([sa.name, sb.name, third.name]);
    expect(new URL(page.url()).searchParams.get('ids')).toBe(`${a},${b},${c}`);

    await page.getByRole('button', { name: `移除 ${sa.name}` }).click();
    await expect.poll(heads).toEqual([sb.name, third.name]);
    expect(new URL(page.url()).searchParams.get('ids')).toBe(`${b},${c}`);

    // Reload: same comparison.
    await page.reload();
    await expect.poll(heads).toEqual([sb.name, third.name]);
    expect(await axeViolations(page)).toEqual([]);
    expect(requests.filter((u) => /duckdb|\.wasm|\.arrow/.test(u))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('says which code it cannot find', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/compare/?ids=999999999999,${ids[0]}`);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('找不到社区代码 999999999999');
    await page.close();
  });
});
