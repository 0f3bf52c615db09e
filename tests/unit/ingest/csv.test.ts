import { describe, expect, it } from 'vitest';
import { countRecords, CsvParser, parseCsv, parseCsvRecords, type CsvRecord } from '../../../src/ingest/csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('splits plain records, numbering rows from 1', () => {
    expect(parseCsvRecords('a,b,c\n1,2,3\n').records).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields, doubled quotes, commas and newlines inside quotes', () => {
    const { records, errors } = parseCsvRecords('a,b\n"x,y","say ""hi"""\n"line1\nline2",z\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x,y', 'say "hi"'] },
      { row: 3, cells: ['line1\nline2', 'z'] },
    ]);
  });

  it('counts a record with an embedded newline as one spreadsheet row', () => {
    const { records } = parseCsvRecords('h\n"a\r\nb\nc"\nnext\n');
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(records[1]!.cells).toEqual(['a\r\nb\nc']);
    expect(records[2]!.cells).toEqual(['next']);
  });

  it('accepts CRLF and LF, with or without a trailing newline', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
    ];
    for (const text of ['a,b\r\n1,2\r\n', 'a,b\n1,2\n', 'a,b\r\n1,2', 'a,b\n1,2']) {
      expect(
        parseCsvRecords(text).records.map((r) => r.cells),
        JSON.stringify(text),
      ).toEqual(expected);
    }
  });

  it('accepts a file of lone CRs (old Mac line ends)', () => {
    expect(parseCsvRecords('a,b\r1,2\r').records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including a trailing one, and a quoted empty string', () => {
    expect(parseCsvRecords('a,,c,\n"",x,,\n').records.map((r) => r.cells)).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('gives an empty line as a record of one empty cell (the reader skips blank rows)', () => {
    expect(parseCsvRecords('a\n\nb\n').records).toEqual([
      { row: 1, cells: ['a'] },
      { row: 2, cells: [''] },
      { row: 3, cells: ['b'] },
    ]);
  });

  it('reports an unterminated quote at the row where it opens', () => {
    const { records, errors } = parseCsvRecords('a,b\n1,2\n3,"oops\n4,5\n');
    expect(errors).toEqual([expect.objectContaining({ row: 3, rule: 'csv-quote' })]);
    expect(records).toHaveLength(3);
  });

  it('reports text after a closing quote, keeping it', () => {
    const { records, errors } = parseCsvRecords('a,b\n"x"y,2\n');
    expect(errors).toEqual([expect.objectContaining({ row: 2, rule: 'csv-quote' })]);
    expect(records[1]!.cells).toEqual(['xy', '2']);
  });

  it('keeps a quote in the middle of an unquoted field literally', () => {
    expect(parseCsvRecords('a"b,c\n').records[0]!.cells).toEqual(['a"b', 'c']);
  });

  it('counts records', () => {
    expect(countRecords('')).toBe(0);
    expect(countRecords('a\n"b\nc"\n')).toBe(2);
  });

  it('parses 300,000 rows × 13 columns quickly', () => {
    const line =
      'T000000001,2024-03-05,330482001001,P1-1,income,fiscal,,,平湖市民政局,,30000,"经费,含交通",PZ2024-0000001\n';
    const text = `${'a,b,c,d,e,f,g,h,i,j,k,l,m\n'}${line.repeat(300_000)}`;
    const t = performance.now();
    let n = 0;
    let cells = 0;
    const errors = parseCsv(text, (c) => {
      n++;
      cells += c.length;
    });
    const ms = performance.now() - t;
    expect(errors).toEqual([]);
    expect(n).toBe(300_001);
    expect(cells).toBe(13 * 300_001);
    expect(ms).toBeLessThan(5000);
  });
});

describe('CsvParser (text in pieces)', () => {
  /** Parses `pieces` one after the other, as a file decoded piece by piece is. */
  function inPieces(pieces: readonly string[], loneCr = false) {
    const records: CsvRecord[] = [];
    const parser = new CsvParser((cells, row) => records.push({ row, cells }), loneCr);
    for (const p of pieces) parser.push(p);
    return { records, errors: parser.end() };
  }

  it('gives the same records and errors wherever the text is cut, twice over', () => {
    const texts = [
      'a,b,c\r\n"x,y","say ""hi""",3\r\n"line1\r\nline2",,\r\nlast,"",z',
      'h\n"a\r\nb\nc"\nnext\n\n"x"y,2\n3,"oops\n4,5\n',
      '"",""\r\n""""\r\n',
    ];
    for (const text of texts) {
      const whole = parseCsvRecords(text);
      for (let i = 0; i <= text.length; i++) {
        for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 7)]) {
          const cut = inPieces([text.slice(0, i), text.slice(i, j), text.slice(j)]);
          expect(cut, `${JSON.stringify(text)} cut at ${i}, ${j}`).toEqual(whole);
        }
      }
    }
  });

  it('reads a file of lone CRs in pieces when told so', () => {
    expect(inPieces(['a,b\r1,', '2\r'], true).records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps an unclosed quote to the end of the file, however many pieces follow', () => {
    const pieces = ['a\n"open', ...Array.from({ length: 50 }, (_, i) => `\nmore ${i}`)];
    const { records, errors } = inPieces(pieces);
    expect(errors).toEqual([expect.objectContaining({ row: 2, rule: 'csv-quote' })]);
    expect(records).toHaveLength(2);
    expect(records[1]!.cells[0]).toBe(`open${pieces.slice(1).join('')}`);
  });
});
