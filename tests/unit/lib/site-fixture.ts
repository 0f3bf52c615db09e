/**
 * A tiny city for the page-data tests: two streets, three communities, five projects, a handful
 * of money, survey and workforce rows. Every expected figure in the tests is counted by hand
 * from these rows (see the comments there).
 */
import {
  groupSiteData,
  type CommunityMoneyRow,
  type CommunityProfile,
  type SiteRows,
  type StreetMoneyRow,
} from '../../../src/lib/site-data.ts';
import type { ProjectRow } from '../../../src/lib/rows.ts';

export const AS_OF = '2025-06-30';
export const A = '330482001001';
export const B = '330482001002';
export const C = '330482101201';

function community(
  id: string,
  name: string,
  street: string,
  kind: CommunityProfile['kind'],
  pop: number,
): CommunityProfile {
  return {
    community_id: id,
    street_code: id.slice(0, 9),
    name,
    street_name: street,
    county_name: '平湖市',
    city_name: '嘉兴市',
    province_name: '浙江省',
    kind,
    area_km2: 1.5,
    households: Math.round(pop / 3),
    registered_population: pop,
    resident_population: pop,
    grids: 4,
    micro_grids: 12,
    resident_groups: 5,
    as_of: AS_OF,
    description: null,
  };
}

function project(p: Partial<ProjectRow> & Pick<ProjectRow, 'project_id' | 'community_id' | 'status'>): ProjectRow {
  return {
    community_name: null,
    title: `项目${p.project_id}`,
    category: 'elderly',
    mechanism: 'government_purchase',
    origin: 'assigned',
    operator_org_id: null,
    operator_name: null,
    start_date: '2024-01-01',
    end_date: '2024-12-31',
    budget: 10000,
    income: 0,
    spent: 0,
    progress_pct: null,
    evaluation: null,
    continues_project_id: null,
    continued_by: 0,
    ...p,
  };
}

const m = (
  community_id: string,
  year: number,
  type: 'income' | 'expenditure',
  code: string,
  in_project: boolean,
  amount: number,
): CommunityMoneyRow => ({
  community_id,
  year,
  type,
  code,
  in_project,
  amount,
  transactions: 1,
});

