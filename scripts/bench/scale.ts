/**
 * The pure parts of `npm run bench -- --scale <sizes>`: reading what the build prints, putting
 * memory samples into the stage that was running, and shaping the results into one table and the
 * growth between sizes. Everything here takes values and returns values (no files, no processes),
 * so it is unit-tested (tests/unit/bench/); scripts/bench/run-scale.ts does the running.
 */

/** The stages of scripts/build.ts in the order they run; other `<word>: <n> ms` lines may appear. */
export const STAGE_ORDER: readonly string[] = ['validate', 'publish', 'site', 'swap'];

/** A `  <stage>: <n> ms` line of the build, seen `at` ms after the build started. */
export interface StageEvent {
  at: number;
  stage: string;
  ms: number;
}

/** Resident memory of the build's process tree at one instant (kB, as /proc reports it). */
export interface MemorySample {
  at: number;
  /** Sum of VmRSS over the build process and all its descendants. */
  treeKb: number;
  /** VmRSS of the largest single process of the tree. */
  largestKb: number;
}

export interface Peak {
  treeKb: number;
  largestKb: number;
}

// ---------------------------------------------------------------------------------------------
// What the build prints

/**
 * `  validate: 1050 ms` → { stage: 'validate', ms: 1050 }. A single word (letters, digits, `.`,
 * `_`, `-`) before the colon, a space before it and nothing after `ms`, so that Astro's own
 * lines (`06:17:28   ├─ /404.html (+10ms)`, `✓ Completed in 448ms.`) and `publish steps: …`
 * never count. Not anchored at the start: Astro and the build write into the same pipe, and
 * Astro's last route line has no newline, so the build's `  site: 9803 ms` comes glued to it
 * (`06:23:31   ├─ /explore/index.html  site: 6304 ms`).
 */
export function parseStageLine(line: string): { stage: string; ms: number } | undefined {
  const m = /(?:^|\s)([A-Za-z][\w.-]*): (\d+(?:\.\d+)?) ms\s*$/.exec(line);
  return m ? { stage: m[1]!, ms: Number(m[2]) } : undefined;
}

/** `  publish steps: csv 73 ms, duckdb 89 ms, …` → { csv: 73, duckdb: 89, … }. */
export function parsePublishSteps(line: string): Record<string, number> | undefined {
  const m = /(?:^|\s)publish steps:\s*(.*)$/.exec(line);
  if (!m) return undefined;
  const steps: Record<string, number> = {};
  for (const part of m[1]!.split(',')) {
    const s = /^\s*(.+?)\s+(\d+(?:\.\d+)?)\s*ms\s*$/.exec(part);
    if (s) steps[s[1]!] = Number(s[2]);
  }
  return steps;
}

/** Astro's `  ├─ /communities/1/index.html (+12ms)` lines: one per route written, for progress. */
export function isRouteLine(line: string): boolean {
  return /[├└]─ \/\S*/.test(line);
}

/** `构建失败 Build failed at site: …` (scripts/build.ts on error) → 'site'. */
export function parseFailedStage(line: string): string | undefined {
  return /Build failed at ([A-Za-z][\w.-]*)/.exec(line)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Memory per stage

/**
 * The stage running at `at`: the first stage whose completion line came at or after `at` (a
 * stage line is printed when the stage ends, so everything between two lines belongs to the
 * later one). After the last line, the stage that follows it in `order`, or the stage the build
 * reported failing in; undefined when that is unknown (e.g. after `swap`, while the build exits):
 * such samples still count in the overall peak, just in no stage.
 */
export function stageAt(
  at: number,
  events: readonly StageEvent[],
  order: readonly string[] = STAGE_ORDER,
  failedStage?: string,
): string | undefined {
  for (const e of events) if (e.at >= at) return e.stage;
  if (failedStage) return failedStage;
  const last = events.at(-1)?.stage;
  if (last === undefined) return order[0];
  const i = order.indexOf(last);
  return i >= 0 && i + 1 < order.length ? order[i + 1] : undefined;
}

/** Peak tree and single-process memory per stage (events must be in the order they came). */
export function peaksByStage(
  samples: readonly MemorySample[],
  events: readonly StageEvent[],
  order: readonly string[] = STAGE_ORDER,
  failedStage?: string,
): Record<string, Peak> {
  const peaks: Record<string, Peak> = {};
  for (const s of samples) {
    const stage = stageAt(s.at, events, order, failedStage);
    if (stage === undefined) continue;
    const p = (peaks[stage] ??= { treeKb: 0, largestKb: 0 });
    p.treeKb = Math.max(p.treeKb, s.treeKb);
    p.largestKb = Math.max(p.largestKb, s.largestKb);
  }
  return peaks;
}

export function overallPeak(samples: readonly MemorySample[]): Peak {
  return samples.reduce(
    (p, s) => ({ treeKb: Math.max(p.treeKb, s.treeKb), largestKb: Math.max(p.largestKb, s.largestKb) }),
    { treeKb: 0, largestKb: 0 },
  );
}

// ---------------------------------------------------------------------------------------------
// /proc text

/** VmRSS of a /proc/<pid>/status text, in kB (undefined for kernel threads and zombies). */
export function parseVmRssKb(status: string): number | undefined {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) : undefined;
}

