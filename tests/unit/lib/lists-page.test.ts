import { describe, expect, it } from 'vitest';
import { LIST_FIRST_PAGE, listPageCount, listPageHref, sourceTotals, yearTotals } from '../../../src/lib/lists-page.ts';
import type { MoneyRow } from '../../../src/lib/money.ts';

const money: MoneyRow[] = [
  { year: 2024, type: 'income', code: 'fiscal', amount: 0.1, transactions: 1 },
  { year: 2024, type: 'income', code: 'crowdfunding', amount: 0.2, transactions: 2 },
  { year: 2024, type: 'expenditure', code: 'venue', amount: 5, transactions: 3 },
  { year: 2023, type: 'income', code: 'fiscal', amount: 100, transactions: 4 },
];

describe('city-wide list summaries', () => {
  it('add up each year exactly (0.1 + 0.2 = 0.3), oldest first', () => {
    expect(yearTotals(money)).toEqual([
      { year: 2023, incomeCount: 4, income: 100, expenditureCount: 0, expenditure: 0 },
      { year: 2024, incomeCount: 3, income: 0.3, expenditureCount: 3, expenditure: 5 },
    ]);
  });
  it('total income by source in the standard’s order, sources present only', () => {
    expect(sourceTotals(money)).toEqual([
      { code: 'fiscal', amount: 100.1, count: 5 },
      { code: 'crowdfunding', amount: 0.2, count: 2 },
    ]);
  });
});

describe('static pages of a long list', () => {
  it('keeps a list of up to 1,000 rows on one page and splits a longer one into 500-row pages', () => {
    expect(LIST_FIRST_PAGE).toBe(500);
    expect(listPageCount(0)).toBe(1);
    expect(listPageCount(1000)).toBe(1);
    expect(listPageCount(1001)).toBe(3);
    expect(listPageCount(24_092)).toBe(49);
  });
  it('addresses page 1 as the list itself', () => {
    expect(listPageHref('/transactions/', 1)).toBe('/transactions/');
    expect(listPageHref('/transactions/', 7)).toBe('/transactions/page/7/');
  });
});
