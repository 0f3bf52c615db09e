/**
 * <community-compare> (/compare/?ids=a,b): loads each chosen community's summary
 * (/data/summary/<id>.json) and draws the comparison as tables, one column per community; adds
 * communities by name or pinyin (the directory's index, /communities/search.json, loaded on first
 * use) and removes them; the choice lives in the address.
 */
import { indexRowId, normalizeQuery, searchRank, type SearchIndex } from '../lib/community-search.ts';
import { idsSearch, MAX_COMPARED, MIN_COMPARED, parseIds, summaryUrl, type CommunitySummary } from '../lib/compare.ts';
import {
  formatDate,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPeriod,
  MISSING,
} from '../lib/format.ts';

interface Labels {
  kinds: Record<string, string>;
  sources: Record<string, string>;
  charitable: string[];
  profile: Record<string, string>;
  workforce: Record<string, string>;
  small: string;
}

const RESULT_LIMIT = 8;

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

type Cell = string | { text: string; href?: string; sub?: string };

/** One comparison table: a caption, the communities as columns, one row per measure. */
function table(caption: string, columns: readonly CommunitySummary[], rows: readonly [string, Cell[]][]): HTMLElement {
  const wrap = el('div', undefined, 'table-scroll mt-2');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', caption);
  const t = el('table');
  t.append(el('caption', caption));
  const head = el('tr');
  const corner = el('th', '项目');
  corner.scope = 'col';
  head.append(corner);
  for (const c of columns) {
    const th = el('th');
    th.scope = 'col';
    const a = el('a', c.name);
    a.href = `/communities/${c.id}/`;
    th.append(a);
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const [label, cells] of rows) {
    const tr = el('tr');
    const th = el('th', label, 'bg-paper font-normal min-w-[6.5em]');
    th.scope = 'row';
    tr.append(th);
    for (const cell of cells) {
      const td = el('td', undefined, 'num min-w-[6em]');
      if (typeof cell === 'string') td.textContent = cell;
      else if (cell.href) {
        const a = el('a', cell.text);
        a.href = cell.href;
        td.append(a);
      } else td.textContent = cell.text;
      if (typeof cell !== 'string' && cell.sub) td.append(el('span', cell.sub, 'block text-sm text-muted'));
      tr.append(td);
    }
    tbody.append(tr);
  }
  t.append(thead, tbody);
  wrap.append(t);
  return wrap;
}

function section(id: string, title: string, ...content: Node[]): HTMLElement {
  const s = el('section', undefined, 'mt-6');
  s.setAttribute('aria-labelledby', `${id}-h`);
  const h = el('h2', title);
  h.id = `${id}-h`;
  s.append(h, ...content);
  return s;
}

class CommunityCompare extends HTMLElement {
  private labels!: Labels;
  private ids: string[] = [];
  private readonly summaries = new Map<string, Promise<CommunitySummary | null>>();
  private index: Promise<SearchIndex> | null = null;
  private status!: HTMLElement;
  private tables!: HTMLElement;
  private chosen!: HTMLElement;
  private results!: HTMLElement;
  private input!: HTMLInputElement;
  private drawId = 0;

  connectedCallback(): void {
    this.labels = JSON.parse(this.dataset['labels'] ?? '{}') as Labels;
    this.status = this.querySelector('[data-role=status]')!;
    this.tables = this.querySelector('[data-role=tables]')!;
    this.chosen = this.querySelector('[data-role=chosen]')!;
    this.results = this.querySelector('[data-role=results]')!;
    this.input = this.querySelector('input[type=search]')!;
    this.querySelector<HTMLElement>('[data-role=picker]')!.hidden = false;
    this.input.addEventListener('focus', () => void this.searchIndex().catch(() => undefined), { once: true });
    this.input.addEventListener('input', () => void this.search());
    this.ids = parseIds(location.search);
    void this.draw();
  }

  private summary(id: string): Promise<CommunitySummary | null> {
    let p = this.summaries.get(id);
    if (!p) {
      p = fetch(summaryUrl(id))
        .then((r) => (r.ok ? (r.json() as Promise<CommunitySummary>) : null))
        .catch(() => null);
      this.summaries.set(id, p);
    }
    return p;
  }

