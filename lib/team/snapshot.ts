import type { ProgressSnapshot } from '../db/schema';
import type { Hint } from '../hints/types';
import type { ScoreSheet } from '../lke/scoring';
import { ANSWERABLE_CODES, scopesOfLevel } from './scope';

// A period's progress at one moment (issue 7): the numbers a weekly snapshot keeps and the trend
// chart and the leader digest compare. Pure arithmetic over the hints and the score sheet.

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export type Progress = Pick<ProgressSnapshot, 'answeredPercent' | 'withEvidencePercent' | 'hintsOpen' | 'scores'>;

/** The score keys every snapshot holds beside the areas. */
export const TOTAL_KEYS = ['total', 'pengungkit', 'hasil'] as const;

const EVIDENCE_RULES = new Set<Hint['rule']>(['noEvidence', 'bestAnswerWithoutEvidence']);

const codesWith = (hints: readonly Hint[], matches: (hint: Hint) => boolean) => new Set(hints.filter(matches).map((hint) => hint.code));

/** The answerable indicators the workbook would score: those without an "unanswered" hint. */
export function answeredCodes(hints: readonly Hint[]): Set<string> {
  const unanswered = codesWith(hints, (hint) => hint.rule === 'unanswered');
  return new Set(ANSWERABLE_CODES.filter((code) => !unanswered.has(code)));
}

const percentOf = (count: number): number => Math.round((count / ANSWERABLE_CODES.length) * 1000) / 10;
const round2 = (value: number): number => Math.round(value * 100) / 100;

export function measureProgress(hints: readonly Hint[], sheet: ScoreSheet): Progress {
  const withoutEvidence = codesWith(hints, (hint) => EVIDENCE_RULES.has(hint.rule));
  const scores: Record<string, number> = {};
  for (const area of scopesOfLevel('area')) scores[area.code] = round2(sheet.nodes.get(area.code)?.score ?? 0);
  for (const key of TOTAL_KEYS) scores[key] = round2(sheet[key]);
  return {
    answeredPercent: percentOf(answeredCodes(hints).size),
    withEvidencePercent: percentOf(ANSWERABLE_CODES.filter((code) => !withoutEvidence.has(code)).length),
    // Info hints are remarks, not work left to do.
    hintsOpen: hints.filter((hint) => hint.severity !== 'info').length,
    scores,
  };
}

/** A weekly snapshot is due when there is none yet or the newest is a week old. */
export function isSnapshotDue(newestTakenAt: number | null, now: number): boolean {
  return newestTakenAt === null || now - newestTakenAt >= WEEK_MS;
}

/** Leaves a day's slack so a snapshot taken on last week's meeting day still counts as last week. */
const REFERENCE_AGE_MS = 6 * 24 * 60 * 60 * 1000;

/**
 * The snapshot "last week" means: the newest one at least six days old; null in the first week of
 * use, when comparing with a snapshot of the same days would only show changes of a few hours.
 */
export function referenceSnapshot<T extends Pick<ProgressSnapshot, 'takenAt'>>(snapshots: readonly T[], now: number): T | null {
  const weekOld = snapshots.filter((snapshot) => now - snapshot.takenAt >= REFERENCE_AGE_MS);
  return weekOld.reduce<T | null>((newest, snapshot) => (newest === null || snapshot.takenAt > newest.takenAt ? snapshot : newest), null);
}
