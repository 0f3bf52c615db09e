/**
 * Everything /projects/<project_id>/ shows, shaped from a few bulk queries (one pass over each
 * table, grouped by project), so that building tens of thousands of project pages never runs one
 * query per page.
 */
import type { Project, Proposal } from '../schema/index.ts';
import { moneyByYear, fromFen, toFen, type MoneyRow } from './money.ts';
import { projectFlags, type ProjectRow, type TransactionRow } from './rows.ts';
import { groupBy, surveyResult, type SurveyResult, type SurveyRow } from './survey-results.ts';

/** One row of project_details.sql. */
export interface ProjectDetails {
  project_id: string;
  summary: string | null;
  street_code: string;
  street_name: string;
  beneficiaries: number | null;
  volunteers: number | null;
  volunteer_hours: number | null;
  social_workers: number | null;
  evaluated_on: string | null;
  operator_kind: string | null;
  proposal_id: string | null;
  proposal_title: string | null;
  proposal_stage: Proposal['stage'] | null;
  proposal_raised_on: string | null;
  proposal_stage_on: string | null;
  proposal_supporters: number | null;
}

/** One row of project_money.sql. */
export interface ProjectMoneyRow extends MoneyRow {
  project_id: string;
}

export interface MoneyLine {
  code: string;
  amount: number;
  transactions: number;
  /** Part of the total of its side (income or expenditure); null when that total is 0. */
  share: number | null;
}

export interface ProjectMoney {
  income: MoneyLine[];
  expenditure: MoneyLine[];
  totalIncome: number;
  totalExpenditure: number;
  /** Income minus expenditure. */
  balance: number;
  /** Expenditure as a part of the budget; null when the budget is 0. */
  spentOfBudget: number | null;
  overBudget: boolean;
  overIncome: boolean;
}

/** A project in a continuation chain. */
export interface ChainLink {
  project_id: string;
  title: string;
  community_id: string;
  community_name: string | null;
  start_date: string;
  end_date: string | null;
  status: Project['status'];
  evaluation: Project['evaluation'];
  /** Steps from this page's project: −2 = the one before the one it continues, +1 = a direct continuation. */
  step: number;
}

export interface ProjectPage {
  project: ProjectRow;
  details: ProjectDetails;
  money: ProjectMoney;
  transactions: TransactionRow[];
  surveys: SurveyResult[];
  /** Earlier projects, oldest first (the last one is the project this one continues). */
  earlier: ChainLink[];
  /** Later projects that continue this one, directly or through others, by start date. */
  later: ChainLink[];
  /** Evaluated 优秀/良好, finished, and nothing continues it. */
  notContinued: boolean;
  /** Still 实施中 after its end date. */
  overdue: boolean;
}

