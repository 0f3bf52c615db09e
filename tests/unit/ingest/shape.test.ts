import { describe, expect, it } from 'vitest';
import { cellsToRow, nullRow } from '../../../src/ingest/shape.ts';

describe('row shapes', () => {
  it('builds rows of a fixed shape from cells', () => {
    const toRow = cellsToRow(['a', 'b', 'c', 'd'], [2, -1, 0, 5]);
    expect(toRow(['x', 'y', ''])).toEqual({ a: null, b: null, c: 'x', d: null });
    expect(Object.keys(toRow([]))).toEqual(['a', 'b', 'c', 'd']);
    expect(nullRow(['p', 'q'])()).toEqual({ p: null, q: null });
  });
  it('refuses keys that are not plain field names', () => {
    expect(() => nullRow(['a; process.exit()'])).toThrow();
  });
});
