/**
 * The published data of the built site (SITE_DIR/data/*.csv) loaded into an in-memory DuckDB in
 * Node, with the standard's types (src/db/ddl.ts), exactly as src/publish/release.ts loads the
 * build database: what the browser's answers are compared with.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeDatabase, type NodeDatabase } from '../../src/db/node.ts';
import { createTableSql, csvColumnsSpec, quoteIdent, quoteLiteral } from '../../src/db/ddl.ts';
import type { SqlRow, SqlValue } from '../../src/db/types.ts';
import { TABLES, type TableDef } from '../../src/schema/index.ts';
import { SITE_DIR } from './harness.ts';

export async function openPublishedDatabase(root = SITE_DIR): Promise<NodeDatabase> {
  const db = await openNodeDatabase();
  for (const table of TABLES as readonly TableDef[]) {
    const csv = join(root, 'data', `${table.name}.csv`);
    await db.exec(createTableSql(table));
    if (!existsSync(csv)) continue;
    await db.exec(
      `INSERT INTO ${quoteIdent(table.name)} SELECT * FROM read_csv(${quoteLiteral(csv)}, header = true, auto_detect = false, ` +
        `delim = ',', quote = '"', escape = '"', columns = ${csvColumnsSpec(table)})`,
    );
  }
  return db;
}

/** Numbers to 12 significant digits: sums of doubles may differ in the last bits between engines. */
export function normalizeValue(v: SqlValue | undefined): SqlValue {
  if (typeof v === 'number') return Number(v.toPrecision(12));
  return v ?? null;
}

export function normalizeRows(rows: readonly SqlRow[]): SqlRow[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, normalizeValue(v)])));
}
