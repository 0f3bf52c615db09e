/**
 * CSV output: UTF-8 without BOM, comma-separated, one header row of the standard's English field
 * names (in the order of src/schema), RFC 4180 quoting, LF line ends. Amounts always carry two
 * decimals; empty cells are missing values.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tableByName, type FieldType } from '../schema/index.ts';
import { SYNTH_TABLES, type Rows, type Sink, type SynthTable } from './types.ts';

interface Column {
  name: string;
  type: FieldType;
}

const columnCache = new Map<SynthTable, Column[]>();

export function columnsOf(table: SynthTable): Column[] {
  let cols = columnCache.get(table);
  if (!cols) {
    const def = tableByName(table);
    if (!def) throw new Error(`no table ${table} in src/schema`);
    cols = Object.entries(def.fields).map(([name, f]) => ({ name, type: f.type }));
    columnCache.set(table, cols);
  }
  return cols;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function quote(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function cell(value: unknown, type: FieldType): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return type === 'amount' ? value.toFixed(2) : String(value);
  return quote(String(value));
}

export function headerLine(table: SynthTable): string {
  return columnsOf(table)
    .map((c) => quote(c.name))
    .join(',');
}

export function rowLine<T extends SynthTable>(table: T, row: Rows[T]): string {
  const cols = columnsOf(table);
  const r = row as unknown as Record<string, unknown>;
  let line = '';
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    if (i > 0) line += ',';
    line += cell(r[c.name], c.type);
  }
  return line;
}

/** A whole table as CSV text. */
export function toCsv<T extends SynthTable>(table: T, rows: readonly Rows[T][]): string {
  let out = headerLine(table) + '\n';
  for (const r of rows) out += rowLine(table, r) + '\n';
  return out;
}

const BUFFER_BYTES = 1 << 20;

/** Streams rows into `<dir>/<table>.csv` through a 1 MB byte buffer per file. */
export class CsvDirectorySink implements Sink {
  private readonly fds = new Map<SynthTable, number>();
  private readonly buffers = new Map<SynthTable, { bytes: Buffer; used: number }>();

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    for (const t of SYNTH_TABLES) {
      this.fds.set(t, openSync(join(dir, `${t}.csv`), 'w'));
      this.buffers.set(t, { bytes: Buffer.allocUnsafe(BUFFER_BYTES), used: 0 });
      this.append(t, headerLine(t) + '\n');
    }
  }

  write<T extends SynthTable>(table: T, row: Rows[T]): void {
    this.append(table, rowLine(table, row) + '\n');
  }

  private append(table: SynthTable, line: string): void {
    const b = this.buffers.get(table)!;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (b.used + line.length * 3 > b.bytes.length) {
      this.flush(table);
      if (line.length * 3 > b.bytes.length) {
        writeSync(this.fds.get(table)!, line);
        return;
      }
    }
    b.used += b.bytes.write(line, b.used, 'utf8');
  }

  private flush(table: SynthTable): void {
    const b = this.buffers.get(table)!;
    if (b.used > 0) writeSync(this.fds.get(table)!, b.bytes, 0, b.used);
    b.used = 0;
  }

  close(): void {
    for (const t of SYNTH_TABLES) {
      this.flush(t);
      closeSync(this.fds.get(t)!);
    }
  }
}

export function writeDataPackage(dir: string, metadata: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(metadata, null, 2) + '\n');
}