/** Income and expenditure lines of one project, in the order of the largest amount first. */
export function projectMoney(rows: readonly MoneyRow[], budget: number): ProjectMoney {
  const m = moneyByYear(rows);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.type}:${r.code}`, (counts.get(`${r.type}:${r.code}`) ?? 0) + r.transactions);
  const lines = (type: 'income' | 'expenditure', amounts: Record<string, number>, total: number): MoneyLine[] =>
    Object.entries(amounts)
      .map(([code, amount]) => ({
        code,
        amount,
        transactions: counts.get(`${type}:${code}`) ?? 0,
        share: total > 0 ? amount / total : null,
      }))
      .sort((a, b) => b.amount - a.amount);
  const balance = fromFen(toFen(m.totalIncome) - toFen(m.totalExpenditure));
  return {
    income: lines('income', m.incomeBySource, m.totalIncome),
    expenditure: lines('expenditure', m.expenditureByCategory, m.totalExpenditure),
    totalIncome: m.totalIncome,
    totalExpenditure: m.totalExpenditure,
    balance,
    spentOfBudget: budget > 0 ? m.totalExpenditure / budget : null,
    overBudget: toFen(m.totalExpenditure) > toFen(budget),
    overIncome: toFen(m.totalExpenditure) > toFen(m.totalIncome),
  };
}

/** A project as a link of a continuation chain, `step` places from the page's project. */
export function chainLink(p: ProjectRow, step: number): ChainLink {
  return {
    project_id: p.project_id,
    title: p.title,
    community_id: p.community_id,
    community_name: p.community_name ?? null,
    start_date: p.start_date,
    end_date: p.end_date,
    status: p.status,
    evaluation: p.evaluation,
    step,
  };
}

/**
 * The chain a project belongs to: the projects it continues (following continues_project_id back
 * to the first), and every project that continues it, directly or through another. A broken or
 * circular reference stops the walk instead of looping.
 */
export function continuationChain(
  projectId: string,
  byId: ReadonlyMap<string, ProjectRow>,
  continuations: ReadonlyMap<string, readonly ProjectRow[]>,
): { earlier: ChainLink[]; later: ChainLink[] } {
  const seen = new Set([projectId]);
  const earlier: ChainLink[] = [];
  let current = byId.get(projectId);
  let step = 0;
  while (current?.continues_project_id) {
    const previous = byId.get(current.continues_project_id);
    if (!previous || seen.has(previous.project_id)) break;
    seen.add(previous.project_id);
    earlier.unshift(chainLink(previous, --step));
    current = previous;
  }
  const later: ChainLink[] = [];
  let frontier = [projectId];
  step = 0;
  while (frontier.length > 0) {
    step++;
    const next: string[] = [];
    for (const id of frontier) {
      for (const p of continuations.get(id) ?? []) {
        if (seen.has(p.project_id)) continue;
        seen.add(p.project_id);
        later.push(chainLink(p, step));
        next.push(p.project_id);
      }
    }
    frontier = next;
  }
  later.sort(
    (a, b) => a.start_date.localeCompare(b.start_date) || a.step - b.step || a.project_id.localeCompare(b.project_id),
  );
  return { earlier, later };
}

/** The whole chain in order: the projects it continues, the page's project (step 0), those continuing it. */
export function continuationList(page: Pick<ProjectPage, 'project' | 'earlier' | 'later'>): ChainLink[] {
  return [...page.earlier, chainLink(page.project, 0), ...page.later];
}

export interface ProjectPageInput {
  projects: readonly ProjectRow[];
  details: readonly ProjectDetails[];
  money: readonly ProjectMoneyRow[];
  transactions: readonly TransactionRow[];
  surveys: readonly SurveyRow[];
  /** The data's as-of date (YYYY-MM-DD). */
  asOf: string;
}

/** The page of one project; `input` holds its rows and the projects of its continuation chain. */
export function projectPage(projectId: string, input: ProjectPageInput): ProjectPage {
  return projectPageMaker(input)(projectId);
}

/** One ProjectPage per project, in the order of `projects`. */
export function projectPages(input: ProjectPageInput): ProjectPage[] {
  const make = projectPageMaker(input);
  return input.projects.map((p) => make(p.project_id));
}

function projectPageMaker(input: ProjectPageInput): (projectId: string) => ProjectPage {
  const byId = new Map(input.projects.map((p) => [p.project_id, p]));
  const continuations = groupBy(input.projects, (p) => p.continues_project_id);
  const details = new Map(input.details.map((d) => [d.project_id, d]));
  const money = groupBy(input.money, (m) => m.project_id);
  const transactions = groupBy(input.transactions, (t) => t.project_id);
  const surveys = groupBy(input.surveys, (s) => s.project_id);
  return (projectId) => {
    const project = byId.get(projectId);
    if (!project) throw new Error(`No project ${projectId}`);
    const d = details.get(projectId);
    if (!d) throw new Error(`project_details.sql has no row for project ${projectId}`);
    const flags = projectFlags(project, input.asOf);
    return {
      project,
      details: d,
      money: projectMoney(money.get(projectId) ?? [], project.budget),
      transactions: transactions.get(projectId) ?? [],
      surveys: (surveys.get(projectId) ?? []).map(surveyResult),
      ...continuationChain(projectId, byId, continuations),
      notContinued: flags.includes('not_continued'),
      overdue: flags.includes('overdue'),
    };
  };
}
