/**
 * Bytes → text, with the encoding detected rather than configured (data standard §1): UTF-8 with or
 * without a byte-order mark, else GB18030 (what Excel and WPS save on a Chinese Windows machine).
 */
import type { Issue } from '../validate/issues.ts';
import { countRecords } from './csv.ts';

export type Encoding = 'utf-8' | 'gb18030';

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; issue: Issue };

const NEWLINE = 0x0a;

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
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      issue: {
        severity: 'error',
        file,
        rule: 'encoding',
        message: '文件是 UTF-16 编码(Excel 的“Unicode 文本”);请另存为“CSV UTF-8(逗号分隔)”',
      },
    };
  }
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
