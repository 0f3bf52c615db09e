import { describe, expect, it } from 'vitest';
import { communities, projects } from '../../../src/schema/index.ts';
import { mapHeaders } from '../../../src/ingest/headers.ts';
import { located } from '../validate/helpers.ts';

const fields = Object.keys(projects.fields);
const labels = fields.map((f) => projects.fields[f as keyof typeof projects.fields].label);

describe('mapHeaders', () => {
  it('maps English names and Chinese labels in any order', () => {
    const headers = [...labels].reverse();
    const m = mapHeaders(projects, headers, 'projects.csv');
    expect(m.issues).toEqual([]);
    expect(m.columns).toEqual([...fields].reverse());
    expect(m.headers.project_id).toEqual({ header: projects.fields.project_id.label, index: fields.length - 1 });
    const mixed = mapHeaders(
      projects,
      fields.map((f, i) => (i % 2 ? f : labels[i]!)),
      'projects.csv',
    );
    expect(mixed.issues).toEqual([]);
    expect(mixed.columns).toEqual(fields);
  });

  it('tolerates surrounding spaces, full-width parentheses and letter case', () => {
    const label = communities.fields.street_name.label; // has parentheses
    const fullWidth = ` ${label.replace('(', '（').replace(')', '）')}\u3000`; // ideographic space
    const m = mapHeaders(communities, [' Community_ID ', fullWidth], 'communities.csv');
    expect(m.columns).toEqual(['community_id', 'street_name']);
    expect(m.headers.street_name!.header).toBe(fullWidth.trim());
  });

  it('warns about an unknown column, naming it', () => {
    const m = mapHeaders(projects, [...fields, '备注'], 'projects.csv');
    expect(located(m.issues)).toEqual([{ file: 'projects.csv', row: 1, column: '备注', rule: 'unknown-column' }]);
    expect(m.issues[0]!.severity).toBe('warning');
    expect(m.columns[fields.length]).toBeNull();
  });

  it('refuses a missing required column', () => {
    const m = mapHeaders(
      projects,
      fields.filter((f) => f !== 'budget'),
      'projects.csv',
    );
    expect(m.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'projects.csv',
        row: 1,
        field: 'budget',
        rule: 'missing-column',
      }),
    ]);
    expect(m.issues[0]!.message).toContain(projects.fields.budget.label);
  });

  it('does not require optional columns', () => {
    const required = fields.filter((f) => projects.fields[f as keyof typeof projects.fields].required);
    expect(mapHeaders(projects, required, 'projects.csv').issues).toEqual([]);
  });

  it('refuses a duplicate column, by name or by label', () => {
    const m = mapHeaders(projects, [...fields, projects.fields.title.label], 'projects.csv');
    expect(located(m.issues)).toEqual([
      { file: 'projects.csv', row: 1, column: projects.fields.title.label, rule: 'duplicate-column' },
    ]);
    expect(m.issues[0]!.severity).toBe('error');
  });

  it('ignores empty header cells', () => {
    const m = mapHeaders(projects, [...fields, '', '  '], 'projects.csv');
    expect(m.issues).toEqual([]);
  });
});
