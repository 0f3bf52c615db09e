import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../src/lib/site-data.ts';
import { A, B, C, siteData } from './site-fixture.ts';

describe('groupSiteData', () => {
  const data = siteData();
  it('groups communities into streets by the first 9 digits of their code', () => {
    expect(data.streets.map((s) => [s.code, s.name, s.communities.map((c) => c.community_id)])).toEqual([
      ['330482001', '当湖街道', [A, B]],
      ['330482101', '新埭镇', [C]],
    ]);
  });
  it('slices the rows by community', () => {
    expect(data.projectsByCommunity.get(A)!.map((p) => p.project_id)).toEqual(['P1', 'P2', 'P3']);
    expect(data.moneyByCommunity.get(B)).toHaveLength(2);
    expect(data.moneyByStreet.get('330482101')).toHaveLength(2);
    expect(data.latestWorkforce.get(A)!.period).toBe('2025');
    expect(data.organizationsLocatedIn.get(B)!.map((o) => o.org_id)).toEqual(['O4']);
    expect(data.proposalsByCommunity.get(C)).toBeUndefined();
  });
  it('groupBy keeps the order of rows', () => {
    expect([...groupBy([1, 2, 3, 4], (n) => n % 2).entries()]).toEqual([
      [1, [1, 3]],
      [0, [2, 4]],
    ]);
  });
});
