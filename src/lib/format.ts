/**
 * How numbers, money and dates read on the site (zh-CN): amounts in 元 with separators, in 万元
 * where larger; dates as 2025年3月1日; rates with their 95% interval.
 */
import { MIN_RESPONDENTS } from '../schema/thresholds.ts';
const integerFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const wanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const decimalFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

export const MISSING = '—';

const chineseCollator = new Intl.Collator('zh-CN');

/** Orders Chinese names as a reader expects (pinyin order), with one collator made once. */
export function compareChinese(a: string, b: string): number {
  return chineseCollator.compare(a, b);
}

export function formatInteger(n: number | null | undefined): string {
  return n === null || n === undefined ? MISSING : integerFormat.format(n);
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? MISSING : decimalFormat.format(n);
}

/** 8,500 元 below ten thousand; 12.35 万元 from there on. */
export function formatMoney(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return MISSING;
  if (Math.abs(yuan) >= 10_000) return `${wanFormat.format(yuan / 10_000)} 万元`;
  return `${yuanFormat.format(yuan)} 元`;
}

// Made once: a NumberFormat costs far more to create than to use (it was the largest single cost
// of the build's 500-row transaction pages).
const exactYuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Exact yuan with two decimals, for ledgers that must visibly add up. */
export function formatYuan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return MISSING;
  return `${exactYuanFormat.format(yuan)} 元`;
}

/** `2025-03-01` → `2025年3月1日`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2025` → `2025年`, `2025-Q1` → `2025年第1季度`, `2025-03` → `2025年3月`. */
export function formatPeriod(period: string | null | undefined): string {
  if (!period) return MISSING;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  if (/^\d{4}$/.test(period)) return `${period}年`;
  return period;
}

/** 0.853 → `85.3%`. */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  return `${(share * 100).toFixed(digits)}%`;
}

export interface RateInterval {
  rate: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval at 95%: honest for small samples and rates near 0 or 1, where the
 * normal approximation would give bounds outside [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): RateInterval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The smallest sample read as a rate (data standard §4), defined with the standard. */
export { MIN_RESPONDENTS };
