import { describe, expect, it } from 'vitest';
import {
  matchesSyllablesFrom,
  normalizeQuery,
  RANK,
  searchRank,
  selectCommunities,
  type SearchableCommunity,
} from '../../../src/lib/community-search.ts';
import { pinyinInitials, pinyinSyllables } from '../../../src/lib/pinyin.ts';

const DONGHU = 'dong hu she qu'.split(' ');

describe('normalizeQuery', () => {
  it('lower-cases, drops spaces and apostrophes, writes ü as v', () => {
    expect(normalizeQuery('  Dong Hu ')).toBe('donghu');
    expect(normalizeQuery("xi'an")).toBe('xian');
    expect(normalizeQuery('lüzhou')).toBe('lvzhou');
  });
});

describe('matchesSyllablesFrom', () => {
  it('accepts initials, whole syllables and mixes of both', () => {
    for (const q of ['d', 'dh', 'donghu', 'dongh', 'dhu', 'dhsq', 'donghushequ', 'dhshequ']) {
      expect(matchesSyllablesFrom(q, DONGHU, 0), q).toBe(true);
    }
  });
  it('rejects letters that are not syllable prefixes in order', () => {
    for (const q of ['hd', 'dx', 'dongx', 'dhsqx', 'ong']) expect(matchesSyllablesFrom(q, DONGHU, 0), q).toBe(false);
  });
  it('can start at a later syllable', () => {
    expect(matchesSyllablesFrom('hu', DONGHU, 1)).toBe(true);
    expect(matchesSyllablesFrom('hu', DONGHU, 0)).toBe(false);
  });
});

describe('searchRank', () => {
  it('ranks exact name, name prefix, pinyin from the start, name inside, pinyin inside', () => {
    expect(searchRank('东湖社区', '东湖社区', 'dong hu she qu')).toBe(RANK.exactName);
    expect(searchRank('东湖', '东湖社区', 'dong hu she qu')).toBe(RANK.namePrefix);
    expect(searchRank('dh', '东湖社区', 'dong hu she qu')).toBe(RANK.pinyinPrefix);
    expect(searchRank('湖', '东湖社区', 'dong hu she qu')).toBe(RANK.nameContains);
    expect(searchRank('hu', '东湖社区', 'dong hu she qu')).toBe(RANK.pinyinInside);
    expect(searchRank('xh', '东湖社区', 'dong hu she qu')).toBeNull();
    expect(searchRank('西', '东湖社区', 'dong hu she qu')).toBeNull();
    expect(searchRank('当湖', '东湖社区', 'dong hu she qu', '当湖街道')).toBe(RANK.streetName);
    expect(searchRank('dh', '大河村', 'da he cun', '当湖街道')).toBe(RANK.pinyinPrefix);
  });
  it('matches everything on an empty query', () => {
    expect(searchRank('', '东湖社区', 'dong hu she qu')).toBe(RANK.exactName);
  });
});

function c(
  order: number,
  name: string,
  street: string,
  kind: string,
  population: number | null,
  satisfaction: number | null = null,
): SearchableCommunity {
  return {
    order,
    name,
    pinyin: pinyinSyllables(name),
    street,
    streetName: street === '330482001' ? '当湖街道' : '钟埭街道',
    kind,
    figures: { population, projects: order, expenditure: 0, satisfaction },
  };
}

// Default order = street, then code. 大河村 (d h c) comes before 东湖社区 (d h s q) and also
// answers `dh`; 东湖社区 must still come first for `donghu`.
const ITEMS = [
  c(0, '大河村', '330482001', 'rural', 800, 0.9),
  c(1, '新华社区', '330482001', 'urban', 5000, null),
  c(2, '东湖社区', '330482002', 'urban', 12000, 0.8),
  c(3, '湖滨社区', '330482002', 'urban', null, 0.7),
];

describe('selectCommunities', () => {
  const all = { text: '', street: '', kind: '', sort: '' } as const;
  it('keeps the default order with no query', () => {
    expect(selectCommunities(ITEMS, all)).toEqual([0, 1, 2, 3]);
  });
  it('finds 东湖社区 by initials and by pinyin', () => {
    // dh: 大河村 and 东湖社区 both start d-h (same rank): default order decides.
    expect(selectCommunities(ITEMS, { ...all, text: 'dh' })).toEqual([0, 2]);
    expect(selectCommunities(ITEMS, { ...all, text: 'donghu' })).toEqual([2]);
    expect(selectCommunities(ITEMS, { ...all, text: 'DongHu' })).toEqual([2]);
  });
  it('puts name-prefix matches before names that only contain the text', () => {
    // 湖滨: 湖滨社区 starts with it; nothing else contains it.
    expect(selectCommunities(ITEMS, { ...all, text: '湖滨' })).toEqual([3]);
    expect(searchRank('湖', '湖滨社区', 'hu bin she qu')).toBe(RANK.namePrefix);
    expect(searchRank('湖', '东湖社区', 'dong hu she qu')).toBe(RANK.nameContains);
    // hu: pinyin from the start for 湖滨 (hu bin), inside for 东湖 (dong hu); 新华 (xin hua) inside too.
    expect(selectCommunities(ITEMS, { ...all, text: 'hu' })).toEqual([3, 1, 2]);
  });
  it('finds every community of a street by the street name, after name matches', () => {
    expect(selectCommunities(ITEMS, { ...all, text: '当湖' })).toEqual([0, 1]);
    // 湖 is in 湖滨 (prefix), 东湖 (inside) and in 当湖街道 (大河村, 新华社区).
    expect(selectCommunities(ITEMS, { ...all, text: '湖' })).toEqual([3, 2, 0, 1]);
  });
  it('filters by street and kind', () => {
    expect(selectCommunities(ITEMS, { ...all, street: '330482002' })).toEqual([2, 3]);
    expect(selectCommunities(ITEMS, { ...all, kind: 'urban' })).toEqual([1, 2, 3]);
    expect(selectCommunities(ITEMS, { ...all, street: '330482001', kind: 'urban' })).toEqual([1]);
  });
  it('sorts by a figure, largest first, unknown last', () => {
    expect(selectCommunities(ITEMS, { ...all, sort: 'population' })).toEqual([2, 1, 0, 3]);
    expect(selectCommunities(ITEMS, { ...all, sort: 'satisfaction' })).toEqual([0, 2, 3, 1]);
    expect(selectCommunities(ITEMS, { ...all, sort: 'projects' })).toEqual([3, 2, 1, 0]);
  });
});

describe('pinyin (build time)', () => {
  it('gives syllables without tones and initials', () => {
    expect(pinyinSyllables('东湖社区')).toBe('dong hu she qu');
    expect(pinyinInitials('东湖社区')).toBe('dhsq');
    expect(pinyinSyllables('绿洲社区')).toBe('lv zhou she qu');
    expect(pinyinSyllables('野马村')).toBe('ye ma cun');
  });
});
