import { describe, expect, it } from 'vitest';
import {
  constraintsOf,
  dictionary,
  dictionaryIndicators,
  dictionaryPage,
  dictionaryTable,
  keyOf,
  TYPE_TEXT,
} from '../../../src/lib/dictionary.ts';
import { INDICATOR_COLUMNS, INDICATOR_LIST } from '../../../src/lib/indicators.ts';
import { communities, projects, PROJECT_STATUS, surveys, transactions } from '../../../src/schema/index.ts';

describe('dictionary', () => {
  it('has every table and every field of the schema, labels taken from it', () => {
    const d = dictionary();
    expect(d.map((t) => t.name)).toEqual([
      'communities',
      'organizations',
      'proposals',
      'projects',
      'transactions',
      'surveys',
      'workforce',
    ]);
    const p = d.find((t) => t.name === 'projects')!;
    expect(p.fields.map((f) => f.name)).toEqual(Object.keys(projects.fields));
    expect(p.fields.find((f) => f.name === 'budget')!.label).toBe(projects.fields.budget.label);
  });
  it('lists enum codes with their labels', () => {
    const status = dictionaryTable(projects).fields.find((f) => f.name === 'status')!;
    expect(status.codes).toEqual(PROJECT_STATUS.codes.map((code) => ({ code, label: PROJECT_STATUS.labels[code] })));
    expect(status.type).toBe('代码');
    expect(status.required).toBe(true);
  });
  it('states constraints plainly', () => {
    expect(constraintsOf(projects.fields.progress_pct)).toEqual(['0 至 100']);
    expect(constraintsOf(projects.fields.budget)).toEqual(['≥ 0']);
    expect(constraintsOf(transactions.fields.amount)).toEqual(['> 0']);
    expect(constraintsOf(communities.fields.community_id)).toEqual(['应为12位数字的统计用区划代码']);
    // Dates are explained by their type, not repeated as a pattern.
    expect(constraintsOf(projects.fields.start_date)).toEqual([]);
  });
  it('names primary and foreign keys with the target table', () => {
    expect(keyOf(communities, 'community_id', communities.fields.community_id)).toEqual({
      key: '主键',
      keyTarget: null,
    });
    expect(keyOf(surveys, 'survey_id', surveys.fields.survey_id).key).toBe('主键之一');
    const fk = keyOf(projects, 'operator_org_id', projects.fields.operator_org_id);
    expect(fk.key).toBe('指向组织表的组织编号（organizations.org_id）');
    expect(fk.keyTarget).toBe('table-organizations');
  });
});

describe('dictionaryPage', () => {
  it('holds every table, every field type and the personal data that is never published', () => {
    const page = dictionaryPage();
    expect(page.tables.map((t) => t.name)).toEqual(dictionary().map((t) => t.name));
    expect(page.types).toHaveLength(Object.keys(TYPE_TEXT).length);
    expect(page.types[0]).toEqual(TYPE_TEXT.text);
    expect(page.personalData).toBe('居民身份证号、手机号、银行卡号、电子邮箱');
  });
});

describe('dictionaryIndicators', () => {
  it('lists the columns of indicators.csv and every indicator key with its Chinese name and formula', () => {
    const d = dictionaryIndicators();
    expect(d.files).toEqual(['indicators.csv', 'indicators.parquet']);
    expect(d.fields.map((f) => f.name)).toEqual(INDICATOR_COLUMNS.map((c) => c.name));
    expect(d.primaryKey).toEqual(['scope', 'scope_id', 'year', 'indicator']);
    expect(d.fields.find((f) => f.name === 'scope')!.codes.map((c) => c.code)).toEqual(['community', 'street', 'city']);
    expect(d.indicators.map((i) => [i.key, i.name, i.formula])).toEqual(
      INDICATOR_LIST.map((i) => [i.key, i.name, i.formula]),
    );
    expect(dictionaryPage().indicators).toEqual(d);
  });
});
