/**
 * The data dictionary (/data/dictionary/), generated from src/schema: the very definitions that
 * validate a publisher's data. Nothing here restates a label; it only reads and arranges them.
 */
import {
  DATE_PATTERN,
  PERIOD_PATTERN,
  TABLES,
  tableByName,
  type FieldDef,
  type FieldType,
  type TableDef,
} from '../schema/index.ts';
import { KIND_LABELS } from '../validate/personal-data.ts';
import {
  INDICATOR_COLUMNS,
  INDICATOR_LIST,
  INDICATOR_PRIMARY_KEY,
  INDICATOR_SCOPES,
  UNIT_WORDS,
} from './indicators.ts';

/** How each field type is written in a cell, in plain Chinese. */
export const TYPE_TEXT: Readonly<Record<FieldType, { name: string; format: string }>> = {
  text: { name: '文本', format: '任意文字；代码按文本保存，前导零保留' },
  integer: { name: '整数', format: '不带小数的数字' },
  number: { name: '数字', format: '可以带小数' },
  amount: { name: '金额', format: '单位为元，最多两位小数，可带千位分隔符（1,234.50），不能带单位（如“12万”）' },
  date: { name: '日期', format: 'YYYY-MM-DD,如 2025-03-01' },
  period: { name: '期间', format: 'YYYY、YYYY-Qn 或 YYYY-MM,如 2025、2025-Q1、2025-03' },
  enum: { name: '代码', format: '填写代码或它的中文名称' },
};

export interface DictionaryField {
  name: string;
  label: string;
  description: string;
  type: string;
  format: string;
  required: boolean;
  /** Plain constraints: `≥ 0`, `0 至 100`, `> 0`, the pattern's meaning. */
  constraints: string[];
  /** Primary key part, or the table and field it points at. */
  key: string | null;
  /** `#table` of the referenced table, for a link. */
  keyTarget: string | null;
  codes: { code: string; label: string }[];
}

export interface DictionaryTable {
  name: string;
  label: string;
  description: string;
  required: boolean;
  primaryKey: { name: string; label: string }[];
  fields: DictionaryField[];
  rules: readonly string[];
}

export function constraintsOf(f: FieldDef): string[] {
  const out: string[] = [];
  if (f.min !== undefined && f.max !== undefined) out.push(`${f.min} 至 ${f.max}`);
  else if (f.min !== undefined) out.push(`≥ ${f.min}`);
  else if (f.max !== undefined) out.push(`≤ ${f.max}`);
  if (f.exclusiveMin !== undefined) out.push(`> ${f.exclusiveMin}`);
  if (f.pattern && f.pattern !== DATE_PATTERN && f.pattern !== PERIOD_PATTERN)
    out.push(f.patternHint ?? `格式 ${f.pattern.source}`);
  return out;
}

export function keyOf(table: TableDef, name: string, f: FieldDef): { key: string | null; keyTarget: string | null } {
  const pk = table.primaryKey.includes(name);
  if (f.references) {
    const target = tableByName(f.references.table);
    const targetField = target?.fields[f.references.field];
    const text = `指向${target?.label ?? f.references.table}表的${targetField?.label ?? f.references.field}（${f.references.table}.${f.references.field}）`;
    return { key: pk ? `主键之一；${text}` : text, keyTarget: `table-${f.references.table}` };
  }
  if (pk) return { key: table.primaryKey.length > 1 ? '主键之一' : '主键', keyTarget: null };
  return { key: null, keyTarget: null };
}

export function dictionaryTable(table: TableDef): DictionaryTable {
  return {
    name: table.name,
    label: table.label,
    description: table.description,
    required: table.required,
    primaryKey: table.primaryKey.map((k) => ({ name: k, label: table.fields[k]!.label })),
    fields: Object.entries(table.fields).map(([name, f]) => ({
      name,
      label: f.label,
      description: f.description === f.label ? '' : f.description,
      type: TYPE_TEXT[f.type].name,
      format: TYPE_TEXT[f.type].format,
      required: f.required,
      constraints: constraintsOf(f),
      ...keyOf(table, name, f),
      codes: f.enum
        ? f.enum.codes.map((code) => ({ code, label: (f.enum!.labels as Record<string, string>)[code]! }))
        : [],
    })),
    rules: table.rules,
  };
}

export function dictionary(): DictionaryTable[] {
  return (TABLES as readonly TableDef[]).map(dictionaryTable);
}

/** The published indicators (indicators.csv / .parquet): their columns and every indicator key. */
export interface DictionaryIndicators {
  files: string[];
  primaryKey: string[];
  fields: {
    name: string;
    label: string;
    type: string;
    description: string;
    codes: { code: string; label: string }[];
  }[];
  indicators: { key: string; name: string; formula: string; numerator: string; denominator: string; unit: string }[];
}

const COLUMN_TYPE: Readonly<Record<(typeof INDICATOR_COLUMNS)[number]['type'], string>> = {
  string: TYPE_TEXT.text.name,
  integer: TYPE_TEXT.integer.name,
  number: TYPE_TEXT.number.name,
};

/** The indicators section of the dictionary, generated from INDICATOR_COLUMNS and INDICATOR_LIST. */
export function dictionaryIndicators(): DictionaryIndicators {
  return {
    files: ['indicators.csv', 'indicators.parquet'],
    primaryKey: [...INDICATOR_PRIMARY_KEY],
    fields: INDICATOR_COLUMNS.map((c) => ({
      name: c.name,
      label: c.label,
      type: COLUMN_TYPE[c.type],
      description: c.description,
      codes:
        c.name === 'scope'
          ? Object.entries(INDICATOR_SCOPES).map(([code, label]) => ({ code, label }))
          : c.name === 'indicator'
            ? INDICATOR_LIST.map((d) => ({ code: d.key, label: d.name }))
            : [],
    })),
    indicators: INDICATOR_LIST.map((d) => ({
      key: d.key,
      name: d.name,
      formula: d.formula,
      numerator: d.numerator,
      denominator: d.denominator,
      unit: d.unit === 'share' ? '比例(0 至 1)' : d.unit === 'days' ? '天' : UNIT_WORDS[d.unit],
    })),
  };
}

export interface DictionaryPage {
  tables: DictionaryTable[];
  indicators: DictionaryIndicators;
  /** Every field type, as TYPE_TEXT explains it. */
  types: { name: string; format: string }[];
  /** What the personal-data guard refuses, as one phrase: `居民身份证号、手机号、…`. */
  personalData: string;
}

/** Everything /data/dictionary/ shows. */
export function dictionaryPage(): DictionaryPage {
  return {
    tables: dictionary(),
    indicators: dictionaryIndicators(),
    types: Object.values(TYPE_TEXT),
    personalData: Object.values(KIND_LABELS).join('、'),
  };
}
