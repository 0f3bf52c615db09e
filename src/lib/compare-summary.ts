/**
 * Build time: the per-community summary /compare/ loads (src/lib/compare.ts explains the choice),
 * taken from the community page's own data so the two pages can never disagree.
 */
import type { CommunityPage } from './community.ts';
import type { CommunitySummary } from './compare.ts';
import { periodKey } from './satisfaction.ts';

export function communitySummary(page: CommunityPage): CommunitySummary {
  const c = page.community;
  const w = page.workforce;
  return {
    id: c.community_id,
    name: c.name,
    street: [page.street.code, page.street.name],
    kind: c.kind,
    asOf: c.as_of,
    profile: {
      resident_population: c.resident_population,
      registered_population: c.registered_population,
      households: c.households,
      area_km2: c.area_km2,
      grids: c.grids,
    },
    forces: {
      workforcePeriod: w?.period ?? null,
      socialWorkers: w?.social_workers_certified ?? null,
      communityWorkers: w?.community_workers ?? null,
      volunteers: w?.volunteers_registered ?? null,
      volunteerHours: w?.volunteer_hours ?? null,
      organizations: page.organizations.length,
      projects: page.forces.projects,
      ongoingProjects: page.forces.ongoingProjects,
      charitableAmount: page.forces.charitable.amount,
      charitableShare: page.forces.charitable.share,
    },
    money: {
      firstYear: page.money.years[0] ?? null,
      lastYear: page.money.years.at(-1) ?? null,
      income: page.money.totalIncome,
      expenditure: page.money.totalExpenditure,
      bySource: page.money.sources.map((code) => [code, page.money.incomeBySource[code] ?? 0]),
    },
    satisfaction: page.satisfaction.series.map((s) => [
      s.period,
      periodKey(s.period),
      s.respondents,
      s.satisfied,
      s.rate,
      s.low,
      s.high,
    ]),
  };
}
