import { describe, expect, it } from 'vitest';
import { formatIssue, IssueCollector, type Issue } from '../../../src/validate/issues.ts';
import { loadDataset, validateDataset } from '../../../src/validate/index.ts';
import { FIXTURE, fixtureRaw, setCell } from './helpers.ts';

describe('formatIssue', () => {
  const base: Issue = {
    severity: 'error',
    file: 'projects.csv',
    row: 3,
    column: '预算(元)',
    rule: 'unit',
    message: '「9万」不能带单位',
  };
  it('writes file:row:column: message', () => {
    expect(formatIssue(base)).toBe('projects.csv:3:预算(元): 「9万」不能带单位');
  });
  it('leaves out what an issue does not have', () => {
    expect(formatIssue({ ...base, column: undefined })).toBe('projects.csv:3: 「9万」不能带单位');
    const { row: _row, column: _column, ...noPlace } = base;
    expect(formatIssue({ ...noPlace, file: 'datapackage.json', message: 'publisher.name: 缺少必填项' })).toBe(
      'datapackage.json: publisher.name: 缺少必填项',
    );
  });
});

describe('IssueCollector', () => {
  it('keeps the first N of a (file, rule, column) group and sums up the rest', () => {
    const c = new IssueCollector(2);
    for (let row = 2; row < 7; row++)
      c.add({ severity: 'error', file: 'a.csv', row, column: 'x', rule: 'type', message: 'm' });
    c.add({ severity: 'error', file: 'a.csv', row: 9, column: 'y', rule: 'type', message: 'm' });
    const out = c.issues(['a.csv']);
    expect(out.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'x', 'm'],
      [3, 'x', 'm'],
      [9, 'y', 'm'],
      [undefined, 'x', '…及另外 3 处同类错误(type)'],
    ]);
    expect(c.errorCount).toBe(6);
  });
  it('can keep every warning while capping errors', () => {
    const c = new IssueCollector(1, Infinity);
    for (let row = 2; row < 5; row++) {
      c.add({ severity: 'error', file: 'a.csv', row, rule: 'e', message: 'm' });
      c.add({ severity: 'warning', file: 'a.csv', row, rule: 'w', message: 'm' });
    }
    const out = c.issues(['a.csv']);
    expect(out.filter((i) => i.severity === 'error')).toHaveLength(2);
    expect(out.filter((i) => i.severity === 'warning')).toHaveLength(3);
  });
  it('orders issues by file, then row', () => {
    const c = new IssueCollector();
    c.add({ severity: 'error', file: 'b.csv', row: 3, rule: 'r', message: '' });
    c.add({ severity: 'error', file: 'a.csv', row: 5, rule: 'r', message: '' });
    c.add({ severity: 'error', file: 'a.csv', row: 2, rule: 's', message: '' });
    c.add({ severity: 'error', file: 'a.csv', rule: 't', message: '' });
    expect(c.issues(['a.csv', 'b.csv']).map((i) => `${i.file}:${i.row ?? ''}`)).toEqual([
      'a.csv:',
      'a.csv:2',
      'a.csv:5',
      'b.csv:3',
    ]);
  });
});

describe('validateDataset', () => {
  it('reports every error, capping each group with a summary line, and counts them all', async () => {
    const raw = await fixtureRaw();
    for (let row = 2; row <= 9; row++) setCell(raw, 'transactions', row, 'date', '2024/01/01');
    setCell(raw, 'projects', 2, 'title', null);
    const r = validateDataset(raw, { cap: 3 });
    expect(r.totals).toEqual({ errors: 9, warnings: 0 });
    expect(r.errors.map((e) => `${e.file}:${e.row ?? ''}:${e.rule}`)).toEqual([
      'projects.csv:2:required',
      'transactions.csv:2:date',
      'transactions.csv:3:date',
      'transactions.csv:4:date',
      'transactions.csv::date',
    ]);
    expect(r.errors.at(-1)!.message).toBe('…及另外 5 处同类错误(date)');
    expect(r.errors.at(-1)!.column).toBe('date');
  });

  it('loadDataset reads and validates a folder', async () => {
    const r = await loadDataset(FIXTURE);
    expect(r.ok).toBe(true);
    expect(r.metadata!.name).toBe('fixture-valid');
    expect(r.dataset!.communities.map((c) => c.community_id)).toEqual(['330482001001', '330482001002', '330482102201']);
  });

  it('gives typed rows with every field of the schema, nulls for empty cells', async () => {
    const r = await loadDataset(FIXTURE);
    const w = r.dataset!.workforce[0]!;
    expect(w).toEqual({
      community_id: '330482001001',
      period: '2024',
      social_workers_certified: 6,
      community_workers: 15,
      community_orgs_filed: 12,
      volunteers_registered: 1350,
      volunteer_hours: 8620.5,
      resident_leaders: 40,
    });
    expect(r.dataset!.communities[2]!.latitude).toBeNull();
  });
});
