/**
 * The city overview (/): the five forces in totals, money by source over the years, government
 * dependence by street, satisfaction over time, by street and by community kind, a short list of
 * what the data shows (each finding links to where it can be checked), and every street.
 */
import { COMMUNITY_KIND, PROJECT_ORIGIN } from '../schema/index.ts';
import { runQuery } from '../db/build-database.ts';
import { areaFigures, pooledRate, type AreaFigures } from './area.ts';
import { formatPercent, MIN_RESPONDENTS } from './format.ts';
import { exploreQueryHref } from './links.ts';
import { governmentShare, type SourceShare } from './money.ts';
import { latestOverall, rateOf, ratesByPeriod, type Rate } from './satisfaction.ts';
import { loadSiteData, type ProjectSatisfactionRow, type SiteData } from './site-data.ts';

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

export function homeFindings(
  data: SiteData,
  input: {
    overdue: readonly FindingProject[];
    notContinued: readonly FindingProject[];
    cityByPeriod: ReadonlyMap<string, Rate>;
    governmentByStreet: readonly StreetSummary[];
    cityGovernment: SourceShare;
  },
): Finding[] {
  const findings: Finding[] = [];
  const asOf = data.asOf;
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
  const origins = satisfactionByOrigin(data.projectSatisfaction);
  const assigned = origins.find((o) => o.origin === 'assigned');
  const resident = origins.find((o) => o.origin === 'resident_proposal');
  if (assigned && resident && resident.rate.rate !== null && assigned.rate.rate !== null) {
    const below = assignedBelow(data.projectSatisfaction, resident.rate.rate);
    const surveyed = data.projectSatisfaction.filter(
      (r) => r.origin === 'assigned' && r.respondents >= MIN_RESPONDENTS,
    ).length;
    findings.push({
      id: 'assigned-satisfaction',
      text:
        `${below.length} 个上级下派项目的满意度低于居民自主提事项目的总体水平(${formatPercent(resident.rate.rate)})` +
        `,占有足够样本的上级下派项目(${surveyed} 个)的 ${formatPercent(surveyed > 0 ? below.length / surveyed : null, 0)}。` +
        `上级下派项目合计满意度 ${formatPercent(assigned.rate.rate)}。`,
      href: exploreQueryHref('finding_project_satisfaction_by_origin'),
      linkText: '在数据查询中查看每个项目的满意度',
    });
  }
  const top = input.governmentByStreet[0];
  if (top && top.government.share !== null && input.cityGovernment.share !== null) {
    const over = input.governmentByStreet.filter(
      (s) => s.government.share !== null && s.government.share >= 0.8,
    ).length;
    findings.push({
      id: 'government',
      text:
        `全部收入中 ${formatPercent(input.cityGovernment.share)} 来自政府资金;政府资金占比最高的是${top.name}(${formatPercent(top.government.share)})` +
        (over > 0 ? `,${over} 个街道(镇)超过 80%。` : '。'),
      href: '#government',
      linkText: '查看各街道(镇)的政府资金占比',
    });
  }
  // Communities whose latest overall rate is clearly below the city's in the same period: the
  // upper end of their 95% interval is under the city's rate.
  const low: { id: string; name: string; high: number }[] = [];
  for (const c of data.communities) {
    const latest = latestOverall(data.satisfactionByCommunity.get(c.community_id) ?? []);
    if (!latest || latest.high === null) continue;
    const city = input.cityByPeriod.get(latest.period);
    if (city?.rate != null && latest.high < city.rate)
      low.push({ id: c.community_id, name: c.name, high: latest.high });
  }
  if (low.length > 0) {
    low.sort((a, b) => a.high - b.high);
    findings.push({
      id: 'low-satisfaction',
      text: `${low.length} 个社区最近一期的总体满意度明显低于全市同期水平(95%区间的上限也低于全市)。`,
      href: '#satisfaction',
      linkText: '查看满意度',
      examples: low.slice(0, 5).map((c) => ({ label: c.name, href: `/communities/${c.id}/#satisfaction` })),
    });
  }
  return findings;
}

export function homePage(
  data: SiteData,
  overdue: readonly FindingProject[],
  notContinued: readonly FindingProject[],
): HomePage {
  const {
    projects: _projects,
    satisfactionRows: _rows,
    ...figures
  } = areaFigures(data, data.communities, data.streetMoney, data.organizations);
  const period = figures.latestPeriod;
  const cityByPeriod = new Map<string, Rate>(ratesByPeriod(data.satisfaction, 'overall').map((r) => [r.period, r]));
  const streets: StreetSummary[] = data.streets.map((s) => {
    const rows = s.communities.flatMap((c) => data.satisfactionByCommunity.get(c.community_id) ?? []);
    return {
      code: s.code,
      name: s.name,
      communities: s.communities.length,
      government: governmentShare(data.moneyByStreet.get(s.code) ?? []),
      satisfaction: pooledRate(rows, period),
    };
  });
  const governmentByStreet = [...streets].sort((a, b) => (b.government.share ?? -1) - (a.government.share ?? -1));
  const kinds = (COMMUNITY_KIND.codes as readonly string[]).flatMap((kind) => {
    const members = data.communities.filter((c) => c.kind === kind);
    if (members.length === 0) return [];
    const rows = members.flatMap((c) => data.satisfactionByCommunity.get(c.community_id) ?? []);
    return [
      { kind, label: (COMMUNITY_KIND.labels as Record<string, string>)[kind] ?? kind, rate: pooledRate(rows, period) },
    ];
  });
  const cityGovernment = figures.government;
  return {
    asOf: data.asOf,
    figures,
    communities: data.communities.length,
    streets,
    governmentByStreet,
    latest: { period, city: pooledRate(data.satisfaction, period), byKind: kinds },
    findings: homeFindings(data, { overdue, notContinued, cityByPeriod, governmentByStreet, cityGovernment }),
  };
}

export async function loadHomePage(): Promise<HomePage> {
  const data = await loadSiteData();
  const overdue = await runQuery<FindingProject>('finding_overdue_projects', [data.asOf]);
  const notContinued = await runQuery<FindingProject>('finding_not_continued_projects', [data.asOf]);
  return homePage(data, overdue, notContinued);
}
