/**
 * Pure parts of the browser side of the query interface (src/db/browser.ts), kept apart so that
 * they can be unit-tested in Node and imported by small page scripts without pulling DuckDB-wasm.
 */

/** The file DuckDB-wasm loads for a table: `dist/data/<table>.arrow.gz` (src/publish/arrow.ts). */
export function arrowFileName(table: string): string {
  return `${table}.arrow.gz`;
}

/** What a page hands DuckDB-wasm about one table of the standard (built at build time). */
export interface BrowserTable {
  name: string;
  /** Chinese name of the table (from src/schema). */
  label: string;
  /** `/data/<table>.arrow.gz` */
  url: string;
  /** CREATE TABLE from src/db/ddl.ts: the same column types as the build database. */
  createSql: string;
  rows: number;
  /** Size of the compressed file, for the progress line; null if unknown. */
  bytes: number | null;
}

export interface BundleUrls {
  mainModule: string;
  mainWorker: string;
}

export interface Bundles {
  mvp: BundleUrls;
  eh: BundleUrls;
}

/**
 * The DuckDB-wasm build for this browser: `eh` (native WebAssembly exceptions, faster and
 * smaller) where supported, else `mvp` (WebAssembly 1.0, every browser that has WebAssembly).
 * The threaded `coi` build needs cross-origin isolation headers a static host may not send: never.
 */
export function pickBundle(
  features: { wasmExceptions: boolean },
  bundles: Bundles,
): BundleUrls & { name: 'eh' | 'mvp' } {
  return features.wasmExceptions ? { name: 'eh', ...bundles.eh } : { name: 'mvp', ...bundles.mvp };
}

/** The parts of the browser environment DuckDB-wasm and our loader need. */
export interface BrowserEnvironment {
  WebAssembly?: unknown;
  Worker?: unknown;
  BigInt64Array?: unknown;
  DecompressionStream?: unknown;
}

/**
 * Why this browser cannot run the SQL engine, in Chinese, or null when it can. The reason is shown
 * in place of the results; the page's static content stays usable.
 */
export function unsupportedReason(env: BrowserEnvironment): string | null {
  if (typeof env.WebAssembly !== 'object' || env.WebAssembly === null) {
    return '您的浏览器不支持 WebAssembly,无法在本机运行数据查询。';
  }
  if (typeof env.Worker !== 'function') return '您的浏览器不支持 Web Worker,无法在后台运行数据查询。';
  if (typeof env.BigInt64Array !== 'function') return '您的浏览器版本过旧(不支持 BigInt64Array),无法运行数据查询。';
  if (typeof env.DecompressionStream !== 'function')
    return '您的浏览器版本过旧(不支持 DecompressionStream),无法解压查询所需的数据文件。';
  return null;
}

/** Shown under every failure: what still works without the engine. */
export const STATIC_FALLBACK_TEXT =
  '本页的示例问题及其结果(构建时计算)、表结构说明和数据下载仍然可以使用;也可以下载 CSV 或 Parquet 文件,用 Excel、WPS 或其他工具分析。';

/** gzip's magic number: the host may already have inflated the file (Content-Encoding: gzip). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** 1.2 MB style sizes for progress lines (powers of 1024). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
