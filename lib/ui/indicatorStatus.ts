import type { IndicatorState } from '@/lib/hints/types';

/** Which of the three parts the portal expects for an indicator are filled in. */
export interface IndicatorStatus {
  answer: boolean;
  narrative: boolean;
  evidence: boolean;
}

export type StatusField = keyof IndicatorStatus;
export const STATUS_FIELDS: readonly StatusField[] = ['answer', 'narrative', 'evidence'];

const hasText = (text: string | null | undefined): boolean => !!text && text.trim() !== '';

/**
 * Read from the indicator's merged state (lib/hints/collect.ts): what the page showed, what the
 * user typed or saved, and the evidence library, the newest winning, as the hints and the score read it.
 */
export function statusOf(state: IndicatorState | undefined): IndicatorStatus {
  return {
    answer: hasText(state?.answer),
    narrative: hasText(state?.narrative),
    evidence: (state?.evidence ?? []).some((e) => hasText(e.url)),
  };
}

export const isComplete = (status: IndicatorStatus): boolean =>
  status.answer && status.narrative && status.evidence;

/** Status of each given indicator from the period's merged states. */
export function statusesByCode(
  indicators: readonly { code: string }[],
  states: ReadonlyMap<string, IndicatorState>,
): Map<string, IndicatorStatus> {
  return new Map(indicators.map(({ code }) => [code, statusOf(states.get(code))]));
}
