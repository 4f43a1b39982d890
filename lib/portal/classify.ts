import type { IndicatorKey } from '@/lib/lke/schema';
import { CONTROL_SELECTOR } from './controls';
import { collectTextBlocks, isInSkippedSubtree } from './locate';
import { codeTokens, printedForms, soalIdsOf } from './printed-codes';
import type { QuestionMatcher } from './matcher';

// Classify: which template indicator each question text on the page is. Wording decides; where
// the wording itself repeats (two Jumlah inputs read "Jumlah Perubahan yang dibuat"), the order
// of the questions around it does.

export interface Anchor {
  /** The element holding the question text. */
  element: Element;
  code: string;
  /** Every code the wording fits, best first. */
  candidates: string[];
  score: number;
  weak: boolean;
  tentative: boolean;
}

/**
 * An element and its descendant both matching the same wording: keep the innermost, unless the
 * outer one matches better (the inner one holds only a piece of the question).
 */
function innermost(anchors: Anchor[]): Anchor[] {
  const byWording = new Map<string, Anchor[]>();
  for (const anchor of anchors) {
    const key = anchor.candidates.join();
    byWording.set(key, [...(byWording.get(key) ?? []), anchor]);
  }
  return anchors.filter((a) => {
    const same = byWording.get(a.candidates.join())!;
    return same.length === 1 || !same.some((b) => b !== a && a.element.contains(b.element) && b.score >= a.score);
  });
}

/** The nearest element holding both. */
function commonAncestor(a: Element, b: Element): Element | null {
  let ancestor: Element | null = a;
  while (ancestor && !ancestor.contains(b)) ancestor = ancestor.parentElement;
  return ancestor;
}

/**
 * The same wording twice in a row around a single control is one question printed twice (a
 * field's label and the legend that outlines it), not two questions. Two rows in a row with one
 * wording ("Jumlah Perubahan yang dibuat") have a control each, or none on a read-only page.
 */
function withoutEchoes(anchors: Anchor[]): Anchor[] {
  return anchors.filter((anchor, index) => {
    const previous = anchors[index - 1];
    if (!previous || previous.candidates.join() !== anchor.candidates.join()) return true;
    const around = commonAncestor(previous.element, anchor.element);
    return !around || around.querySelectorAll(CONTROL_SELECTOR).length !== 1;
  });
}

/**
 * A code claimed by a weaker match as well as a better one: the weaker is another question that
 * resembles it (an old LKE item, a paraphrase), not a repeat. Equal matches are real repeats.
 */
function strongestClaims(anchors: Anchor[]): Anchor[] {
  const best = new Map<string, number>();
  for (const anchor of anchors) {
    if (anchor.candidates.length === 1) best.set(anchor.code, Math.max(best.get(anchor.code) ?? 0, anchor.score));
  }
  return anchors.filter((a) => a.candidates.length > 1 || a.score >= (best.get(a.code) ?? 0) - 0.02);
}

/** Resolve repeated wordings: the candidate that follows the previous question in template order. */
function resolveByOrder(anchors: Anchor[], matcher: QuestionMatcher): void {
  const taken = new Set(anchors.filter((a) => a.candidates.length === 1).map((a) => a.code));
  let previous = -1;
  for (const anchor of anchors) {
    if (anchor.candidates.length > 1) {
      const distance = (code: string) => {
        const order = matcher.order(code);
        return (taken.has(code) ? 10_000 : 0) + (order > previous ? order - previous : 1_000 + previous - order);
      };
      anchor.code = [...anchor.candidates].sort((a, b) => distance(a) - distance(b))[0]!;
      taken.add(anchor.code);
    }
    previous = matcher.order(anchor.code);
  }
}

/** Count inputs of one percentage, or a percentage and its inputs. */
function related(a: string, b: string, byCode: ReadonlyMap<string, IndicatorKey>): boolean {
  const parentA = byCode.get(a)?.inputOf ?? a;
  const parentB = byCode.get(b)?.inputOf ?? b;
  return parentA === parentB;
}

/** A one- or two-word wording ("Lainnya") counts only next to a question of its own group. */
function weakOnlyInContext(anchors: Anchor[], byCode: ReadonlyMap<string, IndicatorKey>): Anchor[] {
  return anchors.filter((anchor, index) => {
    if (!anchor.weak) return true;
    const neighbours = [anchors[index - 1], anchors[index + 1]].filter((n): n is Anchor => n !== undefined && !n.weak);
    return neighbours.some((n) => anchor.candidates.some((code) => related(code, n.code, byCode)));
  });
}

/** Rows rarely hold more controls than this; more means the context is a whole table or page. */
const MAX_ROW_CONTROLS = 16;

/** Codes printed just before a question: in its text, the element before it, or the cell before its parent. */
function printedAround(anchor: Anchor): Set<string> {
  const element = anchor.element;
  const around = [element, element.previousElementSibling, element.parentElement?.previousElementSibling];
  return codeTokens(around.map((el) => el?.textContent ?? '').join(' '));
}

/** Soal ids in the names of the controls beside a question (none when "beside" is a whole table). */
function soalIdsAround(anchor: Anchor): Set<number> {
  const container = anchor.element.parentElement;
  const controls = container ? Array.from(container.querySelectorAll('input, select, textarea')) : [];
  return new Set(controls.length <= MAX_ROW_CONTROLS ? controls.flatMap(soalIdsOf) : []);
}

/**
 * A wording close but not close enough stays only where the page prints the question's code
 * beside it. A wording two indicators share is settled by the printed code or by the soal id
 * in the names of the controls beside it, when the page shows one.
 */
function settleByPageHints(anchors: Anchor[], byCode: ReadonlyMap<string, IndicatorKey>): Anchor[] {
  return anchors.filter((anchor) => {
    if (!anchor.tentative && anchor.candidates.length === 1) return true;
    const printed = printedAround(anchor);
    const byPrintedCode = anchor.candidates.filter((code) => printedForms(code).some((form) => printed.has(form)));
    if (anchor.tentative) {
      anchor.candidates = byPrintedCode;
      anchor.code = byPrintedCode[0] ?? anchor.code;
      return byPrintedCode.length > 0;
    }
    const soalIds = soalIdsAround(anchor);
    const bySoalId = anchor.candidates.filter((code) => soalIds.has(byCode.get(code)?.soalId ?? -1));
    const settled = byPrintedCode.length === 1 ? byPrintedCode : bySoalId.length === 1 ? bySoalId : null;
    if (settled) {
      anchor.candidates = settled;
      anchor.code = settled[0]!;
    }
    return true;
  });
}

/** The question texts of a page, in document order, each with the indicator it is. */
export function classify(root: Element, matcher: QuestionMatcher, byCode: ReadonlyMap<string, IndicatorKey>): Anchor[] {
  const anchors: Anchor[] = [];
  for (const block of collectTextBlocks(root)) {
    const match = matcher.match(block.text);
    if (match && !isInSkippedSubtree(block.element)) {
      anchors.push({
        element: block.element,
        code: match.codes[0]!,
        candidates: match.codes,
        score: match.score,
        weak: match.weak,
        tentative: match.tentative,
      });
    }
  }
  const kept = weakOnlyInContext(withoutEchoes(strongestClaims(settleByPageHints(innermost(anchors), byCode))), byCode);
  resolveByOrder(kept, matcher);
  return kept;
}
