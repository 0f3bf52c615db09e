/** Row types come from the standard as code (src/schema); the generator adds only its own plumbing. */
import type {
  Community,
  Dataset,
  Organization,
  Project,
  Proposal,
  Survey,
  Transaction,
  Workforce,
} from '../schema/index.ts';

export type { Community, Dataset, Organization, Project, Proposal, Survey, Transaction, Workforce };

export interface Rows {
  communities: Community;
  organizations: Organization;
  projects: Project;
  transactions: Transaction;
  surveys: Survey;
  workforce: Workforce;
  proposals: Proposal;
}

export type SynthTable = keyof Rows;

/** The order of the files in the data package. */
export const SYNTH_TABLES: readonly SynthTable[] = [
  'communities',
  'organizations',
  'projects',
  'transactions',
  'surveys',
  'workforce',
  'proposals',
];

/** Where generated rows go: memory (tests) or CSV files (the command line). */
export interface Sink {
  write<T extends SynthTable>(table: T, row: Rows[T]): void;
}

export type ProjectCategory = Project['category'];
export type Mechanism = Project['mechanism'];
export type Origin = Project['origin'];
export type FundSource = NonNullable<Transaction['source']>;
export type ExpenseCategory = NonNullable<Transaction['expense_category']>;
export type Dimension = Survey['dimension'];

/** Rows of src/schema are read-only; drafts are filled in steps. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type FundingProfile = 'dependent' | 'typical' | 'diverse';
