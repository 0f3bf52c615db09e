/**
 * Rules over typed rows: keys, foreign keys, the cross-field rules of data standard §2 and the
 * warnings of §4. A rule only looks at cells that parsed cleanly, so one bad cell is reported once
 * and does not set off a cascade of follow-on errors.
 */
import { SCALE_MAX_VALUES, tableByName, type TableDef, type TableName } from '../schema/index.ts';
import type { HeaderColumn } from '../ingest/headers.ts';
import { fieldTitle } from '../ingest/headers.ts';
import { isValidUscc, usccCheckChar } from './identifiers.ts';
import type { Issue, Severity } from './issues.ts';
import { showValue } from './personal-data.ts';
import type { CellValue } from './cells.ts';

export type TypedRow = Record<string, CellValue>;

/** One table after cell parsing: typed rows plus, per row, a bit per field whose cell was bad. */
export interface TableData {
  def: TableDef;
  file: string;
  headers: Record<string, HeaderColumn>;
  /** Spreadsheet row number of each row. */
  rowNumbers: number[];
  rows: TypedRow[];
  /** Bit `fieldBit[f]` set when field f of the row did not parse (all bits for a ragged row). */
  bad: Uint32Array;
  fieldBit: Record<string, number>;
  /** Raw trimmed primary-key text of ragged rows, so that references to them still resolve. */
  raggedKeys: string[];
}

/** The key values of a single-key table (a Map of key → first row serves). */
export interface KeySet {
  has(key: string): boolean;
}

