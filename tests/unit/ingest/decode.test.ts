import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/ingest/decode.ts';

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
