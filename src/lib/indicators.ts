/**
 * The indicators of issue 10 and the accountability signals, defined once: stable keys, Chinese
 * names, formulas in plain Chinese, what each cannot tell, units and the plan's targets. Every page
 * (community, street, /indicators/, /methodology/) and the data dictionary read them from here; the
 * numbers themselves come from src/queries/indicators.sql and src/queries/signals.sql.
 *
 * Pure shaping of those rows lives here too (unit-tested): a scope's series per indicator, a
 * community's place among communities of the same kind, rankings and distance from a target.
 */
import { COMMUNITY_KIND } from '../schema/index.ts';
import type { QueryRow } from '../queries/rows.ts';
import { compareChinese, formatInteger } from './format.ts';

export const INDICATOR_KEYS = [
  'government_share',
  'charitable_leverage',
  'linkage_index',
  'resident_origin',
  'proposal_conversion',
  'proposal_median_days',
  'execution',
  'continuity',
  'satisfaction',
  'social_workers_per_10k',
  'volunteer_hours_per_1k',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/**
 * How a value reads: a share (0–1, shown as %), a ratio (元 per 元), a number per 10,000 or 1,000
 * residents, or days.
 */
export type IndicatorUnit = 'share' | 'ratio' | 'per10k' | 'per1k' | 'days';

export interface IndicatorTarget {
  value: number;
  /** The plan's words. */
  text: string;
  /** Kinds of community the target is set for (all when absent). */
  kinds?: readonly string[];
}

export interface IndicatorDef {
  key: IndicatorKey;
  name: string;
  unit: IndicatorUnit;
  /** The formula in plain Chinese. */
  formula: string;
  numerator: string;
  denominator: string;
  /** Which year a row is counted in. */
  year: string;
  /** What the figure cannot tell. */
  limits: readonly string[];
  target?: IndicatorTarget;
  /**
   * Which way is toward the plan's aims (used only to say how far from a target a community is);
   * rankings are always listed from the highest value down.
   */
  direction: 'higher' | 'lower' | null;
}

const SMALL = '分母很小时（例如一年只有一两个项目），一个项目就能让比例从 0 变到 100%，请同时看分子和分母。';
const NO_PROJECTS = '当年没有相应项目、收入或调查的社区没有这个指标（显示为“—”），不是 0。';
const PARTIAL_YEAR = '数据截止日期所在的年份只有部分月份，按年累计的数（资金、时长）会偏小。';

export const INDICATORS: Readonly<Record<IndicatorKey, IndicatorDef>> = {
  government_share: {
    key: 'government_share',
    name: '政府资金占比',
    unit: 'share',
    formula: '当年来源为财政拨款、政府购买服务、公益创投或政府配套的收入 ÷ 当年全部收入。',
    numerator: '政府来源收入(元)',
    denominator: '全部收入(元)',
    year: '按收入流水的日期计年。',
    limits: [
      '只看登记在资金流水里的收入；没有入账的实物、场地和志愿服务不在其中。',
      '来源为“其他”的收入算在分母里，不算政府也不算慈善。',
      PARTIAL_YEAR,
    ],
    direction: 'lower',
  },
  charitable_leverage: {
    key: 'charitable_leverage',
    name: '慈善资源撬动比',
    unit: 'ratio',
    formula:
      '当年来源为机构慈善捐赠、个人捐赠、企业·共建单位支持、社区发展基金或居民众筹的收入 ÷ 当年政府来源收入：每 1 元政府资金对应多少元社会慈善资源。',
    numerator: '慈善来源收入(元)',
    denominator: '政府来源收入(元)',
    year: '按收入流水的日期计年。',
    limits: [
      '当年没有政府来源收入时无法相除，只列出慈善收入（比值显示为“—”）。',
      '同一年的两类收入未必属于同一个项目，比值不说明是政府资金“带来”了慈善资源。',
      PARTIAL_YEAR,
    ],
    direction: 'higher',
  },
  linkage_index: {
    key: 'linkage_index',
    name: '五社联动指数',
    unit: 'share',
    formula:
      '当年开始的每个项目（不含仍在计划中的）按五项计分再除以 5：社区本身算 1 分；由社会组织（登记社会组织、备案社区社会组织、社工机构、慈善组织）承接加 1 分；至少 1 名社工参与加 1 分；至少 1 名志愿者参与加 1 分；收到过慈善来源的资金加 1 分。指数是这些项目得分的平均。',
    numerator: '项目得分合计',
    denominator: '满分合计(项目数×5)',
    year: '按项目开始日期计年。',
    limits: [
      '只看“有没有”，不看参与的多少和质量：1 名志愿者和 100 名志愿者得分相同。',
      '项目表里没有填写社工或志愿者人数的，按没有计。',
      NO_PROJECTS,
    ],
    direction: 'higher',
  },
  resident_origin: {
    key: 'resident_origin',
    name: '居民提事项目占比',
    unit: 'share',
    formula: '当年开始的项目（不含仍在计划中的）中，来源为“居民自主提事”的项目数 ÷ 当年开始的项目数。',
    numerator: '居民提事项目数',
    denominator: '当年开始的项目数',
    year: '按项目开始日期计年。',
    limits: ['项目来源由发布单位填写，无法从数据核实。', SMALL, NO_PROJECTS],
    direction: 'higher',
  },
  proposal_conversion: {
    key: 'proposal_conversion',
    name: '提事转化率',
    unit: 'share',
    formula: '当年提出的提事中，已走到“项目定事”或之后（专业评事、按需推事）的件数 ÷ 当年提出的提事件数。',
    numerator: '走到项目定事及以后的提事数',
    denominator: '当年提出的提事数',
    year: '按提事的提出日期计年。',
    limits: ['最近提出的提事可能还在议事途中，当年的转化率会随时间上升。', '没有发布提事表的地区没有这个指标。', SMALL],
    direction: 'higher',
  },
  proposal_median_days: {
    key: 'proposal_median_days',
    name: '提事到定事天数(中位数)',
    unit: 'days',
    formula:
      '当年提出、目前停在“项目定事”阶段的提事，从提出日期到阶段日期（定事日期）的天数，取中位数。分母是这些提事的件数；这一行没有分子。',
    numerator: '（无）',
    denominator: '参与计算的提事数',
    year: '按提事的提出日期计年。',
    limits: [
      '数据只记录每件提事当前阶段的日期：已经走到评事、推事的提事，它们的定事日期不在数据里，不参与计算。',
      '中位数不受个别拖得很久的提事影响，也因此看不出它们。',
    ],
    direction: 'lower',
  },
  execution: {
    key: 'execution',
    name: '预算执行率',
    unit: 'share',
    formula: '当年完成的项目（状态为已完成，按结束日期计年）已记录的支出合计 ÷ 这些项目的预算合计。',
    numerator: '已完成项目的支出(元)',
    denominator: '已完成项目的预算(元)',
    year: '按项目结束日期计年。',
    limits: [
      '超过 100% 说明支出超过预算，低于 100% 可能是节约，也可能是支出没有入账。',
      '没有结束日期的已完成项目不参与计算。',
      NO_PROJECTS,
    ],
    direction: null,
  },
  continuity: {
    key: 'continuity',
    name: '好项目延续率',
    unit: 'share',
    formula:
      '当年完成、评估为优秀或良好的项目中，已有后续项目延续它（后续项目的“延续项目”指向它）的个数 ÷ 这些项目的个数。',
    numerator: '被延续的优良项目数',
    denominator: '当年完成的优良项目数',
    year: '按项目结束日期计年。',
    limits: [
      '刚完成的项目可能还没来得及延续，最近一年的比例会偏低。',
      '延续关系靠发布单位填写“延续项目”，漏填就算没有延续。',
      SMALL,
    ],
    direction: 'higher',
  },
  satisfaction: {
    key: 'satisfaction',
    name: '居民总体满意度',
    unit: 'share',
    formula:
      '当年最后一期（例如第四季度）面向全社区的满意度调查中“总体”维度的满意人数 ÷ 有效样本，附 95% 置信区间（Wilson 方法）。样本少于 30 人不计算比率。街道和全市把各社区当年最后一期的人数相加后再相除。',
    numerator: '满意人数',
    denominator: '有效样本',
    year: '按调查期所在年份，取该年最后一期。',
    limits: [
      '样本少于 30 人时比率不稳定，只列人数。',
      '只用面向全社区的调查，单个项目的调查不计入。',
      '不同社区的调查方式（入户、线上、电话、第三方）不同，结果不完全可比。',
    ],
    target: { value: 0.9, text: '规划目标：总体满意度由 76% 提高到 90%' },
    direction: 'higher',
  },
  social_workers_per_10k: {
    key: 'social_workers_per_10k',
    name: '每万常住人口持证社工',
    unit: 'per10k',
    formula: '当年最后一期队伍统计的持证社工人数 ÷ 常住人口 × 10000。',
    numerator: '持证社工(人)',
    denominator: '常住人口(人)',
    year: '按队伍统计期所在年份，取该年最后一期。',
    limits: [
      '常住人口只有一个统计日期的数，历年都用它作分母。',
      '规划的目标（每万城镇常住人口 18 名）针对城市社区，农村社区仅作参考。',
    ],
    target: { value: 18, text: '规划目标：每万城镇常住人口至少 18 名持证社工', kinds: ['urban'] },
    direction: 'higher',
  },
  volunteer_hours_per_1k: {
    key: 'volunteer_hours_per_1k',
    name: '每千常住人口志愿服务时长',
    unit: 'per1k',
    formula:
      '当年志愿服务时长（队伍统计；同一年既有全年又有季度或月度数时只用全年数，避免重复）÷ 常住人口 × 1000，单位：小时。',
    numerator: '志愿服务时长(小时)',
    denominator: '常住人口(人)',
    year: '按队伍统计期所在年份。',
    limits: ['时长由社区自报，记录口径可能不同。', PARTIAL_YEAR],
    direction: 'higher',
  },
};

export const INDICATOR_LIST: readonly IndicatorDef[] = INDICATOR_KEYS.map((k) => INDICATORS[k]);

export function isIndicatorKey(key: string): key is IndicatorKey {
  return (INDICATOR_KEYS as readonly string[]).includes(key);
}

/** The scopes of indicators.sql: a community, a street (its first 9 digits), a city (first 6). */
export const INDICATOR_SCOPES = {
  community: '社区',
  street: '街道(乡镇)',
  city: '县级市(区)',
} as const;

/** A column of the published indicators.csv / indicators.parquet. */
export interface IndicatorColumn {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'number';
  description: string;
}

/**
 * The columns of the published indicators.csv and indicators.parquet, in order: indicators.sql's
 * own names. The data package's schema and the data dictionary are made from this list.
 */
export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = [
  { name: 'scope', label: '范围', type: 'string', description: '社区、街道(乡镇)或县级市(区)。' },
  {
    name: 'scope_id',
    label: '范围代码',
    type: 'string',
    description: '社区的 12 位代码;街道为其前 9 位,县级市(区)为其前 6 位。',
  },
  { name: 'year', label: '年份', type: 'integer', description: '指标所属的年份(各指标的计年方式见指标说明)。' },
  { name: 'indicator', label: '指标', type: 'string', description: '指标代码(英文,稳定不变)。' },
  {
    name: 'value',
    label: '数值',
    type: 'number',
    description: '比例为 0 至 1 的小数(不是百分数);分母为 0 或样本太小时为空。',
  },
  { name: 'numerator', label: '分子', type: 'number', description: '计算数值所用的分子(提事到定事天数没有分子)。' },
  { name: 'denominator', label: '分母', type: 'number', description: '计算数值所用的分母。' },
  { name: 'ci_low', label: '置信区间下限', type: 'number', description: '95% Wilson 置信区间的下限(只有满意度有)。' },
  { name: 'ci_high', label: '置信区间上限', type: 'number', description: '95% Wilson 置信区间的上限(只有满意度有)。' },
];

/** The primary key of the published indicators. */
export const INDICATOR_PRIMARY_KEY = ['scope', 'scope_id', 'year', 'indicator'] as const;

/** A value in its unit: `86.9%`, `0.15`, `7.9`, `259.6`, `43 天`; `—` when there is none. */
export function formatIndicator(unit: IndicatorUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'ratio':
      return value.toFixed(2);
    case 'per10k':
    case 'per1k':
      return value.toFixed(1);
    case 'days':
      return `${formatInteger(Math.round(value))} 天`;
  }
}

