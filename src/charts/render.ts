/**
 * Charts are rendered at build time: Plot draws into a server-side DOM (linkedom) through its
 * `document` option, and the page embeds the SVG text. No chart code runs in the reader's browser.
 *
 * Phone first: charts are drawn CHART_WIDTH units wide with CHART_FONT_SIZE text, so that on a
 * 390px phone (about 358px of content) the text stays near 14px; on a desktop Chart.astro caps
 * the width so the text does not grow much beyond body size.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartText {
  /** Short title, announced by screen readers (aria-label). */
  title: string;
  /** One or two sentences saying what the chart shows, for readers who cannot see it. */
  description: string;
}

export const CHART_FONT = 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif';
export const CHART_WIDTH = 400;
export const CHART_FONT_SIZE = 16;

/** Draws a Plot specification into SVG text (or a <figure> with an HTML legend and the SVG). */
export function renderPlot(options: Plot.PlotOptions, text: ChartText): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const style = typeof options.style === 'object' && options.style !== null ? options.style : {};
  const node = Plot.plot({
    width: CHART_WIDTH,
    ...options,
    style: {
      fontFamily: CHART_FONT,
      fontSize: `${CHART_FONT_SIZE}px`,
      background: 'transparent',
      overflow: 'visible',
      ...style,
    },
    document: document as unknown as Document,
  });
  // In a <figure> (when a legend is drawn), the chart is the figure's own <svg>; the legend's
  // swatches are small decorative SVGs next to their text.
  const svg =
    node.tagName.toLowerCase() === 'svg' ? node : [...node.children].find((c) => c.tagName.toLowerCase() === 'svg');
  if (node !== svg)
    for (const swatch of node.querySelectorAll('[class$="-swatch"] svg')) swatch.setAttribute('aria-hidden', 'true');
  if (svg) {
    // The chart is one image with one text alternative (role=img makes its parts presentational):
    // the aria-labels Plot puts on its groups would be prohibited attributes there.
    for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${text.title}。${text.description}`);
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }
  // Plot's class names carry a random suffix; a stable one keeps builds reproducible.
  return node.outerHTML.replace(/plot-[0-9a-f]{6}/g, 'plot-chart');
}
