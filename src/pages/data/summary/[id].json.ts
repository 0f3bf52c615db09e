/**
 * /data/summary/<community_id>.json: the compact summary /compare/ loads for each community it
 * shows (src/lib/compare.ts), from the same page data as /communities/<id>/.
 */
import type { APIRoute } from 'astro';
import { communitySummary } from '../../../lib/compare-summary.ts';
import { communityPaths, loadCommunityPage } from '../../../lib/load/community.ts';

export function getStaticPaths() {
  return communityPaths();
}

export const GET: APIRoute = async ({ params }) => {
  const summary = communitySummary(await loadCommunityPage(params['id']!));
  return new Response(JSON.stringify(summary), { headers: { 'content-type': 'application/json' } });
};
