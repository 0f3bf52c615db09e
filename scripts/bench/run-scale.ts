/**
 * The running part of `npm run bench -- --scale <sizes>`: generate (or reuse) a synthetic dataset
 * per size, run the real build on it as a child process exactly as `npm run build` does, sample
 * the memory of its process tree every 200 ms, then print one table. Parsing and arithmetic are
 * in ./scale.ts; this file only starts processes, reads /proc and the file system, and prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { treeRss } from './proc.ts';
import {
  STAGE_ORDER,
  cacheFolderName,
  combineShards,
  csvRowCounts,
  formatScaleTable,
  gb,
  growthLines,
  isRouteLine,
  isRouteOutput,
  overallPeak,
  parseFailedStage,
  parsePublishSteps,
  parseStageLine,
  peaksByStage,
  stageAt,
  synthSize,
  type BuildRun,
  type MemorySample,
  type StageEvent,
} from './scale.ts';

export interface ScaleOptions {
  sizes: number[];
  /** Folder of reusable datasets, laid out as `<cache>/synth10k` (see cacheFolderName). */
  cacheDir?: string;
  /** Build each size as this many SHARD=k/n builds, one after another. */
  shards: number;
  /** Keep the built sites, scratch folders and generated datasets (else removed after counting). */
  keep: boolean;
  /** The repository, where scripts/build.ts runs (it finds Astro relative to its working directory). */
  root: string;
}

const SAMPLE_MS = 200;
const HEARTBEAT_MS = 30_000;
const TAIL_LINES = 30;

