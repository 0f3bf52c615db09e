/**
 * /communities/search.json: the compact search index the directory loads on demand when there are
 * more communities than fit one page (see src/lib/community-directory.ts FULL_LIST_LIMIT).
 */
import type { APIRoute } from 'astro';
import { searchIndex } from '../../lib/community-directory.ts';
import { loadCommunityDirectory } from '../../lib/page-loaders.ts';

export const GET: APIRoute = async () => {
  const directory = await loadCommunityDirectory();
  return new Response(JSON.stringify(searchIndex(directory)), { headers: { 'content-type': 'application/json' } });
};
