/**
 * One test per rule: each breaks only that rule in a copy of the valid fixture and asserts the
 * exact located issue (file, row, column, rule) and that nothing else is reported.
 */
import { describe, expect, it } from 'vitest';
import type { TableName } from '../../../src/schema/index.ts';
import type { RawDataset } from '../../../src/ingest/read-dataset.ts';
import { validateDataset, type ValidationResult } from '../../../src/validate/index.ts';
import { fixtureRaw, getCell, located, setCell } from './helpers.ts';

type Edit = [table: TableName, row: number, field: string, value: string | null];

async function run(edits: Edit[], tweak?: (raw: RawDataset) => void): Promise<ValidationResult> {
  const raw = await fixtureRaw();
  for (const [t, r, f, v] of edits) setCell(raw, t, r, f, v);
  tweak?.(raw);
  return validateDataset(raw);
}

/** Expect exactly one error, at this place, and no warning. */
async function onlyError(
  edits: Edit[],
  file: string,
  row: number,
  column: string,
  rule: string,
  tweak?: (raw: RawDataset) => void,
) {
  const r = await run(edits, tweak);
  expect(located(r.errors)).toEqual([{ file, row, column, rule }]);
  expect(located(r.warnings)).toEqual([]);
  expect(r.ok).toBe(false);
  expect(r.dataset).toBeNull();
  return r.errors[0]!;
}

/** Expect no error and exactly one warning, at this place. */
async function onlyWarning(edits: Edit[], file: string, row: number, column: string, rule: string) {
  const r = await run(edits);
  expect(located(r.errors)).toEqual([]);
  expect(located(r.warnings)).toEqual([{ file, row, column, rule }]);
  expect(r.ok).toBe(true);
  expect(r.dataset).not.toBeNull();
  return r.warnings[0]!;
}

describe('the valid fixture', () => {
  it('validates with zero errors and zero warnings', async () => {
    const r = await run([]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts).toEqual({
      communities: 3,
      organizations: 3,
      proposals: 2,
      projects: 3,
      transactions: 8,
      surveys: 4,
      workforce: 3,
    });
    expect(r.dataset!.projects[0]).toMatchObject({
      project_id: 'P2024-001',
      budget: 80000,
      status: 'completed',
      end_date: '2024-12-31',
      summary: '为独居老人提供探访服务',
      proposal_id: null,
    });
    expect(r.dataset!.transactions[7]).toMatchObject({
      amount: 1600,
      donor_count: 12,
      source: 'individual_donation',
      expense_category: null,
    });
  });
});

describe('cell rules', () => {
  it('required', async () => {
    await onlyError([['projects', 2, 'title', null]], 'projects.csv', 2, 'title', 'required');
  });
  it('enum', async () => {
    await onlyError([['projects', 2, 'category', '养老']], 'projects.csv', 2, 'category', 'enum');
  });
  it('type', async () => {
    await onlyError([['communities', 2, 'households', '约三千']], 'communities.csv', 2, 'households', 'type');
  });
  it('unit', async () => {
    await onlyError([['projects', 3, 'budget', '9万']], 'projects.csv', 3, 'budget', 'unit');
  });
  it('decimals', async () => {
    await onlyError([['transactions', 4, 'amount', '30500.505']], 'transactions.csv', 4, 'amount', 'decimals');
  });
  it('date', async () => {
    await onlyError([['transactions', 3, 'date', '2024-02-30']], 'transactions.csv', 3, 'date', 'date');
  });
  it('period', async () => {
    await onlyError([['surveys', 5, 'period', '2025年3月']], 'surveys.csv', 5, 'period', 'period');
  });
  it('pattern', async () => {
    await onlyError(
      [
        ['organizations', 3, 'community_id', null],
        ['communities', 3, 'community_id', '33048200100'],
      ],
      'communities.csv',
      3,
      'community_id',
      'pattern',
    );
  });
  it('range', async () => {
    await onlyError([['projects', 2, 'progress_pct', '101']], 'projects.csv', 2, 'progress_pct', 'range');
  });
  it('integer', async () => {
    await onlyError([['projects', 2, 'beneficiaries', '12.5']], 'projects.csv', 2, 'beneficiaries', 'integer');
  });
});

