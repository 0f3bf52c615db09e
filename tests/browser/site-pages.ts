/**
 * Finds, in the built site (SITE_DIR), one page of each template, and reads small facts the
 * browser tests compare against (number of communities from the published datapackage.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_DIR } from './harness.ts';

/** The first sub-folder (in name order) of a listing folder that holds an index.html. */
export function firstPage(listing: string, root = SITE_DIR): string | null {
  const dir = join(root, listing);
  if (!existsSync(dir)) return null;
  const sub = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  return sub ? `/${listing}/${sub}/` : null;
}

export function exists(path: string, root = SITE_DIR): boolean {
  const file = path.endsWith('/') ? join(root, path, 'index.html') : join(root, path);
  return existsSync(file);
}

/** One page of each template, null where the template is not built (yet). */
export function templatePages(root = SITE_DIR): Record<string, string | null> {
  const fixed = (p: string) => (exists(p, root) ? p : null);
  return {
    home: fixed('/'),
    communities: fixed('/communities/'),
    community: firstPage('communities', root),
    street: firstPage('streets', root),
    project: firstPage('projects', root),
    organization: firstPage('organizations', root),
    dataQuality: fixed('/data-quality/'),
    downloads: fixed('/data/'),
    dictionary: fixed('/data/dictionary/'),
    notFound: fixed('/404.html') && '/no-such-page/',
  };
}

/** Row count of a table, from the published datapackage.json. */
export function publishedRowCount(table: string, root = SITE_DIR): number {
  const dp = JSON.parse(readFileSync(join(root, 'data', 'datapackage.json'), 'utf8')) as {
    resources: { name: string; rowCount?: number }[];
  };
  const r = dp.resources.find((x) => x.name === table);
  if (r?.rowCount === undefined) throw new Error(`datapackage.json has no rowCount for ${table}`);
  return r.rowCount;
}
