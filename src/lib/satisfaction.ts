/**
 * Satisfaction rates: satisfied / respondents with a 95% Wilson interval, per period and
 * dimension. Fewer than MIN_RESPONDENTS respondents are shown as counts, never as a rate.
 */
import { SURVEY_DIMENSION } from '../schema/index.ts';
import { MIN_RESPONDENTS, wilsonInterval } from './format.ts';

/** One row of community_satisfaction.sql (its grouping key aside). */
export interface SatisfactionRow {
  period: string;
  dimension: string;
  respondents: number;
  satisfied: number;
}

export interface Rate {
  respondents: number;
  satisfied: number;
  /** null when the sample is too small to read as a rate (or empty). */
  rate: number | null;
  low: number | null;
  high: number | null;
  /** Fewer than MIN_RESPONDENTS respondents: 样本过小，不宜解读为比率. */
  small: boolean;
}

export const SMALL_SAMPLE_TEXT = '样本过小，不宜解读为比率';

export function rateOf(satisfied: number, respondents: number): Rate {
  const small = respondents < MIN_RESPONDENTS;
  const ci = small ? null : wilsonInterval(satisfied, respondents);
  return {
    respondents,
    satisfied,
    rate: ci ? ci.rate : null,
    low: ci ? ci.low : null,
    high: ci ? ci.high : null,
    small,
  };
}

/**
 * Sort key of a period (`YYYY`, `YYYY-Qn`, `YYYY-MM`): the month it ends in, then the period's
 * length (longer last), so 2024-Q4 < 2024 and 2024-12 < 2024-Q4.
 */
export function periodKey(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}-2`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}-${m[2]}-1`;
  if (/^\d{4}$/.test(period)) return `${period}-12-3`;
  return period;
}

export function comparePeriods(a: string, b: string): number {
  const ka = periodKey(a);
  const kb = periodKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export interface PeriodRate extends Rate {
  period: string;
}

/** The rate of one dimension per period, oldest first, summed over all rows given. */
export function ratesByPeriod(rows: readonly SatisfactionRow[], dimension = 'overall'): PeriodRate[] {
  const sums = new Map<string, { respondents: number; satisfied: number }>();
  for (const r of rows) {
    if (r.dimension !== dimension) continue;
    const s = sums.get(r.period) ?? { respondents: 0, satisfied: 0 };
    s.respondents += r.respondents;
    s.satisfied += r.satisfied;
    sums.set(r.period, s);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => comparePeriods(a, b))
    .map(([period, s]) => ({ period, ...rateOf(s.satisfied, s.respondents) }));
}

export interface DimensionRate extends Rate {
  dimension: string;
}

/** The latest period that has any survey, and each dimension's rate in it (standard order). */
export function latestDimensions(rows: readonly SatisfactionRow[]): {
  period: string | null;
  dimensions: DimensionRate[];
} {
  let latest: string | null = null;
  for (const r of rows) if (latest === null || comparePeriods(r.period, latest) > 0) latest = r.period;
  if (latest === null) return { period: null, dimensions: [] };
  const sums = new Map<string, { respondents: number; satisfied: number }>();
  for (const r of rows) {
    if (r.period !== latest) continue;
    const s = sums.get(r.dimension) ?? { respondents: 0, satisfied: 0 };
    s.respondents += r.respondents;
    s.satisfied += r.satisfied;
    sums.set(r.dimension, s);
  }
  const order = SURVEY_DIMENSION.codes as readonly string[];
  const dimensions = [...sums.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([dimension, s]) => ({ dimension, ...rateOf(s.satisfied, s.respondents) }));
  return { period: latest, dimensions };
}

/** The overall rate of the latest period that has an overall survey, or null. */
export function latestOverall(rows: readonly SatisfactionRow[]): PeriodRate | null {
  const series = ratesByPeriod(rows, 'overall');
  return series.at(-1) ?? null;
}

/** `86.3%` — or the small-sample words when the sample is below MIN_RESPONDENTS. */
export function rateText(r: Pick<Rate, 'rate' | 'small' | 'respondents'>): string {
  if (r.respondents === 0) return '无调查';
  if (r.small || r.rate === null) return SMALL_SAMPLE_TEXT;
  return `${(r.rate * 100).toFixed(1)}%`;
}

/** `82.1%–89.8%`, or — when there is no rate. */
export function intervalText(r: Pick<Rate, 'low' | 'high'>): string {
  if (r.low === null || r.high === null) return '—';
  return `${(r.low * 100).toFixed(1)}%–${(r.high * 100).toFixed(1)}%`;
}
