import { describe, expect, it } from 'vitest';
import { licenceText } from '../../../src/lib/licence.ts';
import { listedNote, organizationDescription, organizationFacts } from '../../../src/lib/organization-facts.ts';
import { projectDescription, projectFacts } from '../../../src/lib/project-facts.ts';
import type { OrganizationPage } from '../../../src/lib/organization-page.ts';
import type { ProjectPage } from '../../../src/lib/project-page.ts';
import { organizations, projects } from '../../../src/schema/index.ts';

const page = {
  project: {
    project_id: 'P1',
    community_id: '330482001021',
    community_name: '东湖社区',
    title: '长者食堂',
    category: 'elderly',
    mechanism: 'government_purchase',
    origin: 'resident_proposal',
    operator_org_id: 'ORG 1',
    operator_name: '乐龄社工',
    start_date: '2023-01-01',
    end_date: '2023-12-31',
    status: 'completed',
    budget: 50000,
    income: 0,
    spent: 0,
    progress_pct: 100,
    evaluation: 'excellent',
    continues_project_id: 'P0',
    continued_by: 0,
  },
  details: {
    project_id: 'P1',
    summary: null,
    street_code: '330482001',
    street_name: '当湖街道',
    beneficiaries: 3000,
    volunteers: 20,
    volunteer_hours: 400.5,
    social_workers: null,
    evaluated_on: '2024-01-15',
    operator_kind: 'social_work_agency',
    proposal_id: 'TS1',
    proposal_title: '老年食堂',
    proposal_stage: 'promoted',
    proposal_raised_on: '2022-11-01',
    proposal_stage_on: '2023-12-20',
    proposal_supporters: 45,
  },
  earlier: [
    {
      project_id: 'P0',
      title: '长者食堂(试点)',
      community_id: '330482001021',
      community_name: null,
      start_date: '2022-01-01',
      end_date: null,
      status: 'completed',
      evaluation: null,
      step: -1,
    },
  ],
  later: [],
} as unknown as ProjectPage;

describe('projectFacts', () => {
  const { list, evaluationLabel } = projectFacts(page);
  const fact = (label: string) => list.find((f) => f.label === label);
  it('labels every fact from the schema and formats the values', () => {
    expect(fact(projects.fields.category.label)?.value).toBe('养老助老');
    expect(fact('预算')?.value).toBe('50,000.00 元');
    expect(fact('志愿服务时长')?.value).toBe('400.5 小时');
    expect(fact('参与社工')?.value).toBe('—');
    expect(fact(projects.fields.beneficiaries.label)?.value).toBe('3,000 人次');
    expect(fact(projects.fields.evaluation.label)).toMatchObject({ value: '优秀', note: '评估日期：2024年1月15日' });
    expect(evaluationLabel).toBe('优秀');
  });
  it('describes the page by community and title', () => {
    expect(projectDescription(page)).toBe('东湖社区的项目：长者食堂');
  });
  it('links the community, street, operator, proposal and the project it continues', () => {
    expect(fact('社区名称')?.href).toBe('/communities/330482001021/');
    expect(fact('街道(镇)')?.href).toBe('/streets/330482001/');
    expect(fact(projects.fields.operator_org_id.label)).toMatchObject({
      value: '乐龄社工',
      href: '/organizations/ORG%201/',
      note: '社工机构',
    });
    expect(fact(projects.fields.proposal_id.label)).toMatchObject({
      value: '老年食堂',
      href: '#proposal',
      note: '按需推事（2023年12月20日）',
    });
    expect(fact(projects.fields.continues_project_id.label)).toMatchObject({
      value: '长者食堂(试点)',
      href: '/projects/P0/',
    });
  });
});

describe('organizationFacts', () => {
  it('shows kind, rating, registration and community', () => {
    const facts = organizationFacts({
      org: {
        org_id: 'X',
        name: 'n',
        kind: 'charity',
        registered_on: '2005-01-01',
        rating: '5A',
        community_id: null,
        community_name: null,
        street_code: null,
        street_name: null,
      },
    } as OrganizationPage);
    expect(facts.map((f) => [f.label, f.value])).toEqual([
      [organizations.fields.org_id.label, 'X'],
      [organizations.fields.kind.label, '慈善组织·基金会'],
      [organizations.fields.rating.label, '5A'],
      [organizations.fields.registered_on.label, '2005年1月1日'],
      [organizations.fields.community_id.label, '—'],
      ['街道(镇)', '—'],
    ]);
  });
});

describe('organizationDescription', () => {
  it('names the organization and its kind', () => {
    const org = { org_id: 'X', name: '乐龄社工', kind: 'charity' } as OrganizationPage['org'];
    expect(organizationDescription({ org } as OrganizationPage)).toBe(
      '乐龄社工（慈善组织·基金会）承接的项目、经手的资金和实施的调查。',
    );
  });
});

describe('listedNote', () => {
  it('says how many there are when only the latest are listed, and nothing when all are', () => {
    expect(listedNote(200, 1234, '笔')).toBe('共 1,234 笔，这里列出最近的 200 笔。');
    expect(listedNote(3, 3, '个项目')).toBeNull();
  });
});

describe('licenceText', () => {
  it('explains CC BY 4.0 with the citation, and says when there is no licence', () => {
    expect(licenceText('CC-BY-4.0', '平湖市民政局', '公开数据')).toMatch(
      /署名.*包括用于商业目的.*平湖市民政局《公开数据》/,
    );
    expect(licenceText(null, 'p', 't')).toContain('没有声明许可');
    expect(licenceText('ODbL-1.0', 'p', 't')).toContain('许可：ODbL-1.0');
  });
});
