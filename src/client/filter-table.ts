/**
 * <filter-table> (markup in components/FilterBar.astro). Static mode: filters the rows already in
 * the page by their data-* attributes: no DuckDB, a few kilobytes. Query mode (long city-wide
 * lists): the page holds the first rows only; once a filter is set, ./filter-query.ts (loaded on
 * demand, with DuckDB-wasm; registered by ./filter-query-mode.ts on those pages only) queries the
 * whole table and pages the result.
 *
 * Either way the filters live in the address, so a reload or a shared link shows the same rows,
 * and the download holds exactly the rows the filters let through.
 */
import { toCsv } from '../lib/csv.ts';
import {
  FILTER_FIELDS,
  isEmpty,
  readFilterState,
  rowMatches,
  writeFilterState,
  type FilterState,
  type ListKind,
} from '../lib/filter-state.ts';
import { downloadName, downloadText } from './download.ts';
import type { QueryList } from './filter-query.ts';

type QueryModule = { createQueryList(host: FilterTable): Promise<QueryList> };
let provideQueryModule: (load: () => Promise<QueryModule>) => void = () => undefined;
const queryModule = new Promise<() => Promise<QueryModule>>((resolve) => (provideQueryModule = resolve));

/**
 * Query mode is switched on by the pages that need it (src/client/filter-query-mode.ts), so this
 * module, which every community page loads, holds no path at all to DuckDB-wasm.
 */
export function enableQueryMode(load: () => Promise<QueryModule>): void {
  provideQueryModule(load);
}

const integer = new Intl.NumberFormat('zh-CN');

/** The text of a cell as it reads on screen (blocks become spaces). */
export function cellReading(cell: HTMLElement): string {
  return (cell.innerText || cell.textContent || '').replace(/\s+/g, ' ').trim();
}

export class FilterTable extends HTMLElement {
  kind: ListKind = 'projects';
  key = '';
  fields: readonly string[] = [];
  form!: HTMLFormElement;
  table: HTMLTableElement | null = null;
  rows: HTMLTableRowElement[] = [];
  private countLine!: HTMLElement;
  private note!: HTMLElement;
  private query: Promise<QueryList> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    this.kind = (this.dataset['kind'] as ListKind) ?? 'projects';
    this.key = this.dataset['key'] ?? '';
    this.fields = FILTER_FIELDS[this.kind];
    this.form = this.querySelector('form[data-role=filters]')!;
    this.countLine = this.querySelector('[data-role=count]')!;
    this.note = this.querySelector('[data-role=note]')!;
    this.table = this.querySelector('table');
    this.rows = this.table ? [...this.table.tBodies].flatMap((b) => [...b.rows]) : [];
    // Nothing to filter (an empty list, and no query mode): the bar stays hidden.
    if (!this.form || (this.rows.length === 0 && !this.queryMode)) return;
    this.fillOptions();
    const initial = readFilterState(location.search, this.key, this.fields);
    this.setControls(initial);
    this.form.hidden = false;
    // Open where there is room, or when the address already sets filters; folded on phones.
    const details = this.form.querySelector('details');
    if (details && (!isEmpty(initial) || matchMedia('(min-width: 640px)').matches)) details.open = true;

    this.form.addEventListener('submit', (event) => event.preventDefault());
    this.form.addEventListener('change', () => this.update());
    this.form.addEventListener('input', (event) => {
      if ((event.target as HTMLElement).tagName !== 'INPUT') return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), 400);
    });
    this.form.addEventListener('reset', () => setTimeout(() => this.update(), 0));
    this.querySelector('[data-action=download]')?.addEventListener('click', () => void this.download());
    void this.apply(this.state());
  }

  get queryMode(): boolean {
    return this.dataset['mode'] === 'query';
  }

  /** Years and operators that occur in the rows, when the page did not list them. */
  private fillOptions(): void {
    const fill = (name: string, entries: [string, string][]) => {
      const select = this.form.elements.namedItem(name);
      if (!(select instanceof HTMLSelectElement) || select.options.length > 1) return;
      for (const [value, text] of entries) select.append(new Option(text, value));
    };
    const years = [...new Set(this.rows.map((r) => r.dataset['year'] ?? '').filter(Boolean))].sort().reverse();
    fill(
      'year',
      years.map((y) => [y, `${y}年`]),
    );
    if (this.kind === 'projects') {
      const names = new Map<string, string>();
      for (const r of this.rows) {
        const id = r.dataset['operator'];
        if (!id || names.has(id)) continue;
        const link = r.querySelector<HTMLAnchorElement>(
          `a[href*="/organizations/${CSS.escape(encodeURIComponent(id))}/"]`,
        );
        names.set(id, link?.textContent?.trim() || id);
      }
      fill(
        'operator',
        [...names].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN')),
      );
    }
  }

  state(): FilterState {
    const state: FilterState = {};
    for (const field of this.fields) {
      const control = this.form.elements.namedItem(field);
      if (control instanceof HTMLSelectElement || control instanceof HTMLInputElement) {
        if (control.value.trim()) state[field] = control.value.trim();
      }
    }
    return state;
  }

  private setControls(state: FilterState): void {
    for (const field of this.fields) {
      const control = this.form.elements.namedItem(field);
      if (control instanceof HTMLSelectElement) {
        const value = state[field] ?? '';
        // A value from an old link that is not offered any more: offer it, so the address holds.
        if (value && ![...control.options].some((o) => o.value === value)) control.append(new Option(value, value));
        control.value = value;
      } else if (control instanceof HTMLInputElement) control.value = state[field] ?? '';
    }
  }

  private update(): void {
    const state = this.state();
    const search = writeFilterState(location.search, this.key, this.fields, state);
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    void this.apply(state);
  }

  setCount(text: string): void {
    this.countLine.textContent = text;
  }

  setNote(text: string): void {
    this.note.textContent = text;
    this.note.hidden = !text;
  }

  private async apply(state: FilterState): Promise<void> {
    const unit = this.dataset['unit'] ?? '条';
    if (this.queryMode && (!isEmpty(state) || this.query)) {
      const list = await this.queryList();
      if (list) await list.show(state);
      return;
    }
    let shown = 0;
    for (const row of this.rows) {
      const pass = rowMatches(state, row.dataset);
      row.hidden = !pass;
      if (pass) shown++;
    }
    this.setCount(`显示 ${integer.format(shown)} / ${integer.format(this.rows.length)} ${unit}`);
    if (this.queryMode) {
      const total = Number(this.dataset['total'] ?? this.rows.length);
      this.setNote(
        `这里列出最新的 ${integer.format(this.rows.length)} ${unit}(共 ${integer.format(total)} ${unit});设置筛选条件后将在全部数据中查询。`,
      );
    }
  }

  private queryList(): Promise<QueryList | null> {
    this.query ??= queryModule.then((load) => load()).then((m) => m.createQueryList(this));
    return this.query.catch((error: unknown) => {
      this.query = null;
      this.setNote(error instanceof Error ? error.message : String(error));
      return null;
    });
  }

  private async download(): Promise<void> {
    if (this.queryMode && this.query) {
      const list = await this.queryList();
      if (list) await list.download(this.state());
      return;
    }
    if (!this.table) return;
    const header = [...this.table.querySelectorAll<HTMLElement>('thead th')].map(cellReading);
    const rows = this.rows.filter((r) => !r.hidden).map((r) => [...r.cells].map(cellReading));
    downloadText(
      downloadName(this.dataset['download'] ?? this.kind, 'csv'),
      toCsv(header, rows),
      'text/csv;charset=utf-8',
    );
  }
}

customElements.define('filter-table', FilterTable);
