/**
 * The `.sql` files of this folder read with fs, for code that runs in plain Node outside Vite (the
 * publish step: scripts/build.ts → src/build/pipeline.ts → src/publish/). Everything under Vite
 * (pages, tests) uses `sqlOf` from ./index.ts; tests/unit/queries/node-files.test.ts checks that
 * both give the same text for every query.
 */
import { readFileSync } from 'node:fs';

/** The text of src/queries/<name>.sql. */
export function nodeSqlOf(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a query name: ${name}`);
  try {
    return readFileSync(new URL(`./${name}.sql`, import.meta.url), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`No query named ${name} in src/queries/`, { cause: error });
    throw error;
  }
}
