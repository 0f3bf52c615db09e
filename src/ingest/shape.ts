/**
 * Row objects of one fixed shape. V8 keeps an object literal's properties inside the object, so a
 * row built from a generated literal is smaller and faster than one grown key by key: this matters
 * at 1.5 million rows. Keys are field names of the schema (plain identifiers), never data.
 */

function checkKeys(keys: readonly string[]): void {
  for (const k of keys) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`not a plain field name: ${k}`);
}

/** A function returning a new object with `keys`, in that order, all null. */
export function nullRow(keys: readonly string[]): () => Record<string, null> {
  checkKeys(keys);
  return new Function(`return {${keys.map((k) => `${k}: null`).join(', ')}};`) as () => Record<string, null>;
}

/**
 * A function turning a record's cells into an object with `keys`: key k takes `cells[indexes[k]]`
 * (index -1 = no column), with an empty or missing cell as null.
 */
export function cellsToRow(
  keys: readonly string[],
  indexes: readonly number[],
): (cells: readonly (string | null | undefined)[]) => Record<string, string | null> {
  checkKeys(keys);
  const parts = keys.map((k, i) => {
    const j = indexes[i]!;
    if (!Number.isInteger(j) || j < 0) return `${k}: null`;
    return `${k}: (v = c[${j}], v === undefined || v === '' ? null : v)`;
  });
  return new Function('c', `let v; return {${parts.join(', ')}};`) as (
    cells: readonly (string | null | undefined)[],
  ) => Record<string, string | null>;
}
