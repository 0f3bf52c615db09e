import { describe, expect, it } from 'vitest';
import { cellsOf, filterFields, shownColumns } from '../../../src/lists/define.ts';
import { LISTS, PROJECT_LIST, TRANSACTION_LIST } from '../../../src/lists/index.ts';
import { headerText, listLabels } from '../../../src/lists/labels.ts';
import { FILTER_FIELDS } from '../../../src/lib/filter-state.ts';
import type { ProjectRow, TransactionRow } from '../../../src/lib/rows.ts';
import { segments } from '../../../src/db/sql-text.ts';
import { sqlOf } from '../../../src/queries/index.ts';

/** Positional parameters of a query (`?` in code, not in strings or comments). */
function placeholders(sql: string): number {
  return segments(sql)
    .filter((s) => s.kind === 'code')
    .reduce((n, s) => n + (s.text.match(/\?/g)?.length ?? 0), 0);
}

const project: ProjectRow = {
  project_id: 'P 1',
  community_id: '330482001001',
  community_name: '东湖社区',
  title: '银龄守护',
  category: 'elderly',
  mechanism: 'government_purchase',
  origin: 'assigned',
  operator_org_id: null,
  operator_name: null,
  start_date: '2024-03-01',
  end_date: '2024-12-31',
  status: 'ongoing',
  budget: 80000,
  income: 80000,
  spent: 75500.5,
  progress_pct: 60,
  evaluation: null,
  continues_project_id: null,
  continued_by: 0,
};

const transaction: TransactionRow = {
  transaction_id: 'T1',
  date: '2025-01-02',
  community_id: '330482001001',
  community_name: '东湖社区',
  project_id: null,
  project_title: null,
  type: 'expenditure',
  source: null,
  expense_category: 'venue',
  counterparty_org_id: null,
  counterparty: '居民',
  donor_count: 3,
  amount: 1234.5,
  purpose: null,
  voucher_no: 'PZ-1',
};

describe('each list is defined once', () => {
  it('its filters are the order of the address and of the SQL’s parameters', () => {
    for (const list of Object.values(LISTS)) {
      const fields = filterFields(list);
      expect(FILTER_FIELDS[list.kind]).toEqual(fields);
      // Each filter is bound twice (`? IS NULL OR … = ?`); the rows query adds LIMIT and OFFSET.
      expect(placeholders(sqlOf(list.queries.summary)), list.queries.summary).toBe(fields.length * 2);
      expect(placeholders(sqlOf(list.queries.rows)), list.queries.rows).toBe(fields.length * 2 + 2);
    }
  });
  it('every row carries a data-* attribute per filter, and the amount', () => {
    expect(Object.keys(PROJECT_LIST.data(project)).sort()).toEqual(
      [...PROJECT_LIST.filters.map((f) => f.name), 'amount'].sort(),
    );
    expect(Object.keys(TRANSACTION_LIST.data(transaction))).toEqual(
      expect.arrayContaining([...TRANSACTION_LIST.filters.map((f) => f.name), 'amount']),
    );
  });
  it('headers come from the standard’s labels', () => {
    const headers = shownColumns(PROJECT_LIST, { showCommunity: true }).map((c) => headerText(c.header));
    expect(headers.slice(0, 4)).toEqual(['项目名称', '社区名称', '状态', '预算']);
    expect(headerText(PROJECT_LIST.filters.find((f) => f.name === 'year')!.header)).toBe('开始年份');
    expect(headerText(TRANSACTION_LIST.columns.find((c) => c.key === 'source')!.header)).toBe('资金来源/支出类别');
  });
  it('columns follow the table’s options', () => {
    const keys = (o: object) => shownColumns(TRANSACTION_LIST, o).map((c) => c.key);
    expect(keys({})).toEqual(['date', 'amount', 'type', 'source', 'project', 'counterparty', 'purpose', 'voucher']);
    expect(keys({ showCommunity: true, compact: true, showProject: false })).toEqual([
      'date',
      'community',
      'amount',
      'type',
      'source',
      'counterparty',
    ]);
  });
  it('cells say the same on the page, in the browser and in the CSV', () => {
    const labels = listLabels(TRANSACTION_LIST);
    const cells = cellsOf(shownColumns(TRANSACTION_LIST, {}), transaction, labels, '2025-06-30');
    expect(cells.map((c) => c.text)).toEqual([
      '2025年1月2日',
      '−1,234.50 元',
      '支出',
      '场地',
      '社区资金(不属于项目)',
      '居民',
      '—',
      'PZ-1',
    ]);
    expect(cells[5]!.suffix).toEqual(['(3人)']);
    const projectCells = cellsOf(shownColumns(PROJECT_LIST, {}), project, listLabels(PROJECT_LIST), '2025-06-30');
    expect(projectCells[0]).toMatchObject({ href: '/projects/P%201/', notes: ['注意:已过结束日期仍为实施中'] });
    expect(projectCells[1]!.text).toBe('实施中');
  });
});
