/**
 * The community directory (/communities/): every community, grouped by street in code order, with
 * the figures a reader sorts by. The pinyin of each name is computed here, at build time.
 */
import type { Community } from '../schema/index.ts';
import type { SearchableCommunity } from './community-search.ts';
import { latestOverall, type SatisfactionRow } from './satisfaction.ts';

/** One row of community_directory.sql. */
export interface DirectoryRow {
  community_id: string;
  name: string;
  street_code: string;
  street_name: string;
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
  entries: DirectoryEntry[];
}

export interface Directory {
  streets: StreetGroup[];
  total: number;
  /** Community kinds that occur, in the standard's order. */
  kinds: Community['kind'][];
}

export function directoryEntry(row: DirectoryRow, pinyin: string, satisfaction: readonly SatisfactionRow[] = []): DirectoryEntry {
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
  const streets: StreetGroup[] = [];
  const byCode = new Map<string, StreetGroup>();
  const kinds = new Set<string>();
  for (const row of rows) {
    let group = byCode.get(row.street_code);
    if (!group) {
      group = { code: row.street_code, name: row.street_name, entries: [] };
      byCode.set(row.street_code, group);
      streets.push(group);
    }
    group.entries.push(directoryEntry(row, pinyinOf(row.name), surveys.get(row.community_id)));
    kinds.add(row.kind);
  }
  streets.sort((a, b) => a.code.localeCompare(b.code));
  for (const s of streets) s.entries.sort((a, b) => a.id.localeCompare(b.id));
  return {
    streets,
    total: rows.length,
    kinds: kindOrder.filter((k) => kinds.has(k)) as Community['kind'][],
  };
}

/** The sort figures of an entry, as the search element reads them. */
export function searchable(entry: DirectoryEntry, order: number): SearchableCommunity {
  return {
    order,
    name: entry.name,
    pinyin: entry.pinyin,
    street: entry.street,
    kind: entry.kind,
    figures: {
      population: entry.population,
      projects: entry.projects,
      expenditure: entry.expenditure,
      satisfaction: entry.satisfaction,
    },
  };
}

/**
 * Up to this many communities, /communities/ is one complete page that works without
 * JavaScript. Above it, the page lists the streets (each street page lists its communities in
 * full, also without JavaScript) and the search loads /communities/search.json on first use.
 */
export const FULL_LIST_LIMIT = 2500;

/** The compact search index (/communities/search.json) used above FULL_LIST_LIMIT. */
export interface SearchIndex {
  streets: [code: string, name: string][];
  /** [id, name, pinyin, street index, kind, population, projects, expenditure, satisfaction, respondents] */
  rows: [string, string, string, number, string, number | null, number, number, number | null, number | null][];
}

export function searchIndex(directory: Directory): SearchIndex {
  const streets: SearchIndex['streets'] = [];
  const rows: SearchIndex['rows'] = [];
  directory.streets.forEach((s, i) => {
    streets.push([s.code, s.name]);
    for (const e of s.entries) {
      rows.push([
        e.id,
        e.name,
        e.pinyin,
        i,
        e.kind,
        e.population,
        e.projects,
        Math.round(e.expenditure),
        e.satisfaction === null ? null : Math.round(e.satisfaction * 1000) / 1000,
        e.respondents,
      ]);
    }
  });
  return { streets, rows };
}
