/**
 * The whole build, all or nothing: validate the publisher's folder, publish the data into a
 * staging folder, build the site there, and only then swap it in place of the old one. Any error
 * leaves the site that was there exactly as it was.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDataset } from '../validate/index.ts';
import { formatIssue, type Issue } from '../validate/issues.ts';
import { DATABASE_FILE, publishRelease } from '../publish/release.ts';

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

  const result = await time('validate', () => loadDataset(options.dataDir));
  if (!result.ok || !result.dataset || !result.metadata) {
    return { ok: false, stage: 'validate', errors: result.errors, warnings: result.warnings };
  }
  log(`${result.warnings.length} warnings`);

  try {
    await mkdir(staging, { recursive: true });
    const published = await time('publish', () =>
      publishRelease({ metadata: result.metadata!, dataset: result.dataset!, warnings: result.warnings, log }, staging),
    );
    const siteDir = join(staging, 'site');
    if (!options.dataOnly) {
      const buildPages = options.buildPages ?? runAstroBuild;
      await time('site', () => buildPages(published.databasePath, siteDir));
    }
    await mkdir(siteDir, { recursive: true });
    await cp(published.dataDir, join(siteDir, 'data'), { recursive: true });
    await time('swap', () => swapInto(siteDir, outDir, workDir));
    await rename(published.databasePath, currentDatabasePath(workDir));
    return { ok: true, warnings: result.warnings, timings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, stage: 'site', errors: [], warnings: result.warnings, message };
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

function runAstroBuild(databasePath: string, siteDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // A country-sized release keeps a few GB of page data in memory while Astro renders; V8's
    // default heap limit (about 4 GB) would end such a build half-way, so allow three quarters
    // of the machine's memory.
    const heapMb = Math.floor((totalmem() / 2 ** 20) * 0.75);
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${heapMb}`, 'node_modules/astro/bin/astro.mjs', 'build'],
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
