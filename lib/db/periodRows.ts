import { type Hint, type HintContext, type IndicatorState, type PeriodRecords, type SavedValue, hintsForPeriod, indicatorStates } from '../hints';
import type { Answer, Evidence, EvidenceLink, PageState, Revision } from './schema';
import { DEFAULT_STORED_THRESHOLDS, type StoredThresholds } from './storedThresholds';

// What a period's rows mean: its records, the states of its indicators, their hints. Nothing here
// reads, and nothing imports Dexie: the repositories read the rows through Dexie, the dashboard's
// first frame reads them with IndexedDB itself (directOverview.ts) before Dexie has loaded, and
// both make the same overview of the same rows here.

/** The rows of one period that its records are made of (`periodRecordsOf`). */
export interface PeriodRows {
  pageStates: PageState[];
  /** The newest form revision of each field, newest first. */
  revisions: Revision[];
  answers: Answer[];
  evidence: Evidence[];
  links: EvidenceLink[];
}

/** A period's records made of its rows, however they were read. */
export function periodRecordsOf({ pageStates, revisions, answers, evidence, links }: PeriodRows): PeriodRecords {
  const documents = new Map(evidence.map((document) => [document.id!, document]));
  // An answer saved in the extension counts even where its revision is missing (imported, or
  // written before answers kept revisions); where both exist they agree.
  const saved: SavedValue[] = [
    ...answers.map(({ code, value, updatedAt }): SavedValue => ({ code, field: 'answer', text: value, at: updatedAt })),
    ...revisions.map(({ code, field, text, createdAt }) => ({ code, field, text, at: createdAt })),
  ];
  return {
    observed: pageStates,
    saved,
    library: links.flatMap(({ code, evidenceId }) => {
      const document = documents.get(evidenceId);
      return document ? [{ code, url: document.url, documentDate: document.documentDate }] : [];
    }),
  };
}

/** What one read of the database gives a page's overview of a period (`loadPeriodOverview`). */
export interface LoadedPeriod {
  periodId: number | null;
  records: PeriodRecords;
  states: Map<string, IndicatorState>;
  hints: Hint[];
  thresholds: StoredThresholds;
}

/** Before there is any period. */
export const NO_PERIOD: LoadedPeriod = {
  periodId: null,
  records: { observed: [], saved: [], library: [] },
  states: new Map(),
  hints: [],
  thresholds: DEFAULT_STORED_THRESHOLDS,
};

/** What one read of a period gives (`LoadedPeriod`), made of what was read about it, however it was read. */
export function loadedPeriodOf(periodId: number, records: PeriodRecords, context: HintContext, thresholds: StoredThresholds): LoadedPeriod {
  const states = indicatorStates(records);
  return { periodId, records, states, hints: hintsForPeriod(states, context), thresholds };
}
