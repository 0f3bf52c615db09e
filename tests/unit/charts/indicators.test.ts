/** The spread chart of an indicator across kinds of community (src/charts/indicators.ts). */
import { describe, expect, it } from 'vitest';
import { spreadChart } from '../../../src/charts/indicators.ts';
import { spreadByKind } from '../../../src/lib/indicators.ts';

describe('spreadChart', () => {
  const svg = spreadChart(
    spreadByKind([
      { kind: 'urban', value: 0.82 },
      { kind: 'urban', value: 0.91 },
      { kind: 'urban', value: 0.95 },
      { kind: 'rural', value: 0.78 },
      { kind: 'rural', value: 0.88 },
    ]),
    { unit: 'share', title: '满意度分布', description: '说明。', target: { value: 0.9, label: '目标 90.0%' } },
  );
  it('names each kind with its count, draws the target, and is one image with a text alternative', () => {
    expect(svg).toContain('城市社区（3 个）');
    expect(svg).toContain('农村社区（2 个）');
    expect(svg).toContain('目标 90.0%');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="满意度分布。说明。"');
  });
  it('matches its snapshot', () => {
    expect(svg).toMatchSnapshot();
  });
});
