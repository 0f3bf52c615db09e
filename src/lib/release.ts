import { runQuery } from '../db/build-database.ts';
import type { QueryRow } from '../queries/rows.ts';
import { once } from './load/cache.ts';

export type Release = QueryRow<'release'>;

/** The release metadata every page shows (publisher, as-of date, the sample notice). */
export const loadRelease = once(async (): Promise<Release> => {
  const release = (await runQuery('release'))[0];
  if (!release) throw new Error('The site database has no release row.');
  return release;
});

/** The data's as-of date: the release's period end, else its creation date. */
export function asOfOf(release: Pick<Release, 'period_end' | 'created'>): string {
  return release.period_end ?? release.created;
}

export async function loadAsOf(): Promise<string> {
  return asOfOf(await loadRelease());
}
