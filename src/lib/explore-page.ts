/**
 * Everything /explore/ shows without JavaScript, pure parts: the example answers
 * (src/lib/load/explore.ts runs them) and the schema of every table from src/schema with the
 * DuckDB type each field has (src/db/ddl.ts).
 */
import { duckdbType } from '../db/ddl.ts';
import type { SqlRow } from '../db/types.ts';
import type { BrowserTable } from '../db/browser-support.ts';
import { TABLES, type TableDef } from '../schema/index.ts';
import type { ExampleQuery, ResultColumn } from './explore.ts';

/** Rows of each example's answer printed in the page. */
export const EXAMPLE_PREVIEW_ROWS = 12;

export interface ExampleResult extends ExampleQuery {
  columns: ResultColumn[];
  rows: SqlRow[];
  rowCount: number;
}

export interface SchemaField {
  name: string;
  label: string;
  type: string;
  required: boolean;
  description: string;
  /** Enum codes with their Chinese labels. */
  codes: [string, string][];
  references: string | null;
}

export interface SchemaTable {
  name: string;
  label: string;
  description: string;
  rows: number;
  fields: SchemaField[];
}

export interface ExplorePage {
  examples: ExampleResult[];
  schema: SchemaTable[];
  tables: BrowserTable[];
}

export function schemaTables(rowCounts: Readonly<Record<string, number>>): SchemaTable[] {
  return (TABLES as readonly TableDef[]).map((t) => ({
    name: t.name,
    label: t.label,
    description: t.description,
    rows: rowCounts[t.name] ?? 0,
    fields: Object.entries(t.fields).map(([name, f]) => ({
      name,
      label: f.label,
      type: duckdbType(f.type),
      required: f.required,
      description: f.description === f.label ? '' : f.description,
      codes: f.enum
        ? f.enum.codes.map((c) => [c, (f.enum!.labels as Record<string, string>)[c] ?? c] as [string, string])
        : [],
      references: f.references ? `${f.references.table}.${f.references.field}` : null,
    })),
  }));
}
