import { describe, expect, it } from 'vitest';
import {
  flow,
  organizationPages,
  ORGANIZATION_LIST_LIMIT,
  type OrganizationRow,
} from '../../../src/lib/organization-page.ts';
import type { ProjectRow, TransactionRow } from '../../../src/lib/rows.ts';
import type { SurveyRow } from '../../../src/lib/survey-results.ts';

const org = (org_id: string): OrganizationRow => ({
  org_id,
  name: `组织${org_id}`,
  kind: 'social_work_agency',
  registered_on: null,
  rating: null,
  community_id: null,
  community_name: null,
  street_code: null,
  street_name: null,
});

const project = (
  id: string,
  community_id: string,
  operator: string | null,
  start: string,
  budget: number,
): ProjectRow => ({
  project_id: id,
  community_id,
  community_name: null,
  title: id,
  category: 'elderly',
  mechanism: 'government_purchase',
  origin: 'assigned',
  operator_org_id: operator,
  operator_name: null,
  start_date: start,
  end_date: null,
  status: 'ongoing',
  budget,
  income: 0,
  spent: 0,
  progress_pct: null,
  evaluation: null,
  continues_project_id: null,
  continued_by: 0,
});

const tx = (id: string, type: 'income' | 'expenditure', amount: number): TransactionRow & { org_id: string } => ({
  org_id: 'A',
  transaction_id: id,
  date: '2024-01-01',
  community_id: 'C1',
  community_name: null,
  project_id: null,
  project_title: null,
  type,
  source: type === 'income' ? 'charity_donation' : null,
  expense_category: type === 'expenditure' ? 'personnel' : null,
  counterparty_org_id: 'A',
  counterparty: '组织A',
  donor_count: null,
  amount,
  purpose: null,
  voucher_no: null,
});

const survey = (survey_id: string, dimension: SurveyRow['dimension'], conducted_by: string): SurveyRow => ({
  survey_id,
  community_id: 'C1',
  community_name: null,
  project_id: null,
  project_title: null,
  period: '2024',
  dimension,
  respondents: 100,
  satisfied: 80,
  mean_score: null,
  scale_max: null,
  method: 'third_party',
  conducted_by,
  conductor_name: null,
});

describe('organizationPages', () => {
  const pages = organizationPages({
    organizations: [org('A'), org('B')],
    projects: [
      project('P1', 'C1', 'A', '2023-01-01', 1000.1),
      project('P2', 'C2', 'A', '2024-01-01', 2000.2),
      project('P3', 'C1', 'A', '2022-01-01', 0),
      project('P4', 'C1', 'B', '2024-01-01', 5),
      project('P5', 'C1', null, '2024-01-01', 7),
    ],
    money: [
      { org_id: 'A', type: 'income', code: 'charity_donation', amount: 300, transactions: 2, communities: 1 },
      { org_id: 'A', type: 'income', code: 'enterprise', amount: 500.5, transactions: 1, communities: 1 },
      { org_id: 'A', type: 'expenditure', code: 'personnel', amount: 80, transactions: 3, communities: 2 },
    ],
    // Only the latest rows come from the query; the totals above count every row.
    transactions: [tx('T1', 'income', 200), tx('T2', 'expenditure', 40)],
    surveys: [
      survey('S1', 'overall', 'A'),
      survey('S1', 'services', 'A'),
      survey('S2', 'overall', 'A'),
      survey('S3', 'overall', 'B'),
    ],
  });
  const [a, b] = pages;

  it('lists the projects it runs, newest first, across communities', () => {
    expect(a!.projects.map((p) => p.project_id)).toEqual(['P2', 'P1', 'P3']);
    expect(a!.projectCount).toBe(3);
    expect(a!.projectCommunities).toBe(2);
    // 1000.10 + 2000.20 + 0 = 3000.30, exactly.
    expect(a!.projectBudget).toBe(3000.3);
    expect(b!.projects.map((p) => p.project_id)).toEqual(['P4']);
  });
  it('splits money it gave from payments it received, totals from every row', () => {
    expect(a!.gave.total).toBe(800.5);
    expect(a!.gave.transactions).toBe(3);
    expect(a!.gave.lines.map((l) => l.code)).toEqual(['enterprise', 'charity_donation']);
    expect(a!.gave.rows.map((r) => r.transaction_id)).toEqual(['T1']);
    expect(a!.received.total).toBe(80);
    expect(a!.received.rows.map((r) => r.transaction_id)).toEqual(['T2']);
    expect(a!.received.rows[0]).not.toHaveProperty('org_id');
    expect(b!.gave).toEqual({ lines: [], total: 0, transactions: 0, rows: [] });
  });
  it('counts distinct surveys it conducted', () => {
    expect(a!.surveyCount).toBe(2);
    expect(a!.surveys).toHaveLength(3);
    expect(a!.surveys[0]!.rate).toBe(0.8);
    expect(b!.surveyCount).toBe(1);
  });
  it('cuts long lists to the limit', () => {
    const rows = Array.from({ length: ORGANIZATION_LIST_LIMIT + 5 }, (_, i) => tx(`T${i}`, 'income', 1));
    expect(flow([], rows).rows).toHaveLength(ORGANIZATION_LIST_LIMIT);
  });
});
