/**
 * Page stores: each page reads only its own rows.
 *
 * A store belongs to one kind of page (a community, a project, page n of a long list). Its
 * sections are ordinary `.sql` files of src/queries that return the rows of EVERY page at once,
 * ordered as a page shows them, with a column naming the page each row belongs to. When a page
 * first asks, DuckDB runs each section query once and writes its rows grouped by page key into a
 * table of the build's scratch database (one JSON list per key). Each page then costs one lookup
 * by key, whatever the size of the release: no page recomputes from a whole table, and no table
 * is ever held in JavaScript.
 *
 * getStaticPaths lists only the keys (`keys()`); a page calls `get(key)` when it renders.
 */
import { quoteIdent, quoteLiteral } from './ddl.ts';
import { bindConstants } from './bind-constants.ts';
import { buildDatabase, logBuildStep, parseRows, PAGES_CATALOG } from './build-database.ts';
import { sqlOf } from '../queries/index.ts';
import type { QueryName, QueryRow } from '../queries/rows.ts';
import type { SqlRow, SqlValue } from './types.ts';

export { bindConstants };

export interface StoreSection<N extends QueryName = QueryName> {
  /** The query holding this section's rows for every page, in the order a page lists them. */
  query: N;
  /** The column of the query that names the page a row belongs to. */
  key: string;
  /** Constant parameters of the query (e.g. how many rows a page lists). */
  params?: readonly SqlValue[];
  /**
   * Cuts the query's rows, in its order, into numbered pages of this many rows: the key is then
   * the page number (column `page`), and `key` must be 'page'. This is how a long list's static
   * pages (/transactions/page/<n>/) read the very query the browser filters with.
   */
  pageSize?: number;
}

export type StoreSections = Record<string, StoreSection>;

/** One page's rows, section by section. */
export type StoreEntry<S extends StoreSections> = { [K in keyof S]: QueryRow<S[K]['query']>[] };

export interface PageStoreDefinition<S extends StoreSections> {
  /** A name for the store's tables: letters, digits and `_`. */
  name: string;
  /** The query listing every page: one row per key (none for a paged list: count its rows). */
  pages?: { query: QueryName; key: string };
  sections: S;
}

export interface PageStore<S extends StoreSections> {
  readonly name: string;
  /** The key of every page, in key order, with its row of the page list (e.g. a region code). */
  pages(): Promise<{ key: string; row: SqlRow }[]>;
  /** The rows of one page. A key without rows in a section gets an empty list there. */
  get(key: string): Promise<StoreEntry<S>>;
  /**
   * Every key's rows of the sections named, in key order, `batch` keys at a time (for figures
   * over all pages: only what they need is read and parsed).
   */
  scan<K extends keyof S & string>(
    sections: readonly K[],
    batch?: number,
  ): AsyncGenerator<[string, Pick<StoreEntry<S>, K>]>;
}

/** The query of a section with its constants bound (and cut into numbered pages when paged). */
export function sectionQuery(section: StoreSection): string {
  let query = bindConstants(sqlOf(section.query), section.params ?? []).replace(/;\s*$/, '');
  if (section.pageSize !== undefined) {
    if (section.key !== 'page') throw new Error(`A paged section is keyed by 'page', not ${section.key}`);
    const size = Math.max(1, Math.floor(section.pageSize));
    query = `SELECT CAST((row_number() OVER () - 1) // ${size} + 1 AS INTEGER) AS page, q.* FROM (\n${query}\n) AS q`;
  }
  return query;
}

/**
 * The statement that writes one section's rows, each with its page key and its place in the
 * query's own order (row_number() over the ordered result), sorted by key: a plain table, so that
 * DuckDB can sort it larger than memory.
 */
export function sectionRowsSql(table: string, section: StoreSection): string {
  return (
    `CREATE OR REPLACE TABLE ${table} AS\n` +
    `SELECT * FROM (SELECT CAST(q.${quoteIdent(section.key)} AS VARCHAR) AS key, row_number() OVER () AS n, q AS r FROM (\n` +
    `${sectionQuery(section)}\n) AS q) WHERE key IS NOT NULL\nORDER BY key, n`
  );
}

/** Rows grouped into JSON lists at a time: bounds DuckDB's memory (list aggregates do not spill). */
export const ROWS_PER_CHUNK = 200_000;

/** The first key of each run of consecutive keys holding about ROWS_PER_CHUNK rows. */
export function chunkStartsSql(table: string, rowsPerChunk = ROWS_PER_CHUNK): string {
  return (
    `SELECT min(key) AS start FROM (\n` +
    `  SELECT key, (sum(rows) OVER (ORDER BY key ROWS UNBOUNDED PRECEDING) - rows) // ${Math.max(1, Math.floor(rowsPerChunk))} AS chunk\n` +
    `  FROM (SELECT key, count(*) AS rows FROM ${table} GROUP BY key)\n` +
    `) GROUP BY chunk ORDER BY start`
  );
}

/** One chunk of keys [start, end) grouped: each key's rows as one JSON list, in the query's order. */
export function groupChunkSql(target: string, source: string): string {
  return (
    `INSERT INTO ${target}\n` +
    // Not list(r ORDER BY n): DuckDB keeps a sort buffer per group for an ordered aggregate, which
    // ran out of 1 GB for 10,000 communities of 30 rows. Sorting each finished list by n (the
    // struct's first field, unique within a key) costs nothing of the kind.
    `SELECT key, CAST(to_json(list_transform(list_sort(list({'n': n, 'r': r})), x -> x.r)) AS VARCHAR) FROM ${source}\n` +
    `WHERE key >= CAST(? AS VARCHAR) AND (CAST(? AS VARCHAR) IS NULL OR key < CAST(? AS VARCHAR))\n` +
    `GROUP BY key ORDER BY key`
  );
}

