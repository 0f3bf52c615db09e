/**
 * Chart snapshots from small fixtures. renderPlot makes the output stable (no random class names),
 * so a snapshot changes only when a chart does. Each test also checks what a reader relies on.
 */
import { describe, expect, it } from 'vitest';
import { moneyByYearChart, moneyUnit } from '../../../src/charts/money.ts';
import { rateBarsChart, shareBarsChart } from '../../../src/charts/bars.ts';
import { satisfactionTrendChart } from '../../../src/charts/satisfaction.ts';
import { escapeHtml, legendHtml } from '../../../src/charts/legend.ts';

const text = { title: '测试图', description: '说明文字。' };

describe('moneyByYearChart', () => {
  const svg = moneyByYearChart(
    [
      { year: 2023, amounts: { fiscal: 120000, charity_donation: 30000, crowdfunding: 0 }, total: 150000 },
      { year: 2024, amounts: { fiscal: 100000, charity_donation: 45000, crowdfunding: 5000 }, total: 150000 },
    ],
    { kind: 'income', codes: ['fiscal', 'charity_donation', 'crowdfunding'], ...text },
  );
  it('names every source in the legend and writes each year’s total', () => {
    expect(svg).toContain('财政拨款');
    expect(svg).toContain('机构慈善捐赠');
    expect(svg).toContain('居民众筹');
    expect(svg).toContain('>15<');
    expect(svg).toContain('万元');
    expect(svg).toContain('aria-label="测试图。说明文字。"');
  });
  it('matches its snapshot', () => {
    expect(svg).toMatchSnapshot();
  });
  it('leaves out codes with no money and uses 元 for small sums', () => {
    const small = moneyByYearChart([{ year: 2024, amounts: { personnel: 800, other: 0 }, total: 800 }], {
      kind: 'expenditure',
      codes: ['personnel', 'other'],
      ...text,
    });
    expect(small).toContain('人员');
    expect(small).not.toContain('其他');
    expect(moneyUnit(9999)).toEqual({ divisor: 1, unit: '元' });
    expect(moneyUnit(10000)).toEqual({ divisor: 10000, unit: '万元' });
  });
});

describe('shareBarsChart', () => {
  const svg = shareBarsChart(
    [
      { label: '曹桥街道', share: 0.996 },
      { label: '当湖街道', share: 0.744 },
      { label: '无收入镇', share: null },
    ],
    { ...text, reference: { value: 0.887, label: '全市 89%' } },
  );
  it('labels each bar with its name and value, and the reference line', () => {
    expect(svg).toContain('曹桥街道');
    expect(svg).toContain('99.6%');
    expect(svg).toContain('74.4%');
    expect(svg).toContain('无数据');
    expect(svg).toContain('全市 89%');
  });
  it('matches its snapshot', () => {
    expect(svg).toMatchSnapshot();
  });
});

describe('rateBarsChart', () => {
  const svg = rateBarsChart(
    [
      { label: '城市社区', rate: 0.915, low: 0.909, high: 0.92, respondents: 9615 },
      { label: '农村社区', rate: null, low: null, high: null, respondents: 12 },
      { label: '融合型大社区', rate: null, low: null, high: null, respondents: 0 },
    ],
    text,
  );
  it('writes the rate with the sample, and says when a sample is too small', () => {
    expect(svg).toContain('城市社区(样本 9615)');
    expect(svg).toContain('91.5%');
    expect(svg).toContain('样本过小,不显示比率');
    expect(svg).toContain('本期无调查');
    expect(svg).not.toContain('(样本 0)');
  });
  it('matches its snapshot', () => {
    expect(svg).toMatchSnapshot();
  });
});

describe('satisfactionTrendChart', () => {
  const points = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'].map((period, i) => ({
    period,
    rate: i === 2 ? null : 0.8 + i * 0.02,
    low: i === 2 ? null : 0.76 + i * 0.02,
    high: i === 2 ? null : 0.84 + i * 0.02,
    respondents: i === 2 ? 12 : 300,
  }));
  const svg = satisfactionTrendChart(points, text);
  it('labels a year once and writes the latest rate', () => {
    expect(svg.match(/2024年/g)).toHaveLength(1);
    expect(svg).toContain('2025年');
    expect(svg).toContain('88.0%');
  });
  it('draws no dot for a period with too small a sample', () => {
    expect(svg.match(/<circle/g)).toHaveLength(4);
  });
  it('matches its snapshot', () => {
    expect(svg).toMatchSnapshot();
  });
});

describe('legendHtml', () => {
  it('lists each colour with its name, escaped', () => {
    expect(legendHtml([{ label: '企业<共建>', colour: '#1b7837' }])).toBe(
      '<ul class="chart-legend" aria-hidden="true"><li><span class="chart-swatch" style="background:#1b7837" aria-hidden="true"></span>企业&lt;共建&gt;</li></ul>',
    );
    expect(escapeHtml(`a&"'`)).toBe('a&amp;&quot;&#39;');
  });
});
