/**
 * /data/summary/<community_id>.json: the compact summary /compare/ loads for each community it
 * shows (src/lib/compare.ts), from the same page data as /communities/<id>/.
 */
import type { APIRoute } from 'astro';
import { communityPaths } from '../../../lib/community.ts';
import type { CommunitySummary } from '../../../lib/compare.ts';
import { communitySummary } from '../../../lib/compare-summary.ts';

export async function getStaticPaths() {
  const pages = await communityPaths();
  return pages.map((p) => ({ params: { id: p.params.id }, props: { summary: communitySummary(p.props) } }));
}

export const GET: APIRoute = ({ props }) => {
  const summary = (props as { summary: CommunitySummary }).summary;
  return new Response(JSON.stringify(summary), { headers: { 'content-type': 'application/json' } });
};
