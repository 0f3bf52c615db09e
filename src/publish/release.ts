/**
 * Publishes one validated release into a folder:
 *
 *   <out>/data/<table>.csv           UTF-8 with BOM, for Excel and WPS (staged during validation)
 *   <out>/data/<table>.parquet       typed, zstd-compressed, for analysts
 *   <out>/data/<table>.arrow.gz      Arrow IPC stream, gzip: what DuckDB-wasm loads in the browser
 *   <out>/data/indicators.csv, .parquet   issue 10's indicators (src/publish/indicators.ts)
 *   <out>/data/gongkai*.xlsx         the workbooks (large tables split into numbered files)
 *   <out>/data/quality-report.json   the warnings of data standard §4
 *   <out>/data/datapackage.json      metadata, full schema, bytes and SHA-256 of every file
 *   <out>/gongkai.duckdb             the same tables for the site build (not published)
 *
 * The CSV files were written by validation as it streamed the rows (src/publish/staging.ts); here
 * DuckDB loads them, so the published CSV, the Parquet file, the Arrow file and the pages can never
 * disagree. The workbooks are written from the same CSV files on a worker thread meanwhile.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TABLES, type TableDef, type TableName } from '../schema/index.ts';
import { frictionlessSchema } from '../schema/frictionless.ts';
import type { ReleaseMetadata } from '../schema/metadata.ts';
import { openNodeDatabase, type NodeDatabase } from '../db/node.ts';
import { createTableSql, csvColumnsSpec, quoteIdent, quoteLiteral } from '../db/ddl.ts';
import type { Issue } from '../validate/issues.ts';
import { arrowFileName } from '../db/browser-support.ts';
import { startTableArrow } from './arrow.ts';
import { stagedCsvPath, type StagedRelease } from './staging.ts';
import { XLSX_MAX_DATA_ROWS, type WorkbookFile } from './xlsx.ts';
import { writeWorkbooksInWorkers } from './xlsx-worker.ts';
import { fileFacts } from './files.ts';
import { indicatorResources, writeIndicators } from './indicators.ts';

export interface ReleaseInput {
  metadata: ReleaseMetadata;
  /** The validated tables, staged as the published CSV files. */
  staged: StagedRelease;
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

type Resource = Record<string, unknown>;

