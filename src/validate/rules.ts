/**
 * Rules over typed rows: keys, foreign keys, the cross-field rules of data standard §2 and the
 * warnings of §4. A rule only looks at cells that parsed cleanly, so one bad cell is reported once
 * and does not set off a cascade of follow-on errors.
 *
 * Rows arrive one at a time, table by table in the standard's order (a table only points at tables
 * before it, and projects at themselves), and are not kept: what a later rule needs is kept as
 * small per-key facts — the key values of each table (with the row of their first occurrence, for
 * the duplicate message), each project's community, continuation and budget, and the sums of its
 * transactions. Memory so grows with the number of keys, never with the rows' contents.
 */
import {
  MIN_RESPONDENTS,
  POPULATION_RATIO,
  SCALE_MAX_VALUES,
  tableByName,
  TABLES,
  type TableDef,
  type TableName,
} from '../schema/index.ts';
import type { HeaderColumn } from '../ingest/headers.ts';
import { fieldTitle } from '../ingest/headers.ts';
import { ownString } from '../ingest/own-string.ts';
import { isValidUscc, usccCheckChar } from './identifiers.ts';
import type { Issue, Severity } from './issues.ts';
import { showValue } from './personal-data.ts';
import type { CellValue } from './cells.ts';

export type TypedRow = Record<string, CellValue>;

/**
 * Where an issue falls among the issues of the same row: rules ran in this order when they went
 * over whole tables, and reports keep that order (see IssueCollector).
 */
export const PHASE = {
  read: 0,
  cells: 10,
  keys: 20,
  /** Plus the field's index: a row's foreign keys are reported in column order. */
  foreignKeys: 30,
  rows: 70,
  warnings: 80,
} as const;

export type Report = (issue: Issue, phase: number) => void;

/** One table being checked: its definition and where its columns are. */
export interface TableContext {
  def: TableDef;
  file: string;
  headers: Record<string, HeaderColumn>;
  /** Bit of each field in a row's bad-cell mask. */
  fieldBit: Record<string, number>;
}

