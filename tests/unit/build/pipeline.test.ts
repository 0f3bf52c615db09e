import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { buildSite } from '../../../src/build/pipeline.ts';
import { openNodeDatabase } from '../../../src/db/node.ts';
import { arrowRows } from '../../../src/db/arrow-rows.ts';
import { csvCell, UTF8_BOM } from '../../../src/publish/csv.ts';
import { TABLES, type Dataset, type TableDef } from '../../../src/schema/index.ts';
import { loadDataset } from '../../../src/validate/index.ts';

const FIXTURE = 'tests/fixtures/valid';
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gongkai-build-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function oldSite(dir: string): Promise<string> {
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<h1>the site that was there</h1>');
  await writeFile(join(dir, 'data/projects.csv'), 'project_id\r\nold\r\n');
  return dir;
}

describe('the all-or-nothing build', () => {
  it('publishes a valid folder: typed CSV with BOM, Parquet, datapackage.json with hashes', async () => {
    const out = join(scratch, 'dist-ok');
    const result = await buildSite({
      dataDir: FIXTURE,
      outDir: out,
      workDir: join(scratch, 'work-ok'),
      dataOnly: true,
    });
    expect(result.ok).toBe(true);

    const csv = await readFile(join(out, 'data/communities.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = csv.toString('utf8').slice(1).split('\r\n')[0];
    expect(header?.startsWith('community_id,name,street_name')).toBe(true);

    const pkg = JSON.parse(await readFile(join(out, 'data/datapackage.json'), 'utf8')) as {
      resources: { name: string; path: string; bytes: number; hash: string; rowCount?: number }[];
    };
    const names = pkg.resources.map((r) => r.name);
    expect(names).toContain('projects');
    expect(names).toContain('projects_parquet');
    expect(names).toContain('quality_report');
    for (const r of pkg.resources) {
      const bytes = await readFile(join(out, 'data', r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }

    // The Parquet file holds the same rows, typed: codes stay text with their leading zeros.
    const db = await openNodeDatabase();
    const rows = await db.query<{ n: number; t: string }>(
      `SELECT count(*) AS n, any_value(typeof(community_id)) AS t FROM read_parquet('${join(out, 'data/communities.parquet')}')`,
    );
    await db.close();
    const communities = pkg.resources.find((r) => r.name === 'communities');
    expect(rows[0]).toEqual({ n: communities?.rowCount, t: 'VARCHAR' });
  });

  it('publishes CSV, Parquet, Arrow and the database with exactly the validated rows of the fixture', async () => {
    const out = join(scratch, 'dist-rows');
    const work = join(scratch, 'work-rows');
    const result = await buildSite({ dataDir: FIXTURE, outDir: out, workDir: work, dataOnly: true });
    expect(result.ok).toBe(true);
    const dataset = (await loadDataset(FIXTURE)).dataset!;
    const db = await openNodeDatabase();
    await db.exec(`ATTACH '${join(work, 'gongkai.duckdb')}' AS built (READ_ONLY)`);
    try {
      for (const table of TABLES as readonly TableDef[]) {
        const fields = Object.keys(table.fields);
        const rows = dataset[table.name as keyof Dataset] as unknown as Record<string, unknown>[];
        // The CSV, byte for byte as the typed rows are written: BOM, English header, CRLF.
        const csv = await readFile(join(out, 'data', `${table.name}.csv`), 'utf8');
        const lines = rows.map((r) => fields.map((f) => csvCell(r[f])).join(','));
        expect(csv, table.name).toBe(`${UTF8_BOM}${[fields.join(','), ...lines].join('\r\n')}\r\n`);
        // Parquet, Arrow and the build database: the same values, typed.
        const typed = rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null])));
        const parquet = await db.query(`SELECT * FROM read_parquet('${join(out, 'data', `${table.name}.parquet`)}')`);
        expect(parquet, table.name).toEqual(typed);
        expect(await db.query(`SELECT * FROM built.${table.name}`), table.name).toEqual(typed);
        const ipc = gunzipSync(await readFile(join(out, 'data', `${table.name}.arrow.gz`)));
        expect(arrowRows(tableFromIPC(ipc)), table.name).toEqual(typed);
      }
    } finally {
      await db.close();
    }
  });

  it('leaves the old site exactly as it was when the data has an error', async () => {
    const bad = join(scratch, 'bad-data');
    await cp(FIXTURE, bad, { recursive: true });
    const projects = await readFile(join(bad, 'projects.csv'), 'utf8');
    // Break one rule: an amount with a unit.
    const lines = projects.split(/\r?\n/);
    const header = lines[0]!.split(',');
    const budget = header.indexOf('budget');
    const cells = lines[1]!.split(',');
    cells[budget] = '12万';
    lines[1] = cells.join(',');
    await writeFile(join(bad, 'projects.csv'), lines.join('\n'));

    const out = await oldSite(join(scratch, 'dist-kept'));
    const before = await readdir(out, { recursive: true });
    const result = await buildSite({ dataDir: bad, outDir: out, workDir: join(scratch, 'work-bad'), dataOnly: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.stage).toBe('validate');
      expect(result.errors.some((e) => e.file === 'projects.csv' && e.row === 2)).toBe(true);
    }
    expect(await readdir(out, { recursive: true })).toEqual(before);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<h1>the site that was there</h1>');
    // Nothing half-built is left behind either.
    expect((await readdir(join(scratch, 'work-bad')).catch(() => [])).filter((f) => f.startsWith('staging'))).toEqual(
      [],
    );
  });

  it('leaves the old site exactly as it was when building the pages fails', async () => {
    const out = await oldSite(join(scratch, 'dist-kept-2'));
    const before = await readdir(out, { recursive: true });
    const work = join(scratch, 'work-pages');
    const result = await buildSite({
      dataDir: FIXTURE,
      outDir: out,
      workDir: work,
      buildPages: async (_db, siteDir) => {
        await mkdir(siteDir, { recursive: true });
        await writeFile(join(siteDir, 'index.html'), 'half a site');
        throw new Error('a page failed to render');
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('a page failed to render');
    expect(await readdir(out, { recursive: true })).toEqual(before);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<h1>the site that was there</h1>');
    expect((await readdir(work)).filter((f) => f.startsWith('staging'))).toEqual([]);
  });
});
