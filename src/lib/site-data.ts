/**
 * The rows of one or a few communities (a community page, or the communities of one street),
 * indexed by community for the pure page functions. src/lib/load/ fills it from the page stores,
 * with only the rows of the communities a page shows; `groupSiteData` is pure and unit-tested.
 */
import type { Community } from '../schema/index.ts';
import { latestWorkforce, type OrganizationRow, type WorkforceRow } from './five-forces.ts';
import type { MoneyRow } from './money.ts';
import type { ProjectRow } from './rows.ts';
import type { SatisfactionRow } from './satisfaction.ts';

/** One row of community_profiles.sql. */
export type CommunityProfile = Omit<Community, 'latitude' | 'longitude'> & { street_code: string };

export interface CommunityMoneyRow extends MoneyRow {
  community_id: string;
}
export interface StreetMoneyRow extends MoneyRow {
  street_code: string;
}
export interface CommunitySatisfactionRow extends SatisfactionRow {
  community_id: string;
  surveys: number;
}
export interface ProjectSatisfactionRow {
  project_id: string;
  title: string;
  community_id: string;
  origin: string;
  respondents: number;
  satisfied: number;
}
export interface ProposalStageRow {
  community_id: string;
  stage: string;
  proposals: number;
}

export interface SiteRows {
  communities: CommunityProfile[];
  projects: ProjectRow[];
  money: CommunityMoneyRow[];
  streetMoney: StreetMoneyRow[];
  satisfaction: CommunitySatisfactionRow[];
  projectSatisfaction: ProjectSatisfactionRow[];
  workforce: WorkforceRow[];
  organizations: OrganizationRow[];
  proposals: ProposalStageRow[];
}

export interface Street {
  code: string;
  name: string;
  county_name: string;
  communities: CommunityProfile[];
}

export interface SiteData extends SiteRows {
  /** The data's as-of date: the release's period end, else its creation date. */
  asOf: string;
  communityById: Map<string, CommunityProfile>;
  streets: Street[];
  streetByCode: Map<string, Street>;
  projectsByCommunity: Map<string, ProjectRow[]>;
  moneyByCommunity: Map<string, CommunityMoneyRow[]>;
  moneyByStreet: Map<string, StreetMoneyRow[]>;
  satisfactionByCommunity: Map<string, CommunitySatisfactionRow[]>;
  workforceByCommunity: Map<string, WorkforceRow[]>;
  latestWorkforce: Map<string, WorkforceRow>;
  organizationById: Map<string, OrganizationRow>;
  organizationsLocatedIn: Map<string, OrganizationRow[]>;
  proposalsByCommunity: Map<string, ProposalStageRow[]>;
}

export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Indexes the rows of the bulk queries. Pure: no database, no I/O. */
export function groupSiteData(rows: SiteRows, asOf: string): SiteData {
  const streetByCode = new Map<string, Street>();
  for (const c of rows.communities) {
    let street = streetByCode.get(c.street_code);
    if (!street) {
      street = { code: c.street_code, name: c.street_name, county_name: c.county_name, communities: [] };
      streetByCode.set(c.street_code, street);
    }
    street.communities.push(c);
  }
  const streets = [...streetByCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  const located = new Map<string, OrganizationRow[]>();
  for (const o of rows.organizations) {
    if (!o.community_id) continue;
    const list = located.get(o.community_id);
    if (list) list.push(o);
    else located.set(o.community_id, [o]);
  }
  return {
    ...rows,
    asOf,
    communityById: new Map(rows.communities.map((c) => [c.community_id, c])),
    streets,
    streetByCode,
    projectsByCommunity: groupBy(rows.projects, (p) => p.community_id),
    moneyByCommunity: groupBy(rows.money, (m) => m.community_id),
    moneyByStreet: groupBy(rows.streetMoney, (m) => m.street_code),
    satisfactionByCommunity: groupBy(rows.satisfaction, (s) => s.community_id),
    workforceByCommunity: groupBy(rows.workforce, (w) => w.community_id),
    latestWorkforce: latestWorkforce(rows.workforce),
    organizationById: new Map(rows.organizations.map((o) => [o.org_id, o])),
    organizationsLocatedIn: located,
    proposalsByCommunity: groupBy(rows.proposals, (p) => p.community_id),
  };
}