/** One row after cell parsing. */
export interface CheckedRow {
  row: TypedRow;
  /** Spreadsheet row number. */
  rowNumber: number;
  /** Bit `fieldBit[f]` set when field f did not parse (all bits for a ragged row). */
  bad: number;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Whether `fields` of a row all parsed cleanly. */
function clean(t: TableContext, bad: number, ...fields: string[]): boolean {
  if (bad === 0) return true;
  for (const f of fields) if (bad & t.fieldBit[f]!) return false;
  return true;
}

function issue(
  severity: Severity,
  t: TableContext,
  rowNumber: number,
  field: string,
  rule: string,
  message: string,
): Issue {
  const h = t.headers[field];
  const out: Issue = { severity, file: t.file, row: rowNumber, field, rule, message };
  if (h) out.column = h.header;
  return out;
}

function str(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
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

/** Adds `amount` to the sum of `key`, copying a new key so that it does not pin the text it came from. */
function addTo(sums: Map<string, number>, key: string, amount: number): void {
  const before = sums.get(key);
  if (before === undefined) sums.set(ownString(key), amount);
  else sums.set(key, before + amount);
}

// ---------------------------------------------------------------------------------------------
// Keys

/**
 * The keys of one table seen so far, each with the row where it first occurred. A single-field key
 * goes into a Set (one hash operation per row) with its row in a parallel array by insertion order;
 * the Map from key to first row is only built at the first duplicate, which valid data never has.
 * A two-field key is kept as a Map per first value (no key strings to build and hash).
 */
class KeyIndex {
  private readonly single = new Set<string>();
  private rowOfNth = new Int32Array(1024);
  private firstRows: Map<string, number> | null = null;
  private readonly pairs = new Map<string, Map<string, number>>();
  /** Raw key text of ragged rows: references to them resolve, though they take part in no duplicate. */
  private readonly ragged = new Set<string>();

  /** Adds a key; returns the row of its first occurrence when it was already there. */
  add(parts: readonly string[], rowNumber: number): number | undefined {
    if (parts.length === 1) return this.addSingle(parts[0]!, rowNumber);
    const [a, b] = parts as [string, string];
    let inner = this.pairs.get(a);
    if (inner === undefined) this.pairs.set(ownString(a), (inner = new Map()));
    const first = inner.get(b);
    if (first === undefined) inner.set(ownString(b), rowNumber);
    return first;
  }

  private addSingle(key: string, rowNumber: number): number | undefined {
    const n = this.single.size;
    const own = ownString(key);
    this.single.add(own);
    if (this.single.size > n) {
      if (n === this.rowOfNth.length) {
        const grown = new Int32Array(n * 2);
        grown.set(this.rowOfNth);
        this.rowOfNth = grown;
      }
      this.rowOfNth[n] = rowNumber;
      this.firstRows?.set(own, rowNumber);
      return undefined;
    }
    if (this.firstRows === null) {
      this.firstRows = new Map();
      let i = 0;
      for (const k of this.single) this.firstRows.set(k, this.rowOfNth[i++]!);
    }
    return this.firstRows.get(key);
  }

  addRagged(key: string): void {
    this.ragged.add(ownString(key));
  }

  has(key: string): boolean {
    return this.single.has(key) || this.ragged.has(key);
  }
}

const KEY_SEP = '\u001f';

/** A composite key of more than two fields is joined into one string. */
function keyParts(row: TypedRow, fields: readonly string[]): string[] | null {
  const parts: string[] = [];
  for (const f of fields) {
    const v = row[f];
    if (v === null || v === undefined) return null;
    parts.push(String(v));
  }
  return parts.length > 2 ? [parts.join(KEY_SEP)] : parts;
}

// ---------------------------------------------------------------------------------------------
// What the rules remember of earlier rows

/** A project row, as the warnings over its transactions need it. */
interface ProjectFacts {
  rowNumber: number;
  id: string;
  /** Status parsed cleanly and is `completed`. */
  completed: boolean;
  /** Budget in cents, when it parsed cleanly. */
  budget: number | null;
}

/** A foreign key whose target table is read after the row (a project continuing a later one). */
interface PendingReference {
  t: TableContext;
  field: string;
  fieldIndex: number;
  rowNumber: number;
  value: string;
}

const DONATION_SOURCES = new Set(['individual_donation', 'crowdfunding']);
const SCALES = new Set<number>(SCALE_MAX_VALUES);

// The standard's thresholds, defined once with the standard (the pages use them too).
export { MIN_RESPONDENTS, POPULATION_RATIO };

const TABLE_ORDER = new Map((TABLES as readonly TableDef[]).map((t, i) => [t.name, i]));

/**
 * Runs every rule over rows streamed table by table: `beginTable`, `row` for each row, `endTable`,
 * and `finish` once all tables are done.
 */
export class RuleChecker {
  private readonly report: Report;
  private readonly keys = new Map<TableName, KeyIndex>();
  /** Tables read so far (an absent optional table is not among them). */
  private readonly present = new Set<string>();
  private readonly pending: PendingReference[] = [];
  private current: TableContext | null = null;
  private currentKeys: KeyIndex | null = null;
  /** The current table's foreign keys: field, its index, and whether its target is read after it. */
  private references: { field: string; fieldIndex: number; later: boolean }[] = [];

  /** project_id → community_id, of the first clean occurrence. */
  private projectCommunity: Map<string, string> | null = null;
  private readonly projects: ProjectFacts[] = [];
  /** project_id → the row of its first clean occurrence; project_id → the project it continues. */
  private readonly projectRow = new Map<string, number>();
  private readonly continues = new Map<string, string>();
  private readonly income = new Map<string, number>();
  private readonly spent = new Map<string, number>();
  /** Projects with a transaction whose type or amount is unreadable: their sums are unknown. */
  private readonly unknownSums = new Set<string>();
  private projectsContext: TableContext | null = null;

  constructor(report: Report) {
    this.report = report;
  }

  beginTable(t: TableContext): void {
    this.current = t;
    this.currentKeys = new KeyIndex();
    const order = TABLE_ORDER.get(t.def.name)!;
    this.references = Object.entries(t.def.fields).flatMap(([field, def], fieldIndex) =>
      def.references
        ? [{ field, fieldIndex, later: (TABLE_ORDER.get(def.references.table) ?? Infinity) >= order }]
        : [],
    );
    if (t.def.name === 'projects') {
      this.projectCommunity = new Map();
      this.projectsContext = t;
    }
  }

  /** A ragged row: its cells cannot be trusted, but its key still resolves references. */
  raggedKey(key: string): void {
    this.currentKeys!.addRagged(key);
  }

  row(r: CheckedRow): void {
    const t = this.current!;
    this.checkKey(t, r);
    this.checkReferences(t, r);
    switch (t.def.name) {
      case 'communities':
        this.checkCommunity(t, r);
        break;
      case 'organizations':
        this.checkOrganization(t, r);
        break;
      case 'projects':
        this.checkProject(t, r);
        break;
      case 'transactions':
        this.checkTransaction(t, r);
        break;
      case 'surveys':
        this.checkSurvey(t, r);
        break;
      case 'proposals':
        this.checkProposal(t, r);
        break;
    }
  }

  endTable(): void {
    const t = this.current!;
    if (t.def.primaryKey.length === 1) this.keys.set(t.def.name as TableName, this.currentKeys!);
    this.present.add(t.def.name);
    if (t.def.name === 'projects') this.checkContinuationCycles(t);
    this.current = null;
    this.currentKeys = null;
  }

  /** After the last table: references to tables read later, and the warnings over transaction sums. */
  finish(): void {
    for (const p of this.pending) this.resolve(p.t, p.field, p.fieldIndex, p.rowNumber, p.value);
    this.pending.length = 0;
    this.checkProjectSums();
  }

  // -------------------------------------------------------------------------------------------
  // Keys

  /** Primary keys are unique (composite keys too). */
  private checkKey(t: TableContext, r: CheckedRow): void {
    const pk = t.def.primaryKey;
    if (!clean(t, r.bad, ...pk)) return;
    const parts = keyParts(r.row, pk);
    if (parts === null) return;
    const first = this.currentKeys!.add(parts, r.rowNumber);
    if (first === undefined) return;
    const shown = pk.map((f) => showValue(str(r.row[f]))).join(' + ');
    const what = pk.length === 1 ? fieldTitle(t.def, pk[0]!) : `(${pk.map((f) => fieldTitle(t.def, f)).join(', ')})`;
    const field = pk[pk.length - 1]!;
    this.report(
      issue('error', t, r.rowNumber, field, 'pk-duplicate', `${what} ${shown} 重复:已在第 ${first} 行出现`),
      PHASE.keys,
    );
  }

  /** Every foreign key resolves; a reference to an optional table that is absent is an error too. */
  private checkReferences(t: TableContext, r: CheckedRow): void {
    for (const { field, fieldIndex, later } of this.references) {
      const v = r.row[field];
      if (v === null || v === undefined || (r.bad & t.fieldBit[field]!) !== 0) continue;
      const value = v as string;
      // A key of a table not read yet (a project continuing a later one) is looked up at the end.
      if (later) this.pending.push({ t, field, fieldIndex, rowNumber: r.rowNumber, value: ownString(value) });
      else this.resolve(t, field, fieldIndex, r.rowNumber, value);
    }
  }

  private resolve(t: TableContext, field: string, fieldIndex: number, rowNumber: number, value: string): void {
    const ref = t.def.fields[field]!.references!;
    if (this.keys.get(ref.table as TableName)?.has(value)) return;
    const target = this.present.has(ref.table) ? tableByName(ref.table)! : null;
    const message = target
      ? `${showValue(value)}在${tableTitle(target)}的 ${ref.field} 中不存在`
      : `${showValue(value)}引用了${tableTitle(tableByName(ref.table)!)},但数据集中没有这张表`;
    this.report(issue('error', t, rowNumber, field, 'fk', message), PHASE.foreignKeys + fieldIndex);
  }

  // -------------------------------------------------------------------------------------------
  // Cross-field rules of §2, warnings of §4

  private checkCommunity(t: TableContext, r: CheckedRow): void {
    const { registered_population: registered, resident_population: resident } = r.row;
    if (registered === null || resident === null || registered === undefined || resident === undefined) return;
    if (!clean(t, r.bad, 'registered_population', 'resident_population')) return;
    if ((registered as number) > POPULATION_RATIO * (resident as number)) {
      this.report(
        issue(
          'warning',
          t,
          r.rowNumber,
          'registered_population',
          'population-ratio',
          `户籍人口 ${registered} 超过常住人口 ${resident} 的 ${POPULATION_RATIO} 倍,请核对`,
        ),
        PHASE.warnings,
      );
    }
  }

  private checkOrganization(t: TableContext, r: CheckedRow): void {
    if (!clean(t, r.bad, 'org_id')) return;
    const id = r.row.org_id as string | null;
    if (id === null || id.length !== 18 || isValidUscc(id)) return;
    let why: string;
    if (/[a-z]/.test(id) && isValidUscc(id.toUpperCase())) why = '字母应大写';
    else if (/[^0-9A-HJ-NP-RTUW-Y]/.test(id)) why = '含有统一社会信用代码不使用的字符(I、O、S、V、Z 或非字母数字)';
    else why = `校验位应为 ${usccCheckChar(id.slice(0, 17))},请核对代码`;
    this.report(
      issue(
        'error',
        t,
        r.rowNumber,
        'org_id',
        'uscc',
        `${showValue(id)}是 18 位,应为统一社会信用代码,但不正确:${why}(非信用代码的本地编号请勿用 18 位)`,
      ),
      PHASE.rows,
    );
  }

  private checkProject(t: TableContext, r: CheckedRow): void {
    const p = r.row;
    const { bad, rowNumber } = r;
    const report = (field: string, rule: string, message: string) =>
      this.report(issue('error', t, rowNumber, field, rule, message), PHASE.rows);
    if (
      p.end_date !== null &&
      p.start_date !== null &&
      clean(t, bad, 'start_date', 'end_date') &&
      p.end_date! < p.start_date!
    ) {
      report('end_date', 'date-order', `结束日期 ${p.end_date} 早于开始日期 ${p.start_date}`);
    }
    if (p.evaluation !== null && p.evaluated_on === null && clean(t, bad, 'evaluation', 'evaluated_on')) {
      report('evaluated_on', 'evaluation-date', `填写了评估结果(${p.evaluation}),必须同时填写评估日期`);
    }
    if (
      p.continues_project_id !== null &&
      p.continues_project_id === p.project_id &&
      clean(t, bad, 'project_id', 'continues_project_id')
    ) {
      report('continues_project_id', 'self-reference', `延续项目不能是项目自身(${showValue(str(p.project_id))})`);
    }
    this.rememberProject(t, r);
  }

  private rememberProject(t: TableContext, r: CheckedRow): void {
    const p = r.row;
    const { bad } = r;
    if (p.project_id === null || !clean(t, bad, 'project_id')) return;
    const id = ownString(p.project_id as string);
    if (clean(t, bad, 'continues_project_id')) {
      if (!this.projectRow.has(id)) this.projectRow.set(id, r.rowNumber);
      if (p.continues_project_id !== null && p.continues_project_id !== p.project_id) {
        this.continues.set(id, ownString(str(p.continues_project_id)));
      }
    }
    if (p.community_id !== null && clean(t, bad, 'community_id') && !this.projectCommunity!.has(id)) {
      this.projectCommunity!.set(id, ownString(p.community_id as string));
    }
    this.projects.push({
      rowNumber: r.rowNumber,
      id,
      completed: p.status === 'completed' && clean(t, bad, 'status'),
      budget: p.budget !== null && clean(t, bad, 'budget') ? cents(p.budget!) : null,
    });
  }

  /**
   * A chain of continued projects must end somewhere: A continues B continues A is an error,
   * reported once per cycle, on the cycle's first row in the file. (A project continuing itself is
   * reported as a self-reference.)
   */
  private checkContinuationCycles(t: TableContext): void {
    const next = this.continues;
    // 1 = on the current path, 2 = done.
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
        const first = Math.min(...cycle.map((c) => this.projectRow.get(c) ?? Infinity));
        if (Number.isFinite(first)) {
          const shown = [...cycle, id].map((c) => showValue(c)).join(' → ');
          this.report(
            issue('error', t, first, 'continues_project_id', 'continuation-cycle', `延续关系形成循环:${shown}`),
            PHASE.rows,
          );
        }
      }
      for (const p of path) state.set(p, 2);
    }
    this.continues.clear();
    this.projectRow.clear();
  }

