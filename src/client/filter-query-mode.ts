/**
 * Included by the city-wide lists (/projects/, /transactions/) only: lets their <filter-table>
 * query the whole table with DuckDB-wasm (./filter-query.ts, fetched when a filter is first set).
 */
import { enableQueryMode } from './filter-table.ts';

enableQueryMode(() => import('./filter-query.ts'));
