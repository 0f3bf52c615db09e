/**
 * The street/town page (/streets/<street_code>/): the level officials answer for. Totals like
 * the city page but for the street, a table of its communities with their main figures,
 * government dependence (the street's and each community's), satisfaction, and the projects
 * that need a second look.
 */
import { areaFigures, communitySummary, pooledRate, type AreaFigures, type CommunitySummary } from './area.ts';
import { governmentShare, type MoneyRow, type SourceShare } from './money.ts';
import { projectFlags, type ProjectRow } from './rows.ts';
import { rateOf, ratesByPeriod, type Rate, type SatisfactionRow } from './satisfaction.ts';
import type { SiteData } from './site-data.ts';
import type { IndicatorSection, MemberRanking } from './indicators.ts';

export interface StreetPage {
  street: { code: string; name: string; county_name: string };
  asOf: string;
  figures: Omit<AreaFigures, 'projects' | 'satisfactionRows'>;
  communities: CommunitySummary[];
  /** The city's share of government money, for reference. */
  cityGovernment: SourceShare;
  /** The street's pooled overall rate in its latest period, and the city's in the same period. */
  latest: { period: string | null; street: Rate; city: Rate };
  /** Each community's overall rate in the street's latest period. */
  latestByCommunity: { community_id: string; name: string; rate: Rate }[];
  flaggedProjects: ProjectRow[];
  /** Issue 10: the street's indicators, its communities ranked per indicator, their signals. */
  indicators?: { section: IndicatorSection; rankings: MemberRanking[] };
}

export interface CityReference {
  government: SourceShare;
  /** The city's pooled overall rate per period. */
  byPeriod: ReadonlyMap<string, Rate>;
}

/** City-wide figures every street page compares with (city_money.sql, city_satisfaction.sql). */
export function cityReference(money: readonly MoneyRow[], satisfaction: readonly SatisfactionRow[]): CityReference {
  return {
    government: governmentShare(money),
    byPeriod: new Map(ratesByPeriod(satisfaction, 'overall').map((r) => [r.period, r])),
  };
}

/** The page of street `code`; `data` needs to hold only the street's communities and money. */
export function streetPage(data: SiteData, code: string, city: CityReference): StreetPage {
  const street = data.streetByCode.get(code);
  if (!street) throw new Error(`No street ${code}`);
  const { projects, satisfactionRows, ...figures } = areaFigures(
    data,
    street.communities,
    data.moneyByStreet.get(code) ?? [],
  );
  const period = figures.latestPeriod;
  return {
    street: { code: street.code, name: street.name, county_name: street.county_name },
    asOf: data.asOf,
    figures,
    communities: street.communities.map((c) => communitySummary(data, c)),
    cityGovernment: city.government,
    latest: {
      period,
      street: pooledRate(satisfactionRows, period),
      city: (period !== null ? city.byPeriod.get(period) : undefined) ?? rateOf(0, 0),
    },
    latestByCommunity: street.communities.map((c) => ({
      community_id: c.community_id,
      name: c.name,
      rate: pooledRate(data.satisfactionByCommunity.get(c.community_id) ?? [], period),
    })),
    flaggedProjects: projects.filter((p) => projectFlags(p, data.asOf).length > 0),
  };
}
