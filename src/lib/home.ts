/**
 * The city overview (/): the five forces in totals, money by source over the years, government
 * dependence by street, satisfaction over time, by street and by community kind, a short list of
 * what the data shows (each finding links to where it can be checked), and every street.
 */
import { COMMUNITY_KIND, PROJECT_ORIGIN } from '../schema/index.ts';
import { areaFigures, pooledRate, type AreaFigures } from './area.ts';
import type { FiveForces } from './five-forces.ts';
import { formatPercent, MIN_RESPONDENTS } from './format.ts';
import { exploreQueryHref } from './links.ts';
import { governmentShare, moneyByYear, type MoneyRow, type SourceShare } from './money.ts';
import { latestOverall, rateOf, ratesByPeriod, type Rate, type SatisfactionRow } from './satisfaction.ts';
import type { ProjectSatisfactionRow, SiteData } from './site-data.ts';

export interface Finding {
  id: string;
  /** One plain sentence. */
  text: string;
  href: string;
  linkText: string;
  /** A few examples, each linked. */
  examples?: { label: string; href: string }[];
}

export interface StreetSummary {
  code: string;
  name: string;
  communities: number;
  government: SourceShare;
  /** Overall rate in the city's latest period. */
  satisfaction: Rate;
}

export interface HomePage {
  asOf: string;
  figures: Omit<AreaFigures, 'projects' | 'satisfactionRows'>;
  communities: number;
  streets: StreetSummary[];
  /** Streets by government share, highest first (streets without income last). */
  governmentByStreet: StreetSummary[];
  latest: { period: string | null; city: Rate; byKind: { kind: string; label: string; rate: Rate }[] };
  findings: Finding[];
}

/** One row of finding_overdue_projects.sql / finding_not_continued_projects.sql. */
export interface FindingProject {
  project_id: string;
  title: string;
  community_name: string;
  community_id: string;
}

export interface OriginRate {
  origin: string;
  label: string;
  projects: number;
  rate: Rate;
}

/** Satisfaction with surveyed projects pooled by origin, and each project's own rate. */
export function satisfactionByOrigin(rows: readonly ProjectSatisfactionRow[]): OriginRate[] {
  const sums = new Map<string, { respondents: number; satisfied: number; projects: number }>();
  for (const r of rows) {
    const s = sums.get(r.origin) ?? { respondents: 0, satisfied: 0, projects: 0 };
    s.respondents += r.respondents;
    s.satisfied += r.satisfied;
    s.projects += 1;
    sums.set(r.origin, s);
  }
  const labels = PROJECT_ORIGIN.labels as Record<string, string>;
  return (PROJECT_ORIGIN.codes as readonly string[])
    .filter((o) => sums.has(o))
    .map((origin) => {
      const s = sums.get(origin)!;
      return {
        origin,
        label: labels[origin] ?? origin,
        projects: s.projects,
        rate: rateOf(s.satisfied, s.respondents),
      };
    });
}

/** Assigned (上级下派) projects with at least MIN_RESPONDENTS respondents whose rate is below `threshold`. */
export function assignedBelow(rows: readonly ProjectSatisfactionRow[], threshold: number): ProjectSatisfactionRow[] {
  return rows.filter(
    (r) => r.origin === 'assigned' && r.respondents >= MIN_RESPONDENTS && r.satisfied / r.respondents < threshold,
  );
}

/** A few projects as links; the community's name is added when the title does not already say it. */
export function projectExamples(rows: readonly FindingProject[], n = 3): { label: string; href: string }[] {
  return rows.slice(0, n).map((p) => ({
    label: p.title.includes(p.community_name) ? p.title : `${p.community_name}:${p.title}`,
    href: `/projects/${encodeURIComponent(p.project_id)}/`,
  }));
}

/** A community whose latest overall rate is clearly below the city's in the same period. */
export interface LowCommunity {
  id: string;
  name: string;
  /** Upper end of its 95% interval. */
  high: number;
}

/** The few examples a finding lists, and how many there are in all. */
export interface LowSatisfaction {
  count: number;
  lowest: LowCommunity[];
}

/** How many low communities a finding names. */
const LOW_EXAMPLES = 5;

