/**
 * The release as Excel workbooks for readers who work in Excel or WPS: one sheet per table named by
 * its Chinese name, Chinese headers, enum values as their Chinese labels, codes as TEXT cells (a
 * CSV opened in Excel shows 330482001021 as 3.30482E+11 and drops leading zeros; a text cell
 * cannot), amounts as numbers with two decimals, dates as real date cells.
 *
 * Every table of at most 200,000 rows is a sheet of `gongkai.xlsx`. A larger table is split, in
 * file order, into numbered workbooks of 200,000 rows each (`gongkai-transactions-1.xlsx`, …):
 * a sheet holds at most 1,048,576 rows, and Excel and WPS become hard to use long before that.
 * Every file is listed in datapackage.json with the rows it holds.
 *
 * The rows are read back from the published CSV files (src/publish/staging.ts), so the workbooks
 * can be written on another thread while the build database is loaded (src/publish/xlsx-worker.ts).
 * Everything in them is a form the data standard accepts, so each workbook reads back through
 * src/ingest into the same rows (tested).
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildTime } from '../build/build-time.ts';
import { setZipDates } from './zip-dates.ts';
import type { FieldDef, TableDef, TableName } from '../schema/index.ts';
import { CsvParser } from '../ingest/csv.ts';
import { decodedPieces } from '../ingest/decode.ts';
import { stagedCsvPath } from './staging.ts';

export const XLSX_FILE = 'gongkai.xlsx';
export const XLSX_MAX_DATA_ROWS = 200_000;

/** Part of a table in one sheet of one workbook. */
export interface WorkbookSheet {
  table: string;
  sheet: string;
  /** Data rows in this sheet. */
  rows: number;
  /** Which data row of the table (1 = the first) the sheet starts with. */
  firstRow: number;
}

export interface WorkbookFile {
  /** File name, in the data folder. */
  file: string;
  /** Of a table split over several workbooks: which part (1, 2, …). */
  part?: number;
  sheets: WorkbookSheet[];
}

/** The workbook files for tables of these sizes: small tables together, each large one split. */
export function planWorkbooks(
  tables: readonly { def: TableDef; rows: number }[],
  maxRows = XLSX_MAX_DATA_ROWS,
): WorkbookFile[] {
  const main: WorkbookFile = { file: XLSX_FILE, sheets: [] };
  const parts: WorkbookFile[] = [];
  for (const { def, rows } of tables) {
    if (rows <= maxRows) {
      main.sheets.push({ table: def.name, sheet: def.label, rows, firstRow: 1 });
      continue;
    }
    for (let k = 0; k * maxRows < rows; k++) {
      parts.push({
        file: `gongkai-${def.name}-${k + 1}.xlsx`,
        part: k + 1,
        sheets: [
          { table: def.name, sheet: def.label, rows: Math.min(maxRows, rows - k * maxRows), firstRow: k * maxRows + 1 },
        ],
      });
    }
  }
  return [main, ...parts];
}

/** A published CSV cell (text as the typed row held it) → the workbook's cell value. */
export function cellValue(field: FieldDef, text: string | undefined): ExcelJS.CellValue {
  if (text === undefined || text === '') return null;
  switch (field.type) {
    case 'enum':
      return field.enum?.labels[text] ?? text;
    case 'date': {
      const [y, m, d] = text.split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!));
    }
    case 'integer':
    case 'number':
    case 'amount':
      return Number(text);
    default:
      return text;
  }
}

function numberFormat(field: FieldDef): string | undefined {
  switch (field.type) {
    case 'amount':
      return '#,##0.00';
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
    case 'period':
      // '@' = Text: Excel keeps what was typed into it later as text too.
      return '@';
    default:
      return undefined;
  }
}

type Writer = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;
type WorksheetWriter = ReturnType<Writer['addWorksheet']>;

function openWorkbook(path: string): Writer {
  const made = buildTime();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  writer.created = made;
  writer.modified = made;
  return writer;
}

/**
 * One style object per column, shared by all its cells: exceljs looks a cell's style up by object
 * identity first, and would otherwise serialize a fresh copy for every cell (a third of its time).
 */
function columnStyles(table: TableDef): Partial<ExcelJS.Style>[] {
  return Object.values(table.fields).map((f) => {
    const numFmt = numberFormat(f);
    return numFmt === undefined ? {} : { numFmt };
  });
}

interface SheetWriter {
  sheet: WorksheetWriter;
  styles: Partial<ExcelJS.Style>[];
}

function addSheet(workbook: Writer, table: TableDef, name: string): SheetWriter {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const styles = columnStyles(table);
  sheet.columns = Object.entries(table.fields).map(([key, f], k) => ({
    header: f.label,
    key,
    width: Math.max(10, Math.min(40, f.label.length * 2 + 4)),
    style: styles[k]!,
  }));
  sheet.getRow(1).font = { bold: true };
  return { sheet, styles };
}

function addRow(target: SheetWriter, values: ExcelJS.CellValue[]): void {
  const row = target.sheet.addRow(values);
  // Empty cells too: they carry their column's format, like the cells of a column formatted in Excel.
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.style = target.styles[column - 1]!;
  });
  row.commit();
}