/** The parent pid from a /proc/<pid>/stat text; the command name may hold spaces and parentheses. */
export function parseStatPpid(stat: string): number | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = stat.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Every pid under `root` (root included), given each process's parent. */
export function descendants(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (out.includes(pid)) continue;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Options and datasets

/** `1000,10000,20000` → [1000, 10000, 20000]; `10k` is accepted too. */
export function parseSizes(text: string): number[] {
  const sizes = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^(\d+)(k?)$/i.exec(s);
      const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
      if (!Number.isInteger(n) || n < 1) throw new Error(`--scale: "${s}" is not a number of communities`);
      return n;
    });
  if (sizes.length === 0) throw new Error('--scale needs sizes, e.g. --scale 1000,10000,20000');
  return sizes;
}

/**
 * The folder of a size inside --scale-cache: `synth10k` for 10000 (the names README.md uses,
 * so `--scale-cache /tmp` finds /tmp/synth1k and /tmp/synth10k), `synth136` otherwise.
 */
export function cacheFolderName(n: number): string {
  return n % 1000 === 0 ? `synth${n / 1000}k` : `synth${n}`;
}

/** The number of communities scripts/synth.ts wrote, from its datapackage.json name. */
export function synthSize(datapackage: unknown): number | undefined {
  const name = isRecord(datapackage) ? datapackage['name'] : undefined;
  const m = typeof name === 'string' ? /^synthetic-(\d+)-/.exec(name) : null;
  return m ? Number(m[1]) : undefined;
}

/** Rows per table of a published datapackage.json: the rowCount of each CSV resource. */
export function csvRowCounts(datapackage: unknown): Record<string, number> {
  const rows: Record<string, number> = {};
  const resources = isRecord(datapackage) ? datapackage['resources'] : undefined;
  if (!Array.isArray(resources)) return rows;
  for (const r of resources as unknown[]) {
    if (!isRecord(r) || r['format'] !== 'csv') continue;
    const { name, rowCount } = r;
    if (typeof name === 'string' && typeof rowCount === 'number') rows[name] = rowCount;
  }
  return rows;
}

/**
 * Whether a file of the built site (path relative to it, `/`-separated) is a page: HTML and the
 * JSON routes (e.g. communities/search.json); the data downloads and Astro's assets are not.
 */
