/**
 * The release as one Excel workbook (`gongkai.xlsx`) for readers who work in Excel or WPS: one
 * sheet per table named by its Chinese name, Chinese headers, enum values as their Chinese labels,
 * codes as TEXT cells (a CSV opened in Excel shows 330482001021 as 3.30482E+11 and drops leading
 * zeros; a text cell cannot), amounts as numbers with two decimals, dates as real date cells.
 *
 * Everything in it is a form the data standard accepts, so the workbook reads back through
 * src/ingest into the same rows (tested). A table of more than 200,000 rows is left out of the
 * workbook and the reader is pointed to its CSV and Parquet files: a sheet holds at most 1,048,576
 * rows, Excel and WPS become hard to use long before that, and writing such a sheet took 2.5
 * minutes of a 10,000-community build (surveys, 0.9 million rows) for a file nobody could open.
 */
import ExcelJS from 'exceljs';
import type { Dataset, FieldDef, TableDef } from '../schema/index.ts';

export const XLSX_FILE = 'gongkai.xlsx';
export const XLSX_MAX_DATA_ROWS = 200_000;

export interface WorkbookOutcome {
  /** Tables written as sheets. */
  included: string[];
  /** Tables too large for a sheet. */
  omitted: string[];
}

function cellValue(field: FieldDef, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'enum':
      return field.enum?.labels[value as string] ?? String(value);
    case 'date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!));
    }
    case 'integer':
    case 'number':
    case 'amount':
      return value as number;
    default:
      return String(value);
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

export async function writeWorkbook(
  path: string,
  tables: readonly TableDef[],
  dataset: Dataset,
): Promise<WorkbookOutcome> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const outcome: WorkbookOutcome = { included: [], omitted: [] };
  for (const table of tables) {
    const rows = dataset[table.name as keyof Dataset] as readonly Record<string, unknown>[];
    if (rows.length > XLSX_MAX_DATA_ROWS) {
      outcome.omitted.push(table.name);
      continue;
    }
    const fields = Object.entries(table.fields);
    const sheet = workbook.addWorksheet(table.label, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = fields.map(([name, f]) => ({
      header: f.label,
      key: name,
      width: Math.max(10, Math.min(40, f.label.length * 2 + 4)),
      style: { numFmt: numberFormat(f) } as Partial<ExcelJS.Style>,
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(fields.map(([name, f]) => cellValue(f, row[name]))).commit();
    }
    sheet.commit();
    outcome.included.push(table.name);
  }
  await workbook.commit();
  return outcome;
}
