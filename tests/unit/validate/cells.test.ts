import { describe, expect, it } from 'vitest';
import {
  COMMUNITY_KIND,
  communities,
  organizations,
  projects,
  surveys,
  TABLES,
  transactions,
  workforce,
  type FieldDef,
  type TableDef,
} from '../../../src/schema/index.ts';
import { cellParser, CellError, enumChoices, parseCell } from '../../../src/validate/cells.ts';

const ok = (def: FieldDef, raw: string | null) => {
  const r = parseCell(def, raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse: ${r.message}`);
  return r.value;
};
const bad = (def: FieldDef, raw: string | null) => {
  const r = parseCell(def, raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to fail, got ${JSON.stringify(r.value)}`);
  return { rule: r.rule, message: r.message };
};

describe('required and empty cells', () => {
  it('treats empty and blank cells as missing', () => {
    expect(ok(projects.fields.summary, null)).toBeNull();
    expect(ok(projects.fields.summary, '   ')).toBeNull();
    expect(ok(projects.fields.progress_pct, '')).toBeNull();
  });
  it("reports a required empty cell as '缺少必填值'", () => {
    for (const def of [
      projects.fields.title,
      projects.fields.budget,
      projects.fields.start_date,
      projects.fields.status,
      surveys.fields.period,
    ]) {
      expect(bad(def, null)).toEqual({ rule: 'required', message: '缺少必填值' });
      expect(bad(def, ' ')).toEqual({ rule: 'required', message: '缺少必填值' });
    }
  });
});

describe('text', () => {
  it('trims', () => {
    expect(ok(projects.fields.title, '  银龄守护 ')).toBe('银龄守护');
  });
  it('checks the pattern with its hint', () => {
    expect(ok(communities.fields.community_id, '330482001001')).toBe('330482001001');
    const e = bad(communities.fields.community_id, '33048200100');
    expect(e.rule).toBe('pattern');
    expect(e.message).toBe(`「33048200100」${communities.fields.community_id.patternHint}`);
  });
  it('explains a code that Excel turned into scientific notation', () => {
    expect(bad(communities.fields.community_id, '3.30482E+11').message).toContain('科学计数法');
  });
});

describe('integer and number', () => {
  it('accepts plain numbers and thousands separators', () => {
    expect(ok(communities.fields.households, '3120')).toBe(3120);
    expect(ok(communities.fields.households, '1,234')).toBe(1234);
    expect(ok(communities.fields.households, '1,234,567')).toBe(1234567);
    expect(ok(communities.fields.area_km2, '1.85')).toBe(1.85);
    expect(ok(communities.fields.latitude, '-30.5')).toBe(-30.5);
    expect(ok(communities.fields.households, '12.0')).toBe(12);
  });
  it('accepts full-width digits, as a Chinese input method types them', () => {
    expect(ok(communities.fields.households, '３１２０')).toBe(3120);
    expect(ok(transactions.fields.amount, '１，２３４．５０')).toBe(1234.5);
    expect(ok(projects.fields.start_date, '２０２５－０３－０１')).toBe('2025-03-01');
    expect(ok(workforce.fields.period, '２０２４－Ｑ１')).toBe('2024-Q1');
    expect(bad(transactions.fields.amount, '１２万').rule).toBe('unit');
  });
  it('refuses a fraction in an integer column', () => {
    expect(bad(communities.fields.households, '12.5')).toEqual({ rule: 'integer', message: '「12.5」必须是整数' });
  });
  it('checks bounds with the schema message', () => {
    expect(bad(communities.fields.households, '-1')).toEqual({ rule: 'range', message: '「-1」不能小于 0' });
    expect(bad(projects.fields.progress_pct, '101')).toEqual({ rule: 'range', message: '「101」不能大于 100' });
    expect(bad(surveys.fields.respondents, '0')).toEqual({ rule: 'range', message: '「0」必须大于 0' });
    expect(bad(transactions.fields.amount, '0')).toEqual({ rule: 'range', message: '「0」必须大于 0' });
    expect(ok(projects.fields.progress_pct, '100')).toBe(100);
  });
  it('refuses units and percent signs', () => {
    expect(bad(projects.fields.progress_pct, '35%')).toMatchObject({
      rule: 'unit',
      message: expect.stringContaining('35'),
    });
    expect(bad(projects.fields.volunteers, '20人').rule).toBe('unit');
    expect(bad(communities.fields.area_km2, '1.85平方公里').rule).toBe('unit');
    expect(bad(communities.fields.area_km2, '约1.85').rule).toBe('unit');
  });
  it('refuses what is not a number', () => {
    expect(bad(communities.fields.households, 'abc')).toEqual({ rule: 'type', message: '「abc」不是有效的数字' });
    expect(bad(communities.fields.households, '12,34').message).toContain('千分位');
    expect(bad(communities.fields.households, '1e3').rule).toBe('type');
    expect(bad(communities.fields.households, '0x10').rule).toBe('type');
  });
});

