/**
 * npm run bench [-- <site dir>] [--only <section>] — prints figures about the built site; it
 * never asserts (budgets that must hold are browser tests). Each section is one entry of
 * SECTIONS below: add a section (e.g. DuckDB-wasm timings on /explore/) by adding an entry.
 *
 *   page-weight   bytes (raw and gzip) a phone downloads to show a community page — the HTML
 *                 and every CSS and JS file it references, following static imports — for the
 *                 median and the largest community page; the same for the directory pages
 *                 (/communities/, /communities/list/<n>/) and the size of its search index
 *   site          number of pages and size of the site and of its data folder
 *   explore       DuckDB-wasm in Chromium (loopback, no throttling): time from opening an
 *                 /explore/?sql= link to its first result and the bytes it downloaded (raw, and
 *                 gzip as a compressing host would send them), then warm queries over all
 *                 transactions, and a filter of /transactions/ (query mode). Slow: starts Chromium.
 *
 * npm run bench -- --scale <sizes> [--scale-cache <dir>] [--shards <n>] [--keep] — how the whole
 * build grows with the data (needs no built site; the sections above are then not run):
 *
 *   scale         for each size N (communities, comma-separated: 1000,10000,20000 or 1k,10k,20k):
 *                 generate a dataset with scripts/synth.ts, run scripts/build.ts on it as a child
 *                 process (DATA_DIR, OUT_DIR and WORK_DIR under a fresh /tmp/gongkai-scale-*),
 *                 sample the resident memory (VmRSS) of its whole process tree every 200 ms, and
 *                 print one table: rows of communities, transactions and surveys, pages, seconds
 *                 per stage (every `  <stage>: <n> ms` line the build prints) and in all, peak GB
 *                 of the tree per stage and overall and of the largest single process, pages per
 *                 second of the site stage; then the publish steps, rows per table, and each size's
 *                 time, memory and pages against the previous size's (t(20000)/t(10000)). Prints
 *                 progress as it goes (1,000 communities take minutes). Sites and scratch are
 *                 deleted after counting unless --keep. Exit 1 only if a dataset or a build could
 *                 not be started; a failing build is reported (the tail of its output) and skipped.
 *   --scale-cache <dir>  reuse <dir>/synth<N/1000>k (N a multiple of 1000) or <dir>/synth<N> when
 *                 its datapackage.json says it holds N communities; a missing folder is generated
 *                 there for next time; a folder holding anything else is left alone. With
 *                 `--scale-cache /tmp`, the /tmp/synth1k and /tmp/synth10k of README.md are reused.
 *   --shards <n>  build each size as n builds with SHARD=1/n … n/n, one after another, each its
 *                 own process and OUT_DIR (they share WORK_DIR); one row per shard and a Σ row
 *                 (times and pages summed, memory the largest).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DESKTOP, launchChromium, serveStatic, trackedContext } from '../tests/browser/harness.ts';
import { exploreUrl } from '../src/lib/explore.ts';
import { parseSizes } from './bench/scale.ts';
import { runScale } from './bench/run-scale.ts';

interface Section {
  name: string;
  title: string;
  run(site: string): void | Promise<void>;
}

const args = process.argv.slice(2);
/** Options followed by a value; any other word that does not start with -- is the site folder. */
const VALUE_OPTIONS = ['--only', '--scale', '--scale-cache', '--shards'];
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const only = option('--only');
const siteArg = args.find((a, i) => !a.startsWith('--') && !VALUE_OPTIONS.includes(args[i - 1] ?? ''));
const SITE = resolve(siteArg ?? process.env['SITE_DIR'] ?? 'dist');

// ---------------------------------------------------------------------------------------------
// Helpers

