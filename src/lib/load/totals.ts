/** Counts of the whole release (city_totals.sql), read once per build. */
import { runQuery } from '../../db/build-database.ts';
import { once } from './cache.ts';

export const loadTotals = once(async () => {
  const [totals] = await runQuery('city_totals');
  if (!totals) throw new Error('city_totals.sql returned no row');
  return totals;
});
