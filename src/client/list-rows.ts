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
  /** Text right after the main text, outside its link (donor counts). */
  suffix?: string[];
  muted?: boolean;
}

/** Code → Chinese label, per field, read from the filter bar's options (from src/schema). */
export type Labels = Record<string, Record<string, string>>;

function label(labels: Labels, field: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return MISSING;
  return labels[field]?.[code] ?? code;
}

type Builder<Row> = (row: Row, labels: Labels, asOf: string) => Cell;

/** Cells of a project row, by column key (components/FilterBar.astro names the table's columns). */
export const PROJECT_CELLS: Record<string, Builder<ProjectRow>> = {
  title: (p, _l, asOf) => ({
    text: p.title,
    href: `/projects/${encodeURIComponent(p.project_id)}/`,
    notes: projectFlags(p, asOf).map((f) => `注意:${PROJECT_FLAG_TEXT[f]}`),
    className: 'min-w-48',
  }),
  community: (p) => ({
    text: p.community_name ?? p.community_id,
    href: `/communities/${p.community_id}/`,
    className: 'min-w-28',
  }),
  status: (p, l) => ({ text: label(l, 'status', p.status), className: 'whitespace-nowrap' }),
  budget: (p) => ({ text: formatMoney(p.budget), className: 'num' }),
  spent: (p) => ({ text: formatMoney(p.spent), className: 'num' }),
  progress: (p) => ({ text: p.progress_pct === null ? MISSING : `${formatNumber(p.progress_pct)}%`, className: 'num' }),
  evaluation: (p, l) => ({ text: label(l, 'evaluation', p.evaluation), className: 'whitespace-nowrap' }),
  category: (p, l) => ({ text: label(l, 'category', p.category), className: 'whitespace-nowrap' }),
  mechanism: (p, l) => ({ text: label(l, 'mechanism', p.mechanism), className: 'whitespace-nowrap' }),
  origin: (p, l) => ({ text: label(l, 'origin', p.origin), className: 'whitespace-nowrap' }),
  operator: (p) =>
    p.operator_org_id
      ? {
          text: p.operator_name ?? p.operator_org_id,
          href: `/organizations/${encodeURIComponent(p.operator_org_id)}/`,
          className: 'min-w-40',
        }
      : { text: MISSING, className: 'min-w-40' },
  start: (p) => ({ text: formatDate(p.start_date), className: 'whitespace-nowrap' }),
  end: (p) => ({ text: formatDate(p.end_date), className: 'whitespace-nowrap' }),
};

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

/** Cells of a transaction row, by column key. */
export const TRANSACTION_CELLS: Record<string, Builder<TransactionRow>> = {
  date: (t) => ({ text: formatDate(t.date), className: 'whitespace-nowrap' }),
  community: (t) => ({
    text: t.community_name ?? t.community_id,
    href: `/communities/${t.community_id}/`,
    className: 'min-w-28',
  }),
  amount: (t) => ({
    text: t.type === 'expenditure' ? `−${formatYuan(t.amount)}` : formatYuan(t.amount),
    className: 'num',
  }),
  type: (t, l) => ({ text: label(l, 'type', t.type), className: 'whitespace-nowrap' }),
  source: (t, l) => ({
    text: t.type === 'income' ? label(l, 'source', t.source) : label(l, 'category', t.expense_category),
    className: 'whitespace-nowrap',
  }),
  project: (t) =>
    t.project_id
      ? {
          text: t.project_title ?? t.project_id,
          href: `/projects/${encodeURIComponent(t.project_id)}/`,
          className: 'min-w-40',
        }
      : { text: '社区资金(不属于项目)', muted: true, className: 'min-w-40' },
  counterparty: (t) => {
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
  purpose: (t) => ({ text: t.purpose ?? MISSING, className: 'min-w-40' }),
  voucher: (t) => ({ text: t.voucher_no ?? MISSING, className: 'whitespace-nowrap' }),
};

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

/** The cells of one row for the table's columns (keys in header order; unknown → empty cell). */
export function cellsFor<Row>(
  builders: Record<string, Builder<Row>>,
  keys: readonly (string | null)[],
  row: Row,
  labels: Labels,
  asOf: string,
): Cell[] {
  return keys.map((k) => (k && builders[k] ? builders[k](row, labels, asOf) : { text: '' }));
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
    for (const extra of c.suffix ?? []) {
      const span = document.createElement('span');
      span.className = 'whitespace-nowrap';
      span.textContent = extra;
      td.append(span);
    }
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

/** How a cell reads in the CSV (the screen text; notes after a space, as innerText reads blocks). */
export function cellCsvText(c: Cell): string {
  return [c.text + (c.suffix ?? []).join(''), ...(c.notes ?? [])].join(' ');
}
