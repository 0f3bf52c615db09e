/** /organizations/<id>/: the organization's rows (projects it runs, money it handled, surveys it made). */
import { organizationPages, type OrganizationPage } from '../organization-page.ts';
import { loadAsOf } from '../release.ts';
import { pagePaths, type PagePath } from './paths.ts';
import { organizationStore } from './stores.ts';

export function organizationPaths(): Promise<PagePath<'id'>[]> {
  return pagePaths(organizationStore, 'id');
}

export async function loadOrganizationPage(id: string): Promise<{ page: OrganizationPage; asOf: string }> {
  const entry = await organizationStore.get(id);
  const [page] = organizationPages({
    organizations: entry.org,
    projects: entry.projects,
    money: entry.money,
    transactions: entry.transactions,
    surveys: entry.surveys,
  });
  if (!page) throw new Error(`No organization ${id} in the release`);
  return { page, asOf: await loadAsOf() };
}
