/** Check characters of the identifiers the standard meets: USCC, resident ID card, bank card (Luhn). */

/** GB 32100-2015 character set of the unified social credit code (no I, O, S, V, Z). */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character a 17-character USCC prefix should end with, or null if a character is not allowed. */
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

/** A unified social credit code (统一社会信用代码) with a valid check character. */
export function isValidUscc(s: string): boolean {
  if (s.length !== 18) return false;
  const c = usccCheckChar(s.slice(0, 17));
  return c !== null && c === s[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes that begin a resident ID number (plus 71/81/82/83 and 91 for permits). */
const ID_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83, 91,
]);

/** A real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1]!;
}

function plausibleBirth(year: number, month: number, day: number): boolean {
  if (!isCalendarDate(year, month, day)) return false;
  const now = new Date();
  const y = now.getFullYear();
  if (year < 1900 || year > y) return false;
  return year < y || month < now.getMonth() + 1 || (month === now.getMonth() + 1 && day <= now.getDate());
}

function digitsAt(s: string, from: number, n: number): number {
  return Number(s.slice(from, from + n));
}

/** The check character an ID number's first 17 digits should end with. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** An 18-character resident ID number (GB 11643): valid region, plausible birth date and check character. */
export function isValidIdCard18(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  if (!ID_PROVINCES.has(digitsAt(s, 0, 2))) return false;
  if (!plausibleBirth(digitsAt(s, 6, 4), digitsAt(s, 10, 2), digitsAt(s, 12, 2))) return false;
  return idCardCheckChar(s) === s[17]!.toUpperCase();
}

/** A 15-digit ID number of the first generation: valid region and a plausible 19YYMMDD birth date. */
export function isPlausibleIdCard15(s: string): boolean {
  if (!/^\d{15}$/.test(s)) return false;
  if (!ID_PROVINCES.has(digitsAt(s, 0, 2))) return false;
  return plausibleBirth(1900 + digitsAt(s, 6, 2), digitsAt(s, 8, 2), digitsAt(s, 10, 2));
}

/** The Luhn (mod 10) check over a string of digits. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
