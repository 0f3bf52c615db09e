/**
 * Sharded builds: `SHARD=<k>/<n>` builds shard k of n. Shards split the pages by region (the
 * prefecture city, first 4 digits of the division code) into n runs of consecutive regions of
 * about equal numbers of pages, so that a shard is a coherent part of the country; assets, data
 * files and city-wide pages go to shard 1. Copying the n outputs into one folder gives the site the
 * unsharded build gives, file for file. Pure: the build's routes and scripts/build.ts call it.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `SHARD=2/3` → { index: 2, count: 3 }; unset → null (the whole site). */
export function parseShard(value: string | undefined): Shard | null {
  if (value === undefined || value.trim() === '') return null;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) throw new Error(`SHARD must look like 2/3 (shard 2 of 3), not "${value}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new Error(`SHARD ${value}: k must be between 1 and n`);
  return { index, count };
}

export function currentShard(): Shard | null {
  return parseShard(process.env['SHARD']);
}

/**
 * Assigns each region to a shard: regions in code order, cut where the running total of pages
 * crosses each n-th of the whole. Regions not listed (and '') belong to shard 1.
 */
export function assignRegions(
  weights: readonly { region_code: string; pages: number }[],
  count: number,
): Map<string, number> {
  const sorted = [...weights].sort((a, b) =>
    a.region_code < b.region_code ? -1 : a.region_code > b.region_code ? 1 : 0,
  );
  const total = sorted.reduce((s, w) => s + w.pages, 0);
  const out = new Map<string, number>();
  let before = 0;
  for (const w of sorted) {
    // The shard in which the region's first page falls.
    const shard = total === 0 ? 1 : Math.min(count, Math.floor((before * count) / total) + 1);
    out.set(w.region_code, shard);
    before += w.pages;
  }
  return out;
}

export function shardOfRegion(assignment: ReadonlyMap<string, number>, region: string | null | undefined): number {
  return (region ? assignment.get(region) : undefined) ?? 1;
}

/** FNV-1a over the key's UTF-16 code units: stable across processes and machines. */
function stableHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The shard of one page: its region's, or — for a page with no region (an organization located
 * nowhere and running no project) — one spread by its key, so that such pages do not all fall to
 * shard 1 (in the 10,000-community synthetic release they made shard 1 twice the others).
 */
export function shardOfPage(
  assignment: ReadonlyMap<string, number>,
  region: string | null | undefined,
  key: string,
  count: number,
): number {
  if (region && assignment.has(region)) return assignment.get(region)!;
  return region ? 1 : 1 + (stableHash(key) % count);
}

/**
 * Whether a file of a shard's output belongs to that shard: for shards after the first, only the
 * pages of its own regions (the per-key routes); everything else is shard 1's.
 */
export const SHARDED_OUTPUTS: readonly RegExp[] = [
  /^communities\/(?!list\/)[^/]+\/index\.html$/,
  /^streets\/[^/]+\/index\.html$/,
  /^projects\/(?!page\/)[^/]+\/index\.html$/,
  /^organizations\/[^/]+\/index\.html$/,
  /^data\/summary\/[^/]+\.json$/,
];

export function isShardedOutput(relativePath: string): boolean {
  const path = relativePath.replaceAll('\\', '/');
  return SHARDED_OUTPUTS.some((re) => re.test(path));
}

/**
 * Leaves in a built site only the files of shard `shard` that are not shard 1's: the per-key pages
 * of its regions. Shard 1 keeps everything it built. Returns how many files were removed.
 */
export async function pruneToShard(siteDir: string, shard: Shard): Promise<number> {
  if (shard.index === 1) return 0;
  const { readdir, rm } = await import('node:fs/promises');
  const { join, relative } = await import('node:path');
  let removed = 0;
  const walk = async (dir: string): Promise<boolean> => {
    let empty = true;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (await walk(path)) await rm(path, { recursive: true, force: true });
        else empty = false;
      } else if (isShardedOutput(relative(siteDir, path))) {
        empty = false;
      } else {
        await rm(path, { force: true });
        removed++;
      }
    }
    return empty;
  };
  await walk(siteDir);
  return removed;
}
