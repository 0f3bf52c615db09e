/**
 * <community-directory>: search, filter and sort of the community directory (/communities/).
 *
 * Without JavaScript the page is already complete: the communities in a table grouped by street.
 * Each row carries what the search needs in data-* attributes (pinyin computed at build time, so
 * no dictionary is shipped).
 *  - data-mode="rows" (one page holds every community): this element only reorders and hides
 *    those rows.
 *  - data-mode="index" (the list is paged): on first use it loads the compact index
 *    (/communities/search.json) and shows the first RESULT_LIMIT matches among all communities
 *    instead of the page's rows; with an empty query the page's own rows come back.
 *
 * The state lives in the address (?q=&street=&kind=&sort=) so that a link reproduces the view.
 */
import {
  indexRowId,
  selectCommunities,
  SORT_KEYS,
  type DirectoryQuery,
  type SearchableCommunity,
  type SearchIndex,
  type SortKey,
} from '../lib/community-search.ts';
import { formatInteger, formatMoney, formatPercent } from '../lib/format.ts';

/** Rows drawn at most in index mode (the status line says how many matched). */
const RESULT_LIMIT = 200;

interface Item extends SearchableCommunity {
  id: string;
  /** Rows mode: the page's row. */
  row: HTMLTableRowElement | null;
  /** Index mode: the index row. */
  data: SearchIndex['rows'][number] | null;
}

