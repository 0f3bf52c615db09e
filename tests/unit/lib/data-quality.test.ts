import { describe, expect, it } from 'vitest';
import {
  locationOf,
  ruleAnchor,
  ruleText,
  summarizedCount,
  tableOfFile,
  warningGroups,
  type WarningRow,
  type WarningTarget,
} from '../../../src/lib/data-quality.ts';

const w = (file: string, row: number | null, column: string | null, rule: string, message: string): WarningRow => ({
  file,
  row,
  column,
  field: column,
  rule,
  message,
});

describe('tableOfFile', () => {
  it('knows CSV files and workbook sheets by English or Chinese name', () => {
    expect(tableOfFile('projects.csv')?.name).toBe('projects');
    expect(tableOfFile('data.xlsx#项目')?.name).toBe('projects');
    expect(tableOfFile('data.xlsx#surveys')?.name).toBe('surveys');
    expect(tableOfFile('notes.csv')).toBeUndefined();
  });
});

describe('locationOf', () => {
  it('writes file:row:column, leaving out what is missing', () => {
    expect(locationOf({ file: 'projects.csv', row: 12, column: '预算(元)' })).toBe('projects.csv:12:预算(元)');
    expect(locationOf({ file: 'projects.csv', row: 1, column: null })).toBe('projects.csv:1');
    expect(locationOf({ file: 'extra.csv', row: null, column: null })).toBe('extra.csv');
  });
});

describe('ruleAnchor', () => {
  it('keeps letters, digits and hyphens of the rule and replaces the rest', () => {
    expect(ruleAnchor('project-overspent')).toBe('rule-project-overspent');
    expect(ruleAnchor('survey.small_sample')).toBe('rule-survey-small-sample');
  });
});

describe('summarizedCount', () => {
  it('reads the number of warnings a summary line stands for', () => {
    expect(summarizedCount('…及另外 1234 处同类警告(survey-small-sample)')).toBe(1234);
    expect(summarizedCount('有效样本只有 12,少于 30')).toBeNull();
  });
});

describe('warningGroups', () => {
  const rows = [
    w('communities.csv', 3, 'registered_population', 'population-ratio', '户籍人口 3000 超过常住人口 1500 的一半以上'),
    w('surveys.csv', 4, '有效样本', 'survey-small-sample', '有效样本只有 20'),
    w('surveys.csv', 9, '有效样本', 'survey-small-sample', '有效样本只有 12'),
    w('surveys.csv', null, '有效样本', 'survey-small-sample', '…及另外 5 处同类警告(survey-small-sample)'),
    w('projects.csv', 7, 'budget', 'project-expenditure-over-budget', '项目支出合计 …'),
    w('projects.csv', 1, 'extra', 'unknown-column', '未知的列「extra」'),
  ];
  const targets: WarningTarget[] = [
    {
      table_name: 'communities',
      row: 3,
      rule: 'population-ratio',
      community_id: 'C2',
      community_name: '大河村',
      project_id: null,
      project_title: null,
    },
    {
      table_name: 'surveys',
      row: 4,
      rule: 'survey-small-sample',
      community_id: 'C2',
      community_name: '大河村',
      project_id: 'P9',
      project_title: '儿童之家',
    },
    // Row 7 of projects breaks a different rule: it must not be linked to the budget warning.
    {
      table_name: 'projects',
      row: 7,
      rule: 'project-no-expenditure',
      community_id: 'C1',
      community_name: '东湖社区',
      project_id: 'P7',
      project_title: 'x',
    },
  ];
  const groups = warningGroups(rows, targets);

  it('groups by rule in order of first appearance, counting the summarized ones', () => {
    expect(groups.map((g) => [g.rule, g.count, g.items.length])).toEqual([
      ['population-ratio', 1, 1],
      // 2 listed + 5 summarized = 7.
      ['survey-small-sample', 7, 2],
      ['project-expenditure-over-budget', 1, 1],
      ['unknown-column', 1, 1],
    ]);
  });
  it('links a warning only when the row at its position breaks the same rule', () => {
    expect(groups[0]!.items[0]!.about).toEqual({
      kind: 'community',
      id: 'C2',
      name: '大河村',
      community_name: '大河村',
    });
    expect(groups[1]!.items[0]!.about).toMatchObject({ kind: 'project', id: 'P9', name: '儿童之家' });
    expect(groups[1]!.items[1]!.about).toBeNull();
    expect(groups[2]!.items[0]!.about).toBeNull();
    expect(groups[3]!.items[0]!.location).toBe('projects.csv:1:extra');
  });
  it('lists at most `limit` warnings of a rule but counts all', () => {
    const many = Array.from({ length: 5 }, (_, i) => w('surveys.csv', i + 2, 'n', 'survey-small-sample', 'm'));
    const [g] = warningGroups(many, [], 3);
    expect(g!.count).toBe(5);
    expect(g!.items).toHaveLength(3);
  });
  it('explains every warning rule the validator emits, in Chinese', () => {
    for (const rule of [
      'population-ratio',
      'survey-small-sample',
      'project-no-expenditure',
      'project-expenditure-over-income',
      'project-expenditure-over-budget',
      'unknown-column',
      'unknown-file',
      'unknown-sheet',
    ]) {
      expect(ruleText(rule).title, rule).not.toBe(rule);
      expect(ruleText(rule).explanation).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(ruleText('project-no-expenditure').title).toContain('已完成');
  });
});
