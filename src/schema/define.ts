/**
 * The building blocks of the data standard as code.
 *
 * Each field is declared once, with its Chinese label, type, constraints and description. From
 * that single declaration derive: the zod schema that checks a typed value (and so the TypeScript
 * row types), the cell parser used by validation, the data dictionary page and the Frictionless
 * Table Schema written into the published `datapackage.json`.
 */
import { z } from 'zod';

/** Field types of the standard (section 2). `amount` is yuan with at most two decimals. */
export type FieldType = 'text' | 'integer' | 'number' | 'amount' | 'date' | 'period' | 'enum';

/** A closed list of codes, each with the Chinese label a publisher may write instead. */
export interface EnumDef<C extends string = string> {
  readonly codes: readonly C[];
  readonly labels: Readonly<Record<C, string>>;
}

export function defineEnum<const L extends Record<string, string>>(labels: L): EnumDef<Extract<keyof L, string>> {
  return { codes: Object.keys(labels) as Extract<keyof L, string>[], labels };
}

export interface ForeignKey {
  readonly table: string;
  readonly field: string;
}

interface FieldOptions {
  /** Chinese label: the header a publisher may use instead of the field name. */
  label: string;
  /** One sentence in Chinese for the data dictionary and datapackage.json. */
  description?: string;
  required?: boolean;
  /** Inclusive bounds. */
  min?: number;
  max?: number;
  /** Strict lower bound (amount > 0, respondents > 0). */
  exclusiveMin?: number;
  pattern?: RegExp;
  /** What the pattern means, in Chinese, for error messages. */
  patternHint?: string;
  references?: ForeignKey;
}

export interface FieldDef<T = unknown> {
  readonly type: FieldType;
  readonly label: string;
  readonly description: string;
  readonly required: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: number;
  readonly pattern?: RegExp;
  readonly patternHint?: string;
  readonly enum?: EnumDef;
  readonly references?: ForeignKey;
  /** Checks a parsed, typed value (null = missing). */
  readonly zod: z.ZodType<T>;
}

function numberConstraints(schema: z.ZodNumber, o: FieldOptions): z.ZodNumber {
  let s = schema;
  if (o.min !== undefined) s = s.min(o.min, { message: `不能小于 ${o.min}` });
  if (o.max !== undefined) s = s.max(o.max, { message: `不能大于 ${o.max}` });
  if (o.exclusiveMin !== undefined) s = s.gt(o.exclusiveMin, { message: `必须大于 ${o.exclusiveMin}` });
  return s;
}

function finish<T extends z.ZodType>(type: FieldType, base: T, o: FieldOptions, extra: Partial<FieldDef> = {}) {
  const zod = o.required ? base : base.nullable();
  return {
    type,
    label: o.label,
    description: o.description ?? o.label,
    required: o.required ?? false,
    min: o.min,
    max: o.max,
    exclusiveMin: o.exclusiveMin,
    pattern: o.pattern,
    patternHint: o.patternHint,
    references: o.references,
    ...extra,
    zod: zod as z.ZodType<unknown>,
  } satisfies FieldDef;
}

type Req<O> = O extends { required: true } ? never : null;

export function text<const O extends FieldOptions>(o: O): FieldDef<string | Req<O>> {
  let s = z.string().min(1);
  if (o.pattern) s = s.regex(o.pattern, { message: o.patternHint ?? `格式不符合 ${o.pattern}` });
  return finish('text', s, o) as FieldDef<string | Req<O>>;
}

export function integer<const O extends FieldOptions>(o: O): FieldDef<number | Req<O>> {
  return finish('integer', numberConstraints(z.number().int({ message: '必须是整数' }), o), o) as FieldDef<number | Req<O>>;
}

export function number<const O extends FieldOptions>(o: O): FieldDef<number | Req<O>> {
  return finish('number', numberConstraints(z.number(), o), o) as FieldDef<number | Req<O>>;
}

/** Yuan, at most two decimals (checked on the cell text by the parser). */
export function amount<const O extends FieldOptions>(o: O): FieldDef<number | Req<O>> {
  return finish('amount', numberConstraints(z.number(), o), o) as FieldDef<number | Req<O>>;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** ISO calendar date `YYYY-MM-DD`, kept as text so that it round-trips exactly. */
export function date<const O extends FieldOptions>(o: O): FieldDef<string | Req<O>> {
  return finish('date', z.string().regex(DATE_PATTERN), o) as FieldDef<string | Req<O>>;
}

/** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export function period<const O extends FieldOptions>(o: O): FieldDef<string | Req<O>> {
  return finish('period', z.string().regex(PERIOD_PATTERN), o) as FieldDef<string | Req<O>>;
}

export function enumeration<C extends string, const O extends FieldOptions>(def: EnumDef<C>, o: O): FieldDef<C | Req<O>> {
  const base = z.enum(def.codes as unknown as [C, ...C[]]);
  return finish('enum', base, o, { enum: def as EnumDef }) as FieldDef<C | Req<O>>;
}

export interface TableDef<F extends Record<string, FieldDef> = Record<string, FieldDef>> {
  readonly name: string;
  /** Chinese name: also accepted as the sheet name of a workbook. */
  readonly label: string;
  readonly description: string;
  readonly required: boolean;
  readonly primaryKey: readonly string[];
  readonly fields: F;
  /** Cross-field and cross-table rules, in Chinese, for the data dictionary. */
  readonly rules: readonly string[];
  /** Checks a whole typed row. */
  readonly zod: z.ZodObject<z.ZodRawShape>;
}

export function defineTable<const F extends Record<string, FieldDef>>(
  t: Omit<TableDef<F>, 'zod' | 'primaryKey'> & { primaryKey: readonly (keyof F & string)[] },
): TableDef<F> {
  const shape: z.ZodRawShape = Object.fromEntries(Object.entries(t.fields).map(([k, f]) => [k, f.zod]));
  return { ...t, zod: z.object(shape) };
}

/** The typed row of a table, derived from its field definitions. */
export type RowOf<T extends TableDef> = { [K in keyof T['fields']]: T['fields'][K] extends FieldDef<infer V> ? V : never };