export function siteRows(): SiteRows {
  const communities = [
    community(A, '东湖社区', '当湖街道', 'urban', 10000),
    community(B, '南河社区', '当湖街道', 'urban', 5000),
    community(C, '三叉河村', '新埭镇', 'rural', 2000),
  ];
  const projects = [
    // completed, excellent, nobody continues it → not_continued
    project({
      project_id: 'P1',
      community_id: A,
      status: 'completed',
      evaluation: 'excellent',
      end_date: '2024-06-30',
      origin: 'resident_proposal',
      operator_org_id: 'O1',
      operator_name: '益家社工',
      income: 10000,
      spent: 8000,
    }),
    // ongoing although it ended on 2025-03-31 → overdue
    project({
      project_id: 'P2',
      community_id: A,
      status: 'ongoing',
      end_date: '2025-03-31',
      operator_org_id: 'O2',
      operator_name: '银龄志愿队',
      income: 5000,
      spent: 6000,
    }),
    // good but continued by a later project → no flag
    project({
      project_id: 'P3',
      community_id: A,
      status: 'completed',
      evaluation: 'good',
      operator_org_id: 'O1',
      operator_name: '益家社工',
      continued_by: 1,
    }),
    project({
      project_id: 'P4',
      community_id: B,
      status: 'ongoing',
      end_date: '2025-12-31',
      origin: 'needs_assessment',
      income: 2000,
      spent: 1000,
    }),
    project({
      project_id: 'P5',
      community_id: C,
      status: 'completed',
      evaluation: 'pass',
      operator_org_id: 'O3',
      operator_name: '调解协会',
      income: 3000,
      spent: 3000,
    }),
  ];
  const money = [
    m(A, 2024, 'income', 'fiscal', true, 10000),
    m(A, 2024, 'income', 'government_purchase', false, 20000),
    m(A, 2025, 'income', 'charity_donation', true, 5000),
    m(A, 2025, 'income', 'crowdfunding', false, 1000.1),
    m(A, 2024, 'expenditure', 'personnel', true, 8000),
    m(A, 2025, 'expenditure', 'activities', true, 6000),
    m(A, 2025, 'expenditure', 'materials', false, 3000.55),
    m(B, 2025, 'income', 'enterprise', true, 2000),
    m(B, 2025, 'expenditure', 'venue', true, 1000),
    m(C, 2024, 'income', 'matching', true, 3000),
    m(C, 2024, 'expenditure', 'other', true, 3000),
  ];
  // street_money.sql: the same rows summed by street (no project split).
  const byStreet = new Map<string, StreetMoneyRow>();
  for (const r of money) {
    const key = `${r.community_id.slice(0, 9)}|${r.year}|${r.type}|${r.code}`;
    const seen = byStreet.get(key);
    if (seen) seen.amount += r.amount;
    else
      byStreet.set(key, {
        street_code: r.community_id.slice(0, 9),
        year: r.year,
        type: r.type,
        code: r.code,
        amount: r.amount,
        transactions: 1,
      });
  }
  const s = (community_id: string, period: string, dimension: string, respondents: number, satisfied: number) => ({
    community_id,
    period,
    dimension,
    respondents,
    satisfied,
    surveys: 1,
  });
  return {
    communities,
    projects,
    money,
    streetMoney: [...byStreet.values()],
    satisfaction: [
      s(A, '2025-Q1', 'overall', 100, 80),
      s(A, '2025-Q2', 'overall', 200, 180),
      s(A, '2025-Q2', 'services', 200, 150),
      s(B, '2025-Q2', 'overall', 20, 15),
      s(C, '2025-Q1', 'overall', 50, 40),
    ],
    projectSatisfaction: [
      {
        project_id: 'P1',
        title: '项目P1',
        community_id: A,
        origin: 'resident_proposal',
        respondents: 100,
        satisfied: 90,
      },
      { project_id: 'P2', title: '项目P2', community_id: A, origin: 'assigned', respondents: 50, satisfied: 30 },
      { project_id: 'P3', title: '项目P3', community_id: A, origin: 'assigned', respondents: 40, satisfied: 36 },
      { project_id: 'P5', title: '项目P5', community_id: C, origin: 'assigned', respondents: 20, satisfied: 5 },
    ],
    workforce: [
      {
        community_id: A,
        period: '2024',
        social_workers_certified: 5,
        community_workers: 3,
        community_orgs_filed: 1,
        volunteers_registered: 100,
        volunteer_hours: 500,
        resident_leaders: 4,
      },
      {
        community_id: A,
        period: '2025',
        social_workers_certified: 6,
        community_workers: 4,
        community_orgs_filed: 2,
        volunteers_registered: 120,
        volunteer_hours: 700,
        resident_leaders: 5,
      },
      {
        community_id: B,
        period: '2025-Q2',
        social_workers_certified: 2,
        community_workers: 2,
        community_orgs_filed: 0,
        volunteers_registered: 30,
        volunteer_hours: null,
        resident_leaders: null,
      },
    ],
    organizations: [
      { org_id: 'O1', name: '益家社工', kind: 'social_work_agency', rating: '4A', community_id: null },
      { org_id: 'O2', name: '银龄志愿队', kind: 'community_org', rating: null, community_id: A },
      { org_id: 'O3', name: '调解协会', kind: 'social_org', rating: null, community_id: C },
      { org_id: 'O4', name: '慈善基金会', kind: 'charity', rating: null, community_id: B },
      { org_id: 'O5', name: '民政局', kind: 'government', rating: null, community_id: null },
    ],
    proposals: [
      { community_id: A, stage: 'raised', proposals: 2 },
      { community_id: A, stage: 'decided', proposals: 1 },
    ],
  };
}

export const siteData = (rows: SiteRows = siteRows()) => groupSiteData(rows, AS_OF);
