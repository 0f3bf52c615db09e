/**
 * /communities/<id>/ and /data/summary/<id>.json: one community's rows from the page store, shaped
 * by src/lib/community.ts. The medians each page compares with are computed once per build, in one
 * pass over the store.
 */
import {
  communityIndicators,
  communityPage,
  peerMedians,
  type CommunityPage,
  type Indicators,
  type PeersByKind,
} from '../community.ts';
import { runQuery } from '../../db/build-database.ts';
import { addWorkforceTotals, workforceTotals, type WorkforceTotals } from '../five-forces.ts';
import { addLowSatisfaction, cityRatesByPeriod, type LowSatisfaction } from '../home.ts';
import { loadAsOf } from '../release.ts';
import { groupSiteData, type SiteData, type SiteRows } from '../site-data.ts';
import { once } from './cache.ts';
import { pagePaths, type PagePath } from './paths.ts';
import { communityStore } from './stores.ts';
import { loadCommunityIndicators } from './indicators.ts';

export type CommunityEntry = Awaited<ReturnType<typeof communityStore.get>>;

/**
 * The rows of a few communities in the shape of the pure page functions (sections a caller did
 * not read count as empty).
 */
export function communitySiteRows(entries: readonly Partial<CommunityEntry>[]): SiteRows {
  const organizations = new Map<string, SiteRows['organizations'][number]>();
  for (const e of entries) {
    for (const { for_community: _for, ...org } of e.organizations ?? []) organizations.set(org.org_id, org);
  }
  const all = <K extends keyof CommunityEntry>(key: K): CommunityEntry[K] =>
    entries.flatMap((e) => e[key] ?? []) as CommunityEntry[K];
  return {
    communities: all('profile'),
    projects: all('projects'),
    money: all('money'),
    streetMoney: [],
    satisfaction: all('satisfaction'),
    projectSatisfaction: [],
    workforce: all('workforce'),
    organizations: [...organizations.values()],
    proposals: all('proposals'),
  };
}

export async function communityData(entries: readonly Partial<CommunityEntry>[]): Promise<SiteData> {
  return groupSiteData(communitySiteRows(entries), await loadAsOf());
}

/** What the pass over every community gathers for figures across communities. */
export interface CommunitiesPass {
  /** Each kind's peer group (the medians every community page compares with). */
  peersByKind: PeersByKind;
  /** The latest workforce report of each community, summed (the home page). */
  workforce: WorkforceTotals;
  /** Communities whose latest satisfaction is clearly below the city's (the home page). */
  low: LowSatisfaction;
}

/**
 * One pass over every community, reading only the sections these figures need and keeping only
 * the figures (a few numbers per community), never the rows.
 */
export const loadCommunitiesPass = once(async (): Promise<CommunitiesPass> => {
  const cityByPeriod = cityRatesByPeriod(await runQuery('city_satisfaction'));
  const byKind = new Map<string, Indicators[]>();
  let workforce = workforceTotals([]);
  const low: LowSatisfaction = { count: 0, lowest: [] };
  const sections = ['profile', 'projects', 'money', 'satisfaction', 'workforce'] as const;
  for await (const [id, entry] of communityStore.scan(sections)) {
    const profile = entry.profile[0];
    if (!profile) continue;
    const data = await communityData([entry]);
    const list = byKind.get(profile.kind) ?? [];
    list.push(communityIndicators(data, id));
    byKind.set(profile.kind, list);
    const latest = data.latestWorkforce.get(id);
    if (latest) workforce = addWorkforceTotals(workforce, workforceTotals([latest]));
    addLowSatisfaction(low, { id, name: profile.name, satisfaction: entry.satisfaction }, cityByPeriod);
  }
  return {
    peersByKind: new Map(
      [...byKind].map(([kind, list]) => [kind, { communities: list.length, medians: peerMedians(list) }]),
    ),
    workforce,
    low,
  };
});

/** getStaticPaths of /communities/<id>/: keys only. */
export function communityPaths(): Promise<PagePath<'id'>[]> {
  return pagePaths(communityStore, 'id');
}

export async function loadCommunityPage(id: string): Promise<CommunityPage> {
  const entry = await communityStore.get(id);
  if (entry.profile.length === 0) throw new Error(`No community ${id} in the release`);
  const page = communityPage(await communityData([entry]), id, entry.recent, (await loadCommunitiesPass()).peersByKind);
  return { ...page, indicators: await loadCommunityIndicators(id, page.community.kind, entry.signals) };
}
