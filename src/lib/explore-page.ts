/**
 * Build time: everything /explore/ shows without JavaScript. Each example question of
 * src/queries/example_*.sql is run here, in Node, against the build database, so the page carries
 * real answers (and the browser test can compare DuckDB-wasm's answers with them); the schema of
 * every table comes from src/schema with the DuckDB type each field has (src/db/ddl.ts).
 */
import { buildDatabase, runOpenQuery, runQuery } from '../db/build-database.ts';
import { duckdbType } from '../db/ddl.ts';
import type { SqlRow } from '../db/types.ts';
import type { BrowserTable } from '../db/browser-support.ts';
import { QUERIES } from '../queries/index.ts';
import { TABLES, type TableDef } from '../schema/index.ts';
import { loadBrowserTables } from './browser-tables.ts';
import { exampleQueries, type ExampleQuery, type ResultColumn } from './explore.ts';

/** Rows of each example's answer printed in the page. */
export const EXAMPLE_PREVIEW_ROWS = 12;

export interface ExampleResult extends ExampleQuery {
  columns: ResultColumn[];
  rows: SqlRow[];
  rowCount: number;
}

export interface SchemaField {
  name: string;
  label: string;
  type: string;
  required: boolean;
  description: string;
  /** Enum codes with their Chinese labels. */
  codes: [string, string][];
  references: string | null;
}

export interface SchemaTable {
  name: string;
  label: string;
  description: string;
  rows: number;
  fields: SchemaField[];
}

export interface ExplorePage {
  examples: ExampleResult[];
  schema: SchemaTable[];
  tables: BrowserTable[];
}

/** The column types of a result, from DuckDB's DESCRIBE of the same query (as the browser does). */
async function describe(sql: string): Promise<ResultColumn[]> {
  const db = await buildDatabase();
  const rows = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE\n${sql}`);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

export function schemaTables(rowCounts: Readonly<Record<string, number>>): SchemaTable[] {
  return (TABLES as readonly TableDef[]).map((t) => ({
    name: t.name,
    label: t.label,
    description: t.description,
    rows: rowCounts[t.name] ?? 0,
    fields: Object.entries(t.fields).map(([name, f]) => ({
      name,
      label: f.label,
      type: duckdbType(f.type),
      required: f.required,
      description: f.description === f.label ? '' : f.description,
      codes: f.enum
        ? f.enum.codes.map((c) => [c, (f.enum!.labels as Record<string, string>)[c] ?? c] as [string, string])
        : [],
      references: f.references ? `${f.references.table}.${f.references.field}` : null,
    })),
  }));
}

let cached: Promise<ExplorePage> | undefined;

export function loadExplorePage(): Promise<ExplorePage> {
  cached ??= (async () => {
    const examples: ExampleResult[] = [];
    // One at a time: the build database has one connection.
    for (const example of exampleQueries(QUERIES)) {
      const rows = await runOpenQuery(example.name);
      const columns = await describe(example.sql);
      examples.push({ ...example, columns, rows: rows.slice(0, EXAMPLE_PREVIEW_ROWS), rowCount: rows.length });
    }
    const tables = await loadBrowserTables();
    const counts = await runQuery('table_row_counts');
    const rowCounts = Object.fromEntries(counts.map((c) => [c.table_name, c.row_count]));
    return { examples, schema: schemaTables(rowCounts), tables };
  })();
  return cached;
}
