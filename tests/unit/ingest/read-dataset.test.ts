import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  PROJECT_CATEGORY,
  PROJECT_MECHANISM,
  PROJECT_STATUS,
  projects,
  transactions,
  type TableDef,
} from '../../../src/schema/index.ts';
import { checkMetadata, readDataset } from '../../../src/ingest/read-dataset.ts';
import { loadDataset } from '../../../src/validate/index.ts';
import { copyFixture, FIXTURE, fixtureRecords, located, writeCsv } from '../validate/helpers.ts';

const csvFiles = readdirSync(FIXTURE).filter((n) => n.endsWith('.csv'));

describe('readDataset', () => {
  it('reads the fixture: metadata, every table, header mapping and rows with spreadsheet row numbers', async () => {
    const raw = await readDataset(FIXTURE);
    expect(raw.issues).toEqual([]);
    expect(raw.metadata).toMatchObject({ name: 'fixture-valid', sample: true, publisher: { name: '平湖市民政局' } });
    expect(Object.keys(raw.tables).sort()).toEqual(csvFiles.map((n) => n.replace('.csv', '')).sort());
    const p = raw.tables.projects!;
    expect(p.file).toBe('projects.csv');
    expect(p.headers.budget).toEqual({ header: 'budget', index: 11 });
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(p.rows[0]!.cells).toMatchObject({
      project_id: 'P2024-001',
      end_date: '2024-12-31',
      continues_project_id: null,
    });
    // every field of the table is present, in schema order
    expect(Object.keys(p.rows[0]!.cells)).toEqual(Object.keys(projects.fields));
    // quoted values with commas and doubled quotes
    expect(raw.tables.communities!.rows[2]!.cells.description).toBe('村里有"共富工坊"');
  });

  it('reads GB18030 files to the same rows as UTF-8', async () => {
    const dir = copyFixture();
    for (const n of csvFiles)
      writeFileSync(join(dir, n), iconv.encode(readFileSync(join(FIXTURE, n), 'utf8'), 'gb18030'));
    const [a, b] = [await readDataset(FIXTURE), await readDataset(dir)];
    expect(b.issues).toEqual([]);
    expect(b.tables).toEqual(a.tables);
  });

  it('reads UTF-8 with a byte-order mark and CRLF line ends to the same rows', async () => {
    const dir = copyFixture();
    for (const n of csvFiles) {
      const text = readFileSync(join(FIXTURE, n), 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(join(dir, n), `\uFEFF${text}`);
    }
    const [a, b] = [await readDataset(FIXTURE), await readDataset(dir)];
    expect(b.issues).toEqual([]);
    // the quoted description has no newline, so CRLF changes nothing in the cells
    expect(b.tables).toEqual(a.tables);
  });

  it('accepts Chinese headers in shuffled order', async () => {
    const dir = copyFixture();
    const [header, ...rows] = fixtureRecords('projects');
    const order = header!.map((_, i) => (i * 5) % header!.length); // a permutation: 5 is coprime with 21
    expect(new Set(order).size).toBe(header!.length);
    const fields = projects.fields as Record<string, { label: string }>;
    writeCsv(dir, 'projects.csv', [
      order.map((i) => fields[header![i]!]!.label),
      ...rows.map((r) => order.map((i) => r[i]!)),
    ]);
    const [a, b] = [await loadDataset(FIXTURE), await loadDataset(dir)];
    expect(b.errors).toEqual([]);
    expect(b.dataset).toEqual(a.dataset);
  });

  it('accepts enum labels instead of codes, and thousands separators in amounts', async () => {
    const dir = copyFixture();
    const [header, ...rows] = fixtureRecords('projects');
    const col = (f: string) => header!.indexOf(f);
    for (const r of rows) {
      r[col('status')] = PROJECT_STATUS.labels[r[col('status')] as keyof typeof PROJECT_STATUS.labels];
      r[col('category')] = PROJECT_CATEGORY.labels[r[col('category')] as keyof typeof PROJECT_CATEGORY.labels];
      r[col('mechanism')] = PROJECT_MECHANISM.labels[r[col('mechanism')] as keyof typeof PROJECT_MECHANISM.labels];
      r[col('budget')] = Number(r[col('budget')]).toLocaleString('en-US', { minimumFractionDigits: 2 });
    }
    expect(rows[0]![col('budget')]).toBe('80,000.00');
    writeCsv(dir, 'projects.csv', [header!, ...rows]);
    const [a, b] = [await loadDataset(FIXTURE), await loadDataset(dir)];
    expect(b.errors).toEqual([]);
    expect(b.dataset).toEqual(a.dataset);
  });

  it('refuses an amount with a unit (12万), located, with a clear message', async () => {
    const dir = copyFixture();
    const [header, ...rows] = fixtureRecords('transactions');
    rows[0]![header!.indexOf('amount')] = '8万';
    writeCsv(dir, 'transactions.csv', [header!, ...rows]);
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'transactions.csv', row: 2, column: 'amount', rule: 'unit' }]);
    expect(r.errors[0]!.message).toContain('「8万」');
    expect(r.errors[0]!.message).toContain('80000');
    expect(r.errors[0]!.message).toContain('元');
  });

  it('refuses a ragged row, keeping its key so references still resolve', async () => {
    const dir = copyFixture();
    const text = readFileSync(join(FIXTURE, 'projects.csv'), 'utf8').replace(
      '为独居老人提供探访服务',
      '为独居老人,提供探访服务',
    );
    writeFileSync(join(dir, 'projects.csv'), text);
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'projects.csv', row: 2, rule: 'ragged-row' }]);
  });

  it('refuses a value under a column without header', async () => {
    const dir = copyFixture();
    const [header, ...rows] = fixtureRecords('workforce');
    writeCsv(dir, 'workforce.csv', [[...header!, ''], ...rows.map((r, i) => [...r, i === 1 ? 'x' : ''])]);
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'workforce.csv', row: 3, rule: 'unnamed-column' }]);
  });

  it('skips blank rows, keeping the row numbers of those after them', async () => {
    const dir = copyFixture();
    const text = readFileSync(join(FIXTURE, 'workforce.csv'), 'utf8').replace(/\n(330482102201)/, '\n,,,,,,,\n\n$1');
    writeFileSync(join(dir, 'workforce.csv'), text);
    const raw = await readDataset(dir);
    expect(raw.issues).toEqual([]);
    expect(raw.tables.workforce!.rows.map((r) => r.row)).toEqual([2, 3, 6]);
  });

  it('warns about unknown columns and refuses missing required columns, in the header row', async () => {
    const dir = copyFixture();
    const [header, ...rows] = fixtureRecords('transactions');
    const drop = header!.indexOf('amount');
    const keep = (r: string[]) => [...r.filter((_, i) => i !== drop), '备注'];
    writeCsv(dir, 'transactions.csv', [keep(header!), ...rows.map(keep)]);
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'transactions.csv', row: 1, rule: 'missing-column' }]);
    expect(r.errors[0]!.field).toBe('amount');
    expect(r.errors[0]!.message).toContain(transactions.fields.amount.label);
    expect(located(r.warnings)).toEqual([{ file: 'transactions.csv', row: 1, column: '备注', rule: 'unknown-column' }]);
  });

  it('refuses a duplicate column', async () => {
    const dir = copyFixture();
    const [header, ...rows] = fixtureRecords('surveys');
    writeCsv(dir, 'surveys.csv', [[...header!, 'period'], ...rows.map((r) => [...r, '2024'])]);
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'surveys.csv', row: 1, column: 'period', rule: 'duplicate-column' }]);
  });

  it('refuses a file that is neither UTF-8 nor GB18030, naming the row', async () => {
    const dir = copyFixture();
    const bytes = readFileSync(join(FIXTURE, 'proposals.csv'));
    const at = bytes.indexOf(Buffer.from('村口'));
    writeFileSync(
      join(dir, 'proposals.csv'),
      Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xff]), bytes.subarray(at)]),
    );
    const r = await readDataset(dir);
    expect(located(r.issues)).toEqual([{ file: 'proposals.csv', row: 3, rule: 'encoding' }]);
  });

  it('refuses a missing required table, and accepts a missing optional one', async () => {
    const dir = copyFixture();
    rmSync(join(dir, 'surveys.csv'));
    rmSync(join(dir, 'workforce.csv'));
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'surveys.csv', rule: 'missing-table' }]);
    expect(r.counts.workforce).toBe(0);
    expect(r.counts.surveys).toBe(0);
  });

  it('accepts an organizations file holding only its header row', async () => {
    const dir = copyFixture();
    const [header] = fixtureRecords('organizations');
    writeCsv(dir, 'organizations.csv', [header!]);
    // without organizations, the references to them must go too
    for (const [table, cols] of [
      ['projects', ['operator_org_id']],
      ['transactions', ['counterparty_org_id']],
      ['surveys', ['conducted_by']],
    ] as const) {
      const [h, ...rows] = fixtureRecords(table);
      for (const c of cols) for (const r of rows) r[h!.indexOf(c)] = '';
      writeCsv(dir, `${table}.csv`, [h!, ...rows]);
    }
    const r = await loadDataset(dir);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts.organizations).toBe(0);
    expect(r.dataset!.organizations).toEqual([]);
  });

  it('refuses an empty CSV file', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'organizations.csv'), '');
    const r = await readDataset(dir);
    expect(located(r.issues)).toEqual([{ file: 'organizations.csv', rule: 'empty-file' }]);
  });

  it('accepts a table file named in Chinese', async () => {
    const dir = copyFixture();
    const t = (await import('../../../src/schema/index.ts')).workforce as TableDef;
    writeFileSync(join(dir, `${t.label}.csv`), readFileSync(join(FIXTURE, 'workforce.csv')));
    rmSync(join(dir, 'workforce.csv'));
    const raw = await readDataset(dir);
    expect(raw.issues).toEqual([]);
    expect(raw.tables.workforce!.file).toBe(`${t.label}.csv`);
  });

  it('refuses a folder with both CSV tables and a workbook', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'data.xlsx'), 'x');
    const r = await readDataset(dir);
    expect(located(r.issues)).toEqual([{ file: dir, rule: 'ambiguous-source' }]);
  });

  it('ignores Excel lock files and warns about CSV files that are no table', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, '~$data.xlsx'), 'lock');
    writeFileSync(join(dir, 'notes.csv'), 'a\n1\n');
    const r = await readDataset(dir);
    expect(located(r.issues)).toEqual([{ file: 'notes.csv', rule: 'unknown-file' }]);
    expect(r.issues[0]!.severity).toBe('warning');
  });

  it('refuses old .xls workbooks', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'data.xls'), 'x');
    const r = await readDataset(dir);
    expect(located(r.issues)).toEqual([{ file: 'data.xls', rule: 'file-format' }]);
  });
});

