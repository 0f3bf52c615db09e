/**
 * Publishes one validated release into a folder:
 *
 *   <out>/data/<table>.csv           UTF-8 with BOM, for Excel and WPS
 *   <out>/data/<table>.parquet       typed, zstd-compressed, for analysts
 *   <out>/data/<table>.arrow.gz      Arrow IPC stream, gzip: what DuckDB-wasm loads in the browser
 *   <out>/data/quality-report.json   the warnings of data standard §4
 *   <out>/data/datapackage.json      metadata, full schema, bytes and SHA-256 of every file
 *   <out>/gongkai.duckdb             the same tables for the site build (not published)
 *
 * The CSV written here is also what DuckDB loads, so the published CSV, the Parquet file and the
 * pages can never disagree.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type Dataset, type TableDef } from '../schema/index.ts';
import { frictionlessSchema } from '../schema/frictionless.ts';
import type { ReleaseMetadata } from '../schema/metadata.ts';
import { openNodeDatabase, type NodeDatabase } from '../db/node.ts';
import { createTableSql, csvColumnsSpec, quoteIdent, quoteLiteral } from '../db/ddl.ts';
import type { Issue } from '../validate/issues.ts';
import { arrowFileName } from '../db/browser-support.ts';
import { writeTableArrow } from './arrow.ts';
import { writeTableCsv } from './csv.ts';
import { XLSX_FILE, writeWorkbook } from './xlsx.ts';
import { fileFacts } from './files.ts';

export interface ReleaseInput {
  metadata: ReleaseMetadata;
  dataset: Dataset;
  warnings: readonly Issue[];
  /** Receives the time each kind of file took, summed over tables (for the build's figures). */
  log?: (line: string) => void;
}

export interface PublishedRelease {
  dataDir: string;
  databasePath: string;
  datapackage: Record<string, unknown>;
}

export const DATABASE_FILE = 'gongkai.duckdb';

export const QUALITY_REPORT_FILE = 'quality-report.json';

