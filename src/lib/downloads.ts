/**
 * The downloads page (/data/): every published file with its size, row count and SHA-256, read
 * from the release's datapackage.json (written by src/publish/release.ts before the pages are
 * built), and the row counts from the site database.
 */
import { TABLES, type TableDef } from '../schema/index.ts';

/** A resource of the published datapackage.json (only what this page reads). */
export interface PackageResource {
  name: string;
  path: string;
  format?: string;
  title?: string;
  description?: string;
  rowCount?: number;
  bytes?: number;
  /** `sha256:<hex>` (Frictionless v2). */
  hash?: string;
}

export interface DownloadFile {
  /** Address on the site: `/data/projects.csv`. */
  href: string;
  fileName: string;
  /** CSV, Parquet, Arrow, JSON… as a reader would name it. */
  format: string;
  bytes: number | null;
  /** Hex digest, or null when the datapackage was not available to the build. */
  sha256: string | null;
}

export interface DownloadTable {
  name: string;
  label: string;
  description: string;
  rows: number;
  files: DownloadFile[];
}

export interface Downloads {
  tables: DownloadTable[];
  /**
   * Data computed from the tables (issue 10's indicators), with their files, when the release has
   * them; `dictionary` is where the data dictionary explains them.
   */
  derived: (DownloadTable & { dictionary: string })[];
  /** Files that are not one table: the Excel workbook (first), the quality report, datapackage.json. */
  others: (DownloadFile & { title: string; description: string })[];
  /** The workbook of all tables (format xlsx), if the release has one: the easiest for Excel/WPS. */
  workbook: (DownloadFile & { title: string; description: string }) | null;
  totalBytes: number | null;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  csv: 'CSV',
  parquet: 'Parquet',
  arrow: 'Arrow（gzip 压缩）',
  xlsx: 'Excel 工作簿',
  json: 'JSON',
};

function formatOf(path: string, format?: string): string {
  if (format && FORMAT_NAMES[format]) return FORMAT_NAMES[format];
  const ext = /\.([a-z]+)(\.gz)?$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return FORMAT_NAMES[ext] ?? (ext.toUpperCase() || '文件');
}

function file(path: string, resource: PackageResource | undefined): DownloadFile {
  return {
    href: `/data/${path}`,
    fileName: path,
    format: formatOf(path, resource?.format),
    bytes: resource?.bytes ?? null,
    sha256: resource?.hash?.replace(/^sha256:/, '') ?? null,
  };
}

/** The derived datasets the publish step writes (src/publish/indicators.ts), by resource name. */
const DERIVED = [{ name: 'indicators', label: '指标', dictionary: '/data/dictionary/#indicators' }] as const;

export interface DatapackageFacts {
  bytes: number;
  sha256: string;
}

/**
 * The page's list: the standard's tables in load order, each with every file the datapackage
 * lists for it (`<table>`, `<table>_parquet`, `<table>_arrow`…, in the datapackage's order), the
 * derived datasets (`indicators`, `indicators_parquet`) the same way, then any other resource (the quality report) and the datapackage itself. `resources` may be empty
 * (the build could not find the datapackage): CSV and Parquet are then listed without sizes.
 */
export function downloads(
  resources: readonly PackageResource[],
  rowCounts: Readonly<Record<string, number>>,
  datapackage: DatapackageFacts | null,
): Downloads {
  const byPath = new Map(resources.map((r) => [r.path, r]));
  const used = new Set<PackageResource>();
  const tables = (TABLES as readonly TableDef[]).map((t) => {
    const own = resources.filter((r) => r.name === t.name || r.name.startsWith(`${t.name}_`));
    for (const r of own) used.add(r);
    const files =
      own.length > 0
        ? own.map((r) => file(r.path, r))
        : [file(`${t.name}.csv`, undefined), file(`${t.name}.parquet`, undefined)];
    return {
      name: t.name,
      label: t.label,
      description: t.description,
      rows: rowCounts[t.name] ?? own.find((r) => r.rowCount !== undefined)?.rowCount ?? 0,
      files,
    };
  });
  const derived = DERIVED.flatMap((d) => {
    const own = resources.filter((r) => r.name === d.name || r.name.startsWith(`${d.name}_`));
    for (const r of own) used.add(r);
    if (own.length === 0) return [];
    return [
      {
        name: d.name,
        label: d.label,
        description: own[0]!.description ?? '',
        rows: own.find((r) => r.rowCount !== undefined)?.rowCount ?? 0,
        files: own.map((r) => file(r.path, r)),
        dictionary: d.dictionary,
      },
    ];
  });
  const rest = resources
    .filter((r) => !used.has(r))
    .sort((a, b) => Number(b.format === 'xlsx') - Number(a.format === 'xlsx'));
  if (!byPath.has('quality-report.json'))
    rest.push({ name: 'quality_report', path: 'quality-report.json', title: '数据质量报告' });
  const others = [
    ...rest.map((r) => ({ ...file(r.path, r), title: r.title ?? r.name, description: r.description ?? '' })),
    {
      href: '/data/datapackage.json',
      fileName: 'datapackage.json',
      format: 'JSON' as const,
      bytes: datapackage?.bytes ?? null,
      sha256: datapackage?.sha256 ?? null,
      title: '数据包说明',
      description:
        '本次发布的元数据：发布方、版本、许可、覆盖范围，以及每张表的字段定义和每个文件的大小与 SHA-256 校验值（Frictionless Data Package v2 格式）。',
    },
  ];
  const sizes = [...[...tables, ...derived].flatMap((t) => t.files), ...others].map((f) => f.bytes);
  const totalBytes = sizes.every((b) => b !== null) ? sizes.reduce((s, b) => s! + b!, 0)! : null;
  const workbook = others.find((o) => o.fileName.endsWith('.xlsx')) ?? null;
  return { tables, derived, others, workbook, totalBytes };
}

/** 1,234 B · 12.3 KB · 4.5 MB (powers of 1024, as file managers show them). */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
