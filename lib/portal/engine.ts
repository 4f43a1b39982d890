import keys from '@/lib/lke/data/permenpanrb-90-2021.keys.json';
import type { IndicatorKey } from '@/lib/lke/schema';
import { type RowPattern, applyPattern } from './calibration';
import { collectTextBlocks } from './locate';
import { type QuestionMatcher, createQuestionMatcher } from './matcher';
import { type RecognizedRow, type Recognizer, createRecognizer } from './recognize';

/** The bundled template's keys (PermenPANRB 90/2021, PortalRB 2026). */
export const TEMPLATE_KEYS = keys as IndicatorKey[];

let sharedMatcher: QuestionMatcher | undefined;

/** One matcher per page: building its index is the costly part. */
export function templateMatcher(): QuestionMatcher {
  return (sharedMatcher ??= createQuestionMatcher(TEMPLATE_KEYS));
}

function overlaps(row: RecognizedRow, taught: readonly Element[]): boolean {
  return row.elements.some((element) => taught.some((t) => t.contains(element) || element.contains(t)));
}

/**
 * The recogniser for the bundled template. Patterns the user taught for this site come first;
 * the generic recogniser covers whatever they do not.
 */
export function createTemplateRecognizer(patterns: () => readonly RowPattern[] = () => []): Recognizer {
  const matcher = templateMatcher();
  const generic = createRecognizer(TEMPLATE_KEYS, matcher);
  return {
    recognize(root) {
      const taught = patterns().flatMap((pattern) => applyPattern(root, pattern, matcher, TEMPLATE_KEYS));
      if (taught.length === 0) return generic.recognize(root);
      const taughtElements = taught.flatMap((row) => row.elements);
      return [...taught, ...generic.recognize(root).filter((row) => !overlaps(row, taughtElements))];
    },
  };
}

/** Whether a node of the page holds the wording of a template question. */
export function holdsTemplateQuestion(node: Node): boolean {
  const matcher = templateMatcher();
  if (node.nodeType === 3) return matcher.match((node as Text).data) !== null;
  if (node.nodeType !== 1) return false;
  return collectTextBlocks(node as Element).some((block) => matcher.match(block.text) !== null);
}
