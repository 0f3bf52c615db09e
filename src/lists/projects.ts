/** The project list: every table of projects on the site, and /projects/ with its filters. */
import { formatDate, formatMoney, formatNumber, MISSING } from '../lib/format.ts';
import { PROJECT_FLAG_TEXT, projectFlags, yearOf, type ProjectRow } from '../lib/rows.ts';
import type { Labels, ListDefinition } from './define.ts';

function label(labels: Labels, name: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return MISSING;
  return labels[name]?.[code] ?? code;
}

export const PROJECT_LIST: ListDefinition<ProjectRow> = {
  kind: 'projects',
  queries: { rows: 'projects_filtered', summary: 'projects_filtered_summary' },
  empty: '没有项目。',
  columns: [
    {
      key: 'title',
      header: { field: 'projects.title' },
      cell: (p, _l, asOf) => ({
        text: p.title,
        href: `/projects/${encodeURIComponent(p.project_id)}/`,
        notes: projectFlags(p, asOf).map((f) => `注意:${PROJECT_FLAG_TEXT[f]}`),
        className: 'min-w-48',
      }),
    },
    {
      key: 'community',
      header: { field: 'communities.name' },
      shown: (o) => o.showCommunity === true,
      cell: (p) => ({
        text: p.community_name ?? p.community_id,
        href: `/communities/${p.community_id}/`,
        className: 'min-w-28',
      }),
    },
    {
      key: 'status',
      header: { field: 'projects.status' },
      cell: (p, l) => ({ text: label(l, 'status', p.status), className: 'whitespace-nowrap' }),
    },
    {
      key: 'budget',
      header: { field: 'projects.budget', withoutUnit: true },
      numeric: true,
      cell: (p) => ({ text: formatMoney(p.budget) }),
    },
    { key: 'spent', header: { text: '已支出' }, numeric: true, cell: (p) => ({ text: formatMoney(p.spent) }) },
    {
      key: 'progress',
      header: { field: 'projects.progress_pct', withoutUnit: true },
      numeric: true,
      cell: (p) => ({ text: p.progress_pct === null ? MISSING : `${formatNumber(p.progress_pct)}%` }),
    },
    {
      key: 'evaluation',
      header: { field: 'projects.evaluation' },
      cell: (p, l) => ({ text: label(l, 'evaluation', p.evaluation), className: 'whitespace-nowrap' }),
    },
    {
      key: 'category',
      header: { field: 'projects.category' },
      cell: (p, l) => ({ text: label(l, 'category', p.category), className: 'whitespace-nowrap' }),
    },
    {
      key: 'mechanism',
      header: { field: 'projects.mechanism' },
      noPrint: true,
      cell: (p, l) => ({ text: label(l, 'mechanism', p.mechanism), className: 'whitespace-nowrap' }),
    },
    {
      key: 'origin',
      header: { field: 'projects.origin' },
      noPrint: true,
      cell: (p, l) => ({ text: label(l, 'origin', p.origin), className: 'whitespace-nowrap' }),
    },
    {
      key: 'operator',
      header: { field: 'projects.operator_org_id' },
      cell: (p) =>
        p.operator_org_id
          ? {
              text: p.operator_name ?? p.operator_org_id,
              href: `/organizations/${encodeURIComponent(p.operator_org_id)}/`,
              className: 'min-w-40',
            }
          : { text: MISSING, className: 'min-w-40' },
    },
    {
      key: 'start',
      header: { field: 'projects.start_date' },
      noPrint: true,
      cell: (p) => ({ text: formatDate(p.start_date), className: 'whitespace-nowrap' }),
    },
    {
      key: 'end',
      header: { field: 'projects.end_date' },
      cell: (p) => ({ text: formatDate(p.end_date), className: 'whitespace-nowrap' }),
    },
  ],
  filters: [
    { name: 'status', header: { field: 'projects.status' }, options: { enumOf: 'projects.status' } },
    { name: 'mechanism', header: { field: 'projects.mechanism' }, options: { enumOf: 'projects.mechanism' } },
    { name: 'category', header: { field: 'projects.category' }, options: { enumOf: 'projects.category' } },
    { name: 'origin', header: { field: 'projects.origin' }, options: { enumOf: 'projects.origin' } },
    { name: 'operator', header: { field: 'projects.operator_org_id' }, options: 'operators' },
    { name: 'year', header: { field: 'projects.start_date', dropSuffix: '日期', append: '年份' }, options: 'years' },
  ],
  amount: { field: 'projects.budget', of: (p) => p.budget },
  extraLabels: { evaluation: 'projects.evaluation' },
  data: (p) => ({
    status: p.status,
    mechanism: p.mechanism,
    category: p.category,
    origin: p.origin,
    operator: p.operator_org_id ?? '',
    year: String(yearOf(p.start_date) ?? ''),
    amount: String(p.budget),
  }),
};
