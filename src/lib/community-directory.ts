/**
 * The community directory (/communities/): every community, grouped by street in code order, with
 * the figures a reader sorts by. The pinyin of each name is computed here, at build time.
 *
 * Size, measured (`npm run bench`, and a 10k synthetic build): a row costs ~270 bytes of HTML
 * when streets are large (Pinghu sample: 136 communities in 9 streets → 45 KB, 10 KB gzip), and
 * ~500 bytes when almost every community is in its own street (synthetic national 10k: 8,450
 * streets → 5.0 MB, 707 KB gzip, plus a 10,000-row table for a phone to lay out). So:
 *  - up to FULL_LIST_LIMIT communities, one complete page; search, filters and sorting work on
 *    its rows (no extra download);
 *  - above it, the same list in pages of PAGE_SIZE (/communities/, /communities/list/2/, …), each
 *    complete and ordered without JavaScript (≤ ~70 KB gzip), and the search, filters and
 *    sorting load the compact index /communities/search.json (10k: 1.1 MB, 0.37 MB gzip) on
 *    first use only.
 */
import type { Community } from '../schema/index.ts';
import type { SearchableCommunity, SearchIndex } from './community-search.ts';
import { latestOverall, type SatisfactionRow } from './satisfaction.ts';

/** Up to this many communities, /communities/ is one page (see above). */
export const FULL_LIST_LIMIT = 2000;
/** Communities per page of the list above FULL_LIST_LIMIT. */
export const PAGE_SIZE = 1000;

/** The figures of one community, from the site's bulk data (src/lib/page-loaders.ts). */
export interface DirectoryRow {
  community_id: string;
  name: string;
  street_code: string;
  street_name: string;
  county_name: string;
  kind: Community['kind'];
  resident_population: number | null;
  projects: number;
  expenditure: number;
}

/** One row of community_satisfaction.sql. */
export interface CommunitySatisfactionRow extends SatisfactionRow {
  community_id: string;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  /** Space-separated syllables, e.g. `dong hu she qu`. */
  pinyin: string;
  street: string;
  kind: Community['kind'];
  population: number | null;
  projects: number;
  expenditure: number;
  /**
   * Latest overall satisfaction (share satisfied, src/lib/satisfaction.ts latestOverall); null when
   * not surveyed or when fewer than MIN_RESPONDENTS answered (then `respondents` says how many).
   */
  satisfaction: number | null;
  respondents: number | null;
}

export interface StreetGroup {
  code: string;
  name: string;
  county: string;
  entries: DirectoryEntry[];
}

export interface Directory {
  streets: StreetGroup[];
  total: number;
  /** Community kinds that occur, in the standard's order. */
  kinds: Community['kind'][];
}

export function directoryEntry(
  row: DirectoryRow,
  pinyin: string,
  satisfaction: readonly SatisfactionRow[] = [],
): DirectoryEntry {
  const latest = latestOverall(satisfaction);
  return {
    id: row.community_id,
    name: row.name,
    pinyin,
    street: row.street_code,
    kind: row.kind,
    population: row.resident_population,
    projects: row.projects,
    expenditure: row.expenditure,
    satisfaction: latest?.rate ?? null,
    respondents: latest?.respondents ?? null,
  };
}

/**
 * Groups the communities by street (streets and communities in code order), each with its latest
 * overall satisfaction. `pinyinOf` is injected so that tests need no dictionary; the page passes
 * src/lib/pinyin.ts.
 */
