import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assignRegions,
  isShardedOutput,
  parseShard,
  pruneToShard,
  shardOfPage,
  shardOfRegion,
} from '../../../src/build/shard.ts';

describe('SHARD=k/n', () => {
  it('reads k of n, and nothing when unset', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard(undefined)).toBeNull();
    expect(parseShard('')).toBeNull();
  });
  it('refuses what is not a shard', () => {
    expect(() => parseShard('0/3')).toThrow(/between 1 and n/);
    expect(() => parseShard('4/3')).toThrow(/between 1 and n/);
    expect(() => parseShard('two')).toThrow(/2\/3/);
  });
});

describe('regions to shards', () => {
  const weights = [
    { region_code: '3304', pages: 50 },
    { region_code: '3301', pages: 30 },
    { region_code: '3302', pages: 10 },
    { region_code: '3303', pages: 10 },
  ];
  it('cuts consecutive regions into shards of about equal pages', () => {
    const a = assignRegions(weights, 2);
    // In code order: 3301 (0–30), 3302 (30–40), 3303 (40–50) start in the first half; 3304 in the second.
    expect([...a].sort()).toEqual([
      ['3301', 1],
      ['3302', 1],
      ['3303', 1],
      ['3304', 2],
    ]);
  });
  it('gives every region exactly one shard, and shard 1 to regions it does not know', () => {
    const a = assignRegions(weights, 3);
    expect(new Set(a.values()).size).toBeLessThanOrEqual(3);
    expect(a.size).toBe(4);
    expect(shardOfRegion(a, '9999')).toBe(1);
    expect(shardOfRegion(a, '')).toBe(1);
  });
  it('spreads pages without a region over every shard, the same way in every process', () => {
    const a = assignRegions(weights, 3);
    expect(shardOfPage(a, '3304', 'X', 3)).toBe(a.get('3304'));
    const spread = new Set(Array.from({ length: 60 }, (_, i) => shardOfPage(a, '', `ORG${i}`, 3)));
    expect([...spread].sort()).toEqual([1, 2, 3]);
    expect(shardOfPage(a, '', 'ORG7', 3)).toBe(shardOfPage(a, '', 'ORG7', 3));
    expect(shardOfPage(a, '9999', 'ORG7', 3)).toBe(1);
  });
  it('one shard holds everything', () => {
    expect([...assignRegions(weights, 1).values()]).toEqual([1, 1, 1, 1]);
  });
});

describe('what a later shard keeps', () => {
  it('only the pages of its own keys', () => {
    expect(isShardedOutput('communities/330482001001/index.html')).toBe(true);
    expect(isShardedOutput('communities/list/2/index.html')).toBe(false);
    expect(isShardedOutput('communities/index.html')).toBe(false);
    expect(isShardedOutput('projects/page/3/index.html')).toBe(false);
    expect(isShardedOutput('projects/XM-1/index.html')).toBe(true);
    expect(isShardedOutput('data/summary/330482001001.json')).toBe(true);
    expect(isShardedOutput('data/projects.csv')).toBe(false);
    expect(isShardedOutput('_astro/x.js')).toBe(false);
  });
  it('prunes a built folder to them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-shard-'));
    try {
      for (const f of [
        'index.html',
        '_astro/a.js',
        'communities/index.html',
        'communities/1/index.html',
        'data/summary/1.json',
        'data/x.csv',
      ]) {
        await mkdir(join(dir, f, '..'), { recursive: true });
        await writeFile(join(dir, f), 'x');
      }
      expect(await pruneToShard(dir, { index: 2, count: 2 })).toBe(4);
      expect((await readdir(dir, { recursive: true })).sort()).toEqual([
        'communities',
        'communities/1',
        'communities/1/index.html',
        'data',
        'data/summary',
        'data/summary/1.json',
      ]);
      expect(await pruneToShard(dir, { index: 1, count: 2 })).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
