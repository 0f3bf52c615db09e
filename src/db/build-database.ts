/**
 * The database the site is built from: written by the publish step (src/publish/release.ts) and
 * opened read-only, once per build process. scripts/build.ts passes its path in GONGKAI_DB; a bare
 * `astro dev` or `astro build` uses the last successful build's copy in .build/.
 */
import { openNodeDatabase, type NodeDatabase } from './node.ts';
import { sqlOf } from '../queries/index.ts';
import type { SqlValue } from './types.ts';

const DEFAULT_PATH = '.build/gongkai.duckdb';
let opened: Promise<NodeDatabase> | undefined;

export function buildDatabase(): Promise<NodeDatabase> {
  opened ??= openNodeDatabase(process.env['GONGKAI_DB'] ?? DEFAULT_PATH, { readOnly: true }).catch((error: unknown) => {
    opened = undefined;
    throw new Error(
      `Cannot open the site database (${process.env['GONGKAI_DB'] ?? DEFAULT_PATH}). Run \`npm run build\` first. ${String(error)}`,
    );
  });
  return opened;
}

/** Runs one of src/queries/*.sql at build time. */
export async function runQuery<T extends object>(name: string, params: readonly SqlValue[] = []): Promise<T[]> {
  const db = await buildDatabase();
  return db.query<T>(sqlOf(name), params);
}
