/**
 * A quick chart of a console result (loaded only when a result has a chartable shape): bars of a
 * number by category, or dots of two numbers. The reader may change the columns. The result table
 * above it carries every number, so the chart is never the only way to read one.
 */
import * as Plot from '@observablehq/plot';
import type { SqlRow } from '../db/types.ts';
import { isNumericType, type ChartShape, type ResultColumn } from '../lib/explore.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function select(
  label: string,
  options: readonly string[],
  value: string | null,
  allowNone = false,
): { wrap: HTMLLabelElement; input: HTMLSelectElement } {
  const wrap = el('label', `${label} `, 'inline-flex items-center gap-1');
  const input = el('select', undefined, 'rounded border border-line bg-paper px-2 py-1');
  if (allowNone) input.append(new Option('(无)', ''));
  for (const o of options) input.append(new Option(o, o));
  input.value = value ?? '';
  wrap.append(input);
  return { wrap, input };
}

const CJK_WIDTH = 15;

export function drawChart(
  box: HTMLElement,
  columns: readonly ResultColumn[],
  rows: readonly SqlRow[],
  shape: ChartShape,
): void {
  const names = columns.map((c) => c.name);
  const numeric = columns.filter((c) => isNumericType(c.type)).map((c) => c.name);
  const heading = el('h3', '快速图表');
  const note = el(
    'p',
    '根据查询结果自动选择的图表,可以更换列。图中每个数字都在上面的结果表中。',
    'text-base text-muted',
  );
  const kind = select('图表', ['条形图', '散点图'], shape.kind === 'bar' ? '条形图' : '散点图');
  const a = select('分类/横轴', names, shape.kind === 'bar' ? shape.category : shape.x);
  const b = select('数值/纵轴', numeric, shape.kind === 'bar' ? shape.value : shape.y);
  const c = select('颜色', names, shape.kind === 'bar' ? shape.series : null, true);
  const controls = el('div', undefined, 'no-print my-2 flex flex-wrap gap-3 text-base');
  controls.append(kind.wrap, a.wrap, b.wrap, c.wrap);
  const figure = el('figure', undefined, 'chart my-2');

  const draw = () => {
    const bar = kind.input.value === '条形图';
    const x = a.input.value;
    const y = b.input.value;
    const color = c.input.value || null;
    const width = Math.max(320, Math.min(box.clientWidth || 640, 960));
    let node: Element;
    if (bar) {
      const categories = new Set(rows.map((r) => String(r[x] ?? 'NULL')));
      const longest = Math.max(2, ...[...categories].map((s) => s.length));
      const data = rows.map((r) => ({
        category: String(r[x] ?? 'NULL'),
        value: Number(r[y] ?? 0),
        series: color ? String(r[color] ?? 'NULL') : null,
      }));
      node = Plot.plot({
        width,
        height: Math.max(140, categories.size * 28 + 60),
        marginLeft: Math.min(240, longest * CJK_WIDTH * 0.6 + 24),
        style: { fontFamily: 'inherit', fontSize: '13px', background: 'transparent' },
        x: { label: y, grid: true },
        y: { label: null },
        color: color ? { legend: true, label: color } : undefined,
        marks: [
          Plot.barX(
            data,
            Plot.groupY(
              { x: 'sum' },
              { y: 'category', x: 'value', fill: color ? 'series' : 'var(--color-accent)', sort: { y: '-x' } },
            ),
          ),
          Plot.ruleX([0]),
        ],
      });
      node.setAttribute('aria-label', `条形图:各${x}的${y}${color ? `,按${color}着色` : ''}。`);
    } else {
      const data = rows.map((r) => ({
        x: Number(r[x]),
        y: Number(r[y]),
        series: color ? String(r[color] ?? 'NULL') : null,
      }));
      node = Plot.plot({
        width,
        height: 360,
        style: { fontFamily: 'inherit', fontSize: '13px', background: 'transparent' },
        x: { label: x, grid: true },
        y: { label: y, grid: true },
        color: color ? { legend: true, label: color } : undefined,
        marks: [Plot.dot(data, { x: 'x', y: 'y', r: 3.5, fill: color ? 'series' : 'var(--color-accent)' })],
      });
      node.setAttribute('aria-label', `散点图:横轴 ${x},纵轴 ${y}。`);
    }
    // One image with one text alternative (Plot labels its groups, which is not allowed inside).
    const label = node.getAttribute('aria-label') ?? '';
    for (const svg of node.tagName.toLowerCase() === 'svg' ? [node] : [...node.querySelectorAll('svg')]) {
      if (svg.closest('[class*=swatch]')) {
        // A legend swatch: its label is the text beside it.
        svg.setAttribute('aria-hidden', 'true');
      } else {
        // Inside role=img the labels Plot puts on its groups are prohibited (as src/charts/render.ts).
        for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
          part.removeAttribute('aria-label');
          part.removeAttribute('aria-description');
        }
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', label);
      }
    }
    figure.replaceChildren(node);
  };
  for (const s of [kind, a, b, c]) s.input.addEventListener('change', draw);
  box.replaceChildren(heading, note, controls, figure);
  draw();
}
