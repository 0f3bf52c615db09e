/**
 * /compare/?ids=a,b[,c,d]: two to four communities side by side.
 *
 * Where the numbers come from (chosen for phones): a small JSON summary per community, written at
 * build time (/data/summary/<id>.json, about 1–2 KB gzip each, from the same page data as the
 * community pages: src/lib/community.ts), rather than DuckDB-wasm (≈ 8 MB of engine plus the
 * transactions table before the first number). Comparing four communities costs four small
 * requests; the search loads the directory's compact index (/communities/search.json) only when
 * the reader starts typing.
 */

/**
 * One survey period: [period, sort key (src/lib/satisfaction.ts periodKey, so that the browser
 * can merge the periods of several communities without the schema), respondents, satisfied,
 * rate, low, high]; rate/low/high null when the sample is too small.
 */
export type SatisfactionPoint = [string, string, number, number, number | null, number | null, number | null];

export interface CommunitySummary {
  id: string;
  name: string;
  street: [code: string, name: string];
  kind: string;
  asOf: string;
  profile: {
    resident_population: number | null;
    registered_population: number | null;
    households: number | null;
    area_km2: number | null;
    grids: number | null;
  };
  forces: {
    workforcePeriod: string | null;
    socialWorkers: number | null;
    communityWorkers: number | null;
    volunteers: number | null;
    volunteerHours: number | null;
    organizations: number;
    projects: number;
    ongoingProjects: number;
    charitableAmount: number;
    charitableShare: number | null;
  };
  money: {
    firstYear: number | null;
    lastYear: number | null;
    income: number;
    expenditure: number;
    /** Income by fund source over all years: [code, amount], standard's order. */
    bySource: [string, number][];
  };
  satisfaction: SatisfactionPoint[];
}

export const MAX_COMPARED = 4;
export const MIN_COMPARED = 2;

/** The communities in the address (`ids=a,b`): 12-digit codes, no repeats, at most four. */
export function parseIds(search: string): string[] {
  const raw = new URLSearchParams(search).get('ids') ?? '';
  const ids: string[] = [];
  for (const part of raw.split(/[,,\s]+/)) {
    if (/^\d{12}$/.test(part) && !ids.includes(part)) ids.push(part);
    if (ids.length === MAX_COMPARED) break;
  }
  return ids;
}

/** `?ids=a,b` (commas kept readable), or '' for none. */
export function idsSearch(ids: readonly string[]): string {
  return ids.length ? `?ids=${ids.join(',')}` : '';
}

export function compareHref(ids: readonly string[]): string {
  return `/compare/${idsSearch(ids)}`;
}

/** Where the summary of one community is published. */
export function summaryUrl(id: string): string {
  return `/data/summary/${id}.json`;
}