/**
 * Folds one community into the low-satisfaction finding: below when the upper end of the 95%
 * interval of its latest overall rate is under the city's rate in the same period.
 */
export function addLowSatisfaction(
  acc: LowSatisfaction,
  community: { id: string; name: string; satisfaction: readonly SatisfactionRow[] },
  cityByPeriod: ReadonlyMap<string, Rate>,
): void {
  const latest = latestOverall(community.satisfaction);
  if (!latest || latest.high === null) return;
  const city = cityByPeriod.get(latest.period);
  if (city?.rate == null || !(latest.high < city.rate)) return;
  acc.count += 1;
  acc.lowest.push({ id: community.id, name: community.name, high: latest.high });
  acc.lowest.sort((a, b) => a.high - b.high);
  if (acc.lowest.length > LOW_EXAMPLES) acc.lowest.length = LOW_EXAMPLES;
}

/**
 * Everything the home page is made of: figures of the whole release and of each street and kind,
 * all of them sums (src/lib/load/home.ts reads them with grouped queries and one pass over the
 * communities; `homeInputOf` makes the same from rows held in memory).
 */
export interface HomeInput {
  asOf: string;
  communities: number;
  forces: FiveForces;
  money: readonly MoneyRow[];
  satisfaction: readonly SatisfactionRow[];
  streets: readonly {
    code: string;
    name: string;
    communities: number;
    money: readonly MoneyRow[];
    satisfaction: readonly SatisfactionRow[];
  }[];
  kinds: readonly { kind: string; satisfaction: readonly SatisfactionRow[] }[];
  /** Surveyed projects pooled by origin. */
  origins: readonly OriginRate[];
  /** Of the assigned projects with a large enough sample, how many rate below the resident-proposal projects. */
  assigned: { below: number; surveyed: number } | null;
  low: LowSatisfaction;
  overdue: readonly FindingProject[];
  notContinued: readonly FindingProject[];
}

export function homeFindings(
  input: HomeInput,
  governmentByStreet: readonly StreetSummary[],
  cityGovernment: SourceShare,
): Finding[] {
  const findings: Finding[] = [];
  const asOf = input.asOf;
  if (input.notContinued.length > 0) {
    findings.push({
      id: 'not-continued',
      text: `${input.notContinued.length} 个评估为优秀或良好的项目结束后没有延续项目。`,
      href: exploreQueryHref('finding_not_continued_projects', [asOf]),
      linkText: '在数据查询中查看全部',
      examples: projectExamples(input.notContinued),
    });
  }
  if (input.overdue.length > 0) {
    findings.push({
      id: 'overdue',
      text: `${input.overdue.length} 个项目已过结束日期仍标为实施中,进度没有更新。`,
      href: exploreQueryHref('finding_overdue_projects', [asOf]),
      linkText: '在数据查询中查看全部',
      examples: projectExamples(input.overdue),
    });
  }
  const assigned = input.origins.find((o) => o.origin === 'assigned');
  const resident = input.origins.find((o) => o.origin === 'resident_proposal');
  if (assigned && resident && resident.rate.rate !== null && assigned.rate.rate !== null && input.assigned) {
    const { below, surveyed } = input.assigned;
    findings.push({
      id: 'assigned-satisfaction',
      text:
        `${below} 个上级下派项目的满意度低于居民自主提事项目的总体水平(${formatPercent(resident.rate.rate)})` +
        `,占有足够样本的上级下派项目(${surveyed} 个)的 ${formatPercent(surveyed > 0 ? below / surveyed : null, 0)}。` +
        `上级下派项目合计满意度 ${formatPercent(assigned.rate.rate)}。`,
      href: exploreQueryHref('finding_project_satisfaction_by_origin'),
      linkText: '在数据查询中查看每个项目的满意度',
    });
  }
  const top = governmentByStreet[0];
  if (top && top.government.share !== null && cityGovernment.share !== null) {
    const over = governmentByStreet.filter((s) => s.government.share !== null && s.government.share >= 0.8).length;
    findings.push({
      id: 'government',
      text:
        `全部收入中 ${formatPercent(cityGovernment.share)} 来自政府资金;政府资金占比最高的是${top.name}(${formatPercent(top.government.share)})` +
        (over > 0 ? `,${over} 个街道(镇)超过 80%。` : '。'),
      href: '#government',
      linkText: '查看各街道(镇)的政府资金占比',
    });
  }
  if (input.low.count > 0) {
    findings.push({
      id: 'low-satisfaction',
      text: `${input.low.count} 个社区最近一期的总体满意度明显低于全市同期水平(95%区间的上限也低于全市)。`,
      href: '#satisfaction',
      linkText: '查看满意度',
      examples: input.low.lowest.map((c) => ({ label: c.name, href: `/communities/${c.id}/#satisfaction` })),
    });
  }
  return findings;
}

