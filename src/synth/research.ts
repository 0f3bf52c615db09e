/**
 * The four communities of the field research, with the figures it reported. Fields the research
 * did not report are left empty rather than made up.
 */
import type { Community, ProjectCategory } from './types.ts';

export interface ResearchCommunity {
  kind: Community['kind'];
  figures: Pick<
    Community,
    | 'area_km2'
    | 'households'
    | 'registered_population'
    | 'resident_population'
    | 'grids'
    | 'micro_grids'
    | 'resident_groups'
  >;
  latitude: number;
  longitude: number;
  description: string;
  /** Service areas the community's projects lean towards. */
  categoryBias: Partial<Record<ProjectCategory, number>>;
}

export const RESEARCH_COMMUNITIES: Readonly<Record<string, ResearchCommunity>> = {
  '330482001021': {
    kind: 'urban',
    figures: {
      area_km2: 1.7,
      households: 4336,
      registered_population: 10633,
      resident_population: 18000,
      grids: null,
      micro_grids: null,
      resident_groups: 11,
    },
    latitude: 30.7018,
    longitude: 121.0236,
    description:
      '当湖街道老城区的城市社区，面积1.7平方公里，4336户，户籍人口10633人、常住人口约1.8万人，设11个居民小组。社区慈善、企业共建和社区基金等社会资金来源较多。',
    categoryBias: { elderly: 14, children: 10, culture: 8, governance: 8, family: 5, health: 6 },
  },
  '330482003202': {
    kind: 'rural',
    figures: {
      area_km2: 2.6,
      households: 514,
      registered_population: 1753,
      resident_population: 1753,
      grids: null,
      micro_grids: null,
      resident_groups: 7,
    },
    latitude: 30.7391,
    longitude: 120.9718,
    description:
      '曹桥街道的农村社区，面积2.6平方公里，514户，户籍人口与常住人口均为1753人，设7个村民小组。项目经费主要来自财政和政府购买服务。',
    categoryBias: { elderly: 14, environment: 12, governance: 8, culture: 6 },
  },
  '330482002024': {
    kind: 'mixed',
    figures: {
      area_km2: 2.73,
      households: 2357,
      registered_population: 6240,
      resident_population: 10318,
      grids: 26,
      micro_grids: 84,
      resident_groups: null,
    },
    latitude: 30.7262,
    longitude: 121.0655,
    description:
      '钟埭街道的融合型大社区，面积2.73平方公里，2357户，户籍人口6240人、常住人口10318人，划分26个网格、84个微网格，以网格和微网格组织居民参与。',
    categoryBias: { governance: 12, newcomers: 10, elderly: 8, mediation: 6 },
  },
  '330482002021': {
    kind: 'urban_village',
    figures: {
      area_km2: 5.25,
      households: null,
      registered_population: 2970,
      resident_population: 15970,
      grids: 19,
      micro_grids: 123,
      resident_groups: null,
    },
    latitude: 30.7198,
    longitude: 121.0521,
    description:
      '钟埭街道的城郊结合部社区，面积5.25平方公里，户籍人口2970人，另有新居民约1.3万人，常住人口约15970人，划分19个网格、123个微网格。新居民融入是社区工作的重点。',
    categoryBias: { newcomers: 18, mediation: 8, children: 8, environment: 6 },
  },
};
