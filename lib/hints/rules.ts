import type { Indicator } from '@/lib/lke/schema';
import { LKE } from '@/lib/lke/template';
import { optionOf, parseCount } from '@/lib/lke/values';
import type { Hint, HintContext, HintRule, IndicatorState, Severity } from './types';

/** A narrative shorter than this rarely explains the how, when and who a reviewer looks for. */
export const DEFAULT_MIN_NARRATIVE_LENGTH = 150;

type CountStates = ReadonlyMap<string, IndicatorState>;

const hint = (
  rule: HintRule,
  code: string,
  severity: Severity,
  params: Record<string, string | number> = {},
): Hint => ({ rule, code, severity, params });

const isBlank = (text: string | null | undefined): boolean => !text?.trim();

// Counts and option keys are read as the workbook reads them, shared with the score.
export { parseCount } from '@/lib/lke/values';

/** An answer the workbook would score; anything else shows "Blm Diisi" there (DOMAIN.md §9). */
function isAnswered(indicator: Indicator, answer: string | null): boolean {
  if (answer === null) return false;
  if (indicator.answerType === 'count') return parseCount(answer) !== null;
  if (indicator.options.length > 0) return optionOf(indicator, answer) !== null;
  return !isBlank(answer);
}

const hasEvidence = (state: IndicatorState): boolean => state.evidence.some((e) => !isBlank(e.url));

export function unanswered(state: IndicatorState, indicator: Indicator): Hint | null {
  // A percentage is computed from its Jumlah inputs; only they can be left unanswered.
  if (indicator.answerType === 'percent_computed') return null;
  return isAnswered(indicator, state.answer) ? null : hint('unanswered', state.code, 'error');
}

// The narrative of a Jumlah input is optional: the number is the answer.
const needsNarrative = (indicator: Indicator): boolean =>
  indicator.answerType !== 'count' && indicator.answerType !== 'percent_computed';

export function narrativeMissing(state: IndicatorState, indicator: Indicator): Hint | null {
  if (!needsNarrative(indicator) || !isBlank(state.narrative)) return null;
  return hint('narrativeMissing', state.code, 'warning');
}

export function narrativeShort(
  state: IndicatorState,
  indicator: Indicator,
  context: HintContext,
): Hint | null {
  const length = state.narrative?.trim().length ?? 0;
  // An empty narrative is narrativeMissing, not short.
  if (!needsNarrative(indicator) || length === 0 || length >= context.minNarrativeLength) return null;
  return hint('narrativeShort', state.code, 'warning', { length, limit: context.minNarrativeLength });
}

export function noEvidence(state: IndicatorState): Hint | null {
  return hasEvidence(state) ? null : hint('noEvidence', state.code, 'warning');
}

/** The top option ("Ya", "A") claimed without a document is what TPI/TPN reject first. */
export function bestAnswerWithoutEvidence(state: IndicatorState, indicator: Indicator): Hint | null {
  const best = indicator.options.find((o) => o.value === 1);
  if (!best || state.answer === null || optionOf(indicator, state.answer)?.key !== best.key || hasEvidence(state)) {
    return null;
  }
  return hint('bestAnswerWithoutEvidence', state.code, 'error', { answer: best.key });
}

// "Nomor 90 Tahun 2021" cites a regulation; its year says nothing about the period described.
const REGULATION_CITATION = /\b(?:Nomor|No\.?)\s*[\w./-]+\s+Tahun\s+20\d{2}/gi;
const YEAR = /(?<!\d)20\d{2}(?!\d)/g;

const inPeriod = (year: number, context: HintContext): boolean =>
  year === context.year || year === context.year - 1;

const period = (context: HintContext) => ({ from: context.year - 1, to: context.year });

const yearList = (years: Iterable<number>): string => [...new Set(years)].sort().join(', ');

/** The LKE reports the evaluated year and often last year's results; other years hint at a copied text. */
export function narrativeOtherYear(state: IndicatorState, context: HintContext): Hint | null {
  const text = (state.narrative ?? '').replace(REGULATION_CITATION, '');
  const others = [...text.matchAll(YEAR)].map((m) => Number(m[0])).filter((y) => !inPeriod(y, context));
  if (others.length === 0) return null;
  return hint('narrativeOtherYear', state.code, 'warning', { years: yearList(others), ...period(context) });
}