export function homePage(input: HomeInput): HomePage {
  const satisfaction = ratesByPeriod(input.satisfaction, 'overall');
  const period = satisfaction.at(-1)?.period ?? null;
  const streets: StreetSummary[] = input.streets.map((s) => ({
    code: s.code,
    name: s.name,
    communities: s.communities,
    government: governmentShare(s.money),
    satisfaction: pooledRate(s.satisfaction, period),
  }));
  const governmentByStreet = [...streets].sort((a, b) => (b.government.share ?? -1) - (a.government.share ?? -1));
  const kinds = (COMMUNITY_KIND.codes as readonly string[]).flatMap((kind) => {
    const k = input.kinds.find((x) => x.kind === kind);
    if (!k) return [];
    return [
      {
        kind,
        label: (COMMUNITY_KIND.labels as Record<string, string>)[kind] ?? kind,
        rate: pooledRate(k.satisfaction, period),
      },
    ];
  });
  const government = governmentShare(input.money);
  return {
    asOf: input.asOf,
    figures: { forces: input.forces, money: moneyByYear(input.money), government, satisfaction, latestPeriod: period },
    communities: input.communities,
    streets,
    governmentByStreet,
    latest: { period, city: pooledRate(input.satisfaction, period), byKind: kinds },
    findings: homeFindings(input, governmentByStreet, government),
  };
}

/** The city's pooled rate per period (the reference of the low-satisfaction finding). */
export function cityRatesByPeriod(satisfaction: readonly SatisfactionRow[]): Map<string, Rate> {
  return new Map(ratesByPeriod(satisfaction, 'overall').map((r) => [r.period, r]));
}

/** HomeInput from rows held in memory (a small release, tests): the same sums as the queries. */
export function homeInputOf(
  data: SiteData,
  overdue: readonly FindingProject[],
  notContinued: readonly FindingProject[],
): HomeInput {
  const { forces } = areaFigures(data, data.communities, data.streetMoney, data.organizations);
  const cityByPeriod = cityRatesByPeriod(data.satisfaction);
  const low: LowSatisfaction = { count: 0, lowest: [] };
  for (const c of data.communities) {
    addLowSatisfaction(
      low,
      { id: c.community_id, name: c.name, satisfaction: data.satisfactionByCommunity.get(c.community_id) ?? [] },
      cityByPeriod,
    );
  }
  const origins = satisfactionByOrigin(data.projectSatisfaction);
  const resident = origins.find((o) => o.origin === 'resident_proposal')?.rate.rate ?? null;
  return {
    asOf: data.asOf,
    communities: data.communities.length,
    forces,
    money: data.streetMoney,
    satisfaction: data.satisfaction,
    streets: data.streets.map((s) => ({
      code: s.code,
      name: s.name,
      communities: s.communities.length,
      money: data.moneyByStreet.get(s.code) ?? [],
      satisfaction: s.communities.flatMap((c) => data.satisfactionByCommunity.get(c.community_id) ?? []),
    })),
    kinds: (COMMUNITY_KIND.codes as readonly string[]).flatMap((kind) => {
      const members = data.communities.filter((c) => c.kind === kind);
      return members.length === 0
        ? []
        : [{ kind, satisfaction: members.flatMap((c) => data.satisfactionByCommunity.get(c.community_id) ?? []) }];
    }),
    origins,
    assigned:
      resident === null
        ? null
        : {
            below: assignedBelow(data.projectSatisfaction, resident).length,
            surveyed: data.projectSatisfaction.filter(
              (r) => r.origin === 'assigned' && r.respondents >= MIN_RESPONDENTS,
            ).length,
          },
    low,
    overdue,
    notContinued,
  };
}
