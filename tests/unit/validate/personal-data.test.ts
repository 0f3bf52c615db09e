import { describe, expect, it } from 'vitest';
import { findPersonalData, mask, mayHoldPersonalData, redact } from '../../../src/validate/personal-data.ts';
import { validateDataset } from '../../../src/validate/index.ts';
import { fixtureRaw, located, setCell } from './helpers.ts';

const kinds = (text: string, opts = {}) => findPersonalData(text, opts).map((h) => h.kind);

describe('ID card numbers', () => {
  it('finds an 18-character number with a valid check character, alone or inside text', () => {
    expect(kinds('110101199003071233')).toEqual(['id-card']);
    expect(kinds('身份证号110101199003071233,联系人')).toEqual(['id-card']);
    expect(kinds('11010519491231002X')).toEqual(['id-card']);
    expect(kinds('11010519491231002x')).toEqual(['id-card']);
  });
  it('finds a 15-digit first-generation number', () => {
    expect(kinds('老证号 110105491231002')).toEqual(['id-card']);
  });
  it('ignores a wrong check character, and a longer digit run', () => {
    expect(kinds('110101199003071234')).toEqual([]);
    expect(kinds('1101011990030712331')).not.toContain('id-card');
  });
  it('does not take a valid unified social credit code in an organization column for an ID card', () => {
    // an all-digit code that passes both checks would be an ID card elsewhere
    expect(kinds('52330482MJ1234567X', { orgCode: true })).toEqual([]);
    expect(kinds('91330482MA2B3C4D5Y')).toEqual([]);
  });
});

describe('mobile numbers', () => {
  it('finds them in the usual spellings', () => {
    for (const s of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 13812345678',
      '+8613812345678',
      '86-138-1234-5678',
      '联系电话:13912345678。',
    ]) {
      expect(kinds(s), s).toEqual(['mobile']);
    }
  });
  it('ignores a 12-digit community code, an 11-digit number starting 12, landlines and vouchers', () => {
    for (const s of [
      '330482001001',
      '130102001001',
      '12345678901',
      '0573-85123456',
      'PZ2023-000123',
      '2024-03-05',
      '1,381,234.56',
      '13812345678901',
    ]) {
      expect(kinds(s), s).toEqual([]);
    }
  });
});

