/**
 * Finds the datapackage.json of the release being built. The publish step writes it next to the
 * site database (<staging>/data/datapackage.json beside <staging>/gongkai.duckdb, see
 * src/build/pipeline.ts) before Astro runs. For a bare `astro build` against an older database,
 * GONGKAI_DATA_DIR may point at a data folder; without one the downloads page still lists every
 * file, without sizes and digests.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatapackageFacts, PackageResource } from './downloads.ts';

export interface LoadedDatapackage {
  path: string;
  resources: PackageResource[];
  facts: DatapackageFacts;
}

export function datapackageCandidates(env: Record<string, string | undefined> = process.env): string[] {
  const out: string[] = [];
  if (env['GONGKAI_DATA_DIR']) out.push(join(env['GONGKAI_DATA_DIR'], 'datapackage.json'));
  out.push(join(dirname(env['GONGKAI_DB'] ?? '.build/gongkai.duckdb'), 'data', 'datapackage.json'));
  return out;
}

export async function loadDatapackage(): Promise<LoadedDatapackage | null> {
  for (const path of datapackageCandidates()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      continue;
    }
    const json = JSON.parse(bytes.toString('utf8')) as { resources?: PackageResource[] };
    return {
      path,
      resources: json.resources ?? [],
      facts: { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    };
  }
  console.warn(
    `[data] datapackage.json not found (${datapackageCandidates().join(', ')}): /data/ lists files without sizes.`,
  );
  return null;
}
