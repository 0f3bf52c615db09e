import { describe, expect, it } from 'vitest';
import { tableFromArrays, vectorFromArray, Table, DateDay } from 'apache-arrow';
import { arrowFileName, formatSize, isGzip, pickBundle, unsupportedReason } from '../../../src/db/browser-support.ts';
import { arrowRows, decimalValue } from '../../../src/db/arrow-rows.ts';

const bundles = {
  mvp: { mainModule: '/m.wasm', mainWorker: '/m.js' },
  eh: { mainModule: '/e.wasm', mainWorker: '/e.js' },
};

describe('pickBundle', () => {
  it('takes the exception-handling build where the browser has wasm exceptions', () => {
    expect(pickBundle({ wasmExceptions: true }, bundles)).toEqual({
      name: 'eh',
      mainModule: '/e.wasm',
      mainWorker: '/e.js',
    });
  });
  it('falls back to the MVP build', () => {
    expect(pickBundle({ wasmExceptions: false }, bundles).name).toBe('mvp');
  });
});

describe('unsupportedReason', () => {
  const ok = { WebAssembly: {}, Worker: function () {}, BigInt64Array, DecompressionStream: function () {} };
  it('is null when everything needed is there', () => {
    expect(unsupportedReason(ok)).toBeNull();
  });
  it('says in Chinese what is missing', () => {
    expect(unsupportedReason({ ...ok, WebAssembly: undefined })).toContain('WebAssembly');
    expect(unsupportedReason({ ...ok, Worker: undefined })).toContain('Web Worker');
    expect(unsupportedReason({ ...ok, DecompressionStream: undefined })).toContain('DecompressionStream');
  });
});

describe('small helpers', () => {
  it('recognises gzip by its magic number', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
    expect(isGzip(new Uint8Array([0xff, 0xff]))).toBe(false);
  });
  it('names the browser file of a table and sizes for progress lines', () => {
    expect(arrowFileName('transactions')).toBe('transactions.arrow.gz');
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(7.5 * 1024 * 1024)).toBe('7.5 MB');
  });
});

describe('arrowRows', () => {
  it('gives plain rows: numbers, dates as YYYY-MM-DD, nulls, lists as JSON', () => {
    const dates = vectorFromArray([new Date(Date.UTC(2025, 2, 1)), null], new DateDay());
    const table = new Table({
      ...tableFromArrays({ n: [1.5, 2], s: ['a', 'b'] }).data[0]!.children.reduce(
        (o, c, i) => ({ ...o, [['n', 's'][i]!]: c }),
        {},
      ),
      d: dates.data[0]!,
    } as never);
    expect(arrowRows(table)).toEqual([
      { n: 1.5, s: 'a', d: '2025-03-01' },
      { n: 2, s: 'b', d: null },
    ]);
    expect(arrowRows(table, 1)).toHaveLength(1);
  });
});

describe('decimalValue', () => {
  it('reads the 128-bit unscaled integer exactly, as Node would give it', () => {
    // 1406172.39 × 100 = 140617239: DuckDB-wasm's own cast gives 1406172.3900000001.
    expect(decimalValue([140617239, 0, 0, 0], 2)).toBe(1406172.39);
    expect(decimalValue([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], 2)).toBe(-0.01);
    expect(decimalValue([5, 0, 0, 0], 0)).toBe(5);
    // 9,999,999,999,999 cents: more than 32 bits.
    expect(decimalValue([9_999_999_999_999 % 2 ** 32, Math.floor(9_999_999_999_999 / 2 ** 32), 0, 0], 2)).toBe(
      99_999_999_999.99,
    );
  });
});
