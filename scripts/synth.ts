/**
 * Writes a deterministic dataset.
 *
 *   node scripts/synth.ts --out data/sample                          the Pinghu sample (136 communities)
 *   node scripts/synth.ts --communities 10000 --out /tmp/synth10k    N communities from the national list
 *   options: --seed <int>   (default 20250630)
 *
 * Exit codes: 0 written, 1 failed, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  CsvDirectorySink,
  DEFAULT_SEED,
  NATIONAL_COUNT,
  dataPackage,
  generate,
  writeDataPackage,
  type SynthOptions,
} from '../src/synth/index.ts';

const USAGE = `usage: node scripts/synth.ts --out <dir> [--communities <n>] [--seed <int>]
  without --communities: the Pinghu sample (平湖市, 136 communities)
  with --communities n:  n communities drawn from the national list (1 … ${NATIONAL_COUNT})`;

function fail(message: string, code: number): never {
  process.stderr.write(`synth: ${message}\n`);
  process.exit(code);
}

function parseInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a non-negative integer, got "${value}"\n${USAGE}`, 2);
  return Number(value);
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        communities: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  if (args.values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const out = args.values.out;
  if (!out) fail(`--out is required\n${USAGE}`, 2);
  const communities = parseInteger('communities', args.values.communities);
  const seed = parseInteger('seed', args.values.seed) ?? DEFAULT_SEED;
  if (seed > 0xffffffff) fail('--seed must fit in 32 bits', 2);
  if (communities !== undefined && (communities < 1 || communities > NATIONAL_COUNT)) {
    fail(`--communities must be between 1 and ${NATIONAL_COUNT}`, 2);
  }
  const options: SynthOptions =
    communities === undefined ? { mode: 'pinghu', seed } : { mode: 'synthetic', seed, communities };

  const t0 = performance.now();
  const sink = new CsvDirectorySink(out);
  let counts;
  try {
    counts = generate(options, sink);
  } finally {
    sink.close();
  }
  writeDataPackage(out, dataPackage(options));
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const summary = Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  process.stdout.write(`synth: wrote ${out} (${options.mode}, seed ${seed}): ${summary} in ${seconds} s\n`);
}

try {
  main();
} catch (e) {
  fail(e instanceof Error ? (e.stack ?? e.message) : String(e), 1);
}
