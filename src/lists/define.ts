/**
 * A list (projects, transactions) defined once: its columns — header, cell and when it is shown —,
 * its filters, the data-* attributes its rows carry for them, and the SQL that filters it in the
 * browser. The static table (components/ListTable.astro), the filter bar (FilterBar.astro), the
 * rows DuckDB-wasm redraws (src/client/filter-query.ts) and the CSV download all read it.
 *
 * Browser-safe: nothing here imports src/schema (zod). A header names the field of the standard
 * whose Chinese label it shows; src/lists/labels.ts resolves those names at build time.
 */

/** One cell as the screen shows it; the CSV download uses the same text. */
export interface Cell {
  text: string;
  href?: string;
  className?: string;
  /** Lines under the main text (project flags). */
  notes?: string[];
  /** Text right after the main text, outside its link (donor counts). */
  suffix?: string[];
  muted?: boolean;
}

/** Code → Chinese label, per filter or column name (handed to the browser by the filter bar). */
export type Labels = Record<string, Record<string, string>>;

/** `table.field` of the standard whose label a header or filter shows. */
export type FieldRef = `${'communities' | 'projects' | 'transactions'}.${string}`;

export type Header =
  | { field: FieldRef; withoutUnit?: boolean; dropSuffix?: string; append?: string }
  | { fields: readonly FieldRef[] }
  | { text: string };

/** Options a table can be drawn with (the columns some pages leave out). */
export interface TableOptions {
  /** A column of community names (lists spanning communities). */
  showCommunity?: boolean;
  /** The project column (not on a project's own page). */
  showProject?: boolean;
  /** Fewer columns on long lists (phones). */
  compact?: boolean;
}

export interface ListColumn<Row> {
  key: string;
  header: Header;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** Left out on paper, so that the table fits an A4 page. */
  noPrint?: boolean;
  /** Whether the column is drawn with these options (default: always). */
  shown?: (options: TableOptions) => boolean;
  cell(row: Row, labels: Labels, asOf: string): Cell;
}

export interface ListFilter {
  /** Name in the address (`?status=…`) and of the row's data-* attribute. */
  name: string;
  header: Header;
  /** Where the choices come from: an enum of the standard (by the field that uses it), or the rows. */
  options: { enumOf: FieldRef } | 'operators' | 'years';
}

export interface ListDefinition<Row> {
  kind: 'projects' | 'transactions';
  /** src/queries/<rows>.sql and <summary>.sql: filtered rows (paged) and their count and sums. */
  queries: { rows: string; summary: string };
  columns: readonly ListColumn<Row>[];
  filters: readonly ListFilter[];
  /** The field whose value the min/max filters bound (data-amount). */
  amount: { field: FieldRef; of: (row: Row) => number };
  /** The data-* attributes of a row: one per filter, plus amount. */
  data(row: Row): Record<string, string>;
  /** Labels of codes shown in columns that no filter offers (e.g. evaluation). */
  extraLabels?: Readonly<Record<string, FieldRef>>;
  empty: string;
}

export function missingAsDash(value: string | null | undefined, dash: string): string {
  return value === null || value === undefined || value === '' ? dash : value;
}

/** The columns drawn with these options, in order. */
export function shownColumns<Row>(list: ListDefinition<Row>, options: TableOptions): ListColumn<Row>[] {
  return list.columns.filter((c) => c.shown?.(options) ?? true);
}

/** The cells of one row for the given columns. */
export function cellsOf<Row>(columns: readonly ListColumn<Row>[], row: Row, labels: Labels, asOf: string): Cell[] {
  return columns.map((c) => c.cell(row, labels, asOf));
}

/** The filter names of a list, in the order of its bar (then min and max), for the address. */
export function filterFields(list: Pick<ListDefinition<unknown>, 'filters'>): string[] {
  return [...list.filters.map((f) => f.name), 'min', 'max'];
}
