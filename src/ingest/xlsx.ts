/**
 * A workbook → sheets of text cells (data standard §1: one sheet per table, named by the table's
 * name or its Chinese name).
 *
 * Cells become the text a publisher sees: strings as they are (leading zeros kept), numbers without
 * floating-point noise, Excel date cells as `YYYY-MM-DD`, formulas as their cached result, rich
 * text as plain text, empty cells as missing (null).
 */
import ExcelJS from 'exceljs';
import type { TableDef } from '../schema/index.ts';
import type { Issue } from '../validate/issues.ts';
import { normalizeName } from './headers.ts';

export interface SheetRow {
  /** Row number as Excel shows it. */
  row: number;
  /** Cell texts by 0-based column index; null = empty. */
  cells: (string | null)[];
}

export interface Sheet {
  name: string;
  /** Non-empty rows only, in order. */
  rows: SheetRow[];
}

export interface Workbook {
  sheets: Sheet[];
  issues: Issue[];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A number as a person would write it: `0.1 + 0.2` → `0.3`, `12.0` → `12`. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const clean = Number(n.toPrecision(15));
  const s = String(clean);
  if (!s.includes('e')) return s;
  return clean.toFixed(20).replace(/\.?0+$/, '');
}

function dateText(d: Date, numFmt: string | undefined): string {
  const ymd = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}`;
  // A cell formatted as a month (`yyyy"年"m"月"`, `mmm-yy`) is a period, not a day.
  const fmt = (numFmt ?? '').replace(/"[^"]*"/g, '').toLowerCase();
  if (fmt !== '' && !fmt.includes('d') && fmt.includes('y')) return ymd;
  return `${ymd}-${pad(d.getUTCDate(), 2)}`;
}

type CellResult = { text: string | null; error?: string };

function valueText(v: unknown, numFmt: string | undefined): CellResult {
  if (v === null || v === undefined) return { text: null };
  if (typeof v === 'string') return { text: v === '' ? null : v };
  if (typeof v === 'number') {
    if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(v) && v >= 0) return { text: pad(v, numFmt.length) };
    if (numFmt && numFmt.includes('%')) return { text: `${numberText(v * 100)}%` };
    return { text: numberText(v) };
  }
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: dateText(v, numFmt) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const t = (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
      return { text: t === '' ? null : t };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined) {
        return { text: null, error: '公式没有计算结果:请在 Excel 或 WPS 中打开并保存一次,或把公式换成数值' };
      }
      return valueText(o.result, numFmt);
    }
    if ('error' in o) return { text: null, error: `单元格是错误值 ${String(o.error)}` };
    if ('text' in o) return valueText(o.text, numFmt);
  }
  return { text: String(v) };
}

/** Reads every sheet of a workbook. `file` is the workbook's name as shown to the user. */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  const issues: Issue[] = [];
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    issues.push({
      severity: 'error',
      file,
      rule: 'xlsx',
      message: `无法读取工作簿:${e instanceof Error ? e.message : String(e)}(应为 Excel 2007 及以后的 .xlsx 文件)`,
    });
    return { sheets: [], issues };
  }
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const cells: (string | null)[] = [];
      let any = false;
      r.eachCell({ includeEmpty: false }, (cell, col) => {
        const { text, error } = valueText(cell.value, cell.numFmt);
        if (error) {
          const header = rows.length > 0 ? (rows[0]!.cells[col - 1] ?? undefined) : undefined;
          issues.push({
            severity: 'error',
            file: `${file}#${ws.name}`,
            row: rowNumber,
            ...(header ? { column: header } : {}),
            rule: 'xlsx-cell',
            message: error,
          });
        }
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = text;
        if (text !== null && text.trim() !== '') any = true;
      });
      if (any) rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: ws.name, rows });
  }
  return { sheets, issues };
}

/** The sheet holding `table`: named by the table's name (`projects`) or its Chinese name (`项目`). */
export function sheetsForTable(workbook: Workbook, table: TableDef): Sheet[] {
  const names = new Set([normalizeName(table.name), normalizeName(table.label)]);
  return workbook.sheets.filter((s) => names.has(normalizeName(s.name)));
}

/** Whether a sheet name belongs to any of `tables`. */
export function isTableSheet(name: string, tables: readonly TableDef[]): boolean {
  const n = normalizeName(name);
  return tables.some((t) => normalizeName(t.name) === n || normalizeName(t.label) === n);
}
