/**
 * Bytes → text, with the encoding detected rather than configured (data standard §1): UTF-8 with or
 * without a byte-order mark, else GB18030 (what Excel and WPS save on a Chinese Windows machine).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { Issue } from '../validate/issues.ts';
import { countRecords } from './csv.ts';

export type Encoding = 'utf-8' | 'gb18030';

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; issue: Issue };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Bytes read at a time when a file is streamed: large enough to be fast, small enough that the
 * rows parsed from one piece die young (measured at 10,000 communities: 1 MB validates faster and
 * in less memory than 4 MB, whose rows outlive the young generation).
 */
export const PIECE_BYTES = 1 << 20;

function utf16Issue(file: string): Issue {
  return {
    severity: 'error',
    file,
    rule: 'encoding',
    message: '文件是 UTF-16 编码(Excel 的“Unicode 文本”);请另存为“CSV UTF-8(逗号分隔)”',
  };
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function tryDecode(encoding: Encoding, bytes: Uint8Array): string | null {
  try {
    // The decoder drops a leading UTF-8 byte-order mark by itself (ignoreBOM defaults to false).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Byte offset of the start of the first line (split on LF) that `encoding` cannot decode. A line
 * start is a safe place to restart either decoder: LF is never part of a UTF-8 or GB18030
 * multi-byte sequence.
 */
function firstBadLine(encoding: Encoding, bytes: Uint8Array): number {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    end = end === -1 ? bytes.length : end + 1;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return bytes.length;
}

/**
 * Decodes a CSV file's bytes. On failure the issue names the spreadsheet row where decoding breaks
 * (counted with the CSV parser over the good prefix, so quoted newlines do not shift it).
 */
export function decodeText(bytes: Uint8Array, file: string): DecodeResult {
  if (isUtf16(bytes)) return { ok: false, issue: utf16Issue(file) };
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) return { ok: true, text: gb, encoding: 'gb18030' };

  // Neither: blame the encoding that got further, and find the row where it breaks.
  const badUtf8 = firstBadLine('utf-8', bytes);
  const badGb = firstBadLine('gb18030', bytes);
  const encoding: Encoding = badUtf8 >= badGb ? 'utf-8' : 'gb18030';
  const at = Math.max(badUtf8, badGb);
  const prefix = new TextDecoder(encoding).decode(bytes.subarray(0, at));
  const row = countRecords(prefix) + 1;
  return {
    ok: false,
    issue: {
      severity: 'error',
      file,
      row,
      rule: 'encoding',
      message: `无法解码:文件既不是有效的 UTF-8,也不是 GB18030 编码(从第 ${row} 行起无法按 ${encoding === 'utf-8' ? 'UTF-8' : 'GB18030'} 读取);请用 Excel 或 WPS 另存为“CSV UTF-8(逗号分隔)”`,
    },
  };
}

export type FileEncoding = { ok: true; encoding: Encoding; loneCr: boolean } | { ok: false; issue: Issue };

function pieces(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: PIECE_BYTES });
}

/** Whether the whole file decodes with `encoding` (read piece by piece; nothing is kept). */
async function decodesAs(path: string, encoding: Encoding): Promise<boolean> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for await (const piece of pieces(path)) decoder.decode(piece, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a CSV file, found by reading it once piece by piece, so that a file of any size
 * is checked in bounded memory; also whether its lines end with a lone CR (no LF anywhere).
 * Same verdicts as `decodeText`. Only a file that is neither UTF-8 nor GB18030 is read whole, to
 * find the row where it breaks for the error message.
 */
export async function detectFileEncoding(path: string, file: string): Promise<FileEncoding> {
  let first = true;
  let utf8 = true;
  let hasLf = false;
  let hasCr = false;
  // Bytes after the last line end of the previous piece: LF and CR are never inside a UTF-8 or
  // GB18030 multi-byte sequence, so whole lines can be checked on their own.
  let tail: Buffer = Buffer.alloc(0);
  for await (const piece of pieces(path)) {
    if (first && isUtf16(piece)) return { ok: false, issue: utf16Issue(file) };
    first = false;
    hasLf ||= piece.includes(NEWLINE);
    hasCr ||= piece.includes(CARRIAGE_RETURN);
    if (!utf8) continue;
    const bytes = tail.length > 0 ? Buffer.concat([tail, piece]) : piece;
    const cut = Math.max(bytes.lastIndexOf(NEWLINE), bytes.lastIndexOf(CARRIAGE_RETURN)) + 1;
    if (!isUtf8(bytes.subarray(0, cut))) utf8 = false;
    tail = Buffer.from(bytes.subarray(cut));
  }
  const loneCr = hasCr && !hasLf;
  if (utf8 && isUtf8(tail)) return { ok: true, encoding: 'utf-8', loneCr };
  if (await decodesAs(path, 'gb18030')) return { ok: true, encoding: 'gb18030', loneCr };
  const whole = decodeText(await readFile(path), file);
  return whole.ok ? { ok: true, encoding: whole.encoding, loneCr } : whole;
}

/**
 * The text of a file in pieces, decoded with an encoding `detectFileEncoding` found (a UTF-8 BOM
 * dropped). Each piece but the last ends at a line end (LF, or CR in a file of lone CRs), so that
 * a CSV parser seldom has to carry a cut record over to the next piece.
 */
export async function* decodedPieces(path: string, encoding: Encoding, loneCr = false): AsyncIterable<string> {
  const decoder = new TextDecoder(encoding);
  const lineEnd = loneCr ? CARRIAGE_RETURN : NEWLINE;
  let tail: Buffer = Buffer.alloc(0);
  for await (const piece of pieces(path)) {
    const bytes = tail.length > 0 ? Buffer.concat([tail, piece]) : piece;
    // A line longer than a few pieces (a file without line ends) is handed on as it is.
    const cut = bytes.length >= 4 * PIECE_BYTES ? bytes.length : bytes.lastIndexOf(lineEnd) + 1;
    tail = Buffer.from(bytes.subarray(cut));
    if (cut > 0) yield decoder.decode(bytes.subarray(0, cut), { stream: true });
  }
  const rest = decoder.decode(tail);
  if (rest !== '') yield rest;
}
