/**
 * The indicators and signals of tests/fixtures/indicators, every one counted by hand (the counts
 * are written out beside each expected value), against what indicators.sql and signals.sql give.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, currentDatabasePath } from '../../../src/build/pipeline.ts';
import { runQuery } from '../../../src/db/build-database.ts';
import { openNodeDatabase } from '../../../src/db/node.ts';
import { csvCell, parseCsv, UTF8_BOM } from '../../../src/lib/csv.ts';
import type { FrictionlessSchema } from '../../../src/schema/frictionless.ts';
import { wilsonInterval } from '../../../src/lib/format.ts';
import { INDICATOR_KEYS, INDICATOR_LIST, SIGNAL_KEYS } from '../../../src/lib/indicators.ts';
import { MIN_RESPONDENTS } from '../../../src/schema/index.ts';
import type { QueryRow } from '../../../src/queries/rows.ts';

const FIXTURE = 'tests/fixtures/indicators';
let scratch: string;
let rows: QueryRow<'indicators'>[];
let signals: QueryRow<'signals'>[];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gongkai-indicators-'));
  const workDir = join(scratch, 'work');
  const result = await buildSite({ dataDir: FIXTURE, outDir: join(scratch, 'dist'), workDir, dataOnly: true });
  if (!result.ok) throw new Error(`The fixture did not build: ${JSON.stringify(result)}`);
  process.env['GONGKAI_DB'] = currentDatabasePath(workDir);
  rows = await runQuery('indicators', [MIN_RESPONDENTS]);
  signals = await runQuery('signals', [MIN_RESPONDENTS]);
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const DONGHU = '330482001001';
const NANHETOU = '330482001002';
const YEMA = '330482102201';
const STREET_A = '330482001';
const STREET_B = '330482102';
const CITY = '330482';

type Expected = [scopeId: string, year: number, value: number | null, numerator: number | null, denominator: number];

function check(indicator: string, expected: Expected[]) {
  const got = rows
    .filter((r) => r.indicator === indicator)
    .map((r) => [r.scope_id, r.year, r.value, r.numerator, r.denominator] as const)
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  const want = [...expected].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  expect(got.map((g) => g.slice(0, 2))).toEqual(want.map((w) => w.slice(0, 2)));
  got.forEach((g, i) => {
    const w = want[i]!;
    if (w[2] === null) expect(g[2], `${indicator} ${g[0]} ${g[1]} value`).toBeNull();
    else expect(g[2], `${indicator} ${g[0]} ${g[1]} value`).toBeCloseTo(w[2], 9);
    expect(g[3], `${indicator} ${g[0]} ${g[1]} numerator`).toEqual(w[3]);
    expect(g[4], `${indicator} ${g[0]} ${g[1]} denominator`).toEqual(w[4]);
  });
}

describe('indicators.sql on the hand-counted fixture', () => {
  it('has a scope for each community, street and the city, and only the known indicators', () => {
    expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(INDICATOR_KEYS));
    const scopes = new Set(rows.map((r) => `${r.scope}:${r.scope_id}`));
    expect(scopes).toEqual(
      new Set([
        `city:${CITY}`,
        `street:${STREET_A}`,
        `street:${STREET_B}`,
        `community:${DONGHU}`,
        `community:${NANHETOU}`,
        `community:${YEMA}`,
      ]),
    );
  });

  it('government_share: government-source income ÷ all income', () => {
    check('government_share', [
      [DONGHU, 2024, 80000 / 92000, 80000, 92000], // T0001 80,000 of 80,000 + 4,300 + 7,700
      [DONGHU, 2025, 1, 45000, 45000], // T0007
      [NANHETOU, 2023, 1, 10000, 10000], // T0101 fiscal
      [NANHETOU, 2024, 1, 20000, 20000], // T0103 government purchase
      [YEMA, 2024, 1, 30000, 30000], // T0105
      [YEMA, 2025, 0, 0, 1600], // T0008 individual donation only
      [STREET_A, 2023, 1, 10000, 10000],
      [STREET_A, 2024, 100000 / 112000, 100000, 112000],
      [STREET_A, 2025, 1, 45000, 45000],
      [STREET_B, 2024, 1, 30000, 30000],
      [STREET_B, 2025, 0, 0, 1600],
      [CITY, 2023, 1, 10000, 10000],
      [CITY, 2024, 130000 / 142000, 130000, 142000],
      [CITY, 2025, 45000 / 46600, 45000, 46600],
    ]);
  });

  it('charitable_leverage: charitable income ÷ government income (none when there is no government income)', () => {
    check('charitable_leverage', [
      [DONGHU, 2024, 0.15, 12000, 80000], // crowdfunding 4,300 + community fund 7,700
      [DONGHU, 2025, 0, 0, 45000],
      [NANHETOU, 2023, 0, 0, 10000],
      [NANHETOU, 2024, 0, 0, 20000],
      [YEMA, 2024, 0, 0, 30000],
      [YEMA, 2025, null, 1600, 0],
      [STREET_A, 2023, 0, 0, 10000],
      [STREET_A, 2024, 0.12, 12000, 100000],
      [STREET_A, 2025, 0, 0, 45000],
      [STREET_B, 2024, 0, 0, 30000],
      [STREET_B, 2025, null, 1600, 0],
      [CITY, 2023, 0, 0, 10000],
      [CITY, 2024, 12000 / 130000, 12000, 130000],
      [CITY, 2025, 1600 / 45000, 1600, 45000],
    ]);
  });

  it('linkage_index: mean of (1 + social organization + social worker + volunteer + charitable) ÷ 5', () => {
    // P2024-001 4 (agency, 3 workers, 35 volunteers, no charitable money); P2024-002 4 (community
    // org, no worker, volunteers, crowdfunding); P2025-001 4; P2023-F1 2 (agency only); P2024-F2 4
    // (agency, worker, volunteers); P2024-N 2 (no operator, volunteers); P2024-O 1 (enterprise).
    check('linkage_index', [
      [DONGHU, 2024, 0.8, 8, 10],
      [DONGHU, 2025, 0.8, 4, 5],
      [NANHETOU, 2023, 0.4, 2, 5],
      [NANHETOU, 2024, 0.6, 6, 10],
      [YEMA, 2024, 0.2, 1, 5],
      [STREET_A, 2023, 0.4, 2, 5],
      [STREET_A, 2024, 0.7, 14, 20],
      [STREET_A, 2025, 0.8, 4, 5],
      [STREET_B, 2024, 0.2, 1, 5],
      [CITY, 2023, 0.4, 2, 5],
      [CITY, 2024, 0.6, 15, 25],
      [CITY, 2025, 0.8, 4, 5],
    ]);
  });

  it('resident_origin: resident proposals ÷ projects started', () => {
    check('resident_origin', [
      [DONGHU, 2024, 0.5, 1, 2],
      [DONGHU, 2025, 0, 0, 1],
      [NANHETOU, 2023, 0, 0, 1],
      [NANHETOU, 2024, 0.5, 1, 2],
      [YEMA, 2024, 0, 0, 1],
      [STREET_A, 2023, 0, 0, 1],
      [STREET_A, 2024, 0.5, 2, 4],
      [STREET_A, 2025, 0, 0, 1],
      [STREET_B, 2024, 0, 0, 1],
      [CITY, 2023, 0, 0, 1],
      [CITY, 2024, 0.4, 2, 5],
      [CITY, 2025, 0, 0, 1],
    ]);
  });

  it('proposal_conversion and proposal_median_days', () => {
    check('proposal_conversion', [
      [DONGHU, 2024, 1, 1, 1], // TS2024-001 decided
      [YEMA, 2025, 0, 0, 1], // TS2025-003 deliberated
      [STREET_A, 2024, 1, 1, 1],
      [STREET_B, 2025, 0, 0, 1],
      [CITY, 2024, 1, 1, 1],
      [CITY, 2025, 0, 0, 1],
    ]);
    // 2024-01-08 → 2024-02-20: 43 days.
    check('proposal_median_days', [
      [DONGHU, 2024, 43, null, 1],
      [STREET_A, 2024, 43, null, 1],
      [CITY, 2024, 43, null, 1],
    ]);
  });

  it('execution: expenditure ÷ budget of the projects completed that year', () => {
    check('execution', [
      [DONGHU, 2024, 87300.5 / 92000, 87300.5, 92000], // 45,000 + 30,500.5 + 11,800 of 80,000 + 12,000
      [NANHETOU, 2023, 0.9, 9000, 10000],
      [NANHETOU, 2024, 1, 25000, 25000], // F2 25,000 of 20,000; N nothing of 5,000
      [STREET_A, 2023, 0.9, 9000, 10000],
      [STREET_A, 2024, 112300.5 / 117000, 112300.5, 117000],
      [CITY, 2023, 0.9, 9000, 10000],
      [CITY, 2024, 112300.5 / 117000, 112300.5, 117000],
    ]);
  });

  it('continuity: good projects completed that year that a later project continues', () => {
    check('continuity', [
      [DONGHU, 2024, 1, 1, 1], // P2024-001, continued by P2025-001
      [NANHETOU, 2024, 0, 0, 1], // P2024-N, not continued
      [STREET_A, 2024, 0.5, 1, 2],
      [CITY, 2024, 0.5, 1, 2],
    ]);
  });

  it('satisfaction: the year’s last overall survey, none below 30 respondents, with a Wilson interval', () => {
    check('satisfaction', [
      [DONGHU, 2024, 281 / 320, 281, 320],
      [NANHETOU, 2025, null, 18, 20], // 20 respondents: too few
      [YEMA, 2025, 51 / 60, 51, 60],
      [STREET_A, 2024, 281 / 320, 281, 320],
      [STREET_A, 2025, null, 18, 20],
      [STREET_B, 2025, 51 / 60, 51, 60],
      [CITY, 2024, 281 / 320, 281, 320],
      [CITY, 2025, 69 / 80, 69, 80],
    ]);
    for (const r of rows.filter((x) => x.indicator === 'satisfaction')) {
      const ci = r.value === null ? null : wilsonInterval(r.numerator!, r.denominator);
      if (ci === null) expect([r.ci_low, r.ci_high]).toEqual([null, null]);
      else {
        expect(r.ci_low).toBeCloseTo(ci.low, 9);
        expect(r.ci_high).toBeCloseTo(ci.high, 9);
      }
    }
    expect(rows.filter((r) => r.indicator !== 'satisfaction' && (r.ci_low !== null || r.ci_high !== null))).toEqual([]);
  });

  it('social workers per 10,000 and volunteer hours per 1,000 residents', () => {
    check('social_workers_per_10k', [
      [DONGHU, 2024, (6 / 8900) * 10000, 6, 8900],
      [DONGHU, 2025, (7 / 8900) * 10000, 7, 8900], // 2025-Q2, the year's last report
      [YEMA, 2024, (1 / 2600) * 10000, 1, 2600],
      [STREET_A, 2024, (6 / 8900) * 10000, 6, 8900],
      [STREET_A, 2025, (7 / 8900) * 10000, 7, 8900],
      [STREET_B, 2024, (1 / 2600) * 10000, 1, 2600],
      [CITY, 2024, (7 / 11500) * 10000, 7, 11500],
      [CITY, 2025, (7 / 8900) * 10000, 7, 8900],
    ]);
    check('volunteer_hours_per_1k', [
      [DONGHU, 2024, (8620.5 / 8900) * 1000, 8620.5, 8900],
      [DONGHU, 2025, (2310 / 8900) * 1000, 2310, 8900],
      [YEMA, 2024, (900 / 2600) * 1000, 900, 2600],
      [STREET_A, 2024, (8620.5 / 8900) * 1000, 8620.5, 8900],
      [STREET_A, 2025, (2310 / 8900) * 1000, 2310, 8900],
      [STREET_B, 2024, (900 / 2600) * 1000, 900, 2600],
      [CITY, 2024, (9520.5 / 11500) * 1000, 9520.5, 11500],
      [CITY, 2025, (2310 / 8900) * 1000, 2310, 8900],
    ]);
  });
});

describe('signals.sql on the hand-counted fixture', () => {
  it('finds exactly the signals planted', () => {
    const got = signals.map((s) => [
      s.signal,
      s.community_id,
      s.project_id,
      s.related_id,
      s.amount,
      s.reference,
      s.period,
      s.respondents,
    ]);
    expect(got).toEqual([
      // 东湖: last community-wide survey 2024 (none in April–June 2025)
      ['no_recent_survey', DONGHU, null, null, null, null, '2024', null],
      ['fail_twice', NANHETOU, 'P2024-F2', 'P2023-F1', null, null, null, null],
      ['over_income', NANHETOU, 'P2024-F2', null, 25000, 20000, null, null],
      ['over_budget', NANHETOU, 'P2024-F2', null, 25000, 20000, null, null],
      ['no_expenditure', NANHETOU, 'P2024-N', null, null, 5000, null, null],
      ['small_survey', NANHETOU, null, 'S2025-06', null, null, '2025-Q2', 20],
      ['small_survey', NANHETOU, 'P2024-N', 'S2024-09', null, null, '2024-Q4', 12],
      ['overdue', YEMA, 'P2024-O', null, null, null, '2025-03-31', null],
      ['no_recent_survey', YEMA, null, null, null, null, '2025-03', null],
    ]);
    expect(new Set(signals.map((s) => s.signal))).toEqual(new Set(SIGNAL_KEYS));
  });
});

describe('the published indicators.csv and indicators.parquet', () => {
  const dataDir = () => join(scratch, 'dist', 'data');
  const COLUMNS = 'scope,scope_id,year,indicator,value,numerator,denominator,ci_low,ci_high';
  type Resource = {
    name: string;
    path: string;
    bytes: number;
    hash: string;
    rowCount: number;
    schema: FrictionlessSchema;
  };

  async function resources(): Promise<Resource[]> {
    const pkg = JSON.parse(await readFile(join(dataDir(), 'datapackage.json'), 'utf8')) as { resources: Resource[] };
    return pkg.resources.filter((r) => r.name === 'indicators' || r.name === 'indicators_parquet');
  }

  it('are listed in datapackage.json with their bytes, SHA-256, row count and schema', async () => {
    const listed = await resources();
    expect(listed.map((r) => r.path)).toEqual(['indicators.csv', 'indicators.parquet']);
    for (const r of listed) {
      const bytes = await readFile(join(dataDir(), r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(r.rowCount, r.path).toBe(rows.length);
      expect(r.schema.fields.map((f) => f.name).join(','), r.path).toBe(COLUMNS);
      expect(r.schema.primaryKey).toEqual(['scope', 'scope_id', 'year', 'indicator']);
      const types = Object.fromEntries(r.schema.fields.map((f) => [f.name, f.type]));
      expect(types).toMatchObject({
        scope: 'string',
        scope_id: 'string',
        year: 'integer',
        value: 'number',
        ci_high: 'number',
      });
      const scope = r.schema.fields.find((f) => f.name === 'scope')!;
      expect(scope.constraints?.['enum']).toEqual(['community', 'street', 'city']);
      const indicator = r.schema.fields.find((f) => f.name === 'indicator')!;
      expect(indicator.constraints?.['enum']).toEqual([...INDICATOR_KEYS]);
      expect(indicator.categories).toEqual(INDICATOR_LIST.map((d) => ({ value: d.key, label: d.name })));
      for (const d of INDICATOR_LIST) expect(indicator.description).toContain(`${d.key} ${d.name}`);
    }
  });

  it('the CSV opens with the BOM and the English header, ends lines with CRLF, and holds the query’s rows in its order', async () => {
    const bytes = await readFile(join(dataDir(), 'indicators.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(`${UTF8_BOM}${COLUMNS}`);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
    const lines = parseCsv(text).slice(1);
    const columns = COLUMNS.split(',') as (keyof QueryRow<'indicators'>)[];
    expect(lines).toEqual(rows.map((r) => columns.map((c) => csvCell(r[c]))));
  });

  it('the CSV has the hand-counted values', async () => {
    const lines = parseCsv(await readFile(join(dataDir(), 'indicators.csv'), 'utf8')).slice(1);
    const find = (scopeId: string, year: number, indicator: string) =>
      lines.find((l) => l[1] === scopeId && l[2] === String(year) && l[3] === indicator);
    // government_share: T0001 80,000 of 80,000 + 4,300 + 7,700.
    const donghu = find(DONGHU, 2024, 'government_share')!;
    expect(donghu[0]).toBe('community');
    expect(Number(donghu[4])).toBeCloseTo(80000 / 92000, 12);
    expect(donghu.slice(5, 9)).toEqual(['80000', '92000', '', '']);
    // charitable_leverage: none without government income.
    expect(find(YEMA, 2025, 'charitable_leverage')!.slice(4, 7)).toEqual(['', '1600', '0']);
    expect(find(STREET_A, 2024, 'charitable_leverage')!.slice(0, 7)).toEqual([
      'street',
      STREET_A,
      '2024',
      'charitable_leverage',
      '0.12',
      '12000',
      '100000',
    ]);
    // linkage_index: 15 points of 25 over the city's five projects of 2024.
    expect(find(CITY, 2024, 'linkage_index')!.slice(0, 7)).toEqual([
      'city',
      CITY,
      '2024',
      'linkage_index',
      '0.6',
      '15',
      '25',
    ]);
  });

  it('the Parquet file holds the same rows, typed', async () => {
    const db = await openNodeDatabase();
    try {
      const path = join(dataDir(), 'indicators.parquet');
      const types = await db.query<{ column_name: string; column_type: string }>(
        `DESCRIBE SELECT * FROM read_parquet('${path}')`,
      );
      expect(types.map((t) => t.column_name).join(',')).toBe(COLUMNS);
      expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toMatchObject({
        scope: 'VARCHAR',
        scope_id: 'VARCHAR',
        year: 'INTEGER',
        value: 'DOUBLE',
      });
      const parquet = await db.query<QueryRow<'indicators'>>(`SELECT * FROM read_parquet('${path}')`);
      expect(parquet).toEqual(rows);
    } finally {
      await db.close();
    }
  });
});
