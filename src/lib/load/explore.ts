/**
 * /explore/: each example question of src/queries/example_*.sql run here, in Node, against the
 * build database, so the page carries real answers (and the browser test can compare DuckDB-wasm's
 * answers with them). Only the rows the page prints are read, and the count of the rest.
 */
import { buildDatabase, runQuery } from '../../db/build-database.ts';
import type { SqlRow } from '../../db/types.ts';
import { trimStatement } from '../../db/sql-text.ts';
import { QUERIES } from '../../queries/index.ts';
import { loadBrowserTables } from '../browser-tables.ts';
import { EXAMPLE_PREVIEW_ROWS, schemaTables, type ExplorePage, type ExampleResult } from '../explore-page.ts';
import { exampleQueries, type ResultColumn } from '../explore.ts';
import { once } from './cache.ts';

/** The column types of a result, from DuckDB's DESCRIBE of the same query (as the browser does). */
async function describe(sql: string): Promise<ResultColumn[]> {
  const db = await buildDatabase();
  const rows = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE\n${sql}`);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

export const loadExplorePage = once(async (): Promise<ExplorePage> => {
  const db = await buildDatabase();
  const examples: ExampleResult[] = [];
  for (const example of exampleQueries(QUERIES)) {
    const sql = trimStatement(example.sql);
    // The newline keeps a trailing `--` comment of the example from swallowing the parenthesis.
    const rows = await db.query<SqlRow>(`SELECT * FROM (\n${sql}\n) LIMIT ${EXAMPLE_PREVIEW_ROWS}`);
    const [count] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM (\n${sql}\n)`);
    examples.push({ ...example, columns: await describe(example.sql), rows, rowCount: count?.n ?? rows.length });
  }
  const counts = await runQuery('table_row_counts');
  const rowCounts = Object.fromEntries(counts.map((c) => [c.table_name, c.row_count]));
  return { examples, schema: schemaTables(rowCounts), tables: await loadBrowserTables() };
});
