/**
 * The standard as a Frictionless Table Schema (Data Package v2): the `schema` of every resource in
 * the published datapackage.json, generated from the same definitions as validation.
 */
import { PERIOD_PATTERN, type FieldDef, type TableDef } from './define.ts';

export interface FrictionlessField {
  name: string;
  title: string;
  type: 'string' | 'integer' | 'number' | 'date';
  description: string;
  constraints?: Record<string, unknown>;
  categories?: { value: string; label: string }[];
}

export interface FrictionlessSchema {
  fields: FrictionlessField[];
  primaryKey: string[];
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  missingValues: string[];
}

const TYPE: Record<FieldDef['type'], FrictionlessField['type']> = {
  text: 'string',
  enum: 'string',
  period: 'string',
  integer: 'integer',
  number: 'number',
  amount: 'number',
  date: 'date',
};

export function frictionlessField(name: string, f: FieldDef): FrictionlessField {
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints['required'] = true;
  if (f.min !== undefined) constraints['minimum'] = f.min;
  if (f.max !== undefined) constraints['maximum'] = f.max;
  if (f.exclusiveMin !== undefined) constraints['exclusiveMinimum'] = f.exclusiveMin;
  if (f.pattern) constraints['pattern'] = f.pattern.source.replace(/^\^|\$$/g, '');
  if (f.type === 'period') constraints['pattern'] = PERIOD_PATTERN.source.replace(/^\^|\$$/g, '');
  if (f.enum) constraints['enum'] = [...f.enum.codes];
  const description = f.type === 'amount' ? `${f.description}(单位:元,最多两位小数)` : f.description;
  const field: FrictionlessField = { name, title: f.label, type: TYPE[f.type], description };
  if (Object.keys(constraints).length) field.constraints = constraints;
  if (f.enum) field.categories = f.enum.codes.map((code) => ({ value: code, label: f.enum!.labels[code]! }));
  return field;
}

export function frictionlessSchema(table: TableDef): FrictionlessSchema {
  const fields = Object.entries(table.fields);
  return {
    fields: fields.map(([name, f]) => frictionlessField(name, f)),
    primaryKey: [...table.primaryKey],
    foreignKeys: fields
      .filter(([, f]) => f.references)
      .map(([name, f]) => ({
        fields: [name],
        reference: { resource: f.references!.table, fields: [f.references!.field] },
      })),
    missingValues: [''],
  };
}
