/**
 * One cell's text → its typed value, by the field's definition in `src/schema` (data standard §1):
 * text, integer, number, amount (yuan, at most two decimals), date (a real `YYYY-MM-DD`), period
 * (`YYYY`, `YYYY-Qn`, `YYYY-MM`) and enum (code or Chinese label → code). The field's zod schema
 * then checks the typed value (bounds, pattern) and its message is used.
 *
 * Parsers are compiled once per field and allocate nothing for a good cell.
 */
import type { EnumDef, FieldDef } from '../schema/index.ts';
import { PERIOD_PATTERN } from '../schema/index.ts';
import { normalizeName } from '../ingest/headers.ts';
import { isCalendarDate } from './identifiers.ts';
import { showValue } from './personal-data.ts';

export type CellValue = string | number | null;

/** Why a cell is wrong. `rule` is a stable id: required, type, unit, decimals, date, period, enum, pattern, range, integer. */
export class CellError {
  readonly rule: string;
  readonly message: string;
  constructor(rule: string, message: string) {
    this.rule = rule;
    this.message = message;
  }
}

/** Parses a raw cell (null = empty) into a typed value, or says why it cannot. */
export type CellParser = (raw: string | null) => CellValue | CellError;

const REQUIRED = new CellError('required', '缺少必填值');

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[Ee][+-]?\d+$/;
const UNIT_CHARS = /[万亿千元¥￥%％人次个户小时]|rmb|cny|yuan/i;
/** A number with a short prefix or suffix: `$12`, `12 km`. */
const AFFIXED_NUMBER = /^(?:\D{1,3}\s*[\d.,]+|[\d.,]+\s*\D{1,4})$/;