describe('keys', () => {
  it('pk-duplicate', async () => {
    const e = await onlyError(
      [['transactions', 3, 'transaction_id', 'T0001']],
      'transactions.csv',
      3,
      'transaction_id',
      'pk-duplicate',
    );
    expect(e.message).toContain('第 2 行');
  });
  it('pk-duplicate names the first row of each key, also for keys added after the first duplicate', async () => {
    const r = await run([
      ['transactions', 4, 'transaction_id', 'T0002'],
      ['transactions', 7, 'transaction_id', 'T0005'],
      ['transactions', 9, 'transaction_id', 'T0002'],
    ]);
    expect(r.errors.map((e) => [e.row, e.rule, /第 (\d+) 行/.exec(e.message)?.[1]])).toEqual([
      [4, 'pk-duplicate', '3'],
      [7, 'pk-duplicate', '6'],
      [9, 'pk-duplicate', '3'],
    ]);
  });
  it('pk-duplicate on a composite key (survey_id, dimension)', async () => {
    await onlyError([['surveys', 3, 'dimension', 'overall']], 'surveys.csv', 3, 'dimension', 'pk-duplicate');
  });
  it('pk-duplicate on a composite key (community_id, period)', async () => {
    await onlyError([['workforce', 3, 'period', '2024']], 'workforce.csv', 3, 'period', 'pk-duplicate');
  });
  it('a composite key is not duplicated when only one part repeats', async () => {
    const r = await run([['workforce', 4, 'period', '2025-Q2']]);
    expect(r.errors).toEqual([]);
  });
  it('fk', async () => {
    const e = await onlyError([['surveys', 4, 'project_id', 'P9999']], 'surveys.csv', 4, 'project_id', 'fk');
    expect(e.message).toContain('「P9999」');
  });
  it('fk to organizations and communities', async () => {
    await onlyError([['projects', 3, 'operator_org_id', 'NOPE']], 'projects.csv', 3, 'operator_org_id', 'fk');
    await onlyError([['workforce', 4, 'community_id', '330482999999']], 'workforce.csv', 4, 'community_id', 'fk');
  });
  it('fk to an optional table that is absent', async () => {
    const e = await onlyError([], 'projects.csv', 4, 'proposal_id', 'fk', (raw) => delete raw.tables.proposals);
    expect(e.message).toContain('没有这张表');
  });
  it('an fk to a row that is wrong in some other cell still resolves', async () => {
    const r = await run([['projects', 2, 'status', '??']]);
    expect(located(r.errors)).toEqual([{ file: 'projects.csv', row: 2, column: 'status', rule: 'enum' }]);
  });
});

describe('cross-field rules', () => {
  it('end_date ≥ start_date', async () => {
    await onlyError([['projects', 2, 'end_date', '2024-02-29']], 'projects.csv', 2, 'end_date', 'date-order');
    const same = await run([['projects', 2, 'end_date', '2024-03-01']]);
    expect(same.errors).toEqual([]);
  });
  it('evaluated_on required when evaluation is given', async () => {
    await onlyError([['projects', 2, 'evaluated_on', null]], 'projects.csv', 2, 'evaluated_on', 'evaluation-date');
  });
  it('continues_project_id must not point at itself', async () => {
    await onlyError(
      [['projects', 3, 'continues_project_id', 'P2025-001']],
      'projects.csv',
      3,
      'continues_project_id',
      'self-reference',
    );
  });
  it('a chain of continued projects must not loop back on itself', async () => {
    const e = await onlyError(
      [['projects', 2, 'continues_project_id', 'P2025-001']],
      'projects.csv',
      2,
      'continues_project_id',
      'continuation-cycle',
    );
    expect(e.message).toContain('循环');
  });
  it('satisfied ≤ respondents', async () => {
    await onlyError(
      [['surveys', 2, 'satisfied', '321']],
      'surveys.csv',
      2,
      'satisfied',
      'satisfied-exceeds-respondents',
    );
    expect((await run([['surveys', 2, 'satisfied', '320']])).errors).toEqual([]);
  });
  it('mean_score requires scale_max', async () => {
    await onlyError([['surveys', 2, 'scale_max', null]], 'surveys.csv', 2, 'scale_max', 'mean-score-scale');
  });
  it('mean_score ≤ scale_max', async () => {
    await onlyError([['surveys', 2, 'mean_score', '5.5']], 'surveys.csv', 2, 'mean_score', 'mean-score-scale');
  });
  it('mean_score ≥ 1', async () => {
    await onlyError([['surveys', 2, 'mean_score', '0.5']], 'surveys.csv', 2, 'mean_score', 'range');
  });
  it('scale_max ∈ {5, 10, 100}', async () => {
    await onlyError([['surveys', 2, 'scale_max', '7']], 'surveys.csv', 2, 'scale_max', 'scale-max');
    await onlyError([['surveys', 3, 'scale_max', '7']], 'surveys.csv', 3, 'scale_max', 'scale-max');
  });
  it('scale_max without mean_score is fine', async () => {
    expect((await run([['surveys', 3, 'scale_max', '5']])).errors).toEqual([]);
  });
  it('stage_on ≥ raised_on', async () => {
    await onlyError([['proposals', 2, 'stage_on', '2024-01-07']], 'proposals.csv', 2, 'stage_on', 'date-order');
  });
  it('income needs a source', async () => {
    await onlyError([['transactions', 2, 'source', null]], 'transactions.csv', 2, 'source', 'transaction-source');
  });
  it('expenditure has no source', async () => {
    await onlyError([['transactions', 3, 'source', 'fiscal']], 'transactions.csv', 3, 'source', 'transaction-source');
  });
  it('expenditure needs an expense category', async () => {
    await onlyError(
      [['transactions', 3, 'expense_category', null]],
      'transactions.csv',
      3,
      'expense_category',
      'transaction-expense-category',
    );
  });
  it('income has no expense category', async () => {
    await onlyError(
      [['transactions', 2, 'expense_category', 'activities']],
      'transactions.csv',
      2,
      'expense_category',
      'transaction-expense-category',
    );
  });
  it("a transaction's project belongs to its community", async () => {
    const e = await onlyError(
      [['transactions', 8, 'community_id', '330482102201']],
      'transactions.csv',
      8,
      'project_id',
      'project-community',
    );
    expect(e.message).toContain('330482001001');
  });
  it('donor_count only with individual_donation or crowdfunding', async () => {
    await onlyError([['transactions', 6, 'donor_count', '5']], 'transactions.csv', 6, 'donor_count', 'donor-count');
    await onlyError([['transactions', 3, 'donor_count', '5']], 'transactions.csv', 3, 'donor_count', 'donor-count');
  });
  it('an 18-character org_id must be a valid unified social credit code', async () => {
    const bad = '91330482MA2B3C4D5X';
    const e = await onlyError(
      [
        ['organizations', 3, 'org_id', bad],
        ['transactions', 7, 'counterparty_org_id', bad],
      ],
      'organizations.csv',
      3,
      'org_id',
      'uscc',
    );
    expect(e.message).toContain('校验位应为 Y');
  });
  it('other lengths are local numbers', async () => {
    const local = '平湖社组备2023-0001';
    const r = await run([
      ['organizations', 4, 'org_id', local],
      ['projects', 4, 'operator_org_id', local],
    ]);
    expect(r.errors).toEqual([]);
  });
});

