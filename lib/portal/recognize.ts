import type { IndicatorKey } from '@/lib/lke/schema';
import { type BoundField, bindRow, isCandidate } from './bind';
import { CONTROL_SELECTOR, type Control, type LabelIndex, describeControl, indexLabels } from './controls';
import { collectTextBlocks, isInSkippedSubtree } from './locate';
import type { QuestionMatcher } from './matcher';

// Recognition: locate question texts → classify them against the template → derive each row
// from the layout around its question → bind the row's controls. Pure over a DOM subtree, so it
// runs unchanged on saved fixture pages in unit tests and in the content script.

export interface RecognizedRow {
  code: string;
  /** The question text element (badges go next to it). */
  anchor: Element;
  /** The row container, plus following siblings when the row spans several elements. */
  elements: Element[];
  /** Code of the percentage indicator whose card this count input sits in. */
  parentCode: string | null;
  score: number;
  fields: BoundField[];
}

export interface Recognizer {
  recognize(root: Element): RecognizedRow[];
}

interface Anchor {
  element: Element;
  code: string;
  candidates: string[];
  score: number;
}

/** Classify text blocks; repeated wordings are resolved by the order of the rows around them. */
function classify(root: Element, matcher: QuestionMatcher): Anchor[] {
  const anchors: Anchor[] = [];
  for (const block of collectTextBlocks(root)) {
    const match = matcher.match(block.text);
    if (match && !isInSkippedSubtree(block.element)) anchors.push({ element: block.element, code: match.codes[0]!, candidates: match.codes, score: match.score });
  }
  // An element and its descendant both matching the same code: keep the innermost.
  const byCandidates = new Map<string, Anchor[]>();
  for (const anchor of anchors) {
    const key = anchor.candidates.join();
    byCandidates.set(key, [...(byCandidates.get(key) ?? []), anchor]);
  }
  const kept = anchors.filter((a) => {
    const same = byCandidates.get(a.candidates.join())!;
    return same.length === 1 || !same.some((b) => b !== a && a.element.contains(b.element));
  });
  const taken = new Set(kept.filter((a) => a.candidates.length === 1).map((a) => a.code));
  kept.forEach((anchor, index) => {
    if (anchor.candidates.length === 1) return;
    let previous = -1;
    for (let i = index - 1; i >= 0 && previous < 0; i--) {
      if (kept[i]!.candidates.length === 1) previous = matcher.order(kept[i]!.code);
    }
    const ranked = [...anchor.candidates].sort((a, b) => {
      const distance = (code: string) => {
        const order = matcher.order(code);
        return (taken.has(code) ? 10_000 : 0) + (order > previous ? order - previous : 1_000 + previous - order);
      };
      return distance(a) - distance(b);
    });
    anchor.code = ranked[0]!;
    taken.add(anchor.code);
  });
  return kept;
}

/**
 * Codes of the anchors under each ancestor element, so a row can grow from its question up to
 * the largest container that holds no other question.
 */
function codesByAncestor(anchors: readonly Anchor[], root: Element): Map<Element, Set<string>> {
  const map = new Map<Element, Set<string>>();
  for (const anchor of anchors) {
    for (let el: Element | null = anchor.element; el; el = el === root ? null : el.parentElement) {
      let codes = map.get(el);
      if (!codes) map.set(el, (codes = new Set()));
      codes.add(anchor.code);
    }
  }
  return map;
}

function growRow(anchor: Anchor, allowed: ReadonlySet<string>, codes: Map<Element, Set<string>>, root: Element): Element {
  let row = anchor.element;
  while (row !== root && row.parentElement) {
    const parentCodes = codes.get(row.parentElement);
    if (!parentCodes || [...parentCodes].some((code) => !allowed.has(code))) break;
    if (row.parentElement === root || row.parentElement.tagName === 'BODY') break;
    row = row.parentElement;
  }
  return row;
}

/** A question printed in one element and its controls in the next ones (e.g. two table rows). */
const FILLABLE = 'input, select, textarea, [contenteditable]';

