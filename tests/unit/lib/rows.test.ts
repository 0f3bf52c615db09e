import { describe, expect, it } from 'vitest';
import { projectFlags, yearOf } from '../../../src/lib/rows.ts';
import { enumLabel, labelWithoutUnit } from '../../../src/lib/labels.ts';
import { inlineParams, exploreQueryHref } from '../../../src/lib/links.ts';
import { PROJECT_STATUS, projects } from '../../../src/schema/index.ts';

const AS_OF = '2025-06-30';
const base = { status: 'completed' as const, end_date: '2024-12-31', evaluation: null, continued_by: 0 };

describe('projectFlags', () => {
  it('flags an ongoing project whose end date has passed', () => {
    expect(projectFlags({ ...base, status: 'ongoing', end_date: '2025-06-29' }, AS_OF)).toEqual(['overdue']);
    expect(projectFlags({ ...base, status: 'ongoing', end_date: '2025-06-30' }, AS_OF)).toEqual([]);
    expect(projectFlags({ ...base, status: 'ongoing', end_date: null }, AS_OF)).toEqual([]);
  });
  it('flags an excellent or good project that ended and was not continued', () => {
    expect(projectFlags({ ...base, evaluation: 'excellent' }, AS_OF)).toEqual(['not_continued']);
    expect(projectFlags({ ...base, evaluation: 'good', continued_by: 1 }, AS_OF)).toEqual([]);
    expect(projectFlags({ ...base, evaluation: 'pass' }, AS_OF)).toEqual([]);
    // still running and not yet at its end: too early to ask for a continuation
    expect(projectFlags({ ...base, status: 'ongoing', end_date: '2025-12-31', evaluation: 'good' }, AS_OF)).toEqual([]);
  });
  it('can raise both flags', () => {
    expect(projectFlags({ ...base, status: 'ongoing', end_date: '2025-01-31', evaluation: 'good' }, AS_OF)).toEqual([
      'overdue',
      'not_continued',
    ]);
  });
});

describe('small helpers', () => {
  it('yearOf', () => {
    expect(yearOf('2024-03-01')).toBe(2024);
    expect(yearOf(null)).toBeNull();
  });
  it('labels come from the schema', () => {
    expect(labelWithoutUnit(projects.fields.budget)).toBe('预算');
    expect(labelWithoutUnit(projects.fields.title)).toBe('项目名称');
    expect(enumLabel(PROJECT_STATUS, 'ongoing')).toBe('实施中');
    expect(enumLabel(PROJECT_STATUS, null)).toBe('—');
    expect(enumLabel(PROJECT_STATUS, 'unknown')).toBe('unknown');
  });
});

describe('explore links', () => {
  it('writes parameters in as literals, not inside quotes or comments', () => {
    const sql = "-- who? what?\nSELECT '?' AS q, x FROM t WHERE a = ? AND b < CAST(? AS DATE)";
    expect(inlineParams(sql, ["O'Brien", '2025-06-30'])).toBe(
      "-- who? what?\nSELECT '?' AS q, x FROM t WHERE a = 'O''Brien' AND b < CAST('2025-06-30' AS DATE)",
    );
    expect(() => inlineParams('SELECT ?', [])).toThrow();
    expect(() => inlineParams('SELECT 1', [1])).toThrow();
  });
  it('links a query of src/queries to /explore/', () => {
    const href = exploreQueryHref('community_transactions', ['330482001001']);
    expect(href.startsWith('/explore/?sql=')).toBe(true);
    expect(decodeURIComponent(href.slice('/explore/?sql='.length))).toContain("WHERE community_id = '330482001001'");
  });
});
