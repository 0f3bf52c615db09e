/**
 * Live filters of the project and transaction lists (<filter-table>, src/client/filter-table.ts),
 * pure parts: which filters each list has, how a filter state is written in the address (so a
 * reload or a shared link shows the same rows), and whether a row (its data-* attributes, the
 * contract of components/ProjectTable.astro and TransactionTable.astro) passes.
 */

import { filterFields } from '../lists/define.ts';
import { LISTS, type ListKind } from '../lists/index.ts';

export type { ListKind };

/**
 * Filter names, in the order of the filter bar (from the list definitions in src/lists), then
 * `min`/`max`, which bound data-amount. Also the order of the `?` pairs of <kind>_filtered.sql.
 */
export const FILTER_FIELDS: Readonly<Record<ListKind, readonly string[]>> = {
  projects: filterFields(LISTS.projects),
  transactions: filterFields(LISTS.transactions),
};

/** Only the filters that are set; values are codes or plain numbers as text. */
export type FilterState = Record<string, string>;

/** `p.status` for key `p`: two lists on one page keep apart in one address. */
export function paramName(key: string, field: string): string {
  return key ? `${key}.${field}` : field;
}

export function readFilterState(search: string, key: string, fields: readonly string[]): FilterState {
  const params = new URLSearchParams(search);
  const state: FilterState = {};
  for (const field of fields) {
    const value = params.get(paramName(key, field))?.trim();
    if (value) state[field] = value;
  }
  return state;
}

/** The address's search part with this list's filters replaced (other parameters kept). */
export function writeFilterState(search: string, key: string, fields: readonly string[], state: FilterState): string {
  const params = new URLSearchParams(search);
  for (const field of fields) {
    const name = paramName(key, field);
    const value = state[field]?.trim();
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function isEmpty(state: FilterState): boolean {
  return Object.keys(state).length === 0;
}

function amountBound(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value.replaceAll(',', ''));
  return Number.isFinite(n) ? n : null;
}

/** Whether a row with these data-* values passes every filter that is set. */
export function rowMatches(state: FilterState, data: Readonly<Record<string, string | undefined>>): boolean {
  for (const [field, value] of Object.entries(state)) {
    if (field === 'min' || field === 'max') {
      const bound = amountBound(value);
      if (bound === null) continue;
      const amount = Number(data['amount']);
      if (!Number.isFinite(amount)) return false;
      if (field === 'min' ? amount < bound : amount > bound) return false;
    } else if ((data[field] ?? '') !== value) {
      return false;
    }
  }
  return true;
}

/** The state as query parameters for src/queries/*_filtered.sql (null = not filtered). */
export function filterParams(state: FilterState, fields: readonly string[]): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const field of fields) {
    const value = state[field];
    if (field === 'min' || field === 'max') out[field] = amountBound(value);
    else if (field === 'year') out[field] = value && /^\d{4}$/.test(value) ? Number(value) : null;
    else out[field] = value ?? null;
  }
  return out;
}

/**
 * The filters as the positional parameters of src/queries/<kind>_filtered*.sql, which test each
 * filter as `(CAST(? AS …) IS NULL OR column = ?)`: each value twice, in FILTER_FIELDS order.
 */
export function positionalParams(state: FilterState, fields: readonly string[]): (string | number | null)[] {
  const params = filterParams(state, fields);
  return fields.flatMap((f) => [params[f] ?? null, params[f] ?? null]);
}