/** The unit said in words after a value (empty for shares and days, which carry their own). */
export const UNIT_WORDS: Readonly<Record<IndicatorUnit, string>> = {
  share: '',
  ratio: '元/元',
  per10k: '人/万人',
  per1k: '小时/千人',
  days: '',
};

export function indicatorText(def: Pick<IndicatorDef, 'unit'>, value: number | null | undefined): string {
  const text = formatIndicator(def.unit, value);
  return text === '—' || UNIT_WORDS[def.unit] === '' ? text : `${text} ${UNIT_WORDS[def.unit]}`;
}

export type IndicatorRow = QueryRow<'indicators'>;

export interface YearValue {
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface IndicatorSeries {
  def: IndicatorDef;
  /** Oldest first. */
  years: YearValue[];
  /** The latest year with a value (or, failing that, the latest year counted). */
  latest: YearValue | null;
}

/** One scope's rows as a series per indicator, in the standard order (indicators with no rows too). */
export function indicatorSeries(rows: readonly IndicatorRow[]): IndicatorSeries[] {
  const by = new Map<string, YearValue[]>();
  for (const r of rows) {
    const list = by.get(r.indicator) ?? [];
    list.push({
      year: r.year,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      ciLow: r.ci_low,
      ciHigh: r.ci_high,
    });
    by.set(r.indicator, list);
  }
  return INDICATOR_LIST.map((def) => {
    const years = (by.get(def.key) ?? []).sort((a, b) => a.year - b.year);
    const withValue = years.filter((y) => y.value !== null);
    return { def, years, latest: withValue.at(-1) ?? years.at(-1) ?? null };
  });
}

/** The years any series covers, oldest first (the columns of a trend table). */
export function seriesYears(series: readonly IndicatorSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.years.map((y) => y.year)))].sort((a, b) => a - b);
}