  private checkTransaction(t: TableContext, r: CheckedRow): void {
    const x = r.row;
    const { bad, rowNumber } = r;
    const report = (field: string, rule: string, message: string) =>
      this.report(issue('error', t, rowNumber, field, rule, message), PHASE.rows);
    if (clean(t, bad, 'type', 'source')) {
      if (x.type === 'income' && x.source === null) {
        report('source', 'transaction-source', '收入必须填写资金来源');
      } else if (x.type === 'expenditure' && x.source !== null) {
        report('source', 'transaction-source', `支出不填资金来源(本行填了 ${x.source}):资金来源只用于收入`);
      }
    }
    if (clean(t, bad, 'type', 'expense_category')) {
      if (x.type === 'expenditure' && x.expense_category === null) {
        report('expense_category', 'transaction-expense-category', '支出必须填写支出类别');
      } else if (x.type === 'income' && x.expense_category !== null) {
        report(
          'expense_category',
          'transaction-expense-category',
          `收入不填支出类别(本行填了 ${x.expense_category}):支出类别只用于支出`,
        );
      }
    }
    const projectCommunity = this.projectCommunity;
    if (
      projectCommunity &&
      x.project_id !== null &&
      x.community_id !== null &&
      clean(t, bad, 'project_id', 'community_id')
    ) {
      const c = projectCommunity.get(x.project_id as string);
      if (c !== undefined && c !== x.community_id) {
        report(
          'project_id',
          'project-community',
          `项目 ${showValue(x.project_id as string)}属于社区 ${c},与本行的社区代码 ${x.community_id} 不一致`,
        );
      }
    }
    if (x.donor_count !== null && clean(t, bad, 'donor_count', 'type', 'source')) {
      if (x.type !== 'income' || !DONATION_SOURCES.has(x.source as string)) {
        report(
          'donor_count',
          'donor-count',
          `捐赠人数只用于资金来源为 individual_donation(个人捐赠)或 crowdfunding(居民众筹)的收入,本行资金来源为 ${x.source ?? '空'}`,
        );
      }
    }
    this.addToSums(t, r);
  }