describe('amount', () => {
  const amount = transactions.fields.amount;
  it('accepts yuan with at most two decimals and thousands separators', () => {
    expect(ok(amount, '1,234.50')).toBe(1234.5);
    expect(ok(amount, '80000')).toBe(80000);
    expect(ok(amount, '0.01')).toBe(0.01);
    expect(ok(amount, '12.300')).toBe(12.3); // trailing zeros are not precision
  });
  it('refuses more than two decimals', () => {
    expect(bad(amount, '12.345')).toEqual({
      rule: 'decimals',
      message: '「12.345」最多两位小数:金额以元为单位,精确到分',
    });
  });
  it('refuses units, saying the column is in yuan and how to write the value', () => {
    const e = bad(amount, '12万');
    expect(e.rule).toBe('unit');
    expect(e.message).toContain('「12万」');
    expect(e.message).toContain('元为单位');
    expect(e.message).toContain('120000');
    expect(bad(amount, '1.5万元').message).toContain('15000');
    for (const s of ['¥100', '￥100', '100元', '100 元', 'RMB 100']) expect(bad(amount, s).rule, s).toBe('unit');
  });
});

describe('date', () => {
  const d = projects.fields.start_date;
  it('accepts real calendar dates', () => {
    expect(ok(d, '2024-02-29')).toBe('2024-02-29');
    expect(ok(d, ' 2025-03-01 ')).toBe('2025-03-01');
  });
  it('refuses impossible dates', () => {
    expect(bad(d, '2025-02-30').rule).toBe('date');
    expect(bad(d, '2023-02-29').rule).toBe('date');
    expect(bad(d, '2025-13-01').rule).toBe('date');
  });
  it('suggests the right form for common spellings', () => {
    expect(bad(d, '2025/3/1').message).toContain('2025-03-01');
    expect(bad(d, '2025年3月1日').message).toContain('2025-03-01');
    expect(bad(d, '20250301').message).toContain('2025-03-01');
    expect(bad(d, '2025-03-01 00:00:00').message).toContain('2025-03-01');
    expect(bad(d, '45717').message).toContain('2025-03-01');
  });
});

describe('period', () => {
  const p = workforce.fields.period;
  it('accepts YYYY, YYYY-Qn, YYYY-MM', () => {
    for (const s of ['2024', '2024-Q1', '2024-Q4', '2024-01', '2024-12']) expect(ok(p, s)).toBe(s);
  });
  it('refuses anything else, suggesting the form', () => {
    for (const s of ['2024-Q5', '2024-13', '2024-1', '24', '2024Q1', '2024年'])
      expect(bad(p, s).rule, s).toBe('period');
    expect(bad(p, '2024Q1').message).toContain('2024-Q1');
    expect(bad(p, '2024年3月').message).toContain('2024-03');
  });
});

describe('enum', () => {
  const kind = communities.fields.kind;
  it('accepts the code or the Chinese label', () => {
    expect(ok(kind, 'urban')).toBe('urban');
    expect(ok(kind, COMMUNITY_KIND.labels.rural)).toBe('rural');
    expect(ok(kind, ' Urban ')).toBe('urban');
    expect(ok(organizations.fields.rating, '5A')).toBe('5A');
    expect(ok(organizations.fields.rating, '5a')).toBe('5A');
  });
  it('tolerates full-width punctuation and look-alike dots in labels', () => {
    const label = COMMUNITY_KIND.labels.urban_village; // contains '·'
    expect(ok(kind, label.replaceAll('·', '・'))).toBe('urban_village');
    const committee = organizations.fields.kind.enum!.labels.committee!; // contains '(' ')'
    expect(ok(organizations.fields.kind, committee.replace('(', '（').replace(')', '）'))).toBe('committee');
  });
  it('lists the allowed codes with their labels when the value is not one', () => {
    const e = bad(kind, '城区');
    expect(e.rule).toBe('enum');
    expect(e.message).toBe(`「城区」不是有效的${kind.label}:可填代码或中文 ${enumChoices(COMMUNITY_KIND)}`);
    expect(enumChoices(COMMUNITY_KIND)).toContain(`urban(${COMMUNITY_KIND.labels.urban})`);
  });
});

describe('personal data in messages', () => {
  it('masks personal data when quoting a bad value', () => {
    const e = bad(communities.fields.community_id, '13812345678');
    expect(e.message).not.toContain('13812345678');
    expect(e.message).toContain('138******78');
  });
});

describe('the native fast path agrees with the zod schema of every field', () => {
  const probes: unknown[] = [
    -1e9,
    -100,
    -1,
    -0.5,
    0,
    0.5,
    1,
    1.5,
    4,
    5,
    5.5,
    10,
    90,
    100,
    100.5,
    180,
    181,
    1e12,
    'x',
    '330482001001',
    '3304820010',
    '',
  ];
  it('for every field and probe value', () => {
    for (const t of TABLES as readonly TableDef[]) {
      for (const [name, def] of Object.entries(t.fields)) {
        if (def.type === 'date' || def.type === 'period' || def.type === 'enum') continue; // checked exactly before zod
        const parse = cellParser(def);
        for (const v of probes) {
          if ((typeof v === 'number') !== (def.type !== 'text')) continue;
          const z = def.zod.safeParse(v).success;
          const got = parse(String(v));
          const native = !(got instanceof CellError) && got !== null;
          if (v === '') continue;
          expect(native, `${t.name}.${name} ${String(v)}`).toBe(z);
        }
      }
    }
  });
});
