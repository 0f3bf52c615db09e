/**
 * Every `.sql` file in this folder, by name. The same text runs at build time in Node and in the
 * browser in DuckDB-wasm (see src/db/). Parameters are positional `?`.
 */
const files = import.meta.glob<string>('./*.sql', { query: '?raw', import: 'default', eager: true });

export const QUERIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, sql]) => [path.replace(/^\.\//, '').replace(/\.sql$/, ''), sql]),
);

export function sqlOf(name: string): string {
  const sql = QUERIES[name];
  if (sql === undefined) throw new Error(`No query named ${name} in src/queries/`);
  return sql;
}
