/**
 * Finding a community by what a reader types on a phone: part of its Chinese name, its pinyin
 * (`donghu`), its initials (`dh`) or any mix of whole syllables and initials (`donghsq`, `dhushequ`).
 *
 * The pinyin is computed at build time (src/lib/pinyin.ts) and shipped as one attribute of
 * space-separated syllables; initials need no attribute of their own, because an initial is the
 * one-letter prefix of a syllable and the matcher below accepts any prefix of each syllable.
 * This module is pure and tiny: the browser imports it (src/client/community-search.ts).
 */

/** What the reader typed, made comparable: lower case, no spaces or apostrophes, ü as v. */
export function normalizeQuery(query: string): string {
  return query
    .trim()
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[\s'’·-]+/g, '');
}

/**
 * Does `query` spell consecutive syllables from `start` on, each given in full or by a prefix of
 * it (at least its first letter)? `dh`, `donghu`, `dongh`, `dhu` all match `dong hu …` from 0.
 */
export function matchesSyllablesFrom(query: string, syllables: readonly string[], start: number): boolean {
  const step = (pos: number, i: number): boolean => {
    if (pos === query.length) return true;
    if (i >= syllables.length) return false;
    const s = syllables[i]!;
    // Longest first: `donghu` takes `dong` whole before trying `d`.
    for (let k = Math.min(s.length, query.length - pos); k >= 1; k--) {
      if (query.startsWith(s.slice(0, k), pos) && step(pos + k, i + 1)) return true;
    }
    return false;
  };
  return step(0, start);
}

/** Ranks of a match: lower comes first. */
export const RANK = {
  exactName: 0,
  namePrefix: 1,
  pinyinPrefix: 2,
  nameContains: 3,
  pinyinInside: 4,
  /** The text is (part of) the community's street name: every community of 当湖街道 for 当湖. */
  streetName: 5,
} as const;

/**
 * How well a community named `name`, with pinyin `pinyin` ("dong hu she qu"), answers `query`
 * (already normalized): a RANK, or null when it does not match. An empty query matches all.
 */
export function searchRank(query: string, name: string, pinyin: string, streetName = ''): number | null {
  if (query === '') return RANK.exactName;
  if (name === query) return RANK.exactName;
  if (name.startsWith(query)) return RANK.namePrefix;
  const syllables = pinyin === '' ? [] : pinyin.split(' ');
  const latin = /^[a-z]+$/.test(query);
  if (latin && matchesSyllablesFrom(query, syllables, 0)) return RANK.pinyinPrefix;
  if (name.includes(query)) return RANK.nameContains;
  if (latin) {
    for (let i = 1; i < syllables.length; i++) if (matchesSyllablesFrom(query, syllables, i)) return RANK.pinyinInside;
  }
  if (!latin && streetName.includes(query)) return RANK.streetName;
  return null;
}

/** The figures a reader can sort the list by, largest first. */
export const SORT_KEYS = ['population', 'projects', 'expenditure', 'satisfaction'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SearchableCommunity {
  /** Position in the default order (by street, then code). */
  order: number;
  name: string;
  pinyin: string;
  street: string;
  /** Name of the street (街道/镇), searched after the community's own name. */
  streetName: string;
  kind: string;
  /** Sort figures; null = not known (always last). */
  figures: Readonly<Record<SortKey, number | null>>;
}

export interface DirectoryQuery {
  text: string;
  /** Street code, or '' for all. */
  street: string;
  /** Community kind code, or '' for all. */
  kind: string;
  /** '' = default order (grouped by street); otherwise largest first by that figure. */
  sort: SortKey | '';
}

/**
 * The communities to show, in order: filtered by street and kind, matched by the search text
 * (best rank first), then by the chosen figure, then in the default order. Returns indices into
 * `items`.
 */
export function selectCommunities(items: readonly SearchableCommunity[], q: DirectoryQuery): number[] {
  const text = normalizeQuery(q.text);
  const hits: { index: number; rank: number }[] = [];
  items.forEach((c, index) => {
    if (q.street !== '' && c.street !== q.street) return;
    if (q.kind !== '' && c.kind !== q.kind) return;
    const rank = searchRank(text, c.name, c.pinyin, c.streetName);
    if (rank !== null) hits.push({ index, rank });
  });
  const sort = q.sort;
  hits.sort((a, b) => {
    const ca = items[a.index]!;
    const cb = items[b.index]!;
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (sort !== '') {
      const fa = ca.figures[sort];
      const fb = cb.figures[sort];
      if (fa !== fb) {
        if (fa === null) return 1;
        if (fb === null) return -1;
        return fb - fa;
      }
    }
    return ca.order - cb.order;
  });
  return hits.map((h) => h.index);
}

/**
 * The compact search index (/communities/search.json) used above FULL_LIST_LIMIT. A community's
 * code is its street's code (first 9 digits) plus the 3 digits kept in the row.
 */
export interface SearchIndex {
  /** [code, street name, county name] */
  streets: [code: string, name: string, county: string][];
  /** Community kind codes, referred to by position. */
  kinds: string[];
  /** [id without the street code, name, pinyin, street index, kind index, population, projects, expenditure, satisfaction, respondents] */
  rows: [string, string, string, number, number, number | null, number, number, number | null, number | null][];
}

/** The full community code of an index row. */
export function indexRowId(index: Pick<SearchIndex, 'streets'>, row: SearchIndex['rows'][number]): string {
  return index.streets[row[3]]![0] + row[0];
}
