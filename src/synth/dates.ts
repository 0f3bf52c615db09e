/**
 * Calendar dates as day numbers (days since 1970-01-01), with the civil-calendar conversion of
 * Howard Hinnant's algorithms. No Date objects, no time zones, no clock.
 */

export type Day = number;

export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civil(d: Day): { year: number; month: number; day: number } {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DD`. */
export function iso(d: Day): string {
  const c = civil(d);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
}

export function parseIso(s: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function yearOf(d: Day): number {
  return civil(d).year;
}

/** Quarter 1–4 of a day. */
export function quarterOf(d: Day): number {
  return Math.floor((civil(d).month - 1) / 3) + 1;
}

/** `YYYY-Qn`. */
export function quarterPeriod(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

export function quarterStart(year: number, quarter: number): Day {
  return dayOf(year, (quarter - 1) * 3 + 1, 1);
}

export function quarterEnd(year: number, quarter: number): Day {
  return quarter === 4 ? dayOf(year, 12, 31) : dayOf(year, quarter * 3 + 1, 1) - 1;
}

export function min(a: Day, b: Day): Day {
  return a < b ? a : b;
}

export function max(a: Day, b: Day): Day {
  return a > b ? a : b;
}
