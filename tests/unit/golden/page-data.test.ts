/**
 * The golden build: the fixture release built for real (validate, publish, build database), every
 * build-time query checked against its row schema and DuckDB's own description of its columns,
 * and the data of every page snapshotted. A change to any `.sql` file, page store or shaping
 * function that changes what a page shows changes a snapshot here (update with `vitest -u` after
 * reading the difference).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, currentDatabasePath } from '../../../src/build/pipeline.ts';
import { buildDatabase, runQuery } from '../../../src/db/build-database.ts';
import { bindConstants } from '../../../src/db/page-store.ts';
import type { SqlRow, SqlValue } from '../../../src/db/types.ts';
import { sqlOf } from '../../../src/queries/index.ts';
import { QUERY_ROWS, type QueryName } from '../../../src/queries/rows.ts';
import { homeInputOf, homePage } from '../../../src/lib/home.ts';
import { communityData, communityPaths, loadCommunityPage } from '../../../src/lib/load/community.ts';
import { communityStore } from '../../../src/lib/load/stores.ts';
import { communityListPaths, loadCommunityListPage, loadSearchIndex } from '../../../src/lib/load/directory.ts';
import { loadDataQuality, loadDownloads } from '../../../src/lib/load/data-pages.ts';
import { loadHomePage } from '../../../src/lib/load/home.ts';
import { loadProjectsList, loadTransactionsList } from '../../../src/lib/load/lists.ts';
import { loadOrganizationPage, organizationPaths } from '../../../src/lib/load/organization.ts';
import { loadProjectPage, projectPaths } from '../../../src/lib/load/project.ts';
import { loadStreetPage, streetPaths } from '../../../src/lib/load/street.ts';

const FIXTURE = 'tests/fixtures/valid';
let scratch: string;

/** Parameters for the queries that take some (their values only matter for DESCRIBE). */
const PARAMS: Partial<Record<QueryName, SqlValue[]>> = {
  transaction_rows_recent: [30],
  transaction_rows_by_counterparty: [200],
  finding_overdue_projects: ['2025-06-30'],
  finding_not_continued_projects: ['2025-06-30'],
  quality_warning_targets: [30, 1.5],
  community_directory_pages: [1000],
  assigned_projects_below: [30, 0.9],
  indicators: [30],
  signals: [30],
  projects_filtered: [...Array<null>(16).fill(null), null, 0],
  transactions_filtered: [...Array<null>(12).fill(null), null, 0],
};

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gongkai-golden-'));
  const workDir = join(scratch, 'work');
  const result = await buildSite({ dataDir: FIXTURE, outDir: join(scratch, 'dist'), workDir, dataOnly: true });
  if (!result.ok) throw new Error(`The fixture did not build: ${JSON.stringify(result)}`);
  process.env['GONGKAI_DB'] = currentDatabasePath(workDir);
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('every build-time query', () => {
  for (const name of Object.keys(QUERY_ROWS) as QueryName[]) {
    it(`${name}.sql has exactly the columns of its row schema, and its rows parse`, async () => {
      const db = await buildDatabase();
      const sql = bindConstants(sqlOf(name), PARAMS[name] ?? []);
      const described = await db.query<SqlRow>(`DESCRIBE ${sql}`);
      const schema = QUERY_ROWS[name];
      expect(described.map((c) => c['column_name']).sort()).toEqual(Object.keys(schema.shape).sort());
      await expect(runQuery(name, PARAMS[name] ?? [])).resolves.toBeInstanceOf(Array);
    });
  }
});

/** Numbers rounded to 10 significant digits, so that sums of doubles compare across platforms. */
function stable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v)));
}

describe('the data of every page of the fixture', () => {
  it('community pages', async () => {
    const paths = await communityPaths();
    const pages = [];
    for (const p of paths) pages.push(await loadCommunityPage(p.params.id));
    expect(paths.length).toBe(3);
    await expect(JSON.stringify(stable(pages), null, 1)).toMatchFileSnapshot('__golden__/communities.json');
  });
  it('street pages', async () => {
    const pages = [];
    for (const p of await streetPaths()) pages.push(await loadStreetPage(p.params.code));
    await expect(JSON.stringify(stable(pages), null, 1)).toMatchFileSnapshot('__golden__/streets.json');
  });
  it('project pages', async () => {
    const pages = [];
    for (const p of await projectPaths()) pages.push(await loadProjectPage(p.params.id));
    await expect(JSON.stringify(stable(pages), null, 1)).toMatchFileSnapshot('__golden__/projects.json');
  });
  it('organization pages', async () => {
    const pages = [];
    for (const p of await organizationPaths()) pages.push(await loadOrganizationPage(p.params.id));
    await expect(JSON.stringify(stable(pages), null, 1)).toMatchFileSnapshot('__golden__/organizations.json');
  });
  it('the city-wide pages', async () => {
    const city = {
      home: await loadHomePage(),
      projects: await loadProjectsList(),
      transactions: await loadTransactionsList(),
      directory: await loadCommunityListPage(1),
      directoryPaths: await communityListPaths(),
      search: await loadSearchIndex(),
      quality: await loadDataQuality(),
      downloads: (await loadDownloads()).tables,
    };
    await expect(JSON.stringify(stable(city), null, 1)).toMatchFileSnapshot('__golden__/city.json');
  });
  it('the home page from queries equals the home page from the same rows in memory', async () => {
    // The home page's sums come from grouped SQL and one pass over the communities; the pure
    // homeInputOf computes them from rows in memory. Both must agree.
    const fromQueries = await loadHomePage();
    const entries = [];
    for await (const [, entry] of communityStore.scan(['profile', 'projects', 'money', 'satisfaction', 'workforce']))
      entries.push(entry);
    const data = await communityData(entries);
    const inMemory = homePage(homeInputOf(data, [], []));
    expect(fromQueries.communities).toBe(data.communities.length);
    expect(fromQueries.figures.forces.projects).toBe(data.projects.length);
    expect(stable(fromQueries.latest)).toEqual(stable(inMemory.latest));
    expect(stable(fromQueries.figures.satisfaction)).toEqual(stable(inMemory.figures.satisfaction));
    expect(fromQueries.figures.forces.workforce).toEqual(inMemory.figures.forces.workforce);
    expect(fromQueries.streets.map((s) => s.satisfaction)).toEqual(inMemory.streets.map((s) => s.satisfaction));
  });
});