describe('datapackage.json', () => {
  it('is required', async () => {
    const dir = copyFixture();
    rmSync(join(dir, 'datapackage.json'));
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'datapackage.json', rule: 'missing-file' }]);
    expect(r.metadata).toBeNull();
  });

  it('must be valid JSON: the message carries the line and column', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'datapackage.json'), '{\n  "name": "x",\n}\n');
    const r = await loadDataset(dir);
    expect(located(r.errors)).toEqual([{ file: 'datapackage.json', rule: 'metadata-json' }]);
    expect(r.errors[0]!.message).toMatch(/line 3/);
  });

  it('must follow the release metadata schema: each error names its JSON path', () => {
    const json = JSON.parse(readFileSync(join(FIXTURE, 'datapackage.json'), 'utf8'));
    delete json.publisher.name;
    json.created = '2025/07/01';
    json.name = 'Pinghu 2025';
    json.sample = 'yes';
    const { metadata, issues } = checkMetadata(json);
    expect(metadata).toBeNull();
    expect(issues.map((i) => [i.field, i.rule]).sort()).toEqual([
      ['created', 'metadata'],
      ['name', 'metadata'],
      ['publisher.name', 'metadata'],
      ['sample', 'metadata'],
    ]);
    const byField = Object.fromEntries(issues.map((i) => [i.field, i.message]));
    expect(byField['publisher.name']).toBe('publisher.name: 缺少必填项');
    expect(byField.created).toContain('YYYY-MM-DD');
    expect(byField.sample).toContain('true 或 false');
  });

  it('defaults sample to false', () => {
    const json = JSON.parse(readFileSync(join(FIXTURE, 'datapackage.json'), 'utf8'));
    delete json.sample;
    expect(checkMetadata(json).metadata!.sample).toBe(false);
  });
});
