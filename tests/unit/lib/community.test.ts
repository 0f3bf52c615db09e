import { describe, expect, it } from 'vitest';
import {
  activeOrganizations,
  communityIndicators,
  communityPage,
  compareWithPeers,
  peerMedians,
  proposalStages,
  type Indicators,
} from '../../../src/lib/community.ts';
import { A, AS_OF, B, C, siteData } from './site-fixture.ts';

const data = siteData();
const indicators = new Map<string, Indicators>([A, B, C].map((id) => [id, communityIndicators(data, id)]));
const peers = new Map([
  ['urban', [indicators.get(A)!, indicators.get(B)!]],
  ['rural', [indicators.get(C)!]],
]);
const peersByKind = new Map([...peers].map(([kind, list]) => [kind, { communities: list.length, medians: peerMedians(list) }]));

describe('activeOrganizations', () => {
  it('lists operators of the community’s projects and organizations located there', () => {
    const orgs = activeOrganizations(
      data.projectsByCommunity.get(A)!,
      data.organizationsLocatedIn.get(A) ?? [],
      data.organizationById,
    );
    expect(orgs.map((o) => [o.org_id, o.projects, o.located])).toEqual([
      ['O1', 2, false],
      ['O2', 1, true],
    ]);
    const b = activeOrganizations(
      data.projectsByCommunity.get(B)!,
      data.organizationsLocatedIn.get(B) ?? [],
      data.organizationById,
    );
    expect(b.map((o) => [o.org_id, o.projects, o.located])).toEqual([['O4', 0, true]]);
  });
});

describe('indicators', () => {
  it('A: 3 projects and 17,000.55 元 spent for 10,000 residents, 120 volunteers, 90% satisfied', () => {
    const a = indicators.get(A)!;
    expect(a.population).toBe(10000);
    expect(a.projectsPer1000).toBeCloseTo(0.3, 10);
    expect(a.spendingPerResident).toBeCloseTo(1.700055, 10);
    expect(a.charitableShare).toBeCloseTo(6000.1 / 36000.1, 10);
    expect(a.volunteersPer1000).toBe(12);
    expect(a.satisfaction).toBe(0.9);
  });
  it('B: a latest sample of 20 gives no satisfaction figure', () => {
    expect(indicators.get(B)!.satisfaction).toBeNull();
    expect(indicators.get(B)!.charitableShare).toBe(1);
  });
  it('C: no workforce row gives no volunteer figure', () => {
    expect(indicators.get(C)!.volunteersPer1000).toBeNull();
  });
});

describe('compareWithPeers', () => {
  it('takes medians over the same-kind communities that have the figure', () => {
    const rows = compareWithPeers(indicators.get(A)!, peers.get('urban')!);
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by['population']).toMatchObject({ value: 10000, median: 7500, peers: 2 });
    expect(by['projectsPer1000']!.median).toBeCloseTo(0.25, 10);
    expect(by['volunteersPer1000']).toMatchObject({ value: 12, median: 9, peers: 2 });
    expect(by['satisfaction']).toMatchObject({ value: 0.9, median: 0.9, peers: 1 });
  });
});

describe('proposalStages', () => {
  it('counts every 六事法 stage in order, zeros included', () => {
    const stages = proposalStages(data.proposalsByCommunity.get(A)!);
    expect(stages.map((s) => s.count)).toEqual([2, 0, 0, 1, 0, 0, 0]);
    expect(stages[0]!.label).toBe('自主提事');
    expect(proposalStages([])).toEqual([]);
  });
});

describe('communityPage', () => {
  const page = communityPage(data, A, [], peersByKind);
  it('carries the profile, street and kind', () => {
    expect(page.community.name).toBe('东湖社区');
    expect(page.street).toEqual({ code: '330482001', name: '当湖街道' });
    expect(page.kindLabel).toBe('城市社区');
    expect(page.asOf).toBe(AS_OF);
  });
  it('counts the flagged projects', () => {
    expect(page.flags).toEqual({ overdue: 1, notContinued: 1 });
  });
  it('has the five forces of this community', () => {
    expect(page.forces.projects).toBe(3);
    expect(page.forces.ongoingProjects).toBe(1);
    expect(page.forces.organizations).toBe(2);
    expect(page.forces.workforce.socialWorkers).toBe(6);
    expect(page.forces.charitable.amount).toBe(6000.1);
  });
  it('has a closing ledger, the satisfaction series and the comparison', () => {
    expect(page.ledger.closes).toBe(true);
    expect(page.transactions.total).toBe(7);
    expect(page.satisfaction.series.map((s) => s.period)).toEqual(['2025-Q1', '2025-Q2']);
    expect(page.comparison).toMatchObject({ kindLabel: '城市社区', peers: 2 });
  });
  it('refuses an unknown community', () => {
    expect(() => communityPage(data, '000000000000', [], peersByKind)).toThrow();
  });
});
