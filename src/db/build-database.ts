/**
 * The database the site is built from, as the pages see it during `astro build`.
 *
 * The publish step writes the release's tables into a DuckDB file (src/publish/release.ts);
 * scripts/build.ts passes its path in GONGKAI_DB (a bare `astro dev` or `astro build` uses the last
 * successful build's copy in .build/). That file is attached read-only and made the default
 * schema, so the `.sql` files of src/queries run here exactly as they run in the browser. The
 * process's own database is a scratch file: it holds the page stores (src/db/page-store.ts),
 * tables written once per build by DuckDB from which each page reads only its own rows.
 *
 * Every query result is parsed with its row schema (src/queries/rows.ts): no cast from a name.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openNodeDatabase, type NodeDatabase } from './node.ts';
import { quoteLiteral } from './ddl.ts';
import { sqlOf } from '../queries/index.ts';
import { QUERY_ROWS, type QueryName, type QueryRow } from '../queries/rows.ts';
import type { SqlRow, SqlValue } from './types.ts';

const DEFAULT_PATH = '.build/gongkai.duckdb';
/** The attached release database's name inside the build connection. */
export const SITE_CATALOG = 'site';
/** The attached scratch database that holds the page stores. */
export const PAGES_CATALOG = 'pages';
/** DuckDB's buffer pool in the page-building process. */
const BUILD_MEMORY_LIMIT = '1GB';

let opened: Promise<NodeDatabase> | undefined;

function sitePath(): string {
  return resolve(process.env['GONGKAI_DB'] ?? DEFAULT_PATH);
}

async function open(): Promise<NodeDatabase> {
  // A scratch database of this process for the page stores, removed when the process ends.
  const scratch = join(tmpdir(), `gongkai-pages-${process.pid}-${Date.now()}.duckdb`);
  const removeScratch = () => {
    for (const suffix of ['', '.wal', '.tmp']) rmSync(scratch + suffix, { force: true, recursive: true });
  };
  process.once('exit', removeScratch);
  const db = await openNodeDatabase(':memory:');
  try {
    await db.exec(`ATTACH ${quoteLiteral(sitePath())} AS ${SITE_CATALOG} (READ_ONLY)`);
    await db.exec(`ATTACH ${quoteLiteral(scratch)} AS ${PAGES_CATALOG}`);
    await db.exec(`USE ${SITE_CATALOG}`);
    // The page stores are written once and read by key: DuckDB need not keep them in memory. A
    // bounded buffer pool (spilling to the scratch folder) keeps a country-sized build's memory
    // flat; the default, 80% of the machine, lets it grow to gigabytes for nothing.
    await db.exec(`SET memory_limit = '${BUILD_MEMORY_LIMIT}'`);
    await db.exec(`SET temp_directory = ${quoteLiteral(`${scratch}.tmp`)}`);
  } catch (error) {
    await db.close();
    removeScratch();
    throw error;
  }
  return db;
}

export function buildDatabase(): Promise<NodeDatabase> {
  opened ??= open().catch((error: unknown) => {
    opened = undefined;
    throw new Error(`Cannot open the site database (${sitePath()}). Run \`npm run build\` first. ${String(error)}`);
  });
  return opened;
}

/**
 * A line about the build's own work (how long each page store took), on stderr so that it does
 * not mix with Astro's page list; quiet in tests.
 */
export function logBuildStep(line: string): void {
  if (process.env['VITEST'] === undefined) process.stderr.write(`  [gongkai] ${line}\n`);
}

/** Parses rows of a named query with its schema; the error names the query, row and column. */
export function parseRows<N extends QueryName>(name: N, rows: readonly unknown[]): QueryRow<N>[] {
  const schema = QUERY_ROWS[name];
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data as QueryRow<N>;
    const first = parsed.error.issues[0];
    throw new Error(
      `src/queries/${name}.sql, row ${i + 1}, column ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'invalid'} ` +
        `(got ${JSON.stringify(first ? (row as Record<string, unknown>)[String(first.path[0])] : row)})`,
    );
  });
}

/** Runs one of src/queries/*.sql at build time and checks its rows. */
export async function runQuery<N extends QueryName>(name: N, params: readonly SqlValue[] = []): Promise<QueryRow<N>[]> {
  const db = await buildDatabase();
  return parseRows(name, await db.query<SqlRow>(sqlOf(name), params));
}
