/**
 * <sql-explorer>: the SQL console of /explore/. Without JavaScript the page already shows every
 * example question with its answer (computed at build time); this element runs the reader's own
 * SQL with DuckDB-wasm (src/db/browser.ts, loaded on first use), keeps the query in the address
 * (?sql=…, so a link reproduces it), shows the result one page at a time (the whole result stays
 * in the worker: a million rows cost the page 100), sorts, charts and downloads it.
 */
import type { BrowserDatabase, LoadProgress, QueryResult } from '../db/browser.ts';
import { formatSize, STATIC_FALLBACK_TEXT, type BrowserTable } from '../db/browser-support.ts';
import type { SqlRow } from '../db/types.ts';
import { toCsv } from '../lib/csv.ts';
import { cellText, chartShape, exploreUrl, isNumericType, sqlFromSearch, type ChartShape } from '../lib/explore.ts';
import { downloadName, downloadText, nextFrame } from './download.ts';

export const PAGE_SIZE = 100;
/** Rows fetched per batch when a download gathers the whole result. */
const DOWNLOAD_BATCH = 20_000;
/** Charts draw at most this many rows. */
const CHART_MAX_ROWS = 2_000;

type Sort = { column: string; descending: boolean } | null;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const integer = new Intl.NumberFormat('zh-CN');

class SqlExplorer extends HTMLElement {
  private tables: BrowserTable[] = [];
  private db: Promise<BrowserDatabase> | null = null;
  private result: QueryResult | null = null;
  private offset = 0;
  private sort: Sort = null;
  private runId = 0;
  private lastSql = '';

  private textarea!: HTMLTextAreaElement;
  private status!: HTMLElement;
  private errorBox!: HTMLElement;
  private errorText!: HTMLElement;
  private resultSection!: HTMLElement;
  private summary!: HTMLElement;
  private table!: HTMLTableElement;
  private pager!: HTMLElement;
  private chartBox!: HTMLElement;

