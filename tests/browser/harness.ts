/**
 * Browser tests run against the built site (dist/) served on loopback by a tiny static server,
 * in Debian's Chromium driven by playwright-core (`npx playwright install` cannot work here).
 * Every request that leaves the local origin is recorded, so a test can assert there were none.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.txt': 'text/plain; charset=utf-8',
};

export const SITE_DIR = resolve(process.env['SITE_DIR'] ?? 'dist');

export interface StaticServer {
  origin: string;
  /** Bytes sent per path, for size figures. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

export async function serveStatic(root = SITE_DIR): Promise<StaticServer> {
  const sent = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'content-length': info.size });
      sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + info.size);
      createReadStream(path).pipe(res);
    } catch {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': MIME['.html']! });
      createReadStream(notFound).on('error', () => res.end('404')).pipe(res);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

export interface TrackedContext {
  context: BrowserContext;
  /** URLs requested outside the local origin: must stay empty. */
  foreignRequests: string[];
  /** Every URL requested. */
  requests: string[];
}

/** A context that blocks and records every request to another host. */
export async function trackedContext(
  browser: Browser,
  origin: string,
  options: Parameters<Browser['newContext']>[0] = DESKTOP,
): Promise<TrackedContext> {
  const context = await browser.newContext({ ...options, locale: 'zh-CN' });
  const foreignRequests: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return { context, foreignRequests, requests };
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const axePath = join(process.cwd(), 'node_modules/axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
