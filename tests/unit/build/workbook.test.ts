import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TABLES, type TableDef } from '../../../src/schema/index.ts';
import { loadDataset, validateFolder } from '../../../src/validate/index.ts';
import { CsvStager, type StagedRelease } from '../../../src/publish/staging.ts';
import { planWorkbooks, shareWorkbooks, writeWorkbooks, XLSX_FILE } from '../../../src/publish/xlsx.ts';
import { workbookResources } from '../../../src/publish/release.ts';
import { readWorkbook } from '../../../src/ingest/xlsx.ts';
import { writeWorkbooksInWorkers } from '../../../src/publish/xlsx-worker.ts';

const FIXTURE = 'tests/fixtures/valid';
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gongkai-xlsx-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The fixture validated into staged CSV files, as the build does. */
async function stageFixture(name: string): Promise<StagedRelease> {
  const stager = new CsvStager(join(scratch, name));
  const result = await validateFolder(FIXTURE, { sink: stager });
  expect(result.ok).toBe(true);
  return stager.staged();
}

describe('the Excel workbook download', () => {
  it('reads back through ingest and validation into exactly the published rows', async () => {
    const original = await loadDataset(FIXTURE);
    const staged = await stageFixture('roundtrip-staged');
    const files = await writeWorkbooks(staged.dataDir, TABLES as readonly TableDef[], staged.rowCounts);
    expect(files.map((f) => f.file)).toEqual([XLSX_FILE]);

    const folder = join(scratch, 'roundtrip');
    await mkdir(folder);
    await copyFile(join(FIXTURE, 'datapackage.json'), join(folder, 'datapackage.json'));
    await copyFile(join(staged.dataDir, XLSX_FILE), join(folder, 'data.xlsx'));
    const reread = await loadDataset(folder);
    expect(reread.errors).toEqual([]);
    expect(reread.dataset).toEqual(original.dataset);
  });

  it('stores codes as text cells under Chinese headers, with enum labels', async () => {
    const staged = await stageFixture('look');
    await writeWorkbooks(staged.dataDir, TABLES as readonly TableDef[], staged.rowCounts);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(staged.dataDir, XLSX_FILE));
    const sheet = wb.getWorksheet('社区')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('社区代码');
    const code = sheet.getRow(2).getCell(1);
    expect(typeof code.value).toBe('string');
    expect(code.value).toMatch(/^\d{12}$/);
    const kinds = new Set<string>();
    sheet.getColumn(7).eachCell((cell, row) => {
      if (row > 1) kinds.add(String(cell.value));
    });
    for (const k of kinds)
      expect(['城市社区', '农村社区', '融合型大社区', '城中村·城郊结合部·拆迁安置社区']).toContain(k);
  });

  it('splits a table above the row limit into numbered workbooks that hold every row, in order', async () => {
    const staged = await stageFixture('split');
    const limit = 3;
    const files = await writeWorkbooks(staged.dataDir, TABLES as readonly TableDef[], staged.rowCounts, {
      maxRows: limit,
    });
    const written = (await readdir(staged.dataDir)).filter((f) => f.endsWith('.xlsx')).sort();
    expect(written).toEqual(files.map((f) => f.file).sort());
    // Every table is somewhere: small ones as sheets of the main workbook, large ones in parts.
    for (const t of TABLES) {
      const sheets = files.flatMap((f) => f.sheets.filter((s) => s.table === t.name));
      expect(
        sheets.reduce((n, s) => n + s.rows, 0),
        t.name,
      ).toBe(staged.rowCounts[t.name]);
      for (const s of sheets) expect(s.rows).toBeLessThanOrEqual(limit);
    }
    expect(files[0]!.sheets.map((s) => s.table)).toEqual(
      TABLES.filter((t) => staged.rowCounts[t.name] <= limit).map((t) => t.name),
    );
    // The parts of transactions (8 rows) read back to its CSV's records, in order.
    const parts = files.filter((f) => f.sheets[0]!.table === 'transactions' && f.file !== XLSX_FILE);
    expect(parts.map((p) => p.file)).toEqual([
      'gongkai-transactions-1.xlsx',
      'gongkai-transactions-2.xlsx',
      'gongkai-transactions-3.xlsx',
    ]);
    const ids: string[] = [];
    for (const p of parts) {
      const wb = await readWorkbook(readFileSync(join(staged.dataDir, p.file)), p.file);
      expect(wb.issues).toEqual([]);
      expect(wb.sheets.map((s) => s.name)).toEqual(['资金']);
      const [header, ...rows] = wb.sheets[0]!.rows;
      expect(header!.cells[0]).toBe('流水号');
      ids.push(...rows.map((r) => r.cells[0]!));
    }
    const csv = readFileSync(join(staged.dataDir, 'transactions.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(ids).toEqual(csv.map((line) => line.split(',')[0]));

    // datapackage.json lists every file, and the main workbook's description names the parts.
    const resources = await workbookResources(staged.dataDir, files, staged.rowCounts);
    expect(resources.map((r) => r.path)).toEqual(files.map((f) => f.file));
    expect(resources[0]!.description).toContain('gongkai-transactions-3.xlsx');
    expect(resources.find((r) => r.path === 'gongkai-transactions-2.xlsx')!.name).toBe('transactions_xlsx_2');
    for (const r of resources) expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('plans parts of at most the limit, numbered from 1', () => {
    const [t] = TABLES;
    const plan = planWorkbooks([{ def: t as TableDef, rows: 450_001 }]);
    expect(plan.map((f) => [f.file, f.sheets.map((s) => [s.firstRow, s.rows])])).toEqual([
      [XLSX_FILE, []],
      ['gongkai-communities-1.xlsx', [[1, 200_000]]],
      ['gongkai-communities-2.xlsx', [[200_001, 200_000]]],
      ['gongkai-communities-3.xlsx', [[400_001, 50_001]]],
    ]);
  });

  it('shares the files between writers by rows, each file written by exactly one', async () => {
    const staged = await stageFixture('shared');
    const tables = TABLES as readonly TableDef[];
    const plan = planWorkbooks(
      tables.map((def) => ({ def, rows: staged.rowCounts[def.name as keyof typeof staged.rowCounts] })),
      3,
    );
    const shares = shareWorkbooks(plan, 2);
    expect(shares.flat().sort()).toEqual(plan.map((f) => f.file).sort());
    const written = [];
    for (const files of shares) {
      written.push(...(await writeWorkbooks(staged.dataDir, tables, staged.rowCounts, { maxRows: 3, files })));
    }
    expect(written.map((f) => f.file).sort()).toEqual(plan.map((f) => f.file).sort());
    expect((await readdir(staged.dataDir)).filter((f) => f.endsWith('.xlsx')).sort()).toEqual(
      plan.map((f) => f.file).sort(),
    );
  });

  it('writes on worker threads, and fails (stopping every worker) when a file cannot be read', async () => {
    const staged = await stageFixture('workers');
    const done = await writeWorkbooksInWorkers({ dataDir: staged.dataDir, rowCounts: staged.rowCounts, maxRows: 3 });
    expect(done.files.map((f) => f.file)).toContain('gongkai-transactions-3.xlsx');
    const empty = join(scratch, 'no-csv');
    await mkdir(empty);
    await expect(writeWorkbooksInWorkers({ dataDir: empty, rowCounts: staged.rowCounts })).rejects.toThrow(
      /writing the workbooks failed/,
    );
  });
});
