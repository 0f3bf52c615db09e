/**
 * Identifiers the generator makes up: unified social credit codes (统一社会信用代码) with valid
 * check characters, and local numbers for what has none. Codes are synthetic, never the real code
 * of a real organization.
 *
 * Duplicate note: src/validate may carry its own checker; this one exists so that the generator
 * does not depend on the validator it feeds.
 */
import { int, type Rng } from './random.ts';

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The 18th character of a unified social credit code, from its first 17; null if a character is invalid. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c]!;
}

export function isValidUscc(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}

/** GB 11714-1997 organization code check character over 8 characters (digits and A–Z). */
export function orgCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i]!;
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    sum += v * weights[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Registration authority + organization category (first two characters of the code). */
export type UsccPrefix =
  | '11' // 机构编制: 机关
  | '51' // 民政: 社会团体
  | '52' // 民政: 民办非企业单位(社会服务机构)
  | '53' // 民政: 基金会
  | '91'; // 工商: 企业

const ORG_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';

/**
 * A synthetic unified social credit code: prefix, 6-digit division code, a 9-character
 * organization code (always with letters in it, so it can never look like an identity-card
 * number) and the check character.
 */
export function makeUscc(rng: Rng, prefix: UsccPrefix, divisionCode: string): string {
  const division = divisionCode.slice(0, 6).padEnd(6, '0');
  // Organization code body: civil-affairs codes start with 'M', enterprises with 'MA', others
  // with a letter too, then digits and letters. Starting with a letter keeps every run of digits
  // short (nine at most), so that no code reads as a 15-digit identity-card number or a bank
  // card. Its GB 11714 check is a digit or 'X', both in the USCC character set, as are all of
  // ORG_LETTERS.
  let body = prefix === '91' ? 'MA' : prefix === '11' ? ORG_LETTERS[int(rng, 0, ORG_LETTERS.length - 1)]! : 'M';
  while (body.length < 8) {
    body += rng.next() < 0.4 ? ORG_LETTERS[int(rng, 0, ORG_LETTERS.length - 1)] : String(int(rng, 0, 9));
  }
  const orgCode = body + orgCodeCheckChar(body);
  const first17 = prefix + division + orgCode;
  return first17 + usccCheckChar(first17)!;
}
