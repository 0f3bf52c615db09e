/**
 * An RFC 4180 CSV parser: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or
 * LF line ends (a lone CR too, in a file that has no LF), and an optional trailing newline.
 *
 * Each record carries its spreadsheet row number: the header is 1, the first data record 2, and a
 * record with a newline inside quotes is still one row. Written for speed: it jumps between
 * delimiters with `indexOf` instead of looking at every character, and hands each record to a
 * callback so that no array of all records need exist.
 *
 * `CsvParser` takes the text in pieces (a file decoded chunk by chunk), so that a file of any size
 * is read in bounded memory: a record cut by the end of a piece waits for the next one.
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

export type OnRecord = (cells: string[], row: number) => void;

/** What one parse over a piece of text found: where the first unfinished record starts (or -1). */
const DONE = -1;

/** Parses text that arrives in pieces; records are handed to `onRecord` in order. */
export class CsvParser {
  private readonly onRecord: OnRecord;
  private readonly loneCr: boolean;
  /** The start of a record that the last piece cut off, then pieces waiting to be parsed with it. */
  private pending: string[] = [];
  private pendingLength = 0;
  private carryLength = 0;
  private row = 0;
  readonly errors: CsvError[] = [];

  /** `loneCr`: the whole file ends its lines with CR alone (no LF anywhere): CR is the line end. */
  constructor(onRecord: OnRecord, loneCr = false) {
    this.onRecord = onRecord;
    this.loneCr = loneCr;
  }

  push(piece: string): void {
    if (piece === '') return;
    this.pending.push(this.loneCr ? piece.replace(/\r/g, '\n') : piece);
    this.pendingLength += piece.length;
    // A record longer than what is waiting (an unclosed quote, most likely) is parsed again only
    // once the text has doubled, so that a broken file costs O(n log n), not O(n²).
    if (this.pendingLength - this.carryLength < this.carryLength) return;
    this.parsePending(false);
  }

  /** Parses what is left as the end of the file; returns every syntax error found. */
  end(): CsvError[] {
    this.parsePending(true);
    return this.errors;
  }

  private parsePending(final: boolean): void {
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    const stop = this.parse(text, final);
    this.pending = stop === DONE ? [] : [text.slice(stop)];
    this.carryLength = this.pendingLength = stop === DONE ? 0 : text.length - stop;
  }

  /** Emits the records of `text`; returns where an unfinished record starts, or DONE. */
  private parse(text: string, final: boolean): number {
    const errors = this.errors;
    const len = text.length;
    let i = 0;
    // Cached positions of the next LF and the next comma at or after some earlier i.
    let nl = -1;
    let comma = -1;
    while (i < len) {
      const start = i;
      const row = this.row + 1;
      const cells: string[] = [];
      const recordErrors: CsvError[] = [];
      for (;;) {
        if (text.charCodeAt(i) === QUOTE) {
          let value = '';
          let j = i + 1;
          for (;;) {
            const q = text.indexOf('"', j);
            if (q === -1 || (q + 1 === len && !final)) {
              if (!final) return start;
              recordErrors.push({ row, rule: 'csv-quote', message: '引号没有闭合:从这一行起的内容都在一对引号里' });
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
            let end = i;
            while (end < len) {
              const d = text.charCodeAt(end);
              if (d === COMMA || d === LF || d === CR) break;
              end++;
            }
            if (end === len && !final) return start;
            recordErrors.push({
              row,
              rule: 'csv-quote',
              message: `引号外还有多余的字符:带引号的值后面应紧跟逗号或换行`,
            });
            value += text.slice(i, end);
            i = end;
            c = i < len ? text.charCodeAt(i) : -1;
          }
          // The end of the piece, or a CR that may be followed by LF in the next piece.
          if (!final && (c === -1 || (c === CR && i + 1 === len))) return start;
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
        if (nl === len && !final) return start;
        let end = nl;
        if (end > i && text.charCodeAt(end - 1) === CR) end--;
        cells.push(text.slice(i, end));
        i = nl + 1;
        break;
      }
      this.row = row;
      for (const e of recordErrors) errors.push(e);
      this.onRecord(cells, row);
    }
    return DONE;
  }
}

/** Parses `text`, calling `onRecord` for every record in order. Returns the syntax errors found. */
export function parseCsv(text: string, onRecord: OnRecord): CsvError[] {
  const parser = new CsvParser(onRecord, text.indexOf('\n') === -1 && text.indexOf('\r') !== -1);
  parser.push(text);
  return parser.end();
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
