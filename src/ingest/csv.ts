/**
 * An RFC 4180 CSV parser: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or
 * LF line ends (a lone CR too, in a file that has no LF), and an optional trailing newline.
 *
 * Each record carries its spreadsheet row number: the header is 1, the first data record 2, and a
 * record with a newline inside quotes is still one row. Written for speed: it jumps between
 * delimiters with `indexOf` instead of looking at every character, and hands each record to a
 * callback so that no array of all records need exist.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvError {
  /** Spreadsheet row of the record. */
  row: number;
  rule: 'csv-quote';
  message: string;
}

export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Parses `text`, calling `onRecord` for every record in order. Returns the syntax errors found. */
export function parseCsv(text: string, onRecord: (cells: string[], row: number) => void): CsvError[] {
  if (text.indexOf('\n') === -1 && text.indexOf('\r') !== -1) text = text.replace(/\r/g, '\n');
  const errors: CsvError[] = [];
  const len = text.length;
  let i = 0;
  let row = 0;
  // Cached positions of the next LF and the next comma at or after some earlier i.
  let nl = -1;
  let comma = -1;
  while (i < len) {
    row++;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const startRow = row;
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            errors.push({ row: startRow, rule: 'csv-quote', message: '引号没有闭合:从这一行起的内容都在一对引号里' });
            value += text.slice(j);
            i = len;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += text.slice(j, q);
          i = q + 1;
          break;
        }
        let c = i < len ? text.charCodeAt(i) : -1;
        if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
          // `"abc"def`: keep the stray text, but say so.
          errors.push({ row, rule: 'csv-quote', message: `引号外还有多余的字符:带引号的值后面应紧跟逗号或换行` });
          let end = i;
          while (end < len) {
            const d = text.charCodeAt(end);
            if (d === COMMA || d === LF || d === CR) break;
            end++;
          }
          value += text.slice(i, end);
          i = end;
          c = i < len ? text.charCodeAt(i) : -1;
        }
        cells.push(value);
        if (c === COMMA) {
          i++;
          continue;
        }
        if (c === CR) i++;
        if (i < len && text.charCodeAt(i) === LF) i++;
        break;
      }
      if (nl < i) {
        nl = text.indexOf('\n', i);
        if (nl === -1) nl = len;
      }
      if (comma < i && comma !== len) {
        comma = text.indexOf(',', i);
        if (comma === -1) comma = len;
      }
      if (comma < nl) {
        cells.push(text.slice(i, comma));
        i = comma + 1;
        continue;
      }
      let end = nl;
      if (end > i && text.charCodeAt(end - 1) === CR) end--;
      cells.push(text.slice(i, end));
      i = nl + 1;
      break;
    }
    onRecord(cells, row);
  }
  return errors;
}

/** All records of `text` in memory: convenient for small files and tests. */
export function parseCsvRecords(text: string): { records: CsvRecord[]; errors: CsvError[] } {
  const records: CsvRecord[] = [];
  const errors = parseCsv(text, (cells, row) => records.push({ row, cells }));
  return { records, errors };
}

/** Number of records in `text` (used to turn a byte position into a spreadsheet row). */
export function countRecords(text: string): number {
  let n = 0;
  parseCsv(text, () => n++);
  return n;
}
