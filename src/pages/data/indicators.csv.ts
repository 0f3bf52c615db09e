/**
 * /data/indicators.csv: every indicator of every community, street and city per year, long form
 * (src/queries/indicators.sql), UTF-8 with BOM and CRLF like every published CSV.
 */
import type { APIRoute } from 'astro';
import { indicatorCsvChunks } from '../../lib/load/indicators.ts';

export const GET: APIRoute = () => {
  const chunks = indicatorCsvChunks();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
