import { describe, expect, it } from 'vitest';
import { communitySummary } from '../../../src/lib/area.ts';
import { cityReference, streetPage } from '../../../src/lib/street.ts';
import { assignedBelow, homeInputOf, homePage, projectExamples, satisfactionByOrigin } from '../../../src/lib/home.ts';
import { A, C, siteData, siteRows } from './site-fixture.ts';

const data = siteData();

describe('communitySummary', () => {
  it('C: 3,000 元 in and out, all of it government money, 40 of 50 satisfied', () => {
    const c = communitySummary(data, data.communityById.get(C)!);
    expect(c).toMatchObject({
      name: '三叉河村',
      kindLabel: '农村社区',
      projects: 1,
      ongoing: 0,
      flagged: 0,
      income: 3000,
      expenditure: 3000,
      volunteers: null,
    });
    expect(c.government.share).toBe(1);
    expect(c.satisfaction).toMatchObject({ period: '2025-Q1', rate: 0.8 });
  });
  it('A: two of its three projects are flagged', () => {
    expect(communitySummary(data, data.communityById.get(A)!).flagged).toBe(2);
  });
});

describe('streetPage', () => {
  const page = streetPage(data, '330482001', cityReference(data.streetMoney, data.satisfaction));
  it('totals the street’s two communities', () => {
    expect(page.street.name).toBe('当湖街道');
    expect(page.communities.map((c) => c.name)).toEqual(['东湖社区', '南河社区']);
    expect(page.figures.forces.projects).toBe(4);
    expect(page.figures.forces.ongoingProjects).toBe(2);
    // O1 and O2 work in 东湖社区, O4 is located in 南河社区
    expect(page.figures.forces.organizations).toBe(3);
    expect(page.figures.forces.workforce.socialWorkers).toBe(8);
  });
  it('government dependence: 30,000 of 38,000.10, city 33,000 of 41,000.10', () => {
    expect(page.figures.government.share).toBeCloseTo(30000 / 38000.1, 10);
    expect(page.cityGovernment.share).toBeCloseTo(33000 / 41000.1, 10);
  });
  it('latest satisfaction: 2025-Q2, 195 of 220, the same as the city in that period', () => {
    expect(page.latest.period).toBe('2025-Q2');
    expect([page.latest.street.respondents, page.latest.street.satisfied]).toEqual([220, 195]);
    expect(page.latest.city.rate).toBeCloseTo(195 / 220, 10);
    expect(page.latestByCommunity.map((c) => [c.name, c.rate.respondents, c.rate.small])).toEqual([
      ['东湖社区', 200, false],
      ['南河社区', 20, true],
    ]);
  });
  it('lists the flagged projects', () => {
    expect(page.flaggedProjects.map((p) => p.project_id)).toEqual(['P1', 'P2']);
  });
});

describe('home page', () => {
  const overdue = [{ project_id: 'P2', title: '东湖社区项目P2', community_name: '东湖社区', community_id: A }];
  const notContinued = [{ project_id: 'P1', title: '项目P1', community_name: '东湖社区', community_id: A }];
  const page = homePage(homeInputOf(data, overdue, notContinued));
  it('totals the city', () => {
    expect(page.communities).toBe(3);
    expect(page.figures.forces.projects).toBe(5);
    expect(page.figures.forces.organizations).toBe(5);
    expect(page.figures.money.totalIncome).toBe(41000.1);
  });
  it('sorts streets by government share, highest first', () => {
    expect(page.governmentByStreet.map((s) => s.name)).toEqual(['新埭镇', '当湖街道']);
    expect(page.governmentByStreet[0]!.government.share).toBe(1);
    expect(page.governmentByStreet[1]!.government.share).toBeCloseTo(30000 / 38000.1, 12);
  });
  it('gives the latest period by kind; no rural survey in it', () => {
    expect(page.latest.period).toBe('2025-Q2');
    expect(page.latest.byKind.map((k) => [k.kind, k.rate.respondents])).toEqual([
      ['urban', 220],
      ['rural', 0],
    ]);
  });
  it('finds what the data shows, each with a link', () => {
    const ids = page.findings.map((f) => f.id);
    expect(ids).toEqual(['not-continued', 'overdue', 'assigned-satisfaction', 'government']);
    const [notCont, over, assigned, government] = page.findings;
    expect(notCont!.text).toBe('1 个评估为优秀或良好的项目结束后没有延续项目。');
    expect(notCont!.examples).toEqual([{ label: '东湖社区:项目P1', href: '/projects/P1/' }]);
    expect(over!.examples![0]!.label).toBe('东湖社区项目P2');
    expect(over!.href).toContain('/explore/?sql=');
    // P2 (30 of 50) is below the 90% of resident proposals; P3 (36 of 40) is not; P5 has 20 respondents
    expect(assigned!.text).toContain('1 个上级下派项目的满意度低于居民自主提事项目的总体水平(90.0%)');
    expect(assigned!.text).toContain('(2 个)的 50%');
    expect(assigned!.text).toContain('上级下派项目合计满意度 64.5%');
    expect(government!.text).toBe(
      '全部收入中 80.5% 来自政府资金;政府资金占比最高的是新埭镇(100.0%),1 个街道(镇)超过 80%。',
    );
  });
  it('finds communities clearly below the city in their latest period', () => {
    const rows = siteRows();
    rows.satisfaction = rows.satisfaction.map((s) => (s.community_id === C ? { ...s, satisfied: 25 } : s));
    const low = homePage(homeInputOf(siteData(rows), [], [])).findings.find((f) => f.id === 'low-satisfaction');
    // C: 25 of 50, upper bound 63.4% < city 2025-Q1 105 of 150 = 70%
    expect(low!.text.startsWith('1 个社区')).toBe(true);
    expect(low!.examples).toEqual([{ label: '三叉河村', href: `/communities/${C}/#satisfaction` }]);
  });
});

describe('project satisfaction by origin', () => {
  const rows = siteRows().projectSatisfaction;
  it('pools surveys by origin', () => {
    expect(satisfactionByOrigin(rows).map((o) => [o.origin, o.projects, o.rate.respondents, o.rate.satisfied])).toEqual(
      [
        ['resident_proposal', 1, 100, 90],
        ['assigned', 3, 110, 71],
      ],
    );
  });
  it('assignedBelow skips small samples', () => {
    expect(assignedBelow(rows, 0.9).map((r) => r.project_id)).toEqual(['P2']);
    expect(assignedBelow(rows, 0.95).map((r) => r.project_id)).toEqual(['P2', 'P3']);
  });
  it('projectExamples names the community only when the title does not', () => {
    expect(
      projectExamples([{ project_id: 'X 1', title: '三叉河村助餐', community_name: '三叉河村', community_id: C }]),
    ).toEqual([{ label: '三叉河村助餐', href: '/projects/X%201/' }]);
  });
});