/**
 * Streams the data records of a published CSV file (header skipped), in pieces: `onRecords` may
 * wait (a workbook being written) before the next piece is parsed.
 */
async function forEachRecordPiece(path: string, onRecords: (records: string[][]) => Promise<void>): Promise<void> {
  let records: string[][] = [];
  let header = true;
  const parser = new CsvParser((cells) => {
    if (header) header = false;
    else records.push(cells);
  });
  const handOn = async () => {
    if (records.length === 0) return;
    const piece = records;
    records = [];
    await onRecords(piece);
  };
  for await (const text of decodedPieces(path, 'utf-8')) {
    parser.push(text);
    await handOn();
  }
  parser.end();
  await handOn();
}

/** A sheet that receives rows, opened only when its first row comes; null = rows not written here. */
interface SheetTarget {
  rows: number;
  open: (() => { sheet: SheetWriter; done: () => Promise<void> }) | null;
}

const SKIP = { sheet: null, done: async () => {} };

/** Writes the rows of one table, from its CSV file, into the sheets planned for it (in order). */
async function writeTableSheets(dataDir: string, table: TableDef, targets: readonly SheetTarget[]): Promise<void> {
  const fields = Object.values(table.fields);
  let index = 0;
  const open = (t: SheetTarget) => t.open?.() ?? SKIP;
  let current: { sheet: SheetWriter | null; done: () => Promise<void> } = open(targets[0]!);
  let written = 0;
  await forEachRecordPiece(stagedCsvPath(dataDir, table), async (records) => {
    for (const cells of records) {
      if (written === targets[index]!.rows) {
        await current.done();
        current = open(targets[++index]!);
        written = 0;
      }
      written++;
      if (current.sheet === null) continue;
      const values = new Array<ExcelJS.CellValue>(fields.length);
      for (let k = 0; k < fields.length; k++) values[k] = cellValue(fields[k]!, cells[k]);
      addRow(current.sheet, values);
    }
  });
  await current.done();
}

export interface WorkbookOptions {
  /** Data rows per sheet at most (default XLSX_MAX_DATA_ROWS). */
  maxRows?: number;
  /** Write only these files of the plan (another thread writes the others); default all. */
  files?: readonly string[];
}

/**
 * Writes the workbooks of the release into `dataDir` from its published CSV files; returns the
 * files written, with the sheets and rows each holds.
 */
export async function writeWorkbooks(
  dataDir: string,
  tables: readonly TableDef[],
  rowCounts: Readonly<Record<TableName, number>>,
  options: WorkbookOptions = {},
): Promise<WorkbookFile[]> {
  const plan = planWorkbooks(
    tables.map((def) => ({ def, rows: rowCounts[def.name as TableName] })),
    options.maxRows,
  );
  const wanted = (f: WorkbookFile) => options.files === undefined || options.files.includes(f.file);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const [main, ...parts] = plan;
  if (wanted(main!)) {
    // The small tables, one sheet each, into the main workbook.
    const workbook = openWorkbook(join(dataDir, main!.file));
    for (const s of main!.sheets) {
      const table = byName.get(s.table)!;
      const sheet = addSheet(workbook, table, s.sheet);
      await writeTableSheets(dataDir, table, [
        { rows: s.rows, open: () => ({ sheet, done: async () => sheet.sheet.commit() }) },
      ]);
    }
    await workbook.commit();
  }
  // Each large table read once, its rows flowing from one numbered workbook into the next.
  for (const table of tables) {
    const own = parts.filter((p) => p.sheets[0]!.table === table.name);
    if (!own.some(wanted)) continue;
    const targets = own.map((p): SheetTarget => ({
      rows: p.sheets[0]!.rows,
      open: wanted(p)
        ? () => {
            const book = openWorkbook(join(dataDir, p.file));
            const sheet = addSheet(book, table, p.sheets[0]!.sheet);
            return {
              sheet,
              done: async () => {
                sheet.sheet.commit();
                await book.commit();
              },
            };
          }
        : null,
    }));
    await writeTableSheets(dataDir, table, targets);
  }
  // The zip inside each workbook dates its entries by when they were written: one date for all,
  // the build's, so that the same release gives the same files (src/publish/zip-dates.ts).
  const written = plan.filter(wanted);
  for (const f of written) await setZipDates(join(dataDir, f.file), buildTime());
  return written;
}

/** Splits the files of a plan into `groups` of about equal rows (the largest first, each to the lightest group). */
export function shareWorkbooks(plan: readonly WorkbookFile[], groups: number): string[][] {
  const rowsOf = (f: WorkbookFile) => f.sheets.reduce((n, s) => n + s.rows, 0);
  const shares = Array.from({ length: groups }, () => ({ rows: 0, files: [] as string[] }));
  for (const f of [...plan].sort((a, b) => rowsOf(b) - rowsOf(a))) {
    const lightest = shares.reduce((a, b) => (b.rows < a.rows ? b : a));
    lightest.rows += rowsOf(f);
    lightest.files.push(f.file);
  }
  return shares.map((s) => s.files).filter((files) => files.length > 0);
}