  private addToSums(t: TableContext, r: CheckedRow): void {
    const x = r.row;
    if (x.project_id === null || !clean(t, r.bad, 'project_id')) return;
    const id = x.project_id as string;
    if (!clean(t, r.bad, 'type', 'amount')) {
      if (!this.unknownSums.has(id)) this.unknownSums.add(ownString(id));
      return;
    }
    const sums = x.type === 'income' ? this.income : x.type === 'expenditure' ? this.spent : null;
    if (sums && x.amount !== null) addTo(sums, id, cents(x.amount!));
  }

  private checkSurvey(t: TableContext, r: CheckedRow): void {
    const s = r.row;
    const { bad, rowNumber } = r;
    const report = (field: string, rule: string, message: string) =>
      this.report(issue('error', t, rowNumber, field, rule, message), PHASE.rows);
    const scales = SCALE_MAX_VALUES.join('、');
    if (s.respondents !== null && clean(t, bad, 'respondents') && (s.respondents as number) < MIN_RESPONDENTS) {
      this.report(
        issue(
          'warning',
          t,
          rowNumber,
          'respondents',
          'survey-small-sample',
          `有效样本只有 ${s.respondents},少于 ${MIN_RESPONDENTS}:满意度结果不够可靠`,
        ),
        PHASE.warnings,
      );
    }
    if (
      s.satisfied !== null &&
      s.respondents !== null &&
      clean(t, bad, 'satisfied', 'respondents') &&
      (s.satisfied as number) > (s.respondents as number)
    ) {
      report('satisfied', 'satisfied-exceeds-respondents', `满意人数 ${s.satisfied} 超过了有效样本 ${s.respondents}`);
    }
    const scaleOk = clean(t, bad, 'scale_max');
    if (s.scale_max !== null && scaleOk && !SCALES.has(s.scale_max as number)) {
      report('scale_max', 'scale-max', `量表上限 ${s.scale_max} 不可用:只能是 ${scales}`);
      return;
    }
    if (s.mean_score !== null && clean(t, bad, 'mean_score') && scaleOk) {
      if (s.scale_max === null) {
        report('scale_max', 'mean-score-scale', `填写了平均分 ${s.mean_score},必须填写量表上限(${scales})`);
      } else if ((s.mean_score as number) > (s.scale_max as number)) {
        report('mean_score', 'mean-score-scale', `平均分 ${s.mean_score} 超过了量表上限 ${s.scale_max}`);
      }
    }
  }

