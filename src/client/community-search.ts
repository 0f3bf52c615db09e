/**
 * <community-directory>: search, filter and sort of the community directory (/communities/).
 *
 * Without JavaScript the page is already complete: every community in a table grouped by street.
 * This element only reorders and hides those rows. Each row carries what it needs in data-*
 * attributes (pinyin computed at build time, so no dictionary is shipped). Above FULL_LIST_LIMIT
 * communities the page has no rows; the element then loads the compact index
 * (/communities/search.json) on first use and shows the first RESULT_LIMIT matches.
 *
 * The state lives in the address (?q=&street=&kind=&sort=) so that a link reproduces the view.
 */
import {
  selectCommunities,
  SORT_KEYS,
  type DirectoryQuery,
  type SearchableCommunity,
  type SortKey,
} from '../lib/community-search.ts';
import type { SearchIndex } from '../lib/community-directory.ts';
import { formatInteger, formatMoney, formatPercent } from '../lib/format.ts';

/** Rows drawn at most in index mode (the status line says how many matched). */
const RESULT_LIMIT = 200;

interface Item extends SearchableCommunity {
  row: HTMLTableRowElement | null;
  id: string;
  data: SearchIndex['rows'][number] | null;
}

function numberOrNull(v: string | undefined): number | null {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

class CommunityDirectory extends HTMLElement {
  private items: Item[] = [];
  private loading: Promise<void> | null = null;
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private street!: HTMLSelectElement;
  private kind!: HTMLSelectElement;
  private sort!: HTMLSelectElement;
  private status!: HTMLElement;
  private table!: HTMLTableElement;
  private flat!: HTMLTableSectionElement;
  private groups: { body: HTMLTableSectionElement; rows: HTMLTableRowElement[] }[] = [];
  private rowIndex = new Map<HTMLTableRowElement, number>();
  private kindLabels: Record<string, string> = {};
  private streetNames = new Map<string, string>();

  connectedCallback(): void {
    const q = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
    this.form = q<HTMLFormElement>('form');
    this.input = q<HTMLInputElement>('input[name=q]');
    this.street = q<HTMLSelectElement>('select[name=street]');
    this.kind = q<HTMLSelectElement>('select[name=kind]');
    this.sort = q<HTMLSelectElement>('select[name=sort]');
    this.status = q<HTMLElement>('[data-status]');
    this.table = q<HTMLTableElement>('table');
    this.kindLabels = JSON.parse(this.dataset['kinds'] ?? '{}') as Record<string, string>;
    for (const o of this.street.options) if (o.value) this.streetNames.set(o.value, o.textContent ?? '');

    this.flat = document.createElement('tbody');
    this.flat.hidden = true;
    this.table.append(this.flat);
    if (this.dataset['mode'] === 'rows') this.readRows();

    // Restore a shared view from the address.
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    for (const [select, key] of [
      [this.street, 'street'],
      [this.kind, 'kind'],
      [this.sort, 'sort'],
    ] as const) {
      const v = params.get(key) ?? '';
      if ([...select.options].some((o) => o.value === v)) select.value = v;
    }

    // Filters folded away on phones (unless a shared link set one), open on wider screens.
    const filters = this.querySelector<HTMLDetailsElement>('details[data-filters]');
    if (filters && (matchMedia('(min-width: 640px)').matches || this.street.value || this.kind.value || this.sort.value)) filters.open = true;
    this.form.hidden = false;
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.update();
    });
    this.input.addEventListener('input', () => this.update());
    for (const s of [this.street, this.kind, this.sort]) s.addEventListener('change', () => this.update());
    this.input.addEventListener('focus', () => void this.ensureItems(), { once: true });
    if (params.toString() !== '') this.update();
  }

  /** Rows mode: the table already holds every community, one tbody per street. */
  private readRows(): void {
    let order = 0;
    for (const body of this.table.querySelectorAll<HTMLTableSectionElement>('tbody[data-street]')) {
      const rows = [...body.querySelectorAll<HTMLTableRowElement>('tr[data-id]')];
      this.groups.push({ body, rows });
      for (const row of rows) {
        const d = row.dataset;
        const v = (d['v'] ?? '').split(' ');
        this.rowIndex.set(row, order);
        this.items.push({
          row,
          data: null,
          id: d['id']!,
          order: order++,
          name: row.querySelector('a')?.textContent?.trim() ?? '',
          pinyin: d['py'] ?? '',
          street: body.dataset['street'] ?? '',
          kind: d['kind'] ?? '',
          figures: {
            population: numberOrNull(v[0]),
            projects: numberOrNull(v[1]),
            expenditure: numberOrNull(v[2]),
            satisfaction: numberOrNull(v[3]),
          },
        });
      }
    }
  }

  /** Index mode: fetch /communities/search.json once. */
  private ensureItems(): Promise<void> {
    if (this.dataset['mode'] !== 'index') return Promise.resolve();
    this.loading ??= (async () => {
      this.status.textContent = '正在载入社区索引…';
      const response = await fetch(this.dataset['index']!);
      const index = (await response.json()) as SearchIndex;
      this.items = index.rows.map((r, order) => ({
        row: null,
        data: r,
        id: r[0],
        order,
        name: r[1],
        pinyin: r[2],
        street: index.streets[r[3]]![0],
        kind: r[4],
        figures: { population: r[5], projects: r[6], expenditure: r[7], satisfaction: r[8] },
      }));
    })().catch(() => {
      this.loading = null;
      this.status.textContent = '社区索引载入失败,请按街道浏览。';
    });
    return this.loading;
  }

  private query(): DirectoryQuery {
    const sort = this.sort.value;
    return {
      text: this.input.value,
      street: this.street.value,
      kind: this.kind.value,
      sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : '',
    };
  }

  private async update(): Promise<void> {
    await this.ensureItems();
    const q = this.query();
    this.remember(q);
    const picked = selectCommunities(this.items, q);
    const grouped = this.dataset['mode'] === 'rows' && q.text.trim() === '' && q.sort === '';
    if (this.dataset['mode'] === 'rows') this.showRows(picked, grouped);
    else this.showResults(picked);
    for (const th of this.table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]')) {
      if (th.dataset['sort'] === q.sort) th.setAttribute('aria-sort', 'descending');
      else th.removeAttribute('aria-sort');
    }
    const all = this.items.length;
    const shown = this.dataset['mode'] === 'index' ? Math.min(picked.length, RESULT_LIMIT) : picked.length;
    this.status.textContent =
      picked.length === all
        ? `共 ${formatInteger(all)} 个社区`
        : picked.length === 0
          ? `没有找到符合条件的社区(共 ${formatInteger(all)} 个)`
          : `找到 ${formatInteger(picked.length)} 个社区(共 ${formatInteger(all)} 个)` +
            (shown < picked.length ? `,列出前 ${shown} 个` : '');
  }

  private showRows(picked: number[], grouped: boolean): void {
    const visible = new Set(picked);
    if (grouped) {
      this.flat.hidden = true;
      for (const g of this.groups) {
        let any = false;
        for (const row of g.rows) {
          g.body.append(row);
          row.hidden = !visible.has(this.rowIndex.get(row)!);
          any ||= !row.hidden;
        }
        g.body.hidden = !any;
      }
      return;
    }
    for (const g of this.groups) g.body.hidden = true;
    for (const it of this.items) it.row!.hidden = true;
    for (const i of picked) {
      const row = this.items[i]!.row!;
      row.hidden = false;
      this.flat.append(row);
    }
    this.flat.hidden = false;
  }

  private showResults(picked: number[]): void {
    const rows = picked.slice(0, RESULT_LIMIT).map((i) => this.resultRow(this.items[i]!));
    this.flat.replaceChildren(...rows);
    this.flat.hidden = false;
    this.table.hidden = rows.length === 0;
  }

  /** The same cells as the server-rendered rows (see components/CommunityDirectory.astro). */
  private resultRow(it: Item): HTMLTableRowElement {
    const r = it.data!;
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    const a = document.createElement('a');
    a.href = `/communities/${encodeURIComponent(it.id)}/`;
    a.textContent = it.name;
    const meta = document.createElement('span');
    meta.className = 'block text-sm font-normal text-muted';
    meta.textContent = `${this.streetNames.get(it.street) ?? ''} · ${this.kindLabels[it.kind] ?? it.kind}`;
    th.append(a, meta);
    const cell = (text: string) => {
      const td = document.createElement('td');
      td.className = 'num';
      td.textContent = text;
      return td;
    };
    const respondents = r[9];
    tr.append(
      th,
      cell(formatInteger(r[5])),
      cell(formatInteger(r[6])),
      cell(formatMoney(r[7])),
      cell(r[8] !== null ? formatPercent(r[8]) : respondents !== null ? '样本不足' : '—'),
    );
    return tr;
  }

  private remember(q: DirectoryQuery): void {
    const params = new URLSearchParams();
    if (q.text.trim()) params.set('q', q.text.trim());
    if (q.street) params.set('street', q.street);
    if (q.kind) params.set('kind', q.kind);
    if (q.sort) params.set('sort', q.sort);
    const search = params.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }
}

customElements.define('community-directory', CommunityDirectory);