/** Runs the section; returns the exit code (1 only when a dataset or a build could not be started). */
export async function runScale(options: ScaleOptions): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'gongkai-scale-'));
  const shardNote = options.shards > 1 ? `, each as ${options.shards} shard builds (SHARD=k/${options.shards})` : '';
  console.log(`  sizes ${options.sizes.join(', ')}${shardNote}; scratch ${scratch}`);
  let exitCode = 0;
  const totals: BuildRun[] = [];
  const rows: BuildRun[] = [];

  for (const size of options.sizes) {
    const dataset = prepareDataset(size, options, scratch);
    if (!dataset) {
      exitCode = 1;
      continue;
    }
    const runs: BuildRun[] = [];
    for (let k = 1; k <= options.shards; k++) {
      const sharded = options.shards > 1;
      const label = sharded ? `${size} #${k}/${options.shards}` : String(size);
      const outDir = join(scratch, sharded ? `dist-${size}-${k}` : `dist-${size}`);
      // Shards share a scratch folder, so a shard build may reuse what an earlier one left there.
      const workDir = join(scratch, `work-${size}`);
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataset, OUT_DIR: outDir, WORK_DIR: workDir };
      if (sharded) env['SHARD'] = `${k}/${options.shards}`;
      else delete env['SHARD']; // an exported SHARD must not turn the unsharded figures into a shard's
      let run: BuildRun;
      try {
        run = await runBuild(label, size, env, options.root);
      } catch (error) {
        console.log(`  [${label}] the build could not be started: ${(error as Error).message}`);
        exitCode = 1;
        continue;
      }
      if (run.ok) {
        run.pages = countPages(outDir);
        run.rows = readRows(outDir);
      }
      printSummary(run);
      runs.push(run);
      if (!options.keep) rmSync(outDir, { recursive: true, force: true });
    }
    if (!options.keep) rmSync(join(scratch, `work-${size}`), { recursive: true, force: true });
    if (runs.length === 0) continue;
    rows.push(...runs);
    if (options.shards > 1) {
      const total = combineShards(size, runs);
      rows.push(total);
      totals.push(total);
    } else totals.push(runs[0]!);
  }

  console.log('');
  for (const line of formatScaleTable(rows)) console.log(`  ${line}`);
  const steps = rows.filter((r) => r.publishSteps);
  if (steps.length) {
    console.log('\n  publish steps (s):');
    for (const r of steps)
      console.log(
        `    ${r.label.padEnd(12)} ${Object.entries(r.publishSteps!)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
          .join(', ')}`,
      );
  }
  const withRows = totals.filter((r) => Object.keys(r.rows).length);
  if (withRows.length) {
    console.log('\n  rows per table:');
    for (const r of withRows)
      console.log(
        `    ${r.label.padEnd(12)} ${Object.entries(r.rows)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
  }
  const growth = growthLines(totals);
  if (growth.length) {
    console.log('\n  growth against the previous size (1.00× per 1.00× communities is linear):');
    for (const line of growth) console.log(`    ${line}`);
  }
  console.log(
    '\n  peak GB: resident memory (VmRSS) summed over the build process and its children (Astro, esbuild),' +
      `\n  sampled every ${SAMPLE_MS} ms; "1 proc" is the largest single process. A stage's figures cover the` +
      '\n  time from the previous stage line to its own; pages/s is pages over the site stage.',
  );
  if (options.keep) console.log(`  kept: ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
  return exitCode;
}

/** The dataset folder for `size`: from the cache when it holds that size, else freshly generated. */
function prepareDataset(size: number, options: ScaleOptions, scratch: string): string | undefined {
  let target = join(scratch, cacheFolderName(size));
  if (options.cacheDir) {
    const cached = join(options.cacheDir, cacheFolderName(size));
    // synth.ts writes datapackage.json last, so its presence means the folder is complete.
    const pkg = join(cached, 'datapackage.json');
    if (existsSync(pkg)) {
      let found: number | undefined;
      try {
        found = synthSize(JSON.parse(readFileSync(pkg, 'utf8')));
      } catch {
        found = undefined;
      }
      if (found === size) {
        console.log(`  [${size}] reusing the dataset in ${cached}`);
        return cached;
      }
      // Never overwrite a folder that holds something else: it may be someone's data.
      console.log(`  [${size}] ${cached} holds ${found ?? 'another'} dataset, not ${size}: generating into scratch`);
    } else if (!existsSync(cached)) target = cached;
    else console.log(`  [${size}] ${cached} exists without a datapackage.json: generating into scratch`);
  }
  console.log(`  [${size}] generating ${size} communities into ${target} …`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', 'scripts/synth.ts', '--communities', String(size), '--out', target],
    { cwd: options.root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  if (result.status !== 0) {
    console.log(`  [${size}] synth failed (${result.error?.message ?? `exit ${result.status}`}); skipping this size`);
    return undefined;
  }
  console.log(`  [${size}] ${result.stdout.trim()} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return target;
}

/** One build as a child process, with its stage lines, memory samples and wall time. */
function runBuild(label: string, size: number, env: NodeJS.ProcessEnv, root: string): Promise<BuildRun> {
  return new Promise((resolvePromise, reject) => {
    const shard = env['SHARD'] ? ` SHARD=${env['SHARD']}` : '';
    console.log(`  [${label}] building: DATA_DIR=${env['DATA_DIR']} OUT_DIR=${env['OUT_DIR']}${shard}`);
    const started = performance.now();
    const now = () => performance.now() - started;
    const child = spawn(process.execPath, ['--experimental-strip-types', 'scripts/build.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: StageEvent[] = [];
    const samples: MemorySample[] = [];
    const stages: Record<string, number> = {};
    let publishSteps: Record<string, number> | undefined;
    let failedStage: string | undefined;
    let routes = 0;
    const tail: string[] = [];
    const keep = (line: string) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    };

    const sample = () => {
      if (child.pid === undefined) return;
      const { treeKb, largestKb, processes } = treeRss(child.pid);
      if (processes > 0) samples.push({ at: now(), treeKb, largestKb });
    };
    const sampler = setInterval(sample, SAMPLE_MS);
    const heartbeat = setInterval(() => {
      const last = samples.at(-1);
      const stage = stageAt(Infinity, events, STAGE_ORDER, failedStage) ?? 'finishing';
      const mem = last ? `tree ${gb(last.treeKb)} GB (largest process ${gb(last.largestKb)} GB)` : 'no memory sample';
      console.log(`  [${label}] ${clock(now())} in ${stage}; ${mem}; ${routes} routes written so far`);
    }, HEARTBEAT_MS);
    sample();

    createInterface({ input: child.stdout }).on('line', (line) => {
      keep(line);
      // No early return: a route line may carry the build's `site: … ms` glued to its end.
      if (isRouteLine(line)) routes++;
      const steps = parsePublishSteps(line);
      if (steps) {
        publishSteps = steps;
        return;
      }
      const stage = parseStageLine(line);
      if (stage) {
        sample(); // the instant the stage ended belongs to it
        const at = now();
        events.push({ at, ...stage });
        stages[stage.stage] = (stages[stage.stage] ?? 0) + stage.ms;
        const peak = peaksByStage(samples, events, STAGE_ORDER)[stage.stage];
        const mem = peak ? `, peak ${gb(peak.treeKb)} GB` : '';
        console.log(`  [${label}] ${stage.stage}: ${(stage.ms / 1000).toFixed(1)} s${mem}`);
      }
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      keep(`stderr: ${line}`);
      failedStage ??= parseFailedStage(line);
    });

    let exitCode: number | null = null;
    let wallMs = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearInterval(sampler);
      clearInterval(heartbeat);
      const ok = exitCode === 0;
      if (!ok) {
        console.log(`  [${label}] build failed (exit ${exitCode}); last lines of its output:`);
        for (const line of tail) console.log(`      ${line}`);
      }
      resolvePromise({
        label,
        size,
        ok,
        note: ok ? undefined : `failed${failedStage ? ` at ${failedStage}` : ''} (exit ${exitCode})`,
        stages,
        publishSteps,
        wallMs,
        stagePeaks: peaksByStage(samples, events, STAGE_ORDER, ok ? undefined : failedStage),
        peak: overallPeak(samples),
        rows: {},
      });
    };
    child.on('error', (error) => {
      clearInterval(sampler);
      clearInterval(heartbeat);
      settled = true;
      reject(error);
    });
    child.on('exit', (code, signal) => {
      wallMs = now();
      exitCode = code ?? (signal ? 128 : 1);
      // 'close' follows once the pipes are drained; a grandchild that kept them open (an orphaned
      // helper) must not hang the bench, so stop waiting after a few seconds.
      setTimeout(finish, 5000).unref();
    });
    child.on('close', () => {
      if (exitCode !== null) finish();
    });
  });
}

function printSummary(run: BuildRun): void {
  const stages = Object.entries(run.stages)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
    .join(', ');
  const pages = run.pages === undefined ? '' : `; ${run.pages} pages`;
  console.log(
    `  [${run.label}] ${run.ok ? 'built' : 'FAILED'} in ${(run.wallMs / 1000).toFixed(1)} s (${stages || 'no stage finished'})${pages}; ` +
      `peak ${gb(run.peak.treeKb)} GB over the tree, ${gb(run.peak.largestKb)} GB in one process`,
  );
}

/** Pages of a built site: HTML and JSON routes outside /data/ and /_astro/. */
function countPages(site: string): number | undefined {
  if (!existsSync(site)) return undefined;
  let n = 0;
  for (const f of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const rel = join(f.parentPath, f.name)
      .slice(site.length + 1)
      .split(sep)
      .join('/');
    if (isRouteOutput(rel)) n++;
  }
  return n;
}

function readRows(site: string): Record<string, number> {
  try {
    return csvRowCounts(JSON.parse(readFileSync(join(site, 'data', 'datapackage.json'), 'utf8')));
  } catch {
    return {};
  }
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
