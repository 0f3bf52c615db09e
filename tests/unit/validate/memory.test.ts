/**
 * Validation streams: the rows it has read are not kept, only their keys. Measured in a child
 * process (exact live heap after forced collections), never by time.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');

function probe(rows: number): { ok: boolean; rows: number; live: number[] } {
  const r = spawnSync(NODE, ['--expose-gc', 'tests/unit/validate/memory-probe.ts', String(rows)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { ok: boolean; rows: number; live: number[] };
}

describe('validation memory', () => {
  it('does not grow with the text of the rows: twice the rows, not twice the heap', () => {
    const small = probe(6_000);
    const large = probe(12_000);
    expect([small.ok, small.rows, large.ok, large.rows]).toEqual([true, 6_000, true, 12_000]);
    const peak = (p: typeof small) => Math.max(...p.live);
    expect(peak(large)).toBeLessThan(peak(small) * 1.3);
    // Each row holds over 2 KB of text; what validation keeps of it (its key) is a small fraction.
    const perRow = (peak(large) - peak(small)) / (large.rows - small.rows);
    expect(perRow).toBeLessThan(300);
  });
});
