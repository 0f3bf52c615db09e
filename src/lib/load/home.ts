/**
 * The home page (/): sums over the whole release from grouped queries, and the figures that need
 * each community's own rows (its latest workforce report, its latest satisfaction against the
 * city's) from the one pass over the communities (src/lib/load/community.ts).
 */
import { runQuery } from '../../db/build-database.ts';
import { MIN_RESPONDENTS, ORGANIZATION_KIND, PROJECT_ORIGIN } from '../../schema/index.ts';
import { homePage, type HomePage } from '../home.ts';
import { charitableShare } from '../money.ts';
import { loadAsOf } from '../release.ts';
import { rateOf } from '../satisfaction.ts';
import { groupBy } from '../site-data.ts';
import { loadCommunitiesPass } from './community.ts';
import { loadTotals } from './totals.ts';

export async function loadHomePage(): Promise<HomePage> {
  const asOf = await loadAsOf();
  const totals = await loadTotals();
  const money = await runQuery('city_money');
  const satisfaction = await runQuery('city_satisfaction');

  const { workforce, low } = await loadCommunitiesPass();

  const kinds = new Map((await runQuery('organizations_by_kind')).map((k) => [k.kind, k.organizations]));
  const streetMoney = groupBy(await runQuery('street_money'), (m) => m.street_code);
  const streetSatisfaction = groupBy(await runQuery('street_satisfaction'), (s) => s.street_code);
  const kindSatisfaction = groupBy(await runQuery('satisfaction_by_kind'), (s) => s.kind);
  const origins = (await runQuery('project_satisfaction_by_origin')).map((o) => ({
    origin: o.origin,
    label: PROJECT_ORIGIN.labels[o.origin],
    projects: o.projects,
    rate: rateOf(o.satisfied, o.respondents),
  }));
  origins.sort((a, b) => PROJECT_ORIGIN.codes.indexOf(a.origin) - PROJECT_ORIGIN.codes.indexOf(b.origin));
  const residentRate = origins.find((o) => o.origin === 'resident_proposal')?.rate.rate ?? null;
  const [assigned] =
    residentRate === null ? [] : await runQuery('assigned_projects_below', [MIN_RESPONDENTS, residentRate]);

  return homePage({
    asOf,
    communities: totals.communities,
    forces: {
      projects: totals.projects,
      ongoingProjects: totals.ongoing_projects,
      organizations: [...kinds.values()].reduce((s, n) => s + n, 0),
      organizationsByKind: ORGANIZATION_KIND.codes
        .filter((k) => kinds.has(k))
        .map((kind) => ({ kind, label: ORGANIZATION_KIND.labels[kind], count: kinds.get(kind)! })),
      workforce,
      charitable: charitableShare(money),
    },
    money,
    satisfaction,
    streets: (await runQuery('street_profiles')).map((s) => ({
      code: s.street_code,
      name: s.street_name,
      communities: s.communities,
      money: streetMoney.get(s.street_code) ?? [],
      satisfaction: streetSatisfaction.get(s.street_code) ?? [],
    })),
    // Every kind that occurs, surveyed or not (an unsurveyed kind shows as such).
    kinds: (await runQuery('community_kinds')).map(({ kind }) => ({
      kind,
      satisfaction: kindSatisfaction.get(kind) ?? [],
    })),
    origins,
    assigned: assigned ?? null,
    low,
    overdue: await runQuery('finding_overdue_projects', [asOf]),
    notContinued: await runQuery('finding_not_continued_projects', [asOf]),
  });
}