export interface RuleContext {
  tables: Partial<Record<TableName, TableData>>;
  report: (issue: Issue) => void;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Whether `fields` of row i all parsed cleanly. */
function clean(t: TableData, i: number, ...fields: string[]): boolean {
  const m = t.bad[i]!;
  if (m === 0) return true;
  for (const f of fields) if (m & t.fieldBit[f]!) return false;
  return true;
}

function issue(severity: Severity, t: TableData, i: number, field: string, rule: string, message: string): Issue {
  const h = t.headers[field];
  const out: Issue = { severity, file: t.file, row: t.rowNumbers[i]!, field, rule, message };
  if (h) out.column = h.header;
  return out;
}

function str(v: CellValue): string {
  return v === null ? '' : String(v);
}

function tableTitle(def: TableDef): string {
  return `${def.label}表(${def.name})`;
}

/** Cents → `1,234.50`. */
export function yuan(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const int = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function cents(v: CellValue): number {
  return Math.round((v as number) * 100);
}

const KEY_SEP = '\u001f';

function keyOf(row: TypedRow, fields: readonly string[]): string | null {
  if (fields.length === 1) {
    const v = row[fields[0]!];
    return v === null || v === undefined ? null : String(v);
  }
  let k = '';
  for (let j = 0; j < fields.length; j++) {
    const v = row[fields[j]!];
    if (v === null || v === undefined) return null;
    k += j === 0 ? String(v) : KEY_SEP + String(v);
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// Keys

/**
 * Primary keys are unique (composite keys too). Returns, per single-key table, the set of its key
 * values, for the foreign-key check.
 */
export function checkPrimaryKeys(ctx: RuleContext): Map<TableName, KeySet> {
  const keySets = new Map<TableName, KeySet>();
  for (const [name, t] of Object.entries(ctx.tables) as [TableName, TableData][]) {
    const pk = t.def.primaryKey;
    let pkBits = 0;
    for (const f of pk) pkBits |= t.fieldBit[f]!;
    // One hash operation per row: a Set, whose size does not grow on a duplicate. Where the first
    // occurrence was is only looked up when there is a duplicate.
    // A two-field key is kept as a Set per first value: no key strings to build and hash.
    const seen = new Set<string>();
    const pairs = pk.length === 2 ? new Map<string, Set<string>>() : null;
    const [f0, f1] = pk as readonly [string, string?];
    let firstRow: Map<string, number> | null = null;
    const { rows, bad } = t;
    for (let i = 0; i < rows.length; i++) {
      if ((bad[i]! & pkBits) !== 0) continue;
      const row = rows[i]!;
      if (pairs !== null) {
        const a = row[f0];
        const b = row[f1!];
        if (a === null || a === undefined || b === null || b === undefined) continue;
        let inner = pairs.get(String(a));
        if (inner === undefined) pairs.set(String(a), (inner = new Set()));
        const before = inner.size;
        inner.add(String(b));
        if (inner.size !== before) continue;
      } else {
        const k = keyOf(row, pk);
        if (k === null) continue;
        const before = seen.size;
        seen.add(k);
        if (seen.size !== before) continue;
      }
      const k = keyOf(row, pk)!;
      if (firstRow === null) {
        firstRow = new Map();
        for (let j = 0; j < rows.length; j++) {
          if ((bad[j]! & pkBits) !== 0) continue;
          const kj = keyOf(rows[j]!, pk);
          if (kj !== null && !firstRow.has(kj)) firstRow.set(kj, t.rowNumbers[j]!);
        }
      }
      const shown = pk.map((f) => showValue(str(rows[i]![f]!))).join(' + ');
      const what = pk.length === 1 ? fieldTitle(t.def, pk[0]!) : `(${pk.map((f) => fieldTitle(t.def, f)).join(', ')})`;
      const field = pk[pk.length - 1]!;
      ctx.report(issue('error', t, i, field, 'pk-duplicate', `${what} ${shown} 重复:已在第 ${firstRow.get(k)} 行出现`));
    }
    if (pk.length === 1) {
      for (const k of t.raggedKeys) seen.add(k);
      keySets.set(name, seen);
    }
  }
  return keySets;
}

/** Every foreign key resolves; a reference to an optional table that is absent is an error too. */
export function checkForeignKeys(ctx: RuleContext, keySets: Map<TableName, KeySet>): void {
  for (const t of Object.values(ctx.tables) as TableData[]) {
    for (const [field, def] of Object.entries(t.def.fields)) {
      const ref = def.references;
      if (!ref) continue;
      const target = ctx.tables[ref.table as TableName];
      const keys = keySets.get(ref.table as TableName);
      const { rows, bad } = t;
      const bit = t.fieldBit[field]!;
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i]![field];
        if (v === null || v === undefined || (bad[i]! & bit) !== 0) continue;
        const s = v as string;
        if (keys?.has(s)) continue;
        if (!target) {
          ctx.report(
            issue(
              'error',
              t,
              i,
              field,
              'fk',
              `${showValue(s)}引用了${tableTitle(ctxDef(ref.table))},但数据集中没有这张表`,
            ),
          );
        } else {
          ctx.report(
            issue('error', t, i, field, 'fk', `${showValue(s)}在${tableTitle(target.def)}的 ${ref.field} 中不存在`),
          );
        }
      }
    }
  }
}

function ctxDef(name: string): TableDef {
  return tableByName(name)!;
}

// ---------------------------------------------------------------------------------------------
// Cross-field rules of §2

function checkOrganizations(ctx: RuleContext, t: TableData): void {
  for (let i = 0; i < t.rows.length; i++) {
    if (!clean(t, i, 'org_id')) continue;
    const id = t.rows[i]!.org_id as string | null;
    if (id === null || id.length !== 18 || isValidUscc(id)) continue;
    let why: string;
    if (/[a-z]/.test(id) && isValidUscc(id.toUpperCase())) why = '字母应大写';
    else if (/[^0-9A-HJ-NP-RTUW-Y]/.test(id)) why = '含有统一社会信用代码不使用的字符(I、O、S、V、Z 或非字母数字)';
    else why = `校验位应为 ${usccCheckChar(id.slice(0, 17))},请核对代码`;
    ctx.report(
      issue(
        'error',
        t,
        i,
        'org_id',
        'uscc',
        `${showValue(id)}是 18 位,应为统一社会信用代码,但不正确:${why}(非信用代码的本地编号请勿用 18 位)`,
      ),
    );
  }
}

function checkProjects(ctx: RuleContext, t: TableData): void {
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    if (
      r.end_date !== null &&
      r.start_date !== null &&
      clean(t, i, 'start_date', 'end_date') &&
      r.end_date! < r.start_date!
    ) {
      ctx.report(issue('error', t, i, 'end_date', 'date-order', `结束日期 ${r.end_date} 早于开始日期 ${r.start_date}`));
    }
    if (r.evaluation !== null && r.evaluated_on === null && clean(t, i, 'evaluation', 'evaluated_on')) {
      ctx.report(
        issue('error', t, i, 'evaluated_on', 'evaluation-date', `填写了评估结果(${r.evaluation}),必须同时填写评估日期`),
      );
    }
    if (
      r.continues_project_id !== null &&
      r.continues_project_id === r.project_id &&
      clean(t, i, 'project_id', 'continues_project_id')
    ) {
      ctx.report(
        issue(
          'error',
          t,
          i,
          'continues_project_id',
          'self-reference',
          `延续项目不能是项目自身(${showValue(str(r.project_id))})`,
        ),
      );
    }
  }
  checkContinuationCycles(ctx, t);
}

/**
 * A chain of continued projects must end somewhere: A continues B continues A is an error, reported
 * once per cycle, on the cycle's first row in the file. (A project continuing itself is reported
 * above as a self-reference.)
 */
function checkContinuationCycles(ctx: RuleContext, t: TableData): void {
  const rowOf = new Map<string, number>();
  const next = new Map<string, string>();
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    if (r.project_id === null || !clean(t, i, 'project_id', 'continues_project_id')) continue;
    const id = str(r.project_id);
    if (!rowOf.has(id)) rowOf.set(id, i);
    if (r.continues_project_id !== null && r.continues_project_id !== r.project_id) {
      next.set(id, str(r.continues_project_id));
    }
  }
  // 0 = unvisited, 1 = on the current path, 2 = done.
  const state = new Map<string, 1 | 2>();
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !state.has(id)) {
      state.set(id, 1);
      path.push(id);
      id = next.get(id);
    }
    if (id !== undefined && state.get(id) === 1) {
      const cycle = path.slice(path.indexOf(id));
      const first = Math.min(...cycle.map((c) => rowOf.get(c) ?? Infinity));
      if (Number.isFinite(first)) {
        const shown = [...cycle, id].map((c) => showValue(c)).join(' → ');
        ctx.report(issue('error', t, first, 'continues_project_id', 'continuation-cycle', `延续关系形成循环:${shown}`));
      }
    }
    for (const p of path) state.set(p, 2);
  }
}

