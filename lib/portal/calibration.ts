import { z } from 'zod';
import type { IndicatorKey } from '@/lib/lke/schema';
import { type BoundField, optionKeyOf } from './bind';
import { CONTROL_SELECTOR, LIST_SELECTOR, controlKindOf, isEditable } from './controls';
import type { QuestionMatcher } from './matcher';
import type { RecognizedRow } from './recognize';

// Calibration ("Ajari halaman ini") for layouts the generic recogniser cannot read: the user
// clicks one row's question, answer, narrative and evidence; a row pattern is derived from the
// clicks, applied to every row of the page and saved for the site. In a calibrated row the user
// has said where the question is, so every hint the page gives about it counts: its text, its
// tooltip, the PortalRB soal id in the controls' names, a printed code.

export const RowPatternSchema = z.object({
  version: z.literal(1),
  /** Selector of every row container. */
  row: z.string().min(1).max(500),
  /**
   * Selectors relative to a row (`:scope > td:nth-of-type(3)`). A field's selector names its
   * slot (the cell or wrapper that holds it), since rows of one page differ in the control
   * they use there: a select in one row, radios or a number input in the next.
   */
  question: z.string().min(1).max(500),
  answer: z.string().max(500).nullable(),
  narrative: z.string().max(500).nullable(),
  evidence: z.string().max(500).nullable(),
});
export type RowPattern = z.infer<typeof RowPatternSchema>;

/** Taught patterns kept at most (one per site and path; a user teaches a handful). */
export const MAX_CALIBRATIONS = 200;

export const CalibrationSchema = z.object({
  origin: z.string().url().max(200),
  /** Path with the changing parts (ids, years) as `*`, e.g. `/lke/*\/isi`. */
  pathPattern: z.string().max(500),
  pattern: RowPatternSchema,
  createdAt: z.number(),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

export interface Picks {
  question: Element;
  answer?: Element | null;
  narrative?: Element | null;
  evidence?: Element | null;
}

/** Classes that say what state an element is in, not what it is. */
const STATE_CLASS = /^(active|selected|odd|even|hover|focus|open|show|shown|collapsed|disabled|hidden|d-none|is-.*|has-.*|.*(terjawab|answered|dirty|saved|error|invalid|valid|changed).*)$/i;

function stableClasses(element: Element): string[] {
  return Array.from(element.classList).filter((name) => !STATE_CLASS.test(name) && !/\d/.test(name) && /^[A-Za-z_-][\w-]*$/.test(name));
}

function commonAncestor(elements: readonly Element[]): Element {
  let ancestor: Element = elements[0]!;
  while (!elements.every((element) => ancestor.contains(element))) ancestor = ancestor.parentElement!;
  return ancestor;
}

/** `:scope > td:nth-of-type(3) > select:nth-of-type(1)`: the way down from a row, by position. */
function pathFrom(row: Element, target: Element): string {
  const steps: string[] = [];
  for (let element = target; element !== row; element = element.parentElement!) {
    const tag = element.tagName.toLowerCase();
    const sameTag = Array.from(element.parentElement!.children).filter((child) => child.tagName === element.tagName);
    steps.unshift(`${tag}:nth-of-type(${sameTag.indexOf(element) + 1})`);
  }
  return steps.length === 0 ? ':scope' : `:scope > ${steps.join(' > ')}`;
}

export class CalibrationError extends Error {
  constructor(readonly code: 'no_field' | 'no_repeat') {
    super(code);
  }
}

/** The largest element around a pick, inside the row, that holds no other pick. */
function slotOf(pick: Element, row: Element, others: readonly Element[]): Element {
  let slot = pick;
  while (slot.parentElement && slot.parentElement !== row && !others.some((o) => o !== pick && slot.parentElement!.contains(o))) {
    slot = slot.parentElement;
  }
  return slot;
}

/**
 * The row pattern the picks describe. The row is the smallest element holding every pick; its
 * selector keeps the row's tag and stable classes, so that it matches the row's repeats.
 */
export function derivePattern(picks: Picks): RowPattern {
  const fields = [picks.answer, picks.narrative, picks.evidence].filter((el): el is Element => !!el);
  if (fields.length === 0) throw new CalibrationError('no_field');
  const all = [picks.question, ...fields];
  const row = commonAncestor(all);
  const classes = stableClasses(row);
  const selector = [row.tagName.toLowerCase(), ...classes.map((name) => `.${CSS.escape(name)}`)].join('');
  const doc = row.ownerDocument;
  if (doc.querySelectorAll(selector).length < 2) throw new CalibrationError('no_repeat');
  const path = (element: Element | null | undefined) => (element ? pathFrom(row, slotOf(element, row, all)) : null);
  return {
    version: 1,
    row: selector,
    question: pathFrom(row, picks.question),
    answer: path(picks.answer),
    narrative: path(picks.narrative),
    evidence: path(picks.evidence),
  };
}

/** `/lke/2026/unit/12/isi` → `/lke/*\/unit/*\/isi`: the same page for another year or unit. */
export function pathPatternOf(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) || segment.length > 24 ? '*' : segment))
    .join('/');
}

