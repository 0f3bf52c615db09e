/**
 * How much of a long list a page shows; each number is used in one place only through here.
 * (Rules of the data standard such as the minimum sample live in src/schema.)
 */

/** The latest transactions a community page lists (the rest: its CSV and /explore/). */
export const RECENT_TRANSACTIONS = 30;

/** Projects, transactions and surveys an organization page lists of each kind. */
export const ORGANIZATION_LIST_LIMIT = 200;

/** Rows of each static page of a long city-wide list (/projects/page/<n>/, /transactions/page/<n>/). */
export const LIST_PAGE_SIZE = 500;

/** City-wide lists up to this many rows are complete in one page (filters work without DuckDB). */
export const LIST_FULL_LIMIT = 1000;
