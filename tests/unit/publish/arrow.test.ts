import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC, Type } from 'apache-arrow';
import { openNodeDatabase, type NodeDatabase } from '../../../src/db/node.ts';
import { createTableSql } from '../../../src/db/ddl.ts';
import { transactions, organizations } from '../../../src/schema/index.ts';
import { decimalData, dictionaryData, tableToArrowIPC, utf8Data } from '../../../src/publish/arrow.ts';

let db: NodeDatabase;

beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(createTableSql(transactions));
  await db.exec(`INSERT INTO transactions VALUES
    ('T1', DATE '2025-03-01', '330482001001', 'P1', 'income', 'fiscal', NULL, NULL, '平湖市民政局', NULL, 1234.56, '拨款', NULL),
    ('T2', DATE '1969-12-31', '330482001001', NULL, 'expenditure', NULL, 'venue', NULL, NULL, NULL, 0.1, NULL, 'PZ-2'),
    ('T3', DATE '2024-02-29', '330482001002', 'P1', 'income', 'individual_donation', NULL, NULL, '个人捐赠者', 36, 99999999999.99, NULL, NULL)`);
  await db.exec(createTableSql(organizations));
});

afterAll(() => db.close());

describe('tableToArrowIPC', () => {
  it('keeps every value exactly: text, codes, dates, cents, counts and nulls', async () => {
    const { ipc, rows } = await tableToArrowIPC(db, transactions);
    expect(rows).toBe(3);
    const table = tableFromIPC(ipc);
    expect(table.numRows).toBe(3);
    const col = (name: string) => table.getChild(name)!;
    expect(col('transaction_id').toArray()).toEqual(['T1', 'T2', 'T3']);
    // Dates as days since 1970 (arrow gives milliseconds).
    expect(new Date(col('date').get(0) as number).toISOString().slice(0, 10)).toBe('2025-03-01');
    expect(new Date(col('date').get(1) as number).toISOString().slice(0, 10)).toBe('1969-12-31');
    expect(col('project_id').get(1)).toBeNull();
    expect(col('donor_count').get(2)).toBe(36);
    expect(col('donor_count').get(0)).toBeNull();
    expect(col('counterparty_name').get(2)).toBe('个人捐赠者');
  });

  it('types columns as the standard: Decimal128(18,2) money, dictionary-encoded codes', async () => {
    const table = tableFromIPC((await tableToArrowIPC(db, transactions)).ipc);
    const amount = table.schema.fields.find((f) => f.name === 'amount')!.type as {
      typeId: number;
      scale: number;
      precision: number;
    };
    expect(amount.typeId).toBe(Type.Decimal);
    expect([amount.precision, amount.scale]).toEqual([18, 2]);
    const cents = table.getChild('amount')!.data[0]!.values as Uint32Array;
    expect(cents[0]).toBe(123456);
    expect(cents[4]).toBe(10);
    // 99,999,999,999.99 yuan = 9,999,999,999,999 cents: needs the second 32-bit word.
    expect(cents[8]! + cents[9]! * 2 ** 32).toBe(9_999_999_999_999);
    expect(table.schema.fields.find((f) => f.name === 'type')!.type.typeId).toBe(Type.Dictionary);
    expect(table.schema.fields.find((f) => f.name === 'date')!.type.typeId).toBe(Type.Date);
  });

  it('writes a readable stream for an empty table', async () => {
    const { ipc, rows } = await tableToArrowIPC(db, organizations);
    expect(rows).toBe(0);
    expect(tableFromIPC(ipc).numRows).toBe(0);
  });
});

describe('column builders', () => {
  it('encode UTF-8 with offsets and nulls', () => {
    const data = utf8Data(['东湖', null, '', 'a']);
    expect(data.nullCount).toBe(1);
    expect(Array.from(data.valueOffsets)).toEqual([0, 6, 6, 6, 7]);
  });
  it('give up the dictionary when values hardly repeat, unless forced', () => {
    const unique = Array.from({ length: 100 }, (_, i) => `v${i}`);
    expect(dictionaryData(unique, 0, false)).toBeNull();
    expect(dictionaryData(unique, 0, true)!.length).toBe(100);
    expect(dictionaryData(['a', 'b', 'a', null], 1, false)!.dictionary!.length).toBe(2);
  });
  it('store negative cents in two’s complement', () => {
    const words = decimalData([-1n]).values as Uint32Array;
    expect(Array.from(words)).toEqual([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]);
  });
});
