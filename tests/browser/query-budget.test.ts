/**
 * Size budget of the query engine (issue "Explore in the browser"): DuckDB-wasm, its worker and
 * the Arrow code are reachable only from the pages that query (/explore/ and the city-wide lists),
 * never from a shared bundle; a community page's own JavaScript stays small. Reads the built
 * files (SITE_DIR): the HTML's scripts and, from them, every static and dynamic import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from './harness.ts';
import { firstPage } from './site-pages.ts';

/** Pages that may load the query engine. */
const QUERY_PAGES = ['/explore/', '/transactions/', '/projects/'];
/** gzip bytes of the JavaScript a community page loads before anyone touches it. */
const COMMUNITY_JS_BUDGET = 12 * 1024;

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_astro' && entry.name !== 'data') htmlFiles(path, out);
    } else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

function pagePath(file: string): string {
  const rel = `/${relative(SITE_DIR, file).replaceAll('\\', '/')}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/** Scripts an HTML page loads directly (module scripts and preloads). */
function entryScripts(html: string): string[] {
  const srcs = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  return [...new Set(srcs.filter((s) => s.startsWith('/')))];
}

/** Imports of a built chunk: static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`). */
function importsOf(file: string): { static: string[]; dynamic: string[]; assets: string[] } {
  const code = readFileSync(file, 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/'));
  const resolve = (spec: string) => (spec.startsWith('/') ? join(SITE_DIR, spec) : join(dir, spec));
  // The bundler writes strings with any of the three quotes.
  const stat = [...code.matchAll(/(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) => resolve(m[1]!));
  const dyn = [...code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => resolve(m[1]!));
  // Vite's preload helper lists a dynamic import's dependencies as "_astro/x.js" strings.
  const listed = [...code.matchAll(/["'`](?:\/)?(_astro\/[^"'`]+\.js)["'`]/g)].map((m) => join(SITE_DIR, m[1]!));
  const assets = [...code.matchAll(/["'`]([^"'`]*duckdb[^"'`]*\.(?:wasm|js))["'`]/g)].map((m) => m[1]!);
  return { static: stat, dynamic: [...new Set([...dyn, ...listed])], assets };
}

function graph(entries: readonly string[], followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const imports = importsOf(file);
    todo.push(...imports.static, ...(followDynamic ? imports.dynamic : []));
  }
  return seen;
}

/** A file that is (or names) the DuckDB engine, its worker or its wasm. */
function isEngine(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (/duckdb/i.test(name)) return true;
  return importsOf(file).assets.length > 0;
}

const pages = existsSync(SITE_DIR) ? htmlFiles(SITE_DIR) : [];

describe('the query engine', () => {
  it('is in the build, served from our own origin', () => {
    const assets = readdirSync(join(SITE_DIR, '_astro'));
    expect(assets.some((f) => /^duckdb-eh.*\.wasm$/.test(f))).toBe(true);
    expect(assets.some((f) => /^duckdb-mvp.*\.wasm$/.test(f))).toBe(true);
    expect(assets.some((f) => /^duckdb-browser-eh\.worker.*\.js$/.test(f))).toBe(true);
  });

  it('is reachable only from the pages that query', () => {
    expect(pages.length).toBeGreaterThan(10);
    const reaching = pages
      .filter((file) => {
        const html = readFileSync(file, 'utf8');
        const scripts = entryScripts(html).map((s) => join(SITE_DIR, s));
        return [...graph(scripts, true)].some(isEngine);
      })
      .map(pagePath)
      .sort();
    expect(reaching.length).toBeGreaterThan(0);
    for (const p of reaching) expect(QUERY_PAGES).toContain(p);
    expect(reaching).toContain('/explore/');
  });

  it('is never loaded up front, even by the pages that query', () => {
    for (const p of QUERY_PAGES) {
      const file = join(SITE_DIR, p, 'index.html');
      if (!existsSync(file)) continue;
      const scripts = entryScripts(readFileSync(file, 'utf8')).map((s) => join(SITE_DIR, s));
      const upFront = [...graph(scripts, false)];
      expect(upFront.filter(isEngine).map((f) => relative(SITE_DIR, f))).toEqual([]);
    }
  });
});

describe('a community page', () => {
  it(`loads at most ${COMMUNITY_JS_BUDGET / 1024} KB of JavaScript (gzip), none of it DuckDB or Arrow`, () => {
    const path = firstPage('communities');
    expect(path).not.toBeNull();
    const html = readFileSync(join(SITE_DIR, path!, 'index.html'), 'utf8');
    const files = [
      ...graph(
        entryScripts(html).map((s) => join(SITE_DIR, s)),
        false,
      ),
    ];
    const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
    console.log(
      `[budget] community page JS: ${files.length} files, ${bytes} B gzip (${files.map((f) => `${relative(SITE_DIR, f)} ${statSync(f).size} B`).join(', ')})`,
    );
    expect(bytes).toBeLessThanOrEqual(COMMUNITY_JS_BUDGET);
    for (const f of files)
      expect(readFileSync(f, 'utf8')).not.toMatch(/RecordBatch|insertArrowFromIPCStream|AsyncDuckDB/);
  });
});