describe('bank card numbers', () => {
  it('finds 16–19 digits passing Luhn, grouped or not', () => {
    expect(kinds('6222021001123456789')).toEqual(['bank-card']);
    expect(kinds('6228 4800 1234 5671')).toEqual(['bank-card']);
    expect(kinds('卡号 6228-4800-1234-5671 转账')).toEqual(['bank-card']);
    expect(kinds('4111111111111111')).toEqual(['bank-card']);
  });
  it('ignores 16 digits failing Luhn, serials that look like dates, and identifier columns', () => {
    expect(kinds('6228480012345672')).toEqual([]);
    expect(kinds('2023010100000018')).toEqual([]); // a serial, not a card network prefix
    expect(kinds('6222021001123456789', { identifier: true })).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it('finds them', () => {
    expect(kinds('联系 zhang.san@163.com')).toEqual(['email']);
    expect(kinds('a_b+c@mail.example.gov.cn')).toEqual(['email']);
  });
  it('ignores an @ in ordinary text', () => {
    expect(kinds('请 @社区 居委会 关注')).toEqual([]);
    expect(kinds('微博 @平湖民政')).toEqual([]);
  });
});

describe('masking', () => {
  it('shows only the first 3 and last 2 characters', () => {
    expect(mask('13812345678')).toBe('138******78');
    expect(mask('110101199003071233')).toBe('110*************33');
    expect(mask('abcd')).toBe('****');
    expect(redact('电话 13812345678 王')).toBe('电话 138******78 王');
  });
  it('prefilters cheaply', () => {
    const no = [
      'P2024-001',
      '330482001001',
      'PZ2023-000123',
      '52330482MJ1234567X',
      'T000000001',
      '2024-03-05',
      'MY-110102009011-2021Q1',
    ];
    for (const s of no) {
      expect(mayHoldPersonalData(s), s).toBe(false);
    }
    const yes = [
      'a@b',
      '13812345678',
      '138 1234 5678',
      '+86 13812345678',
      '8613812345678',
      '110105491231002',
      '1-13812345678',
    ];
    for (const s of [...yes, '6228 4800 1234 5671', '622848-0012345671', '11010519491231002X']) {
      expect(mayHoldPersonalData(s), s).toBe(true);
    }
  });
});

describe('the prefilter', () => {
  it('never hides what the detectors would find', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = '0123456789012345678901234567890123456789  --+X@a.中';
    const pii = [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 13812345678',
      '8613812345678',
      '0086-13812345678',
      '110101199003071233',
      '11010519491231002X',
      '110105491231002',
      '6222021001123456789',
      '6228 4800 1234 5671',
      '622848-0012345671',
      'x.y@qq.com',
    ];
    let hits = 0;
    for (let k = 0; k < 20000; k++) {
      let s = '';
      for (let j = rand(12); j > 0; j--) s += alphabet[rand(alphabet.length)];
      if (k % 2 === 0) s += pii[rand(pii.length)];
      for (let j = rand(12); j > 0; j--) s += alphabet[rand(alphabet.length)];
      const full = findPersonalData(s, { exhaustive: true });
      if (full.length > 0) {
        hits++;
        expect(mayHoldPersonalData(s), JSON.stringify(s)).toBe(true);
        expect(findPersonalData(s)).toEqual(full);
      }
    }
    expect(hits).toBeGreaterThan(1000);
  });
});

describe('in a dataset', () => {
  it('refuses each kind, located, with the value masked', async () => {
    const raw = await fixtureRaw();
    setCell(raw, 'projects', 2, 'summary', '联系 138-1234-5678');
    setCell(raw, 'transactions', 3, 'purpose', '付给 110101199003071233');
    setCell(raw, 'transactions', 4, 'counterparty_name', '卡 6222021001123456789');
    setCell(raw, 'communities', 3, 'description', '邮箱 someone@qq.com');
    const r = validateDataset(raw);
    expect(located(r.errors)).toEqual([
      { file: 'communities.csv', row: 3, column: 'description', rule: 'personal-data.email' },
      { file: 'projects.csv', row: 2, column: 'summary', rule: 'personal-data.mobile' },
      { file: 'transactions.csv', row: 3, column: 'purpose', rule: 'personal-data.id-card' },
      { file: 'transactions.csv', row: 4, column: 'counterparty_name', rule: 'personal-data.bank-card' },
    ]);
    const text = r.errors.map((e) => e.message).join('\n');
    for (const secret of ['13812345678', '1234-5678', '110101199003071233', '6222021001123456789', 'someone@qq.com']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('138********78');
  });

  it('scans text-typed code columns too, but not numbers, dates or enums', async () => {
    const raw = await fixtureRaw();
    setCell(raw, 'transactions', 2, 'voucher_no', '13812345678');
    setCell(raw, 'projects', 2, 'beneficiaries', '13812345678'); // an integer: not scanned
    const r = validateDataset(raw);
    expect(located(r.errors)).toEqual([
      { file: 'transactions.csv', row: 2, column: 'voucher_no', rule: 'personal-data.mobile' },
    ]);
  });

  it('allows an e-mail address only in publisher.contact of datapackage.json', async () => {
    const raw = await fixtureRaw();
    expect(raw.metadata!.publisher.contact).toContain('@');
    expect(validateDataset(raw).errors).toEqual([]);
    raw.metadata!.description = '问题请发 someone@qq.com';
    const r = validateDataset(raw);
    expect(r.errors).toEqual([
      expect.objectContaining({ file: 'datapackage.json', field: 'description', rule: 'personal-data.email' }),
    ]);
  });
});
