import { describe, expect, it } from 'vitest';
import {
  continuationChain,
  continuationList,
  projectMoney,
  projectPages,
  type ProjectDetails,
} from '../../../src/lib/project-page.ts';
import type { ProjectRow, TransactionRow } from '../../../src/lib/rows.ts';
import type { SurveyRow } from '../../../src/lib/survey-results.ts';

function project(id: string, over: Partial<ProjectRow> = {}): ProjectRow {
  return {
    project_id: id,
    community_id: '330482001001',
    community_name: '东湖社区',
    title: `项目${id}`,
    category: 'elderly',
    mechanism: 'government_purchase',
    origin: 'needs_assessment',
    operator_org_id: null,
    operator_name: null,
    start_date: '2023-01-01',
    end_date: '2023-12-31',
    status: 'completed',
    budget: 10000,
    income: 0,
    spent: 0,
    progress_pct: 100,
    evaluation: null,
    continues_project_id: null,
    continued_by: 0,
    ...over,
  };
}

function details(id: string): ProjectDetails {
  return {
    project_id: id,
    summary: null,
    street_code: '330482001',
    street_name: '当湖街道',
    beneficiaries: null,
    volunteers: null,
    volunteer_hours: null,
    social_workers: null,
    evaluated_on: null,
    operator_kind: null,
    proposal_id: null,
    proposal_title: null,
    proposal_stage: null,
    proposal_raised_on: null,
    proposal_stage_on: null,
    proposal_supporters: null,
  };
}

describe('projectMoney', () => {
  it('sums income by source and expenditure by category over years, with balance and shares', () => {
    const m = projectMoney(
      [
        { year: 2023, type: 'income', code: 'fiscal', amount: 6000, transactions: 1 },
        { year: 2024, type: 'income', code: 'fiscal', amount: 2000.1, transactions: 2 },
        { year: 2024, type: 'income', code: 'charity_donation', amount: 2000.2, transactions: 1 },
        { year: 2023, type: 'expenditure', code: 'personnel', amount: 3000, transactions: 2 },
        { year: 2024, type: 'expenditure', code: 'activities', amount: 7000.3, transactions: 3 },
      ],
      10000,
    );
    // Income 6000 + 2000.10 + 2000.20 = 10000.30; expenditure 3000 + 7000.30 = 10000.30.
    expect(m.totalIncome).toBe(10000.3);
    expect(m.totalExpenditure).toBe(10000.3);
    expect(m.balance).toBe(0);
    expect(m.income.map((l) => [l.code, l.amount, l.transactions])).toEqual([
      ['fiscal', 8000.1, 3],
      ['charity_donation', 2000.2, 1],
    ]);
    expect(m.expenditure.map((l) => l.code)).toEqual(['activities', 'personnel']);
    expect(m.expenditure[1]!.share).toBeCloseTo(3000 / 10000.3, 10);
    // 10000.30 spent of a 10000 budget: over budget by 0.30, not over income.
    expect(m.overBudget).toBe(true);
    expect(m.overIncome).toBe(false);
    expect(m.spentOfBudget).toBeCloseTo(1.00003, 10);
  });
  it('handles a project without money and a zero budget', () => {
    const m = projectMoney([], 0);
    expect(m).toMatchObject({
      totalIncome: 0,
      totalExpenditure: 0,
      balance: 0,
      spentOfBudget: null,
      overBudget: false,
    });
    expect(m.income).toEqual([]);
  });
});

