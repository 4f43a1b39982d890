/** What the extension knows about one indicator of one period, as plain data. */
export interface IndicatorState {
  code: string;
  answer: string | null;
  narrative: string | null;
  evidence: { url: string; documentDate?: string | null }[];
}

export const HINT_RULES = [
  'unanswered',
  'narrativeMissing',
  'narrativeShort',
  'noEvidence',
  'bestAnswerWithoutEvidence',
  'narrativeOtherYear',
  'evidenceOutsidePeriod',
  'countExceedsTotal',
  'countMissing',
  'countUndefinedRate',
  'narrativeUnchanged',
] as const;
export type HintRule = (typeof HINT_RULES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Hint {
  rule: HintRule;
  /** Indicator code; count rules use the code of the percentage indicator. */
  code: string;
  severity: Severity;
  /**
   * Values for the message `hints.<rule>.explanation`: the insertion order is the placeholder
   * order, so `Object.values(params)` are the substitutions `$1`, `$2`, ….
   */
  params: Record<string, string | number>;
}

export interface HintContext {
  /** The evaluated year of the period. */
  year: number;
  /** Shortest acceptable narrative, in characters after trimming. */
  minNarrativeLength: number;
  /** Narratives of the previous period, by indicator code. */
  previousNarratives?: ReadonlyMap<string, string>;
}

export type SeverityCounts = Record<Severity, number>;
