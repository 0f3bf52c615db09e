/**
 * Validated rows → the published CSV files, written while validation streams the rows (it keeps
 * none): the build validates straight into its staging folder, and publishes from there only when
 * the whole release turned out valid (src/build/pipeline.ts). Every later file — the build
 * database, Parquet, Arrow, the workbooks — is made from these CSV files, so none can disagree.
 *
 * The format is src/publish/csv.ts's: UTF-8 with BOM, RFC 4180, CRLF, English header, values as
 * the typed rows hold them (codes as text, dates YYYY-MM-DD, amounts as JavaScript writes the number).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { TABLES, type TableDef, type TableName } from '../schema/index.ts';
import type { TypedRow, TypedRowSink } from '../validate/index.ts';
import { csvCell, UTF8_BOM } from './csv.ts';

/** What validation staged for publishing: the handle `publishRelease` takes. */
export interface StagedRelease {
  /** The folder holding `<table>.csv` for every table of the standard (header only for an absent one). */
  dataDir: string;
  rowCounts: Record<TableName, number>;
  /** Time spent writing the CSV files, inside validation (for the build's figures). */
  csvMs: number;
}

export function stagedCsvPath(dataDir: string, table: TableDef | string): string {
  return join(dataDir, `${typeof table === 'string' ? table : table.name}.csv`);
}

const NEEDS_QUOTES = /[",\r\n]/;

/** `csvCell` for a typed value: a number never needs quotes, so only text is looked at. */
function typedCell(value: TypedRow[string] | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return NEEDS_QUOTES.test(value) ? csvCell(value) : value;
}

/** One record of the published CSV, without its line end. */
export function csvRecord(fields: readonly string[], row: TypedRow): string {
  const cells = new Array<string>(fields.length);
  for (let k = 0; k < fields.length; k++) cells[k] = typedCell(row[fields[k]!]);
  return cells.join(',');
}

/** A `TypedRowSink` writing each table to `<dataDir>/<table>.csv` as its rows arrive. */
export class CsvStager implements TypedRowSink {
  readonly dataDir: string;
  private out: WriteStream | null = null;
  private fields: string[] = [];
  private readonly rowCounts = {} as Record<TableName, number>;
  private csvMs = 0;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  async beginTable(table: TableDef): Promise<void> {
    await this.timed(async () => {
      await mkdir(this.dataDir, { recursive: true });
      this.fields = Object.keys(table.fields);
      this.out = createWriteStream(stagedCsvPath(this.dataDir, table), { encoding: 'utf8' });
      this.out.write(`${UTF8_BOM}${this.fields.join(',')}\r\n`);
    });
  }

  async rows(_table: TableDef, rows: readonly TypedRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.timed(async () => {
      const lines = new Array<string>(rows.length + 1);
      for (let i = 0; i < rows.length; i++) lines[i] = csvRecord(this.fields, rows[i]!);
      // The last element is empty: every record ends with CRLF.
      lines[rows.length] = '';
      if (!this.out!.write(lines.join('\r\n'))) await once(this.out!, 'drain');
    });
  }

  async endTable(table: TableDef, rowCount: number): Promise<void> {
    await this.timed(async () => {
      const out = this.out!;
      out.end();
      await once(out, 'finish');
      this.out = null;
      this.rowCounts[table.name as TableName] = rowCount;
    });
  }

  /** The staged tables, once validation has gone through every table. */
  staged(): StagedRelease {
    for (const t of TABLES) {
      if (this.rowCounts[t.name] === undefined) throw new Error(`table ${t.name} was never staged`);
    }
    return { dataDir: this.dataDir, rowCounts: { ...this.rowCounts }, csvMs: Math.round(this.csvMs) };
  }

  private async timed(step: () => Promise<void>): Promise<void> {
    const start = performance.now();
    try {
      await step();
    } finally {
      this.csvMs += performance.now() - start;
    }
  }
}