/** Where a value stands among others: rank 1 is the highest; ties share a rank. */
export interface Place {
  rank: number;
  of: number;
}

/** The place of `value` among `sortedDescending` (which includes it). */
export function placeAmong(sortedDescending: readonly number[], value: number): Place {
  // How many are higher: a binary search, since every community page asks (10,000 peers a kind).
  let low = 0;
  let high = sortedDescending.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sortedDescending[mid]! > value) low = mid + 1;
    else high = mid;
  }
  return { rank: low + 1, of: sortedDescending.length };
}

/** `第 3 高 / 共 40 个`, neutral about whether high is good. */
export function placeText(place: Place | null): string {
  if (!place) return '—';
  return `从高到低第 ${formatInteger(place.rank)} 位 / 共 ${formatInteger(place.of)} 个`;
}

/**
 * The values of every community of one kind, per indicator and year, highest first: what a
 * community's place among communities of the same kind is read from.
 */
export type PeerValues = ReadonlyMap<string, readonly number[]>;

export const peerKey = (indicator: string, year: number, kind: string) => `${indicator}|${year}|${kind}`;

/** Collects community rows into PeerValues (call `finish` once all are added). */
export function peerValuesBuilder() {
  const lists = new Map<string, number[]>();
  return {
    add(kind: string, rows: readonly IndicatorRow[]) {
      for (const r of rows) {
        if (r.scope !== 'community' || r.value === null) continue;
        const key = peerKey(r.indicator, r.year, kind);
        const list = lists.get(key) ?? [];
        list.push(r.value);
        lists.set(key, list);
      }
    },
    finish(): PeerValues {
      for (const list of lists.values()) list.sort((a, b) => b - a);
      return lists;
    },
  };
}