function numberOf(s: string): number | null {
  if (PLAIN_NUMBER.test(s)) return Number(s);
  if (GROUPED_NUMBER.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

function trimmedDecimals(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return 0;
  let end = s.length;
  while (end > dot + 1 && s.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

function notANumber(def: FieldDef, s: string): CellError {
  const shown = showValue(s);
  const withUnit = /\d/.test(s) && (UNIT_CHARS.test(s) || AFFIXED_NUMBER.test(s));
  if (withUnit) {
    if (def.type === 'amount') {
      const wan = /^[¥￥]?\s*([\d,]+(?:\.\d+)?)\s*万元?$/.exec(s);
      const n = wan ? Number(wan[1]!.replace(/,/g, '')) * 10000 : null;
      const example =
        n !== null && Number.isFinite(n) ? `,如「${s}」应写作 ${Math.round(n * 100) / 100}` : ',如 120000 或 1,234.50';
      return new CellError('unit', `${shown}不能带单位或符号:本列以元为单位,只填数字${example}`);
    }
    if (s.includes('%') || s.includes('％')) {
      return new CellError('unit', `${shown}不能带 %:只填数字,如 35 表示 35%`);
    }
    return new CellError('unit', `${shown}不能带单位或符号:本列只填数字`);
  }
  if (SCIENTIFIC.test(s)) {
    return new CellError('type', `${shown}是科学计数法:请把这一列设为数值格式后直接填写数字`);
  }
  if (/^[+-]?[\d,]+(?:\.\d+)?$/.test(s)) {
    return new CellError('type', `${shown}不是有效的数字:千分位逗号应每三位一个,如 1,234.50`);
  }
  return new CellError('type', `${shown}不是有效的数字`);
}

/**
 * The field's own constraints, checked natively: the fast path. It mirrors what `define.ts` puts
 * into each field's zod schema (a test holds the two in agreement); when it fails, or cannot
 * decide, the zod schema has the last word and gives the message.
 */
function passesNatively(def: FieldDef, value: CellValue): boolean {
  if (typeof value === 'number') {
    if (def.type === 'integer' && !Number.isInteger(value)) return false;
    if (def.min !== undefined && value < def.min) return false;
    if (def.max !== undefined && value > def.max) return false;
    if (def.exclusiveMin !== undefined && !(value > def.exclusiveMin)) return false;
    return Number.isFinite(value);
  }
  if (typeof value === 'string') {
    if (def.type === 'text') return value !== '' && (def.pattern === undefined || def.pattern.test(value));
    // Dates, periods and enum codes reach here only after their own exact check.
    return def.type === 'date' || def.type === 'period' || def.type === 'enum';
  }
  return false;
}

function zodCheck(def: FieldDef, value: CellValue, s: string): CellValue | CellError {
  if (passesNatively(def, value)) return value;
  const r = def.zod.safeParse(value);
  if (r.success) return value;
  const zi = r.error.issues[0]!;
  const rule =
    zi.code === 'too_small' || zi.code === 'too_big'
      ? 'range'
      : zi.code === 'invalid_format'
        ? 'pattern'
        : def.type === 'integer'
          ? 'integer'
          : 'type';
  return new CellError(rule, `${showValue(s)}${zi.message}`);
}

function numberParser(def: FieldDef): CellParser {
  const amount = def.type === 'amount';
  return (raw) => {
    if (raw === null) return def.required ? REQUIRED : null;
    const s = raw.trim();
    if (s === '') return def.required ? REQUIRED : null;
    const n = numberOf(s);
    if (n === null) return notANumber(def, s);
    if (amount && trimmedDecimals(s) > 2) {
      return new CellError('decimals', `${showValue(s)}最多两位小数:金额以元为单位,精确到分`);
    }
    return zodCheck(def, n, s);
  };
}

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE_DATE = /^(\d{4})\s*[/.年-]\s*(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateError(s: string): CellError {
  const shown = showValue(s);
  const loose = LOOSE_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (loose) {
    const [y, m, d] = [Number(loose[1]), Number(loose[2]), Number(loose[3])];
    if (isCalendarDate(y, m, d)) {
      return new CellError('date', `${shown}日期格式应为 YYYY-MM-DD,即 ${y}-${pad2(m)}-${pad2(d)}`);
    }
    return new CellError('date', `${shown}不是真实的日期:应为 YYYY-MM-DD`);
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86400000);
    const iso = t.toISOString().slice(0, 10);
    return new CellError('date', `${shown}像是 Excel 的日期序号(${iso}):日期应写作 YYYY-MM-DD`);
  }
  return new CellError('date', `${shown}不是有效的日期:应为 YYYY-MM-DD,如 2025-03-01`);
}

function dateParser(def: FieldDef): CellParser {
  return (raw) => {
    if (raw === null) return def.required ? REQUIRED : null;
    const s = raw.trim();
    if (s === '') return def.required ? REQUIRED : null;
    const m = DATE_PARTS.exec(s);
    if (m === null) return dateError(s);
    if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      return new CellError('date', `${showValue(s)}不是真实的日期(该月没有这一天)`);
    }
    return zodCheck(def, s, s);
  };
}

function periodParser(def: FieldDef): CellParser {
  return (raw) => {
    if (raw === null) return def.required ? REQUIRED : null;
    const s = raw.trim();
    if (s === '') return def.required ? REQUIRED : null;
    if (!PERIOD_PATTERN.test(s)) {
      let hint = '';
      const q = /^(\d{4})\s*[-年]?\s*(?:[Qq]|第)\s*([1-4])\s*(?:季度?)?$/.exec(s);
      const ym = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
      const y = /^(\d{4})\s*年?$/.exec(s);
      if (q) hint = `,即 ${q[1]}-Q${q[2]}`;
      else if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) hint = `,即 ${ym[1]}-${pad2(Number(ym[2]))}`;
      else if (y) hint = `,即 ${y[1]}`;
      return new CellError(
        'period',
        `${showValue(s)}不是有效的统计期:应为 YYYY、YYYY-Qn 或 YYYY-MM${hint || ',如 2024、2024-Q1、2024-03'}`,
      );
    }
    return zodCheck(def, s, s);
  };
}

const enumLookups = new WeakMap<EnumDef, Map<string, string>>();

/** Code or Chinese label (exact, or up to case, spaces and full-width punctuation) → code. */
export function enumLookup(e: EnumDef): Map<string, string> {
  let m = enumLookups.get(e);
  if (!m) {
    m = new Map();
    const labels = e.labels as Record<string, string>;
    for (const code of e.codes) {
      m.set(normalizeName(code), code);
      m.set(normalizeName(labels[code]!), code);
    }
    for (const code of e.codes) {
      m.set(code, code);
      m.set(labels[code]!, code);
    }
    enumLookups.set(e, m);
  }
  return m;
}

/** `urban(城市社区)、rural(农村社区)…`: the allowed values, for messages. */
export function enumChoices(e: EnumDef): string {
  const labels = e.labels as Record<string, string>;
  return e.codes.map((c) => (labels[c] === c ? c : `${c}(${labels[c]})`)).join('、');
}

function enumParser(def: FieldDef): CellParser {
  const e = def.enum!;
  const lookup = enumLookup(e);
  return (raw) => {
    if (raw === null) return def.required ? REQUIRED : null;
    let code = lookup.get(raw);
    if (code === undefined) {
      const s = raw.trim();
      if (s === '') return def.required ? REQUIRED : null;
      code = lookup.get(normalizeName(s));
      if (code === undefined) {
        return new CellError('enum', `${showValue(s)}不是有效的${def.label}:可填代码或中文 ${enumChoices(e)}`);
      }
    }
    return zodCheck(def, code, raw);
  };
}

const EXCEL_SCIENTIFIC = /^\d(?:\.\d+)?E\+\d+$/i;

function textParser(def: FieldDef): CellParser {
  return (raw) => {
    if (raw === null) return def.required ? REQUIRED : null;
    const s = raw.trim();
    if (s === '') return def.required ? REQUIRED : null;
    const v = zodCheck(def, s, s);
    if (v instanceof CellError && EXCEL_SCIENTIFIC.test(s)) {
      return new CellError(v.rule, `${v.message}(看起来被 Excel 转成了科学计数法:请把这一列设为文本格式后重新填写)`);
    }
    return v;
  };
}

/** Full-width digits and punctuation (`１２３`, `２０２５－０３－０１`), as a Chinese input method may type them. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** On failure, reads the cell again with full-width characters made half-width. */
function acceptingFullWidth(parse: CellParser): CellParser {
  return (raw) => {
    const v = parse(raw);
    // The half-width reading decides, and its message explains (`１２万` is refused for its unit).
    if (v instanceof CellError && raw !== null && FULL_WIDTH.test(raw)) return parse(raw.normalize('NFKC'));
    return v;
  };
}

const parsers = new WeakMap<FieldDef, CellParser>();

/** The compiled parser of a field (cached). */
export function cellParser(def: FieldDef): CellParser {
  let p = parsers.get(def);
  if (!p) {
    switch (def.type) {
      case 'text':
        p = textParser(def);
        break;
      case 'integer':
      case 'number':
      case 'amount':
        p = acceptingFullWidth(numberParser(def));
        break;
      case 'date':
        p = acceptingFullWidth(dateParser(def));
        break;
      case 'period':
        p = acceptingFullWidth(periodParser(def));
        break;
      case 'enum':
        p = enumParser(def);
        break;
    }
    parsers.set(def, p);
  }
  return p;
}

export type ParsedCell = { ok: true; value: CellValue } | { ok: false; rule: string; message: string };

/** Parses one cell by its field definition (convenience wrapper over `cellParser`). */
export function parseCell(def: FieldDef, raw: string | null): ParsedCell {
  const v = cellParser(def)(raw);
  return v instanceof CellError ? { ok: false, rule: v.rule, message: v.message } : { ok: true, value: v };
}
