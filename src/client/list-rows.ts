/**
 * Rows of the city-wide lists drawn in the browser (query mode of <filter-table>): the cells of
 * the list's own definition (src/lists), as components/ListTable.astro draws them at build time,
 * with the same data-* attributes. The same cell texts make the CSV download, so the file says
 * what the screen says.
 */
import type { Cell } from '../lists/define.ts';

/** A <tr> from cells, text only (data is never markup). */
export function rowElement(cells: readonly Cell[], data: Readonly<Record<string, string>>): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const [k, v] of Object.entries(data)) tr.dataset[k] = v;
  for (const c of cells) {
    const td = document.createElement('td');
    if (c.className) td.className = c.className;
    if (c.href) {
      const a = document.createElement('a');
      a.href = c.href;
      a.textContent = c.text;
      td.append(a);
    } else if (c.muted) {
      const span = document.createElement('span');
      span.className = 'text-muted';
      span.textContent = c.text;
      td.append(span);
    } else td.textContent = c.text;
    for (const extra of c.suffix ?? []) {
      const span = document.createElement('span');
      span.className = 'whitespace-nowrap';
      span.textContent = extra;
      td.append(span);
    }
    for (const note of c.notes ?? []) {
      const span = document.createElement('span');
      span.className = 'flag block text-base font-bold text-warn';
      span.textContent = note;
      td.append(span);
    }
    tr.append(td);
  }
  return tr;
}

/** How a cell reads in the CSV (the screen text; notes after a space, as innerText reads blocks). */
export function cellCsvText(c: Cell): string {
  return [c.text + (c.suffix ?? []).join(''), ...(c.notes ?? [])].join(' ');
}
