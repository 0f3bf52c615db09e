/**
 * The spread of one indicator across communities, a row per kind of community (like with like):
 * a thin line from the lowest to the highest value, a bar over the middle half (quartiles) and a
 * tick at the median, with the plan's target as a dashed line where there is one. Drawn from the
 * five-number summaries (src/lib/indicators.ts spreadByKind), so the SVG stays small whatever the
 * number of communities, and the table beside it holds the same numbers.
 */
import * as Plot from '@observablehq/plot';
import type { IndicatorUnit, KindSpread } from '../lib/indicators.ts';
import { formatIndicator } from '../lib/indicators.ts';
import { renderPlot, type ChartText } from './render.ts';
import { ACCENT, INK, LINE, MUTED } from './palette.ts';

const ROW = 56;

export interface SpreadOptions extends ChartText {
  unit: IndicatorUnit;
  target?: { value: number; label: string };
}

export function spreadChart(rows: readonly KindSpread[], options: SpreadOptions): string {
  const data = rows.map((r) => ({ ...r, key: r.kind, text: `${r.label}（${r.count} 个）` }));
  const top = Math.max(options.target?.value ?? 0, ...data.map((d) => d.max));
  const reference = options.target !== undefined;
  const marginTop = reference ? 30 : 8;
  const format = (v: number) => formatIndicator(options.unit, v).replace(/ 天$/, '');
  return renderPlot(
    {
      height: Math.max(1, data.length) * ROW + marginTop + 28,
      marginTop,
      marginBottom: 28,
      marginLeft: 8,
      marginRight: 16,
      x: {
        domain: [0, top > 0 ? top * 1.05 : 1],
        axis: 'bottom',
        ticks: 4,
        tickFormat: (d: number) => (options.unit === 'share' ? `${Math.round(d * 100)}%` : format(d)),
        label: null,
        grid: true,
      },
      y: { type: 'band', domain: data.map((d) => d.key), axis: null, padding: 0 },
      marks: [
        Plot.text(data, { y: 'key', x: 0, text: 'text', textAnchor: 'start', dy: -14, fill: INK }),
        Plot.ruleY(data, { y: 'key', x1: 'min', x2: 'max', stroke: MUTED, dy: 8 }),
        Plot.barX(data, { y: 'key', x1: 'q1', x2: 'q3', fill: ACCENT, fillOpacity: 0.35, insetTop: 28, insetBottom: 6 }),
        Plot.tickX(data, { y: 'key', x: 'median', stroke: ACCENT, strokeWidth: 3, insetTop: 24, insetBottom: 2 }),
        ...(options.target
          ? [
              Plot.ruleX([options.target.value], { stroke: '#a1261b', strokeDasharray: '4,3' }),
              Plot.text([options.target], { x: 'value', frameAnchor: 'top', text: 'label', dy: -18, fill: '#a1261b' }),
            ]
          : []),
        Plot.ruleX([0], { stroke: LINE }),
      ],
    },
    options,
  );
}
