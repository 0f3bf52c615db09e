/**
 * Build time: what a querying page tells DuckDB-wasm about the standard's tables (src/db/browser.ts):
 * where each table's Arrow file is, how big it is, and its CREATE TABLE from src/db/ddl.ts, so that
 * the browser's tables have the build database's exact types without shipping src/schema (zod) to
 * the browser. Sizes and row counts come from the release's datapackage.json.
 */
import { TABLES, type TableDef } from '../schema/index.ts';
import { createTableSql } from '../db/ddl.ts';
import { arrowFileName, type BrowserTable } from '../db/browser-support.ts';
import { loadDatapackage } from './datapackage-file.ts';
import { once } from './load/cache.ts';

interface ArrowResource {
  name: string;
  path: string;
  bytes?: number;
  rowCount?: number;
}

export function browserTables(
  resources: readonly ArrowResource[],
  rowCounts: Readonly<Record<string, number>> = {},
): BrowserTable[] {
  const byPath = new Map(resources.map((r) => [r.path, r]));
  return (TABLES as readonly TableDef[]).map((t) => {
    const file = arrowFileName(t.name);
    const resource = byPath.get(file);
    return {
      name: t.name,
      label: t.label,
      url: `/data/${file}`,
      createSql: createTableSql(t),
      // Unknown (no datapackage): -1 means "insert whatever the file holds".
      rows: resource?.rowCount ?? rowCounts[t.name] ?? -1,
      bytes: resource?.bytes ?? null,
    };
  });
}

export const loadBrowserTables = once(async (): Promise<BrowserTable[]> => {
  const dp = await loadDatapackage();
  return browserTables((dp?.resources ?? []) as ArrowResource[]);
});
