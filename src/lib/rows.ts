/**
 * The rows that the shared tables (components/ProjectTable.astro, components/TransactionTable.astro)
 * display: plain, serializable objects, one per project or transaction, as the queries
 * src/queries/projects_filtered.sql and transactions_filtered.sql return them (or any query with the same
 * columns). Codes stay codes here; the components turn them into Chinese labels from src/schema.
 */
import type { Project, Transaction } from '../schema/index.ts';

export interface ProjectRow {
  project_id: string;
  community_id: string;
  /** Shown as an extra column when a table lists projects of several communities. */
  community_name?: string | null;
  title: string;
  category: Project['category'];
  mechanism: Project['mechanism'];
  origin: Project['origin'];
  operator_org_id: string | null;
  operator_name: string | null;
  start_date: string;
  end_date: string | null;
  status: Project['status'];
  budget: number;
  /** Sum of the project's income rows in transactions (元). */
  income: number;
  /** Sum of the project's expenditure rows in transactions (元). */
  spent: number;
  progress_pct: number | null;
  evaluation: Project['evaluation'];
  continues_project_id: string | null;
  /** How many later projects name this one in continues_project_id. */
  continued_by: number;
}

/** Why a project needs a second look; shown as text in the table, never by colour alone. */
export type ProjectFlag = 'overdue' | 'not_continued';

export const PROJECT_FLAG_TEXT: Readonly<Record<ProjectFlag, string>> = {
  overdue: '已过结束日期仍为实施中',
  not_continued: '评估优秀/良好但没有延续项目',
};

/**
 * `overdue`: still 实施中 although its end date is before `asOf` (the data's as-of date).
 * `not_continued`: evaluated 优秀 or 良好, finished (completed, or its end date passed), and no later
 * project continues it.
 */
export function projectFlags(
  p: Pick<ProjectRow, 'status' | 'end_date' | 'evaluation' | 'continued_by'>,
  asOf: string,
): ProjectFlag[] {
  const flags: ProjectFlag[] = [];
  const ended = p.end_date !== null && p.end_date < asOf;
  if (p.status === 'ongoing' && ended) flags.push('overdue');
  if (
    (p.evaluation === 'excellent' || p.evaluation === 'good') &&
    p.continued_by === 0 &&
    (p.status === 'completed' || ended)
  ) {
    flags.push('not_continued');
  }
  return flags;
}

export interface TransactionRow {
  transaction_id: string;
  date: string;
  community_id: string;
  community_name?: string | null;
  project_id: string | null;
  project_title: string | null;
  type: Transaction['type'];
  source: Transaction['source'];
  expense_category: Transaction['expense_category'];
  counterparty_org_id: string | null;
  /** The organization's name when counterparty_org_id is set, else counterparty_name. */
  counterparty: string | null;
  donor_count: number | null;
  amount: number;
  purpose: string | null;
  voucher_no: string | null;
}

/** The year of an ISO date, as a number (for data-year). */
export function yearOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const y = Number(iso.slice(0, 4));
  return Number.isFinite(y) ? y : null;
}
