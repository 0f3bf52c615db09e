/**
 * Rows of the city-wide lists drawn in the browser (query mode of <filter-table>), cell for cell
 * as components/ProjectTable.astro (showCommunity) and TransactionTable.astro (showCommunity,
 * compact) draw them at build time, with the same data-* attributes. The same cell texts make the
 * CSV download, so the file says what the screen says.
 */
import type { ProjectRow, TransactionRow } from '../lib/rows.ts';
import { PROJECT_FLAG_TEXT, projectFlags, yearOf } from '../lib/rows.ts';
import { formatDate, formatInteger, formatMoney, formatNumber, formatYuan, MISSING } from '../lib/format.ts';

export interface Cell {
  text: string;
  href?: string;
  className?: string;
  /** Lines under the main text (project flags). */
  notes?: string[];
  muted?: boolean;
}

/** Code → Chinese label, per field, read from the filter bar's options (from src/schema). */
export type Labels = Record<string, Record<string, string>>;

function label(labels: Labels, field: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return MISSING;
  return labels[field]?.[code] ?? code;
}

export function projectCells(p: ProjectRow, labels: Labels, asOf: string): Cell[] {
  const flags = projectFlags(p, asOf).map((f) => `注意:${PROJECT_FLAG_TEXT[f]}`);
  return [
    { text: p.title, href: `/projects/${encodeURIComponent(p.project_id)}/`, notes: flags, className: 'min-w-48' },
    { text: p.community_name ?? p.community_id, href: `/communities/${p.community_id}/` },
    { text: label(labels, 'status', p.status), className: 'whitespace-nowrap' },
    { text: label(labels, 'category', p.category), className: 'whitespace-nowrap' },
    { text: label(labels, 'mechanism', p.mechanism), className: 'whitespace-nowrap' },
    { text: label(labels, 'origin', p.origin), className: 'whitespace-nowrap' },
    p.operator_org_id
      ? { text: p.operator_name ?? p.operator_org_id, href: `/organizations/${encodeURIComponent(p.operator_org_id)}/`, className: 'min-w-40' }
      : { text: MISSING, className: 'min-w-40' },
    { text: formatDate(p.start_date), className: 'whitespace-nowrap' },
    { text: formatDate(p.end_date), className: 'whitespace-nowrap' },
    { text: formatMoney(p.budget), className: 'num' },
    { text: formatMoney(p.spent), className: 'num' },
    { text: p.progress_pct === null ? MISSING : `${formatNumber(p.progress_pct)}%`, className: 'num' },
    { text: label(labels, 'evaluation', p.evaluation), className: 'whitespace-nowrap' },
  ];
}

export function projectData(p: ProjectRow): Record<string, string> {
  return {
    status: p.status,
    mechanism: p.mechanism,
    category: p.category,
    origin: p.origin,
    operator: p.operator_org_id ?? '',
    year: String(yearOf(p.start_date) ?? ''),
    amount: String(p.budget),
  };
}

export function transactionCells(t: TransactionRow, labels: Labels): Cell[] {
  const counterparty = t.counterparty ?? (t.counterparty_org_id ? t.counterparty_org_id : MISSING);
  const donors = t.donor_count !== null ? `(${formatInteger(t.donor_count)}人)` : '';
  return [
    { text: formatDate(t.date), className: 'whitespace-nowrap' },
    { text: t.community_name ?? t.community_id, href: `/communities/${t.community_id}/` },
    { text: label(labels, 'type', t.type), className: 'whitespace-nowrap' },
    {
      text: t.type === 'income' ? label(labels, 'source', t.source) : label(labels, 'category', t.expense_category),
      className: 'whitespace-nowrap',
    },
    { text: t.type === 'expenditure' ? `−${formatYuan(t.amount)}` : formatYuan(t.amount), className: 'num' },
    t.project_id
      ? { text: t.project_title ?? t.project_id, href: `/projects/${encodeURIComponent(t.project_id)}/`, className: 'min-w-40' }
      : { text: '社区资金(不属于项目)', muted: true, className: 'min-w-40' },
    t.counterparty_org_id
      ? { text: counterparty + donors, href: `/organizations/${encodeURIComponent(t.counterparty_org_id)}/`, className: 'min-w-32' }
      : { text: counterparty + donors, className: 'min-w-32' },
  ];
}

export function transactionData(t: TransactionRow): Record<string, string> {
  return {
    type: t.type,
    source: t.source ?? '',
    category: t.expense_category ?? '',
    year: String(yearOf(t.date) ?? ''),
    amount: String(t.amount),
    project: t.project_id ?? '',
  };
}

/** A <tr> from cells, text only (data is never markup). */
export function rowElement(cells: readonly Cell[], data: Readonly<Record<string, string>>): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const [k, v] of Object.entries(data)) tr.dataset[k] = v;
  for (const c of cells) {
    const td = document.createElement('td');
    if (c.className) td.className = c.className;
    if (c.href) {
      const a = document.createElement('a');
      a.href = c.href;
      a.textContent = c.text;
      td.append(a);
    } else if (c.muted) {
      const span = document.createElement('span');
      span.className = 'text-muted';
      span.textContent = c.text;
      td.append(span);
    } else td.textContent = c.text;
    for (const note of c.notes ?? []) {
      const span = document.createElement('span');
      span.className = 'flag block text-base font-bold text-warn';
      span.textContent = note;
      td.append(span);
    }
    tr.append(td);
  }
  return tr;
}

/** How a cell reads in the CSV (the screen text, notes after a space). */
export function cellCsvText(c: Cell): string {
  return [c.text, ...(c.notes ?? [])].join(' ');
}
