import { describe, expect, it } from 'vitest';
import {
  cacheFolderName,
  combineShards,
  csvRowCounts,
  descendants,
  formatScaleTable,
  growthLines,
  isRouteLine,
  isRouteOutput,
  mergeStageOrder,
  overallPeak,
  parseFailedStage,
  parsePublishSteps,
  parseSizes,
  parseStageLine,
  parseStatPpid,
  parseVmRssKb,
  peaksByStage,
  stageAt,
  synthSize,
  type BuildRun,
  type MemorySample,
  type StageEvent,
} from '../../../scripts/bench/scale.ts';

const GB = 1024 * 1024; // kB

describe('reading the build output', () => {
  it('takes any `<word>: <n> ms` line as a stage', () => {
    expect(parseStageLine('  validate: 1050 ms')).toEqual({ stage: 'validate', ms: 1050 });
    expect(parseStageLine('  swap: 0 ms')).toEqual({ stage: 'swap', ms: 0 });
    expect(parseStageLine('  ingest-v2: 12 ms  ')).toEqual({ stage: 'ingest-v2', ms: 12 });
  });

  it('finds the stage glued to the end of an unfinished Astro route line', () => {
    expect(parseStageLine('06:23:31   ├─ /explore/index.html  site: 6304 ms')).toEqual({ stage: 'site', ms: 6304 });
    expect(isRouteLine('06:23:31   ├─ /explore/index.html  site: 6304 ms')).toBe(true);
  });

  it('ignores Astro lines, publish steps and other text', () => {
    for (const line of [
      '06:17:28   ├─ /404.html (+10ms) ',
      '06:17:26 [build] ✓ Completed in 448ms.',
      '  publish steps: csv 73 ms, duckdb 89 ms, parquet 46 ms, arrow 350 ms, xlsx 1375 ms',
      '  publish steps: csv 73 ms',
      '  21 warnings',
      '完成 Built in 12.3 s with 21 data-quality warnings.',
      '  total time: 12 s',
    ])
      expect(parseStageLine(line), line).toBeUndefined();
  });

  it('reads the publish steps', () => {
    expect(
      parsePublishSteps('  publish steps: csv 73 ms, duckdb 89 ms, parquet 46 ms, arrow 350 ms, xlsx 1375 ms'),
    ).toEqual({ csv: 73, duckdb: 89, parquet: 46, arrow: 350, xlsx: 1375 });
    expect(parsePublishSteps('  publish steps: community pages 12 ms')).toEqual({ 'community pages': 12 });
    expect(parsePublishSteps('  publish: 2088 ms')).toBeUndefined();
  });

  it('counts route lines and finds the stage a build failed in', () => {
    expect(isRouteLine('06:17:28   ├─ /communities/330482001001/index.html (+38ms) ')).toBe(true);
    expect(isRouteLine('06:17:28   └─ /transactions/page/9/index.html (+38ms)')).toBe(true);
    expect(isRouteLine(' generating static routes ')).toBe(false);
    expect(parseFailedStage('构建失败 Build failed at site: 0 errors. dist was left as it was.')).toBe('site');
    expect(parseFailedStage('astro build exited with 1')).toBeUndefined();
  });
});

describe('memory per stage', () => {
  const events: StageEvent[] = [
    { at: 1000, stage: 'validate', ms: 900 },
    { at: 3000, stage: 'publish', ms: 2000 },
    { at: 9000, stage: 'site', ms: 6000 },
    { at: 9100, stage: 'swap', ms: 0 },
  ];

  it('gives a sample to the stage whose line came next', () => {
    expect(stageAt(0, events)).toBe('validate');
    expect(stageAt(1000, events)).toBe('validate');
    expect(stageAt(1001, events)).toBe('publish');
    expect(stageAt(5000, events)).toBe('site');
    expect(stageAt(9050, events)).toBe('swap');
  });

  it('after the last line: the next stage in order, the failed stage, or none', () => {
    expect(stageAt(10, [])).toBe('validate');
    expect(stageAt(2000, events.slice(0, 1))).toBe('publish');
    expect(stageAt(5000, events.slice(0, 2))).toBe('site');
    expect(stageAt(9500, events)).toBeUndefined();
    expect(stageAt(5000, [{ at: 3000, stage: 'ingest', ms: 5 }])).toBeUndefined();
    expect(stageAt(5000, events.slice(0, 2), undefined, 'site')).toBe('site');
  });

  it('a new stage of the rewritten pipeline gets its own samples', () => {
    const withIngest: StageEvent[] = [events[0]!, { at: 2000, stage: 'ingest', ms: 1000 }, ...events.slice(1)];
    expect(stageAt(1500, withIngest)).toBe('ingest');
    expect(stageAt(2500, withIngest)).toBe('publish');
  });

  it('takes the peak of the tree and of one process per stage, and overall', () => {
    const samples: MemorySample[] = [
      { at: 200, treeKb: 100, largestKb: 100 },
      { at: 800, treeKb: 300, largestKb: 300 },
      { at: 2000, treeKb: 500, largestKb: 400 },
      { at: 5000, treeKb: 2000, largestKb: 1500 },
      { at: 7000, treeKb: 2500, largestKb: 1200 },
      { at: 9050, treeKb: 600, largestKb: 600 },
      { at: 9500, treeKb: 3000, largestKb: 3000 },
    ];
    expect(peaksByStage(samples, events)).toEqual({
      validate: { treeKb: 300, largestKb: 300 },
      publish: { treeKb: 500, largestKb: 400 },
      site: { treeKb: 2500, largestKb: 1500 },
      swap: { treeKb: 600, largestKb: 600 },
    });
    // After swap belongs to no stage but to the overall peak.
    expect(overallPeak(samples)).toEqual({ treeKb: 3000, largestKb: 3000 });
    expect(overallPeak([])).toEqual({ treeKb: 0, largestKb: 0 });
  });
});

