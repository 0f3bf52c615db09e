import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodedPieces, decodeText, detectFileEncoding, PIECE_BYTES } from '../../../src/ingest/decode.ts';
import { tempDir } from '../validate/helpers.ts';

const enc = new TextEncoder();

describe('decodeText', () => {
  it('supports GB18030 in this Node (full ICU)', () => {
    expect(new TextDecoder('gb18030', { fatal: true }).decode(iconv.encode('社区代码', 'gb18030'))).toBe('社区代码');
  });

  it('reads UTF-8 as is', () => {
    const r = decodeText(enc.encode('社区代码,名称\n1,东湖社区\n'), 'a.csv');
    expect(r).toEqual({ ok: true, text: '社区代码,名称\n1,东湖社区\n', encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('社区代码\n')]);
    expect(decodeText(bytes, 'a.csv')).toEqual({ ok: true, text: '社区代码\n', encoding: 'utf-8' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    const text = '社区代码,名称,社区类型\n330482001001,东湖社区,城市社区\n';
    const r = decodeText(iconv.encode(text, 'gb18030'), 'a.csv');
    expect(r).toEqual({ ok: true, text, encoding: 'gb18030' });
  });

  it('reads GB18030 four-byte sequences (characters outside GBK)', () => {
    const text = '𠀀社区,€\n';
    expect(decodeText(iconv.encode(text, 'gb18030'), 'a.csv')).toMatchObject({ ok: true, text, encoding: 'gb18030' });
  });

  it('refuses text that is neither, naming the spreadsheet row where it breaks', () => {
    const bytes = new Uint8Array([...enc.encode('a,b\n"x\ny",2\n3,'), 0xff, 0xfe, 0xff, ...enc.encode('\n')]);
    const r = decodeText(bytes, 'projects.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issue).toMatchObject({ severity: 'error', file: 'projects.csv', row: 3, rule: 'encoding' });
    expect(r.issue.message).toContain('UTF-8');
  });

  it('refuses UTF-16 with a hint', () => {
    const r = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'a.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ file: 'a.csv', rule: 'encoding' });
  });
});

describe('detectFileEncoding and decodedPieces (files read piece by piece)', () => {
  async function roundTrip(bytes: Uint8Array) {
    const path = join(tempDir(), 'table.csv');
    writeFileSync(path, bytes);
    const found = await detectFileEncoding(path, 'table.csv');
    let text = '';
    if (found.ok) for await (const piece of decodedPieces(path, found.encoding)) text += piece;
    return { found, text, whole: decodeText(bytes, 'table.csv') };
  }

  it('agrees with decodeText across piece boundaries, multi-byte characters cut in two', async () => {
    // Over two pieces of Chinese text: some character straddles each boundary.
    const line = '社区,东湖社区,平湖市\r\n';
    const text = `\uFEFF${line.repeat(Math.ceil((PIECE_BYTES * 2) / Buffer.byteLength(line)))}`;
    for (const bytes of [Buffer.from(text, 'utf8'), iconv.encode(text.slice(1), 'gb18030')]) {
      const { found, text: read, whole } = await roundTrip(bytes);
      expect(whole.ok).toBe(true);
      if (!whole.ok || !found.ok) throw new Error('not decoded');
      expect([found.encoding, found.loneCr]).toEqual([whole.encoding, false]);
      expect(read).toBe(whole.text);
    }
  });

  it('reads a file without line ends, longer than several pieces, whole', async () => {
    const text = '东湖社区,'.repeat(Math.ceil((PIECE_BYTES * 5) / 13));
    const { found, text: read } = await roundTrip(Buffer.from(text, 'utf8'));
    expect(found.ok).toBe(true);
    expect(read).toBe(text);
  });

  it('refuses UTF-16 and undecodable bytes with the same issue as decodeText', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]);
    const broken = Buffer.concat([Buffer.from('a,b\n1,2\n', 'utf8'), Buffer.from([0xff, 0xff, 0x0a])]);
    for (const bytes of [utf16, broken]) {
      const { found, whole } = await roundTrip(bytes);
      expect(found).toEqual(whole);
    }
  });

  it('tells a file of lone CR line ends', async () => {
    const { found } = await roundTrip(Buffer.from('a,b\r1,2\r'));
    expect(found).toEqual({ ok: true, encoding: 'utf-8', loneCr: true });
  });
});