describe('continuationChain', () => {
  // A ← B ← C, and A ← D (two continuations of A); C continues B.
  const rows = [
    project('A', { start_date: '2021-01-01' }),
    project('B', { start_date: '2022-01-01', continues_project_id: 'A' }),
    project('C', { start_date: '2023-01-01', continues_project_id: 'B' }),
    project('D', { start_date: '2022-06-01', continues_project_id: 'A' }),
  ];
  const byId = new Map(rows.map((p) => [p.project_id, p]));
  const cont = new Map<string, ProjectRow[]>([
    ['A', [rows[1]!, rows[3]!]],
    ['B', [rows[2]!]],
  ]);
  it('walks back to the first project and forward through every continuation', () => {
    const fromA = continuationChain('A', byId, cont);
    expect(fromA.earlier).toEqual([]);
    expect(fromA.later.map((l) => [l.project_id, l.step])).toEqual([
      ['B', 1],
      ['D', 1],
      ['C', 2],
    ]);
    const fromC = continuationChain('C', byId, cont);
    expect(fromC.earlier.map((l) => [l.project_id, l.step])).toEqual([
      ['A', -2],
      ['B', -1],
    ]);
    expect(fromC.later).toEqual([]);
    const fromB = continuationChain('B', byId, cont);
    expect(fromB.earlier.map((l) => l.project_id)).toEqual(['A']);
    expect(fromB.later.map((l) => l.project_id)).toEqual(['C']);
  });
  it('lists the whole chain in order with the page’s project as step 0', () => {
    const list = continuationList({ project: rows[1]!, ...continuationChain('B', byId, cont) });
    expect(list.map((l) => [l.project_id, l.step])).toEqual([
      ['A', -1],
      ['B', 0],
      ['C', 1],
    ]);
    expect(list[1]).toMatchObject({ title: '项目B', community_name: '东湖社区', start_date: '2022-01-01' });
  });
  it('stops on a circular reference', () => {
    const x = project('X', { continues_project_id: 'Y' });
    const y = project('Y', { continues_project_id: 'X' });
    const chain = continuationChain(
      'X',
      new Map([
        ['X', x],
        ['Y', y],
      ]),
      new Map([
        ['X', [y]],
        ['Y', [x]],
      ]),
    );
    expect(chain.earlier.map((l) => l.project_id)).toEqual(['Y']);
    expect(chain.later).toEqual([]);
  });
});

describe('projectPages', () => {
  const tx = (id: string, project_id: string, type: 'income' | 'expenditure', amount: number): TransactionRow => ({
    transaction_id: id,
    date: '2023-03-01',
    community_id: '330482001001',
    community_name: '东湖社区',
    project_id,
    project_title: null,
    type,
    source: type === 'income' ? 'fiscal' : null,
    expense_category: type === 'expenditure' ? 'activities' : null,
    counterparty_org_id: null,
    counterparty: null,
    donor_count: null,
    amount,
    purpose: null,
    voucher_no: null,
  });
  const survey = (project_id: string, respondents: number, satisfied: number): SurveyRow => ({
    survey_id: `S-${project_id}-${respondents}`,
    community_id: '330482001001',
    community_name: '东湖社区',
    project_id,
    project_title: null,
    period: '2023',
    dimension: 'project',
    respondents,
    satisfied,
    mean_score: null,
    scale_max: null,
    method: 'door_to_door',
    conducted_by: null,
    conductor_name: null,
  });
  const projects = [
    project('P1', { evaluation: 'excellent', continued_by: 0 }),
    project('P2', { evaluation: 'good', continued_by: 1 }),
    project('P3', { continues_project_id: 'P2', status: 'ongoing', end_date: '2024-01-31', evaluation: null }),
  ];
  const pages = projectPages({
    projects,
    details: projects.map((p) => details(p.project_id)),
    money: [{ project_id: 'P1', year: 2023, type: 'expenditure', code: 'activities', amount: 500, transactions: 1 }],
    transactions: [tx('T1', 'P1', 'income', 800), tx('T2', 'P1', 'expenditure', 500), tx('T3', 'P3', 'income', 100)],
    surveys: [survey('P1', 40, 36), survey('P1', 12, 11)],
    asOf: '2024-06-30',
  });

  it('hands each project only its own rows', () => {
    expect(pages.map((p) => p.transactions.map((t) => t.transaction_id))).toEqual([['T1', 'T2'], [], ['T3']]);
    expect(pages[0]!.money.totalExpenditure).toBe(500);
    expect(pages[1]!.money.totalExpenditure).toBe(0);
  });
  it('reads surveys as rates with intervals, and small samples as counts only', () => {
    const [big, small] = pages[0]!.surveys;
    expect(big!.rate).toBe(0.9);
    expect(big!.low).toBeLessThan(0.9);
    expect(big!.high).toBeGreaterThan(0.9);
    expect(big!.small).toBe(false);
    expect(small!.small).toBe(true);
    expect(small!.rate).toBeNull();
  });
  it('says when an excellent or good project was not continued, and when one is overdue', () => {
    expect(pages.map((p) => p.notContinued)).toEqual([true, false, false]);
    // P3 is still ongoing after its end date 2024-01-31 at the as-of date 2024-06-30.
    expect(pages.map((p) => p.overdue)).toEqual([false, false, true]);
    expect(pages[1]!.later.map((l) => l.project_id)).toEqual(['P3']);
    expect(pages[2]!.earlier.map((l) => l.project_id)).toEqual(['P2']);
  });
  it('fails loudly when a project has no details row', () => {
    expect(() =>
      projectPages({
        projects: [project('Q')],
        details: [],
        money: [],
        transactions: [],
        surveys: [],
        asOf: '2024-01-01',
      }),
    ).toThrow(/Q/);
  });
});
