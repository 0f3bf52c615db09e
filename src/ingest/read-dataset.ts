/**
 * A publisher's folder → raw rows (data standard §1): `datapackage.json` plus either one CSV file
 * per table or a single `.xlsx` workbook. Cells stay text here; typing, enum labels and every rule
 * are the business of `src/validate`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TABLES, type TableDef, type TableName } from '../schema/index.ts';
import { releaseMetadata, type ReleaseMetadata } from '../schema/metadata.ts';
import type { Issue } from '../validate/issues.ts';
import { parseCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import { mapHeaders, normalizeName, type HeaderColumn } from './headers.ts';
import { cellsToRow } from './shape.ts';
import { isTableSheet, readWorkbook, sheetsForTable, type SheetRow } from './xlsx.ts';

export const METADATA_FILE = 'datapackage.json';

export interface RawRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** Every field of the table, in schema order: the cell text, or null when empty or the column is absent. */
  cells: Record<string, string | null>;
  /** Set when the row's cells could not be lined up with the header (a ragged CSV row). */
  ragged?: true;
}

export interface RawTable {
  name: TableName;
  /** The file as shown to the user: `projects.csv`, `data.xlsx#项目`. */
  file: string;
  /** Field → the column it came from. Fields without a column are absent. */
  headers: Record<string, HeaderColumn>;
  rows: RawRow[];
}

export interface RawDataset {
  dir: string;
  /** Parsed and checked `datapackage.json`, or null when missing or invalid. */
  metadata: ReleaseMetadata | null;
  /** Tables found; an optional table that is absent has no entry. */
  tables: Partial<Record<TableName, RawTable>>;
  /** Problems met while reading (encoding, CSV syntax, headers, files, metadata). */
  issues: Issue[];
}

// ---------------------------------------------------------------------------------------------
// datapackage.json

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: 'true 或 false',
  object: '对象 {…}',
  array: '数组 […]',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const zhCN = z.locales.zhCN();

/** Checks parsed JSON against the release metadata schema; issues carry the JSON path. */
export function checkMetadata(
  json: unknown,
  file = METADATA_FILE,
): { metadata: ReleaseMetadata | null; issues: Issue[] } {
  const r = releaseMetadata.safeParse(json, { error: zhCN.localeError });
  if (r.success) return { metadata: r.data, issues: [] };
  const issues = r.error.issues.map((zi): Issue => {
    const path = zi.path.map(String).join('.');
    let message = zi.message;
    if (zi.code === 'invalid_type') {
      const missing = valueAt(json, zi.path) === undefined;
      message = missing ? '缺少必填项' : `类型不对:应为${TYPE_NAMES[zi.expected] ?? zi.expected}`;
    } else if (zi.code === 'too_small' && zi.origin === 'string' && zi.minimum === 1) {
      message = '不能为空';
    }
    return {
      severity: 'error',
      file,
      ...(path ? { field: path } : {}),
      rule: 'metadata',
      message: path ? `${path}: ${message}` : message,
    };
  });
  return { metadata: null, issues };
}

