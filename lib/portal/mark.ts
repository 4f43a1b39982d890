import type { RecognizedRow } from './recognize';

// The observable contract (ARCHITECTURE.md): recognised rows carry data-lke-indicator, bound
// controls data-lke-field. Marks are applied as a diff so a re-recognition that finds the same
// rows touches nothing.

export const INDICATOR_ATTRIBUTE = 'data-lke-indicator';
export const FIELD_ATTRIBUTE = 'data-lke-field';

/**
 * Marks the rows and their fields, unmarking what is no longer recognised. Returns the marked
 * elements; passing them back on the next run spares a query over the whole document.
 */
export function markRows(
  root: ParentNode,
  rows: readonly RecognizedRow[],
  previouslyMarked?: Iterable<Element>,
): Set<Element> {
  const wanted = new Map<Element, [string, string][]>();
  const want = (element: Element, name: string, value: string) => {
    const list = wanted.get(element) ?? [];
    list.push([name, value]);
    wanted.set(element, list);
  };
  for (const row of rows) {
    for (const element of row.elements) want(element, INDICATOR_ATTRIBUTE, row.code);
    for (const field of row.fields) {
      for (const control of field.controls) {
        want(control, FIELD_ATTRIBUTE, field.field);
        // A count input inside its percentage's card names its own indicator.
        if (field.field === 'count') want(control, INDICATOR_ATTRIBUTE, row.code);
      }
    }
  }
  const previous = previouslyMarked ?? Array.from(root.querySelectorAll(`[${INDICATOR_ATTRIBUTE}], [${FIELD_ATTRIBUTE}]`));
  for (const element of previous) {
    const attributes = wanted.get(element) ?? [];
    for (const name of [INDICATOR_ATTRIBUTE, FIELD_ATTRIBUTE]) {
      if (!attributes.some(([n]) => n === name)) element.removeAttribute(name);
    }
  }
  for (const [element, attributes] of wanted) {
    for (const [name, value] of attributes) {
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
  }
  return new Set(wanted.keys());
}
