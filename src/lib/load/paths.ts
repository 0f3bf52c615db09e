/**
 * getStaticPaths of the per-key routes: the keys of a page store, only those of this build's
 * shard (src/build/shard.ts), and no data: each page reads its own rows when it renders.
 */
import { runQuery } from '../../db/build-database.ts';
import type { PageStore, StoreSections } from '../../db/page-store.ts';
import { assignRegions, currentShard, shardOfPage } from '../../build/shard.ts';
import { once } from './cache.ts';

export type PagePath<P extends string> = { params: Record<P, string> };

const loadAssignment = once(async () => {
  const shard = currentShard();
  return shard ? assignRegions(await runQuery('region_pages'), shard.count) : null;
});

/** The store's keys as route parameters, those of this shard only. */
export async function pagePaths<P extends string>(store: PageStore<StoreSections>, param: P): Promise<PagePath<P>[]> {
  const shard = currentShard();
  const assignment = await loadAssignment();
  const pages = await store.pages();
  return pages
    .filter(
      ({ key, row }) =>
        !shard ||
        !assignment ||
        shardOfPage(assignment, row['region_code'] as string, key, shard.count) === shard.index,
    )
    .map(({ key }) => ({ params: { [param]: key } as Record<P, string> }));
}

/** City-wide pages (list continuations, directory pages) are shard 1's. */
export function cityWidePaths<T>(paths: readonly T[]): T[] {
  const shard = currentShard();
  return shard && shard.index !== 1 ? [] : [...paths];
}