export function definePageStore<const S extends StoreSections>(definition: PageStoreDefinition<S>): PageStore<S> {
  if (!/^[a-z][a-z0-9_]*$/.test(definition.name)) throw new Error(`Bad page store name ${definition.name}`);
  const names = Object.keys(definition.sections) as (keyof S & string)[];
  const tableOf = (section: string) => `${PAGES_CATALOG}.main.${quoteIdent(`store_${definition.name}__${section}`)}`;
  const rawTableOf = (section: string) => `${PAGES_CATALOG}.main.${quoteIdent(`rows_${definition.name}__${section}`)}`;

  const table = `${PAGES_CATALOG}.main.${quoteIdent(`store_${definition.name}`)}`;

  let ready: Promise<(params: readonly SqlValue[]) => Promise<SqlRow[]>> | undefined;
  const build = () =>
    (ready ??= (async () => {
      const started = performance.now();
      const db = await buildDatabase();
      // Each section once, into its own table of one JSON list per key, indexed by key. (Not one
      // wide table joined from them: the join held every section's text in memory at once.)
      for (const name of names) {
        const rows = rawTableOf(name);
        await db.exec(sectionRowsSql(rows, definition.sections[name]!));
        await db.exec(`CREATE OR REPLACE TABLE ${tableOf(name)} (key VARCHAR, rows VARCHAR)`);
        const starts = (await db.query<{ start: string }>(chunkStartsSql(rows))).map((c) => c.start);
        for (let i = 0; i < starts.length; i++) {
          const end = starts[i + 1] ?? null;
          await db.query(groupChunkSql(tableOf(name), rows), [starts[i]!, end, end]);
        }
        await db.exec(`DROP TABLE ${rows}`);
        // Without an index DuckDB scans every entry's text for each lookup: 22 ms a page for
        // 10,000 communities instead of 0.9 ms.
        await db.exec(`CREATE INDEX ${quoteIdent(`store_${definition.name}__${name}_key`)} ON ${tableOf(name)} (key)`);
      }
      // Every key that has rows in any section, in order: what a scan walks through.
      const keys = names.map((name) => `SELECT key FROM ${tableOf(name)}`).join('\nUNION\n');
      await db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT key FROM (${keys}) ORDER BY key`);
      const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      logBuildStep(`page store ${definition.name}: ${n} keys in ${Math.round(performance.now() - started)} ms`);
      // One statement for a page: an index lookup in each section, one row per section found.
      // (As UNION ALL of plain filters: scalar subqueries were not turned into index lookups.)
      const lookups = names.map(
        (name) => `SELECT ${quoteLiteral(name)} AS section, rows FROM ${tableOf(name)} WHERE key = $1`,
      );
      const lookup = await db.prepare(lookups.join('\nUNION ALL\n'));
      return async (params: readonly SqlValue[]) => {
        const row: SqlRow = {};
        for (const r of await lookup(params)) row[String(r['section'])] = r['rows'] ?? null;
        return [row];
      };
    })());

  const entryOf = (row: SqlRow | undefined, only: readonly string[] = names): StoreEntry<S> => {
    const entry = {} as Record<string, unknown[]>;
    for (const name of only) {
      const text = row?.[name];
      const rows: unknown = typeof text === 'string' ? JSON.parse(text) : [];
      entry[name] = parseRows(definition.sections[name]!.query, rows as unknown[]);
    }
    return entry as StoreEntry<S>;
  };

  return {
    name: definition.name,
    async pages() {
      const db = await buildDatabase();
      if (!definition.pages) throw new Error(`The page store ${definition.name} lists no pages`);
      const rows = await db.query<SqlRow>(
        `SELECT * FROM (\n${sqlOf(definition.pages.query)}\n) ORDER BY ${quoteIdent(definition.pages.key)}`,
      );
      const key = definition.pages.key;
      return (parseRows(definition.pages.query, rows) as SqlRow[]).map((row) => ({ key: String(row[key]), row }));
    },
    async get(key) {
      const lookup = await build();
      return entryOf((await lookup([key]))[0]);
    },
    async *scan(sections, batch = 500) {
      await build();
      const db = await buildDatabase();
      let after: string | null = null;
      for (;;) {
        // Keyset paging over the keys, then each section's rows of that run of keys (a range of
        // the sorted table): each batch costs the same, and holds only its own rows.
        const keys: string[] = (
          await db.query<{ key: string }>(
            `SELECT key FROM ${table} WHERE CAST(? AS VARCHAR) IS NULL OR key > CAST(? AS VARCHAR) ` +
              `ORDER BY key LIMIT ${Math.max(1, Math.floor(batch))}`,
            [after, after],
          )
        ).map((k) => k.key);
        if (keys.length === 0) return;
        const first = keys[0]!;
        const last: string = keys.at(-1)!;
        const texts = new Map<string, SqlRow>(keys.map((k) => [k, {}]));
        for (const name of sections) {
          const rows = await db.query<{ key: string; rows: string }>(
            `SELECT key, rows FROM ${tableOf(name)} WHERE key >= ? AND key <= ?`,
            [first, last],
          );
          for (const r of rows) {
            const text = texts.get(r.key);
            if (text) text[name] = r.rows;
          }
        }
        for (const key of keys) yield [key, entryOf(texts.get(key), sections)];
        after = last;
      }
    },
  };
}
