import { describe, expect, it } from 'vitest';
import {
  charitableShare,
  COMMUNITY_LEVEL_TITLE,
  governmentShare,
  moneyByYear,
  projectLedger,
  sumYuan,
} from '../../../src/lib/money.ts';
import { A, siteData, siteRows } from './site-fixture.ts';

const rowsA = siteRows().money.filter((r) => r.community_id === A);

describe('sumYuan', () => {
  it('adds in fen, so 0.1 + 0.2 is 0.3', () => {
    expect(sumYuan([0.1, 0.2])).toBe(0.3);
    expect(sumYuan([1000.1, 20000, 0.05])).toBe(21000.15);
  });
});

describe('moneyByYear', () => {
  const m = moneyByYear(rowsA);
  it('lists the years and the codes present, in the standard order', () => {
    expect(m.years).toEqual([2024, 2025]);
    expect(m.sources).toEqual(['fiscal', 'government_purchase', 'charity_donation', 'crowdfunding']);
    expect(m.categories).toEqual(['personnel', 'activities', 'materials']);
  });
  it('sums income by source and expenditure by category per year', () => {
    expect(m.income[0]).toEqual({
      year: 2024,
      amounts: { fiscal: 10000, government_purchase: 20000, charity_donation: 0, crowdfunding: 0 },
      total: 30000,
    });
    expect(m.income[1]!.total).toBe(6000.1);
    expect(m.expenditure.map((y) => y.total)).toEqual([8000, 9000.55]);
    expect(m.totalIncome).toBe(36000.1);
    expect(m.totalExpenditure).toBe(17000.55);
    expect(m.incomeBySource['crowdfunding']).toBe(1000.1);
  });
  it('is empty for no rows', () => {
    expect(moneyByYear([])).toMatchObject({ years: [], totalIncome: 0, totalExpenditure: 0 });
  });
});

describe('shares of income', () => {
  it('government: fiscal 10,000 + purchase 20,000 of 36,000.10', () => {
    const s = governmentShare(rowsA);
    expect(s.amount).toBe(30000);
    expect(s.total).toBe(36000.1);
    expect(s.share).toBeCloseTo(0.833331, 6);
  });
  it('charitable: donation 5,000 + crowdfunding 1,000.10', () => {
    expect(charitableShare(rowsA).amount).toBe(6000.1);
    expect(charitableShare(rowsA).share).toBeCloseTo(0.166669, 6);
  });
  it('is null without income', () => {
    expect(governmentShare([]).share).toBeNull();
  });
});

describe('projectLedger', () => {
  const data = siteData();
  const projects = data.projectsByCommunity.get(A)!;
  it('gives each project its balance and a line for money outside projects', () => {
    const ledger = projectLedger(projects, rowsA);
    expect(ledger.lines.map((l) => [l.project_id, l.income, l.expenditure, l.balance])).toEqual([
      ['P1', 10000, 8000, 2000],
      ['P2', 5000, 6000, -1000],
      ['P3', 0, 0, 0],
      [null, 21000.1, 3000.55, 17999.55],
    ]);
    expect(ledger.lines[3]!.title).toBe(COMMUNITY_LEVEL_TITLE);
  });
  it('closes: the total equals the community totals', () => {
    const ledger = projectLedger(projects, rowsA);
    expect(ledger.total).toMatchObject({ income: 36000.1, expenditure: 17000.55, balance: 18999.55 });
    expect(ledger.communityIncome).toBe(36000.1);
    expect(ledger.closes).toBe(true);
  });
  it('says so when a project sum disagrees with the transactions', () => {
    const wrong = projects.map((p) => (p.project_id === 'P1' ? { ...p, income: 9000 } : p));
    expect(projectLedger(wrong, rowsA).closes).toBe(false);
  });
  it('has no community line when all money belongs to projects', () => {
    const rowsB = siteRows().money.filter((r) => r.community_id !== A && r.community_id.startsWith('330482001'));
    expect(projectLedger(data.projectsByCommunity.get(rowsB[0]!.community_id)!, rowsB).lines).toHaveLength(1);
  });
});
