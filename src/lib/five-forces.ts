/**
 * The five forces (五社联动) of an area — one community, a street or the whole city:
 * 社区 (projects), 社会组织 (organizations), 社会工作者 and 社区工作者 (latest workforce period),
 * 社区志愿者 (registered volunteers and their hours, latest period) and 社会公益慈善资源
 * (income from CHARITABLE_SOURCES and its share of all income).
 */
import { ORGANIZATION_KIND } from '../schema/index.ts';
import { charitableShare, type MoneyRow, type SourceShare } from './money.ts';
import type { ProjectRow } from './rows.ts';
import { comparePeriods } from './satisfaction.ts';

/** One row of workforce_rows.sql. */
export interface WorkforceRow {
  community_id: string;
  period: string;
  social_workers_certified: number | null;
  community_workers: number | null;
  community_orgs_filed: number | null;
  volunteers_registered: number | null;
  volunteer_hours: number | null;
  resident_leaders: number | null;
}

/** An organization active in a community (community_organizations.sql, without its for_community). */
export interface OrganizationRow {
  org_id: string;
  name: string;
  kind: string;
  rating: string | null;
  community_id: string | null;
}

/** The latest workforce row of each community (by period, see periodKey). */
export function latestWorkforce(rows: readonly WorkforceRow[]): Map<string, WorkforceRow> {
  const latest = new Map<string, WorkforceRow>();
  for (const r of rows) {
    const seen = latest.get(r.community_id);
    if (!seen || comparePeriods(r.period, seen.period) > 0) latest.set(r.community_id, r);
  }
  return latest;
}

export interface WorkforceTotals {
  /** Communities that reported any workforce row. */
  communities: number;
  /** The periods the totals come from (each community's latest), newest first. */
  periods: string[];
  socialWorkers: number;
  communityWorkers: number;
  volunteers: number;
  volunteerHours: number;
}

/** Sums each community's latest row. Missing values count as nothing (not as zero reported). */
export function workforceTotals(latest: Iterable<WorkforceRow>): WorkforceTotals {
  const totals: WorkforceTotals = {
    communities: 0,
    periods: [],
    socialWorkers: 0,
    communityWorkers: 0,
    volunteers: 0,
    volunteerHours: 0,
  };
  const periods = new Set<string>();
  for (const r of latest) {
    totals.communities += 1;
    periods.add(r.period);
    totals.socialWorkers += r.social_workers_certified ?? 0;
    totals.communityWorkers += r.community_workers ?? 0;
    totals.volunteers += r.volunteers_registered ?? 0;
    totals.volunteerHours += r.volunteer_hours ?? 0;
  }
  totals.periods = [...periods].sort((a, b) => comparePeriods(b, a));
  return totals;
}

/** Two totals added (periods merged, newest first): for sums made a community at a time. */
export function addWorkforceTotals(a: WorkforceTotals, b: WorkforceTotals): WorkforceTotals {
  return {
    communities: a.communities + b.communities,
    periods: [...new Set([...a.periods, ...b.periods])].sort((x, y) => comparePeriods(y, x)),
    socialWorkers: a.socialWorkers + b.socialWorkers,
    communityWorkers: a.communityWorkers + b.communityWorkers,
    volunteers: a.volunteers + b.volunteers,
    volunteerHours: a.volunteerHours + b.volunteerHours,
  };
}

export interface KindCount {
  kind: string;
  label: string;
  count: number;
}

/** Organizations by kind, in the standard's order, only kinds present. */
export function organizationsByKind(orgs: readonly Pick<OrganizationRow, 'kind'>[]): KindCount[] {
  const counts = new Map<string, number>();
  for (const o of orgs) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const labels = ORGANIZATION_KIND.labels as Record<string, string>;
  return (ORGANIZATION_KIND.codes as readonly string[])
    .filter((k) => counts.has(k))
    .map((kind) => ({ kind, label: labels[kind] ?? kind, count: counts.get(kind)! }));
}

export interface FiveForces {
  projects: number;
  ongoingProjects: number;
  organizations: number;
  organizationsByKind: KindCount[];
  workforce: WorkforceTotals;
  charitable: SourceShare;
}

export function fiveForces(input: {
  projects: readonly Pick<ProjectRow, 'status'>[];
  organizations: readonly Pick<OrganizationRow, 'kind'>[];
  workforce: Iterable<WorkforceRow>;
  money: readonly MoneyRow[];
}): FiveForces {
  return {
    projects: input.projects.length,
    ongoingProjects: input.projects.filter((p) => p.status === 'ongoing').length,
    organizations: input.organizations.length,
    organizationsByKind: organizationsByKind(input.organizations),
    workforce: workforceTotals(input.workforce),
    charitable: charitableShare(input.money),
  };
}

/** Median of the numbers given (nulls and non-finite values left out); null when none. */
export function median(values: Iterable<number | null | undefined>): number | null {
  const xs = [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}