async function readMetadata(dir: string, names: readonly string[], issues: Issue[]): Promise<ReleaseMetadata | null> {
  if (!names.includes(METADATA_FILE)) {
    issues.push({
      severity: 'error',
      file: METADATA_FILE,
      rule: 'missing-file',
      message: '缺少 datapackage.json(本次发布的元数据:name、title、version、created、publisher.name 必填)',
    });
    return null;
  }
  const decoded = decodeText(await readFile(join(dir, METADATA_FILE)), METADATA_FILE);
  if (!decoded.ok) {
    issues.push({
      severity: 'error',
      file: METADATA_FILE,
      rule: 'encoding',
      message: '无法解码:datapackage.json 应为 UTF-8 编码的文本',
    });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (e) {
    issues.push({
      severity: 'error',
      file: METADATA_FILE,
      rule: 'metadata-json',
      message: `JSON 语法错误:${e instanceof Error ? e.message : String(e)}`,
    });
    return null;
  }
  const { metadata, issues: found } = checkMetadata(json);
  issues.push(...found);
  return metadata;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** Turns header + records into a RawTable: header mapping, blank rows skipped, ragged rows flagged. */
class TableBuilder {
  readonly table: TableDef;
  readonly file: string;
  readonly issues: Issue[];
  readonly rows: RawRow[] = [];
  /** Cells of a record → the row's cells object, every field in schema order. */
  private readonly toRow: (cells: readonly (string | null | undefined)[]) => Record<string, string | null>;
  readonly headers: Record<string, HeaderColumn>;
  private readonly width: number;
  private readonly strictWidth: boolean;
  /** Columns with an empty header, reported once each when a value turns up under them. */
  private readonly unnamed: Set<number>;

  constructor(table: TableDef, file: string, header: SheetRow, issues: Issue[], strictWidth: boolean) {
    this.table = table;
    this.file = file;
    this.issues = issues;
    this.strictWidth = strictWidth;
    const mapping = mapHeaders(table, header.cells, file, header.row);
    issues.push(...mapping.issues);
    this.headers = mapping.headers;
    const fields = Object.keys(table.fields);
    this.toRow = cellsToRow(
      fields,
      fields.map((f) => mapping.headers[f]?.index ?? -1),
    );
    this.width = header.cells.length;
    this.unnamed = new Set();
    header.cells.forEach((c, i) => {
      if (c === null || c.trim() === '') this.unnamed.add(i);
    });
  }

  add(cells: readonly (string | null)[], row: number): void {
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c !== null && c !== undefined && c !== '' && c.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return;
    const ragged = this.strictWidth ? cells.length !== this.width : cells.length > this.width;
    if (ragged) {
      let extra = false;
      for (let i = this.width; i < cells.length; i++) if (cells[i] && cells[i]!.trim() !== '') extra = true;
      if (this.strictWidth || extra) {
        this.issues.push({
          severity: 'error',
          file: this.file,
          row,
          rule: 'ragged-row',
          message: this.strictWidth
            ? `这一行有 ${cells.length} 个单元格,表头有 ${this.width} 列:多半是某个含逗号或换行的值没有加引号`
            : `这一行在表头以外的第 ${cells.length} 列还有值`,
        });
      }
    }
    if (this.unnamed.size > 0)
      for (const i of this.unnamed) {
        const c = cells[i];
        if (c !== null && c !== undefined && c.trim() !== '') {
          this.issues.push({
            severity: 'error',
            file: this.file,
            row,
            rule: 'unnamed-column',
            message: `第 ${i + 1} 列没有表头,却有值:请补上表头或删去这一列`,
          });
          this.unnamed.delete(i);
        }
      }
    this.rows.push(
      ragged && this.strictWidth ? { row, cells: this.toRow(cells), ragged: true } : { row, cells: this.toRow(cells) },
    );
  }

  result(): RawTable {
    return { name: this.table.name as TableName, file: this.file, headers: this.headers, rows: this.rows };
  }
}

async function readCsvTable(dir: string, fileName: string, table: TableDef, issues: Issue[]): Promise<RawTable | null> {
  const decoded = decodeText(await readFile(join(dir, fileName)), fileName);
  if (!decoded.ok) {
    issues.push(decoded.issue);
    return null;
  }
  let builder: TableBuilder | null = null;
  const syntax = parseCsv(decoded.text, (cells, row) => {
    if (builder === null) builder = new TableBuilder(table, fileName, { row, cells }, issues, true);
    else builder.add(cells, row);
  });
  for (const e of syntax)
    issues.push({ severity: 'error', file: fileName, row: e.row, rule: e.rule, message: e.message });
  if (builder === null) {
    issues.push({ severity: 'error', file: fileName, rule: 'empty-file', message: '文件是空的:至少要有一行表头' });
    return null;
  }
  return (builder as TableBuilder).result();
}

// ---------------------------------------------------------------------------------------------
// The folder

function missingTable(table: TableDef, file: string, sheet: boolean): Issue {
  return {
    severity: 'error',
    file,
    rule: 'missing-table',
    message: sheet
      ? `缺少必需的工作表「${table.label}」(或「${table.name}」)`
      : `缺少必需的表 ${table.name}.csv(${table.label})`,
  };
}

/** Reads a publisher's folder. Never throws for a problem in the data: every problem becomes an issue. */
export async function readDataset(dir: string): Promise<RawDataset> {
  const issues: Issue[] = [];
  const tables: Partial<Record<TableName, RawTable>> = {};
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  } catch (e) {
    issues.push({
      severity: 'error',
      file: dir,
      rule: 'missing-file',
      message: `无法读取数据文件夹:${e instanceof Error ? e.message : String(e)}`,
    });
    return { dir, metadata: null, tables, issues };
  }
  names.sort();
  const metadata = await readMetadata(dir, names, issues);

  const isLock = (n: string) => n.startsWith('~$') || n.startsWith('.~');
  const workbooks = names.filter((n) => /\.xlsx$/i.test(n) && !isLock(n));
  for (const n of names.filter((n) => /\.(xls|et|ods|numbers)$/i.test(n) && !isLock(n))) {
    issues.push({
      severity: 'error',
      file: n,
      rule: 'file-format',
      message: '不支持这种表格格式:请另存为 .xlsx 工作簿或 UTF-8 编码的 CSV',
    });
  }
  const csvs = names.filter((n) => /\.csv$/i.test(n));
  const csvFor = new Map<TableDef, string[]>();
  for (const t of TABLES as readonly TableDef[]) {
    const accepted = new Set([normalizeName(`${t.name}.csv`), normalizeName(`${t.label}.csv`)]);
    csvFor.set(
      t,
      csvs.filter((n) => accepted.has(normalizeName(n))),
    );
  }
  const tableCsvs = new Set([...csvFor.values()].flat());

  if (workbooks.length > 0 && tableCsvs.size > 0) {
    issues.push({
      severity: 'error',
      file: dir,
      rule: 'ambiguous-source',
      message: `文件夹里既有工作簿(${workbooks.join('、')})又有 CSV 表(${[...tableCsvs].join('、')}):只能用其中一种,请删去另一种`,
    });
    return { dir, metadata, tables, issues };
  }
  if (workbooks.length > 1) {
    issues.push({
      severity: 'error',
      file: dir,
      rule: 'ambiguous-source',
      message: `文件夹里有 ${workbooks.length} 个工作簿(${workbooks.join('、')}):只能有一个`,
    });
    return { dir, metadata, tables, issues };
  }

  if (workbooks.length === 1) {
    const book = workbooks[0]!;
    const wb = await readWorkbook(await readFile(join(dir, book)), book);
    issues.push(...wb.issues);
    if (wb.issues.some((i) => i.rule === 'xlsx')) return { dir, metadata, tables, issues };
    for (const t of TABLES as readonly TableDef[]) {
      const found = sheetsForTable(wb, t);
      if (found.length === 0) {
        if (t.required) issues.push(missingTable(t, book, true));
        continue;
      }
      if (found.length > 1) {
        issues.push({
          severity: 'error',
          file: book,
          rule: 'ambiguous-source',
          message: `有 ${found.length} 个工作表都是${t.label}表(${found.map((s) => `「${s.name}」`).join('、')}):只能有一个`,
        });
        continue;
      }
      const sheet = found[0]!;
      const file = `${book}#${sheet.name}`;
      const [header, ...rows] = sheet.rows;
      if (header === undefined) {
        issues.push({ severity: 'error', file, rule: 'empty-file', message: '工作表是空的:至少要有一行表头' });
        continue;
      }
      const builder = new TableBuilder(t, file, header, issues, false);
      for (const r of rows) builder.add(r.cells, r.row);
      tables[t.name as TableName] = builder.result();
    }
    for (const s of wb.sheets) {
      if (!isTableSheet(s.name, TABLES) && s.rows.length > 0) {
        issues.push({
          severity: 'warning',
          file: `${book}#${s.name}`,
          rule: 'unknown-sheet',
          message: `未知的工作表「${s.name}」:不属于标准的任何一张表,不会被发布`,
        });
      }
    }
    return { dir, metadata, tables, issues };
  }

  for (const t of TABLES as readonly TableDef[]) {
    const files = csvFor.get(t)!;
    if (files.length === 0) {
      if (t.required) issues.push(missingTable(t, `${t.name}.csv`, false));
      continue;
    }
    if (files.length > 1) {
      issues.push({
        severity: 'error',
        file: dir,
        rule: 'ambiguous-source',
        message: `有 ${files.length} 个文件都是${t.label}表(${files.join('、')}):只能有一个`,
      });
      continue;
    }
    const table = await readCsvTable(dir, files[0]!, t, issues);
    if (table) tables[t.name as TableName] = table;
  }
  for (const n of csvs) {
    if (!tableCsvs.has(n)) {
      issues.push({
        severity: 'warning',
        file: n,
        rule: 'unknown-file',
        message: `未知的文件「${n}」:不属于标准的任何一张表,不会被发布`,
      });
    }
  }
  return { dir, metadata, tables, issues };
}
