/**
 * Column headings and enum labels, always read from src/schema (the one place a Chinese label
 * lives). Cells that already carry their unit (formatMoney writes 元/万元) get the label without
 * the unit in brackets.
 */
import type { EnumDef, FieldDef } from '../schema/index.ts';
import { MISSING } from './format.ts';

/** `预算(元)` → `预算`, `进度(%)` → `进度`: for columns whose cells carry the unit. */
export function labelWithoutUnit(field: Pick<FieldDef, 'label'>): string {
  return field.label.replace(/\((元|%|人|小时)\)$/, '');
}

/** The Chinese label of an enum code; the code itself if unknown; — when missing. */
export function enumLabel(def: EnumDef, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return MISSING;
  return (def.labels as Record<string, string>)[code] ?? code;
}
