/**
 * Money: income by source and expenditure by category per year, shares of government and of
 * charitable money, and the project ledger that must close (its rows add up to the community's
 * totals). Sums are kept in whole fen (cents) so that 0.1 + 0.2 is 0.3 here too.
 */
import { CHARITABLE_SOURCES, EXPENSE_CATEGORY, FUND_SOURCE, GOVERNMENT_SOURCES } from '../schema/index.ts';
import type { ProjectRow } from './rows.ts';

/** One row of community_money.sql / street_money.sql (the grouping key, community or street, aside). */
export interface MoneyRow {
  year: number;
  type: 'income' | 'expenditure';
  /** Fund source for income, expense category for expenditure. */
  code: string;
  /** True for rows that belong to a project (community_money.sql only). */
  in_project?: boolean;
  amount: number;
  transactions: number;
}

export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fromFen(fen: number): number {
  return fen / 100;
}

/** Exact sum of amounts in yuan. */
export function sumYuan(values: Iterable<number>): number {
  let fen = 0;
  for (const v of values) fen += toFen(v);
  return fromFen(fen);
}

export interface YearMoney {
  year: number;
  /** By code, in the order of FUND_SOURCE / EXPENSE_CATEGORY; only codes present. */
  amounts: Record<string, number>;
  total: number;
}

export interface MoneyByYear {
  years: number[];
  income: YearMoney[];
  expenditure: YearMoney[];
  /** Codes that occur, in the standard's order. */
  sources: string[];
  categories: string[];
  totalIncome: number;
  totalExpenditure: number;
  /** Income by source over all years. */
  incomeBySource: Record<string, number>;
  expenditureByCategory: Record<string, number>;
}

function ordered(codes: Set<string>, order: readonly string[]): string[] {
  const known = order.filter((c) => codes.has(c));
  const unknown = [...codes].filter((c) => !order.includes(c)).sort();
  return [...known, ...unknown];
}

/** Income by source and expenditure by category for each year that has any money. */
export function moneyByYear(rows: readonly MoneyRow[]): MoneyByYear {
  const fen = { income: new Map<number, Map<string, number>>(), expenditure: new Map<number, Map<string, number>>() };
  const years = new Set<number>();
  const sources = new Set<string>();
  const categories = new Set<string>();
  for (const r of rows) {
    years.add(r.year);
    (r.type === 'income' ? sources : categories).add(r.code);
    const byYear = fen[r.type];
    let byCode = byYear.get(r.year);
    if (!byCode) byYear.set(r.year, (byCode = new Map()));
    byCode.set(r.code, (byCode.get(r.code) ?? 0) + toFen(r.amount));
  }
  const sortedYears = [...years].sort((a, b) => a - b);
  const sourceOrder = ordered(sources, FUND_SOURCE.codes);
  const categoryOrder = ordered(categories, EXPENSE_CATEGORY.codes);
  const build = (type: 'income' | 'expenditure', codes: string[]) => {
    const totals = new Map<string, number>();
    const perYear = sortedYears.map((year) => {
      const byCode = fen[type].get(year) ?? new Map<string, number>();
      const amounts: Record<string, number> = {};
      let total = 0;
      for (const code of codes) {
        const v = byCode.get(code) ?? 0;
        amounts[code] = fromFen(v);
        total += v;
        totals.set(code, (totals.get(code) ?? 0) + v);
      }
      return { year, amounts, total: fromFen(total) };
    });
    const all: Record<string, number> = {};
    let sum = 0;
    for (const code of codes) {
      all[code] = fromFen(totals.get(code) ?? 0);
      sum += totals.get(code) ?? 0;
    }
    return { perYear, all, sum: fromFen(sum) };
  };
  const income = build('income', sourceOrder);
  const expenditure = build('expenditure', categoryOrder);
  return {
    years: sortedYears,
    income: income.perYear,
    expenditure: expenditure.perYear,
    sources: sourceOrder,
    categories: categoryOrder,
    totalIncome: income.sum,
    totalExpenditure: expenditure.sum,
    incomeBySource: income.all,
    expenditureByCategory: expenditure.all,
  };
}

export interface SourceShare {
  amount: number;
  total: number;
  /** null when there is no income at all. */
  share: number | null;
}

/** The part of all income that came from the given sources. */
export function shareOfIncome(rows: readonly MoneyRow[], sources: readonly string[]): SourceShare {
  const set = new Set(sources);
  let part = 0;
  let total = 0;
  for (const r of rows) {
    if (r.type !== 'income') continue;
    const v = toFen(r.amount);
    total += v;
    if (set.has(r.code)) part += v;
  }
  return { amount: fromFen(part), total: fromFen(total), share: total > 0 ? part / total : null };
}

export const governmentShare = (rows: readonly MoneyRow[]): SourceShare => shareOfIncome(rows, GOVERNMENT_SOURCES);
export const charitableShare = (rows: readonly MoneyRow[]): SourceShare => shareOfIncome(rows, CHARITABLE_SOURCES);

export interface LedgerLine {
  /** null for the community-level line (money not booked to a project). */
  project_id: string | null;
  title: string;
  income: number;
  expenditure: number;
  balance: number;
}

export interface Ledger {
  lines: LedgerLine[];
  total: LedgerLine;
  /** The community's totals straight from its transactions. */
  communityIncome: number;
  communityExpenditure: number;
  /** True when the lines add up to the community's totals to the fen. */
  closes: boolean;
}

export const COMMUNITY_LEVEL_TITLE = '社区资金(不属于任何项目)';

/**
 * Each project's income, expenditure and balance, plus one line for money that belongs to no
 * project, and the total. The total is compared with the community's own totals (from
 * `moneyRows`): they must be equal, and the page says whether they are.
 */
export function projectLedger(
  projects: readonly Pick<ProjectRow, 'project_id' | 'title' | 'income' | 'spent'>[],
  moneyRows: readonly MoneyRow[],
): Ledger {
  const lines: LedgerLine[] = projects.map((p) => ({
    project_id: p.project_id,
    title: p.title,
    income: p.income,
    expenditure: p.spent,
    balance: fromFen(toFen(p.income) - toFen(p.spent)),
  }));
  let unIncome = 0;
  let unSpent = 0;
  let allIncome = 0;
  let allSpent = 0;
  for (const r of moneyRows) {
    const v = toFen(r.amount);
    if (r.type === 'income') allIncome += v;
    else allSpent += v;
    if (r.in_project) continue;
    if (r.type === 'income') unIncome += v;
    else unSpent += v;
  }
  if (unIncome !== 0 || unSpent !== 0) {
    lines.push({
      project_id: null,
      title: COMMUNITY_LEVEL_TITLE,
      income: fromFen(unIncome),
      expenditure: fromFen(unSpent),
      balance: fromFen(unIncome - unSpent),
    });
  }
  const totalIncome = lines.reduce((s, l) => s + toFen(l.income), 0);
  const totalSpent = lines.reduce((s, l) => s + toFen(l.expenditure), 0);
  return {
    lines,
    total: {
      project_id: null,
      title: '合计',
      income: fromFen(totalIncome),
      expenditure: fromFen(totalSpent),
      balance: fromFen(totalIncome - totalSpent),
    },
    communityIncome: fromFen(allIncome),
    communityExpenditure: fromFen(allSpent),
    closes: totalIncome === allIncome && totalSpent === allSpent,
  };
}