export async function publishRelease(
  input: ReleaseInput,
  outDir: string,
  builtAt = new Date(),
): Promise<PublishedRelease> {
  const dataDir = join(outDir, 'data');
  await mkdir(dataDir, { recursive: true });
  const databasePath = join(outDir, DATABASE_FILE);
  const db = await openNodeDatabase(databasePath);
  try {
    const resources: Record<string, unknown>[] = [];
    const spent: Record<string, number> = {};
    const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      try {
        return await fn();
      } finally {
        spent[step] = (spent[step] ?? 0) + performance.now() - start;
      }
    };
    for (const table of TABLES as readonly TableDef[]) {
      const rows = input.dataset[table.name as keyof Dataset] as readonly object[];
      const csvPath = join(dataDir, `${table.name}.csv`);
      const parquetPath = join(dataDir, `${table.name}.parquet`);
      await timed('csv', () => writeTableCsv(csvPath, table, rows));
      await timed('duckdb', () => loadTable(db, table, csvPath));
      await timed('parquet', () =>
        db.exec(`COPY ${quoteIdent(table.name)} TO ${quoteLiteral(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`),
      );
      const arrowPath = join(dataDir, arrowFileName(table.name));
      await timed('arrow', () => writeTableArrow(db, table, arrowPath));
      const schema = frictionlessSchema(table);
      const common = { title: table.label, description: table.description, schema, rowCount: rows.length };
      resources.push({
        name: table.name,
        path: `${table.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        ...common,
        ...(await fileFacts(csvPath)),
      });
      resources.push({
        name: `${table.name}_parquet`,
        path: `${table.name}.parquet`,
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        ...common,
        ...(await fileFacts(parquetPath)),
      });
      resources.push({
        name: `${table.name}_arrow`,
        path: arrowFileName(table.name),
        format: 'arrow',
        mediatype: 'application/vnd.apache.arrow.stream',
        compression: 'gz',
        ...common,
        description: `${table.description}(Arrow IPC 流,gzip 压缩:供本站“数据查询”在浏览器中加载。)`,
        ...(await fileFacts(arrowPath)),
      });
    }

    const workbookPath = join(dataDir, XLSX_FILE);
    const workbook = await timed('xlsx', () =>
      writeWorkbook(workbookPath, TABLES as readonly TableDef[], input.dataset),
    );
    resources.push({
      name: 'workbook',
      path: XLSX_FILE,
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      title: 'Excel 工作簿',
      description:
        '全部表格的 Excel 版本：每表一个工作表，中文表头和中文选项，代码为文本格式。' +
        (workbook.omitted.length
          ? `行数过多（超过20万行）、未收入工作簿的表：${workbook.omitted.join('、')}（请用 CSV 或 Parquet）。`
          : ''),
      sheets: workbook.included,
      ...(await fileFacts(workbookPath)),
    });
    input.log?.(
      `publish steps: ${Object.entries(spent)
        .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
        .join(', ')}`,
    );
    const report = qualityReport(input.warnings, builtAt);
    const reportPath = join(dataDir, QUALITY_REPORT_FILE);
    await writeFile(reportPath, JSON.stringify(report, null, 1));
    await loadQualityWarnings(db, reportPath);
    resources.push({
      name: 'quality_report',
      path: QUALITY_REPORT_FILE,
      format: 'json',
      mediatype: 'application/json',
      title: '数据质量报告',
      description: '数据标准第4节规定的警告:随数据一起公开,不阻止发布。',
      ...(await fileFacts(reportPath)),
    });

    const datapackage = buildDatapackage(input.metadata, resources, builtAt);
    await writeFile(join(dataDir, 'datapackage.json'), JSON.stringify(datapackage, null, 2));
    await loadRelease(db, input.metadata, builtAt);
    await db.exec('CHECKPOINT');
    return { dataDir, databasePath, datapackage };
  } finally {
    await db.close();
  }
}

async function loadTable(db: NodeDatabase, table: TableDef, csvPath: string): Promise<void> {
  await db.exec(createTableSql(table));
  await db.exec(
    `INSERT INTO ${quoteIdent(table.name)} SELECT * FROM read_csv(${quoteLiteral(csvPath)}, header = true, ` +
      `auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${csvColumnsSpec(table)})`,
  );
}

export interface QualityReport {
  generated: string;
  warningCount: number;
  byRule: Record<string, number>;
  warnings: readonly Issue[];
}

export function qualityReport(warnings: readonly Issue[], builtAt: Date): QualityReport {
  const byRule: Record<string, number> = {};
  for (const w of warnings) byRule[w.rule] = (byRule[w.rule] ?? 0) + 1;
  return { generated: builtAt.toISOString(), warningCount: warnings.length, byRule, warnings };
}

async function loadQualityWarnings(db: NodeDatabase, reportPath: string): Promise<void> {
  await db.exec(
    `CREATE TABLE quality_warnings (file VARCHAR, "row" INTEGER, "column" VARCHAR, field VARCHAR, rule VARCHAR, message VARCHAR)`,
  );
  await db.exec(
    `INSERT INTO quality_warnings SELECT w.file, w.row, w.column, w.field, w.rule, w.message ` +
      `FROM (SELECT unnest(warnings, recursive := true) FROM read_json(${quoteLiteral(reportPath)}, ` +
      `columns = {warnings: 'STRUCT(file VARCHAR, "row" INTEGER, "column" VARCHAR, field VARCHAR, rule VARCHAR, message VARCHAR)[]'})) AS w`,
  );
}

async function loadRelease(db: NodeDatabase, m: ReleaseMetadata, builtAt: Date): Promise<void> {
  await db.exec(
    `CREATE TABLE release (name VARCHAR, title VARCHAR, version VARCHAR, created DATE, publisher_name VARCHAR, ` +
      `publisher_contact VARCHAR, license VARCHAR, coverage_area VARCHAR, period_start DATE, period_end DATE, ` +
      `sample BOOLEAN, built_at TIMESTAMP)`,
  );
  await db.query(`INSERT INTO release VALUES (?, ?, ?, ?::DATE, ?, ?, ?, ?, ?::DATE, ?::DATE, ?, ?::TIMESTAMP)`, [
    m.name,
    m.title,
    m.version,
    m.created,
    m.publisher.name,
    m.publisher.contact ?? null,
    m.licenses?.[0]?.name ?? null,
    m.coverage?.area ?? null,
    m.coverage?.period_start ?? null,
    m.coverage?.period_end ?? null,
    m.sample ?? false,
    builtAt.toISOString(),
  ]);
}

function buildDatapackage(
  m: ReleaseMetadata,
  resources: Record<string, unknown>[],
  builtAt: Date,
): Record<string, unknown> {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    ...m,
    sample: m.sample ?? false,
    published: builtAt.toISOString(),
    standard: { name: '社区公开数据标准', version: '1.0' },
    resources,
  };
}
