/**
 * The community page (/communities/<community_id>/): profile, the five forces here, projects with
 * their flags, money (by year, the project ledger that closes, the latest transactions),
 * satisfaction, how it compares with the median of communities of the same kind, and proposals.
 *
 * Pure and unit-tested: src/lib/load/community.ts reads the page's rows and calls communityPage.
 */
import { COMMUNITY_KIND, ORGANIZATION_KIND, PROPOSAL_STAGE } from '../schema/index.ts';
import {
  fiveForces,
  latestWorkforce as latestOf,
  median,
  type FiveForces,
  type OrganizationRow,
  type WorkforceRow,
} from './five-forces.ts';
import { compareChinese } from './format.ts';
import {
  charitableShare,
  moneyByYear,
  projectLedger,
  sumYuan,
  type Ledger,
  type MoneyByYear,
  type MoneyRow,
} from './money.ts';
import { projectFlags, type ProjectRow, type TransactionRow } from './rows.ts';
import {
  latestDimensions,
  latestOverall,
  ratesByPeriod,
  type DimensionRate,
  type PeriodRate,
  type SatisfactionRow,
} from './satisfaction.ts';
import { RECENT_TRANSACTIONS } from './limits.ts';
import type { IndicatorSection } from './indicators.ts';
import type { CommunityProfile, SiteData } from './site-data.ts';

export interface ActiveOrganization {
  org_id: string;
  name: string;
  kind: string;
  /** Projects of this community it operates. */
  projects: number;
  /** Registered as located in this community. */
  located: boolean;
}

/** Operators of the community's projects and organizations located there, most projects first. */
export function activeOrganizations(
  projects: readonly Pick<ProjectRow, 'operator_org_id' | 'operator_name'>[],
  located: readonly OrganizationRow[],
  byId: ReadonlyMap<string, OrganizationRow>,
): ActiveOrganization[] {
  const out = new Map<string, ActiveOrganization>();
  for (const p of projects) {
    if (!p.operator_org_id) continue;
    const seen = out.get(p.operator_org_id);
    if (seen) seen.projects += 1;
    else {
      const org = byId.get(p.operator_org_id);
      out.set(p.operator_org_id, {
        org_id: p.operator_org_id,
        name: org?.name ?? p.operator_name ?? p.operator_org_id,
        kind: org?.kind ?? 'other',
        projects: 1,
        located: false,
      });
    }
  }
  for (const o of located) {
    const seen = out.get(o.org_id);
    if (seen) seen.located = true;
    else out.set(o.org_id, { org_id: o.org_id, name: o.name, kind: o.kind, projects: 0, located: true });
  }
  const kindOrder = ORGANIZATION_KIND.codes as readonly string[];
  return [...out.values()].sort(
    (a, b) =>
      b.projects - a.projects ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      compareChinese(a.name, b.name),
  );
}

/** The figures a community is compared on with others of its kind. */
export interface Indicators {
  population: number | null;
  projectsPer1000: number | null;
  spendingPerResident: number | null;
  charitableShare: number | null;
  volunteersPer1000: number | null;
  /** Latest overall rate; null when missing or the sample is too small. */
  satisfaction: number | null;
}

export const INDICATOR_LABELS: Readonly<Record<keyof Indicators, string>> = {
  population: '常住人口',
  projectsPer1000: '每千名常住人口的项目数',
  spendingPerResident: '人均支出(全部年份合计)',
  charitableShare: '慈善资源占收入比例',
  volunteersPer1000: '每千名常住人口的注册志愿者',
  satisfaction: '最近一期总体满意度',
};

export type IndicatorFormat = 'integer' | 'number' | 'money' | 'percent';
export const INDICATOR_FORMATS: Readonly<Record<keyof Indicators, IndicatorFormat>> = {
  population: 'integer',
  projectsPer1000: 'number',
  spendingPerResident: 'money',
  charitableShare: 'percent',
  volunteersPer1000: 'number',
  satisfaction: 'percent',
};

export function indicatorsOf(input: {
  community: Pick<CommunityProfile, 'resident_population'>;
  projects: number;
  money: readonly MoneyRow[];
  workforce: WorkforceRow | undefined;
  satisfaction: readonly SatisfactionRow[];
}): Indicators {
  const pop = input.community.resident_population;
  const perPop = pop && pop > 0 ? pop : null;
  const spent = sumYuan(input.money.filter((m) => m.type === 'expenditure').map((m) => m.amount));
  const latest = latestOverall(input.satisfaction);
  const volunteers = input.workforce?.volunteers_registered ?? null;
  return {
    population: pop,
    projectsPer1000: perPop ? (input.projects / perPop) * 1000 : null,
    spendingPerResident: perPop ? spent / perPop : null,
    charitableShare: charitableShare(input.money).share,
    volunteersPer1000: perPop && volunteers !== null ? (volunteers / perPop) * 1000 : null,
    satisfaction: latest && !latest.small ? latest.rate : null,
  };
}

export interface ComparisonRow {
  key: keyof Indicators;
  label: string;
  format: IndicatorFormat;
  value: number | null;
  median: number | null;
  /** How many same-kind communities have this figure (the median is over them). */
  peers: number;
}

/** The median of each indicator over a group of communities, and how many of them have it. */
export type PeerMedians = Readonly<Record<keyof Indicators, { median: number | null; peers: number }>>;

const INDICATOR_KEYS = Object.keys(INDICATOR_LABELS) as (keyof Indicators)[];

