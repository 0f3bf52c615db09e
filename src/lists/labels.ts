/**
 * Build time: the Chinese texts of a list's headers, filters and codes, from the standard
 * (src/schema). The browser gets them through data-* attributes, never the schema itself.
 */
import { communities, projects, transactions, type EnumDef, type FieldDef } from '../schema/index.ts';
import { labelWithoutUnit } from '../lib/labels.ts';
import type { FieldRef, Header, Labels, ListDefinition } from './define.ts';

const TABLES: Record<string, { fields: Record<string, FieldDef> }> = { communities, projects, transactions };

export function fieldOf(ref: FieldRef): FieldDef {
  const [table, field] = ref.split('.') as [string, string];
  const def = TABLES[table]?.fields[field];
  if (!def) throw new Error(`No field ${ref} in the standard`);
  return def;
}

export function headerText(header: Header): string {
  if ('text' in header) return header.text;
  if ('fields' in header) return header.fields.map((f) => fieldOf(f).label).join('/');
  const field = fieldOf(header.field);
  let text = header.withoutUnit ? labelWithoutUnit(field) : field.label;
  if (header.dropSuffix && text.endsWith(header.dropSuffix)) text = text.slice(0, -header.dropSuffix.length);
  return text + (header.append ?? '');
}

export function enumOf(ref: FieldRef): EnumDef {
  const def = fieldOf(ref).enum;
  if (!def) throw new Error(`${ref} is not a field with codes`);
  return def;
}

/** [code, label] pairs of an enum, in the standard's order. */
export function enumOptions(def: EnumDef): [string, string][] {
  return def.codes.map((code) => [code, (def.labels as Record<string, string>)[code] ?? code]);
}

/** The code labels every column of the list needs (filters' enums and the extra ones). */
export function listLabels(list: Pick<ListDefinition<never>, 'filters' | 'extraLabels'>): Labels {
  const labels: Labels = {};
  for (const f of list.filters) {
    if (typeof f.options === 'object') labels[f.name] = Object.fromEntries(enumOptions(enumOf(f.options.enumOf)));
  }
  for (const [name, ref] of Object.entries(list.extraLabels ?? {})) {
    labels[name] = Object.fromEntries(enumOptions(enumOf(ref)));
  }
  return labels;
}
