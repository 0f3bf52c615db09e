/**
 * The page stores of the site (src/db/page-store.ts): for each kind of page, which queries hold
 * its rows and which column says whose rows they are. A page's loader (src/lib/load/*.ts) reads
 * one entry by key; nothing here is read before a page asks.
 */
import { definePageStore } from '../../db/page-store.ts';
import { FILTER_FIELDS, type ListKind } from '../filter-state.ts';
import { PAGE_SIZE as DIRECTORY_PAGE_SIZE } from '../community-directory.ts';
import { LIST_PAGE_SIZE, ORGANIZATION_LIST_LIMIT, RECENT_TRANSACTIONS } from '../limits.ts';
import { MIN_RESPONDENTS } from '../../schema/thresholds.ts';

/**
 * The parameters of projects_filtered.sql / transactions_filtered.sql that select every row:
 * each filter (bound twice: `? IS NULL OR … = ?`) unset, no LIMIT, no OFFSET.
 */
function everyRow(list: ListKind): null[] | (null | number)[] {
  return [...Array<null>(FILTER_FIELDS[list].length * 2).fill(null), null, 0];
}

/** /communities/<id>/ (and the summary /compare/ loads, and the street pages' member figures). */
export const communityStore = definePageStore({
  name: 'community',
  pages: { query: 'community_ids', key: 'community_id' },
  sections: {
    profile: { query: 'community_profiles', key: 'community_id' },
    projects: { query: 'projects_filtered', key: 'community_id', params: everyRow('projects') },
    money: { query: 'community_money', key: 'community_id' },
    satisfaction: { query: 'community_satisfaction', key: 'community_id' },
    workforce: { query: 'workforce_rows', key: 'community_id' },
    organizations: { query: 'community_organizations', key: 'for_community' },
    proposals: { query: 'proposal_stages', key: 'community_id' },
    recent: { query: 'transaction_rows_recent', key: 'community_id', params: [RECENT_TRANSACTIONS] },
    signals: { query: 'signals', key: 'community_id', params: [MIN_RESPONDENTS] },
  },
});

/** /streets/<code>/: the street's own rows; its communities' figures come from communityStore. */
export const streetStore = definePageStore({
  name: 'street',
  pages: { query: 'street_ids', key: 'street_code' },
  sections: {
    profile: { query: 'street_profiles', key: 'street_code' },
    communities: { query: 'community_profiles', key: 'street_code' },
    money: { query: 'street_money', key: 'street_code' },
  },
});

/** /projects/<id>/. */
export const projectStore = definePageStore({
  name: 'project',
  pages: { query: 'project_ids', key: 'project_id' },
  sections: {
    project: { query: 'projects_filtered', key: 'project_id', params: everyRow('projects') },
    details: { query: 'project_details', key: 'project_id' },
    money: { query: 'project_money', key: 'project_id' },
    transactions: { query: 'transaction_rows_by_project', key: 'project_id' },
    surveys: { query: 'survey_rows_linked', key: 'project_id' },
    chain: { query: 'project_chain', key: 'for_project' },
    signals: { query: 'signals', key: 'project_id', params: [MIN_RESPONDENTS] },
  },
});

/** /organizations/<id>/. */
export const organizationStore = definePageStore({
  name: 'organization',
  pages: { query: 'organization_ids', key: 'org_id' },
  sections: {
    org: { query: 'organization_pages', key: 'org_id' },
    projects: { query: 'projects_filtered', key: 'operator_org_id', params: everyRow('projects') },
    money: { query: 'organization_money', key: 'org_id' },
    transactions: {
      query: 'transaction_rows_by_counterparty',
      key: 'org_id',
      params: [ORGANIZATION_LIST_LIMIT],
    },
    surveys: { query: 'survey_rows_linked', key: 'conducted_by' },
  },
});

/** /projects/ and /projects/page/<n>/: the browser's own list query, unfiltered, cut into pages. */
export const projectListStore = definePageStore({
  name: 'project_list',
  sections: {
    rows: { query: 'projects_filtered', key: 'page', params: everyRow('projects'), pageSize: LIST_PAGE_SIZE },
  },
});

/** /transactions/ and /transactions/page/<n>/, likewise. */
export const transactionListStore = definePageStore({
  name: 'transaction_list',
  sections: {
    rows: {
      query: 'transactions_filtered',
      key: 'page',
      params: everyRow('transactions'),
      pageSize: LIST_PAGE_SIZE,
    },
  },
});

/** /communities/, /communities/list/<n>/ and the search index: the community list in code order. */
export const directoryStore = definePageStore({
  name: 'directory',
  sections: {
    rows: { query: 'community_directory_rows', key: 'page', pageSize: DIRECTORY_PAGE_SIZE },
  },
});

/**
 * The indicators (issue 10) of every scope, keyed by scope_id: a community's 12-digit code, a
 * street's 9, a city's 6 (they never collide), with each community's profile beside its own
 * (for the one pass that ranks communities of the same kind).
 */
export const indicatorStore = definePageStore({
  name: 'indicator',
  sections: {
    values: { query: 'indicators', key: 'scope_id', params: [MIN_RESPONDENTS] },
    profile: { query: 'community_profiles', key: 'community_id' },
  },
});

/** /signals/ and /signals/page/<n>/: every accountability signal, in the query's order. */
export const signalListStore = definePageStore({
  name: 'signal_list',
  sections: {
    rows: { query: 'signals', key: 'page', params: [MIN_RESPONDENTS], pageSize: LIST_PAGE_SIZE },
  },
});
