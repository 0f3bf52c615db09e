/**
 * Row objects of one fixed shape. V8 keeps an object literal's properties inside the object, so a
 * row built from a generated literal is smaller and faster than one grown key by key: this matters
 * at 1.5 million rows. Keys are field names of the schema (plain identifiers), never data. Where
 * code generation is forbidden (a browser page under a strict Content-Security-Policy), the same
 * functions are built with plain loops.
 */

type CellsToRow = (cells: readonly (string | null | undefined)[]) => Record<string, string | null>;

function checkKeys(keys: readonly string[]): void {
  for (const k of keys) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`not a plain field name: ${k}`);
}

function generate<T>(params: string[], body: string): T | null {
  try {
    return new Function(...params, body) as T;
  } catch {
    return null;
  }
}

/** A function returning a new object with `keys`, in that order, all null. */
export function nullRow(keys: readonly string[]): () => Record<string, null> {
  checkKeys(keys);
  const generated = generate<() => Record<string, null>>([], `return {${keys.map((k) => `${k}: null`).join(', ')}};`);
  return (
    generated ??
    (() => {
      const o: Record<string, null> = {};
      for (const k of keys) o[k] = null;
      return o;
    })
  );
}

/**
 * A function turning a record's cells into an object with `keys`: key k takes `cells[indexes[k]]`
 * (index -1 = no column), with an empty or missing cell as null.
 */
export function cellsToRow(keys: readonly string[], indexes: readonly number[]): CellsToRow {
  checkKeys(keys);
  const parts = keys.map((k, i) => {
    const j = indexes[i]!;
    if (!Number.isInteger(j) || j < 0) return `${k}: null`;
    return `${k}: (v = c[${j}], v === undefined || v === '' ? null : v)`;
  });
  const generated = generate<CellsToRow>(['c'], `let v; return {${parts.join(', ')}};`);
  return (
    generated ??
    ((cells) => {
      const o: Record<string, string | null> = {};
      keys.forEach((k, i) => {
        const j = indexes[i]!;
        const v = j >= 0 ? cells[j] : undefined;
        o[k] = v === undefined || v === '' ? null : v;
      });
      return o;
    })
  );
}
