/**
 * Issue 10's indicators as published data: src/queries/indicators.sql run over the build database
 * once, written beside the tables as
 *
 *   <out>/data/indicators.csv       UTF-8 with BOM, CRLF, English header (as every published CSV)
 *   <out>/data/indicators.parquet   zstd-compressed
 *
 * and described in datapackage.json with their schema (INDICATOR_COLUMNS, the keys and Chinese
 * names of INDICATOR_LIST). This runs in plain Node, outside Vite: the query is read with fs.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { NodeDatabase } from '../db/node.ts';
import { bindConstants } from '../db/bind-constants.ts';
import { quoteLiteral } from '../db/ddl.ts';
import { nodeSqlOf } from '../queries/node-files.ts';
import { MIN_RESPONDENTS } from '../schema/thresholds.ts';
import { INDICATOR_COLUMNS, INDICATOR_LIST, INDICATOR_PRIMARY_KEY, INDICATOR_SCOPES } from '../lib/indicators.ts';
import type { FrictionlessSchema } from '../schema/frictionless.ts';
import { csvCell, UTF8_BOM } from './csv.ts';
import { fileFacts } from './files.ts';

export const INDICATORS_CSV = 'indicators.csv';
export const INDICATORS_PARQUET = 'indicators.parquet';

/** Rows read into JavaScript at a time while the CSV is written. */
const BATCH_ROWS = 50_000;

/** indicators.sql with its parameters bound, as the page store binds them (src/lib/load/stores.ts). */
export function indicatorsQuery(): string {
  return bindConstants(nodeSqlOf('indicators'), [MIN_RESPONDENTS]).replace(/;\s*$/, '');
}

/** The Frictionless Table Schema of indicators.csv and indicators.parquet. */
export function indicatorsSchema(): FrictionlessSchema {
  return {
    fields: INDICATOR_COLUMNS.map((c) => {
      const field: FrictionlessSchema['fields'][number] = {
        name: c.name,
        title: c.label,
        type: c.type,
        description: c.description,
      };
      if (c.name === 'scope') {
        field.constraints = { required: true, enum: Object.keys(INDICATOR_SCOPES) };
        field.categories = Object.entries(INDICATOR_SCOPES).map(([value, label]) => ({ value, label }));
      } else if (c.name === 'indicator') {
        field.constraints = { required: true, enum: INDICATOR_LIST.map((d) => d.key) };
        field.categories = INDICATOR_LIST.map((d) => ({ value: d.key, label: d.name }));
        field.description =
          `${c.description}各代码的中文名:` + INDICATOR_LIST.map((d) => `${d.key} ${d.name}`).join(';') + '。';
      } else if (c.name === 'scope_id' || c.name === 'year') {
        field.constraints = { required: true };
      }
      return field;
    }),
    primaryKey: [...INDICATOR_PRIMARY_KEY],
    foreignKeys: [],
    missingValues: [''],
  };
}

/** Writes indicators.csv and indicators.parquet into `dataDir`; returns the number of rows. */
export async function writeIndicators(db: NodeDatabase, dataDir: string): Promise<number> {
  const columns = INDICATOR_COLUMNS.map((c) => c.name);
  // Materialized once, numbered in the query's order: both files read the same rows.
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE published_indicators AS ` +
      `SELECT CAST(row_number() OVER () AS BIGINT) AS n, q.* FROM (\n${indicatorsQuery()}\n) AS q`,
  );
  try {
    await db.exec(
      `COPY (SELECT ${columns.join(', ')} FROM published_indicators ORDER BY n) ` +
        `TO ${quoteLiteral(join(dataDir, INDICATORS_PARQUET))} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const counted = await db.query<{ rows: number }>(`SELECT count(*)::INTEGER AS rows FROM published_indicators`);
    const rows = counted[0]?.rows ?? 0;
    const out = createWriteStream(join(dataDir, INDICATORS_CSV), { encoding: 'utf8' });
    const done = once(out, 'finish');
    out.write(`${UTF8_BOM}${columns.join(',')}\r\n`);
    for (let from = 0; from < rows; from += BATCH_ROWS) {
      const batch = await db.query<Record<string, unknown>>(
        `SELECT ${columns.join(', ')} FROM published_indicators WHERE n > ? AND n <= ? ORDER BY n`,
        [from, from + BATCH_ROWS],
      );
      const lines = batch.map((r) => columns.map((c) => csvCell(r[c])).join(',') + '\r\n');
      if (!out.write(lines.join(''))) await once(out, 'drain');
    }
    out.end();
    await done;
    return rows;
  } finally {
    await db.exec('DROP TABLE IF EXISTS published_indicators');
  }
}

/** The two resources of datapackage.json, with the facts of their files. */
export async function indicatorResources(dataDir: string, rowCount: number): Promise<Record<string, unknown>[]> {
  const common = {
    title: '指标',
    description:
      '每个社区、街道(乡镇)和县级市(区)每年的指标(长表,由 src/queries/indicators.sql 计算);比例是 0 至 1 的小数。' +
      '指标代码、中文名和公式见数据字典。',
    schema: indicatorsSchema(),
    rowCount,
  };
  return [
    {
      name: 'indicators',
      path: INDICATORS_CSV,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      ...common,
      ...(await fileFacts(join(dataDir, INDICATORS_CSV))),
    },
    {
      name: 'indicators_parquet',
      path: INDICATORS_PARQUET,
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...common,
      ...(await fileFacts(join(dataDir, INDICATORS_PARQUET))),
    },
  ];
}
