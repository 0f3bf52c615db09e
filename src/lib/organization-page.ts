/**
 * Everything /organizations/<org_id>/ shows: who the organization is, the projects it runs in
 * every community, the money that passed through it as a counterparty, and the surveys it
 * conducted. Shaped from bulk queries grouped by organization. Long lists are cut to the latest
 * rows (the totals always count every row), so that a county bureau that appears on 100,000
 * transactions still gets a page a phone can open.
 */
import type { Organization } from '../schema/index.ts';
import { fromFen, toFen } from './money.ts';
import type { ProjectRow, TransactionRow } from './rows.ts';
import { groupBy, surveyResult, type SurveyResult, type SurveyRow } from './survey-results.ts';

/** At most this many rows of each list on one organization page. */
export const ORGANIZATION_LIST_LIMIT = 200;

/** One row of organization_pages.sql. */
export interface OrganizationRow {
  org_id: string;
  name: string;
  kind: Organization['kind'];
  registered_on: string | null;
  rating: Organization['rating'];
  community_id: string | null;
  community_name: string | null;
  street_code: string | null;
  street_name: string | null;
}

/** One row of organization_money.sql. */
export interface OrganizationMoneyRow {
  org_id: string;
  type: 'income' | 'expenditure';
  code: string;
  amount: number;
  transactions: number;
  communities: number;
}

/** One row of transaction_rows_by_counterparty.sql. */
export interface CounterpartyTransactionRow extends TransactionRow {
  org_id: string;
}

export interface FlowLine {
  code: string;
  amount: number;
  transactions: number;
  communities: number;
}

export interface Flow {
  lines: FlowLine[];
  total: number;
  transactions: number;
  /** The latest rows (at most ORGANIZATION_LIST_LIMIT). */
  rows: TransactionRow[];
}

export interface OrganizationPage {
  org: OrganizationRow;
  /** Projects it runs, newest first, at most ORGANIZATION_LIST_LIMIT. */
  projects: ProjectRow[];
  projectCount: number;
  /** Communities its projects are in. */
  projectCommunities: number;
  /** Budget of all its projects. */
  projectBudget: number;
  /** Income it gave to communities (it is the source's counterparty). */
  gave: Flow;
  /** Payments it received (expenditure rows naming it). */
  received: Flow;
  /** Survey results it conducted (one per survey and dimension), latest first, at most ORGANIZATION_LIST_LIMIT. */
  surveys: SurveyResult[];
  /** Distinct surveys it conducted. */
  surveyCount: number;
}

export function flow(lines: readonly OrganizationMoneyRow[], rows: readonly TransactionRow[]): Flow {
  const out = lines
    .map(({ code, amount, transactions, communities }) => ({ code, amount, transactions, communities }))
    .sort((a, b) => b.amount - a.amount || a.code.localeCompare(b.code));
  return {
    lines: out,
    total: fromFen(out.reduce((s, l) => s + toFen(l.amount), 0)),
    transactions: out.reduce((s, l) => s + l.transactions, 0),
    rows: rows.slice(0, ORGANIZATION_LIST_LIMIT),
  };
}

export interface OrganizationPageInput {
  organizations: readonly OrganizationRow[];
  projects: readonly ProjectRow[];
  money: readonly OrganizationMoneyRow[];
  transactions: readonly CounterpartyTransactionRow[];
  surveys: readonly SurveyRow[];
}

export function organizationPages(input: OrganizationPageInput): OrganizationPage[] {
  const projects = groupBy(input.projects, (p) => p.operator_org_id);
  const money = groupBy(input.money, (m) => m.org_id);
  const transactions = groupBy(input.transactions, (t) => t.org_id);
  const surveys = groupBy(input.surveys, (s) => s.conducted_by);
  return input.organizations.map((org) => {
    const own = [...(projects.get(org.org_id) ?? [])].sort(
      (a, b) => b.start_date.localeCompare(a.start_date) || a.project_id.localeCompare(b.project_id),
    );
    const m = money.get(org.org_id) ?? [];
    // TransactionRow carries no org_id: drop it so that pages get exactly the shared row shape.
    const t = (transactions.get(org.org_id) ?? []).map(({ org_id: _org, ...row }) => row);
    const s = surveys.get(org.org_id) ?? [];
    return {
      org,
      projects: own.slice(0, ORGANIZATION_LIST_LIMIT),
      projectCount: own.length,
      projectCommunities: new Set(own.map((p) => p.community_id)).size,
      projectBudget: fromFen(own.reduce((sum, p) => sum + toFen(p.budget), 0)),
      gave: flow(
        m.filter((l) => l.type === 'income'),
        t.filter((r) => r.type === 'income'),
      ),
      received: flow(
        m.filter((l) => l.type === 'expenditure'),
        t.filter((r) => r.type === 'expenditure'),
      ),
      surveys: s.slice(0, ORGANIZATION_LIST_LIMIT).map(surveyResult),
      surveyCount: new Set(s.map((r) => r.survey_id)).size,
    };
  });
}
