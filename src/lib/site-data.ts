/**
 * The bulk data behind the city, street and community pages: a handful of queries run ONCE per
 * build (never one per page), grouped by community in Maps, so that each page gets only its
 * slice. Scales to 10,000+ communities: every query is one grouped scan of a table.
 *
 * The grouping itself is pure (`groupSiteData`) and unit-tested; `loadSiteData` only runs the
 * queries and caches the result for the rest of the build.
 */
import { runQuery } from '../db/build-database.ts';
import type { Community } from '../schema/index.ts';
import { latestWorkforce, type OrganizationRow, type WorkforceRow } from './five-forces.ts';
import type { MoneyRow } from './money.ts';
import { loadRelease } from './release.ts';
import type { ProjectRow, TransactionRow } from './rows.ts';
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

let cached: Promise<SiteData> | undefined;

/** Runs the bulk queries once per build and indexes them. */
export function loadSiteData(): Promise<SiteData> {
  cached ??= (async () => {
    const release = await loadRelease();
    // One at a time: the build database has one connection.
    const communities = await runQuery<CommunityProfile>('community_profiles');
    const projects = await runQuery<ProjectRow>('project_rows');
    const money = await runQuery<CommunityMoneyRow>('community_money');
    const streetMoney = await runQuery<StreetMoneyRow>('street_money');
    const satisfaction = await runQuery<CommunitySatisfactionRow>('community_satisfaction');
    const projectSatisfaction = await runQuery<ProjectSatisfactionRow>('project_satisfaction');
    const workforce = await runQuery<WorkforceRow>('workforce_rows');
    const organizations = await runQuery<OrganizationRow>('organization_rows');
    const proposals = await runQuery<ProposalStageRow>('proposal_stages');
    return groupSiteData(
      {
        communities,
        projects,
        money,
        streetMoney,
        satisfaction,
        projectSatisfaction,
        workforce,
        organizations,
        proposals,
      },
      release.period_end ?? release.created,
    );
  })();
  return cached;
}

/** How many of each community's latest transactions its page lists (the rest: CSV and /explore/). */
export const RECENT_TRANSACTIONS = 30;

let recent: Promise<Map<string, TransactionRow[]>> | undefined;

/** The latest RECENT_TRANSACTIONS transactions of every community, in one query. */
export function loadRecentTransactions(): Promise<Map<string, TransactionRow[]>> {
  recent ??= runQuery<TransactionRow>('transaction_rows_recent', [RECENT_TRANSACTIONS]).then((rows) =>
    groupBy(rows, (t) => t.community_id),
  );
  return recent;
}
