/**
 * /communities/search.json: the compact search index the directory loads on demand when there are
 * more communities than fit one page (see src/lib/community-directory.ts FULL_LIST_LIMIT).
 */
import type { APIRoute } from 'astro';
import { loadSearchIndex } from '../../lib/load/directory.ts';

export const GET: APIRoute = async () => {
  return new Response(JSON.stringify(await loadSearchIndex()), { headers: { 'content-type': 'application/json' } });
};