export interface IndicatorPanelRow extends IndicatorSeries {
  /** The latest value's place among communities of the same kind in the same year. */
  place: Place | null;
  /** The target that applies to this community, if any, and whether it is met. */
  target: { value: number; text: string; met: boolean | null } | null;
}

/** The target of an indicator for a community of `kind` (null when none applies). */
export function targetFor(def: IndicatorDef, kind: string | null): IndicatorTarget | null {
  if (!def.target) return null;
  if (def.target.kinds && kind !== null && !def.target.kinds.includes(kind)) return null;
  return def.target;
}

/** Whether `value` meets `target` in the indicator's direction. */
export function meetsTarget(def: IndicatorDef, target: IndicatorTarget, value: number | null): boolean | null {
  if (value === null) return null;
  return def.direction === 'lower' ? value <= target.value : value >= target.value;
}

/**
 * A scope's indicator panel: each indicator's series, its latest value, its place among
 * communities of the same kind (communities only: `kind` and `peers` given) and its target.
 */
export function indicatorPanel(
  rows: readonly IndicatorRow[],
  kind: string | null,
  peers: PeerValues | null,
): IndicatorPanelRow[] {
  return indicatorSeries(rows).map((s) => {
    const latest = s.latest;
    const sorted =
      peers && kind !== null && latest && latest.value !== null
        ? peers.get(peerKey(s.def.key, latest.year, kind))
        : null;
    const target = targetFor(s.def, kind);
    return {
      ...s,
      place: sorted && latest?.value != null ? placeAmong(sorted, latest.value) : null,
      target: target ? { ...target, met: meetsTarget(s.def, target, latest?.value ?? null) } : null,
    };
  });
}

