/**
 * A publisher's folder → raw rows (data standard §1): `datapackage.json` plus either one CSV file
 * per table or a single `.xlsx` workbook. Cells stay text here; typing, enum labels and every rule
 * are the business of `src/validate`.
 *
 * `openDataset` finds the tables and reads the metadata; each table is then read as a stream of
 * row pieces (`TableSource.read`), so that validation never holds a whole table: a CSV file is
 * decoded and parsed piece by piece. A workbook is read whole (exceljs has no reader that keeps
 * cell formats while streaming; workbooks are small next to the CSV files of a large release).
 * `readDataset` gathers every row in memory, for tests and small folders.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TABLES, type TableDef, type TableName } from '../schema/index.ts';
import { releaseMetadata, type ReleaseMetadata } from '../schema/metadata.ts';
import type { Issue } from '../validate/issues.ts';
import { CsvParser } from './csv.ts';
import { decodedPieces, decodeText, detectFileEncoding } from './decode.ts';
import { mapHeaders, normalizeName, type HeaderColumn } from './headers.ts';
import { cellsToRow } from './shape.ts';
import { isTableSheet, readWorkbook, sheetsForTable, type Sheet, type SheetRow } from './xlsx.ts';
import { ownString } from './own-string.ts';

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
// Table sources: each table read as a stream of row pieces

/** Receives one table as it is read. */
export interface RawTableSink {
  /** The header was read: field → column (called once, before any row). */
  header(headers: Record<string, HeaderColumn>): void;
  /** The next data rows, in file order (blank rows left out). */
  rows(rows: RawRow[]): Promise<void> | void;
}

/** One table of the standard as the folder holds it, or the problems that keep it from being read. */
export interface TableSource {
  def: TableDef;
  /** The file as shown to the user, when there is one to read. */
  file: string | null;
  /** Problems found while looking for the table (missing, ambiguous, empty sheet), reported at its turn. */
  issues: Issue[];
  /**
   * Reads the table into `sink`, reporting every reading problem. Resolves to false when there was
   * nothing to read (undecodable or empty file): then `sink.header` was never called.
   */
  read: ((sink: RawTableSink, report: (issue: Issue) => void) => Promise<boolean>) | null;
}

export interface DatasetSource {
  dir: string;
  /** Parsed and checked `datapackage.json`, or null when missing or invalid. */
  metadata: ReleaseMetadata | null;
  /** Problems found before any table is read (metadata, file formats, ambiguity). */
  issues: Issue[];
  /** One entry per table of the standard, in the standard's order. */
  tables: TableSource[];
  /** Problems about files that are no table (unknown files and sheets), reported after the tables. */
  trailingIssues: Issue[];
}

/** Data rows handed on at a time: bounds memory while amortizing the sink's work. */
export const ROW_PIECE = 8192;

/** Turns header + records into raw rows: header mapping, blank rows skipped, ragged rows flagged. */
class TableRows {
  readonly table: TableDef;
  readonly file: string;
  private readonly report: (issue: Issue) => void;
  /** Rows read but not yet handed on. */
  pending: RawRow[] = [];
  count = 0;
  /** Cells of a record → the row's cells object, every field in schema order. */
  private readonly toRow: (cells: readonly (string | null | undefined)[]) => Record<string, string | null>;
  readonly headers: Record<string, HeaderColumn>;
  private readonly width: number;
  private readonly strictWidth: boolean;
  /** Columns with an empty header, reported once each when a value turns up under them. */
  private readonly unnamed: Set<number>;

  constructor(table: TableDef, file: string, header: SheetRow, report: (issue: Issue) => void, strictWidth: boolean) {
    this.table = table;
    this.file = file;
    this.report = report;
    this.strictWidth = strictWidth;
    // Header texts live as long as the table's issues: copies, so they do not pin the file's text.
    const cells = header.cells.map((c) => (c === null ? null : ownString(c)));
    const mapping = mapHeaders(table, cells, file, header.row);
    for (const i of mapping.issues) report(i);
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
        this.report({
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
          this.report({
            severity: 'error',
            file: this.file,
            row,
            rule: 'unnamed-column',
            message: `第 ${i + 1} 列没有表头,却有值:请补上表头或删去这一列`,
          });
          this.unnamed.delete(i);
        }
      }
    this.count++;
    this.pending.push(
      ragged && this.strictWidth ? { row, cells: this.toRow(cells), ragged: true } : { row, cells: this.toRow(cells) },
    );
  }

  /** The rows read since the last call. */
  take(): RawRow[] {
    const rows = this.pending;
    this.pending = [];
    return rows;
  }
}

function csvTableReader(path: string, fileName: string, table: TableDef): NonNullable<TableSource['read']> {
  return async (sink, report) => {
    const encoding = await detectFileEncoding(path, fileName);
    if (!encoding.ok) {
      report(encoding.issue);
      return false;
    }
    let rows: TableRows | null = null;
    const parser = new CsvParser((cells, row) => {
      if (rows === null) {
        rows = new TableRows(table, fileName, { row, cells }, report, true);
        sink.header(rows.headers);
      } else rows.add(cells, row);
    }, encoding.loneCr);
    const handOn = async () => {
      const r = rows as TableRows | null;
      if (r !== null && r.pending.length > 0) await sink.rows(r.take());
    };
    for await (const text of decodedPieces(path, encoding.encoding, encoding.loneCr)) {
      parser.push(text);
      await handOn();
    }
    const syntax = parser.end();
    await handOn();
    for (const e of syntax) report({ severity: 'error', file: fileName, row: e.row, rule: e.rule, message: e.message });
    if (rows === null) {
      report({ severity: 'error', file: fileName, rule: 'empty-file', message: '文件是空的:至少要有一行表头' });
      return false;
    }
    return true;
  };
}

