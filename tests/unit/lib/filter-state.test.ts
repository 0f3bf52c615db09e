import { describe, expect, it } from 'vitest';
import {
  FILTER_FIELDS,
  filterParams,
  isEmpty,
  paramName,
  positionalParams,
  readFilterState,
  rowMatches,
  writeFilterState,
} from '../../../src/lib/filter-state.ts';

const P = FILTER_FIELDS.projects;
const T = FILTER_FIELDS.transactions;

describe('filter state in the address', () => {
  it('reads only this list’s parameters', () => {
    expect(readFilterState('?p.status=completed&t.type=income&p.min=100&sql=x', 'p', P)).toEqual({
      status: 'completed',
      min: '100',
    });
    expect(readFilterState('?type=income&year=2024', '', T)).toEqual({ type: 'income', year: '2024' });
  });
  it('writes its own parameters and keeps everything else', () => {
    expect(writeFilterState('?t.type=income&p.status=ongoing', 'p', P, { status: 'completed', year: '2023' })).toBe(
      '?t.type=income&p.status=completed&p.year=2023',
    );
    expect(writeFilterState('?p.status=ongoing', 'p', P, {})).toBe('');
  });
  it('round-trips through the address', () => {
    const state = { type: 'expenditure', category: 'venue', min: '1000.5' };
    expect(readFilterState(writeFilterState('', 't', T, state), 't', T)).toEqual(state);
    expect(paramName('', 'year')).toBe('year');
    expect(isEmpty({})).toBe(true);
  });
});

describe('rowMatches', () => {
  const row = { status: 'completed', mechanism: 'micro_project', operator: '', year: '2024', amount: '15600' };
  it('passes when every set filter matches', () => {
    expect(rowMatches({}, row)).toBe(true);
    expect(rowMatches({ status: 'completed', year: '2024' }, row)).toBe(true);
    expect(rowMatches({ status: 'ongoing' }, row)).toBe(false);
    expect(rowMatches({ operator: 'X' }, row)).toBe(false);
  });
  it('bounds the amount inclusively on both sides', () => {
    expect(rowMatches({ min: '15600' }, row)).toBe(true);
    expect(rowMatches({ min: '15600.01' }, row)).toBe(false);
    expect(rowMatches({ max: '15600' }, row)).toBe(true);
    expect(rowMatches({ max: '1,000' }, row)).toBe(false);
    expect(rowMatches({ min: 'abc' }, row)).toBe(true);
  });
});

describe('query parameters', () => {
  it('turns the state into typed values and nulls', () => {
    expect(filterParams({ type: 'income', year: '2024', min: '10' }, T)).toEqual({
      type: 'income',
      source: null,
      category: null,
      year: 2024,
      min: 10,
      max: null,
    });
  });
  it('gives each value twice, in the order of the SQL', () => {
    expect(positionalParams({ type: 'income', max: '5' }, T)).toEqual([
      'income',
      'income',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      5,
      5,
    ]);
  });
});
