import type { IndicatorKey } from '@/lib/lke/schema';
import { type BoundField, bindRow, isCandidate } from './bind';
import { type Anchor, classify } from './classify';
import {
  CONTROL_SELECTOR,
  type Control,
  LIST_SELECTOR,
  type LabelIndex,
  describeControl,
  indexLabels,
  isEditingHost,
  isInsideEditor,
} from './controls';
import type { QuestionMatcher } from './matcher';
import { deriveRows, extendToSiblings, smallestAround, tightenRow } from './rows';

// Recognition: locate question texts → classify them against the template → derive each row
// from the layout around its question → bind the row's controls. Pure over a DOM subtree, so it
// runs unchanged on saved fixture pages in unit tests and in the content script.

export interface RecognizedRow {
  code: string;
  /** The question text element (badges go next to it). */
  anchor: Element;
  /** The row container, plus following siblings when the row spans several elements. */
  elements: Element[];
  /** Code of the percentage indicator this count input feeds. */
  parentCode: string | null;
  score: number;
  fields: BoundField[];
}

export interface Recognizer {
  recognize(root: Element): RecognizedRow[];
}

/** Controls inside the row's elements that no inner row has taken, in document order. */
function collectControls(elements: readonly Element[], taken: Set<Element>, labels: () => LabelIndex): Control[] {
  const controls: Control[] = [];
  for (const container of elements) {
    const found = Array.from(container.querySelectorAll<HTMLElement>(CONTROL_SELECTOR));
    if (container.matches(CONTROL_SELECTOR)) found.unshift(container as HTMLElement);
    for (const element of found) {
      // A rich editor's inner editable nodes belong to its outermost editable root.
      if (taken.has(element) || (isEditingHost(element) && isInsideEditor(element))) continue;
      taken.add(element);
      const control = describeControl(element, labels);
      if (control && isCandidate(control)) controls.push(control);
    }
  }
  return controls;
}

/**
 * Fits the row to what was bound: a bare count (its label and input, nothing else) inside its
 * percentage's card is just those two; any other row steps down below section headings and
 * lone wrappers.
 */
function fitRow(row: RecognizedRow, rows: readonly RecognizedRow[]): void {
  if (row.elements.length !== 1) return;
  const controls = row.fields.flatMap((field) => field.controls);
  const bareCount = row.fields.length === 1 && row.fields[0]!.field === 'count';
  const inCard = rows.some((other) => other.code === row.parentCode && other.elements[0]!.contains(row.elements[0]!));
  row.elements = [bareCount && inCard ? smallestAround(row.anchor, controls) : tightenRow(row.elements[0]!, row.anchor, controls)];
}

/** Binds every row; count rows first, so a control goes to the innermost row around it. */
function bindAll(rows: RecognizedRow[], anchors: readonly Anchor[], root: Element, byCode: ReadonlyMap<string, IndicatorKey>) {
  let labels: LabelIndex | undefined;
  const lazyLabels = () => (labels ??= indexLabels(root.ownerDocument));
  const holdsQuestion = (element: Element) => anchors.some((anchor) => element.contains(anchor.element));
  const taken = new Set<Element>();
  const ordered = [...rows.filter((row) => row.parentCode), ...rows.filter((row) => !row.parentCode)];
  for (const row of ordered) {
    let controls = collectControls(row.elements, taken, lazyLabels);
    if (controls.length === 0) {
      row.elements = extendToSiblings(row.elements[0]!, holdsQuestion);
      controls = collectControls(row.elements.slice(1), taken, lazyLabels);
    }
    const key = byCode.get(row.code)!;
    row.fields = bindRow(key, controls);
    // Evidence kept as a list of links: looked for only where no plain evidence field stands alone.
    const evidence = row.fields.find((field) => field.field === 'evidence')?.controls[0];
    if (!evidence || evidence.closest(LIST_SELECTOR)) {
      const lists = row.elements.flatMap((element) =>
        Array.from(element.querySelectorAll<HTMLElement>(LIST_SELECTOR)).filter((list) => !taken.has(list)),
      );
      const described = lists.flatMap((list) => describeControl(list, lazyLabels) ?? []);
      if (described.length > 0) row.fields = bindRow(key, controls, described);
    }
  }
}

export function createRecognizer(keys: readonly IndicatorKey[], matcher: QuestionMatcher): Recognizer {
  const byCode = new Map(keys.map((key) => [key.code, key]));
  const inputsOf = new Map<string, string[]>();
  for (const key of keys) {
    if (key.inputOf) inputsOf.set(key.inputOf, [...(inputsOf.get(key.inputOf) ?? []), key.code]);
  }

  return {
    recognize(root) {
      const anchors = classify(root, matcher, byCode);
      const rows: RecognizedRow[] = [];
      // One row per container: several anchors of one code in the same row are one row.
      const seen = new Set<Element>();
      for (const [anchor, element] of deriveRows(anchors, root, byCode, inputsOf)) {
        if (seen.has(element)) continue;
        seen.add(element);
        rows.push({
          code: anchor.code,
          anchor: anchor.element,
          elements: [element],
          parentCode: byCode.get(anchor.code)!.inputOf,
          score: anchor.score,
          fields: [],
        });
      }
      bindAll(rows, anchors, root, byCode);
      for (const row of rows) fitRow(row, rows);
      return rows;
    },
  };
}