export function communityDirectory(
  rows: readonly DirectoryRow[],
  satisfaction: readonly CommunitySatisfactionRow[],
  pinyinOf: (name: string) => string,
  kindOrder: readonly string[],
): Directory {
  const surveys = new Map<string, CommunitySatisfactionRow[]>();
  for (const s of satisfaction) {
    let list = surveys.get(s.community_id);
    if (!list) surveys.set(s.community_id, (list = []));
    list.push(s);
  }
  const byCode = new Map<string, StreetGroup>();
  const kinds = new Set<string>();
  for (const row of rows) {
    let group = byCode.get(row.street_code);
    if (!group) {
      group = { code: row.street_code, name: row.street_name, county: row.county_name, entries: [] };
      byCode.set(row.street_code, group);
    }
    group.entries.push(directoryEntry(row, pinyinOf(row.name), surveys.get(row.community_id)));
    kinds.add(row.kind);
  }
  const streets = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const s of streets) s.entries.sort((a, b) => a.id.localeCompare(b.id));
  return {
    streets,
    total: rows.length,
    kinds: kindOrder.filter((k) => kinds.has(k)) as Community['kind'][],
  };
}

/** One page of the list: its communities regrouped by street. */
export interface DirectoryPage {
  /** 1-based. */
  number: number;
  href: string;
  /** Index of its first community in the whole ordered list (0-based). */
  start: number;
  count: number;
  streets: (StreetGroup & { continued: boolean })[];
  /** Where the page starts and ends, for the page list: `东城区东四街道`. */
  firstStreet: string;
  lastStreet: string;
}

export function pageHref(n: number): string {
  return n === 1 ? '/communities/' : `/communities/list/${n}/`;
}

/**
 * Cuts the ordered list into pages of `size` communities. A street cut by a page boundary
 * appears on both pages, marked `continued` on the second.
 */
export function directoryPages(directory: Directory, size = PAGE_SIZE, limit = FULL_LIST_LIMIT): DirectoryPage[] {
  const perPage = directory.total <= limit ? Math.max(directory.total, 1) : size;
  const pages: DirectoryPage[] = [];
  let current: DirectoryPage | null = null;
  let index = 0;
  for (const street of directory.streets) {
    let group: (StreetGroup & { continued: boolean }) | null = null;
    for (const entry of street.entries) {
      if (current === null || current.count === perPage) {
        const number = pages.length + 1;
        current = {
          number,
          href: pageHref(number),
          start: index,
          count: 0,
          streets: [],
          firstStreet: '',
          lastStreet: '',
        };
        pages.push(current);
        group = null;
      }
      if (group === null) {
        group = { ...street, entries: [], continued: street.entries[0] !== entry };
        current.streets.push(group);
      }
      group.entries.push(entry);
      current.count++;
      index++;
    }
  }
  if (pages.length === 0)
    pages.push({ number: 1, href: pageHref(1), start: 0, count: 0, streets: [], firstStreet: '', lastStreet: '' });
  for (const p of pages) {
    const first = p.streets[0];
    const last = p.streets.at(-1);
    p.firstStreet = first ? `${first.county}${first.name}` : '';
    p.lastStreet = last ? `${last.county}${last.name}` : '';
  }
  return pages;
}

/** The sort figures of an entry, as the search element reads them. */
export function searchable(entry: DirectoryEntry, order: number, streetName = ''): SearchableCommunity {
  return {
    order,
    name: entry.name,
    pinyin: entry.pinyin,
    street: entry.street,
    streetName,
    kind: entry.kind,
    figures: {
      population: entry.population,
      projects: entry.projects,
      expenditure: entry.expenditure,
      satisfaction: entry.satisfaction,
    },
  };
}

export function searchIndex(directory: Directory): SearchIndex {
  const streets: SearchIndex['streets'] = [];
  const kinds: string[] = [...directory.kinds];
  const rows: SearchIndex['rows'] = [];
  directory.streets.forEach((s, i) => {
    streets.push([s.code, s.name, s.county]);
    for (const e of s.entries) {
      if (!e.id.startsWith(s.code)) throw new Error(`community ${e.id} is not in street ${s.code}`);
      rows.push([
        e.id.slice(s.code.length),
        e.name,
        e.pinyin,
        i,
        kinds.indexOf(e.kind),
        e.population,
        e.projects,
        Math.round(e.expenditure),
        e.satisfaction === null ? null : Math.round(e.satisfaction * 1000) / 1000,
        e.respondents,
      ]);
    }
  });
  return { streets, kinds, rows };
}
