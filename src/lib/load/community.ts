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
import { loadAsOf } from '../release.ts';
import { groupSiteData, type SiteData, type SiteRows } from '../site-data.ts';
import { once } from './cache.ts';
import { pagePaths, type PagePath } from './paths.ts';
import { communityStore } from './stores.ts';

export type CommunityEntry = Awaited<ReturnType<typeof communityStore.get>>;

/** The rows of a few communities in the shape of the pure page functions. */
export function communitySiteRows(entries: readonly CommunityEntry[]): SiteRows {
  const organizations = new Map<string, SiteRows['organizations'][number]>();
  for (const e of entries) {
    for (const { for_community: _for, ...org } of e.organizations) organizations.set(org.org_id, org);
  }
  return {
    communities: entries.flatMap((e) => e.profile),
    projects: entries.flatMap((e) => e.projects),
    money: entries.flatMap((e) => e.money),
    streetMoney: [],
    satisfaction: entries.flatMap((e) => e.satisfaction),
    projectSatisfaction: [],
    workforce: entries.flatMap((e) => e.workforce),
    organizations: [...organizations.values()],
    proposals: entries.flatMap((e) => e.proposals),
  };
}

export async function communityData(entries: readonly CommunityEntry[]): Promise<SiteData> {
  return groupSiteData(communitySiteRows(entries), await loadAsOf());
}

/** Each kind's peer group: one pass over every community, keeping only its indicators. */
export const loadPeersByKind = once(async (): Promise<PeersByKind> => {
  const byKind = new Map<string, Indicators[]>();
  for await (const [id, entry] of communityStore.scan()) {
    const kind = entry.profile[0]?.kind;
    if (!kind) continue;
    const list = byKind.get(kind) ?? [];
    list.push(communityIndicators(await communityData([entry]), id));
    byKind.set(kind, list);
  }
  return new Map([...byKind].map(([kind, list]) => [kind, { communities: list.length, medians: peerMedians(list) }]));
});

/** getStaticPaths of /communities/<id>/: keys only. */
export function communityPaths(): Promise<PagePath<'id'>[]> {
  return pagePaths(communityStore, 'id');
}

export async function loadCommunityPage(id: string): Promise<CommunityPage> {
  const entry = await communityStore.get(id);
  if (entry.profile.length === 0) throw new Error(`No community ${id} in the release`);
  return communityPage(await communityData([entry]), id, entry.recent, await loadPeersByKind());
}
