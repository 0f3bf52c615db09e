/**
 * Identifiers the generator makes up: unified social credit codes (统一社会信用代码) with valid
 * check characters, and local numbers for what has none. Codes are synthetic, never the real code
 * of a real organization.
 *
 * The unified social credit code check is the validator's (src/validate/identifiers.ts): one
 * definition of GB 32100, so generated codes pass exactly the check they will be held to.
 */
import { usccCheckChar } from '../validate/identifiers.ts';
import { int, type Rng } from './random.ts';

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
