/**
 * /streets/<code>/: the street's own rows, and the rows of each of its communities from the
 * community store (a street has tens of communities: each is read once, by key).
 */
import { runQuery } from '../../db/build-database.ts';
import { groupSiteData } from '../site-data.ts';
import { loadAsOf } from '../release.ts';
import { cityReference, streetPage, type CityReference, type StreetPage } from '../street.ts';
import { once } from './cache.ts';
import { communitySiteRows, type CommunityEntry } from './community.ts';
import { pagePaths, type PagePath } from './paths.ts';
import { communityStore, streetStore } from './stores.ts';
import { loadStreetIndicators } from './indicators.ts';

export const loadCityReference = once(async (): Promise<CityReference> =>
  cityReference(await runQuery('city_money'), await runQuery('city_satisfaction')),
);

export function streetPaths(): Promise<PagePath<'code'>[]> {
  return pagePaths(streetStore, 'code');
}

export async function loadStreetPage(code: string): Promise<StreetPage> {
  const entry = await streetStore.get(code);
  if (entry.profile.length === 0) throw new Error(`No street ${code} in the release`);
  const members: CommunityEntry[] = [];
  // One at a time: the build database has one connection.
  for (const c of entry.communities) members.push(await communityStore.get(c.community_id));
  const data = groupSiteData({ ...communitySiteRows(members), streetMoney: entry.money }, await loadAsOf());
  const page = streetPage(data, code, await loadCityReference());
  const indicators = await loadStreetIndicators(
    code,
    entry.communities,
    members.flatMap((m) => m.signals),
  );
  return { ...page, indicators };
}
