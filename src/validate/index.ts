/**
 * Validation: raw rows → typed rows, with every error and warning located (data standard §4).
 *
 * `validateDataset` parses every cell by its field definition, scans text cells for personal data,
 * then runs the key, foreign-key and cross-field rules and the warnings. It collects every issue;
 * of each (file, rule, column) group it keeps the first 1,000 and a summary line for the rest, so a
 * systematic mistake over 1.5 million rows stays readable.
 */
import { TABLES, type Dataset, type TableDef, type TableName } from '../schema/index.ts';
import type { ReleaseMetadata } from '../schema/metadata.ts';
import { METADATA_FILE, readDataset, type RawDataset, type RawTable } from '../ingest/read-dataset.ts';
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
import {
  checkForeignKeys,
  checkPrimaryKeys,
  checkRowRules,
  checkWarnings,
  type TableData,
  type TypedRow,
} from './rules.ts';

export type { Issue } from './issues.ts';
export { formatIssue } from './issues.ts';

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  metadata: ReleaseMetadata | null;
  /** Typed rows, only when ok. */
  dataset: Dataset | null;
  /** Errors in reading order, at most `cap` per (file, rule, column) plus a summary line per group cut. */
  errors: Issue[];
  warnings: Issue[];
  /** Every error and warning found, including those past the cap. */
  totals: { errors: number; warnings: number };
  /** Data rows per table (0 for an absent optional table). */
  counts: Record<TableName, number>;
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

function personalDataIssues(
  report: (i: Issue) => void,
  t: RawTable,
  row: number,
  field: string,
  hits: readonly PersonalDataHit[],
): void {
  const h = t.headers[field];
  for (const hit of hits) {
    const issue: Issue = {
      severity: 'error',
      file: t.file,
      row,
      field,
      rule: `personal-data.${hit.kind}`,
      message: personalDataMessage(hit),
    };
    if (h) issue.column = h.header;
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

function parseTable(def: TableDef, raw: RawTable, report: (i: Issue) => void): TableData {
  const fields = Object.keys(def.fields);
  const parsers: CellParser[] = fields.map((f) => cellParser(def.fields[f]!));
  const fieldBit: Record<string, number> = {};
  fields.forEach((f, k) => (fieldBit[f] = 1 << k));
  if (fields.length > 31) throw new Error(`${def.name}: more than 31 fields do not fit the bad-cell bitmask`);
  const allBits = (1 << fields.length) - 1;
  const isText = fields.map((f) => def.fields[f]!.type === 'text');
  const scanOptions: ScanOptions[] = fields.map((f) => {
    const d = def.fields[f]!;
    const key = def.primaryKey.includes(f) || d.references !== undefined;
    const org = (def.name === 'organizations' && f === 'org_id') || d.references?.table === 'organizations';
    return { identifier: key, orgCode: org };
  });
  const newRow = nullRow(fields) as () => TypedRow;
  const headers = raw.headers;
  const columns = fields.map((f) => headers[f]?.header);

  // A required field whose column is missing was reported once, on the header: its cells are
  // not reported again row by row, and rules do not look at it.
  let missingBits = 0;
  fields.forEach((f, k) => {
    if (headers[f] === undefined && def.fields[f]!.required) missingBits |= 1 << k;
  });
  const present = fields.map((f) => headers[f] !== undefined);

  const n = raw.rows.length;
  const rows: TypedRow[] = new Array(n);
  const rowNumbers: number[] = new Array(n);
  const bad = new Uint32Array(n);
  const raggedKeys: string[] = [];

  for (let i = 0; i < n; i++) {
    const rr = raw.rows[i]!;
    const cells = rr.cells;
    const rowNo = rr.row;
    rowNumbers[i] = rowNo;
    const typed = newRow();
    if (rr.ragged) {
      // Cells cannot be trusted to sit under their headers: keep the key so references resolve.
      rows[i] = typed;
      bad[i] = allBits;
      if (def.primaryKey.length === 1) {
        const k = cells[def.primaryKey[0]!]?.trim();
        if (k) raggedKeys.push(k);
      }
      continue;
    }
    let mask = missingBits;
    for (let k = 0; k < fields.length; k++) {
      if (!present[k]) continue;
      const f = fields[k]!;
      const rawCell = cells[f] ?? null;
      const v = parsers[k]!(rawCell);
      if (v instanceof CellError) {
        mask |= 1 << k;
        const issue: Issue = {
          severity: 'error',
          file: raw.file,
          row: rowNo,
          field: f,
          rule: v.rule,
          message: v.message,
        };
        const col = columns[k];
        if (col !== undefined) issue.column = col;
        report(issue);
      } else if (v !== null) {
        typed[f] = v;
      }
      if (isText[k] && rawCell !== null) {
        const s = rawCell.trim();
        if (!mayHoldPersonalData(s)) continue;
        const hits = findPersonalData(s, scanOptions[k]);
        if (hits.length > 0) personalDataIssues(report, raw, rowNo, f, hits);
      }
    }
    rows[i] = typed;
    bad[i] = mask;
  }
  return { def, file: raw.file, headers, rowNumbers, rows, bad, fieldBit, raggedKeys };
}

/** Validates raw rows: every cell, every rule, every warning. */
export function validateDataset(raw: RawDataset, options: ValidateOptions = {}): ValidationResult {
  const collector = new IssueCollector(options.cap ?? 1000, options.warningCap ?? Infinity);
  const report = (i: Issue) => collector.add(i);
  collector.addAll(raw.issues);
  if (raw.metadata) scanMetadata(raw.metadata, report);

  const tables: Partial<Record<TableName, TableData>> = {};
  const counts = {} as Record<TableName, number>;
  for (const def of TABLES as readonly TableDef[]) {
    const name = def.name as TableName;
    const rt = raw.tables[name];
    counts[name] = rt ? rt.rows.length : 0;
    if (rt) tables[name] = parseTable(def, rt, report);
  }

  const ctx = { tables, report };
  const keySets = checkPrimaryKeys(ctx);
  checkForeignKeys(ctx, keySets);
  checkRowRules(ctx);
  checkWarnings(ctx);

  const fileOrder = [
    METADATA_FILE,
    raw.dir,
    ...(TABLES as readonly TableDef[]).flatMap((d) => {
      const rt = raw.tables[d.name as TableName];
      return rt ? [rt.file] : [`${d.name}.csv`];
    }),
  ];
  const all = collector.issues(fileOrder);
  const errors = all.filter((i) => i.severity === 'error');
  const warnings = all.filter((i) => i.severity === 'warning');
  const ok = collector.errorCount === 0;
  let dataset: Dataset | null = null;
  if (ok) {
    const d = {} as Record<TableName, TypedRow[]>;
    for (const def of TABLES) d[def.name] = tables[def.name]?.rows ?? [];
    dataset = d as unknown as Dataset;
  }
  return {
    ok,
    metadata: raw.metadata,
    dataset,
    errors,
    warnings,
    totals: { errors: collector.errorCount, warnings: collector.warningCount },
    counts,
  };
}

/** Reads and validates a publisher's folder. */
export async function loadDataset(dir: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  return validateDataset(await readDataset(dir), options);
}
