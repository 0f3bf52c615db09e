/**
 * The personal-data guard (data standard §3). Published data is public forever, so a dataset is
 * refused when any text cell holds a resident ID number, a mainland mobile number, a bank card
 * number or an e-mail address. Every message masks the value: only its first 3 and last 2
 * characters are shown.
 *
 * Care against false positives: a 12-digit community code, an 11-digit number starting 12, voucher
 * numbers (`PZ2023-000123`), dates and amounts are not matched, because every detector requires its
 * digits not to be part of a longer digit run and checks what can be checked (ID check character
 * and birth date, Luhn for cards). An 18-character organization code that is a valid unified social
 * credit code is not an ID card; identifier columns (primary and foreign keys) are not searched
 * for card numbers, since long numeric serials are legitimate there.
 */
import { isPlausibleIdCard15, isValidIdCard18, isValidUscc, luhn } from './identifiers.ts';
import { quote } from './issues.ts';

export type PersonalDataKind = 'id-card' | 'mobile' | 'bank-card' | 'email';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** The matched text as it appears in the cell. */
  match: string;
}

export interface ScanOptions {
  /** The cell is an organization code: a valid USCC there is not an ID card. */
  orgCode?: boolean;
  /** The cell is an identifier (a key): do not look for card numbers. */
  identifier?: boolean;
  /** Skip the cheap prefilter (to test that it never hides a hit). */
  exhaustive?: boolean;
}

export const KIND_LABELS: Record<PersonalDataKind, string> = {
  'id-card': '居民身份证号',
  mobile: '手机号',
  'bank-card': '银行卡号',
  email: '电子邮箱',
};

const ID_CARD = /(?<!\d)(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const MOBILE = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
const BANK_CARD =
  /(?<!\d)(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}(?:[ -]?\d{1,3})?|\d{6}[ -]\d{10,13}|\d{16,19})(?![\dXx])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * A cheap test that a cell may hold personal data, one pass over its characters with no
 * allocation. True for an `@`; 15 digits in a row (ID card, bank card); 11 digits from a place
 * where a mobile number can start (`1[3-9]`, `86`, `0086` after a non-digit, single spaces or
 * dashes allowed); a card number in groups (16 digits over 3 separators, or 6 then 10 digits). A
 * 12-digit community code, a USCC, `PZ2023-000123` or `MY-330482001001-2024Q1` go no further.
 */
export function mayHoldPersonalData(text: string): boolean {
  let digits = 0; // in the current run of digits joined by single separators
  let seps = 0; // separators in the run
  let seg = 0; // digits in the current segment (between separators)
  let prevSeg = 0;
  let sep = false;
  let mobileFrom = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (seg === 0 && mobileFrom < 0) {
        const d = text.charCodeAt(i + 1);
        if ((c === 49 && d >= 51 && d <= 57) || (c === 56 && d === 54) || (c === 48 && d === 48)) mobileFrom = digits;
      }
      digits++;
      seg++;
      if (seg >= 15) return true;
      if (mobileFrom >= 0 && digits - mobileFrom >= 11) return true;
      if (seps >= 3 && digits >= 16) return true;
      if (prevSeg === 6 && seg >= 10) return true;
      sep = false;
    } else if ((c === 32 || c === 45) && digits > 0 && !sep) {
      sep = true;
      seps++;
      prevSeg = seg;
      seg = 0;
    } else {
      if (c === 64) return true;
      digits = 0;
      seps = 0;
      seg = 0;
      prevSeg = 0;
      sep = false;
      mobileFrom = -1;
    }
  }
  return false;
}

/** Card networks: UnionPay 62…, Visa 4…, Mastercard 51–55 and 2221–2720, JCB/Amex 3…, domestic 60…/9…. */
function plausibleCardPrefix(d: string): boolean {
  const c = d.charCodeAt(0) - 48;
  if (c >= 3 && c <= 6) return true;
  if (c === 9) return true;
  if (c === 2) {
    const p = Number(d.slice(0, 4));
    return p >= 2221 && p <= 2720;
  }
  return false;
}

/** Every piece of personal data in `text`. */
export function findPersonalData(text: string, options: ScanOptions = {}): PersonalDataHit[] {
  if (!options.exhaustive && !mayHoldPersonalData(text)) return [];
  const hits: PersonalDataHit[] = [];
  const ids = new Set<string>();
  for (const m of text.matchAll(ID_CARD)) {
    const s = m[0];
    if (options.orgCode && isValidUscc(s)) continue;
    if (s.length === 18 ? isValidIdCard18(s) : isPlausibleIdCard15(s)) {
      hits.push({ kind: 'id-card', match: s });
      ids.add(s);
    }
  }
  for (const m of text.matchAll(MOBILE)) hits.push({ kind: 'mobile', match: m[0] });
  if (!options.identifier) {
    for (const m of text.matchAll(BANK_CARD)) {
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length < 16 || digits.length > 19 || ids.has(digits)) continue;
      if (digits.length === 18 && isValidUscc(digits)) continue;
      if (plausibleCardPrefix(digits) && luhn(digits)) hits.push({ kind: 'bank-card', match: m[0] });
    }
  }
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) hits.push({ kind: 'email', match: m[0] });
  return hits;
}

/** `13812345678` → `138******78`: only the first 3 and last 2 characters are shown. */
export function mask(s: string): string {
  if (s.length <= 5) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 5)}${s.slice(-2)}`;
}

/** `text` with every piece of personal data in it masked. */
export function redact(text: string, options: ScanOptions = {}): string {
  let out = text;
  for (const h of findPersonalData(text, options)) out = out.split(h.match).join(mask(h.match));
  return out;
}

/** A cell value quoted for an error message, with any personal data in it masked. */
export function showValue(text: string): string {
  return quote(redact(text));
}

/** The message for a hit: names what was found, masked, and what to do. */
export function personalDataMessage(hit: PersonalDataHit): string {
  const what = KIND_LABELS[hit.kind];
  const advice =
    hit.kind === 'email'
      ? '公开数据中只有 datapackage.json 的 publisher.contact 可以填写电子邮箱'
      : '公开数据不得包含个人信息,个人只能以人数出现';
  return `疑似${what}「${mask(hit.match)}」:${advice}`;
}