/** Medians of each indicator over `peers` (communities without a figure left out of that one). */
export function peerMedians(peers: Iterable<Indicators>): PeerMedians {
  const values = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, [] as number[]])) as Record<
    keyof Indicators,
    number[]
  >;
  for (const p of peers) {
    for (const key of INDICATOR_KEYS) {
      const v = p[key];
      if (v !== null && Number.isFinite(v)) values[key].push(v);
    }
  }
  return Object.fromEntries(
    INDICATOR_KEYS.map((key) => [key, { median: median(values[key]), peers: values[key].length }]),
  ) as PeerMedians;
}

/** Each indicator of one community beside the median over communities of the same kind. */
export function compareWithMedians(own: Indicators, medians: PeerMedians): ComparisonRow[] {
  return INDICATOR_KEYS.map((key) => ({
    key,
    label: INDICATOR_LABELS[key],
    format: INDICATOR_FORMATS[key],
    value: own[key],
    median: medians[key].median,
    peers: medians[key].peers,
  }));
}

/** compareWithMedians over the peers themselves (small groups, tests). */
export function compareWithPeers(own: Indicators, peers: readonly Indicators[]): ComparisonRow[] {
  return compareWithMedians(own, peerMedians(peers));
}

export interface StageCount {
  stage: string;
  label: string;
  count: number;
}

/** Proposals per 六事法 stage in the path's order (stages with none included, as 0). */
export function proposalStages(rows: readonly { stage: string; proposals: number }[]): StageCount[] {
  if (rows.length === 0) return [];
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.stage, (counts.get(r.stage) ?? 0) + r.proposals);
  const labels = PROPOSAL_STAGE.labels as Record<string, string>;
  return (PROPOSAL_STAGE.codes as readonly string[]).map((stage) => ({
    stage,
    label: labels[stage] ?? stage,
    count: counts.get(stage) ?? 0,
  }));
}

export interface CommunityPage {
  community: CommunityProfile;
  kindLabel: string;
  street: { code: string; name: string };
  asOf: string;
  forces: FiveForces;
  /** The latest workforce row, if any. */
  workforce: WorkforceRow | null;
  organizations: ActiveOrganization[];
  projects: ProjectRow[];
  flags: { overdue: number; notContinued: number };
  money: MoneyByYear;
  ledger: Ledger;
  transactions: { rows: TransactionRow[]; total: number; limit: number };
  satisfaction: { series: PeriodRate[]; latest: { period: string | null; dimensions: DimensionRate[] } };
  comparison: { kindLabel: string; peers: number; rows: ComparisonRow[] };
  proposals: StageCount[];
  /** Issue 10: the indicators with their trend and place, and the signals (src/lib/indicators.ts). */
  indicators?: IndicatorSection;
}

/** The indicators of one community of `data` (compared with the medians of its kind). */
export function communityIndicators(data: SiteData, communityId: string): Indicators {
  const community = data.communityById.get(communityId);
  if (!community) throw new Error(`No community ${communityId}`);
  return indicatorsOf({
    community,
    projects: data.projectsByCommunity.get(communityId)?.length ?? 0,
    money: data.moneyByCommunity.get(communityId) ?? [],
    workforce: data.latestWorkforce.get(communityId),
    satisfaction: data.satisfactionByCommunity.get(communityId) ?? [],
  });
}

/** The peer group of each kind of community: how many there are and the medians of their figures. */
export type PeersByKind = ReadonlyMap<string, { communities: number; medians: PeerMedians }>;

/**
 * One community's page from `data` (which may hold only this community's rows), its latest
 * transactions and the peer groups of every kind.
 */
export function communityPage(
  data: SiteData,
  communityId: string,
  recent: readonly TransactionRow[],
  peersByKind: PeersByKind,
): CommunityPage {
  const community = data.communityById.get(communityId);
  if (!community) throw new Error(`No community ${communityId}`);
  const projects = data.projectsByCommunity.get(communityId) ?? [];
  const money = data.moneyByCommunity.get(communityId) ?? [];
  const satisfaction = data.satisfactionByCommunity.get(communityId) ?? [];
  const workforce = latestOf(data.workforceByCommunity.get(communityId) ?? []).get(communityId) ?? null;
  let overdue = 0;
  let notContinued = 0;
  for (const p of projects) {
    const flags = projectFlags(p, data.asOf);
    if (flags.includes('overdue')) overdue += 1;
    if (flags.includes('not_continued')) notContinued += 1;
  }
  const organizations = activeOrganizations(
    projects,
    data.organizationsLocatedIn.get(communityId) ?? [],
    data.organizationById,
  );
  const kindLabel = (COMMUNITY_KIND.labels as Record<string, string>)[community.kind] ?? community.kind;
  const peers = peersByKind.get(community.kind);
  return {
    community,
    kindLabel,
    street: { code: community.street_code, name: community.street_name },
    asOf: data.asOf,
    forces: fiveForces({ projects, organizations, workforce: workforce ? [workforce] : [], money }),
    workforce,
    organizations,
    projects,
    flags: { overdue, notContinued },
    money: moneyByYear(money),
    ledger: projectLedger(projects, money),
    transactions: {
      rows: [...recent],
      total: money.reduce((n, m) => n + m.transactions, 0),
      limit: RECENT_TRANSACTIONS,
    },
    satisfaction: { series: ratesByPeriod(satisfaction, 'overall'), latest: latestDimensions(satisfaction) },
    comparison: {
      kindLabel,
      peers: peers?.communities ?? 0,
      rows: compareWithMedians(communityIndicators(data, communityId), peers?.medians ?? peerMedians([])),
    },
    proposals: proposalStages(data.proposalsByCommunity.get(communityId) ?? []),
  };
}