/** The table resources (CSV, Parquet, Arrow) of datapackage.json, with the facts of their files. */
async function tableResources(dataDir: string, table: TableDef, rowCount: number): Promise<Resource[]> {
  const common = {
    title: table.label,
    description: table.description,
    schema: frictionlessSchema(table),
    rowCount,
  };
  return [
    {
      name: table.name,
      path: `${table.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      ...common,
      ...(await fileFacts(join(dataDir, `${table.name}.csv`))),
    },
    {
      name: `${table.name}_parquet`,
      path: `${table.name}.parquet`,
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...common,
      ...(await fileFacts(join(dataDir, `${table.name}.parquet`))),
    },
    {
      name: `${table.name}_arrow`,
      path: arrowFileName(table.name),
      format: 'arrow',
      mediatype: 'application/vnd.apache.arrow.stream',
      compression: 'gz',
      ...common,
      description: `${table.description}(Arrow IPC 流,gzip 压缩:供本站“数据查询”在浏览器中加载。)`,
      ...(await fileFacts(join(dataDir, arrowFileName(table.name)))),
    },
  ];
}

/** `transactions` → `资金表第 1–200000 行`. */
function sheetText(s: WorkbookFile['sheets'][number], tableRows: number): string {
  const label = TABLES.find((t) => t.name === s.table)?.label ?? s.table;
  if (s.rows === tableRows) return `${label}`;
  return `${label}表第 ${s.firstRow}–${s.firstRow + s.rows - 1} 行`;
}

/** The resources of the workbooks: each file, the sheets it holds, and where the split tables went. */
export async function workbookResources(
  dataDir: string,
  files: readonly WorkbookFile[],
  rowCounts: Readonly<Record<TableName, number>>,
): Promise<Resource[]> {
  const resources: Resource[] = [];
  const split = [...new Set(files.slice(1).map((f) => f.sheets[0]!.table))];
  const splitNote = (name: string) =>
    `${TABLES.find((t) => t.name === name)?.label ?? name}表(${rowCounts[name as TableName]} 行)分为 ` +
    files
      .filter((f) => f.sheets.some((s) => s.table === name) && f !== files[0])
      .map((f) => f.file)
      .join('、');
  for (const [index, f] of files.entries()) {
    const sheets = f.sheets.map((s) => sheetText(s, rowCounts[s.table as TableName]));
    const main = index === 0;
    const description = main
      ? `全部数据表的 Excel 工作簿:每张表一个工作表,中文表头与代码说明,代码保存为文本。` +
        (split.length
          ? `超过 ${XLSX_MAX_DATA_ROWS / 10_000} 万行的表按每 ${XLSX_MAX_DATA_ROWS / 10_000} 万行拆分为单独的工作簿:${split.map(splitNote).join(';')}。`
          : '')
      : `Excel 工作簿:${sheets.join('、')}(该表超过 ${XLSX_MAX_DATA_ROWS / 10_000} 万行,按文件中的顺序拆分;${splitNote(f.sheets[0]!.table)})。`;
    resources.push({
      // A part is named after its table (`transactions_xlsx_1`), so download lists show it with that table's files.
      name: main ? 'workbook' : `${f.sheets[0]!.table}_xlsx_${f.part ?? index}`,
      path: f.file,
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      title: main ? 'Excel 工作簿' : `Excel 工作簿(${sheets.join('、')})`,
      description,
      sheets: f.sheets.map((s) => s.table),
      tables: f.sheets.map((s) => ({ table: s.table, sheet: s.sheet, firstRow: s.firstRow, rowCount: s.rows })),
      ...(await fileFacts(join(dataDir, f.file))),
    });
  }
  return resources;
}

/** Moves the staged CSV files into `dataDir` when they were staged elsewhere. */
async function takeStagedCsv(staged: StagedRelease, dataDir: string): Promise<void> {
  if (resolve(staged.dataDir) === resolve(dataDir)) return;
  for (const t of TABLES) await rename(stagedCsvPath(staged.dataDir, t.name), stagedCsvPath(dataDir, t.name));
}

export async function publishRelease(
  input: ReleaseInput,
  outDir: string,
  builtAt = new Date(),
): Promise<PublishedRelease> {
  const dataDir = join(outDir, 'data');
  await mkdir(dataDir, { recursive: true });
  await takeStagedCsv(input.staged, dataDir);
  const rowCounts = input.staged.rowCounts;
  // The workbooks need only the CSV files: they are written on other cores meanwhile.
  const workbooks = writeWorkbooksInWorkers({ dataDir, rowCounts });
  workbooks.catch(() => {});
  const databasePath = join(outDir, DATABASE_FILE);
  const db = await openNodeDatabase(databasePath);
  try {
    const spent: Record<string, number> = { csv: input.staged.csvMs };
    const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      try {
        return await fn();
      } finally {
        spent[step] = (spent[step] ?? 0) + performance.now() - start;
      }
    };
    const compressing: Promise<void>[] = [];
    for (const table of TABLES as readonly TableDef[]) {
      const csvPath = stagedCsvPath(dataDir, table);
      const parquetPath = join(dataDir, `${table.name}.parquet`);
      await timed('duckdb', () => loadTable(db, table, csvPath));
      await timed('parquet', () =>
        db.exec(`COPY ${quoteIdent(table.name)} TO ${quoteLiteral(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`),
      );
      const arrow = await timed('arrow', () => startTableArrow(db, table, join(dataDir, arrowFileName(table.name))));
      compressing.push(arrow.written);
    }
    await timed('arrow', () => Promise.all(compressing));
    const indicatorRows = await timed('indicators', () => writeIndicators(db, dataDir));
    const written = await timed('xlsx', () => workbooks);

    const resources: Resource[] = [];
    for (const table of TABLES as readonly TableDef[]) {
      resources.push(...(await tableResources(dataDir, table, rowCounts[table.name as TableName])));
    }
    resources.push(...(await indicatorResources(dataDir, indicatorRows)));
    resources.push(...(await workbookResources(dataDir, written.files, rowCounts)));
    input.log?.(
      `publish steps: ${Object.entries({ ...spent, xlsx: written.ms })
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