export const KIND_LABELS = COMMUNITY_KIND.labels as Readonly<Record<string, string>>;

/** A community as rankings list it. */
export interface RankedCommunity {
  community_id: string;
  name: string;
  kind: string;
  street_code: string;
  street_name: string;
  value: number;
  numerator: number | null;
  denominator: number;
  /** Place among all communities listed; among those of the same kind. */
  rank: number;
  kindRank: number;
  kindCount: number;
}

export interface CommunityValue {
  community_id: string;
  name: string;
  kind: string;
  street_code: string;
  street_name: string;
  value: number;
  numerator: number | null;
  denominator: number;
}

/** Highest first (ties by name), with the overall rank and the rank within each kind. */
export function rankCommunities(values: readonly CommunityValue[]): RankedCommunity[] {
  const sorted = [...values].sort((a, b) => b.value - a.value || compareChinese(a.name, b.name));
  const kindValues = new Map<string, number[]>();
  for (const v of sorted) {
    const list = kindValues.get(v.kind) ?? [];
    list.push(v.value);
    kindValues.set(v.kind, list);
  }
  const all = sorted.map((v) => v.value);
  return sorted.map((v) => {
    const kind = kindValues.get(v.kind)!;
    return {
      ...v,
      rank: placeAmong(all, v.value).rank,
      kindRank: placeAmong(kind, v.value).rank,
      kindCount: kind.length,
    };
  });
}

export interface TargetGap extends CommunityValue {
  /** How far below (or above, for a `lower` indicator) the target, in the indicator's unit. */
  gap: number;
}

/** Communities that miss the indicator's target, furthest first (those it applies to only). */
export function furthestFromTarget(def: IndicatorDef, values: readonly CommunityValue[], limit: number): TargetGap[] {
  if (!def.target) return [];
  const target = def.target;
  return values
    .filter((v) => !target.kinds || target.kinds.includes(v.kind))
    .map((v) => ({ ...v, gap: def.direction === 'lower' ? v.value - target.value : target.value - v.value }))
    .filter((v) => v.gap > 0)
    .sort((a, b) => b.gap - a.gap || compareChinese(a.name, b.name))
    .slice(0, limit);
}

