/**
 * The build-time side of the query interface: @duckdb/node-api over a database file written by
 * the publish step. Only the build (scripts/ and Astro's getStaticPaths) imports this file.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import type { QueryEngine, SqlValue } from './types.ts';
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

export class NodeDatabase implements QueryEngine {
  readonly instance: DuckDBInstance;
  readonly connection: Awaited<ReturnType<DuckDBInstance['connect']>>;

  constructor(instance: DuckDBInstance, connection: Awaited<ReturnType<DuckDBInstance['connect']>>) {
    this.instance = instance;
    this.connection = connection;
  }

  async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
    const rows = reader.getRowObjectsJS();
    return rows.map((row) => {
      const out: Record<string, SqlValue> = {};
      for (const key in row) out[key] = toSqlValue(row[key]);
      return out as T;
    });
  }

  /** Runs statements that return nothing (DDL, COPY). */
  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
