import { type Answers, type BlankRule, type ScoreSheet, computeScore } from './scoring';
import { type Predicate, type Thresholds, type Verdict, judge } from './verdict';

/** A score sheet with both predicates judged on it. */
export interface Assessment {
  sheet: ScoreSheet;
  verdicts: Record<Predicate, Verdict>;
}

export type Assessments = Record<BlankRule, Assessment>;

/** Scores one set of answers under both blank rules and judges WBK and WBBM on each. */
export function assess(answers: Answers, thresholds: Thresholds): Assessments {
  const under = (blanks: BlankRule): Assessment => {
    const sheet = computeScore(answers, blanks);
    return { sheet, verdicts: { wbk: judge(sheet, 'wbk', thresholds), wbbm: judge(sheet, 'wbbm', thresholds) } };
  };
  return { excluded: under('excluded'), zero: under('zero') };
}
