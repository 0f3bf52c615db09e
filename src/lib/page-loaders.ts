/**
 * The build-time loaders of the directory, project, organization, data-quality and downloads
 * pages: each runs a few bulk queries ONCE per build (cached), reusing the site's shared bulk
 * data (src/lib/site-data.ts) where it already holds the rows, and hands the rows to the pure
 * shaping functions next to it. Pages call one of these and pass each page its slice.
 */
import { runQuery } from '../db/build-database.ts';
import { COMMUNITY_KIND } from '../schema/index.ts';
import { MIN_RESPONDENTS, POPULATION_RATIO } from '../validate/rules.ts';
import {
  communityDirectory,
  directoryPages,
  type Directory,
  type DirectoryPage,
  type DirectoryRow,
} from './community-directory.ts';
import { warningGroups, type WarningGroup, type WarningRow, type WarningTarget } from './data-quality.ts';
import { loadDatapackage } from './datapackage-file.ts';
import { downloads, type Downloads } from './downloads.ts';
import { sumYuan } from './money.ts';
import {
  organizationPages,
  ORGANIZATION_LIST_LIMIT,
  type CounterpartyTransactionRow,
  type OrganizationMoneyRow,
  type OrganizationPage,
  type OrganizationRow,
} from './organization-page.ts';
import { pinyinSyllables } from './pinyin.ts';
import { projectPages, type ProjectDetails, type ProjectMoneyRow, type ProjectPage } from './project-page.ts';
import type { TransactionRow } from './rows.ts';
import { loadSiteData } from './site-data.ts';
import type { SurveyRow } from './survey-results.ts';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}

/** /communities/: every community with its figures, grouped by street. */
export const loadCommunityDirectory = once(async (): Promise<Directory> => {
  const site = await loadSiteData();
  const rows: DirectoryRow[] = site.communities.map((c) => ({
    community_id: c.community_id,
    name: c.name,
    street_code: c.street_code,
    street_name: c.street_name,
    county_name: c.county_name,
    kind: c.kind,
    resident_population: c.resident_population,
    projects: site.projectsByCommunity.get(c.community_id)?.length ?? 0,
    expenditure: sumYuan(
      (site.moneyByCommunity.get(c.community_id) ?? []).filter((m) => m.type === 'expenditure').map((m) => m.amount),
    ),
  }));
  return communityDirectory(rows, site.satisfaction, pinyinSyllables, COMMUNITY_KIND.codes);
});

const loadLinkedSurveys = once(() => runQuery<SurveyRow>('survey_rows_linked'));

/** /communities/ and /communities/list/<n>/: the directory cut into pages (one page when small). */
export const loadCommunityDirectoryPages = once(
  async (): Promise<{ directory: Directory; pages: DirectoryPage[]; summaries: Omit<DirectoryPage, 'streets'>[] }> => {
    const directory = await loadCommunityDirectory();
    const pages = directoryPages(directory);
    const summaries = pages.map(({ streets: _streets, ...rest }) => rest);
    return { directory, pages, summaries };
  },
);

/** The props of one page of the community list: the page and what it needs of the whole list. */
export interface CommunityListPage {
  directory: Directory;
  page: DirectoryPage;
  pages: Omit<DirectoryPage, 'streets'>[];
}

/** Every page of the community list, the first (/communities/) first. */
export async function communityListPages(): Promise<CommunityListPage[]> {
  const { directory, pages, summaries } = await loadCommunityDirectoryPages();
  return pages.map((page) => ({ directory, page, pages: summaries }));
}

/** getStaticPaths of /communities/list/<n>/: the pages after the first. */
export async function communityListPaths(): Promise<{ params: { page: string }; props: CommunityListPage }[]> {
  return (await communityListPages()).slice(1).map((props) => ({ params: { page: String(props.page.number) }, props }));
}

/** /projects/<id>/: one page per project. */
export const loadProjectPages = once(async (): Promise<ProjectPage[]> => {
  const site = await loadSiteData();
  // One at a time: the build database has one connection.
  const details = await runQuery<ProjectDetails>('project_details');
  const money = await runQuery<ProjectMoneyRow>('project_money');
  const transactions = await runQuery<TransactionRow>('transaction_rows_by_project');
  const surveys = await loadLinkedSurveys();
  return projectPages({ projects: site.projects, details, money, transactions, surveys, asOf: site.asOf });
});

/** getStaticPaths of /projects/<id>/. */
export async function projectPaths(): Promise<{ params: { id: string }; props: ProjectPage }[]> {
  return (await loadProjectPages()).map((page) => ({ params: { id: page.project.project_id }, props: page }));
}

/** /organizations/<id>/: one page per organization. */
export const loadOrganizationPages = once(async (): Promise<OrganizationPage[]> => {
  const site = await loadSiteData();
  const organizations = await runQuery<OrganizationRow>('organization_pages');
  const money = await runQuery<OrganizationMoneyRow>('organization_money');
  const transactions = await runQuery<CounterpartyTransactionRow>('transaction_rows_by_counterparty', [
    ORGANIZATION_LIST_LIMIT,
  ]);
  const surveys = await loadLinkedSurveys();
  return organizationPages({ organizations, projects: site.projects, money, transactions, surveys });
});

/** The props of an organization page: the page and the data's as-of date (for overdue marks). */
export interface OrganizationPageProps {
  page: OrganizationPage;
  asOf: string;
}

/** getStaticPaths of /organizations/<id>/. */
export async function organizationPaths(): Promise<{ params: { id: string }; props: OrganizationPageProps }[]> {
  const { asOf } = await loadSiteData();
  return (await loadOrganizationPages()).map((page) => ({ params: { id: page.org.org_id }, props: { page, asOf } }));
}

/** /data-quality/: the warnings grouped by rule. */
export const loadDataQuality = once(async (): Promise<{ groups: WarningGroup[]; total: number }> => {
  const rows = await runQuery<WarningRow>('quality_warnings');
  const targets = await runQuery<WarningTarget>('quality_warning_targets', [MIN_RESPONDENTS, POPULATION_RATIO]);
  const groups = warningGroups(rows, targets);
  return { groups, total: groups.reduce((s, g) => s + g.count, 0) };
});

/** /data/: the published files with sizes, digests and row counts. */
export const loadDownloads = once(async (): Promise<Downloads & { datapackageFound: boolean }> => {
  const counts = await runQuery<{ table_name: string; row_count: number }>('table_row_counts');
  const dp = await loadDatapackage();
  const rowCounts = Object.fromEntries(counts.map((c) => [c.table_name, c.row_count]));
  return { ...downloads(dp?.resources ?? [], rowCounts, dp?.facts ?? null), datapackageFound: dp !== null };
});