function extendToSiblings(row: Element, codes: Map<Element, Set<string>>): Element[] {
  if (row.matches(FILLABLE) || row.querySelector(FILLABLE)) return [row];
  const elements = [row];
  for (let next = row.nextElementSibling; next && !codes.has(next); next = next.nextElementSibling) {
    elements.push(next);
    if (next.matches(FILLABLE) || next.querySelector(FILLABLE)) return elements;
  }
  return [row];
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
function narrowToCommonPattern(rowOf: Map<Anchor, Element>): void {
  const counts = new Map<string, number>();
  for (const row of new Set(rowOf.values())) counts.set(signature(row), (counts.get(signature(row)) ?? 0) + 1);
  const frequency = (element: Element) => counts.get(signature(element)) ?? 0;
  for (const [anchor, row] of rowOf) {
    let narrowed: Element | null = null;
    for (let el: Element | null = anchor.element; el && el !== row; el = el.parentElement) {
      if (frequency(el) > frequency(row) && frequency(el) >= 2) narrowed = el;
    }
    if (narrowed) rowOf.set(anchor, narrowed);
  }
}

/**
 * Each control goes to the innermost row around it, so a count input inside its percentage's
 * card belongs to the count's own row, not to the card.
 */
function controlsByRow(root: Element, rowByElement: Map<Element, RecognizedRow>): Map<RecognizedRow, Control[]> {
  const result = new Map<RecognizedRow, Control[]>();
  if (rowByElement.size === 0) return result;
  let labels: LabelIndex | undefined;
  const lazyLabels = () => (labels ??= indexLabels(root.ownerDocument));
  for (const element of Array.from(root.querySelectorAll<HTMLElement>(CONTROL_SELECTOR))) {
    let row: RecognizedRow | undefined;
    for (let el: Element | null = element; el && !row; el = el === root ? null : el.parentElement) {
      row = rowByElement.get(el);
    }
    // A rich editor's inner editable nodes belong to its outermost editable root.
    if (!row || (element.isContentEditable && element.parentElement?.isContentEditable)) continue;
    const control = describeControl(element, lazyLabels);
    if (!control || !isCandidate(control)) continue;
    const list = result.get(row);
    if (list) list.push(control);
    else result.set(row, [control]);
  }
  return result;
}

export function createRecognizer(keys: readonly IndicatorKey[], matcher: QuestionMatcher): Recognizer {
  const byCode = new Map(keys.map((key) => [key.code, key]));
  const inputsOf = new Map<string, string[]>();
  for (const key of keys) {
    if (key.inputOf) inputsOf.set(key.inputOf, [...(inputsOf.get(key.inputOf) ?? []), key.code]);
  }

  return {
    recognize(root) {
      const anchors = classify(root, matcher);
      const codes = codesByAncestor(anchors, root);
      const rows: RecognizedRow[] = [];

      // Count inputs first: a percentage's wording inside an input's own row is only an echo.
      const inputRows = new Map<Anchor, Element>();
      for (const anchor of anchors) {
        const parent = byCode.get(anchor.code)?.inputOf;
        if (parent) inputRows.set(anchor, growRow(anchor, new Set([anchor.code, parent]), codes, root));
      }
      const insideInputRow = (anchor: Anchor) =>
        [...inputRows.values()].some((row) => row !== anchor.element && row.contains(anchor.element));

      const rowOf = new Map<Anchor, Element>(inputRows);
      for (const anchor of anchors) {
        if (rowOf.has(anchor)) continue;
        if (inputsOf.has(anchor.code) && insideInputRow(anchor)) continue;
        const allowed = new Set([anchor.code, ...(inputsOf.get(anchor.code) ?? [])]);
        rowOf.set(anchor, growRow(anchor, allowed, codes, root));
      }

      narrowToCommonPattern(rowOf);

      // One row per container: several anchors of one code in the same row are one row.
      const rowByElement = new Map<Element, RecognizedRow>();
      for (const [anchor, row] of rowOf) {
        if (rowByElement.has(row)) continue;
        const recognized: RecognizedRow = {
          code: anchor.code,
          anchor: anchor.element,
          elements: extendToSiblings(row, codes),
          parentCode: byCode.get(anchor.code)!.inputOf,
          score: anchor.score,
          fields: [],
        };
        for (const element of recognized.elements) rowByElement.set(element, recognized);
        rows.push(recognized);
      }
      for (const [row, controls] of controlsByRow(root, rowByElement)) {
        row.fields = bindRow(byCode.get(row.code)!, controls);
      }
      return dropControllessDuplicates(rows);
    },
  };
}

/**
 * The same question listed twice (a summary list and the form): keep the rows that can be filled
 * in; when none can (read-only published tables), keep them all.
 */
function dropControllessDuplicates(rows: RecognizedRow[]): RecognizedRow[] {
  const withControls = new Set(rows.filter((r) => r.fields.length > 0).map((r) => r.code));
  return rows.filter((row) => row.fields.length > 0 || !withControls.has(row.code));
}
