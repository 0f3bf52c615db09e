import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv, UTF8_BOM } from '../../../src/lib/csv.ts';

describe('csv', () => {
  it('quotes only cells that need it, doubling quotes', () => {
    expect(csvCell('东湖社区')).toBe('东湖社区');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说"好"')).toBe('"说""好"""');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
  });
  it('writes a BOM, a header and CRLF line ends, as the published files', () => {
    expect(
      toCsv(
        ['名称', '金额'],
        [
          ['东湖, 北区', 1],
          ['西湖', null],
        ],
      ),
    ).toBe(`${UTF8_BOM}名称,金额\r\n"东湖, 北区",1\r\n西湖,\r\n`);
  });
  it('reads back what it wrote', () => {
    const rows = [
      ['a', 'b,c', 'd"e'],
      ['', '多\r\n行', 'x'],
    ];
    expect(parseCsv(toCsv(['h1', 'h2', 'h3'], rows))).toEqual([['h1', 'h2', 'h3'], ...rows]);
  });
});
