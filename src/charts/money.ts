/**
 * Money per year as stacked bars: income by fund source, or expenditure by category. The total of
 * each year is written above its bar; the legend names every colour; the page shows the table.
 */
import * as Plot from '@observablehq/plot';
import { EXPENSE_CATEGORY, FUND_SOURCE } from '../schema/index.ts';
import { legendHtml } from './legend.ts';
import { renderPlot } from './render.ts';
import { CATEGORY_COLOURS, colourOf, INK, SOURCE_COLOURS } from './palette.ts';

export interface YearAmounts {
  year: number;
  /** Yuan by code (fund source or expense category). */
  amounts: Readonly<Record<string, number>>;
  total: number;
}

export interface MoneyChartOptions {
  kind: 'income' | 'expenditure';
  /** Codes to stack, bottom first (the standard's order). */
  codes: readonly string[];
  title: string;
  description: string;
}

/** 万元 when the largest bar reaches 10,000 元, else 元. */
export function moneyUnit(maxYuan: number): { divisor: number; unit: string } {
  return maxYuan >= 10_000 ? { divisor: 10_000, unit: '万元' } : { divisor: 1, unit: '元' };
}

// One NumberFormat per precision, made once (creating one costs far more than using it).
const shortFormats = [0, 1, 2].map((digits) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits }));

function short(value: number): string {
  return shortFormats[value >= 100 ? 0 : value >= 10 ? 1 : 2]!.format(value);
}

export function moneyByYearChart(years: readonly YearAmounts[], options: MoneyChartOptions): string {
  const labels = (options.kind === 'income' ? FUND_SOURCE.labels : EXPENSE_CATEGORY.labels) as Record<string, string>;
  const colours = options.kind === 'income' ? SOURCE_COLOURS : CATEGORY_COLOURS;
  const max = Math.max(0, ...years.map((y) => y.total));
  const { divisor, unit } = moneyUnit(max);
  const codes = options.codes.filter((c) => years.some((y) => (y.amounts[c] ?? 0) > 0));
  const segments = years.flatMap((y) =>
    codes.map((code) => ({
      year: String(y.year),
      label: labels[code] ?? code,
      value: (y.amounts[code] ?? 0) / divisor,
    })),
  );
  const totals = years.map((y) => ({ year: String(y.year), value: y.total / divisor }));
  const domain = codes.map((c) => labels[c] ?? c);
  const range = codes.map((c) => colourOf(colours, c));
  const legend = legendHtml(domain.map((label, i) => ({ label, colour: range[i]! })));
  const svg = renderPlot(
    {
      height: 300,
      marginLeft: 48,
      marginTop: 36,
      x: { type: 'band', label: null, padding: 0.25 },
      y: {
        label: unit,
        labelAnchor: 'top',
        labelArrow: 'none',
        ticks: 4,
        grid: true,
        nice: true,
        tickFormat: (d: number) => short(d),
      },
      color: { domain, range },
      marks: [
        Plot.barY(segments, { x: 'year', y: 'value', fill: 'label', order: domain }),
        Plot.ruleY([0], { stroke: INK }),
        Plot.text(totals, {
          x: 'year',
          y: 'value',
          text: (d: { value: number }) => short(d.value),
          dy: -10,
          fill: INK,
          fontWeight: 'bold',
        }),
      ],
    },
    { title: options.title, description: options.description },
  );
  return legend + svg;
}