  private searchIndex(): Promise<SearchIndex> {
    this.index ??= fetch('/communities/search.json').then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<SearchIndex>;
    });
    return this.index;
  }

  private setIds(ids: string[]): void {
    this.ids = ids;
    history.replaceState(history.state, '', `${location.pathname}${idsSearch(ids)}${location.hash}`);
    void this.draw();
  }

  private async search(): Promise<void> {
    const query = normalizeQuery(this.input.value);
    if (!query) {
      this.results.replaceChildren();
      return;
    }
    let index: SearchIndex;
    try {
      index = await this.searchIndex();
    } catch {
      this.results.replaceChildren(el('li', '社区列表加载失败,请稍后再试。'));
      return;
    }
    if (normalizeQuery(this.input.value) !== query) return;
    const matches = index.rows
      .map((row) => ({ row, rank: searchRank(query, row[1], row[2]) }))
      .filter((m): m is { row: SearchIndex['rows'][number]; rank: number } => m.rank !== null)
      .sort((a, b) => a.rank - b.rank || indexRowId(index, a.row).localeCompare(indexRowId(index, b.row)))
      .slice(0, RESULT_LIMIT);
    const full = this.ids.length >= MAX_COMPARED;
    this.results.replaceChildren(
      ...(matches.length === 0
        ? [el('li', '没有找到这个社区。')]
        : matches.map(({ row }) => {
            const id = indexRowId(index, row);
            const [, name, , street] = row;
            const li = el('li');
            const chosen = this.ids.includes(id);
            const b = el(
              'button',
              `${chosen ? '已选' : '添加'} ${name}(${index.streets[street]?.[1] ?? ''})`,
              'rounded border border-line bg-paper px-3 py-1 text-left',
            );
            b.type = 'button';
            b.disabled = chosen || full;
            b.addEventListener('click', () => {
              this.input.value = '';
              this.results.replaceChildren();
              this.setIds([...this.ids, id]);
              this.input.focus();
            });
            li.append(b);
            return li;
          })),
    );
    if (full) this.results.prepend(el('li', `最多比较 ${MAX_COMPARED} 个社区,请先移除一个。`, 'text-muted'));
  }

  private async draw(): Promise<void> {
    const id = ++this.drawId;
    this.status.textContent = this.ids.length
      ? '正在加载…'
      : `请在上面搜索并添加 ${MIN_COMPARED}–${MAX_COMPARED} 个社区。`;
    const loaded = await Promise.all(this.ids.map((i) => this.summary(i)));
    if (id !== this.drawId) return;
    const missing = this.ids.filter((_, i) => loaded[i] === null);
    const found = loaded.filter((s): s is CommunitySummary => s !== null);
    this.renderChosen(found, missing);
    const notes: string[] = [];
    if (missing.length) notes.push(`找不到社区代码 ${missing.join('、')}。`);
    if (found.length === 1) notes.push(`再添加至少 1 个社区即可并排比较。`);
    if (found.length >= 1) notes.push(`正在比较 ${found.length} 个社区。`);
    if (this.ids.length) this.status.textContent = notes.join('');
    this.tables.replaceChildren(...(found.length ? this.render(found) : []));
    document.title = found.length ? `${found.map((s) => s.name).join(' · ')} · 社区对比` : document.title;
  }

  private renderChosen(found: CommunitySummary[], missing: string[]): void {
    const items = [...found.map((s) => [s.id, s.name] as const), ...missing.map((m) => [m, m] as const)];
    this.chosen.replaceChildren(
      ...(items.length === 0
        ? [el('li', '(还没有选择)', 'text-muted')]
        : items.map(([sid, name]) => {
            const li = el(
              'li',
              undefined,
              'inline-flex items-center gap-1 rounded border border-line bg-paper px-2 py-1',
            );
            li.append(el('span', name));
            const b = el('button', '×', 'px-2 font-bold');
            b.type = 'button';
            b.setAttribute('aria-label', `移除 ${name}`);
            b.addEventListener('click', () => this.setIds(this.ids.filter((i) => i !== sid)));
            li.append(b);
            return li;
          })),
    );
  }

  private render(list: CommunitySummary[]): HTMLElement[] {
    const L = this.labels;
    const each = (f: (s: CommunitySummary) => Cell): Cell[] => list.map(f);
    const profile = table('基本情况', list, [
      [L.profile['street_name'] ?? '街道', each((s) => ({ text: s.street[1], href: `/streets/${s.street[0]}/` }))],
      [L.profile['kind'] ?? '类型', each((s) => L.kinds[s.kind] ?? s.kind)],
      [L.profile['resident_population'] ?? '', each((s) => formatInteger(s.profile.resident_population))],
      [L.profile['registered_population'] ?? '', each((s) => formatInteger(s.profile.registered_population))],
      [L.profile['households'] ?? '', each((s) => formatInteger(s.profile.households))],
      [L.profile['area_km2'] ?? '', each((s) => formatNumber(s.profile.area_km2))],
      [L.profile['grids'] ?? '', each((s) => formatInteger(s.profile.grids))],
      [L.profile['as_of'] ?? '', each((s) => formatDate(s.asOf))],
    ]);
    const f = (s: CommunitySummary) => s.forces;
    const forces = table('五社联动(社工、志愿者为最近一期统计)', list, [
      ['统计期', each((s) => formatPeriod(f(s).workforcePeriod))],
      [L.workforce['social_workers_certified'] ?? '持证社工', each((s) => formatInteger(f(s).socialWorkers))],
      [L.workforce['community_workers'] ?? '社区工作者', each((s) => formatInteger(f(s).communityWorkers))],
      ['在本社区活动的组织', each((s) => formatInteger(f(s).organizations))],
      [L.workforce['volunteers_registered'] ?? '注册志愿者', each((s) => formatInteger(f(s).volunteers))],
      [`${L.workforce['volunteer_hours'] ?? '志愿服务时长'}(小时)`, each((s) => formatNumber(f(s).volunteerHours))],
      ['项目(其中实施中)', each((s) => `${formatInteger(f(s).projects)}(${formatInteger(f(s).ongoingProjects)})`)],
      ['社会公益慈善资源收入', each((s) => formatMoney(f(s).charitableAmount))],
      ['慈善资源占收入', each((s) => formatPercent(f(s).charitableShare))],
    ]);

    const sources = [...new Set(list.flatMap((s) => s.money.bySource.map(([code]) => code)))];
    const order = Object.keys(L.sources);
    sources.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const amountOf = (s: CommunitySummary, code: string) => s.money.bySource.find(([c]) => c === code)?.[1] ?? 0;
    const moneyRows: [string, Cell[]][] = [
      ['年份', each((s) => (s.money.firstYear === null ? MISSING : `${s.money.firstYear}—${s.money.lastYear}年`))],
      ['收入合计', each((s) => formatMoney(s.money.income))],
      ['支出合计', each((s) => formatMoney(s.money.expenditure))],
      ...sources.map(
        (code) =>
          [
            `${L.sources[code] ?? code}${L.charitable.includes(code) ? '(慈善资源)' : ''}`,
            each((s) => {
              const amount = amountOf(s, code);
              return amount === 0
                ? MISSING
                : {
                    text: formatMoney(amount),
                    sub: formatPercent(s.money.income > 0 ? amount / s.money.income : null),
                  };
            }),
          ] as [string, Cell[]],
      ),
    ];
    const money = table('收入来源(各年合计;小字为占收入的比例)', list, moneyRows);

    const periods = new Map<string, string>();
    for (const s of list) for (const p of s.satisfaction) periods.set(p[0], p[1]);
    const ordered = [...periods].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([p]) => p);
    const satRows: [string, Cell[]][] = ordered.map((period) => [
      formatPeriod(period),
      each((s) => {
        const point = s.satisfaction.find((p) => p[0] === period);
        if (!point) return MISSING;
        const [, , respondents, , rate, low, high] = point;
        if (rate === null) return { text: L.small, sub: `${formatInteger(respondents)}人` };
        const interval = low !== null && high !== null ? ` · ${formatPercent(low)}–${formatPercent(high)}` : '';
        return { text: formatPercent(rate), sub: `${formatInteger(respondents)}人${interval}` };
      }),
    ]);
    const satisfaction = satRows.length
      ? table('各期总体满意度(满意人数 ÷ 有效样本;小字为样本人数和95%区间)', list, satRows)
      : el('p', '所选社区没有社区满意度调查。', 'mt-2');

    return [
      section('profile', '基本情况', profile),
      section('forces', '五社联动', forces),
      section('money', '资金来源', money),
      section('satisfaction', '满意度变化', satisfaction),
    ];
  }
}

customElements.define('community-compare', CommunityCompare);
