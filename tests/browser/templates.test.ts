/**
 * One page of each template: no serious or critical axe violation, no request to another host,
 * no DuckDB or wasm outside the explorer pages; and the size budget of a community page on a
 * phone (HTML + CSS + JS, gzip).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
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
import { templatePages } from './site-pages.ts';

/**
 * Budget for what a phone downloads to show one community page, gzip. Measured with
 * `npm run bench` on the sample (136 communities): median 20.0 KB, largest 23.0 KB (HTML
 * 16.3 KB + CSS 4.1 KB + the table filter's JS 2.6 KB). The budget leaves ~75% headroom: room
 * for growth, not for a second copy of the data or a chart library shipped to the browser.
 */
const COMMUNITY_PAGE_BUDGET_GZIP = 40 * 1024;

/** Pages that query in the browser and may load DuckDB-wasm. */
const EXPLORER_PAGES = ['/explore/', '/compare/', '/transactions/'];
const DUCKDB = /duckdb|\.wasm(\?|$)/i;

interface Visit {
  template: string;
  path: string;
  violations: Awaited<ReturnType<typeof axeViolations>>;
  requests: string[];
  foreign: string[];
}

let server: StaticServer;
let browser: Browser;
const visits: Visit[] = [];
const pages = templatePages();

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  for (const [template, path] of Object.entries(pages)) {
    if (path === null) continue;
    const { context, foreignRequests, requests } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(server.origin + path, { waitUntil: 'networkidle' });
    const violations = await axeViolations(page);
    visits.push({
      template,
      path,
      violations,
      requests: requests.filter((r) => !r.includes('axe')),
      foreign: foreignRequests,
    });
    await context.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every template', () => {
  it('exists for the templates of issue "Public pages"', () => {
    const missing = Object.entries(pages)
      .filter(([, p]) => p === null)
      .map(([t]) => t);
    if (missing.length) console.warn(`templates not built yet: ${missing.join(', ')}`);
    for (const t of ['communities', 'project', 'organization', 'dataQuality', 'downloads', 'dictionary', 'notFound']) {
      expect(pages[t], t).not.toBeNull();
    }
  });

  it('has no serious or critical axe violation', () => {
    expect(visits.length).toBeGreaterThan(0);
    const found = visits
      .filter((v) => v.violations.length > 0)
      .map((v) => ({ path: v.path, violations: v.violations }));
    expect(found).toEqual([]);
  });

  it('requests nothing from another host, and no DuckDB or wasm', () => {
    for (const v of visits) {
      expect(v.foreign, v.path).toEqual([]);
      expect(
        v.requests.filter((r) => DUCKDB.test(new URL(r).pathname)),
        v.path,
      ).toEqual([]);
    }
  });
});

describe('no page but the explorer pages refers to DuckDB', () => {
  it('keeps duckdb and wasm out of every other page and the scripts it loads', () => {
    const htmlFiles: string[] = [];
    const walk = (dir: string) => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, d.name);
        if (d.isDirectory()) walk(p);
        else if (d.name.endsWith('.html')) htmlFiles.push(p);
      }
    };
    walk(SITE_DIR);
    expect(htmlFiles.length).toBeGreaterThan(10);
    // A script's static imports, followed through the bundle (dynamic import() is not followed).
    const scriptCache = new Map<string, string[]>();
    const staticGraph = (src: string): string[] => {
      const cached = scriptCache.get(src);
      if (cached) return cached;
      scriptCache.set(src, [src]);
      let text: string;
      try {
        text = readFileSync(join(SITE_DIR, src), 'utf8');
      } catch {
        return [src];
      }
      const deps = [...text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map(
        (m) => new URL(m[1]!, `http://x${src}`).pathname,
      );
      const all = [src, ...deps.flatMap(staticGraph)];
      scriptCache.set(src, all);
      return all;
    };
    const offenders: string[] = [];
    for (const file of htmlFiles) {
      const path = '/' + relative(SITE_DIR, file).replace(/index\.html$/, '');
      if (EXPLORER_PAGES.some((p) => path.startsWith(p))) continue;
      const html = readFileSync(file, 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((r) => r.startsWith('/'));
      const scripts = refs.filter((r) => r.endsWith('.js') || r.endsWith('.mjs'));
      const reached = [...refs, ...scripts.flatMap(staticGraph)];
      if (reached.some((r) => DUCKDB.test(r))) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });
});

describe('size budget', () => {
  it('keeps the largest community page (HTML + CSS + JS, gzip) under budget', async () => {
    const dir = join(SITE_DIR, 'communities');
    const largest = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(dir, d.name, 'index.html'))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    const path = '/' + relative(SITE_DIR, largest).replace(/index\.html$/, '');
    const { context, requests } = await trackedContext(browser, server.origin, PHONE);
    const page = await context.newPage();
    await page.goto(server.origin + path, { waitUntil: 'networkidle' });
    await context.close();
    const files = [...new Set(requests.map((r) => new URL(r).pathname))].filter(
      (p) => p === path || p.endsWith('.css') || p.endsWith('.js') || p.endsWith('.mjs'),
    );
    const bytes = files.map(
      (p) => gzipSync(readFileSync(join(SITE_DIR, p.endsWith('/') ? `${p}index.html` : p))).length,
    );
    const total = bytes.reduce((s, b) => s + b, 0);
    console.log(`largest community page ${path}: ${files.length} files, ${(total / 1024).toFixed(1)} KB gzip`);
    expect(files).toContain(path);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(total).toBeLessThan(COMMUNITY_PAGE_BUDGET_GZIP);
  });
});