const DONATION_SOURCES = new Set(['individual_donation', 'crowdfunding']);

function checkTransactions(ctx: RuleContext, t: TableData): void {
  const projects = ctx.tables.projects;
  let projectCommunity: Map<string, string> | null = null;
  if (projects) {
    projectCommunity = new Map();
    for (let i = 0; i < projects.rows.length; i++) {
      const p = projects.rows[i]!;
      if (p.project_id !== null && p.community_id !== null && clean(projects, i, 'project_id', 'community_id')) {
        if (!projectCommunity.has(p.project_id as string))
          projectCommunity.set(p.project_id as string, p.community_id as string);
      }
    }
  }
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    if (clean(t, i, 'type', 'source')) {
      if (r.type === 'income' && r.source === null) {
        ctx.report(issue('error', t, i, 'source', 'transaction-source', '收入必须填写资金来源'));
      } else if (r.type === 'expenditure' && r.source !== null) {
        ctx.report(
          issue(
            'error',
            t,
            i,
            'source',
            'transaction-source',
            `支出不填资金来源(本行填了 ${r.source}):资金来源只用于收入`,
          ),
        );
      }
    }
    if (clean(t, i, 'type', 'expense_category')) {
      if (r.type === 'expenditure' && r.expense_category === null) {
        ctx.report(issue('error', t, i, 'expense_category', 'transaction-expense-category', '支出必须填写支出类别'));
      } else if (r.type === 'income' && r.expense_category !== null) {
        ctx.report(
          issue(
            'error',
            t,
            i,
            'expense_category',
            'transaction-expense-category',
            `收入不填支出类别(本行填了 ${r.expense_category}):支出类别只用于支出`,
          ),
        );
      }
    }
    if (
      projectCommunity &&
      r.project_id !== null &&
      r.community_id !== null &&
      clean(t, i, 'project_id', 'community_id')
    ) {
      const c = projectCommunity.get(r.project_id as string);
      if (c !== undefined && c !== r.community_id) {
        ctx.report(
          issue(
            'error',
            t,
            i,
            'project_id',
            'project-community',
            `项目 ${showValue(r.project_id as string)}属于社区 ${c},与本行的社区代码 ${r.community_id} 不一致`,
          ),
        );
      }
    }
    if (r.donor_count !== null && clean(t, i, 'donor_count', 'type', 'source')) {
      if (r.type !== 'income' || !DONATION_SOURCES.has(r.source as string)) {
        ctx.report(
          issue(
            'error',
            t,
            i,
            'donor_count',
            'donor-count',
            `捐赠人数只用于资金来源为 individual_donation(个人捐赠)或 crowdfunding(居民众筹)的收入,本行资金来源为 ${r.source ?? '空'}`,
          ),
        );
      }
    }
  }
}

