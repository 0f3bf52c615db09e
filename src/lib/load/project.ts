/** /projects/<id>/: the project's rows, and those of the projects of its continuation chain. */
import { projectPage, type ProjectPage } from '../project-page.ts';
import { loadAsOf } from '../release.ts';
import { pagePaths, type PagePath } from './paths.ts';
import { projectStore } from './stores.ts';
import { signalItem, type SignalItem } from '../indicators.ts';

export function projectPaths(): Promise<PagePath<'id'>[]> {
  return pagePaths(projectStore, 'id');
}

/** A project page with its accountability signals (issue 10). */
export type ProjectPageWithSignals = ProjectPage & { signals: SignalItem[] };

export async function loadProjectPage(id: string): Promise<ProjectPageWithSignals> {
  const entry = await projectStore.get(id);
  const projects = [...entry.project];
  if (projects.length === 0) throw new Error(`No project ${id} in the release`);
  // Chains are short (a project and its follow-ups): one lookup per other link.
  for (const link of entry.chain) {
    if (link.project_id !== id) projects.push(...(await projectStore.get(link.project_id)).project);
  }
  const page = projectPage(id, {
    projects,
    details: entry.details,
    money: entry.money,
    transactions: entry.transactions,
    surveys: entry.surveys,
    asOf: await loadAsOf(),
  });
  return { ...page, signals: entry.signals.map(signalItem) };
}
