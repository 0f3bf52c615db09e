/**
 * Validation: raw rows → typed rows, with every error and warning located (data standard §4).
 *
 * Tables are read as streams of row pieces (src/ingest/read-dataset.ts), and each row goes
 * through every check as it passes: its cells are parsed by their field definitions and scanned
 * for personal data, then the key, foreign-key and cross-field rules and the warnings run over it
 * (src/validate/rules.ts keeps only the per-key facts later rows need). The typed rows are handed
 * to a `TypedRowSink` as they go — the build stages them for publishing — and are not kept, so
 * memory does not grow with the rows of the release.
 *
 * Every issue is collected; of each (file, rule, column) group the first 1,000 are kept and a
 * summary line counts the rest, so a systematic mistake over 1.5 million rows stays readable.
 */
import { TABLES, type Dataset, type TableDef, type TableName } from '../schema/index.ts';
import type { ReleaseMetadata } from '../schema/metadata.ts';
import type { HeaderColumn } from '../ingest/headers.ts';
import {
  METADATA_FILE,
  openDataset,
  type DatasetSource,
  type RawDataset,
  type RawRow,
} from '../ingest/read-dataset.ts';
import { nullRow } from '../ingest/shape.ts';
import { CellError, cellParser, type CellParser } from './cells.ts';
import { IssueCollector, type Issue } from './issues.ts';
import {
  findPersonalData,
  mayHoldPersonalData,
  personalDataMessage,
  type PersonalDataHit,
  type ScanOptions,
} from './personal-data.ts';
import { PHASE, RuleChecker, type TableContext, type TypedRow } from './rules.ts';

export type { Issue } from './issues.ts';
export { formatIssue } from './issues.ts';
export type { TypedRow } from './rules.ts';

/** What validation found, without the rows. */
export interface Validation {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  metadata: ReleaseMetadata | null;
  /** Errors in reading order, at most `cap` per (file, rule, column) plus a summary line per group cut. */
  errors: Issue[];
  warnings: Issue[];
  /** Every error and warning found, including those past the cap. */
  totals: { errors: number; warnings: number };
  /** Data rows per table (0 for an absent optional table). */
  counts: Record<TableName, number>;
}

export interface ValidationResult extends Validation {
  /** Typed rows, only when ok. */
  dataset: Dataset | null;
}

export interface ValidateOptions {
  /** Errors kept per (file, rule, column) group, the rest summed up in one line. Default 1,000. */
  cap?: number;
  /**
   * Warnings kept per group. Default: all of them, since warnings are published on the
   * data-quality page (the CLI passes 1,000 to keep its output readable).
   */
  warningCap?: number;
}

/**
 * Receives the typed rows of every table as validation goes, in the standard's table order: each
 * table is opened and closed even when absent (then with no rows). Rows of a release with errors
 * pass through too; whoever stages them publishes nothing unless the validation is ok.
 */
export interface TypedRowSink {
  beginTable(table: TableDef): Promise<void> | void;
  /** The next rows of the table, every field of the schema in order, null for an empty cell. */
  rows(table: TableDef, rows: readonly TypedRow[]): Promise<void> | void;
  endTable(table: TableDef, rowCount: number): Promise<void> | void;
}

export interface StreamOptions extends ValidateOptions {
  sink?: TypedRowSink;
}

// ---------------------------------------------------------------------------------------------
// Cells

function personalDataIssues(
  report: (i: Issue) => void,
  file: string,
  header: HeaderColumn | undefined,
  row: number,
  field: string,
  hits: readonly PersonalDataHit[],
): void {
  for (const hit of hits) {
    const issue: Issue = {
      severity: 'error',
      file,
      row,
      field,
      rule: `personal-data.${hit.kind}`,
      message: personalDataMessage(hit),
    };
    if (header) issue.column = header.header;
    report(issue);
  }
}

