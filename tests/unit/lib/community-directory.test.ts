import { describe, expect, it } from 'vitest';
import {
  communityDirectory,
  directoryPages,
  pageHref,
  searchable,
  searchIndex,
  type DirectoryRow,
} from '../../../src/lib/community-directory.ts';
import { indexRowId } from '../../../src/lib/community-search.ts';
import { COMMUNITY_KIND } from '../../../src/schema/index.ts';

const row = (
  id: string,
  name: string,
  street: string,
  kind: DirectoryRow['kind'],
  population: number | null,
): DirectoryRow => ({
  community_id: id,
  name,
  street_code: id.slice(0, 9),
  street_name: street,
  county_name: '平湖市',
  kind,
  resident_population: population,
  projects: 2,
  expenditure: 1234.5,
});

const rows = [
  row('330482002001', '湖滨社区', '钟埭街道', 'urban', 6000),
  row('330482001002', '大河村', '当湖街道', 'rural', 1500),
  row('330482001001', '东湖社区', '当湖街道', 'urban', 8000),
];
const satisfaction = [
  // 东湖: 2023 then 2024-Q2 (latest): 170 of 200.
  { community_id: '330482001001', period: '2023', dimension: 'overall', respondents: 100, satisfied: 60 },
  { community_id: '330482001001', period: '2024-Q2', dimension: 'overall', respondents: 200, satisfied: 170 },
  { community_id: '330482001001', period: '2024-Q2', dimension: 'services', respondents: 200, satisfied: 10 },
  // 大河村: only 20 answered: no rate, but the count is kept.
  { community_id: '330482001002', period: '2024', dimension: 'overall', respondents: 20, satisfied: 15 },
];

describe('communityDirectory', () => {
  const d = communityDirectory(rows, satisfaction, (name) => `py:${name}`, COMMUNITY_KIND.codes);
  it('groups by street in code order, communities in code order', () => {
    expect(d.total).toBe(3);
    expect(d.streets.map((s) => [s.code, s.name, s.entries.map((e) => e.name)])).toEqual([
      ['330482001', '当湖街道', ['东湖社区', '大河村']],
      ['330482002', '钟埭街道', ['湖滨社区']],
    ]);
    expect(d.kinds).toEqual(['urban', 'rural']);
  });
  it('takes the latest overall satisfaction, and no rate under 30 respondents', () => {
    const [donghu, dahe] = d.streets[0]!.entries;
    expect(donghu!.satisfaction).toBe(0.85);
    expect(donghu!.respondents).toBe(200);
    expect(dahe!.satisfaction).toBeNull();
    expect(dahe!.respondents).toBe(20);
    expect(d.streets[1]!.entries[0]!.respondents).toBeNull();
  });
  it('carries the pinyin given and the sort figures', () => {
    const e = d.streets[0]!.entries[0]!;
    expect(e.pinyin).toBe('py:东湖社区');
    expect(searchable(e, 0, '当湖街道').streetName).toBe('当湖街道');
    expect(searchable(e, 0).figures).toEqual({
      population: 8000,
      projects: 2,
      expenditure: 1234.5,
      satisfaction: 0.85,
    });
  });
  it('packs a compact search index with street indices', () => {
    const idx = searchIndex(d);
    expect(idx.streets).toEqual([
      ['330482001', '当湖街道', '平湖市'],
      ['330482002', '钟埭街道', '平湖市'],
    ]);
    expect(idx.kinds).toEqual(['urban', 'rural']);
    // The code's last 3 digits; kind 0 = urban; expenditure rounded to the yuan.
    expect(idx.rows[0]).toEqual(['001', '东湖社区', 'py:东湖社区', 0, 0, 8000, 2, 1235, 0.85, 200]);
    expect(idx.rows[1]!.slice(0, 5)).toEqual(['002', '大河村', 'py:大河村', 0, 1]);
    expect(idx.rows[2]![3]).toBe(1);
    expect(idx.rows.map((r) => indexRowId(idx, r))).toEqual(['330482001001', '330482001002', '330482002001']);
  });
});

describe('directoryPages', () => {
  const d = communityDirectory(rows, [], (n) => n, COMMUNITY_KIND.codes);
  it('keeps everything on one page up to the limit', () => {
    const pages = directoryPages(d, 2, 3);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ number: 1, href: '/communities/', start: 0, count: 3 });
    expect(pages[0]!.streets.map((s) => [s.name, s.entries.length, s.continued])).toEqual([
      ['当湖街道', 2, false],
      ['钟埭街道', 1, false],
    ]);
  });
  it('cuts a longer list into pages, a street split across a boundary marked as continued', () => {
    // 3 communities over the limit of 2: pages of 2 → [东湖, 大河村] [湖滨]; pages of 1 → three pages.
    const two = directoryPages(d, 2, 2);
    expect(two.map((p) => [p.number, p.href, p.start, p.count])).toEqual([
      [1, '/communities/', 0, 2],
      [2, '/communities/list/2/', 2, 1],
    ]);
    const one = directoryPages(d, 1, 2);
    expect(
      one.map((p) =>
        p.streets.map((s) => `${s.name}${s.continued ? '(续)' : ''}:${s.entries.map((e) => e.name).join('、')}`),
      ),
    ).toEqual([['当湖街道:东湖社区'], ['当湖街道(续):大河村'], ['钟埭街道:湖滨社区']]);
    expect(one[0]!.firstStreet).toBe('平湖市当湖街道');
    expect(pageHref(3)).toBe('/communities/list/3/');
  });
  it('makes one empty page for an empty directory', () => {
    const empty = communityDirectory([], [], (n) => n, COMMUNITY_KIND.codes);
    expect(directoryPages(empty)).toMatchObject([{ number: 1, count: 0, streets: [] }]);
  });
});