  connectedCallback(): void {
    this.tables = JSON.parse(this.dataset['tables'] ?? '[]') as BrowserTable[];
    const q = <T extends Element>(selector: string) => this.querySelector<T & Element>(selector)!;
    this.textarea = q<HTMLTextAreaElement>('textarea');
    this.status = q('[data-role=status]');
    this.errorBox = q('[data-role=error]');
    this.errorText = q('[data-role=error-text]');
    this.resultSection = q('[data-role=result]');
    this.summary = q('[data-role=summary]');
    this.table = q('[data-role=table]');
    this.pager = q('[data-role=pager]');
    this.chartBox = q('[data-role=chart]');

    q<HTMLFormElement>('form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run(this.textarea.value);
    });
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run(this.textarea.value);
      }
    });
    // Start fetching the engine as soon as the reader shows intent to query.
    this.textarea.addEventListener('focus', () => void this.database().catch(() => undefined), { once: true });
    q('[data-action=csv]').addEventListener('click', () => void this.download('csv'));
    q('[data-action=json]').addEventListener('click', () => void this.download('json'));
    q('[data-action=copy-link]').addEventListener('click', () => void this.copyLink());
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-js-only]')) hidden.hidden = false;

    // "运行此查询" of each example: the link works without JavaScript; here it runs in place.
    document.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-run-sql]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey)
        return;
      event.preventDefault();
      this.textarea.value = link.dataset['runSql'] ?? '';
      this.scrollIntoView({ block: 'start' });
      void this.run(this.textarea.value);
    });

    const fromAddress = sqlFromSearch(location.search);
    if (fromAddress) {
      this.textarea.value = fromAddress;
      void this.run(fromAddress, false);
    }
  }

  private database(): Promise<BrowserDatabase> {
    this.db ??= import('../db/browser.ts')
      .then((m) => m.openBrowserDatabase({ tables: this.tables, onProgress: (p) => this.progress(p) }))
      .catch((error: unknown) => {
        this.db = null;
        throw error;
      });
    return this.db;
  }

  private progress(p: LoadProgress): void {
    if (p.stage === 'engine') {
      const total = p.total ? ` / ${formatSize(p.total)}` : '';
      this.setStatus(`正在下载查询引擎:${formatSize(p.loaded)}${total}(只在第一次下载,之后由浏览器缓存)…`);
    } else if (p.stage === 'table') {
      const total = p.total ? ` / ${formatSize(p.total)}` : '';
      this.setStatus(`正在下载数据表 ${p.table}(${p.label}):${formatSize(p.loaded)}${total}…`);
    }
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  /** DuckDB's message goes in a <pre> (its caret points at the error); explanations wrap. */
  private showError(title: string, sqlMessage: string | null, note = ''): void {
    this.errorBox.hidden = false;
    this.errorBox.querySelector('[data-role=error-title]')!.textContent = title;
    this.errorText.textContent = sqlMessage ?? '';
    this.errorText.hidden = sqlMessage === null;
    this.errorBox.querySelector('[data-role=error-note]')!.textContent = note;
  }

  async run(sql: string, updateAddress = true): Promise<void> {
    const id = ++this.runId;
    this.lastSql = sql;
    if (updateAddress) history.replaceState(history.state, '', exploreUrl(sql) + location.hash);
    this.errorBox.hidden = true;
    this.setStatus('正在准备查询引擎…');
    this.setAttribute('aria-busy', 'true');
    try {
      const db = await this.database();
      if (id !== this.runId) return;
      this.setStatus('正在查询…');
      const result = await db.execute(sql);
      if (id !== this.runId) return;
      this.result = result;
      this.offset = 0;
      this.sort = null;
      await this.renderPage();
      const seconds = (result.elapsedMs / 1000).toFixed(2);
      this.setStatus(`查询完成:共 ${integer.format(result.rowCount)} 行,用时 ${seconds} 秒。`);
      void this.renderChart(id);
    } catch (error) {
      if (id !== this.runId) return;
      const name = (error as Error | null)?.name;
      const message = error instanceof Error ? error.message : String(error);
      this.resultSection.hidden = true;
      if (name === 'UnsupportedError') {
        this.setStatus('');
        this.showError('无法在本浏览器中运行查询', null, `${message}${STATIC_FALLBACK_TEXT}`);
      } else if (name === 'QueryError') {
        this.setStatus('查询出错,请修改后再运行。');
        this.showError('DuckDB 报错:', message);
      } else {
        this.setStatus('');
        this.showError('查询失败', null, `${message}。${STATIC_FALLBACK_TEXT}`);
      }
    } finally {
      if (id === this.runId) this.removeAttribute('aria-busy');
    }
  }

  private async renderPage(): Promise<void> {
    const result = this.result;
    if (!result) return;
    const rows = await result.page({ offset: this.offset, limit: PAGE_SIZE, sort: this.sort });
    if (result !== this.result) return;
    this.resultSection.hidden = false;
    const first = result.rowCount === 0 ? 0 : this.offset + 1;
    const last = this.offset + rows.length;
    this.summary.textContent =
      `共 ${integer.format(result.rowCount)} 行 × ${result.columns.length} 列` +
      (result.rowCount > 0 ? `,显示第 ${integer.format(first)}–${integer.format(last)} 行` : '') +
      (result.truncated ? `(这类语句的结果只保留前 ${integer.format(result.rowCount)} 行)` : '') +
      '。';
    this.renderTable(rows);
    this.renderPager();
  }

  private renderTable(rows: SqlRow[]): void {
    const result = this.result!;
    const caption = el('caption', `查询结果(第 ${integer.format(this.offset / PAGE_SIZE + 1)} 页)`);
    const headRow = el('tr');
    for (const column of result.columns) {
      const th = el('th');
      th.scope = 'col';
      if (isNumericType(column.type)) th.className = 'num';
      const button = el('button', column.name, 'sort-button');
      button.type = 'button';
      button.title = `${column.type}:点击排序`;
      const sorted = this.sort?.column === column.name;
      th.setAttribute('aria-sort', sorted ? (this.sort!.descending ? 'descending' : 'ascending') : 'none');
      if (sorted) button.append(el('span', this.sort!.descending ? ' ▼' : ' ▲'));
      button.addEventListener('click', () => {
        this.sort = !sorted
          ? { column: column.name, descending: false }
          : this.sort!.descending
            ? null
            : { column: column.name, descending: true };
        this.offset = 0;
        void this.renderPage();
      });
      th.append(button);
      headRow.append(th);
    }
    const tbody = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      for (const column of result.columns) {
        const value = row[column.name] ?? null;
        const td = el('td', cellText(value));
        if (isNumericType(column.type)) td.className = 'num';
        if (value === null) td.classList.add('null');
        tr.append(td);
      }
      tbody.append(tr);
    }
    const thead = el('thead');
    thead.append(headRow);
    this.table.replaceChildren(caption, thead, tbody);
  }

  private renderPager(): void {
    const result = this.result!;
    const pages = Math.max(1, Math.ceil(result.rowCount / PAGE_SIZE));
    const page = Math.floor(this.offset / PAGE_SIZE) + 1;
    if (pages <= 1) {
      this.pager.replaceChildren();
      return;
    }
    const go = (p: number) => {
      this.offset = (Math.min(Math.max(p, 1), pages) - 1) * PAGE_SIZE;
      void this.renderPage();
    };
    const button = (label: string, target: number, disabled: boolean) => {
      const b = el('button', label, 'pager-button');
      b.type = 'button';
      b.disabled = disabled;
      b.addEventListener('click', () => go(target));
      return b;
    };
    const label = el('label', '页码 ');
    const input = el('input');
    input.type = 'number';
    input.min = '1';
    input.max = String(pages);
    input.value = String(page);
    input.className = 'w-24 rounded border border-line px-2 py-1';
    input.addEventListener('change', () => go(Number(input.value) || 1));
    label.append(input, ` / ${integer.format(pages)}`);
    this.pager.replaceChildren(
      button('首页', 1, page === 1),
      button('上一页', page - 1, page === 1),
      label,
      button('下一页', page + 1, page === pages),
      button('末页', pages, page === pages),
    );
  }

  /** Every row of the result, in the order shown, fetched from the worker in batches. */
  private async allRows(onProgress: (done: number) => void): Promise<SqlRow[]> {
    const result = this.result!;
    const rows: SqlRow[] = [];
    for (let offset = 0; offset < result.rowCount; offset += DOWNLOAD_BATCH) {
      rows.push(...(await result.page({ offset, limit: DOWNLOAD_BATCH, sort: this.sort })));
      onProgress(rows.length);
      await nextFrame();
    }
    return rows;
  }

  private async download(format: 'csv' | 'json'): Promise<void> {
    const result = this.result;
    if (!result) return;
    const rows = await this.allRows((done) =>
      this.setStatus(`正在准备下载:${integer.format(done)} / ${integer.format(result.rowCount)} 行…`),
    );
    const names = result.columns.map((c) => c.name);
    if (format === 'csv') {
      downloadText(
        downloadName('query', 'csv'),
        toCsv(
          names,
          rows.map((r) => names.map((n) => r[n] ?? null)),
        ),
        'text/csv;charset=utf-8',
      );
    } else {
      downloadText(downloadName('query', 'json'), JSON.stringify(rows, null, 1), 'application/json');
    }
    this.setStatus(`已下载 ${integer.format(rows.length)} 行(${format.toUpperCase()})。`);
  }

  private async copyLink(): Promise<void> {
    const url = new URL(exploreUrl(this.textarea.value), location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      this.setStatus('已复制本查询的链接:打开它会重新运行同样的查询。');
    } catch {
      history.replaceState(history.state, '', url);
      this.setStatus('本查询的链接已在地址栏中,可以复制分享。');
    }
  }

  private async renderChart(id: number): Promise<void> {
    const result = this.result!;
    this.chartBox.replaceChildren();
    this.chartBox.hidden = true;
    if (result.rowCount === 0 || result.rowCount > CHART_MAX_ROWS) return;
    const rows = await result.page({ offset: 0, limit: CHART_MAX_ROWS, sort: null });
    const shape: ChartShape | null = chartShape(result.columns, rows);
    if (!shape || id !== this.runId) return;
    try {
      const { drawChart } = await import('./explore-chart.ts');
      if (id !== this.runId) return;
      drawChart(this.chartBox, result.columns, rows, shape);
      this.chartBox.hidden = false;
    } catch {
      // A chart is a bonus: the table above carries every number.
    }
  }

  /** For tests and the address: the query last run. */
  get currentSql(): string {
    return this.lastSql;
  }
}

customElements.define('sql-explorer', SqlExplorer);
