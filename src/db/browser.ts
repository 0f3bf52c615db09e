/**
 * The browser side of the one query interface (src/db/types.ts): DuckDB-wasm running in a Web
 * Worker, loaded from our own origin, only by pages that query, only when they first query
 * (pages import this module dynamically). Rows come back in the same plain shape as
 * src/db/node.ts gives at build time: numbers (never bigint; DECIMAL and HUGEINT as numbers),
 * DATE as 'YYYY-MM-DD', so that the same src/queries/*.sql text gives the same rows on both sides.
 *
 * ## How the data reaches the browser (measured in Chromium on the 2-core build machine, loopback)
 *
 * DuckDB-wasm ≥ 1.29 no longer contains the Parquet reader: the first read_parquet downloads it
 * from extensions.duckdb.org (duckdb-wasm PR #1860), and offline it never returns. The site must
 * never depend on another host, so extension auto-install/auto-load are OFF and the data comes in
 * a form the wasm core reads by itself. Candidates, for the transactions table of the sample
 * (24,092 rows) and of the synthetic 10,000-community dataset (1,733,549 rows); ingest = from the
 * downloaded bytes to a typed table, best and typical of several runs (the machine was shared):
 *
 *   format                          over the wire (gzip)     ingest into DuckDB-wasm
 *                                   sample     10k           sample              10k
 *   CSV through read_csv            417 KB     29.5 MB       0.30 s (0.4–0.8)    2.5 s (2.9–4.6)
 *   Arrow IPC, dictionary strings   347 KB     23.6 MB       0.13 s (0.15–0.25)  2.2 s (2.7–2.9)  ← chosen
 *   Arrow IPC, plain strings        –          41.8 MB       –                   2.3 s (2.3–2.6)
 *   Parquet (zstd) + hyparquet      222 KB     15.0 MB       decoding alone, in JavaScript: 0.3 s and
 *                                                            ~10 s per 1.5 M rows, before DuckDB sees them
 *
 * Arrow with dictionary-encoded strings is a fifth smaller than CSV on the wire and ingests at
 * least as fast (two to three times faster at the sample's size): insertArrowFromIPCStream copies
 * typed columns, nothing is parsed, and DECIMAL/DATE arrive exact. Parquet is smaller still, but
 * decoding it in JavaScript costs seconds per million rows and a dependency. The publish step
 * writes `dist/data/<table>.arrow.gz` (src/publish/arrow.ts); the gzip is applied at build time
 * so the size does not depend on the web server, and the browser inflates it with
 * DecompressionStream. CSV and Parquet stay as downloads for people. The engine's wasm is
 * fetched the same way from a gzip copy (7.4 MB instead of 33 MB, src/build/duckdb-assets.ts).
 *
 * Measured end to end (scripts/bench.ts, section explore): an /explore/?sql= link over all
 * transactions shows its first result in 3.9 s (sample; 9.0 MB downloaded) and 7.7 s (10k;
 * 32 MB); the same query warm takes 0.1–0.2 s; a 1.7-million-row result stays in the worker and
 * the page holds 100 rows of it.
 *
 * Tables are loaded lazily: a query loads only the tables it names (a query over projects never
 * downloads the 1.7-million-row transactions file of 10,000 communities). Each table is created with src/db/ddl.ts
 * (the build database's exact types) and filled from Arrow.
 *
 * After loading, external access is switched off and the configuration locked: a shared
 * /explore/?sql= link cannot make the reader's browser fetch anything from another host
 * (read_csv('https://…') fails with a permission error instead).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { QueryEngine, SqlRow, SqlValue } from './types.ts';
import { arrowRows } from './arrow-rows.ts';
import { isGzip, pickBundle, unsupportedReason, type BrowserTable, type Bundles } from './browser-support.ts';
import {
  cleanErrorMessage,
  isBlank,
  materializeSql,
  missingTable,
  pageSql,
  sliceRows,
  splitStatements,
  tablesMentioned,
  type PageRequest,
} from './sql-text.ts';

export type { BrowserTable } from './browser-support.ts';

const BUNDLES: Bundles = {
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
};

/** The temporary table that holds the console's current result, inside the worker. */
export const RESULT_TABLE = '__gongkai_result';
/** Rows kept from a statement that cannot be materialized (DESCRIBE, SHOW, PRAGMA…). */
const RAW_ROW_LIMIT = 10_000;

