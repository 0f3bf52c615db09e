/** Pure shaping of indicator and signal rows (src/lib/indicators.ts). */
import { describe, expect, it } from 'vitest';
import {
  formatIndicator,
  furthestFromTarget,
  gapText,
  indicatorPanel,
  indicatorSection,
  INDICATORS,
  INDICATOR_KEYS,
  memberRankings,
  peerValuesBuilder,
  placeAmong,
  quantile,
  rankCommunities,
  signalCounts,
  signalItem,
  signalsFor,
  spreadByKind,
  latestValuesBuilder,
  type IndicatorRow,
  type SignalRow,
} from '../../../src/lib/indicators.ts';

const row = (scope_id: string, indicator: string, year: number, value: number | null, numerator = 1, denominator = 1): IndicatorRow => ({
  scope: scope_id.length === 12 ? 'community' : scope_id.length === 9 ? 'street' : 'city',
  scope_id,
  year,
  indicator,
  value,
  numerator,
  denominator,
  ci_low: null,
  ci_high: null,
});
const profile = (id: string, name: string, kind: string) => ({
  community_id: id,
  name,
  kind,
  street_code: id.slice(0, 9),
  street_name: '当湖街道',
});

describe('definitions', () => {
  it('every key has a name, a formula and limits; targets as the plan sets them', () => {
    for (const key of INDICATOR_KEYS) {
      expect(INDICATORS[key].key).toBe(key);
      expect(INDICATORS[key].name).toMatch(/\p{Script=Han}/u);
      expect(INDICATORS[key].formula.length).toBeGreaterThan(10);
      expect(INDICATORS[key].limits.length).toBeGreaterThan(0);
    }
    expect(INDICATORS.satisfaction.target?.value).toBe(0.9);
    expect(INDICATORS.social_workers_per_10k.target).toMatchObject({ value: 18, kinds: ['urban'] });
  });
  it('formats each unit', () => {
    expect(formatIndicator('share', 0.8695)).toBe('87.0%');
    expect(formatIndicator('ratio', 0.15)).toBe('0.15');
    expect(formatIndicator('per10k', 7.8652)).toBe('7.9');
    expect(formatIndicator('days', 43)).toBe('43 天');
    expect(formatIndicator('share', null)).toBe('—');
  });
});

