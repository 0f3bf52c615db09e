/**
 * The whole build, all or nothing: validate the publisher's folder while staging its rows as the
 * published CSV files in a staging folder, publish the rest of the data there, build the site
 * there, and only then swap it in place of the old one. Any error — in the data or later — leaves
 * the site that was there exactly as it was, and the staging folder is removed.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { validateFolder } from '../validate/index.ts';
import { formatIssue, type Issue } from '../validate/issues.ts';
import { DATABASE_FILE, publishRelease } from '../publish/release.ts';
import { CsvStager } from '../publish/staging.ts';
import { buildTime } from './build-time.ts';
import { currentShard, pruneToShard } from './shard.ts';

export interface BuildOptions {
  /** The publisher's folder. */
  dataDir: string;
  /** Where the finished site goes (replaced whole, only on success). */
  outDir: string;
  /** Scratch space for staging; also keeps the last good database for `astro dev`. */
  workDir: string;
  /** Skip the Astro step (data only). */
  dataOnly?: boolean;
  /** Builds the pages from the database into a folder; `astro build` unless a test replaces it. */
  buildPages?: (databasePath: string, siteDir: string) => Promise<void>;
  log?: (line: string) => void;
}

export type BuildResult =
  | { ok: true; warnings: readonly Issue[]; timings: Record<string, number> }
  | {
      ok: false;
      errors: readonly Issue[];
      warnings: readonly Issue[];
      stage: 'validate' | 'publish' | 'site';
      message?: string;
    };

/** The database of the last successful build, which `astro dev` reads. */
export function currentDatabasePath(workDir: string): string {
  return join(workDir, DATABASE_FILE);
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = Math.round(performance.now() - start);
      log(`${name}: ${timings[name]} ms`);
    }
  };

  const outDir = resolve(options.outDir);
  const workDir = resolve(options.workDir);
  const staging = join(workDir, `staging-${process.pid}-${Date.now()}`);

  let warnings: readonly Issue[] = [];
  try {
    // Validation writes each table's rows into the staging folder as it reads them (nothing is
    // kept in memory); they are published only if the whole folder turns out valid.
    const stager = new CsvStager(join(staging, 'data'));
    const result = await time('validate', () => validateFolder(options.dataDir, { sink: stager }));
    warnings = result.warnings;
    if (!result.ok || !result.metadata) {
      return { ok: false, stage: 'validate', errors: result.errors, warnings: result.warnings };
    }
    log(`${result.warnings.length} warnings`);

    const metadata = result.metadata;
    const published = await time('publish', () =>
      publishRelease({ metadata, staged: stager.staged(), warnings: result.warnings, log }, staging, buildTime()),
    );
    const siteDir = join(staging, 'site');
    if (!options.dataOnly) {
      const buildPages = options.buildPages ?? runAstroBuild;
      await time('site', () => buildPages(published.databasePath, siteDir));
    }
    await mkdir(siteDir, { recursive: true });
    await moveInto(published.dataDir, join(siteDir, 'data'));
    // A shard after the first keeps only the pages of its own regions (src/build/shard.ts).
    const shard = currentShard();
    if (shard) log(`shard ${shard.index}/${shard.count}: ${await pruneToShard(siteDir, shard)} files left to shard 1`);
    await time('swap', () => swapInto(siteDir, outDir, workDir));
    await rename(published.databasePath, currentDatabasePath(workDir));
    return { ok: true, warnings: result.warnings, timings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, stage: 'site', errors: [], warnings, message };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Replaces `outDir` by `siteDir` with two renames, so the old site is never half-overwritten. */
async function swapInto(siteDir: string, outDir: string, workDir: string): Promise<void> {
  const old = join(workDir, `old-${process.pid}-${Date.now()}`);
  const hadOld = await exists(outDir);
  if (hadOld) await rename(outDir, old);
  try {
    await rename(siteDir, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves the published data files into the built site's data folder, which may already hold files
 * the pages wrote there (/data/summary/): one rename per entry, no copy.
 */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from)) await rename(join(from, entry), join(to, entry));
}

/**
 * V8's heap for the page build. Pages read their own rows (src/db/page-store.ts), so the heap does
 * not grow with the release; a bound makes V8 collect instead of growing to the machine's size.
 */
const ASTRO_HEAP_MB = 3072;

function runAstroBuild(databasePath: string, siteDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${ASTRO_HEAP_MB}`, 'node_modules/astro/bin/astro.mjs', 'build'],
      {
        stdio: 'inherit',
        env: { ...process.env, GONGKAI_DB: databasePath, GONGKAI_OUT_DIR: siteDir },
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`astro build exited with ${code}`))));
  });
}

export function printIssues(issues: readonly Issue[], write: (line: string) => void): void {
  for (const issue of issues) write(formatIssue(issue));
}
