import { describe, expect, it } from 'vitest';
import {
  idCardCheckChar,
  isCalendarDate,
  isPlausibleIdCard15,
  isValidIdCard18,
  isValidUscc,
  luhn,
  usccCheckChar,
} from '../../../src/validate/identifiers.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts valid codes', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true); // a published example
    expect(isValidUscc('52330482MJ1234567X')).toBe(true);
    expect(isValidUscc('91330482MA2B3C4D5Y')).toBe(true);
  });
  it('refuses a wrong check character, a wrong length and letters the standard does not use', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M00010OY43')).toBe(false); // O is not in the charset
    expect(isValidUscc('91330482ma2b3c4d5y')).toBe(false);
  });
  it('maps a remainder of 0 to check character 0', () => {
    // find a prefix whose weighted sum is divisible by 31 and check it ends in '0'
    for (let n = 0; n < 100000; n++) {
      const p = `9133048200${String(n).padStart(7, '0')}`;
      const c = usccCheckChar(p)!;
      if (c === '0') {
        expect(isValidUscc(`${p}0`)).toBe(true);
        return;
      }
    }
    throw new Error('no prefix with check 0 found');
  });
});

describe('resident ID card (GB 11643)', () => {
  it('accepts an 18-character number with a valid check character and birth date', () => {
    expect(isValidIdCard18('11010519491231002X')).toBe(true); // the standard's example
    expect(isValidIdCard18('11010519491231002x')).toBe(true);
    expect(isValidIdCard18('110101199003071233')).toBe(true);
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });
  it('refuses a wrong check character, an impossible birth date or region', () => {
    expect(isValidIdCard18('110101199003071234')).toBe(false);
    const future = `11010130000101001`;
    expect(isValidIdCard18(future + idCardCheckChar(future))).toBe(false);
    const feb30 = '11010119900230001';
    expect(isValidIdCard18(feb30 + idCardCheckChar(feb30))).toBe(false);
    const region = '99010119900307123';
    expect(isValidIdCard18(region + idCardCheckChar(region))).toBe(false);
  });
  it('recognizes a 15-digit first-generation number by region and birth date', () => {
    expect(isPlausibleIdCard15('110105491231002')).toBe(true);
    expect(isPlausibleIdCard15('330482000012345')).toBe(false); // a business registration number: month 00
    expect(isPlausibleIdCard15('11010549123100')).toBe(false);
  });
  it('knows the calendar', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2025, 4, 31)).toBe(false);
  });
});

describe('Luhn', () => {
  it('checks', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('6222021001123456789')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(luhn('')).toBe(false);
    expect(luhn('41x1')).toBe(false);
  });
});