/** The gap in words: `低于目标 12.3 个百分点`, `低于目标 4.5 人/万人`. */
export function gapText(def: IndicatorDef, gap: number): string {
  const side = def.direction === 'lower' ? '高于' : '低于';
  if (def.unit === 'share') return `${side}目标 ${(gap * 100).toFixed(1)} 个百分点`;
  return `${side}目标 ${formatIndicator(def.unit, gap)}${UNIT_WORDS[def.unit] ? ` ${UNIT_WORDS[def.unit]}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Accountability signals (src/queries/signals.sql)

export const SIGNAL_KEYS = [
  'fail_twice',
  'over_income',
  'over_budget',
  'no_expenditure',
  'overdue',
  'small_survey',
  'no_recent_survey',
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

export interface SignalDef {
  key: SignalKey;
  name: string;
  /** The rule in plain Chinese. */
  rule: string;
  /** Which indicators it bears on (shown beside them). */
  indicators: readonly IndicatorKey[];
}

export const SIGNALS: Readonly<Record<SignalKey, SignalDef>> = {
  fail_twice: {
    key: 'fail_twice',
    name: '同一承接组织连续两次评估不合格',
    rule: '同一社区、同一承接组织的项目按评估日期排列，连续两个评估为“不合格”。按规划，连续两次不合格的承接组织应退出。',
    indicators: ['linkage_index'],
  },
  over_income: {
    key: 'over_income',
    name: '支出超过收入',
    rule: '项目已记录的支出合计大于已记录的收入合计。',
    indicators: ['execution'],
  },
  over_budget: {
    key: 'over_budget',
    name: '支出超过预算',
    rule: '项目已记录的支出合计大于项目预算。',
    indicators: ['execution'],
  },
  no_expenditure: {
    key: 'no_expenditure',
    name: '已完成但没有支出记录',
    rule: '项目状态为“已完成”，资金流水里却没有它的任何支出。',
    indicators: ['execution'],
  },
  overdue: {
    key: 'overdue',
    name: '过了结束日期仍在实施中',
    rule: '截至数据日期，项目的结束日期已过，状态仍是“实施中”。',
    indicators: ['execution', 'continuity'],
  },
  small_survey: {
    key: 'small_survey',
    name: '调查样本少于 30 人',
    rule: '一次满意度调查（项目的或全社区的）有效样本少于 30 人，结果不宜解读为比率。',
    indicators: ['satisfaction'],
  },
  no_recent_survey: {
    key: 'no_recent_survey',
    name: '最近一个季度没有满意度调查',
    rule: '截至数据日期所在月份的最近三个月内，没有任何一期面向全社区的满意度调查（规划要求每月调查并公示）。',
    indicators: ['satisfaction'],
  },
};

export const SIGNAL_LIST: readonly SignalDef[] = SIGNAL_KEYS.map((k) => SIGNALS[k]);

export type SignalRow = QueryRow<'signals'>;

export interface SignalItem {
  key: string;
  name: string;
  /** The facts of this case in a sentence. */
  detail: string;
  community_id: string;
  community_name: string;
  project_id: string | null;
  project_title: string | null;
  /** The earlier failing project (fail_twice). */
  related_project_id: string | null;
}

const yuan = (v: number | null) =>
  v === null ? '—' : `${v.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;

/** One signal row in words. */
export function signalItem(row: SignalRow): SignalItem {
  const def = (SIGNALS as Record<string, SignalDef | undefined>)[row.signal];
  let detail: string;
  switch (row.signal) {
    case 'fail_twice':
      detail = `承接组织 ${row.operator_name ?? row.operator_org_id ?? '—'} 的上一个项目（${row.related_id ?? '—'}）也评估为不合格。`;
      break;
    case 'over_income':
      detail = `支出 ${yuan(row.amount)}，收入 ${yuan(row.reference)}。`;
      break;
    case 'over_budget':
      detail = `支出 ${yuan(row.amount)}，预算 ${yuan(row.reference)}。`;
      break;
    case 'no_expenditure':
      detail = `预算 ${yuan(row.reference)}，没有支出记录。`;
      break;
    case 'overdue':
      detail = `结束日期 ${row.period ?? '—'}，仍为实施中。`;
      break;
    case 'small_survey':
      detail = `调查 ${row.related_id ?? '—'}（${row.period ?? '—'}）有效样本 ${row.respondents ?? '—'} 人。`;
      break;
    case 'no_recent_survey':
      detail = row.period ? `最近一期全社区调查是 ${row.period}。` : '没有任何全社区满意度调查。';
      break;
    default:
      detail = '';
  }
  return {
    key: row.signal,
    name: def?.name ?? row.signal,
    detail,
    community_id: row.community_id,
    community_name: row.community_name,
    project_id: row.project_id,
    project_title: row.project_title,
    related_project_id: row.signal === 'fail_twice' ? row.related_id : null,
  };
}

/** Signal counts per kind of signal, in the standard order (kinds with none left out). */
export function signalCounts(rows: readonly Pick<SignalRow, 'signal'>[]): { def: SignalDef; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.signal, (counts.get(r.signal) ?? 0) + 1);
  return SIGNAL_LIST.filter((d) => counts.has(d.key)).map((def) => ({ def, count: counts.get(def.key)! }));
}

/** The signals bearing on an indicator among `items`. */
export function signalsFor(indicator: IndicatorKey, items: readonly SignalItem[]): SignalItem[] {
  return items.filter((i) => (SIGNALS as Record<string, SignalDef | undefined>)[i.key]?.indicators.includes(indicator));
}

// ---------------------------------------------------------------------------------------------
// Page shapes

/** The 指标 section of a community or street page. */
export interface IndicatorSection {
  rows: IndicatorPanelRow[];
  /** The years of the trend table, oldest first. */
  years: number[];
  /** The kind the places are among (communities only). */
  kindLabel: string | null;
  signals: SignalItem[];
}

export function indicatorSection(
  rows: readonly IndicatorRow[],
  kind: string | null,
  peers: PeerValues | null,
  signals: readonly SignalRow[],
): IndicatorSection {
  const panel = indicatorPanel(rows, kind, peers);
  return {
    rows: panel,
    years: seriesYears(panel),
    kindLabel: kind === null ? null : (KIND_LABELS[kind] ?? kind),
    signals: signals.map(signalItem),
  };
}

/** A community's profile as rankings need it. */
export type CommunityProfileLite = Pick<
  CommunityValue,
  'community_id' | 'name' | 'kind' | 'street_code' | 'street_name'
>;

/** For each indicator: its members ranked in the latest year any of them has a value. */
export interface MemberRanking {
  def: IndicatorDef;
  year: number | null;
  ranked: RankedCommunity[];
  /** Members without a value that year. */
  missing: number;
}

export function memberRankings(
  members: readonly { profile: CommunityProfileLite; rows: readonly IndicatorRow[] }[],
): MemberRanking[] {
  return INDICATOR_LIST.map((def) => {
    let year: number | null = null;
    for (const m of members)
      for (const r of m.rows)
        if (r.indicator === def.key && r.value !== null && (year === null || r.year > year)) year = r.year;
    const values: CommunityValue[] = [];
    for (const m of members) {
      const r = m.rows.find((x) => x.indicator === def.key && x.year === year && x.value !== null);
      if (r) values.push({ ...m.profile, value: r.value!, numerator: r.numerator, denominator: r.denominator });
    }
    return { def, year, ranked: rankCommunities(values), missing: members.length - values.length };
  });
}

/**
 * Keeps, per indicator, the community values of the latest year seen so far (one pass over every
 * community; earlier years are dropped as soon as a later one appears).
 */
export function latestValuesBuilder() {
  const latest = new Map<IndicatorKey, { year: number; values: CommunityValue[] }>();
  return {
    add(profile: CommunityProfileLite, rows: readonly IndicatorRow[]) {
      for (const r of rows) {
        if (r.scope !== 'community' || r.value === null || !isIndicatorKey(r.indicator)) continue;
        const seen = latest.get(r.indicator);
        const value = { ...profile, value: r.value, numerator: r.numerator, denominator: r.denominator };
        if (!seen || r.year > seen.year) latest.set(r.indicator, { year: r.year, values: [value] });
        else if (r.year === seen.year) seen.values.push(value);
      }
    },
    finish(): ReadonlyMap<IndicatorKey, { year: number; values: CommunityValue[] }> {
      return latest;
    },
  };
}

/** The spread of values among communities of one kind. */
export interface KindSpread {
  kind: string;
  label: string;
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Quantile of sorted ascending values (linear interpolation, as R type 7 / DuckDB quantile_cont). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Per kind (the standard's order), the five-number summary of the values. */
export function spreadByKind(values: readonly Pick<CommunityValue, 'kind' | 'value'>[]): KindSpread[] {
  const by = new Map<string, number[]>();
  for (const v of values) {
    const list = by.get(v.kind) ?? [];
    list.push(v.value);
    by.set(v.kind, list);
  }
  return (COMMUNITY_KIND.codes as readonly string[])
    .filter((k) => by.has(k))
    .map((kind) => {
      const sorted = by.get(kind)!.sort((a, b) => a - b);
      return {
        kind,
        label: KIND_LABELS[kind] ?? kind,
        count: sorted.length,
        min: sorted[0]!,
        q1: quantile(sorted, 0.25),
        median: quantile(sorted, 0.5),
        q3: quantile(sorted, 0.75),
        max: sorted.at(-1)!,
      };
    });
}

/** One indicator on /indicators/. */
export interface IndicatorOverview {
  def: IndicatorDef;
  year: number | null;
  spread: KindSpread[];
  ranked: RankedCommunity[];
  furthest: TargetGap[];
}

export const FURTHEST_LIMIT = 10;

export function indicatorOverview(def: IndicatorDef, latest: { year: number; values: CommunityValue[] } | undefined) {
  const values = latest?.values ?? [];
  return {
    def,
    year: latest?.year ?? null,
    spread: spreadByKind(values),
    ranked: rankCommunities(values),
    furthest: furthestFromTarget(def, values, FURTHEST_LIMIT),
  } satisfies IndicatorOverview;
}
