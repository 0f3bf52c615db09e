/**
 * `npm run validate -- <dir>`: checks a publisher's folder against the data standard.
 *
 * Prints every error, then every warning, as `file:row:column: message`, then a summary line.
 * Exit code: 0 = valid (warnings allowed), 1 = errors (or a crash), 2 = usage error.
 */
import { statSync } from 'node:fs';
import { TABLES } from '../src/schema/index.ts';
import { formatIssue, validateFolder } from '../src/validate/index.ts';

const USAGE = '用法: npm run validate -- <数据文件夹>';

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dir = args[0]!;
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
  } catch {
    process.stderr.write(`不是一个文件夹: ${dir}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const result = await validateFolder(dir, { cap: 1000, warningCap: 1000 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const lines: string[] = [];
  if (result.errors.length > 0) lines.push(`错误 (${result.totals.errors}):`, ...result.errors.map(formatIssue));
  if (result.warnings.length > 0) lines.push(`警告 (${result.totals.warnings}):`, ...result.warnings.map(formatIssue));
  const perTable = TABLES.map((t) => `${t.name} ${result.counts[t.name]}`).join(', ');
  lines.push(
    `${result.ok ? '通过' : '未通过'}: ${dir}: ${perTable} 行; ${result.totals.errors} 个错误, ${result.totals.warnings} 个警告 (${seconds} 秒)`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