  private checkProposal(t: TableContext, r: CheckedRow): void {
    const p = r.row;
    if (
      p.stage_on !== null &&
      p.raised_on !== null &&
      clean(t, r.bad, 'stage_on', 'raised_on') &&
      p.stage_on! < p.raised_on!
    ) {
      this.report(
        issue('error', t, r.rowNumber, 'stage_on', 'date-order', `阶段日期 ${p.stage_on} 早于提出日期 ${p.raised_on}`),
        PHASE.rows,
      );
    }
  }

  /** Projects spending more than their income or budget, and completed projects with no spending. */
  private checkProjectSums(): void {
    if (!this.present.has('projects') || !this.present.has('transactions')) return;
    const t = this.projectsContext!;
    for (const p of this.projects) {
      if (this.unknownSums.has(p.id)) continue;
      const out = this.spent.get(p.id);
      if (out === undefined) {
        if (p.completed) {
          this.report(
            issue('warning', t, p.rowNumber, 'status', 'project-no-expenditure', `项目已完成,但资金表中没有它的支出`),
            PHASE.warnings,
          );
        }
        continue;
      }
      const inc = this.income.get(p.id) ?? 0;
      if (out > inc) {
        this.report(
          issue(
            'warning',
            t,
            p.rowNumber,
            'project_id',
            'project-expenditure-over-income',
            `项目支出合计 ${yuan(out)} 元,超过其收入合计 ${yuan(inc)} 元`,
          ),
          PHASE.warnings,
        );
      }
      if (p.budget !== null && out > p.budget) {
        this.report(
          issue(
            'warning',
            t,
            p.rowNumber,
            'budget',
            'project-expenditure-over-budget',
            `项目支出合计 ${yuan(out)} 元,超过预算 ${yuan(p.budget)} 元`,
          ),
          PHASE.warnings,
        );
      }
    }
  }
}
