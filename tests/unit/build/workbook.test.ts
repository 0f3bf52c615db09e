import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TABLES, type TableDef } from '../../../src/schema/index.ts';
import { loadDataset } from '../../../src/validate/index.ts';
import { writeWorkbook } from '../../../src/publish/xlsx.ts';

const FIXTURE = 'tests/fixtures/valid';
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gongkai-xlsx-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the Excel workbook download', () => {
  it('reads back through ingest and validation into exactly the published rows', async () => {
    const original = await loadDataset(FIXTURE);
    expect(original.ok).toBe(true);
    const folder = join(scratch, 'roundtrip');
    await mkdir(folder);
    await copyFile(join(FIXTURE, 'datapackage.json'), join(folder, 'datapackage.json'));
    const outcome = await writeWorkbook(join(folder, 'data.xlsx'), TABLES as readonly TableDef[], original.dataset!);
    expect(outcome.omitted).toEqual([]);

    const reread = await loadDataset(folder);
    expect(reread.errors).toEqual([]);
    expect(reread.dataset).toEqual(original.dataset);
  });

  it('stores codes as text cells under Chinese headers, with enum labels', async () => {
    const original = await loadDataset(FIXTURE);
    const path = join(scratch, 'look.xlsx');
    await writeWorkbook(path, TABLES as readonly TableDef[], original.dataset!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('社区')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('社区代码');
    const code = sheet.getRow(2).getCell(1);
    expect(typeof code.value).toBe('string');
    expect(code.value).toMatch(/^\d{12}$/);
    const kinds = new Set<string>();
    sheet.getColumn(7).eachCell((cell, row) => {
      if (row > 1) kinds.add(String(cell.value));
    });
    for (const k of kinds) expect(['城市社区', '农村社区', '融合型大社区', '城中村·城郊结合部·拆迁安置社区']).toContain(k);
  });
});