/** Strings of datapackage.json (except an e-mail in publisher.contact) are checked for personal data too. */
function scanMetadata(metadata: ReleaseMetadata, report: (i: Issue) => void): void {
  const walk = (v: unknown, path: string[]): void => {
    if (typeof v === 'string') {
      const p = path.join('.');
      for (const hit of findPersonalData(v)) {
        if (hit.kind === 'email' && p === 'publisher.contact') continue;
        report({
          severity: 'error',
          file: METADATA_FILE,
          field: p,
          rule: `personal-data.${hit.kind}`,
          message: `${p}: ${personalDataMessage(hit)}`,
        });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(metadata, []);
}

/** Parses the cells of one table's rows by their field definitions (compiled once per table). */
class CellReader {
  readonly context: TableContext;
  private readonly fields: string[];
  private readonly parsers: CellParser[];
  private readonly isText: boolean[];
  private readonly scanOptions: ScanOptions[];
  private readonly columns: (HeaderColumn | undefined)[];
  private readonly present: boolean[];
  private readonly newRow: () => TypedRow;
  private readonly allBits: number;
  /** Required fields whose column is missing: reported once on the header, not again per row. */
  private readonly missingBits: number;
  private readonly report: (issue: Issue) => void;

  constructor(def: TableDef, file: string, headers: Record<string, HeaderColumn>, report: (issue: Issue) => void) {
    const fields = Object.keys(def.fields);
    if (fields.length > 31) throw new Error(`${def.name}: more than 31 fields do not fit the bad-cell bitmask`);
    const fieldBit: Record<string, number> = {};
    fields.forEach((f, k) => (fieldBit[f] = 1 << k));
    this.context = { def, file, headers, fieldBit };
    this.fields = fields;
    this.report = report;
    this.parsers = fields.map((f) => cellParser(def.fields[f]!));
    this.isText = fields.map((f) => def.fields[f]!.type === 'text');
    this.scanOptions = fields.map((f) => {
      const d = def.fields[f]!;
      const key = def.primaryKey.includes(f) || d.references !== undefined;
      const org = (def.name === 'organizations' && f === 'org_id') || d.references?.table === 'organizations';
      return { identifier: key, orgCode: org };
    });
    this.newRow = nullRow(fields) as () => TypedRow;
    this.columns = fields.map((f) => headers[f]);
    this.present = fields.map((f) => headers[f] !== undefined);
    this.allBits = (1 << fields.length) - 1;
    let missing = 0;
    fields.forEach((f, k) => {
      if (headers[f] === undefined && def.fields[f]!.required) missing |= 1 << k;
    });
    this.missingBits = missing;
  }

  /** A ragged row: nothing parsed, every field bad. */
  ragged(): { row: TypedRow; bad: number } {
    return { row: this.newRow(), bad: this.allBits };
  }

  /** Parses a row's cells, reporting each bad cell and any personal data; returns the typed row and its bad mask. */
  parse(raw: RawRow): { row: TypedRow; bad: number } {
    const { fields, parsers, present, columns, isText } = this;
    const file = this.context.file;
    const cells = raw.cells;
    const rowNo = raw.row;
    const typed = this.newRow();
    let mask = this.missingBits;
    for (let k = 0; k < fields.length; k++) {
      if (!present[k]) continue;
      const f = fields[k]!;
      const rawCell = cells[f] ?? null;
      const v = parsers[k]!(rawCell);
      if (v instanceof CellError) {
        mask |= 1 << k;
        const issue: Issue = { severity: 'error', file, row: rowNo, field: f, rule: v.rule, message: v.message };
        const col = columns[k];
        if (col !== undefined) issue.column = col.header;
        this.report(issue);
      } else if (v !== null) {
        typed[f] = v;
      }
      if (isText[k] && rawCell !== null) {
        const s = rawCell.trim();
        if (!mayHoldPersonalData(s)) continue;
        const hits = findPersonalData(s, this.scanOptions[k]);
        if (hits.length > 0) personalDataIssues(this.report, file, columns[k], rowNo, f, hits);
      }
    }
    return { row: typed, bad: mask };
  }
}

// ---------------------------------------------------------------------------------------------
// The dataset, table by table

/**
 * The whole validation as a state machine over streamed tables: `beginTable`, `rows` for each
 * piece, `endTable`, then `result`. Synchronous, so that an in-memory dataset is validated by the
 * same code as a folder streamed from disk.
 */
class DatasetValidator {
  private readonly collector: IssueCollector;
  private readonly rules: RuleChecker;
  private readonly counts = {} as Record<TableName, number>;
  private readonly files = new Map<string, string>();
  private cells: CellReader | null = null;

  constructor(options: ValidateOptions) {
    this.collector = new IssueCollector(options.cap ?? 1000, options.warningCap ?? Infinity);
    this.rules = new RuleChecker((issue, phase) => this.collector.add(issue, phase));
    for (const def of TABLES) this.counts[def.name] = 0;
  }

  /** A problem met while reading (files, encoding, CSV syntax, headers). */
  readonly reportRead = (issue: Issue): void => this.collector.add(issue, PHASE.read);
  private readonly reportCell = (issue: Issue): void => this.collector.add(issue, PHASE.cells);

  metadata(metadata: ReleaseMetadata | null): void {
    if (metadata) scanMetadata(metadata, this.reportRead);
  }

  beginTable(def: TableDef, file: string, headers: Record<string, HeaderColumn>): void {
    this.cells = new CellReader(def, file, headers, this.reportCell);
    this.files.set(def.name, file);
    this.rules.beginTable(this.cells.context);
  }

  /** Validates the next rows of the current table; returns them typed (a ragged row with every field null). */
  rows(raw: readonly RawRow[]): TypedRow[] {
    const cells = this.cells!;
    const def = cells.context.def;
    const singleKey = def.primaryKey.length === 1 ? def.primaryKey[0]! : null;
    const typed: TypedRow[] = new Array<TypedRow>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const rr = raw[i]!;
      if (rr.ragged) {
        // Cells cannot be trusted to sit under their headers: keep the key so references resolve.
        typed[i] = cells.ragged().row;
        const k = singleKey === null ? undefined : rr.cells[singleKey]?.trim();
        if (k) this.rules.raggedKey(k);
        continue;
      }
      const { row, bad } = cells.parse(rr);
      this.rules.row({ row, rowNumber: rr.row, bad });
      typed[i] = row;
    }
    this.counts[def.name as TableName] += raw.length;
    return typed;
  }

  endTable(): void {
    this.rules.endTable();
    this.cells = null;
  }

  result(dir: string, metadata: ReleaseMetadata | null): Validation {
    this.rules.finish();
    const fileOrder = [
      METADATA_FILE,
      dir,
      ...(TABLES as readonly TableDef[]).map((d) => this.files.get(d.name) ?? `${d.name}.csv`),
    ];
    const all = this.collector.issues(fileOrder);
    return {
      ok: this.collector.errorCount === 0,
      metadata,
      errors: all.filter((i) => i.severity === 'error'),
      warnings: all.filter((i) => i.severity === 'warning'),
      totals: { errors: this.collector.errorCount, warnings: this.collector.warningCount },
      counts: { ...this.counts },
    };
  }
}

/** Validates a dataset source table by table, handing the typed rows to `options.sink` as it goes. */
export async function validateSource(source: DatasetSource, options: StreamOptions = {}): Promise<Validation> {
  const v = new DatasetValidator(options);
  const sink = options.sink;
  for (const i of source.issues) v.reportRead(i);
  v.metadata(source.metadata);
  for (const t of source.tables) {
    for (const i of t.issues) v.reportRead(i);
    await sink?.beginTable(t.def);
    let rowCount = 0;
    let began = false;
    await t.read?.(
      {
        header: (headers) => {
          v.beginTable(t.def, t.file!, headers);
          began = true;
        },
        rows: (raw) => {
          const typed = v.rows(raw);
          rowCount += typed.length;
          return sink?.rows(t.def, typed);
        },
      },
      v.reportRead,
    );
    if (began) v.endTable();
    await sink?.endTable(t.def, rowCount);
  }
  for (const i of source.trailingIssues) v.reportRead(i);
  return v.result(source.dir, source.metadata);
}

/** Reads and validates a publisher's folder, streaming: memory stays bounded whatever the folder's size. */
export async function validateFolder(dir: string, options: StreamOptions = {}): Promise<Validation> {
  return validateSource(await openDataset(dir), options);
}

/** A sink that keeps every typed row: the whole dataset in memory (tests, small folders). */
function collectingSink(): { sink: TypedRowSink; dataset: () => Dataset } {
  const tables = {} as Record<TableName, TypedRow[]>;
  for (const def of TABLES) tables[def.name] = [];
  return {
    sink: {
      beginTable: () => {},
      rows: (def, rows) => {
        const into = tables[def.name as TableName];
        for (const r of rows) into.push(r);
      },
      endTable: () => {},
    },
    dataset: () => tables as unknown as Dataset,
  };
}

/** Validates raw rows already in memory: every cell, every rule, every warning (synchronous). */
export function validateDataset(raw: RawDataset, options: ValidateOptions = {}): ValidationResult {
  const v = new DatasetValidator(options);
  const collected = collectingSink();
  for (const i of raw.issues) v.reportRead(i);
  v.metadata(raw.metadata);
  for (const def of TABLES as readonly TableDef[]) {
    const t = raw.tables[def.name as TableName];
    if (!t) continue;
    v.beginTable(def, t.file, t.headers);
    collected.sink.rows(def, v.rows(t.rows));
    v.endTable();
  }
  const result = v.result(raw.dir, raw.metadata);
  return { ...result, dataset: result.ok ? collected.dataset() : null };
}

/** Reads and validates a folder, keeping every typed row in memory (tests, small folders; the build streams). */
export async function loadDataset(dir: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const collected = collectingSink();
  const result = await validateFolder(dir, { ...options, sink: collected.sink });
  return { ...result, dataset: result.ok ? collected.dataset() : null };
}