describe('places and rankings', () => {
  it('ranks from the highest, ties sharing a rank', () => {
    expect(placeAmong([0.9, 0.8, 0.8, 0.5], 0.8)).toEqual({ rank: 2, of: 4 });
    expect(placeAmong([0.9, 0.8, 0.8, 0.5], 0.5)).toEqual({ rank: 4, of: 4 });
  });
  it('places a community among those of its kind in the same year', () => {
    const peers = peerValuesBuilder();
    peers.add('urban', [row('330482001001', 'satisfaction', 2024, 0.9)]);
    peers.add('urban', [row('330482001002', 'satisfaction', 2024, 0.8)]);
    peers.add('rural', [row('330482102201', 'satisfaction', 2024, 0.95)]);
    const panel = indicatorPanel([row('330482001002', 'satisfaction', 2024, 0.8)], 'urban', peers.finish());
    const sat = panel.find((p) => p.def.key === 'satisfaction')!;
    expect(sat.place).toEqual({ rank: 2, of: 2 });
    expect(sat.target).toMatchObject({ value: 0.9, met: false });
    // The social-worker target is for urban communities only.
    const rural = indicatorPanel([row('330482102201', 'social_workers_per_10k', 2024, 5)], 'rural', null);
    expect(rural.find((p) => p.def.key === 'social_workers_per_10k')!.target).toBeNull();
  });
  it('a series runs oldest first; the latest is the last year with a value', () => {
    const panel = indicatorPanel(
      [row('330482001001', 'satisfaction', 2025, null, 18, 20), row('330482001001', 'satisfaction', 2024, 0.88)],
      'urban',
      null,
    );
    const sat = panel.find((p) => p.def.key === 'satisfaction')!;
    expect(sat.years.map((y) => y.year)).toEqual([2024, 2025]);
    expect(sat.latest?.year).toBe(2024);
  });
  it('ranks communities overall and within their kind', () => {
    const ranked = rankCommunities([
      { ...profile('330482001001', '东湖社区', 'urban'), value: 0.5, numerator: 1, denominator: 2 },
      { ...profile('330482001002', '南河头社区', 'mixed'), value: 0.9, numerator: 9, denominator: 10 },
      { ...profile('330482001003', '西河社区', 'urban'), value: 0.7, numerator: 7, denominator: 10 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank, r.kindRank, r.kindCount])).toEqual([
      ['南河头社区', 1, 1, 1],
      ['西河社区', 2, 1, 2],
      ['东湖社区', 3, 2, 2],
    ]);
  });
  it('ranks a street’s members in the latest year any of them has', () => {
    const rankings = memberRankings([
      { profile: profile('330482001001', '东湖社区', 'urban'), rows: [row('330482001001', 'execution', 2024, 0.9)] },
      { profile: profile('330482001002', '南河头社区', 'mixed'), rows: [row('330482001002', 'execution', 2023, 0.5)] },
    ]);
    const execution = rankings.find((r) => r.def.key === 'execution')!;
    expect(execution.year).toBe(2024);
    expect(execution.ranked.map((r) => r.name)).toEqual(['东湖社区']);
    expect(execution.missing).toBe(1);
  });
  it('keeps only the latest year’s values in one pass', () => {
    const b = latestValuesBuilder();
    b.add(profile('330482001001', '东湖社区', 'urban'), [row('330482001001', 'execution', 2023, 0.9)]);
    b.add(profile('330482001002', '南河头社区', 'urban'), [row('330482001002', 'execution', 2024, 0.5)]);
    b.add(profile('330482001003', '西河社区', 'urban'), [row('330482001003', 'execution', 2024, 0.7)]);
    expect(b.finish().get('execution')).toMatchObject({ year: 2024, values: [{ name: '南河头社区' }, { name: '西河社区' }] });
  });
  it('lists the communities furthest below a target, the social-worker target for urban ones only', () => {
    const values = [
      { ...profile('330482001001', '东湖社区', 'urban'), value: 10, numerator: 10, denominator: 10000 },
      { ...profile('330482001002', '南河头社区', 'urban'), value: 20, numerator: 20, denominator: 10000 },
      { ...profile('330482102201', '野马村', 'rural'), value: 1, numerator: 1, denominator: 10000 },
    ];
    const far = furthestFromTarget(INDICATORS.social_workers_per_10k, values, 10);
    expect(far.map((f) => [f.name, f.gap])).toEqual([['东湖社区', 8]]);
    expect(gapText(INDICATORS.social_workers_per_10k, 8)).toBe('低于目标 8.0 人/万人');
    expect(gapText(INDICATORS.satisfaction, 0.123)).toBe('低于目标 12.3 个百分点');
  });
  it('summarises the spread per kind with linear quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    const spread = spreadByKind([
      { kind: 'rural', value: 3 },
      { kind: 'urban', value: 1 },
      { kind: 'urban', value: 5 },
    ]);
    expect(spread.map((s) => [s.kind, s.count, s.min, s.median, s.max])).toEqual([
      ['urban', 2, 1, 3, 5],
      ['rural', 1, 3, 3, 3],
    ]);
  });
});

describe('signals', () => {
  const base: SignalRow = {
    signal: 'over_budget',
    community_id: '330482001002',
    community_name: '南河头社区',
    street_code: '330482001',
    street_name: '当湖街道',
    kind: 'mixed',
    project_id: 'P2024-F2',
    project_title: '楼道议事(二期)',
    operator_org_id: null,
    operator_name: null,
    related_id: null,
    amount: 25000,
    reference: 20000,
    period: null,
    respondents: null,
  };
  it('says each signal in words', () => {
    expect(signalItem(base)).toMatchObject({ name: '支出超过预算', detail: '支出 25,000 元，预算 20,000 元。' });
    expect(signalItem({ ...base, signal: 'fail_twice', related_id: 'P2023-F1', operator_name: '某社工机构' })).toMatchObject({
      related_project_id: 'P2023-F1',
      detail: '承接组织 某社工机构 的上一个项目（P2023-F1）也评估为不合格。',
    });
    expect(signalItem({ ...base, signal: 'no_recent_survey', project_id: null, period: null }).detail).toBe(
      '没有任何全社区满意度调查。',
    );
  });
  it('counts signals in the standard order and attaches them to the indicators they bear on', () => {
    expect(signalCounts([{ signal: 'overdue' }, { signal: 'fail_twice' }, { signal: 'overdue' }]).map((c) => [c.def.key, c.count])).toEqual([
      ['fail_twice', 1],
      ['overdue', 2],
    ]);
    const section = indicatorSection([], null, null, [base, { ...base, signal: 'small_survey' }]);
    expect(signalsFor('execution', section.signals).map((s) => s.key)).toEqual(['over_budget']);
    expect(signalsFor('satisfaction', section.signals).map((s) => s.key)).toEqual(['small_survey']);
  });
});