/** The browser cannot run DuckDB-wasm (reason in Chinese). */
export class UnsupportedError extends Error {
  override name = 'UnsupportedError';
}

/** DuckDB refused the query: `message` is DuckDB's own text. */
export class QueryError extends Error {
  override name = 'QueryError';
}

export type LoadProgress =
  | { stage: 'engine'; loaded: number; total: number | null }
  | { stage: 'table'; table: string; label: string; loaded: number; total: number | null }
  | { stage: 'ready' };

export interface OpenOptions {
  tables: readonly BrowserTable[];
  onProgress?: (progress: LoadProgress) => void;
}

export interface ResultColumn {
  name: string;
  /** DuckDB's type name, e.g. VARCHAR, DECIMAL(38,2), BIGINT. */
  type: string;
}

/** A query's result, kept in the worker; the page reads it one page at a time. */
export interface QueryResult {
  columns: ResultColumn[];
  rowCount: number;
  /** Milliseconds the query itself took (tables already loaded). */
  elapsedMs: number;
  /** True when only the first rows of a statement that could not be kept were kept. */
  truncated: boolean;
  page(request: PageRequest): Promise<SqlRow[]>;
}

let shared: Promise<BrowserDatabase> | undefined;

/** The page's one database (created on first use; later calls share it). */
export function openBrowserDatabase(options: OpenOptions): Promise<BrowserDatabase> {
  shared ??= BrowserDatabase.open(options).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

export class BrowserDatabase implements QueryEngine {
  private readonly db: AsyncDuckDB;
  private readonly conn: AsyncDuckDBConnection;
  private readonly tables: Map<string, BrowserTable>;
  private readonly loading = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(p: LoadProgress) => void>();
  /** Every statement goes through this chain: one connection, one thing at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  readonly bundle: 'eh' | 'mvp';

  private constructor(
    db: AsyncDuckDB,
    conn: AsyncDuckDBConnection,
    tables: readonly BrowserTable[],
    bundle: 'eh' | 'mvp',
  ) {
    this.db = db;
    this.conn = conn;
    this.tables = new Map(tables.map((t) => [t.name, t]));
    this.bundle = bundle;
  }

  static async open(options: OpenOptions): Promise<BrowserDatabase> {
    const reason = unsupportedReason(globalThis as never);
    if (reason) throw new UnsupportedError(reason);
    const duckdb = await import('@duckdb/duckdb-wasm');
    const bundle = pickBundle(await duckdb.getPlatformFeatures(), BUNDLES);
    const worker = new Worker(bundle.mainWorker);
    // A worker that fails to start would leave DuckDB-wasm waiting forever: fail instead.
    const workerFailed = new Promise<never>((_, reject) =>
      worker.addEventListener(
        'error',
        (event) => reject(new UnsupportedError(`查询引擎无法启动:${event.message || '后台脚本加载失败'}`)),
        {
          once: true,
        },
      ),
    );
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    let module: { url: string; release(): void };
    try {
      module = await engineModule(bundle.mainModule, options.onProgress);
    } catch (error) {
      worker.terminate();
      throw error;
    }
    try {
      await Promise.race([
        db.instantiate(module.url, null, (p) =>
          options.onProgress?.({ stage: 'engine', loaded: p.bytesLoaded, total: p.bytesTotal || null }),
        ),
        workerFailed,
      ]);
      // DECIMAL stays Arrow Decimal: arrow-rows.ts converts it exactly (DuckDB-wasm's cast is not).
      await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: false } });
    } catch (error) {
      worker.terminate();
      module.release();
      if (error instanceof UnsupportedError) throw error;
      throw new UnsupportedError(`查询引擎加载失败:${cleanErrorMessage(error)}`);
    }
    module.release();
    const conn = await db.connect();
    // Never reach for extensions.duckdb.org (the Parquet reader, JSON…): offline it would hang.
    await conn.query(`SET autoinstall_known_extensions = false`);
    await conn.query(`SET autoload_known_extensions = false`);
    // No file or URL access from SQL (a shared link must not make the browser fetch another
    // host); Arrow inserts do not use the file system. Locked so a query cannot switch it back.
    await conn.query(`SET enable_external_access = false`);
    await conn.query(`SET lock_configuration = true`);
    const database = new BrowserDatabase(db, conn, options.tables, bundle.name);
    if (options.onProgress) database.listeners.add(options.onProgress);
    return database;
  }

  /** Receive loading progress (tables) until the returned function is called. */
  onProgress(listener: (p: LoadProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The tables a page may query. */
  get tableNames(): string[] {
    return [...this.tables.keys()];
  }

  get loadedTables(): string[] {
    return [...this.loading.keys()];
  }

  private emit(p: LoadProgress): void {
    for (const l of this.listeners) l(p);
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Loads these tables (if not yet loaded): download, inflate, create with the DDL, insert. */
  ensureTables(names: readonly string[]): Promise<void> {
    return Promise.all(
      names.map((name) => {
        const spec = this.tables.get(name);
        if (!spec) return Promise.resolve();
        let p = this.loading.get(name);
        if (!p) {
          p = this.loadTable(spec).catch((error: unknown) => {
            this.loading.delete(name);
            throw error;
          });
          this.loading.set(name, p);
        }
        return p;
      }),
    ).then(() => undefined);
  }

  private async loadTable(spec: BrowserTable): Promise<void> {
    const progress = (loaded: number) =>
      this.emit({ stage: 'table', table: spec.name, label: spec.label, loaded, total: spec.bytes });
    progress(0);
    const response = await fetch(spec.url);
    if (!response.ok || !response.body)
      throw new QueryError(`无法下载数据表 ${spec.name}(${spec.url}):HTTP ${response.status}`);
    let bytes = await readBody(response, progress);
    // The host may have sent it with Content-Encoding: gzip, in which case fetch already inflated it.
    if (isGzip(bytes)) bytes = await inflate(bytes);
    await this.run(async () => {
      await this.conn.query(spec.createSql);
      if (spec.rows === 0) return;
      try {
        await this.conn.insertArrowFromIPCStream(bytes, { name: spec.name, create: false });
      } catch (error) {
        // rows < 0: the size was unknown at build time, and an empty stream has nothing to insert.
        if (spec.rows > 0) throw error;
      }
    });
  }

  /** The known tables a statement uses: DuckDB's parser where it can, a scan of the text always. */
  async tablesOf(sql: string): Promise<string[]> {
    const known = this.tableNames;
    const found = new Set(tablesMentioned(sql, known));
    try {
      const named = await this.run(() => this.conn.getTableNames(sql));
      for (const n of named) if (this.tables.has(n.toLowerCase())) found.add(n.toLowerCase());
    } catch {
      // A statement DuckDB cannot bind yet (e.g. it names a column wrongly): the scan is enough,
      // and running it will report the real error.
    }
    return known.filter((n) => found.has(n));
  }

  /** Runs `task`; when DuckDB says a known table is missing, loads it and tries again. */
  private async withTables<T>(sql: string, task: () => Promise<T>): Promise<T> {
    await this.ensureTables(await this.tablesOf(sql));
    for (let attempt = 0; ; attempt++) {
      try {
        return await task();
      } catch (error) {
        const message = cleanErrorMessage(error);
        const missing = missingTable(message);
        if (attempt < 3 && missing && this.tables.has(missing) && !this.loading.has(missing)) {
          await this.ensureTables([missing]);
          continue;
        }
        throw new QueryError(message);
      }
    }
  }

  /** QueryEngine: one statement, positional `?` parameters, every row as plain values. */
  query<T extends object = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.withTables(sql, () =>
      this.run(async () => {
        if (params.length === 0) return arrowRows(await this.conn.query(sql)) as T[];
        const statement = await this.conn.prepare(sql);
        try {
          return arrowRows(await statement.query(...params)) as T[];
        } finally {
          await statement.close();
        }
      }),
    );
  }

  /**
   * The console: runs the user's text and keeps the result in the worker (a temporary table), so
   * that a result of a million rows costs the page only the rows it shows. Several statements run
   * in order and the last one's result is kept. DuckDB's message is passed on unchanged.
   */
  async execute(text: string): Promise<QueryResult> {
    if (isBlank(text)) throw new QueryError('请输入 SQL 查询语句。');
    const statements = splitStatements(text);
    const last = statements.pop()!;
    return this.withTables(text, async () => {
      const started = performance.now();
      for (const s of statements) await this.run(() => this.conn.query(s));
      let kept = true;
      try {
        await this.run(() => this.conn.query(materializeSql(RESULT_TABLE, last)));
      } catch {
        kept = false;
      }
      if (kept) {
        const [described, counted] = await this.run(async () => [
          arrowRows(await this.conn.query(`DESCRIBE ${RESULT_TABLE}`)),
          arrowRows(await this.conn.query(`SELECT count(*) AS n FROM ${RESULT_TABLE}`)),
        ]);
        const elapsedMs = performance.now() - started;
        const columns = described.map((d) => ({ name: String(d['column_name']), type: String(d['column_type']) }));
        const names = columns.map((c) => c.name);
        return {
          columns,
          rowCount: Number(counted[0]?.['n'] ?? 0),
          elapsedMs,
          truncated: false,
          page: (request) =>
            this.run(async () => arrowRows(await this.conn.query(pageSql(RESULT_TABLE, request, names)))),
        };
      }
      // Not a query DuckDB can keep (DESCRIBE, SHOW, PRAGMA, SET, CREATE…): run it as written.
      // If it is wrong, this is where DuckDB's message about the user's own text comes from.
      const table = await this.run(() => this.conn.query(last));
      const elapsedMs = performance.now() - started;
      const rows = arrowRows(table, RAW_ROW_LIMIT);
      const columns = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
      return {
        columns,
        rowCount: rows.length,
        elapsedMs,
        truncated: table.numRows > rows.length,
        page: async (request) => sliceRows(rows, request),
      };
    });
  }

  async close(): Promise<void> {
    await this.conn.close();
    await this.db.terminate();
    shared = undefined;
  }
}

/** Reads a response body, reporting the bytes received. */
async function readBody(response: Response, progress: (loaded: number) => void): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    progress(loaded);
  }
  return concat(chunks, loaded);
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * The engine's wasm, fetched here rather than by the worker: from its gzip copy
 * (src/build/duckdb-assets.ts), inflated with DecompressionStream, so that its size on the wire
 * does not depend on the host compressing wasm; without the copy (astro dev) the plain file. The
 * worker gets a blob: URL, so it never fetches anything itself: a download that fails is reported
 * here (DuckDB-wasm would wait for ever on a failed fetch inside its worker).
 */
async function engineModule(
  url: string,
  onProgress?: (p: LoadProgress) => void,
): Promise<{ url: string; release(): void }> {
  const download = async (from: string): Promise<Uint8Array | null> => {
    const response = await fetch(from).catch(() => null);
    if (!response?.ok || !response.body) return null;
    const total = Number(response.headers.get('content-length')) || null;
    let bytes = await readBody(response, (loaded) => onProgress?.({ stage: 'engine', loaded, total }));
    if (isGzip(bytes)) bytes = await inflate(bytes);
    return WASM_MAGIC.every((b, i) => bytes[i] === b) ? bytes : null;
  };
  const bytes = (await download(`${url}.gz`).catch(() => null)) ?? (await download(url).catch(() => null));
  if (!bytes) throw new UnsupportedError('查询引擎下载失败(网络中断或文件缺失),请稍后重试。');
  const blobUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/wasm' }));
  return { url: blobUrl, release: () => URL.revokeObjectURL(blobUrl) };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
