import { describe, expect, it } from 'vitest';
import {
  fiveForces,
  latestWorkforce,
  median,
  organizationsByKind,
  workforceTotals,
} from '../../../src/lib/five-forces.ts';
import { A, B, siteRows } from './site-fixture.ts';

const rows = siteRows();

describe('latestWorkforce', () => {
  it('keeps each community’s latest period', () => {
    const latest = latestWorkforce(rows.workforce);
    expect(latest.get(A)!.period).toBe('2025');
    expect(latest.get(B)!.period).toBe('2025-Q2');
    expect(latest.size).toBe(2);
  });
});

describe('workforceTotals', () => {
  it('sums the latest rows; a missing value adds nothing', () => {
    const totals = workforceTotals(latestWorkforce(rows.workforce).values());
    expect(totals).toEqual({
      communities: 2,
      periods: ['2025', '2025-Q2'],
      socialWorkers: 8,
      communityWorkers: 6,
      volunteers: 150,
      volunteerHours: 700,
    });
  });
});

describe('organizationsByKind', () => {
  it('counts kinds present, in the standard order', () => {
    expect(organizationsByKind(rows.organizations).map((k) => [k.label, k.count])).toEqual([
      ['登记社会组织', 1],
      ['备案社区社会组织', 1],
      ['社工机构', 1],
      ['慈善组织·基金会', 1],
      ['政府部门', 1],
    ]);
  });
});

describe('fiveForces', () => {
  it('totals projects, ongoing projects, organizations and charitable money', () => {
    const f = fiveForces({
      projects: rows.projects,
      organizations: rows.organizations,
      workforce: latestWorkforce(rows.workforce).values(),
      money: rows.money,
    });
    expect(f.projects).toBe(5);
    expect(f.ongoingProjects).toBe(2);
    expect(f.organizations).toBe(5);
    // charity_donation 5,000 + crowdfunding 1,000.10 + enterprise 2,000 of 41,000.10
    expect(f.charitable.amount).toBe(8000.1);
    expect(f.charitable.total).toBe(41000.1);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, undefined, Number.NaN])).toBe(5);
    expect(median([])).toBeNull();
  });
});
