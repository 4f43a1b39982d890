import { i18n } from '#i18n';
import type { HintRule } from '@/lib/hints';

// The spoken names of the hints a badge shows, one per rule of lib/hints. The badge knows only
// which rules fired; the one title with a placeholder gets the answer the page shows.

const TITLES: Record<HintRule, (answer: string) => string> = {
  unanswered: () => i18n.t('hints.unanswered.title'),
  narrativeMissing: () => i18n.t('hints.narrativeMissing.title'),
  narrativeShort: () => i18n.t('hints.narrativeShort.title'),
  noEvidence: () => i18n.t('hints.noEvidence.title'),
  bestAnswerWithoutEvidence: (answer) => i18n.t('hints.bestAnswerWithoutEvidence.title', [answer]),
  narrativeOtherYear: () => i18n.t('hints.narrativeOtherYear.title'),
  evidenceOutsidePeriod: () => i18n.t('hints.evidenceOutsidePeriod.title'),
  countExceedsTotal: () => i18n.t('hints.countExceedsTotal.title'),
  countMissing: () => i18n.t('hints.countMissing.title'),
  countUndefinedRate: () => i18n.t('hints.countUndefinedRate.title'),
  narrativeUnchanged: () => i18n.t('hints.narrativeUnchanged.title'),
};

/** The titles of the rules that fired, skipping names this version does not know. */
export function hintTitles(rules: readonly string[], answer: string): string[] {
  return rules.flatMap((rule) => (Object.hasOwn(TITLES, rule) ? [TITLES[rule as HintRule](answer)] : []));
}