const SCALES = new Set<number>(SCALE_MAX_VALUES);

function checkSurveys(ctx: RuleContext, t: TableData): void {
  const scales = SCALE_MAX_VALUES.join('、');
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    if (
      r.satisfied !== null &&
      r.respondents !== null &&
      clean(t, i, 'satisfied', 'respondents') &&
      (r.satisfied as number) > (r.respondents as number)
    ) {
      ctx.report(
        issue(
          'error',
          t,
          i,
          'satisfied',
          'satisfied-exceeds-respondents',
          `满意人数 ${r.satisfied} 超过了有效样本 ${r.respondents}`,
        ),
      );
    }
    const scaleOk = clean(t, i, 'scale_max');
    if (r.scale_max !== null && scaleOk && !SCALES.has(r.scale_max as number)) {
      ctx.report(issue('error', t, i, 'scale_max', 'scale-max', `量表上限 ${r.scale_max} 不可用:只能是 ${scales}`));
      continue;
    }
    if (r.mean_score !== null && clean(t, i, 'mean_score') && scaleOk) {
      if (r.scale_max === null) {
        ctx.report(
          issue(
            'error',
            t,
            i,
            'scale_max',
            'mean-score-scale',
            `填写了平均分 ${r.mean_score},必须填写量表上限(${scales})`,
          ),
        );
      } else if ((r.mean_score as number) > (r.scale_max as number)) {
        ctx.report(
          issue(
            'error',
            t,
            i,
            'mean_score',
            'mean-score-scale',
            `平均分 ${r.mean_score} 超过了量表上限 ${r.scale_max}`,
          ),
        );
      }
    }
  }
}

function checkProposals(ctx: RuleContext, t: TableData): void {
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    if (
      r.stage_on !== null &&
      r.raised_on !== null &&
      clean(t, i, 'stage_on', 'raised_on') &&
      r.stage_on! < r.raised_on!
    ) {
      ctx.report(issue('error', t, i, 'stage_on', 'date-order', `阶段日期 ${r.stage_on} 早于提出日期 ${r.raised_on}`));
    }
  }
}