function numberOrNull(v: string | undefined): number | null {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function isEmpty(q: DirectoryQuery): boolean {
  return q.text.trim() === '' && q.street === '' && q.kind === '' && q.sort === '';
}

class CommunityDirectory extends HTMLElement {
  private items: Item[] = [];
  private loading: Promise<void> | null = null;
  private indexMode = false;
  private input!: HTMLInputElement;
  private street!: HTMLSelectElement;
  private kind!: HTMLSelectElement;
  private sort!: HTMLSelectElement;
  private status!: HTMLElement;
  private initialStatus = '';
  private table!: HTMLTableElement;
  private flat!: HTMLTableSectionElement;
  private groups: { body: HTMLTableSectionElement; rows: HTMLTableRowElement[] }[] = [];
  private rowIndex = new Map<HTMLTableRowElement, number>();
  private kindLabels: Record<string, string> = {};
  private streetNames = new Map<string, string>();
  /** A street asked for in the address before the index (and so the options) arrived. */
  private pendingStreet = '';

  connectedCallback(): void {
    const q = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
    const form = q<HTMLFormElement>('form');
    this.input = q<HTMLInputElement>('input[name=q]');
    this.street = q<HTMLSelectElement>('select[name=street]');
    this.kind = q<HTMLSelectElement>('select[name=kind]');
    this.sort = q<HTMLSelectElement>('select[name=sort]');
    this.status = q<HTMLElement>('[data-status]');
    this.initialStatus = this.status.textContent ?? '';
    this.table = q<HTMLTableElement>('table');
    this.indexMode = this.dataset['mode'] === 'index';
    this.kindLabels = JSON.parse(this.dataset['kinds'] ?? '{}') as Record<string, string>;
    for (const o of this.street.options) if (o.value) this.streetNames.set(o.value, o.textContent ?? '');

    this.flat = document.createElement('tbody');
    this.flat.hidden = true;
    this.table.append(this.flat);
    this.readRows();

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
    if (this.indexMode) this.pendingStreet = params.get('street') ?? '';

    // Filters folded away on phones (unless the address set one), open on wider screens.
    const filters = this.querySelector<HTMLDetailsElement>('details[data-filters]');
    const filtered = this.street.value || this.kind.value || this.sort.value || this.pendingStreet;
    if (filters && (matchMedia('(min-width: 640px)').matches || filtered)) filters.open = true;
    form.hidden = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.update();
    });
    this.input.addEventListener('input', () => void this.update());
    for (const s of [this.street, this.kind, this.sort]) s.addEventListener('change', () => void this.update());
    if (this.indexMode) {
      // Load the index as soon as the reader shows an intent to search.
      this.input.addEventListener('focus', () => void this.ensureItems(), { once: true });
      filters?.addEventListener('toggle', () => void this.ensureItems(), { once: true });
    }
    if (params.toString() !== '') void this.update();
  }

  /** The page's rows, one tbody per street; in rows mode they are also the search items. */
  private readRows(): void {
    let order = 0;
    for (const body of this.table.querySelectorAll<HTMLTableSectionElement>('tbody[data-street]')) {
      const rows = [...body.querySelectorAll<HTMLTableRowElement>('tr[data-id]')];
      this.groups.push({ body, rows });
      if (this.indexMode) continue;
      const streetName = body.querySelector('th[scope=rowgroup] a')?.textContent?.trim() ?? '';
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
          streetName,
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

  /** Index mode: fetch /communities/search.json once; fill the street filter from it. */
  private ensureItems(): Promise<void> {
    if (!this.indexMode) return Promise.resolve();
    this.loading ??= (async () => {
      this.status.textContent = '正在载入全部社区的索引…';
      const response = await fetch(this.dataset['index']!);
      if (!response.ok) throw new Error(String(response.status));
      const index = (await response.json()) as SearchIndex;
      this.items = index.rows.map((r, order) => {
        const street = index.streets[r[3]]!;
        return {
          row: null,
          data: r,
          id: indexRowId(index, r),
          order,
          name: r[1],
          pinyin: r[2],
          street: street[0],
          streetName: street[1],
          kind: index.kinds[r[4]] ?? '',
          figures: { population: r[5], projects: r[6], expenditure: r[7], satisfaction: r[8] },
        };
      });
      const options = index.streets.map(([code, name, county]) => {
        const label = `${county} ${name}`;
        this.streetNames.set(code, label);
        return new Option(label, code);
      });
      this.street.append(...options);
      if (this.pendingStreet && this.streetNames.has(this.pendingStreet)) this.street.value = this.pendingStreet;
      this.pendingStreet = '';
      this.status.textContent = this.initialStatus;
    })().catch(() => {
      this.loading = null;
      this.status.textContent = '社区索引载入失败：请稍后再试，或按页浏览下面的名录。';
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
    for (const th of this.table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]')) {
      if (th.dataset['sort'] === q.sort) th.setAttribute('aria-sort', 'descending');
      else th.removeAttribute('aria-sort');
    }
    if (isEmpty(q)) {
      this.restoreRows();
      this.status.textContent = this.initialStatus;
      return;
    }
    if (this.items.length === 0) return;
    const picked = selectCommunities(this.items, q);
    if (this.indexMode) this.showResults(picked);
    else this.showRows(picked, q.text.trim() === '' && q.sort === '');
    const all = this.items.length;
    const shown = this.indexMode ? Math.min(picked.length, RESULT_LIMIT) : picked.length;
    this.status.textContent =
      picked.length === 0
        ? `没有找到符合条件的社区（共 ${formatInteger(all)} 个）`
        : `找到 ${formatInteger(picked.length)} 个社区（共 ${formatInteger(all)} 个）` +
          (shown < picked.length ? `,列出前 ${shown} 个` : '');
  }

  /** The page as it came from the server: every row, in street order. */
  private restoreRows(): void {
    this.flat.hidden = true;
    if (this.indexMode) this.flat.replaceChildren();
    for (const g of this.groups) {
      for (const row of g.rows) {
        g.body.append(row);
        row.hidden = false;
      }
      g.body.hidden = false;
    }
  }

  /** Rows mode: hide what does not match; grouped by street, or one ranked/sorted list. */
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

  /** Index mode: the first RESULT_LIMIT matches among all communities, in place of the page's rows. */
  private showResults(picked: number[]): void {
    for (const g of this.groups) g.body.hidden = true;
    this.flat.replaceChildren(...picked.slice(0, RESULT_LIMIT).map((i) => this.resultRow(this.items[i]!)));
    this.flat.hidden = false;
  }

  /** The same cells as the server-rendered rows (see components/CommunityDirectory.astro). */
  private resultRow(it: Item): HTMLTableRowElement {
    const r = it.data!;
    const tr = document.createElement('tr');
    tr.dataset['id'] = it.id;
    const th = document.createElement('th');
    th.scope = 'row';
    const a = document.createElement('a');
    a.href = `/communities/${encodeURIComponent(it.id)}/`;
    a.textContent = it.name;
    const meta = document.createElement('span');
    meta.textContent = `${this.streetNames.get(it.street) ?? ''} · ${this.kindLabels[it.kind] ?? it.kind}`;
    th.append(a, meta);
    const cell = (text: string) => {
      const td = document.createElement('td');
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
