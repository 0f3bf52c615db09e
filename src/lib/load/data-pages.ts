/** /data-quality/ and /data/: the warnings and the published files, from small queries. */
import { runQuery } from '../../db/build-database.ts';
import { MIN_RESPONDENTS, POPULATION_RATIO } from '../../schema/index.ts';
import { warningGroups, type WarningGroup } from '../data-quality.ts';
import { loadDatapackage } from '../datapackage-file.ts';
import { downloads, type Downloads } from '../downloads.ts';

/** /data-quality/: the warnings grouped by rule. */
export async function loadDataQuality(): Promise<{ groups: WarningGroup[]; total: number }> {
  const rows = await runQuery('quality_warnings');
  const targets = await runQuery('quality_warning_targets', [MIN_RESPONDENTS, POPULATION_RATIO]);
  const groups = warningGroups(rows, targets);
  return { groups, total: groups.reduce((s, g) => s + g.count, 0) };
}

/** /data/: the published files with sizes, digests and row counts. */
export async function loadDownloads(): Promise<Downloads & { datapackageFound: boolean }> {
  const counts = await runQuery('table_row_counts');
  const dp = await loadDatapackage();
  const rowCounts = Object.fromEntries(counts.map((c) => [c.table_name, c.row_count]));
  return { ...downloads(dp?.resources ?? [], rowCounts, dp?.facts ?? null), datapackageFound: dp !== null };
}