export function calibrationApplies(calibration: Calibration, url: URL): boolean {
  if (calibration.origin !== url.origin) return false;
  const pattern = calibration.pathPattern.split('/');
  const path = url.pathname.split('/');
  return pattern.length === path.length && pattern.every((segment, i) => segment === '*' || segment === path[i]);
}

const SOAL_NUMBER = /\d+/g;

/** The PortalRB soal id a row's controls are named by (`jawaban[12]`), when they agree on one. */
function soalIdOf(controls: readonly Element[], known: ReadonlyMap<number, IndicatorKey>): number | null {
  const counts = new Map<number, number>();
  for (const control of controls) {
    const numbers = new Set(`${control.getAttribute('name') ?? ''} ${control.id}`.match(SOAL_NUMBER)?.map(Number) ?? []);
    for (const n of numbers) if (known.has(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1]);
  return best.length > 0 && (best.length === 1 || best[0]![1] > best[1]![1]) ? best[0]![0] : null;
}

function radioGroupAround(control: Element, row: Element): HTMLElement[] {
  if (!(control instanceof HTMLInputElement) || control.type !== 'radio' || !control.name) return [control as HTMLElement];
  return Array.from(row.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter((radio) => radio.name === control.name);
}

const SLOT_CONTENT = `${CONTROL_SELECTOR}, ${LIST_SELECTOR}`;

function fieldAt(row: Element, selector: string | null, field: BoundField['field'], key: IndicatorKey): BoundField | null {
  if (!selector) return null;
  const slot = row.querySelector<HTMLElement>(selector);
  const element = slot?.matches(SLOT_CONTENT) ? slot : slot?.querySelector<HTMLElement>(SLOT_CONTENT);
  if (!element || !isEditable(element)) return null;
  const controls = radioGroupAround(element, row);
  const kind = controlKindOf(element) ?? 'list';
  const optionKeys =
    kind === 'radio'
      ? controls.map((radio) => optionKeyOf((radio as HTMLInputElement).value, key.options) ?? optionKeyOf(radio.parentElement?.textContent ?? '', key.options))
      : undefined;
  return { field, controls, kind, ...(optionKeys ? { optionKeys } : {}) };
}

/** The rows a saved pattern finds on a page, each classified by whatever the page offers. */
export function applyPattern(
  root: Element,
  pattern: RowPattern,
  matcher: QuestionMatcher,
  keys: readonly IndicatorKey[],
): RecognizedRow[] {
  const byCode = new Map(keys.map((key) => [key.code, key]));
  const bySoalId = new Map(keys.flatMap((key) => (key.soalId === null ? [] : [[key.soalId, key] as const])));
  const rows: RecognizedRow[] = [];
  let previous = -1;
  for (const row of Array.from(root.querySelectorAll(pattern.row))) {
    const question = row.querySelector(pattern.question);
    if (!question) continue;
    const controls = [pattern.answer, pattern.narrative, pattern.evidence].flatMap((selector) => {
      const slot = selector ? row.querySelector(selector) : null;
      return slot ? [slot, ...Array.from(slot.querySelectorAll(CONTROL_SELECTOR))] : [];
    });
    // A near miss is no evidence here: the soal id or the tooltip says more.
    const firm = (text: string | null) => {
      const match = text ? matcher.match(text) : null;
      return match && !match.tentative ? match : null;
    };
    const byText = firm(question.textContent) ?? firm(question.getAttribute('title'));
    const soalId = soalIdOf(controls, bySoalId);
    const byNumber = soalId !== null ? bySoalId.get(soalId) : undefined;
    // The soal id settles a wording two indicators share; otherwise the row after the last one found.
    const candidates = byText?.codes ?? [];
    const code =
      byNumber && (candidates.length === 0 || candidates.includes(byNumber.code))
        ? byNumber.code
        : candidates.find((c) => matcher.order(c) > previous) ?? candidates[0];
    const key = code ? byCode.get(code) : undefined;
    if (!key) continue;
    const valueField = key.answerType === 'count' ? 'count' : 'answer';
    const fields = [
      fieldAt(row, pattern.answer, valueField, key),
      fieldAt(row, pattern.narrative, 'narrative', key),
      fieldAt(row, pattern.evidence, 'evidence', key),
    ].filter((field): field is BoundField => field !== null);
    rows.push({ code: key.code, anchor: question, elements: [row], parentCode: key.inputOf, score: byText?.score ?? 1, fields });
    previous = matcher.order(key.code);
  }
  return rows;
}
