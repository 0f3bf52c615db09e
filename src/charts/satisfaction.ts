/**
 * Overall satisfaction over time: one dot per survey period with its 95% interval as a vertical
 * line, joined by a line; the latest rate is written beside its dot. Periods whose sample is too
 * small have no dot (the table beside the chart gives their counts). Few ticks: only a year's
 * first period is labelled.
 */
import * as Plot from '@observablehq/plot';
import { renderPlot, type ChartText } from './render.ts';
import { ACCENT, INK } from './palette.ts';

export interface PeriodPoint {
  period: string;
  rate: number | null;
  low: number | null;
  high: number | null;
  respondents: number;
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export function satisfactionTrendChart(points: readonly PeriodPoint[], text: ChartText): string {
  const periods = points.map((p) => p.period);
  const withRate = points.filter((p) => p.rate !== null);
  const lows = withRate.map((p) => p.low ?? p.rate!);
  const from = lows.length ? Math.max(0, Math.floor(Math.min(...lows) * 10) / 10 - 0.1) : 0;
  const firstOfYear = new Set<string>();
  const seenYears = new Set<string>();
  for (const p of periods) {
    const year = p.slice(0, 4);
    if (!seenYears.has(year)) {
      seenYears.add(year);
      firstOfYear.add(p);
    }
  }
  // With many years, label every other one so the labels never collide on a phone.
  const yearStep = seenYears.size > 5 ? 2 : 1;
  const labelled = [...firstOfYear].filter((_, i) => i % yearStep === 0);
  const last = withRate.at(-1);
  return renderPlot(
    {
      height: 260,
      marginLeft: 48,
      marginRight: 64,
      marginTop: 16,
      x: {
        type: 'point',
        domain: periods,
        padding: 0.4,
        ticks: labelled,
        tickFormat: (p: string) => p.slice(0, 4) + '年',
        label: null,
      },
      y: { domain: [from, 1], ticks: 4, tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true, label: null },
      marks: [
        Plot.ruleX(withRate, {
          x: 'period',
          y1: 'low',
          y2: 'high',
          stroke: ACCENT,
          strokeOpacity: 0.5,
          strokeWidth: 3,
        }),
        Plot.line(withRate, { x: 'period', y: 'rate', stroke: ACCENT, strokeWidth: 2 }),
        Plot.dot(withRate, { x: 'period', y: 'rate', fill: ACCENT, stroke: 'white', r: 5 }),
        ...(last
          ? [
              Plot.text([last], {
                x: 'period',
                y: 'rate',
                text: (p: PeriodPoint) => percent(p.rate!),
                dx: 8,
                textAnchor: 'start',
                fill: INK,
                fontWeight: 'bold',
              }),
            ]
          : []),
      ],
    },
    text,
  );
}
