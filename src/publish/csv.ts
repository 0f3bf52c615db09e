/**
 * The published CSV: UTF-8 with a byte-order mark, so that Excel and WPS on a Chinese Windows
 * machine read the Chinese text correctly, RFC 4180 quoting, English field names in the header
 * (the names of datapackage.json's schema), codes as text exactly as published.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { TableDef } from '../schema/index.ts';
import { UTF8_BOM, csvCell } from '../lib/csv.ts';

// One cell rule for the published files and the browser's downloads (src/lib/csv.ts).
export { UTF8_BOM, csvCell };

export async function writeTableCsv(path: string, table: TableDef, rows: readonly object[]): Promise<void> {
  const fields = Object.keys(table.fields);
  const out = createWriteStream(path, { encoding: 'utf8' });
  out.write(UTF8_BOM + fields.join(',') + '\r\n');
  let chunk: string[] = [];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    chunk.push(fields.map((f) => csvCell(record[f])).join(','));
    if (chunk.length === 5000) {
      if (!out.write(chunk.join('\r\n') + '\r\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\r\n') + '\r\n');
  out.end();
  await once(out, 'finish');
}