/** The cross-field and cross-table rules of data standard §2. */
export function checkRowRules(ctx: RuleContext): void {
  const { organizations, projects, transactions, surveys, proposals } = ctx.tables;
  if (organizations) checkOrganizations(ctx, organizations);
  if (projects) checkProjects(ctx, projects);
  if (transactions) checkTransactions(ctx, transactions);
  if (surveys) checkSurveys(ctx, surveys);
  if (proposals) checkProposals(ctx, proposals);
}

// ---------------------------------------------------------------------------------------------
// Warnings of §4

/** Minimum respondents below which a survey result is flagged. */
export const MIN_RESPONDENTS = 30;
/** Registered population above this multiple of the resident population is flagged. */
export const POPULATION_RATIO = 1.5;

export function checkWarnings(ctx: RuleContext): void {
  const { communities, projects, transactions, surveys } = ctx.tables;
  if (communities) {
    for (let i = 0; i < communities.rows.length; i++) {
      const r = communities.rows[i]!;
      if (r.registered_population === null || r.resident_population === null) continue;
      if (!clean(communities, i, 'registered_population', 'resident_population')) continue;
      if ((r.registered_population as number) > POPULATION_RATIO * (r.resident_population as number)) {
        ctx.report(
          issue(
            'warning',
            communities,
            i,
            'registered_population',
            'population-ratio',
            `户籍人口 ${r.registered_population} 超过常住人口 ${r.resident_population} 的 ${POPULATION_RATIO} 倍,请核对`,
          ),
        );
      }
    }
  }
  if (surveys) {
    for (let i = 0; i < surveys.rows.length; i++) {
      const n = surveys.rows[i]!.respondents;
      if (n !== null && clean(surveys, i, 'respondents') && (n as number) < MIN_RESPONDENTS) {
        ctx.report(
          issue(
            'warning',
            surveys,
            i,
            'respondents',
            'survey-small-sample',
            `有效样本只有 ${n},少于 ${MIN_RESPONDENTS}:满意度结果不够可靠`,
          ),
        );
      }
    }
  }
  if (projects && transactions) {
    const income = new Map<string, number>();
    const spent = new Map<string, number>();
    // Projects with a transaction whose type or amount is unreadable: their sums are unknown.
    const unknown = new Set<string>();
    for (let i = 0; i < transactions.rows.length; i++) {
      const r = transactions.rows[i]!;
      if (r.project_id === null || !clean(transactions, i, 'project_id')) continue;
      if (!clean(transactions, i, 'type', 'amount')) {
        unknown.add(r.project_id as string);
        continue;
      }
      const m = r.type === 'income' ? income : r.type === 'expenditure' ? spent : null;
      if (m && r.amount !== null) m.set(r.project_id as string, (m.get(r.project_id as string) ?? 0) + cents(r.amount));
    }
    for (let i = 0; i < projects.rows.length; i++) {
      const r = projects.rows[i]!;
      if (r.project_id === null || !clean(projects, i, 'project_id')) continue;
      const id = r.project_id as string;
      if (unknown.has(id)) continue;
      const out = spent.get(id);
      if (out === undefined) {
        if (r.status === 'completed' && clean(projects, i, 'status')) {
          ctx.report(
            issue('warning', projects, i, 'status', 'project-no-expenditure', `项目已完成,但资金表中没有它的支出`),
          );
        }
        continue;
      }
      const inc = income.get(id) ?? 0;
      if (out > inc) {
        ctx.report(
          issue(
            'warning',
            projects,
            i,
            'project_id',
            'project-expenditure-over-income',
            `项目支出合计 ${yuan(out)} 元,超过其收入合计 ${yuan(inc)} 元`,
          ),
        );
      }
      if (r.budget !== null && clean(projects, i, 'budget') && out > cents(r.budget)) {
        ctx.report(
          issue(
            'warning',
            projects,
            i,
            'budget',
            'project-expenditure-over-budget',
            `项目支出合计 ${yuan(out)} 元,超过预算 ${yuan(cents(r.budget))} 元`,
          ),
        );
      }
    }
  }
}