function sheetTableReader(sheet: Sheet, file: string, table: TableDef): NonNullable<TableSource['read']> {
  return async (sink, report) => {
    const [header, ...data] = sheet.rows;
    const rows = new TableRows(table, file, header!, report, false);
    sink.header(rows.headers);
    for (let i = 0; i < data.length; i += ROW_PIECE) {
      for (const r of data.slice(i, i + ROW_PIECE)) rows.add(r.cells, r.row);
      await sink.rows(rows.take());
    }
    return true;
  };
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

function unreadable(def: TableDef, issues: Issue[]): TableSource {
  return { def, file: null, issues, read: null };
}

/** Finds the tables of a publisher's folder and reads its metadata; the tables are read later, one by one. */
export async function openDataset(dir: string): Promise<DatasetSource> {
  const issues: Issue[] = [];
  const source: DatasetSource = { dir, metadata: null, issues, tables: [], trailingIssues: [] };
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
    return source;
  }
  names.sort();
  source.metadata = await readMetadata(dir, names, issues);

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
    return source;
  }
  if (workbooks.length > 1) {
    issues.push({
      severity: 'error',
      file: dir,
      rule: 'ambiguous-source',
      message: `文件夹里有 ${workbooks.length} 个工作簿(${workbooks.join('、')}):只能有一个`,
    });
    return source;
  }

  if (workbooks.length === 1) {
    const book = workbooks[0]!;
    const wb = await readWorkbook(await readFile(join(dir, book)), book);
    issues.push(...wb.issues);
    if (wb.issues.some((i) => i.rule === 'xlsx')) return source;
    for (const t of TABLES as readonly TableDef[]) {
      const found = sheetsForTable(wb, t);
      if (found.length === 0) {
        source.tables.push(unreadable(t, t.required ? [missingTable(t, book, true)] : []));
        continue;
      }
      if (found.length > 1) {
        const message = `有 ${found.length} 个工作表都是${t.label}表(${found.map((s) => `「${s.name}」`).join('、')}):只能有一个`;
        source.tables.push(unreadable(t, [{ severity: 'error', file: book, rule: 'ambiguous-source', message }]));
        continue;
      }
      const sheet = found[0]!;
      const file = `${book}#${sheet.name}`;
      if (sheet.rows.length === 0) {
        const issue: Issue = { severity: 'error', file, rule: 'empty-file', message: '工作表是空的:至少要有一行表头' };
        source.tables.push(unreadable(t, [issue]));
        continue;
      }
      source.tables.push({ def: t, file, issues: [], read: sheetTableReader(sheet, file, t) });
    }
    for (const s of wb.sheets) {
      if (!isTableSheet(s.name, TABLES) && s.rows.length > 0) {
        source.trailingIssues.push({
          severity: 'warning',
          file: `${book}#${s.name}`,
          rule: 'unknown-sheet',
          message: `未知的工作表「${s.name}」:不属于标准的任何一张表,不会被发布`,
        });
      }
    }
    return source;
  }

  for (const t of TABLES as readonly TableDef[]) {
    const files = csvFor.get(t)!;
    if (files.length === 0) {
      source.tables.push(unreadable(t, t.required ? [missingTable(t, `${t.name}.csv`, false)] : []));
      continue;
    }
    if (files.length > 1) {
      const message = `有 ${files.length} 个文件都是${t.label}表(${files.join('、')}):只能有一个`;
      source.tables.push(unreadable(t, [{ severity: 'error', file: dir, rule: 'ambiguous-source', message }]));
      continue;
    }
    const file = files[0]!;
    source.tables.push({ def: t, file, issues: [], read: csvTableReader(join(dir, file), file, t) });
  }
  for (const n of csvs) {
    if (!tableCsvs.has(n)) {
      source.trailingIssues.push({
        severity: 'warning',
        file: n,
        rule: 'unknown-file',
        message: `未知的文件「${n}」:不属于标准的任何一张表,不会被发布`,
      });
    }
  }
  return source;
}

/** Reads a whole table of a source into memory (or null when it could not be read). */
async function readWholeTable(t: TableSource, report: (issue: Issue) => void): Promise<RawTable | null> {
  if (t.read === null || t.file === null) return null;
  let headers: Record<string, HeaderColumn> = {};
  const rows: RawRow[] = [];
  const ok = await t.read(
    {
      header: (h) => (headers = h),
      rows: (piece) => {
        for (const r of piece) rows.push(r);
      },
    },
    report,
  );
  return ok ? { name: t.def.name as TableName, file: t.file, headers, rows } : null;
}

/**
 * Reads a publisher's folder whole, every row in memory (for tests and small folders; validation
 * streams through `openDataset`). Never throws for a problem in the data: every problem becomes an issue.
 */
export async function readDataset(dir: string): Promise<RawDataset> {
  const source = await openDataset(dir);
  const issues = [...source.issues];
  const tables: Partial<Record<TableName, RawTable>> = {};
  for (const t of source.tables) {
    issues.push(...t.issues);
    const table = await readWholeTable(t, (i) => issues.push(i));
    if (table) tables[table.name] = table;
  }
  issues.push(...source.trailingIssues);
  return { dir, metadata: source.metadata, tables, issues };
}
