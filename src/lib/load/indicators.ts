/**
 * Issue 10: the indicators and signals of each page, read from page stores (src/lib/load/stores.ts);
 * the places among communities of the same kind and the city-wide rankings come from one pass over
 * the indicator store, keeping only a few numbers per community.
 */
import {
  INDICATOR_LIST,
  indicatorOverview,
  indicatorSection,
  indicatorSeries,
  isIndicatorKey,
  latestValuesBuilder,
  memberRankings,
  peerValuesBuilder,
  signalCounts,
  signalItem,
  type IndicatorKey,
  type IndicatorOverview,
  type IndicatorSection,
  type IndicatorSeries,
  type MemberRanking,
  type PeerValues,
  type SignalItem,
  type SignalRow,
  type SignalDef,
} from '../indicators.ts';
import { loadAsOf } from '../release.ts';
import { once } from './cache.ts';
import { cityWidePaths } from './paths.ts';
import { indicatorStore, signalListStore } from './stores.ts';
import { LIST_PAGE_SIZE } from '../limits.ts';

export interface CityIndicators {
  code: string;
  name: string;
  /** Communities of this city in the release. */
  communities: number;
  series: IndicatorSeries[];
}

export interface IndicatorsPass {
  peers: PeerValues;
  latest: ReturnType<ReturnType<typeof latestValuesBuilder>['finish']>;
  cities: CityIndicators[];
  streets: { code: string; name: string }[];
  communities: number;
}

/** One pass over every scope of the indicator store. */
export const loadIndicatorsPass = once(async (): Promise<IndicatorsPass> => {
  const peers = peerValuesBuilder();
  const latest = latestValuesBuilder();
  const cities: CityIndicators[] = [];
  const cityNames = new Map<string, string>();
  const cityCommunities = new Map<string, number>();
  const streets = new Map<string, string>();
  let communities = 0;
  for await (const [key, entry] of indicatorStore.scan(['values', 'profile'])) {
    const profile = entry.profile[0];
    const scope = entry.values[0]?.scope;
    if (profile) {
      communities += 1;
      cityNames.set(key.slice(0, 6), profile.county_name);
      cityCommunities.set(key.slice(0, 6), (cityCommunities.get(key.slice(0, 6)) ?? 0) + 1);
      streets.set(profile.street_code, profile.street_name);
      peers.add(profile.kind, entry.values);
      latest.add(profile, entry.values);
    } else if (scope === 'city') {
      cities.push({ code: key, name: key, communities: 0, series: indicatorSeries(entry.values) });
    }
  }
  for (const c of cities) {
    c.name = cityNames.get(c.code) ?? c.code;
    c.communities = cityCommunities.get(c.code) ?? 0;
  }
  return {
    peers: peers.finish(),
    latest: latest.finish(),
    cities,
    streets: [...streets].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    communities,
  };
});

/** The 指标 section of /communities/<id>/. */
export async function loadCommunityIndicators(
  id: string,
  kind: string,
  signals: readonly SignalRow[],
): Promise<IndicatorSection> {
  const { values } = await indicatorStore.get(id);
  return indicatorSection(values, kind, (await loadIndicatorsPass()).peers, signals);
}

/** The 指标 section of /streets/<code>/ and its communities ranked per indicator. */
export async function loadStreetIndicators(
  code: string,
  members: readonly { community_id: string; name: string; kind: string; street_code: string; street_name: string }[],
  signals: readonly SignalRow[],
): Promise<{ section: IndicatorSection; rankings: MemberRanking[] }> {
  const { values } = await indicatorStore.get(code);
  const rows = [];
  // One at a time: the build database has one connection.
  for (const m of members) rows.push({ profile: m, rows: (await indicatorStore.get(m.community_id)).values });
  return { section: indicatorSection(values, null, null, signals), rankings: memberRankings(rows) };
}

export interface IndicatorsPage {
  asOf: string;
  cities: CityIndicators[];
  communities: number;
  streets: { code: string; name: string }[];
  overviews: IndicatorOverview[];
}

export async function loadIndicatorsPage(): Promise<IndicatorsPage> {
  const pass = await loadIndicatorsPass();
  return {
    asOf: await loadAsOf(),
    cities: pass.cities,
    communities: pass.communities,
    streets: pass.streets,
    overviews: INDICATOR_LIST.map((def) => indicatorOverview(def, pass.latest.get(def.key))),
  };
}

export function indicatorPaths(): { params: { key: string } }[] {
  return cityWidePaths(INDICATOR_LIST.map((d) => ({ params: { key: d.key } })));
}

export async function loadIndicatorPage(key: string): Promise<IndicatorsPage & { overview: IndicatorOverview }> {
  if (!isIndicatorKey(key)) throw new Error(`No indicator ${key}`);
  const page = await loadIndicatorsPage();
  return { ...page, overview: page.overviews.find((o) => o.def.key === (key as IndicatorKey))! };
}

export interface SignalsPage {
  asOf: string;
  page: number;
  pages: number;
  total: number;
  counts: { def: SignalDef; count: number }[];
  items: (SignalItem & { street_name: string })[];
}

/** Every signal, counted once per build (the counts head every page of the list). */
const loadSignalCounts = once(async () => {
  const rows: Pick<SignalRow, 'signal'>[] = [];
  for await (const [, entry] of signalListStore.scan(['rows'], 20))
    for (const r of entry.rows) rows.push({ signal: r.signal });
  return { counts: signalCounts(rows), total: rows.length };
});

export async function loadSignalsPage(page: number): Promise<SignalsPage> {
  const { counts, total } = await loadSignalCounts();
  const { rows } = await signalListStore.get(String(page));
  return {
    asOf: await loadAsOf(),
    page,
    pages: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)),
    total,
    counts,
    items: rows.map((r) => ({ ...signalItem(r), street_name: r.street_name })),
  };
}

export async function signalPagePaths(): Promise<{ params: { page: string } }[]> {
  const { total } = await loadSignalCounts();
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  return cityWidePaths(Array.from({ length: pages - 1 }, (_, i) => ({ params: { page: String(i + 2) } })));
}
