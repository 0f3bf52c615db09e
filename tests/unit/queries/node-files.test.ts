import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERIES, sqlOf } from '../../../src/queries/index.ts';
import { nodeSqlOf } from '../../../src/queries/node-files.ts';

describe('nodeSqlOf (the publish step’s reader, outside Vite)', () => {
  it('gives the same text as sqlOf for every query', () => {
    const names = Object.keys(QUERIES);
    const files = readdirSync('src/queries')
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.slice(0, -4));
    expect(names.sort()).toEqual(files.sort());
    expect(names).toContain('indicators');
    for (const name of names) expect(nodeSqlOf(name), name).toBe(sqlOf(name));
  });

  it('refuses a name that is not a query', () => {
    expect(() => nodeSqlOf('no_such_query')).toThrow(/No query named no_such_query/);
    expect(() => nodeSqlOf('../index')).toThrow(/Not a query name/);
  });
});
