/** DuckDB column types for the standard's field types: the same DDL on the build side and in the browser. */
import type { FieldType, TableDef } from '../schema/index.ts';

const DUCKDB_TYPE: Record<FieldType, string> = {
  text: 'VARCHAR',
  enum: 'VARCHAR',
  period: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  // Money is exact: DECIMAL keeps 0.1 + 0.2 = 0.3 in every sum.
  amount: 'DECIMAL(18,2)',
  date: 'DATE',
};

export function duckdbType(type: FieldType): string {
  return DUCKDB_TYPE[type];
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `{'community_id': 'VARCHAR', …}`: the column spec of read_csv for one table. */
export function csvColumnsSpec(table: TableDef): string {
  const entries = Object.entries(table.fields).map(([name, f]) => `${quoteLiteral(name)}: ${quoteLiteral(duckdbType(f.type))}`);
  return `{${entries.join(', ')}}`;
}

export function createTableSql(table: TableDef): string {
  const columns = Object.entries(table.fields).map(
    ([name, f]) => `  ${quoteIdent(name)} ${duckdbType(f.type)}${f.required ? ' NOT NULL' : ''}`,
  );
  // No PRIMARY KEY constraint: validation has already proved the keys unique, and DuckDB's
  // key index would only slow the load of a country-sized table.
  return `CREATE TABLE ${quoteIdent(table.name)} (\n${columns.join(',\n')}\n)`;
}
