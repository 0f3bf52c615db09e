import { describe, expect, it } from 'vitest';
import { QUERIES } from '../../../src/queries/index.ts';
import {
  cellText,
  chartShape,
  exampleQueries,
  EXAMPLE_ORDER,
  exploreUrl,
  isNumericType,
  parseQueryHeader,
  sqlFromSearch,
} from '../../../src/lib/explore.ts';
import { exploreHref } from '../../../src/lib/links.ts';

describe('example queries', () => {
  it('read the question and the note from the comment header', () => {
    expect(parseQueryHeader('-- 问题?\n-- 说明一\n-- 说明二\nSELECT 1')).toEqual({
      question: '问题?',
      note: '说明一说明二',
    });
    expect(parseQueryHeader('SELECT 1')).toEqual({ question: '', note: '' });
  });
  it('are every example_*.sql, in the chosen order, each with a Chinese question', () => {
    const examples = exampleQueries(QUERIES);
    expect(examples.map((e) => e.name).slice(0, EXAMPLE_ORDER.length)).toEqual([...EXAMPLE_ORDER]);
    for (const e of examples) expect(e.question).toMatch(/[\u4e00-\u9fff]/);
  });
  it('exist for the questions of the issue', () => {
    const names = exampleQueries(QUERIES).map((e) => e.name);
    for (const n of [
      'example_money_by_source_street',
      'example_not_continued_projects',
      'example_satisfaction_vs_spending',
      'example_organizations_by_money',
      'example_government_dependence',
      'example_volunteers_by_mechanism',
    ]) {
      expect(names).toContain(n);
    }
  });
});

describe('the address of a query', () => {
  it('round-trips any text, Chinese, quotes, newlines, + and &', () => {
    const sql = "SELECT '东湖 & 西湖' AS x, 1+1 AS y -- 注释\nFROM t WHERE a = 'b''c'";
    expect(sqlFromSearch(new URL(exploreUrl(sql), 'http://x').search)).toBe(sql);
  });
  it('also reads the links other pages make (encodeURIComponent, src/lib/links.ts)', () => {
    const sql = "SELECT * FROM transactions WHERE community_id = '330482001001'";
    expect(sqlFromSearch(new URL(exploreHref(sql), 'http://x').search)).toBe(sql);
  });
  it('has no query when the parameter is missing or blank', () => {
    expect(sqlFromSearch('')).toBeNull();
    expect(sqlFromSearch('?sql=%20')).toBeNull();
  });
});

describe('cells and charts', () => {
  it('writes values as the console shows them', () => {
    expect(cellText(null)).toBe('NULL');
    expect(cellText(0.1)).toBe('0.1');
    expect(cellText(true)).toBe('true');
    expect(cellText('东湖')).toBe('东湖');
  });
  it('knows DuckDB and Arrow number types', () => {
    for (const t of ['INTEGER', 'BIGINT', 'DECIMAL(38,2)', 'DOUBLE', 'HUGEINT', 'Float64'])
      expect(isNumericType(t)).toBe(true);
    for (const t of ['VARCHAR', 'DATE', 'BOOLEAN']) expect(isNumericType(t)).toBe(false);
  });
  const cols = (spec: string) => spec.split(' ').map((s) => ({ name: s.split(':')[0]!, type: s.split(':')[1]! }));
  it('draws bars of a number by category, coloured by a second category', () => {
    const rows = [
      { street: 'A', source: 'fiscal', income: 1 },
      { street: 'A', source: 'charity', income: 2 },
      { street: 'B', source: 'fiscal', income: 3 },
    ];
    expect(chartShape(cols('street:VARCHAR source:VARCHAR income:DECIMAL(38,2)'), rows)).toEqual({
      kind: 'bar',
      category: 'street',
      value: 'income',
      series: 'source',
    });
  });
  it('colours by year when there is one text column and a year', () => {
    const rows = [{ year: 2024, source: 'fiscal', income: 1 }];
    expect(chartShape(cols('year:INTEGER source:VARCHAR income:DOUBLE'), rows)).toEqual({
      kind: 'bar',
      category: 'source',
      value: 'income',
      series: 'year',
    });
  });
  it('draws dots of two numbers when there are too many categories', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, spend: i, sat: i / 50 }));
    expect(chartShape(cols('id:VARCHAR spend:DOUBLE sat:DOUBLE'), rows)).toEqual({
      kind: 'dot',
      x: 'spend',
      y: 'sat',
      label: 'id',
    });
  });
  it('draws nothing without a measure or without rows', () => {
    expect(chartShape(cols('a:VARCHAR b:DATE'), [{ a: 'x', b: '2025-01-01' }])).toBeNull();
    expect(chartShape(cols('a:VARCHAR n:INTEGER'), [])).toBeNull();
  });
});
