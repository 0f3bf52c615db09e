/**
 * The build-time side of the query interface: @duckdb/node-api over a database file written by
 * the publish step. Only the build (scripts/ and Astro's getStaticPaths) imports this file.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import type { QueryEngine, SqlRow, SqlValue } from './types.ts';
import { toSqlValue } from './values.ts';

export interface NodeDatabaseOptions {
  readOnly?: boolean;
}

export async function openNodeDatabase(path = ':memory:', options: NodeDatabaseOptions = {}): Promise<NodeDatabase> {
  const config: Record<string, string> = {};
  if (options.readOnly) config['access_mode'] = 'READ_ONLY';
  // Never reach for the network: extensions are either built in (parquet, json, icu) or absent.
  config['autoinstall_known_extensions'] = 'false';
  config['autoload_known_extensions'] = 'false';
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  return new NodeDatabase(instance, connection);
}

function toSqlRow(row: Record<string, unknown>): SqlRow {
  const out: SqlRow = {};
  for (const key in row) out[key] = toSqlValue(row[key]);
  return out;
}

export class NodeDatabase implements QueryEngine {
  readonly instance: DuckDBInstance;
  readonly connection: Awaited<ReturnType<DuckDBInstance['connect']>>;

  constructor(instance: DuckDBInstance, connection: Awaited<ReturnType<DuckDBInstance['connect']>>) {
    this.instance = instance;
    this.connection = connection;
  }

  /**
   * One statement at a time on the connection: pages render concurrently (astro.config.mjs
   * build.concurrency), and a DuckDB connection, or a prepared statement being bound, must not be
   * used by two of them at once.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const reader = await this.serialized(() =>
      this.connection.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined),
    );
    return reader.getRowObjectsJS().map((row) => toSqlRow(row) as T);
  }

  /**
   * Parses a statement once for running many times with other parameters (a page store's lookup
   * by key runs once per page).
   */
  async prepare(sql: string): Promise<(params: readonly SqlValue[]) => Promise<SqlRow[]>> {
    const statement = await this.serialized(() => this.connection.prepare(sql));
    return async (params) => {
      const reader = await this.serialized(() => {
        statement.bind(params as DuckDBValue[]);
        return statement.runAndReadAll();
      });
      return reader.getRowObjectsJS().map(toSqlRow);
    };
  }

  /** Runs statements that return nothing (DDL, COPY). */
  async exec(sql: string): Promise<void> {
    await this.serialized(() => this.connection.run(sql));
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
