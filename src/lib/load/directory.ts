/**
 * /communities/, /communities/list/<n>/ and /communities/search.json: the community list read a
 * page at a time from the directory store (code order, PAGE_SIZE communities a page); the page
 * list and the kinds come from small grouped queries.
 */
import { runQuery } from '../../db/build-database.ts';
import { COMMUNITY_KIND } from '../../schema/index.ts';
import {
  communityDirectory,
  FULL_LIST_LIMIT,
  PAGE_SIZE,
  pageHref,
  searchIndex,
  type Directory,
  type DirectoryPage,
} from '../community-directory.ts';
import type { SearchIndex } from '../community-search.ts';
import { pinyinSyllables } from '../pinyin.ts';
import { once } from './cache.ts';
import { cityWidePaths } from './paths.ts';
import { directoryStore } from './stores.ts';
import { loadTotals } from './totals.ts';

type DirectoryRow = Awaited<ReturnType<typeof directoryStore.get>>['rows'][number];

/** The props of one page of the community list: the page and what it needs of the whole list. */
export interface CommunityListPage {
  directory: Directory;
  page: DirectoryPage;
  pages: Omit<DirectoryPage, 'streets'>[];
}

const loadFrame = once(async () => {
  const { communities: total } = await loadTotals();
  // Up to FULL_LIST_LIMIT communities the list is one page (the store's pages read together).
  const perPage = total <= FULL_LIST_LIMIT ? Math.max(total, 1) : PAGE_SIZE;
  const pages = (await runQuery('community_directory_pages', [perPage])).map((p): Omit<DirectoryPage, 'streets'> => ({
    number: p.page,
    href: pageHref(p.page),
    start: p.start,
    count: p.count,
    firstStreet: p.first_street,
    lastStreet: p.last_street,
  }));
  if (pages.length === 0)
    pages.push({ number: 1, href: pageHref(1), start: 0, count: 0, firstStreet: '', lastStreet: '' });
  const present = new Set((await runQuery('community_kinds')).map((k) => k.kind));
  return { total, perPage, pages, kinds: COMMUNITY_KIND.codes.filter((k) => present.has(k)) };
});

/** The directory (streets and their entries) of some rows of the list, in list order. */
function directoryOf(rows: readonly DirectoryRow[], total: number, kinds: Directory['kinds']): Directory {
  const satisfaction = rows.flatMap((r) => r.satisfaction.map((s) => ({ ...s, community_id: r.community_id })));
  return { ...communityDirectory(rows, satisfaction, pinyinSyllables, kinds), total, kinds };
}

async function rowsOfPage(number: number, perPage: number): Promise<DirectoryRow[]> {
  if (perPage === PAGE_SIZE) return (await directoryStore.get(String(number))).rows;
  const rows: DirectoryRow[] = [];
  for (let n = 1; n <= Math.ceil(perPage / PAGE_SIZE); n++) rows.push(...(await directoryStore.get(String(n))).rows);
  return rows;
}

export async function loadCommunityListPage(number: number): Promise<CommunityListPage> {
  const frame = await loadFrame();
  const summary = frame.pages[number - 1];
  if (!summary) throw new Error(`The community list has no page ${number}`);
  const rows = await rowsOfPage(number, frame.perPage);
  const directory = directoryOf(rows, frame.total, frame.kinds);
  const firstOfStreet = new Map<string, number>();
  for (const r of rows) if (!firstOfStreet.has(r.street_code)) firstOfStreet.set(r.street_code, r.street_rank);
  const page: DirectoryPage = {
    ...summary,
    // A street cut by the page boundary is marked continued on the page where it goes on.
    streets: directory.streets.map((s) => ({ ...s, continued: (firstOfStreet.get(s.code) ?? 1) > 1 })),
  };
  return { directory, page, pages: frame.pages };
}

/** getStaticPaths of /communities/list/<n>/: the pages after the first. */
export async function communityListPaths(): Promise<{ params: { page: string } }[]> {
  const { pages } = await loadFrame();
  return cityWidePaths(pages.slice(1).map((p) => ({ params: { page: String(p.number) } })));
}

/** The whole list's search index, read page by page. */
export async function loadSearchIndex(): Promise<SearchIndex> {
  const { total, kinds } = await loadFrame();
  const rows: DirectoryRow[] = [];
  for (let n = 1; n <= Math.max(1, Math.ceil(total / PAGE_SIZE)); n++)
    rows.push(...(await directoryStore.get(String(n))).rows);
  return searchIndex(directoryOf(rows, total, kinds));
}
