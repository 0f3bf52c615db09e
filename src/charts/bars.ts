/**
 * Horizontal bars for categorical data, phone first: each row's name is written above its bar
 * (long Chinese names need the full width of a phone), and its value is written at the bar's end.
 * Two shapes: plain shares (0–1, e.g. government dependence by street) and rates with their 95%
 * interval (satisfaction by street, kind or dimension).
 */
import * as Plot from '@observablehq/plot';
import { renderPlot, type ChartText } from './render.ts';
import { ACCENT, INK, LINE, MUTED } from './palette.ts';

const ROW = 48;
const percent = (v: number, digits = 1) => `${(v * 100).toFixed(digits)}%`;

export interface ShareBar {
  label: string;
  /** 0–1; null rows are listed with 无数据. */
  share: number | null;
  /** Extra words after the value, e.g. the amount. */
  note?: string;
}

export interface BarOptions extends ChartText {
  /** Optional reference line (e.g. the city-wide share) with its label. */
  reference?: { value: number; label: string };
}

function frame(n: number, reference: boolean) {
  const marginTop = reference ? 30 : 8;
  return {
    height: Math.max(1, n) * ROW + marginTop + 28,
    marginTop,
    marginBottom: 28,
    marginLeft: 4,
    marginRight: 72,
  };
}

/** Rows in the given order; the caller sorts. */
export function shareBarsChart(rows: readonly ShareBar[], options: BarOptions): string {
  const data = rows.map((r, i) => ({ ...r, key: String(i), value: r.share ?? 0 }));
  const domain = data.map((d) => d.key);
  const maxShare = Math.max(options.reference?.value ?? 0, ...data.map((d) => d.value));
  const top = maxShare > 0.5 || maxShare === 0 ? 1 : Math.min(1, Math.ceil(maxShare * 10) / 10 + 0.1);
  return renderPlot(
    {
      ...frame(rows.length, options.reference !== undefined),
      x: {
        domain: [0, top],
        axis: 'bottom',
        ticks: 4,
        tickFormat: (d: number) => percent(d, 0),
        label: null,
        grid: true,
      },
      y: { type: 'band', domain, axis: null, padding: 0 },
      marks: [
        Plot.barX(data, { y: 'key', x: 'value', fill: ACCENT, insetTop: 26, insetBottom: 4 }),
        Plot.text(data, { y: 'key', x: 0, text: 'label', textAnchor: 'start', dy: -10, fill: INK, lineWidth: 40 }),
        Plot.text(data, {
          y: 'key',
          x: 'value',
          text: (d: ShareBar) => (d.share === null ? '无数据' : `${percent(d.share)}${d.note ? ` ${d.note}` : ''}`),
          textAnchor: 'start',
          dx: 4,
          dy: 9,
          fill: INK,
          fontWeight: 'bold',
        }),
        ...(options.reference
          ? [
              Plot.ruleX([options.reference.value], { stroke: MUTED, strokeDasharray: '4,3' }),
              Plot.text([options.reference], { x: 'value', frameAnchor: 'top', text: 'label', dy: -18, fill: MUTED }),
            ]
          : []),
        Plot.ruleX([0], { stroke: LINE }),
      ],
    },
    options,
  );
}

export interface RateBar {
  label: string;
  /** null when the sample is too small to read as a rate: the row says so instead of a dot. */
  rate: number | null;
  low: number | null;
  high: number | null;
  respondents: number;
}

/** Dots with their 95% interval; a row whose sample is too small shows the words 样本过小. */
export function rateBarsChart(rows: readonly RateBar[], options: BarOptions): string {
  const data = rows.map((r, i) => ({ ...r, key: String(i) }));
  const domain = data.map((d) => d.key);
  const withRate = data.filter((d) => d.rate !== null);
  const lows = withRate.map((d) => d.low ?? d.rate!);
  const min = lows.length ? Math.min(...lows, options.reference?.value ?? 1) : 0;
  const from = Math.max(0, Math.floor(min * 10) / 10 - 0.1);
  return renderPlot(
    {
      ...frame(rows.length, options.reference !== undefined),
      x: {
        domain: [from, 1],
        axis: 'bottom',
        ticks: 4,
        tickFormat: (d: number) => percent(d, 0),
        label: null,
        grid: true,
      },
      y: { type: 'band', domain, axis: null, padding: 0 },
      marks: [
        Plot.text(data, {
          y: 'key',
          x: from,
          text: (d: RateBar) => (d.respondents > 0 ? `${d.label}(样本 ${d.respondents})` : d.label),
          textAnchor: 'start',
          dy: -10,
          fill: INK,
          lineWidth: 40,
        }),
        Plot.ruleY(withRate, { y: 'key', x1: 'low', x2: 'high', stroke: ACCENT, strokeWidth: 3, dy: 9 }),
        Plot.dot(withRate, { y: 'key', x: 'rate', fill: ACCENT, stroke: 'white', r: 6, dy: 9 }),
        Plot.text(withRate, {
          y: 'key',
          x: 'high',
          text: (d: RateBar) => percent(d.rate!),
          textAnchor: 'start',
          dx: 6,
          dy: 9,
          fill: INK,
          fontWeight: 'bold',
        }),
        Plot.text(
          data.filter((d) => d.rate === null),
          {
            y: 'key',
            x: from,
            text: (d: RateBar) => (d.respondents > 0 ? '样本过小,不显示比率' : '本期无调查'),
            textAnchor: 'start',
            dy: 9,
            fill: MUTED,
          },
        ),
        ...(options.reference
          ? [
              Plot.ruleX([options.reference.value], { stroke: MUTED, strokeDasharray: '4,3' }),
              Plot.text([options.reference], { x: 'value', frameAnchor: 'top', text: 'label', dy: -18, fill: MUTED }),
            ]
          : []),
      ],
    },
    options,
  );
}
