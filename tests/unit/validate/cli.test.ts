import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURE } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');

function cli(...args: string[]) {
  const r = spawnSync(NODE, ['scripts/validate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scripts/validate.ts', () => {
  it('exits 0 on the valid fixture, with a summary line', () => {
    const r = cli(FIXTURE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /communities 3, organizations 3, proposals 2, projects 3, transactions 8, surveys 4, workforce 3 行; 0 个错误, 0 个警告/,
    );
  });

  it('exits 1 on a bad folder, printing located errors first, then warnings', () => {
    const dir = copyFixture();
    const tx = readFileSync(join(dir, 'transactions.csv'), 'utf8').replace(',30500.5,', ',3万,');
    writeFileSync(join(dir, 'transactions.csv'), tx);
    const sv = readFileSync(join(dir, 'surveys.csv'), 'utf8').replace(
      'S2025-01,330482102201,,2025-03,overall,60,51',
      'S2025-01,330482102201,,2025-03,overall,20,51',
    );
    writeFileSync(join(dir, 'surveys.csv'), sv);
    const r = cli(dir);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toEqual([
      '错误 (2):',
      expect.stringMatching(/^transactions\.csv:4:amount: 「3万」不能带单位/),
      expect.stringMatching(/^surveys\.csv:5:satisfied: 满意人数 51 超过了有效样本 20$/),
      '警告 (1):',
      expect.stringMatching(/^surveys\.csv:5:respondents: /),
      expect.stringMatching(/^未通过: .*2 个错误, 1 个警告/),
    ]);
  });

  it('exits 2 on a usage error', () => {
    expect(cli().code).toBe(2);
    expect(cli('/nonexistent/folder').code).toBe(2);
  });
});
