import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  intervalText,
  latestDimensions,
  latestOverall,
  rateOf,
  ratesByPeriod,
  rateText,
  SMALL_SAMPLE_TEXT,
} from '../../../src/lib/satisfaction.ts';
import { A, B, siteRows } from './site-fixture.ts';

const rows = siteRows().satisfaction;
const of = (id: string) => rows.filter((r) => r.community_id === id);

describe('rateOf', () => {
  it('gives the rate and the 95% Wilson interval', () => {
    const r = rateOf(80, 100);
    expect(r.rate).toBe(0.8);
    expect(r.low).toBeCloseTo(0.71117, 4);
    expect(r.high).toBeCloseTo(0.86663, 4);
    expect(r.small).toBe(false);
  });
  it('gives no rate below 30 respondents', () => {
    expect(rateOf(15, 20)).toEqual({ respondents: 20, satisfied: 15, rate: null, low: null, high: null, small: true });
    expect(rateOf(29, 29).small).toBe(true);
    expect(rateOf(30, 30).small).toBe(false);
  });
});

describe('period order', () => {
  it('orders by the month a period ends in, longer periods last', () => {
    expect(['2025-01', '2024', '2024-Q4', '2024-12', '2024-Q1'].sort(comparePeriods)).toEqual([
      '2024-Q1',
      '2024-12',
      '2024-Q4',
      '2024',
      '2025-01',
    ]);
  });
});

describe('ratesByPeriod', () => {
  it('gives the overall rate per period, oldest first', () => {
    const series = ratesByPeriod(of(A));
    expect(series.map((s) => [s.period, s.respondents, s.satisfied, s.rate])).toEqual([
      ['2025-Q1', 100, 80, 0.8],
      ['2025-Q2', 200, 180, 0.9],
    ]);
  });
  it('pools communities of the same period', () => {
    const q2 = ratesByPeriod([...of(A), ...of(B)]).at(-1)!;
    expect([q2.respondents, q2.satisfied]).toEqual([220, 195]);
    expect(q2.high).toBeCloseTo(0.92183, 4);
  });
});

describe('latestDimensions and latestOverall', () => {
  it('lists every dimension of the latest period in the standard order', () => {
    const latest = latestDimensions(of(A));
    expect(latest.period).toBe('2025-Q2');
    expect(latest.dimensions.map((d) => [d.dimension, d.rate])).toEqual([
      ['overall', 0.9],
      ['services', 0.75],
    ]);
  });
  it('is empty without surveys', () => {
    expect(latestDimensions([])).toEqual({ period: null, dimensions: [] });
    expect(latestOverall([])).toBeNull();
  });
  it('marks a small latest sample', () => {
    expect(latestOverall(of(B))).toMatchObject({ period: '2025-Q2', respondents: 20, small: true, rate: null });
  });
});

describe('texts', () => {
  it('writes a rate, a small sample, no survey', () => {
    expect(rateText(rateOf(180, 200))).toBe('90.0%');
    expect(rateText(rateOf(15, 20))).toBe(SMALL_SAMPLE_TEXT);
    expect(rateText(rateOf(0, 0))).toBe('无调查');
    expect(intervalText(rateOf(80, 100))).toBe('71.1%–86.7%');
    expect(intervalText(rateOf(15, 20))).toBe('—');
  });
});
