import { runQuery } from '../db/build-database.ts';

export interface Release {
  name: string;
  title: string;
  version: string;
  created: string;
  publisher_name: string;
  publisher_contact: string | null;
  license: string | null;
  coverage_area: string | null;
  period_start: string | null;
  period_end: string | null;
  sample: boolean;
  built_on: string;
}

let cached: Promise<Release> | undefined;

/** The release metadata every page shows (publisher, as-of date, the sample notice). */
export function loadRelease(): Promise<Release> {
  cached ??= runQuery<Release>('release').then((rows) => {
    const release = rows[0];
    if (!release) throw new Error('The site database has no release row.');
    return release;
  });
  return cached;
}
