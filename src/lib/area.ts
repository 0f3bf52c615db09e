/**
 * Figures of an area made of several communities (a street or the whole city): the five forces,
 * money by year, government dependence, satisfaction over time and in the latest period, and one
 * row of main figures per community. Pure: works on SiteData slices.
 */
import { COMMUNITY_KIND } from '../schema/index.ts';
import { activeOrganizations } from './community.ts';
import { fiveForces, type FiveForces, type OrganizationRow } from './five-forces.ts';
import {
  charitableShare,
  governmentShare,
  moneyByYear,
  type MoneyByYear,
  type MoneyRow,
  type SourceShare,
} from './money.ts';
import { projectFlags, type ProjectRow } from './rows.ts';
import {
  latestOverall,
  rateOf,
  ratesByPeriod,
  type PeriodRate,
  type Rate,
  type SatisfactionRow,
} from './satisfaction.ts';
import type { CommunityProfile, SiteData } from './site-data.ts';

export interface CommunitySummary {
  community_id: string;
  name: string;
  kind: string;
  kindLabel: string;
  resident_population: number | null;
  projects: number;
  ongoing: number;
  /** Projects flagged overdue or not continued (projectFlags). */
  flagged: number;
  income: number;
  expenditure: number;
  government: SourceShare;
  charitable: SourceShare;
  volunteers: number | null;
  /** Latest overall satisfaction of this community (its own latest period). */
  satisfaction: PeriodRate | null;
}

export function communitySummary(data: SiteData, c: CommunityProfile): CommunitySummary {
  const projects = data.projectsByCommunity.get(c.community_id) ?? [];
  const money = data.moneyByCommunity.get(c.community_id) ?? [];
  const government = governmentShare(money);
  let expenditure = 0;
  for (const m of money) if (m.type === 'expenditure') expenditure += Math.round(m.amount * 100);
  return {
    community_id: c.community_id,
    name: c.name,
    kind: c.kind,
    kindLabel: (COMMUNITY_KIND.labels as Record<string, string>)[c.kind] ?? c.kind,
    resident_population: c.resident_population,
    projects: projects.length,
    ongoing: projects.filter((p) => p.status === 'ongoing').length,
    flagged: projects.filter((p) => projectFlags(p, data.asOf).length > 0).length,
    income: government.total,
    expenditure: expenditure / 100,
    government,
    charitable: charitableShare(money),
    volunteers: data.latestWorkforce.get(c.community_id)?.volunteers_registered ?? null,
    satisfaction: latestOverall(data.satisfactionByCommunity.get(c.community_id) ?? []),
  };
}

/** The pooled overall rate of a group of communities in one period. */
export function pooledRate(rows: Iterable<SatisfactionRow>, period: string | null): Rate {
  let respondents = 0;
  let satisfied = 0;
  if (period !== null) {
    for (const r of rows) {
      if (r.period !== period || r.dimension !== 'overall') continue;
      respondents += r.respondents;
      satisfied += r.satisfied;
    }
  }
  return rateOf(satisfied, respondents);
}

export interface AreaFigures {
  forces: FiveForces;
  money: MoneyByYear;
  government: SourceShare;
  satisfaction: PeriodRate[];
  /** Latest period of the area's overall series. */
  latestPeriod: string | null;
  projects: ProjectRow[];
  satisfactionRows: SatisfactionRow[];
}

/**
 * The figures of a set of communities. `organizations`: every organization active in them
 * (operators of their projects and organizations located there); for the whole city pass all.
 */
export function areaFigures(
  data: SiteData,
  communities: readonly CommunityProfile[],
  money: readonly MoneyRow[],
  organizations?: readonly OrganizationRow[],
): AreaFigures {
  const projects: ProjectRow[] = [];
  const satisfactionRows: SatisfactionRow[] = [];
  const workforce = [];
  const orgs = new Map<string, { kind: string }>();
  for (const c of communities) {
    const ps = data.projectsByCommunity.get(c.community_id) ?? [];
    projects.push(...ps);
    satisfactionRows.push(...(data.satisfactionByCommunity.get(c.community_id) ?? []));
    const w = data.latestWorkforce.get(c.community_id);
    if (w) workforce.push(w);
    if (!organizations) {
      for (const o of activeOrganizations(
        ps,
        data.organizationsLocatedIn.get(c.community_id) ?? [],
        data.organizationById,
      )) {
        orgs.set(o.org_id, o);
      }
    }
  }
  const series = ratesByPeriod(satisfactionRows, 'overall');
  return {
    forces: fiveForces({ projects, organizations: organizations ?? [...orgs.values()], workforce, money }),
    money: moneyByYear(money),
    government: governmentShare(money),
    satisfaction: series,
    latestPeriod: series.at(-1)?.period ?? null,
    projects,
    satisfactionRows,
  };
}