describe('/proc text', () => {
  it('reads VmRSS and the parent pid', () => {
    expect(parseVmRssKb('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  291092 kB\nRssAnon:\t 1 kB\n')).toBe(291092);
    expect(parseVmRssKb('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeUndefined();
    expect(parseStatPpid('4360 (node) R 4245 4227 4227 0 -1')).toBe(4245);
    expect(parseStatPpid('77 (a (b) c) S 12 77 77 0')).toBe(12);
    expect(parseStatPpid('garbage')).toBeUndefined();
  });

  it('collects a process and all its descendants', () => {
    const parentOf = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(descendants(10, parentOf).sort()).toEqual([10, 11, 12, 13]);
    expect(descendants(99, parentOf)).toEqual([99]);
  });
});

describe('options, datasets and sites', () => {
  it('parses sizes', () => {
    expect(parseSizes('1000,10000,20000')).toEqual([1000, 10000, 20000]);
    expect(parseSizes('136, 1k,10K')).toEqual([136, 1000, 10000]);
    expect(() => parseSizes('')).toThrow();
    expect(() => parseSizes('10,abc')).toThrow(/abc/);
    expect(() => parseSizes('0')).toThrow();
  });

  it('names cache folders as README.md does', () => {
    expect(cacheFolderName(1000)).toBe('synth1k');
    expect(cacheFolderName(10000)).toBe('synth10k');
    expect(cacheFolderName(136)).toBe('synth136');
    expect(cacheFolderName(1500)).toBe('synth1500');
  });

  it('reads the size of a synthetic dataset and the rows of a published one', () => {
    expect(synthSize({ name: 'synthetic-10000-seed-20250630' })).toBe(10000);
    expect(synthSize({ name: 'pinghu-sample' })).toBeUndefined();
    expect(synthSize(null)).toBeUndefined();
    expect(
      csvRowCounts({
        resources: [
          { name: 'communities', format: 'csv', rowCount: 136 },
          { name: 'communities_parquet', format: 'parquet', rowCount: 136 },
          { name: 'transactions', format: 'csv', rowCount: 24092 },
          { name: 'quality_report', format: 'json' },
        ],
      }),
    ).toEqual({ communities: 136, transactions: 24092 });
    expect(csvRowCounts({})).toEqual({});
  });

  it('counts HTML and JSON routes, not data downloads or assets', () => {
    expect(isRouteOutput('index.html')).toBe(true);
    expect(isRouteOutput('404.html')).toBe(true);
    expect(isRouteOutput('communities/330482001001/index.html')).toBe(true);
    expect(isRouteOutput('communities/search.json')).toBe(true);
    expect(isRouteOutput('data/index.html')).toBe(false);
    expect(isRouteOutput('data/summary/1.json')).toBe(false);
    expect(isRouteOutput('data/datapackage.json')).toBe(false);
    expect(isRouteOutput('_astro/app.js')).toBe(false);
    expect(isRouteOutput('favicon.svg')).toBe(false);
  });
});

function run(size: number, over: Partial<BuildRun> = {}): BuildRun {
  return {
    label: String(size),
    size,
    ok: true,
    stages: { validate: 1000, publish: 2000, site: 10_000, swap: 0 },
    wallMs: 14_000,
    stagePeaks: {
      validate: { treeKb: 0.2 * GB, largestKb: 0.2 * GB },
      publish: { treeKb: 0.5 * GB, largestKb: 0.5 * GB },
      site: { treeKb: 2.04 * GB, largestKb: 1.5 * GB },
      swap: { treeKb: 0.3 * GB, largestKb: 0.3 * GB },
    },
    peak: { treeKb: 2.04 * GB, largestKb: 1.5 * GB },
    pages: 500,
    rows: { communities: size, transactions: 24 * size, surveys: 12 * size },
    ...over,
  };
}

describe('the table', () => {
  it('merges stage orders, a new stage after the one it followed', () => {
    expect(
      mergeStageOrder([
        { stages: { validate: 1, publish: 1, site: 1, swap: 1 }, stagePeaks: {} },
        { stages: { validate: 1, ingest: 1, publish: 1 }, stagePeaks: { site: { treeKb: 1, largestKb: 1 } } },
      ]),
    ).toEqual(['validate', 'ingest', 'publish', 'site', 'swap']);
  });

  it('prints one aligned row per run with seconds, GB and pages per second', () => {
    const lines = formatScaleTable([
      run(136),
      run(1000, {
        ok: false,
        note: 'failed at site (exit 1)',
        stages: { validate: 3000, publish: 9000 },
        pages: undefined,
        rows: {},
      }),
    ]);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/rows ─+/);
    expect(lines[0]).toContain('seconds');
    expect(lines[0]).toContain('peak GB (process tree)');
    const header = lines[1]!.trim().split(/\s+/);
    expect(header).toEqual([
      'size',
      'communities',
      'transactions',
      'surveys',
      'pages',
      'validate',
      'publish',
      'site',
      'swap',
      'wall',
      'validate',
      'publish',
      'site',
      'swap',
      'all',
      '1',
      'proc',
      'pages/s',
      'note',
    ]);
    expect(lines[2]!.trim().split(/\s+/)).toEqual(
      ['136', '136', '3264', '1632', '500', '1.0', '2.0', '10.0', '0.0', '14.0'].concat([
        '0.2',
        '0.5',
        '2.0',
        '0.3',
        '2.0',
        '1.5',
        '50.0',
      ]),
    );
    expect(lines[3]).toMatch(/^1000 +1000 +– +– +– +3\.0 +9\.0 +– +– +14\.0 .* failed at site \(exit 1\)$/);
    // Right-aligned columns end at the same place on every line.
    expect(lines[2]!.indexOf(' 500 ') + ' 500'.length).toBe(lines[1]!.indexOf(' pages ') + ' pages'.length);
  });

  it('sums shards: times and pages add up, memory is the largest', () => {
    const total = combineShards(1000, [
      run(1000, { label: '1000 #1/2', pages: 300, publishSteps: { csv: 10 } }),
      run(1000, {
        label: '1000 #2/2',
        pages: 250,
        peak: { treeKb: 3 * GB, largestKb: GB },
        stagePeaks: { site: { treeKb: 3 * GB, largestKb: GB } },
        publishSteps: { csv: 5 },
      }),
    ]);
    expect(total.label).toBe('1000 Σ2');
    expect(total.ok).toBe(true);
    expect(total.wallMs).toBe(28_000);
    expect(total.stages).toEqual({ validate: 2000, publish: 4000, site: 20_000, swap: 0 });
    expect(total.pages).toBe(550);
    expect(total.peak).toEqual({ treeKb: 3 * GB, largestKb: 1.5 * GB });
    expect(total.stagePeaks['site']).toEqual({ treeKb: 3 * GB, largestKb: 1.5 * GB });
    expect(total.publishSteps).toEqual({ csv: 15 });
    expect(total.rows['communities']).toBe(1000);

    const failed = combineShards(1000, [run(1000), run(1000, { ok: false, pages: undefined })]);
    expect(failed.ok).toBe(false);
    expect(failed.note).toBe('1 of 2 shards failed');
    expect(failed.pages).toBe(500);
  });

  it('prints the growth of each size against the previous', () => {
    const lines = growthLines([
      run(1000),
      run(10000, {
        wallMs: 140_000 + 14_000,
        stages: { site: 120_000 },
        pages: 5000,
        peak: { treeKb: 4.08 * GB, largestKb: 0 },
      }),
      run(20000, { ok: false }),
    ]);
    expect(lines).toEqual([
      't(10000)/t(1000) = 11.00× for 10.00× communities; site 12.00×; peak memory 2.00×; pages 10.00×',
      't(20000)/t(10000): – (a build failed)',
    ]);
    expect(growthLines([run(1000)])).toEqual([]);
  });
});
