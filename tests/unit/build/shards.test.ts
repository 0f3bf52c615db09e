/**
 * SHARD=k/n for real: a small synthetic release from many regions built whole and in three
 * shards (four Astro builds, about a minute). The shards' outputs copied into one folder must be
 * the whole build, file for file: the same paths, and the same bytes for every page, asset and
 * data file. Only the Excel workbooks are compared by name, not bytes: the zip inside records the
 * time each was written.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/build/pipeline.ts';

let scratch: string;
let dataDir: string;

async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = path.slice(dir.length + 1);
    out.set(
      name,
      name.endsWith('.xlsx')
        ? 'xlsx'
        : createHash('sha256')
            .update(await readFile(path))
            .digest('hex'),
    );
  }
  return out;
}

async function build(name: string, shard?: string): Promise<string> {
  const outDir = join(scratch, `out-${name}`);
  const saved = { shard: process.env['SHARD'], epoch: process.env['SOURCE_DATE_EPOCH'] };
  if (shard) process.env['SHARD'] = shard;
  else delete process.env['SHARD'];
  process.env['SOURCE_DATE_EPOCH'] = '1767225600';
  try {
    const result = await buildSite({ dataDir, outDir, workDir: join(scratch, `work-${name}`) });
    if (!result.ok) throw new Error(`build ${name} failed: ${JSON.stringify(result).slice(0, 500)}`);
  } finally {
    for (const [key, value] of [
      ['SHARD', saved.shard],
      ['SOURCE_DATE_EPOCH', saved.epoch],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return outDir;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gongkai-shards-'));
  dataDir = join(scratch, 'release');
  execFileSync(
    process.execPath,
    ['--experimental-strip-types', 'scripts/synth.ts', '--communities', '60', '--out', dataDir],
    {
      stdio: 'ignore',
    },
  );
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('a sharded build', () => {
  it('is, copied together, the whole build file for file; no file is in two shards', async () => {
    const whole = await tree(await build('whole'));
    const merged = join(scratch, 'merged');
    const owners = new Map<string, number>();
    for (const k of [1, 2, 3]) {
      const out = await build(`shard${k}`, `${k}/3`);
      const files = await tree(out);
      if (k > 1) expect(files.size, `shard ${k} has pages`).toBeGreaterThan(0);
      for (const name of files.keys()) {
        expect(owners.get(name), `${name} is in shard ${owners.get(name)} and ${k}`).toBeUndefined();
        owners.set(name, k);
      }
      await cp(out, merged, { recursive: true });
    }
    const together = await tree(merged);
    expect([...together.keys()].sort()).toEqual([...whole.keys()].sort());
    const differing = [...whole].filter(([name, hash]) => together.get(name) !== hash).map(([name]) => name);
    expect(differing).toEqual([]);
    // Shard 1 holds the city-wide pages and the data; the others only pages of their regions.
    expect(owners.get('index.html')).toBe(1);
    expect(owners.get('data/communities.csv')).toBe(1);
  }, 600_000);
});
