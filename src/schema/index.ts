/** The data standard as code: tables in their load order (a table only points at tables before it, except projects → proposals). */
import type { RowOf, TableDef } from './define.ts';
import { communities, organizations, projects, proposals, surveys, transactions, workforce } from './tables.ts';

export * from './define.ts';
export * from './enums.ts';
export * from './thresholds.ts';
export { communities, organizations, projects, proposals, surveys, transactions, workforce };

export const TABLES = [communities, organizations, proposals, projects, transactions, surveys, workforce] as const;
export type TableName = (typeof TABLES)[number]['name'];
export const TABLE_NAMES = TABLES.map((t) => t.name) as TableName[];

export function tableByName(name: string): TableDef | undefined {
  return (TABLES as readonly TableDef[]).find((t) => t.name === name);
}

export type Community = RowOf<typeof communities>;
export type Organization = RowOf<typeof organizations>;
export type Project = RowOf<typeof projects>;
export type Transaction = RowOf<typeof transactions>;
export type Survey = RowOf<typeof surveys>;
export type Workforce = RowOf<typeof workforce>;
export type Proposal = RowOf<typeof proposals>;

/** Typed, validated rows of a whole dataset. Optional tables that were absent are empty arrays. */
export interface Dataset {
  communities: Community[];
  organizations: Organization[];
  projects: Project[];
  transactions: Transaction[];
  surveys: Survey[];
  workforce: Workforce[];
  proposals: Proposal[];
}