function walk(dir: string, out: string[] = []): string[] {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  let n = gzipCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(file), { level: 9 }).length;
    gzipCache.set(file, n);
  }
  return n;
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Site-absolute paths of the scripts a module imports statically (dynamic import() excluded). */
function staticImports(site: string, src: string, seen = new Set<string>()): string[] {
  if (seen.has(src)) return [];
  seen.add(src);
  const file = join(site, src);
  if (!existsSync(file)) return [src];
  const text = readFileSync(file, 'utf8');
  const deps = [...text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map(
    (m) => new URL(m[1]!, `http://site${src}`).pathname,
  );
  return [src, ...deps.flatMap((d) => staticImports(site, d, seen))];
}

interface PageWeight {
  path: string;
  files: { path: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

/** The HTML of a page plus the CSS and JS a browser fetches to show it. */
function pageWeight(site: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href?.startsWith('/') && /rel="(stylesheet|modulepreload)"/.test(tag)) refs.add(href);
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
    if (m[1]!.startsWith('/')) for (const s of staticImports(site, m[1]!)) refs.add(s);
  // Inline module scripts may import bundled chunks.
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of m[1]!.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["'](\/[^"']+)["']/g))
      for (const s of staticImports(site, i[1]!)) refs.add(s);
  }
  const files = [htmlFile, ...[...refs].map((r) => join(site, r))]
    .filter((f) => existsSync(f))
    .map((f) => ({ path: '/' + relative(site, f), raw: statSync(f).size, gzip: gzipBytes(f) }));
  return {
    path: '/' + relative(site, htmlFile).replace(/index\.html$/, ''),
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

function printWeight(label: string, w: PageWeight): void {
  console.log(`  ${label}: ${w.path}  ${kb(w.raw)} raw, ${kb(w.gzip)} gzip`);
  for (const f of w.files)
    console.log(`      ${f.path.padEnd(60)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} gzip`);
}

// ---------------------------------------------------------------------------------------------
// Sections

const SECTIONS: Section[] = [
  {
    name: 'page-weight',
    title: 'What a phone downloads to show a community page, and the directory (HTML + CSS + JS)',
    run(site) {
      const dir = join(site, 'communities');
      if (!existsSync(dir)) {
        console.log('  no /communities/ in this site');
        return;
      }
      const pages = readdirSync(dir, { withFileTypes: true })
        .filter((d) => /^\d+$/.test(d.name) && existsSync(join(dir, d.name, 'index.html')))
        .map((d) => pageWeight(site, join(dir, d.name, 'index.html')))
        .sort((a, b) => a.gzip - b.gzip);
      console.log(`  ${pages.length} community pages`);
      if (pages.length > 0) {
        printWeight('median ', pages[Math.floor((pages.length - 1) / 2)]!);
        printWeight('largest', pages.at(-1)!);
      }
      const directory = [join(dir, 'index.html')];
      const listDir = join(dir, 'list');
      if (existsSync(listDir)) for (const n of readdirSync(listDir)) directory.push(join(listDir, n, 'index.html'));
      const lists = directory.filter((f) => existsSync(f)).map((f) => pageWeight(site, f));
      if (lists.length > 0) {
        console.log(`  directory: ${lists.length} page(s)`);
        printWeight('first directory page', lists[0]!);
        if (lists.length > 1)
          printWeight(
            'largest directory page',
            lists.reduce((a, b) => (b.gzip > a.gzip ? b : a)),
          );
      }
      const index = join(dir, 'search.json');
      if (existsSync(index)) {
        console.log(
          `  search index /communities/search.json (loaded on first search only when the directory has several pages): ${kb(statSync(index).size)} raw, ${kb(gzipBytes(index))} gzip`,
        );
      }
    },
  },
  {
    name: 'site',
    title: 'Site totals',
    run(site) {
      const files = walk(site);
      const html = files.filter((f) => f.endsWith('.html'));
      const dataDir = join(site, 'data');
      const isData = (f: string) => f.startsWith(dataDir + '/') && !f.endsWith('.html');
      const size = (fs: string[]) => fs.reduce((s, f) => s + statSync(f).size, 0);
      const byTop = new Map<string, number>();
      for (const f of html) {
        const top = relative(site, f).split('/')[0]!;
        byTop.set(
          top.endsWith('.html') ? '/' : `/${top}/`,
          (byTop.get(top.endsWith('.html') ? '/' : `/${top}/`) ?? 0) + 1,
        );
      }
      console.log(`  pages (HTML files): ${html.length}`);
      for (const [top, n] of [...byTop].sort((a, b) => b[1] - a[1])) console.log(`      ${top.padEnd(20)} ${n}`);
      console.log(`  site size: ${mb(size(files))} in ${files.length} files`);
      console.log(
        `    of which HTML: ${mb(size(html))}; data downloads (dist/data): ${mb(size(files.filter(isData)))}`,
      );
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Section: explore (DuckDB-wasm timings). Kept apart from the other sections on purpose.

/** The query of the timings: income by source and year over the whole transactions table. */
const BENCH_SQL = `SELECT source, CAST(year(date) AS INTEGER) AS year, sum(amount) AS income, count(*) AS n
FROM transactions WHERE type = 'income' GROUP BY ALL ORDER BY ALL`;

async function benchExplore(site: string): Promise<void> {
  if (!existsSync(join(site, 'explore', 'index.html'))) {
    console.log('  no /explore/ in this site');
    return;
  }
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const sentBefore = new Map(server.sent);
    const { context, foreignRequests } = await trackedContext(browser, server.origin, DESKTOP);
    const page = await context.newPage();
    const done = () =>
      page.waitForFunction(
        () => {
          const el = document.querySelector('sql-explorer');
          return (
            el &&
            !el.hasAttribute('aria-busy') &&
            /查询完成|出错/.test(document.querySelector('[data-role=status]')?.textContent ?? '')
          );
        },
        null,
        { timeout: 300_000 },
      );
    const started = performance.now();
    await page.goto(`${server.origin}${exploreUrl(BENCH_SQL)}`);
    await done();
    const firstMs = performance.now() - started;
    const status = await page.locator('[data-role=status]').textContent();

    const sent = [...server.sent]
      .map(([path, bytes]) => ({ path, bytes: bytes - (sentBefore.get(path) ?? 0) }))
      .filter((f) => f.bytes > 0);
    const kind = (p: string) =>
      /\.wasm(\.gz)?$/.test(p)
        ? 'engine (wasm)'
        : /duckdb.*\.js$/.test(p)
          ? 'engine (worker, JS)'
          : p.endsWith('.arrow.gz')
            ? 'data (Arrow, gzip)'
            : p.endsWith('.js')
              ? 'page JS'
              : p.endsWith('.html') || p.endsWith('/')
                ? 'HTML'
                : 'other';
    const groups = new Map<string, { raw: number; gzip: number; files: string[] }>();
    for (const f of sent) {
      const file = join(site, decodeURIComponent(f.path).replace(/\/$/, '/index.html'));
      const gz =
        existsSync(file) && statSync(file).isFile()
          ? f.path.endsWith('.gz')
            ? statSync(file).size
            : gzipBytes(file)
          : f.bytes;
      const g = groups.get(kind(f.path)) ?? { raw: 0, gzip: 0, files: [] };
      g.raw += f.bytes;
      g.gzip += gz;
      g.files.push(f.path);
      groups.set(kind(f.path), g);
    }
    const total = [...groups.values()].reduce((a, g) => ({ raw: a.raw + g.raw, gzip: a.gzip + g.gzip }), {
      raw: 0,
      gzip: 0,
    });
    console.log(
      `  first result of an /explore/?sql= link (cold, nothing cached): ${(firstMs / 1000).toFixed(2)} s  [${status}]`,
    );
    console.log(`  downloaded for it: ${mb(total.raw)} as served here; ${mb(total.gzip)} from a host that gzips`);
    for (const [k, g] of groups)
      console.log(
        `      ${k.padEnd(22)} ${mb(g.raw).padStart(9)} ${mb(g.gzip).padStart(9)} gzip  ${g.files.map((f) => f.replace(/^\/_astro\//, '')).join(' ')}`,
      );

    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await page.locator('form button[type=submit]').click();
      await done();
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    const rows = await page.locator('[data-role=summary]').textContent();
    console.log(
      `  warm query over all transactions (income by source and year), 5 runs: median ${warm[2]!.toFixed(0)} ms, min ${warm[0]!.toFixed(0)} ms  [${rows}]`,
    );

    const tx = await context.newPage();
    const year = new Date().getFullYear() - 1;
    const t = performance.now();
    await tx.goto(`${server.origin}/transactions/?type=income&year=${year}`);
    await tx.waitForFunction(
      () =>
        /符合条件|没有|失败/.test(document.querySelector('filter-table [data-role=count]')?.textContent ?? '') ||
        /失败/.test(document.querySelector('filter-table [data-role=note]')?.textContent ?? ''),
      null,
      { timeout: 300_000 },
    );
    console.log(
      `  /transactions/?type=income&year=${year} (engine in HTTP cache only if the host allows): ${((performance.now() - t) / 1000).toFixed(2)} s  [${await tx.locator('filter-table [data-role=count]').textContent()}]`,
    );
    if (foreignRequests.length) console.log(`  !! requests to other hosts: ${foreignRequests.join(' ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

SECTIONS.push({
  name: 'explore',
  title: 'DuckDB-wasm on /explore/ and /transactions/ (Chromium, loopback)',
  run: benchExplore,
});

// ---------------------------------------------------------------------------------------------

const scale = option('--scale');
if (scale !== undefined || args.includes('--scale')) {
  // The scale section builds its own sites, so it runs alone and needs no built site.
  let sizes: number[];
  const shards = Number(option('--shards') ?? '1');
  try {
    sizes = parseSizes(scale ?? '');
    if (!Number.isInteger(shards) || shards < 1) throw new Error('--shards must be a whole number ≥ 1');
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.log('## scale: the whole build (validate → publish → site → swap) on synthetic datasets of growing size');
  const scaleCache = option('--scale-cache');
  process.exit(
    await runScale({
      sizes,
      cacheDir: scaleCache === undefined ? undefined : resolve(scaleCache),
      shards,
      keep: args.includes('--keep'),
      root: resolve(import.meta.dirname, '..'),
    }),
  );
}

if (!existsSync(SITE)) {
  console.error(`No site at ${SITE}: run npm run build first (or pass the site folder).`);
  process.exit(1);
}
console.log(`Bench of ${SITE}`);
for (const section of SECTIONS) {
  if (only && section.name !== only) continue;
  console.log(`\n## ${section.name}: ${section.title}`);
  await section.run(SITE);
}