export function isRouteOutput(relPath: string): boolean {
  if (/^(data|_astro)\//.test(relPath)) return false;
  return relPath.endsWith('.html') || relPath.endsWith('.json');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Results

/** One build (or, from combineShards, the sum of a size's shard builds). */
export interface BuildRun {
  /** Row label: `1000`, `1000 #2/4`, `1000 Σ4`. */
  label: string;
  /** Communities asked for. */
  size: number;
  ok: boolean;
  /** Why it failed (or undefined). */
  note?: string;
  /** Stage → ms, as the build printed them, in the order they came. */
  stages: Record<string, number>;
  publishSteps?: Record<string, number>;
  wallMs: number;
  stagePeaks: Record<string, Peak>;
  peak: Peak;
  /** Undefined when the site was not there to count (failed build). */
  pages?: number;
  /** Table → rows, from the built datapackage.json. */
  rows: Record<string, number>;
}

/**
 * The shards of one size as one run: times add up (they run one after another), memory is the
 * largest of any shard, pages add up (a page every shard writes, like 404.html, counts once
 * per shard), rows come from the first shard that published them.
 */
export function combineShards(size: number, shards: readonly BuildRun[]): BuildRun {
  const stages: Record<string, number> = {};
  const stagePeaks: Record<string, Peak> = {};
  for (const s of shards) {
    for (const [k, v] of Object.entries(s.stages)) stages[k] = (stages[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.stagePeaks)) {
      const p = stagePeaks[k] ?? { treeKb: 0, largestKb: 0 };
      stagePeaks[k] = { treeKb: Math.max(p.treeKb, v.treeKb), largestKb: Math.max(p.largestKb, v.largestKb) };
    }
  }
  const publishSteps: Record<string, number> = {};
  for (const s of shards)
    for (const [k, v] of Object.entries(s.publishSteps ?? {})) publishSteps[k] = (publishSteps[k] ?? 0) + v;
  const failed = shards.filter((s) => !s.ok);
  const counted = shards.filter((s) => s.pages !== undefined);
  return {
    label: `${size} Σ${shards.length}`,
    size,
    ok: failed.length === 0,
    note: failed.length ? `${failed.length} of ${shards.length} shards failed` : undefined,
    stages,
    publishSteps: Object.keys(publishSteps).length ? publishSteps : undefined,
    wallMs: shards.reduce((t, s) => t + s.wallMs, 0),
    stagePeaks,
    peak: {
      treeKb: Math.max(0, ...shards.map((s) => s.peak.treeKb)),
      largestKb: Math.max(0, ...shards.map((s) => s.peak.largestKb)),
    },
    pages: counted.length ? counted.reduce((t, s) => t + s.pages!, 0) : undefined,
    rows: shards.find((s) => Object.keys(s.rows).length > 0)?.rows ?? {},
  };
}

/**
 * The stages of all runs in one order: each run's stages in the order it printed them, a stage
 * not seen before going right after the one it followed (so a new `ingest` lands between
 * `validate` and `publish`, not at the end).
 */
export function mergeStageOrder(runs: readonly Pick<BuildRun, 'stages' | 'stagePeaks'>[]): string[] {
  const order: string[] = [];
  for (const run of runs) {
    let previous: string | undefined;
    // A failed build has memory for the stage it failed in but no time: that stage comes last.
    const seen = [...new Set([...Object.keys(run.stages), ...Object.keys(run.stagePeaks)])];
    for (const stage of seen) {
      if (!order.includes(stage)) order.splice(previous === undefined ? 0 : order.indexOf(previous) + 1, 0, stage);
      previous = stage;
    }
  }
  return order;
}

const GB = 1024 * 1024; // kB per GB (GiB, as free(1) and /proc count)

export function gb(kb: number): string {
  return (kb / GB).toFixed(1);
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '–' : (ms / 1000).toFixed(1);
}

interface Column {
  group: string;
  header: string;
  left?: boolean;
  value(run: BuildRun): string;
}

/**
 * The table of every run: size, rows, pages, seconds per stage and in all, peak memory of the
 * process tree per stage and overall, of the largest single process, and site pages per second.
 */
export function formatScaleTable(runs: readonly BuildRun[]): string[] {
  const stages = mergeStageOrder(runs);
  const count = (n: number | undefined) => (n === undefined ? '–' : String(n));
  const columns: Column[] = [
    { group: '', header: 'size', left: true, value: (r) => r.label },
    { group: 'rows', header: 'communities', value: (r) => count(r.rows['communities'] ?? r.size) },
    { group: 'rows', header: 'transactions', value: (r) => count(r.rows['transactions']) },
    { group: 'rows', header: 'surveys', value: (r) => count(r.rows['surveys']) },
    { group: '', header: 'pages', value: (r) => count(r.pages) },
    ...stages.map((s) => ({ group: 'seconds', header: s, value: (r: BuildRun) => seconds(r.stages[s]) })),
    { group: 'seconds', header: 'wall', value: (r) => seconds(r.wallMs) },
    ...stages.map((s) => ({
      group: 'peak GB (process tree)',
      header: s,
      value: (r: BuildRun) => (r.stagePeaks[s] ? gb(r.stagePeaks[s].treeKb) : '–'),
    })),
    { group: 'peak GB (process tree)', header: 'all', value: (r) => gb(r.peak.treeKb) },
    { group: 'peak GB (process tree)', header: '1 proc', value: (r) => gb(r.peak.largestKb) },
    {
      group: '',
      header: 'pages/s',
      value: (r) => {
        const site = r.stages['site'];
        return r.pages !== undefined && site ? (r.pages / (site / 1000)).toFixed(1) : '–';
      },
    },
    { group: '', header: 'note', left: true, value: (r) => (r.ok ? '' : (r.note ?? 'failed')) },
  ];
  const cells = runs.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const pad = (text: string, i: number) => (columns[i]!.left ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  const sep = '  ';

  // The group line: each group's name over the span of its columns, with a rule to its end.
  let groupLine = '';
  for (let i = 0; i < columns.length;) {
    let j = i;
    let span = widths[i]!;
    while (j + 1 < columns.length && columns[j + 1]!.group === columns[i]!.group) {
      j++;
      span += sep.length + widths[j]!;
    }
    const g = columns[i]!.group;
    groupLine += (i > 0 ? sep : '') + (g ? `${g} `.padEnd(span, '─').slice(0, span) : ' '.repeat(span));
    i = j + 1;
  }
  const lines = [
    groupLine.trimEnd(),
    columns
      .map((c, i) => pad(c.header, i))
      .join(sep)
      .trimEnd(),
  ];
  for (const row of cells)
    lines.push(
      row
        .map((c, i) => pad(c, i))
        .join(sep)
        .trimEnd(),
    );
  return lines;
}

/**
 * How each size grew against the previous one: time, peak memory and pages against the ratio
 * of communities (1.0× per 1.0× is linear). Failed builds give no ratio.
 */
export function growthLines(runs: readonly BuildRun[]): string[] {
  const lines: string[] = [];
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1]!;
    const b = runs[i]!;
    const head = `t(${b.size})/t(${a.size})`;
    if (!a.ok || !b.ok) {
      lines.push(`${head}: – (a build failed)`);
      continue;
    }
    const ratio = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(2)}×` : '–');
    const parts = [
      `${head} = ${ratio(b.wallMs, a.wallMs)} for ${ratio(b.size, a.size)} communities`,
      `site ${ratio(b.stages['site'] ?? 0, a.stages['site'] ?? 0)}`,
      `peak memory ${ratio(b.peak.treeKb, a.peak.treeKb)}`,
    ];
    if (a.pages !== undefined && b.pages !== undefined) parts.push(`pages ${ratio(b.pages, a.pages)}`);
    lines.push(parts.join('; '));
  }
  return lines;
}
