import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/db/node.ts';
import { bindConstants, chunkStartsSql, groupChunkSql } from '../../../src/db/page-store.ts';

describe('bindConstants', () => {
  it('puts constants in place of ? outside strings and comments', () => {
    expect(bindConstants(`SELECT '?' AS q, ? AS a -- ?\nLIMIT ?`, [1, 'x'])).toBe(
      `SELECT '?' AS q, 1 AS a -- ?\nLIMIT 'x'`,
    );
    expect(bindConstants('SELECT ?, ?', [null, true])).toBe('SELECT NULL, TRUE');
    expect(bindConstants(`SELECT ?`, ["it's"])).toBe(`SELECT 'it''s'`);
  });
  it('refuses a count that does not match', () => {
    expect(() => bindConstants('SELECT ?', [])).toThrow(/More \?/);
    expect(() => bindConstants('SELECT 1', [1])).toThrow(/takes 0 parameters, 1 given/);
  });
});

describe('a section grouped a chunk of keys at a time', () => {
  it('gives every key its rows, in order, however the keys are cut into chunks', async () => {
    const db = await openNodeDatabase();
    try {
      // 7 keys with 4 rows each; n is each row’s place in the query.
      await db.exec(
        `CREATE TABLE rows AS SELECT 'k' || (i % 7) AS key, i AS n, {'v': i} AS r FROM range(28) t(i) ORDER BY key, n`,
      );
      const grouped = async (rowsPerChunk: number) => {
        await db.exec('CREATE OR REPLACE TABLE out (key VARCHAR, rows VARCHAR)');
        const starts = (await db.query<{ start: string }>(chunkStartsSql('rows', rowsPerChunk))).map((c) => c.start);
        for (let i = 0; i < starts.length; i++) {
          const end = starts[i + 1] ?? null;
          await db.query(groupChunkSql('out', 'rows'), [starts[i]!, end, end]);
        }
        return { starts, rows: await db.query<{ key: string; rows: string }>('SELECT * FROM out ORDER BY key') };
      };
      const whole = await grouped(1_000_000);
      expect(whole.starts).toEqual(['k0']);
      expect(whole.rows).toHaveLength(7);
      expect(JSON.parse(whole.rows[0]!.rows)).toEqual([{ v: 0 }, { v: 7 }, { v: 14 }, { v: 21 }]);
      for (const size of [1, 3, 5]) {
        const cut = await grouped(size);
        expect(cut.starts.length).toBeGreaterThan(1);
        expect(cut.rows).toEqual(whole.rows);
      }
    } finally {
      await db.close();
    }
  });
});
