/**
 * A colour legend as plain HTML (a list of swatches with their names), placed above a chart. Cheaper
 * to build than Plot's legend (which costs as much as a small chart on every page) and it wraps
 * naturally on a phone. Names are escaped: this string is inserted with set:html by Chart.astro.
 */
export interface LegendItem {
  label: string;
  colour: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function legendHtml(items: readonly LegendItem[]): string {
  const entries = items.map(
    (i) =>
      `<li><span class="chart-swatch" style="background:${escapeHtml(i.colour)}" aria-hidden="true"></span>${escapeHtml(i.label)}</li>`,
  );
  return `<ul class="chart-legend" aria-hidden="true">${entries.join('')}</ul>`;
}
