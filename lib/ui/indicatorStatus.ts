import type { Answer, PageState } from '@/lib/db/schema';

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
 * The page is the primary source (rule 10: work done on the portal counts); the answer the user saved
 * in the extension fills in only when the page has not shown one.
 */
export function statusOf(pageState: PageState | undefined, saved: Answer | undefined): IndicatorStatus {
  return {
    answer: hasText(pageState?.answer) || hasText(saved?.value),
    narrative: hasText(pageState?.narrative),
    evidence: (pageState?.evidence ?? []).some(hasText),
  };
}

export const isComplete = (status: IndicatorStatus): boolean =>
  status.answer && status.narrative && status.evidence;

/** Status of each given indicator from a period's page states and saved answers. */
export function statusesByCode(
  indicators: readonly { code: string }[],
  pageStates: ReadonlyMap<string, PageState>,
  answers: ReadonlyMap<string, Answer>,
): Map<string, IndicatorStatus> {
  return new Map(
    indicators.map(({ code }) => [code, statusOf(pageStates.get(code), answers.get(code))]),
  );
}
