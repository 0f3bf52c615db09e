/** Every list, by kind (the value of <filter-table data-kind>). */
import type { ListDefinition } from './define.ts';
import { PROJECT_LIST } from './projects.ts';
import { TRANSACTION_LIST } from './transactions.ts';
import type { ProjectRow, TransactionRow } from '../lib/rows.ts';

export const LISTS = { projects: PROJECT_LIST, transactions: TRANSACTION_LIST } as const;
export type ListKind = keyof typeof LISTS;
export type AnyList = ListDefinition<ProjectRow> | ListDefinition<TransactionRow>;
export { PROJECT_LIST, TRANSACTION_LIST };
