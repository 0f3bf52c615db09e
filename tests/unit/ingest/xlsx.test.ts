import { writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { projects as projectsDef, TABLES, type TableDef } from '../../../src/schema/index.ts';
import { numberText, readWorkbook } from '../../../src/ingest/xlsx.ts';
import { readDataset } from '../../../src/ingest/read-dataset.ts';
import { loadDataset, validateDataset } from '../../../src/validate/index.ts';
import { FIXTURE, fixtureRecords, located, tempDir } from '../validate/helpers.ts';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('numberText', () => {
  it('writes numbers as a person would', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(12)).toBe('12');
    expect(numberText(12.5)).toBe('12.5');
    expect(numberText(1 / 3)).toBe('0.333333333333333');
    expect(numberText(330482001001)).toBe('330482001001');
    expect(numberText(1234.56 * 3)).toBe('3703.68');
    expect(numberText(1e-7)).toBe('0.0000001');
  });
});

describe('readWorkbook', () => {
  it('turns cells into the text the publisher sees', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('测试');
    ws.addRow([
      'text',
      'zeros',
      'padded',
      'float',
      'int',
      'date',
      'month',
      'formula',
      'rich',
      'link',
      'empty',
      'pct',
      'bool',
    ]);
    const r = ws.addRow([
      '  东湖 ',
      '000123',
      123,
      0.1 + 0.2,
      80000,
      new Date(Date.UTC(2024, 1, 29)),
      new Date(Date.UTC(2024, 2, 1)),
      { formula: 'E2*2', result: 160000 },
      { richText: [{ text: '东湖' }, { font: { bold: true }, text: '社区' }] },
      { text: '平湖市民政局', hyperlink: 'https://example.org' },
      null,
      0.35,
      true,
    ]);
    r.getCell(3).numFmt = '000000';
    r.getCell(6).numFmt = 'yyyy-mm-dd';
    r.getCell(7).numFmt = 'yyyy"年"m"月"';
    r.getCell(12).numFmt = '0%';
    ws.addRow([]);
    ws.addRow(['', null, '   ']); // blank: skipped
    ws.addRow(['last']);
    const book = await readWorkbook(await bytesOf(wb), 'data.xlsx');
    expect(book.issues).toEqual([]);
    expect(book.sheets).toHaveLength(1);
    const rows = book.sheets[0]!.rows;
    expect(rows.map((x) => x.row)).toEqual([1, 2, 5]);
    expect(rows[1]!.cells).toEqual([
      '  东湖 ',
      '000123',
      '000123',
      '0.3',
      '80000',
      '2024-02-29',
      '2024-03',
      '160000',
      '东湖社区',
      '平湖市民政局',
      null,
      '35%',
      'TRUE',
    ]);
  });

  it('reports error values and formulas without a result, located', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目');
    ws.addRow(['a', 'b']);
    ws.addRow([{ error: '#N/A' }, { formula: 'A1' }]);
    const book = await readWorkbook(await bytesOf(wb), 'data.xlsx');
    expect(located(book.issues)).toEqual([
      { file: 'data.xlsx#项目', row: 2, column: 'a', rule: 'xlsx-cell' },
      { file: 'data.xlsx#项目', row: 2, column: 'b', rule: 'xlsx-cell' },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    const book = await readWorkbook(new TextEncoder().encode('not a zip'), 'data.xlsx');
    expect(located(book.issues)).toEqual([{ file: 'data.xlsx', rule: 'xlsx' }]);
  });
});

/** The fixture as a workbook: sheets named in Chinese and English, typed cells where Excel would type them. */
async function fixtureWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  (TABLES as readonly TableDef[]).forEach((t, ti) => {
    const [header, ...rows] = fixtureRecords(t.name);
    const chinese = ti % 2 === 0;
    const ws = wb.addWorksheet(chinese ? t.label : t.name);
    ws.addRow(header!.map((f) => (chinese ? t.fields[f]!.label : f)));
    for (const rec of rows) {
      const values = rec.map((v, i) => {
        const def = t.fields[header![i]!]!;
        if (v === '') return null;
        if (def.type === 'integer' || def.type === 'number' || def.type === 'amount') return Number(v);
        if (def.type === 'date') return new Date(`${v}T00:00:00Z`);
        if (header![i] === 'community_id' && t.name === 'communities') return Number(v); // a code typed as a number
        if (def.type === 'period' && /^\d{4}$/.test(v)) return Number(v);
        return v;
      });
      const row = ws.addRow(values);
      header!.forEach((f, i) => {
        if (t.fields[f]!.type === 'date') row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
    }
  });
  // A formula and rich text, as a publisher's workbook would have them.
  const projects = wb.getWorksheet(projectsDef.label) ?? wb.getWorksheet('projects')!;
  const headerOf = (f: keyof typeof projectsDef.fields) =>
    (projects.getRow(1).values as unknown[]).findIndex((v) => v === f || v === projectsDef.fields[f].label);
  const col = headerOf('budget');
  projects.getCell(2, col).value = { formula: '40000*2', result: 80000 };
  const titleCol = headerOf('title');
  const title = String(projects.getCell(2, titleCol).value);
  projects.getCell(2, titleCol).value = {
    richText: [{ text: title.slice(0, 2) }, { font: { bold: true }, text: title.slice(2) }],
  };
  return wb;
}

describe('a dataset as one workbook', () => {
  it('reads to the same typed rows as the CSV files', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURE, 'datapackage.json'), join(dir, 'datapackage.json'));
    writeFileSync(join(dir, 'data.xlsx'), await bytesOf(await fixtureWorkbook()));
    const fromXlsx = await loadDataset(dir);
    const fromCsv = await loadDataset(FIXTURE);
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.warnings).toEqual([]);
    expect(fromXlsx.ok).toBe(true);
    expect(fromXlsx.dataset).toEqual(fromCsv.dataset);
    const raw = await readDataset(dir);
    expect(raw.tables.communities!.file).toBe(`data.xlsx#${TABLES[0].label}`);
    expect(raw.tables.organizations!.file).toBe('data.xlsx#organizations');
  });

  it('locates errors in a sheet by its row number and header', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURE, 'datapackage.json'), join(dir, 'datapackage.json'));
    const wb = await fixtureWorkbook();
    const ws = wb.getWorksheet('organizations')!;
    ws.getCell(3, 1).value = '91330482MA2B3C4D5X'; // wrong check character; referenced nowhere else now
    writeFileSync(join(dir, 'data.xlsx'), await bytesOf(wb));
    const raw = await readDataset(dir);
    const r = validateDataset(raw);
    expect(located(r.errors)).toContainEqual({
      file: 'data.xlsx#organizations',
      row: 3,
      column: 'org_id',
      rule: 'uscc',
    });
  });

  it('warns about a sheet that is no table, and refuses a missing required sheet', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURE, 'datapackage.json'), join(dir, 'datapackage.json'));
    const wb = await fixtureWorkbook();
    wb.removeWorksheet(wb.getWorksheet(TABLES.find((t) => t.name === 'surveys')!.name)!.id);
    wb.addWorksheet('说明').addRow(['本工作簿的说明']);
    writeFileSync(join(dir, 'data.xlsx'), await bytesOf(wb));
    const raw = await readDataset(dir);
    expect(located(raw.issues)).toEqual([
      { file: 'data.xlsx', rule: 'missing-table' },
      { file: 'data.xlsx#说明', rule: 'unknown-sheet' },
    ]);
  });
});
