/**
 * npm run build — validate the data folder, publish it and build the site, all or nothing.
 *
 *   DATA_DIR=<publisher folder>  (default data/sample)
 *   OUT_DIR=<site folder>        (default dist)
 *   WORK_DIR=<scratch>           (default .build; keeps the last good database for astro dev)
 *   DATA_ONLY=1                  publish the data without building pages
 */
import { buildSite } from '../src/build/pipeline.ts';
import { formatIssue } from '../src/validate/issues.ts';

const dataDir = process.env['DATA_DIR'] ?? 'data/sample';
const outDir = process.env['OUT_DIR'] ?? 'dist';
const started = performance.now();
console.log(`构建 Building from ${dataDir} → ${outDir}`);

const result = await buildSite({
  dataDir,
  outDir,
  workDir: process.env['WORK_DIR'] ?? '.build',
  dataOnly: process.env['DATA_ONLY'] === '1',
  log: (line) => console.log(`  ${line}`),
});

if (!result.ok) {
  for (const e of result.errors) console.error(formatIssue(e));
  if (result.message) console.error(result.message);
  console.error(
    `\n构建失败 Build failed at ${result.stage}: ${result.errors.length} errors. ${outDir} was left as it was.`,
  );
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`完成 Built in ${seconds} s with ${result.warnings.length} data-quality warnings.`);
