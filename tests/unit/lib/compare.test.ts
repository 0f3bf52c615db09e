import { describe, expect, it } from 'vitest';
import { compareHref, idsSearch, MAX_COMPARED, parseIds, summaryUrl } from '../../../src/lib/compare.ts';

describe('the communities in the address', () => {
  it('keeps valid 12-digit codes, in order, without repeats', () => {
    expect(parseIds('?ids=330482001001,330482001002,330482001001')).toEqual(['330482001001', '330482001002']);
  });
  it('drops anything else and stops at four', () => {
    expect(parseIds('?ids=abc,33048200100,330482001001')).toEqual(['330482001001']);
    const five = Array.from({ length: 5 }, (_, i) => `33048200100${i}`).join(',');
    expect(parseIds(`?ids=${five}`)).toHaveLength(MAX_COMPARED);
  });
  it('accepts Chinese commas and spaces that a hand-typed link may hold', () => {
    expect(parseIds('?ids=330482001001,330482001002')).toEqual(['330482001001', '330482001002']);
  });
  it('writes the choice back readably', () => {
    expect(idsSearch(['330482001001', '330482001002'])).toBe('?ids=330482001001,330482001002');
    expect(compareHref([])).toBe('/compare/');
    expect(parseIds(idsSearch(['330482001001']))).toEqual(['330482001001']);
    expect(summaryUrl('330482001001')).toBe('/data/summary/330482001001.json');
  });
});
