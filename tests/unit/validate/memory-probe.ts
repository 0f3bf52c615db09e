/**
 * Run in a child process with --expose-gc by memory.test.ts: validates a copy of the valid fixture
 * whose transactions table has `rows` rows of long text, and prints the live heap (after a full
 * collection) at every piece of rows validation hands on — what validation keeps, not what it
 * has yet to collect.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFolder } from '../../../src/validate/index.ts';

const rows = Number(process.argv[2]);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

/** `rows` transactions of the fixture's first project, each with 1,000 characters of purpose. */
function writeTransactions(path: string, fixtureCsv: string): void {
  const header = readFileSync(fixtureCsv, 'utf8').split('\n')[0]!;
  // Far more text than the row's key, which is all validation may keep of it.
  const purpose = '社区居民议事协商服务经费'.repeat(84).slice(0, 1000);
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const id = `T${String(i).padStart(8, '0')}`;
    lines.push(`${id},2024-03-05,330482001001,P2024-001,income,government_purchase,,,平湖市民政局,,80,${purpose}${i},`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const fixture = new URL('../../fixtures/valid/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-memory-'));
try {
  cpSync(fixture, dir, { recursive: true });
  writeTransactions(join(dir, 'transactions.csv'), join(fixture, 'transactions.csv'));

  const live: number[] = [];
  const result = await validateFolder(dir, {
    sink: {
      beginTable: () => {},
      rows: (table) => {
        if (table.name !== 'transactions') return;
        gc();
        live.push(process.memoryUsage().heapUsed);
      },
      endTable: () => {},
    },
  });
  process.stdout.write(JSON.stringify({ ok: result.ok, rows: result.counts.transactions, live }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
