/**
 * What residents, journalists and officials do (issue "Public pages"): find a community by pinyin
 * on a phone and follow it to a project and its organization; keep large text across pages;
 * print a page for a notice board; read everything without JavaScript; land on the 404 page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, PHONE, DESKTOP, serveStatic, trackedContext, type StaticServer } from './harness.ts';
import { exists, publishedRowCount } from './site-pages.ts';

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

describe('community search on a phone', () => {
  it('finds 东湖社区 by initials and pinyin, then leads to a project and its organization', async () => {
    const { context, foreignRequests } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/communities/`);
    const search = page.getByRole('searchbox', { name: '搜索社区' });
    await search.fill('dh');
    const visibleNames = () => page.locator('table.community-directory tr[data-id]:visible th a').allTextContents();
    await expect.poll(visibleNames).toContain('东湖社区');
    const afterDh = await visibleNames();
    const all = publishedRowCount('communities');
    expect(afterDh.length).toBeLessThan(all);
    await search.fill('donghu');
    await expect.poll(async () => (await visibleNames())[0]).toBe('东湖社区');
    expect(await page.getByRole('status').textContent()).toMatch(/找到 \d+ 个社区/);
    // The view is in the address, so a shared link reproduces it.
    expect(new URL(page.url()).searchParams.get('q')).toBe('donghu');

    await page.getByRole('link', { name: '东湖社区' }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('东湖社区');

    // A project that has an operator: open it, then its organization.
    const projectLink = page
      .locator('#projects tr[data-operator]:not([data-operator=""]) a[href^="/projects/"]')
      .first();
    const projectTitle = (await projectLink.textContent())!.trim();
    await projectLink.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(projectTitle);
    const orgLink = page.locator('#facts a[href^="/organizations/"]').first();
    const orgName = (await orgLink.textContent())!.trim();
    await orgLink.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(orgName);
    // The organization page lists the project we came from.
    await expect
      .poll(() => page.locator('#projects').getByRole('link', { name: projectTitle, exact: true }).count())
      .toBeGreaterThan(0);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('community directory in pages (only on a site with more communities than fit one page)', () => {
  it.skipIf(!exists('/communities/list/2/'))(
    'lists every page without JavaScript and searches all pages with it',
    async () => {
      const total = publishedRowCount('communities');
      const noJs = await trackedContext(browser, server.origin, { ...PHONE, javaScriptEnabled: false });
      const page = await noJs.context.newPage();
      let seen = 0;
      let href: string | null = '/communities/';
      let secondPageName = '';
      while (href) {
        await page.goto(server.origin + href);
        const rows = page.locator('table.community-directory tr[data-id]');
        seen += await rows.count();
        if (href === '/communities/list/2/')
          secondPageName = (await rows.first().locator('th a').textContent())!.trim();
        href = await page
          .getByRole('link', { name: /^下一页/ })
          .getAttribute('href', { timeout: 1000 })
          .catch(() => null);
      }
      expect(seen).toBe(total);
      await noJs.context.close();

      const { context, foreignRequests } = await trackedContext(browser, server.origin, PHONE);
      const js = await context.newPage();
      await js.goto(`${server.origin}/communities/`);
      await js.getByRole('searchbox', { name: '搜索社区' }).fill(secondPageName);
      await expect
        .poll(() => js.locator('table.community-directory tbody:not([hidden]) tr[data-id] th a').allTextContents())
        .toContain(secondPageName);
      expect(foreignRequests).toEqual([]);
      await context.close();
    },
  );
});

describe('large text (大字)', () => {
  it('grows the root font size and keeps it on the next page', async () => {
    const { context, foreignRequests } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/communities/`);
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await rootSize();
    await page.getByRole('button', { name: '大字' }).click();
    await expect.poll(rootSize).toBeGreaterThan(before);
    const large = await rootSize();
    expect(await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${server.origin}/data/`);
    expect(await rootSize()).toBe(large);
    await page.getByRole('button', { name: '大字' }).click();
    await expect.poll(rootSize).toBe(before);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('print (A4 notice board)', () => {
  it('hides navigation, shows publisher, as-of date and the page address, and makes a PDF', async () => {
    const { context } = await trackedContext(browser, server.origin, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.origin}/communities/`);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
    const printed = page.locator('.print-only:visible');
    const text = (await printed.allTextContents()).join(' ');
    expect(text).toMatch(/发布[:：]\s*\S+/);
    expect(text).toMatch(/数据截至[:：]?\s*\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain(`本页地址`);
    expect(text).toContain('/communities/');
    // The search controls are not printed.
    expect(await page.getByRole('searchbox', { name: '搜索社区' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('lists every community and shows a community page with its numbers', async () => {
    const { context, foreignRequests } = await trackedContext(browser, server.origin, {
      ...PHONE,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/communities/`);
    const total = publishedRowCount('communities');
    expect(await page.locator('table.community-directory tr[data-id]').count()).toBe(total);
    expect(await page.locator('table.community-directory tr[data-id]:visible').count()).toBe(total);
    expect(await page.getByRole('status').textContent()).toContain(`共 ${total.toLocaleString('zh-CN')} 个社区`);
    // The controls that need JavaScript stay hidden instead of doing nothing.
    expect(await page.getByRole('searchbox').count()).toBe(0);

    // The row of 东湖社区 carries its figures; its page shows the same population.
    const row = page.locator('tr[data-id]', { has: page.getByRole('link', { name: '东湖社区', exact: true }) });
    const population = (await row.locator('td').first().textContent())!.trim();
    expect(population).toMatch(/^\d{1,3}(,\d{3})*$/);
    await row.getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('东湖社区');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain(population);
    expect(body).toMatch(/\d+(\.\d+)? ?万元|\d+ 元/);
    expect(await page.locator('#projects a[href^="/projects/"]').count()).toBeGreaterThan(0);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('404', () => {
  it('answers an unknown address with a Chinese page that leads back', async () => {
    expect(exists('/404.html')).toBe(true);
    const { context } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}/communities/999999999999/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('找不到这个页面');
    for (const name of ['首页', '全部社区', '数据下载']) {
      expect(await page.locator('main').getByRole('link', { name }).count(), name).toBeGreaterThan(0);
    }
    // Its search goes to the community directory, which picks the query up.
    await page.getByRole('searchbox', { name: '查找社区' }).fill('donghu');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/communities\/\?q=donghu/);
    await expect
      .poll(() => page.locator('table.community-directory tr[data-id]:visible th a').first().textContent())
      .toBe('东湖社区');
    await context.close();
  });
});
