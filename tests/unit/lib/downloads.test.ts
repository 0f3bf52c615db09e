import { describe, expect, it } from 'vitest';
import { downloads, formatBytes } from '../../../src/lib/downloads.ts';
import { datapackageCandidates } from '../../../src/lib/datapackage-file.ts';

describe('formatBytes', () => {
  it('uses B below 1 KiB, one decimal below 10 units', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('downloads', () => {
  const resources = [
    { name: 'projects', path: 'projects.csv', format: 'csv', bytes: 1000, hash: 'sha256:aa', rowCount: 4 },
    {
      name: 'projects_parquet',
      path: 'projects.parquet',
      format: 'parquet',
      bytes: 500,
      hash: 'sha256:bb',
      rowCount: 4,
    },
    { name: 'projects_arrow', path: 'projects.arrow.gz', format: 'arrow', bytes: 600, hash: 'sha256:ee', rowCount: 4 },
    { name: 'quality_report', path: 'quality-report.json', bytes: 30, hash: 'sha256:cc', title: '数据质量报告' },
  ];
  it('lists the seven tables in load order with CSV and Parquet, then the report and the datapackage', () => {
    const d = downloads(resources, { projects: 4 }, { bytes: 70, sha256: 'dd' });
    expect(d.tables.map((t) => t.name)).toEqual([
      'communities',
      'organizations',
      'proposals',
      'projects',
      'transactions',
      'surveys',
      'workforce',
    ]);
    const projects = d.tables[3]!;
    expect(projects.label).toBe('项目');
    expect(projects.rows).toBe(4);
    expect(projects.files).toEqual([
      { href: '/data/projects.csv', fileName: 'projects.csv', format: 'CSV', bytes: 1000, sha256: 'aa' },
      { href: '/data/projects.parquet', fileName: 'projects.parquet', format: 'Parquet', bytes: 500, sha256: 'bb' },
      {
        href: '/data/projects.arrow.gz',
        fileName: 'projects.arrow.gz',
        format: 'Arrow（gzip 压缩）',
        bytes: 600,
        sha256: 'ee',
      },
    ]);
    expect(d.others.map((o) => [o.fileName, o.bytes, o.sha256])).toEqual([
      ['quality-report.json', 30, 'cc'],
      ['datapackage.json', 70, 'dd'],
    ]);
    expect(d.workbook).toBeNull();
    // Other tables have no resource here: CSV and Parquet listed, sizes unknown, so no total.
    expect(d.tables[0]!.files.map((f) => [f.fileName, f.bytes])).toEqual([
      ['communities.csv', null],
      ['communities.parquet', null],
    ]);
    expect(d.totalBytes).toBeNull();
  });
  it('adds up every file when all sizes are known', () => {
    const all = [
      'communities',
      'organizations',
      'proposals',
      'projects',
      'transactions',
      'surveys',
      'workforce',
    ].flatMap((t) => [
      { name: t, path: `${t}.csv`, bytes: 10, hash: 'sha256:1' },
      { name: `${t}_parquet`, path: `${t}.parquet`, bytes: 20, hash: 'sha256:2' },
    ]);
    const d = downloads(
      [...all, { name: 'quality_report', path: 'quality-report.json', bytes: 5 }],
      {},
      { bytes: 7, sha256: 'x' },
    );
    // 7 tables × (10 + 20) + 5 + 7 = 222.
    expect(d.totalBytes).toBe(222);
  });
});

describe('the Excel workbook', () => {
  it('comes first among the other files and is offered to Excel users', () => {
    const d = downloads(
      [
        { name: 'quality_report', path: 'quality-report.json', format: 'json', bytes: 5 },
        {
          name: 'workbook',
          path: 'gongkai.xlsx',
          format: 'xlsx',
          bytes: 2048,
          hash: 'sha256:ff',
          title: 'Excel 工作簿',
          description: '全部表格',
        },
      ],
      {},
      null,
    );
    expect(d.others.map((o) => o.fileName)).toEqual(['gongkai.xlsx', 'quality-report.json', 'datapackage.json']);
    expect(d.workbook).toMatchObject({
      href: '/data/gongkai.xlsx',
      format: 'Excel 工作簿',
      bytes: 2048,
      sha256: 'ff',
      title: 'Excel 工作簿',
    });
  });
});

describe('datapackageCandidates', () => {
  it('looks next to the site database, after an explicit data folder', () => {
    expect(datapackageCandidates({ GONGKAI_DB: '/tmp/s/gongkai.duckdb' })).toEqual(['/tmp/s/data/datapackage.json']);
    expect(datapackageCandidates({ GONGKAI_DB: '/tmp/s/gongkai.duckdb', GONGKAI_DATA_DIR: '/d' })).toEqual([
      '/d/datapackage.json',
      '/tmp/s/data/datapackage.json',
    ]);
  });
});

describe('the derived indicators', () => {
  it('are listed with their own files after the tables, not among the other files', () => {
    const d = downloads(
      [
        {
          name: 'indicators',
          path: 'indicators.csv',
          format: 'csv',
          bytes: 40,
          hash: 'sha256:a1',
          rowCount: 65,
          description: '指标',
        },
        {
          name: 'indicators_parquet',
          path: 'indicators.parquet',
          format: 'parquet',
          bytes: 30,
          hash: 'sha256:a2',
          rowCount: 65,
        },
        { name: 'quality_report', path: 'quality-report.json', format: 'json', bytes: 5 },
      ],
      {},
      null,
    );
    expect(d.derived).toEqual([
      {
        name: 'indicators',
        label: '指标',
        description: '指标',
        rows: 65,
        dictionary: '/data/dictionary/#indicators',
        files: [
          { href: '/data/indicators.csv', fileName: 'indicators.csv', format: 'CSV', bytes: 40, sha256: 'a1' },
          {
            href: '/data/indicators.parquet',
            fileName: 'indicators.parquet',
            format: 'Parquet',
            bytes: 30,
            sha256: 'a2',
          },
        ],
      },
    ]);
    expect(d.others.map((o) => o.fileName)).toEqual(['quality-report.json', 'datapackage.json']);
    expect(downloads([], {}, null).derived).toEqual([]);
  });
});
