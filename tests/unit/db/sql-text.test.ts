import { describe, expect, it } from 'vitest';
import {
  cleanErrorMessage,
  compareValues,
  hasSeveralStatements,
  isBlank,
  materializeSql,
  missingTable,
  pageSql,
  segments,
  sliceRows,
  splitStatements,
  tablesMentioned,
  trimStatement,
} from '../../../src/db/sql-text.ts';

const TABLES = ['communities', 'projects', 'transactions', 'surveys'];

describe('segments', () => {
  it('separates code, strings, quoted identifiers and both kinds of comment', () => {
    const parts = segments(`SELECT 'a;b' AS "x""y" -- c;\nFROM t /* d; */`);
    expect(parts.map((p) => p.kind)).toEqual([
      'code',
      'string',
      'code',
      'identifier',
      'code',
      'comment',
      'code',
      'comment',
    ]);
    expect(parts[1]!.text).toBe("'a;b'");
    expect(parts[3]!.text).toBe('"x""y"');
    expect(parts.map((p) => p.text).join('')).toBe(`SELECT 'a;b' AS "x""y" -- c;\nFROM t /* d; */`);
  });
  it('keeps an escaped quote inside a string', () => {
    expect(segments(`'it''s'`)).toEqual([{ kind: 'string', text: `'it''s'` }]);
  });
});

describe('tablesMentioned', () => {
  it('finds tables named in code, case-insensitively, in the order given', () => {
    expect(tablesMentioned('select * from Transactions t join projects p using (project_id)', TABLES)).toEqual([
      'projects',
      'transactions',
    ]);
  });
  it('ignores names inside strings and comments, reads quoted identifiers', () => {
    expect(tablesMentioned(`SELECT 'projects' FROM "surveys" -- transactions`, TABLES)).toEqual(['surveys']);
  });
  it('does not match part of a longer word', () => {
    expect(tablesMentioned('SELECT * FROM projects_archive', TABLES)).toEqual([]);
  });
});

describe('statements', () => {
  it('trims trailing semicolons but keeps a final comment', () => {
    expect(trimStatement('SELECT 1 ;; \n')).toBe('SELECT 1');
    expect(trimStatement('SELECT 1; -- done')).toBe('SELECT 1 -- done');
    expect(trimStatement("SELECT ';'")).toBe("SELECT ';'");
  });
  it('counts statements outside strings', () => {
    expect(hasSeveralStatements('SELECT 1;')).toBe(false);
    expect(hasSeveralStatements("SELECT ';'")).toBe(false);
    expect(hasSeveralStatements('SET x = 1; SELECT 2')).toBe(true);
    expect(splitStatements("CREATE VIEW v AS SELECT ';' AS s; -- x\nSELECT * FROM v;")).toEqual([
      "CREATE VIEW v AS SELECT ';' AS s",
      '-- x\nSELECT * FROM v',
    ]);
  });
  it('knows a text of comments only is blank', () => {
    expect(isBlank('  -- nothing\n/* at all */ ')).toBe(true);
    expect(isBlank('-- x\nSELECT 1')).toBe(false);
  });
});

describe('materializeSql and pageSql', () => {
  it('wraps the query so that a trailing comment cannot swallow anything', () => {
    expect(materializeSql('r', 'SELECT 1 -- one;')).toBe('CREATE OR REPLACE TEMP TABLE "r" AS\nSELECT 1 -- one;\n');
  });
  it('reads a page in the query order by row number range', () => {
    expect(pageSql('r', { offset: 200, limit: 100, sort: null })).toBe(
      'SELECT * FROM "r" WHERE rowid >= 200 AND rowid < 300 ORDER BY rowid',
    );
  });
  it('sorts with nulls last and a stable tie-break', () => {
    expect(pageSql('r', { offset: 0, limit: 10, sort: { column: 'a"b', descending: true } })).toBe(
      'SELECT * FROM "r" ORDER BY "a""b" DESC NULLS LAST, rowid LIMIT 10 OFFSET 0',
    );
  });
  it('does not rely on rowid when the result has its own rowid column', () => {
    expect(pageSql('r', { offset: 5, limit: 5, sort: null }, ['RowID', 'x'])).toBe(
      'SELECT * FROM "r" LIMIT 5 OFFSET 5',
    );
  });
});

describe('error messages', () => {
  it('unwraps the JSON form and drops the repeated pointer', () => {
    const raw =
      'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^\n\nLINE 1: SELEC 1\n        ^';
    expect(cleanErrorMessage(new Error(raw))).toBe(
      'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^',
    );
    expect(cleanErrorMessage('{"exception_type":"Parser","exception_message":"syntax error at or near \\"x\\""}')).toBe(
      'Parser Error: syntax error at or near "x"',
    );
  });
  it('names the missing table of a catalog error', () => {
    expect(missingTable('Catalog Error: Table with name surveys does not exist!\nDid you mean "x"?')).toBe('surveys');
    expect(missingTable('Binder Error: column x not found')).toBeNull();
  });
});

describe('in-memory paging', () => {
  const rows = [{ a: 2 }, { a: null }, { a: 1 }, { a: 2 }];
  it('sorts with nulls last both ways and keeps ties in order', () => {
    expect(sliceRows(rows, { offset: 0, limit: 10, sort: { column: 'a', descending: false } })).toEqual([
      { a: 1 },
      { a: 2 },
      { a: 2 },
      { a: null },
    ]);
    expect(sliceRows(rows, { offset: 0, limit: 2, sort: { column: 'a', descending: true } })[0]).toBe(rows[0]);
    expect(sliceRows(rows, { offset: 1, limit: 2, sort: null })).toEqual([{ a: null }, { a: 1 }]);
  });
  it('compares numbers as numbers and text as text', () => {
    expect(compareValues(10, 9, false)).toBeGreaterThan(0);
    expect(compareValues('10', '9', false)).toBeLessThan(0);
  });
});
