import type { IndicatorKey } from '@/lib/lke/schema';
import type { Anchor } from './classify';

// Rows: from each question, the layout around it. A row grows from the question text up to the
// largest container that holds no question of another indicator; a percentage's card may also
// hold its own count inputs. No tag or class is assumed: tables, cards, lists and per-question
// forms all come out the same way.

/**
 * Climbs from the anchor while the parent holds neither boundary (the nearest questions of other
 * indicators before and after it in document order: a container is a contiguous stretch of the
 * document, so if it holds any other question it holds one of these two).
 */
/** A dialog is a whole: the form it shows ends at its edge, whatever wraps it. */
function isDialog(element: Element): boolean {
  const role = element.getAttribute('role');
  return element.tagName === 'DIALOG' || role === 'dialog' || role === 'alertdialog' || element.getAttribute('aria-modal') === 'true';
}

function grow(anchor: Element, before: Element | undefined, after: Element | undefined, root: Element): Element {
  let row = anchor;
  for (let parent = row.parentElement; parent && parent !== root && parent.tagName !== 'BODY'; parent = parent.parentElement) {
    if (isDialog(row) || (before && parent.contains(before)) || (after && parent.contains(after))) break;
    row = parent;
  }
  return row;
}

function rowOf(anchors: readonly Anchor[], index: number, allowed: ReadonlySet<string>, root: Element): Element {
  let before: Element | undefined;
  for (let i = index - 1; i >= 0 && !before; i--) if (!allowed.has(anchors[i]!.code)) before = anchors[i]!.element;
  let after: Element | undefined;
  for (let i = index + 1; i < anchors.length && !after; i++) if (!allowed.has(anchors[i]!.code)) after = anchors[i]!.element;
  return grow(anchors[index]!.element, before, after, root);
}

/** Tag and first class: what rows of one layout have in common. */
function signature(element: Element): string {
  const firstClass = element.classList[0];
  return firstClass ? `${element.tagName}.${firstClass}` : element.tagName;
}

/**
 * A question alone in its sub-area grows up to the sub-area's container, because nothing else
 * in it is a question. Rows of one page share their markup, so such a row is narrowed to the
 * outermost element between it and its question that looks like more of the other rows than
 * the row itself does.
 */
function narrowToCommonPattern(rows: Map<Anchor, Element>): void {
  const counts = new Map<string, number>();
  for (const row of new Set(rows.values())) counts.set(signature(row), (counts.get(signature(row)) ?? 0) + 1);
  const frequency = (element: Element) => counts.get(signature(element)) ?? 0;
  for (const [anchor, row] of rows) {
    const own = frequency(row);
    let narrowed: Element | null = null;
    for (let el: Element | null = anchor.element; el && el !== row; el = el.parentElement) {
      const f = frequency(el);
      if (f > own && f >= 2) narrowed = el;
    }
    if (narrowed) rows.set(anchor, narrowed);
  }
}

/** The row container of every anchor that is a row (a percentage's echo inside a count's row is not). */
export function deriveRows(
  anchors: readonly Anchor[],
  root: Element,
  byCode: ReadonlyMap<string, IndicatorKey>,
  inputsOf: ReadonlyMap<string, readonly string[]>,
): Map<Anchor, Element> {
  const rows = new Map<Anchor, Element>();
  // Count inputs first: a percentage's wording inside a count's own row only echoes it.
  anchors.forEach((anchor, index) => {
    const parent = byCode.get(anchor.code)?.inputOf;
    if (parent) rows.set(anchor, rowOf(anchors, index, new Set([anchor.code, parent]), root));
  });
  const countRows = [...rows.values()];
  anchors.forEach((anchor, index) => {
    if (rows.has(anchor)) return;
    const inputs = inputsOf.get(anchor.code);
    if (inputs && countRows.some((row) => row !== anchor.element && row.contains(anchor.element))) return;
    rows.set(anchor, rowOf(anchors, index, new Set([anchor.code, ...(inputs ?? [])]), root));
  });
  narrowToCommonPattern(rows);
  return rows;
}

const FILLABLE = 'input, select, textarea, [contenteditable]';

/**
 * A question printed in one element and its controls in the next ones (two table rows, a
 * heading and a form): the row takes the following siblings up to the first with a control,
 * unless a sibling belongs to another question first.
 */
export function extendToSiblings(row: Element, holdsQuestion: (element: Element) => boolean): Element[] {
  const elements = [row];
  for (let next = row.nextElementSibling; next && !holdsQuestion(next); next = next.nextElementSibling) {
    elements.push(next);
    if (next.matches(FILLABLE) || next.querySelector(FILLABLE)) return elements;
  }
  return [row];
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** The child of `container` on the way down to `anchor`. */
function childTowards(container: Element, anchor: Element): Element {
  let child = anchor;
  while (child.parentElement && child.parentElement !== container) child = child.parentElement;
  return child;
}

function holdsForeignHeading(container: Element, anchor: Element): boolean {
  if (container.querySelector(HEADINGS) === null) return false;
  return Array.from(container.querySelectorAll(HEADINGS)).some((h) => !h.contains(anchor) && !anchor.contains(h));
}

/** A container whose one child is the row's content: the child is the row (a form fills its box). */
function wrapsOnly(container: Element, child: Element): boolean {
  return container.childElementCount === 1 && child.tagName !== 'FORM';
}

/**
 * A question alone in its section (one per page, or the only item of a sub-area) grows up to
 * the section. Section headings belong to sections, not rows, and a wrapper with a single child
 * is that child: step down towards the question while either holds and the row keeps its controls.
 */
export function tightenRow(row: Element, anchor: Element, controls: readonly Element[]): Element {
  let current = row;
  while (current !== anchor) {
    const child = childTowards(current, anchor);
    if (!controls.every((control) => child.contains(control))) break;
    if (!wrapsOnly(current, child) && !holdsForeignHeading(current, anchor)) break;
    current = child;
  }
  return current;
}

/** The smallest element holding a question and its controls (a count inside its percentage's card). */
export function smallestAround(anchor: Element, controls: readonly Element[]): Element {
  let current = anchor;
  while (current.parentElement && !controls.every((control) => current.contains(control))) current = current.parentElement;
  return current;
}