/** Year of a document date written as "yyyy-mm-dd" or "yyyy"; other forms are not judged. */
function documentYear(date: string | null | undefined): number | null {
  const match = /^(\d{4})(-\d{2}-\d{2})?$/.exec(date?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

export function evidenceOutsidePeriod(state: IndicatorState, context: HintContext): Hint | null {
  const others = state.evidence
    .map((e) => documentYear(e.documentDate))
    .filter((y): y is number => y !== null && !inPeriod(y, context));
  if (others.length === 0) return null;
  return hint('evidenceOutsidePeriod', state.code, 'info', { years: yearList(others), ...period(context) });
}

const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

export function narrativeUnchanged(state: IndicatorState, context: HintContext): Hint | null {
  const previous = context.previousNarratives?.get(state.code);
  if (isBlank(state.narrative) || previous === undefined) return null;
  return normalise(state.narrative ?? '') === normalise(previous)
    ? hint('narrativeUnchanged', state.code, 'warning', { previousYear: context.year - 1 })
    : null;
}

const countOf = (states: CountStates, code: string): number | null =>
  parseCount(states.get(code)?.answer ?? null);

/** Sum of the counts, or null while any of them is missing. */
function sumOf(states: CountStates, codes: readonly string[]): number | null {
  const counts = codes.map((code) => countOf(states, code));
  return counts.every((c) => c !== null) ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) : null;
}

/** The workbook tests every input for "" (including the unused ones) and shows "Blm Diisi" for the %. */
export function countMissing(indicator: Indicator, states: CountStates): Hint | null {
  const missing = indicator.inputs.filter((code) => countOf(states, code) === null);
  // All inputs empty is plain unanswered work, already reported on each input.
  if (missing.length === 0 || missing.length === indicator.inputs.length) return null;
  return hint('countMissing', indicator.code, 'warning', { missing: missing.join(', ') });
}

/** More done than there was to do: the % is capped at 100 % and the counts look wrong. */
export function countExceedsTotal(indicator: Indicator, states: CountStates): Hint | null {
  if (indicator.formula?.kind !== 'ratio') return null;
  const numerator = sumOf(states, indicator.formula.numerator);
  const denominator = sumOf(states, indicator.formula.denominator);
  if (numerator === null || denominator === null || denominator === 0 || numerator <= denominator) {
    return null;
  }
  return hint('countExceedsTotal', indicator.code, 'warning', { numerator, denominator });
}

/** The workbook formula divides by the zero count and shows #DIV/0! (DOMAIN.md §6). */
export function countUndefinedRate(indicator: Indicator, states: CountStates): Hint | null {
  const formula = indicator.formula;
  if (formula?.kind === 'decrease') {
    const previous = countOf(states, formula.previous);
    const current = countOf(states, formula.current);
    if (previous !== 0 || current === null || current === 0) return null;
    return hint('countUndefinedRate', indicator.code, 'warning', { divisor: formula.previous });
  }
  if (formula?.kind === 'ratio' && sumOf(states, formula.denominator) === 0) {
    return hint('countUndefinedRate', indicator.code, 'warning', {
      divisor: formula.denominator.join(' + '),
    });
  }
  return null;
}

const present = (hints: (Hint | null)[]): Hint[] => hints.filter((h): h is Hint => h !== null);

/**
 * Hints about one indicator on its own. Percentages get none here: their count rules need the
 * states of their inputs (see hintsForPeriod).
 */
export function hintsFor(state: IndicatorState, context: HintContext): Hint[] {
  const indicator = LKE.byCode.get(state.code);
  if (!indicator) return [];
  const best = bestAnswerWithoutEvidence(state, indicator);
  return present([
    unanswered(state, indicator),
    narrativeMissing(state, indicator),
    narrativeShort(state, indicator, context),
    // The error on a top answer already says the evidence is missing.
    best ?? noEvidence(state),
    narrativeOtherYear(state, context),
    evidenceOutsidePeriod(state, context),
    narrativeUnchanged(state, context),
  ]);
}

const emptyState = (code: string): IndicatorState => ({ code, answer: null, narrative: null, evidence: [] });

/**
 * Every hint of a period, in template order: each answerable indicator (missing states count as
 * empty) and the count rules of each percentage.
 */
export function hintsForPeriod(states: CountStates, context: HintContext): Hint[] {
  return LKE.template.indicators.flatMap((indicator) => {
    if (indicator.formula) {
      return present([
        countMissing(indicator, states),
        countExceedsTotal(indicator, states),
        countUndefinedRate(indicator, states),
      ]);
    }
    if (indicator.soalId === null) return [];
    return hintsFor(states.get(indicator.code) ?? emptyState(indicator.code), context);
  });
}