describe('warnings', () => {
  it('project expenditure above its income', async () => {
    const w = await onlyWarning(
      [['transactions', 2, 'amount', '70000']],
      'projects.csv',
      2,
      'project_id',
      'project-expenditure-over-income',
    );
    expect(w.message).toContain('75,500.50');
    expect(w.message).toContain('70,000.00');
  });
  it('project expenditure above its budget', async () => {
    await onlyWarning(
      [['projects', 2, 'budget', '75000']],
      'projects.csv',
      2,
      'budget',
      'project-expenditure-over-budget',
    );
  });
  it('completed project with no expenditure', async () => {
    await onlyWarning([['transactions', 7, 'project_id', null]], 'projects.csv', 4, 'status', 'project-no-expenditure');
  });
  it('survey with fewer than 30 respondents', async () => {
    await onlyWarning(
      [
        ['surveys', 5, 'respondents', '29'],
        ['surveys', 5, 'satisfied', '20'],
      ],
      'surveys.csv',
      5,
      'respondents',
      'survey-small-sample',
    );
    expect(
      (
        await run([
          ['surveys', 5, 'respondents', '30'],
          ['surveys', 5, 'satisfied', '20'],
        ])
      ).warnings,
    ).toEqual([]);
  });
  it('registered population above 1.5 × resident population', async () => {
    await onlyWarning(
      [['communities', 4, 'registered_population', '3901']],
      'communities.csv',
      4,
      'registered_population',
      'population-ratio',
    );
    expect((await run([['communities', 4, 'registered_population', '3900']])).warnings).toEqual([]);
  });
  it('no expenditure warning from sums that a bad transaction makes unknown', async () => {
    const r = await run([
      ['transactions', 3, 'amount', 'abc'],
      ['transactions', 4, 'amount', 'abc'],
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('a bad cell is reported once', () => {
  it('does not set off rules that need it', async () => {
    expect(getCell(await fixtureRaw(), 'projects', 2, 'end_date')).toBe('2024-12-31');
    const r = await run([['projects', 2, 'start_date', '2024-13-01']]);
    expect(located(r.errors)).toEqual([{ file: 'projects.csv', row: 2, column: 'start_date', rule: 'date' }]);
  });
});
