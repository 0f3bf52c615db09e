/** Communities: real codes and names, research figures for four of them, plausible figures for the rest. */
import { AS_OF_ISO } from './calendar.ts';
import type { Place } from './places.ts';
import { chance, clamp, int, substream, uniform, weighted, type Rng } from './random.ts';
import { RESEARCH_COMMUNITIES, type ResearchCommunity } from './research.ts';
import type { Community, FundingProfile } from './types.ts';

export interface CommunityInfo {
  row: Community;
  place: Place;
  /** Relative size used to scale money, projects and people; about 1 for an average community. */
  weight: number;
  profile: FundingProfile;
  research: ResearchCommunity | null;
}

export type Mode = 'pinghu' | 'synthetic';

/** Where the money of a street comes from, as the research found in Pinghu. */
const PINGHU_PROFILES: Readonly<Record<string, FundingProfile>> = {
  当湖街道: 'diverse',
  曹桥街道: 'dependent',
  林埭镇: 'dependent',
};

/** Approximate centres of Pinghu's streets and towns (WGS-84). */
const PINGHU_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  当湖街道: [30.7, 121.015],
  钟埭街道: [30.725, 121.06],
  曹桥街道: [30.735, 120.975],
  乍浦镇: [30.612, 121.09],
  新埭镇: [30.782, 121.03],
  新仓镇: [30.672, 121.13],
  广陈镇: [30.765, 121.125],
  林埭镇: [30.69, 120.94],
  独山港镇: [30.64, 121.17],
};

export function fundingProfile(place: Place, seed: number, mode: Mode): FundingProfile {
  if (mode === 'pinghu') return PINGHU_PROFILES[place.streetName] ?? 'typical';
  const r = substream(seed, 'street-profile', place.streetCode).next();
  return r < 0.15 ? 'dependent' : r < 0.3 ? 'diverse' : 'typical';
}

/** Size weight from the resident population: ~0.46 for a village of 1,750, ~1.9 for 18,000. */
export function communityWeight(row: Community): number {
  const resident = row.resident_population ?? row.registered_population ?? 3000;
  return clamp(0.3 + resident / 11000, 0.4, 3);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function kindFor(place: Place, rng: Rng): Community['kind'] {
  if (place.unitKind === 'villagers_committee') return 'rural';
  if (place.unitKind === 'other_village_level') return 'urban';
  return weighted(rng, { urban: 78, mixed: 11, urban_village: 11 });
}

type Figures = Pick<
  Community,
  | 'area_km2'
  | 'households'
  | 'registered_population'
  | 'resident_population'
  | 'grids'
  | 'micro_grids'
  | 'resident_groups'
>;

function figuresFor(kind: Community['kind'], rng: Rng, outflow: boolean): Figures {
  let households: number;
  let registered: number;
  let resident: number;
  let area: number;
  let grids: number;
  let microPerGrid: number;
  let groups: number;
  switch (kind) {
    case 'urban':
      households = int(rng, 2000, 6000);
      registered = Math.round(households * uniform(rng, 2.3, 2.8));
      resident = Math.round(registered * uniform(rng, 0.95, 1.7));
      area = uniform(rng, 0.5, 3.2);
      grids = Math.max(4, Math.round(households / uniform(rng, 280, 420)));
      microPerGrid = uniform(rng, 4, 8);
      groups = int(rng, 6, 24);
      break;
    case 'mixed':
      households = int(rng, 3000, 6500);
      registered = Math.round(households * uniform(rng, 2.4, 2.9));
      resident = Math.round(registered * uniform(rng, 1.3, 1.9));
      area = uniform(rng, 2.5, 7);
      grids = Math.round(households / uniform(rng, 200, 320));
      microPerGrid = uniform(rng, 3, 6);
      groups = int(rng, 12, 30);
      break;
    case 'urban_village':
      households = int(rng, 1000, 3000);
      registered = Math.round(households * uniform(rng, 2.5, 3));
      resident = Math.round(registered * uniform(rng, 2.2, 4.5));
      area = uniform(rng, 2, 6);
      grids = Math.max(6, Math.round(resident / uniform(rng, 600, 900)));
      microPerGrid = uniform(rng, 5, 7);
      groups = int(rng, 8, 20);
      break;
    case 'rural':
      households = int(rng, 400, 1200);
      registered = Math.round(households * uniform(rng, 2.9, 3.5));
      // One village in a while has lost most of its people to the city: registered > 1.5 × resident.
      resident = outflow
        ? Math.round(registered / uniform(rng, 1.55, 1.8))
        : Math.round(registered * uniform(rng, 0.9, 1.45));
      area = uniform(rng, 2, 8);
      grids = clamp(Math.round(households / uniform(rng, 120, 180)), 3, 9);
      microPerGrid = uniform(rng, 3, 6);
      groups = int(rng, 8, 28);
      break;
  }
  return {
    area_km2: round2(area),
    households,
    registered_population: registered,
    resident_population: resident,
    grids,
    micro_grids: Math.round(grids * microPerGrid),
    resident_groups: groups,
  };
}

const KIND_LABEL: Readonly<Record<Community['kind'], string>> = {
  urban: '城市社区',
  rural: '农村社区',
  mixed: '融合型大社区',
  urban_village: '城郊结合部社区',
};

function describe(place: Place, kind: Community['kind'], f: Figures): string {
  const people = f.resident_population ?? 0;
  const size = people >= 10000 ? `约${(people / 10000).toFixed(1)}万人` : `${people}人`;
  return `位于${place.streetName}的${KIND_LABEL[kind]}，常住人口${size}，划分${f.grids}个网格。`;
}

export interface BuildOptions {
  mode: Mode;
  seed: number;
  /** Make this a village whose registered population exceeds its residents by more than half. */
  outflow: boolean;
}

export function buildCommunity(place: Place, o: BuildOptions): CommunityInfo {
  const rng = substream(o.seed, 'community', place.code);
  const research = o.mode === 'pinghu' ? (RESEARCH_COMMUNITIES[place.code] ?? null) : null;
  const kind = research?.kind ?? kindFor(place, rng);
  const figures = research?.figures ?? figuresFor(kind, rng, o.outflow && kind === 'rural');
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (research) {
    latitude = research.latitude;
    longitude = research.longitude;
  } else if (o.mode === 'pinghu') {
    const [lat, lon] = PINGHU_CENTRES[place.streetName] ?? [30.7, 121.02];
    latitude = Math.round(clamp(lat + uniform(rng, -0.025, 0.025), 30.6, 30.8) * 10000) / 10000;
    longitude = Math.round(clamp(lon + uniform(rng, -0.03, 0.03), 120.9, 121.2) * 10000) / 10000;
  }
  const row: Community = {
    community_id: place.code,
    name: place.name,
    street_name: place.streetName,
    county_name: place.countyName,
    city_name: place.cityName,
    province_name: place.provinceName,
    kind,
    ...figures,
    latitude,
    longitude,
    as_of: AS_OF_ISO,
    description: research?.description ?? describe(place, kind, figures),
  };
  return { row, place, weight: communityWeight(row), profile: fundingProfile(place, o.seed, o.mode), research };
}

/** Chance that a village in synthetic mode is an outflow village (one in Pinghu's 81). */
export const OUTFLOW_RATE = 1 / 81;

export function syntheticOutflow(place: Place, seed: number): boolean {
  return place.unitKind === 'villagers_committee' && chance(substream(seed, 'outflow', place.code), OUTFLOW_RATE);
}
