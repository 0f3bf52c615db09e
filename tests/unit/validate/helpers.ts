/** Shared helpers for the ingest and validate tests: the valid fixture, cell edits, issue lookup. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { TableName } from '../../../src/schema/index.ts';
import { readDataset, type RawDataset } from '../../../src/ingest/read-dataset.ts';
import { parseCsvRecords } from '../../../src/ingest/csv.ts';
import type { Issue } from '../../../src/validate/issues.ts';

export const FIXTURE = fileURLToPath(new URL('../../fixtures/valid/', import.meta.url));

let cached: RawDataset | null = null;

/** A fresh copy of the valid fixture, read once. */
export async function fixtureRaw(): Promise<RawDataset> {
  cached ??= await readDataset(FIXTURE);
  return structuredClone(cached);
}

/** Sets one cell, addressed by its spreadsheet row (header = 1), in a RawDataset. */
export function setCell(raw: RawDataset, table: TableName, row: number, field: string, value: string | null): void {
  const t = raw.tables[table];
  if (!t) throw new Error(`no table ${table}`);
  const r = t.rows.find((x) => x.row === row);
  if (!r) throw new Error(`no row ${row} in ${table}`);
  if (!(field in r.cells)) throw new Error(`no field ${field} in ${table}`);
  r.cells[field] = value;
}

/** A cell's current value in a RawDataset. */
export function getCell(raw: RawDataset, table: TableName, row: number, field: string): string | null {
  const r = raw.tables[table]!.rows.find((x) => x.row === row)!;
  return r.cells[field]!;
}

/** The location of issues, for exact comparison. */
export function located(issues: readonly Issue[]): { file: string; row?: number; column?: string; rule: string }[] {
  return issues.map((i) => {
    const o: { file: string; row?: number; column?: string; rule: string } = { file: i.file, rule: i.rule };
    if (i.row !== undefined) o.row = i.row;
    if (i.column !== undefined) o.column = i.column;
    return o;
  });
}

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A temporary directory, removed after the test file. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  temps.push(d);
  return d;
}

/** A copy of the valid fixture folder in a temporary directory. */
export function copyFixture(): string {
  const d = tempDir();
  cpSync(FIXTURE, d, { recursive: true });
  return d;
}

/** The fixture's CSV of a table as records (header first). */
export function fixtureRecords(table: string): string[][] {
  const text = readFileSync(join(FIXTURE, `${table}.csv`), 'utf8');
  return parseCsvRecords(text).records.map((r) => r.cells);
}

/** Writes records as RFC 4180 CSV text. */
export function toCsv(records: readonly (readonly string[])[], eol = '\n'): string {
  const q = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return records.map((r) => r.map(q).join(',')).join(eol) + eol;
}

export function writeCsv(dir: string, name: string, records: readonly (readonly string[])[]): void {
  writeFileSync(join(dir, name), toCsv(records));
}
