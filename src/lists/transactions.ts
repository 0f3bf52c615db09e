/** The transaction list: every table of transactions on the site, and /transactions/ with its filters. */
import { formatDate, formatInteger, formatYuan, MISSING } from '../lib/format.ts';
import { yearOf, type TransactionRow } from '../lib/rows.ts';
import type { Labels, ListDefinition } from './define.ts';

function label(labels: Labels, name: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return MISSING;
  return labels[name]?.[code] ?? code;
}

export const TRANSACTION_LIST: ListDefinition<TransactionRow> = {
  kind: 'transactions',
  queries: { rows: 'transactions_filtered', summary: 'transactions_filtered_summary' },
  empty: '没有资金流水。',
  columns: [
    {
      key: 'date',
      header: { field: 'transactions.date' },
      cell: (t) => ({ text: formatDate(t.date), className: 'whitespace-nowrap' }),
    },
    {
      key: 'community',
      header: { field: 'communities.name' },
      shown: (o) => o.showCommunity === true,
      cell: (t) => ({
        text: t.community_name ?? t.community_id,
        href: `/communities/${t.community_id}/`,
        className: 'min-w-28',
      }),
    },
    {
      key: 'amount',
      header: { field: 'transactions.amount', withoutUnit: true },
      numeric: true,
      cell: (t) => ({ text: t.type === 'expenditure' ? `−${formatYuan(t.amount)}` : formatYuan(t.amount) }),
    },
    {
      key: 'type',
      header: { field: 'transactions.type' },
      cell: (t, l) => ({ text: label(l, 'type', t.type), className: 'whitespace-nowrap' }),
    },
    {
      key: 'source',
      header: { fields: ['transactions.source', 'transactions.expense_category'] },
      cell: (t, l) => ({
        text: t.type === 'income' ? label(l, 'source', t.source) : label(l, 'category', t.expense_category),
        className: 'whitespace-nowrap',
      }),
    },
    {
      key: 'project',
      header: { field: 'projects.title' },
      shown: (o) => o.showProject !== false,
      cell: (t) =>
        t.project_id
          ? {
              text: t.project_title ?? t.project_id,
              href: `/projects/${encodeURIComponent(t.project_id)}/`,
              className: 'min-w-40',
            }
          : { text: '社区资金(不属于项目)', muted: true, className: 'min-w-40' },
    },
    {
      key: 'counterparty',
      header: { field: 'transactions.counterparty_name' },
      cell: (t) => {
        const donors = t.donor_count !== null ? [`(${formatInteger(t.donor_count)}人)`] : [];
        return t.counterparty_org_id
          ? {
              text: t.counterparty ?? t.counterparty_org_id,
              href: `/organizations/${encodeURIComponent(t.counterparty_org_id)}/`,
              suffix: donors,
              className: 'min-w-32',
            }
          : { text: t.counterparty ?? MISSING, suffix: donors, className: 'min-w-32' };
      },
    },
    {
      key: 'purpose',
      header: { field: 'transactions.purpose' },
      shown: (o) => o.compact !== true,
      cell: (t) => ({ text: t.purpose ?? MISSING, className: 'min-w-40' }),
    },
    {
      key: 'voucher',
      header: { field: 'transactions.voucher_no' },
      shown: (o) => o.compact !== true,
      cell: (t) => ({ text: t.voucher_no ?? MISSING, className: 'whitespace-nowrap' }),
    },
  ],
  filters: [
    { name: 'type', header: { field: 'transactions.type' }, options: { enumOf: 'transactions.type' } },
    { name: 'source', header: { field: 'transactions.source' }, options: { enumOf: 'transactions.source' } },
    {
      name: 'category',
      header: { field: 'transactions.expense_category' },
      options: { enumOf: 'transactions.expense_category' },
    },
    { name: 'year', header: { text: '年份' }, options: 'years' },
  ],
  amount: { field: 'transactions.amount', of: (t) => t.amount },
  data: (t) => ({
    id: t.transaction_id,
    type: t.type,
    source: t.source ?? '',
    category: t.expense_category ?? '',
    year: String(yearOf(t.date) ?? ''),
    amount: String(t.amount),
    project: t.project_id ?? '',
  }),
};
