import type { IndicatorState } from './types';

// What the extension knows about a period comes from several places: what the portal page showed,
// what the user typed there or in the panel, and the evidence library. The hints judge one merged
// state per indicator, built here from plain records (no Dexie, ARCHITECTURE.md rule 6).

/** What the portal page showed for an indicator, and when it was read. */
export interface ObservedState {
  code: string;
  answer: string | null;
  narrative: string | null;
  evidence: readonly string[];
  observedAt: number;
}

/** A value the user saved in the extension (an answer chosen in the panel, a typed text). */
export interface SavedValue {
  code: string;
  field: 'answer' | 'narrative' | 'evidence' | 'count';
  text: string | null;
  at: number;
}

/** An evidence document linked to an indicator in the library. */
export interface LinkedEvidence {
  code: string;
  url: string;
  documentDate: string | null;
}

export interface PeriodRecords {
  observed: readonly ObservedState[];
  /**
   * Saved values; only the newest per indicator and field counts, so a loader may pass just those.
   * Of values saved in the same millisecond the one listed first counts, so pass them newest first.
   */
  saved: readonly SavedValue[];
  library: readonly LinkedEvidence[];
}

// A Jumlah input's number is its answer: the portal binds it as 'count', the panel may save it as
// 'answer', and whichever was saved last is the value.
const slotOf = (field: SavedValue['field']): 'answer' | 'narrative' | 'evidence' =>
  field === 'count' ? 'answer' : field;

function newestSaved(saved: readonly SavedValue[]): Map<string, SavedValue> {
  const newest = new Map<string, SavedValue>();
  for (const value of saved) {
    const key = `${value.code}\u0000${slotOf(value.field)}`;
    const current = newest.get(key);
    if (!current || value.at > current.at) newest.set(key, value);
  }
  return newest;
}

/** Adds evidence not yet known by its link or name: the same link twice is one document. */
function addEvidence(state: IndicatorState, urls: readonly string[]): void {
  const known = new Set(state.evidence.map((e) => e.url));
  for (const url of urls.map((u) => u.trim())) {
    if (url === '' || known.has(url)) continue;
    known.add(url);
    state.evidence.push({ url });
  }
}

/**
 * One state per indicator that has any record. For the answer and the narrative, the newer of
 * what the page showed and what was saved wins: a text typed after the page was read is the
 * unit's current text, and a page read after an older save shows what the portal now holds.
 * Evidence is everything known: the page's links and names, the newest saved evidence text and
 * the library documents linked to the indicator.
 */
export function indicatorStates(records: PeriodRecords): Map<string, IndicatorState> {
  const states = new Map<string, IndicatorState>();
  const stateOf = (code: string): IndicatorState => {
    let state = states.get(code);
    if (!state) {
      state = { code, answer: null, narrative: null, evidence: [] };
      states.set(code, state);
    }
    return state;
  };
  const observedAt = new Map<string, number>();
  for (const page of records.observed) {
    const state = stateOf(page.code);
    state.answer = page.answer;
    state.narrative = page.narrative;
    addEvidence(state, page.evidence);
    observedAt.set(page.code, page.observedAt);
  }
  for (const value of newestSaved(records.saved).values()) {
    const state = stateOf(value.code);
    const newerThanPage = value.at > (observedAt.get(value.code) ?? -Infinity);
    const slot = slotOf(value.field);
    if (slot === 'evidence') {
      // A saved evidence field holds one link or name per line.
      addEvidence(state, (value.text ?? '').split('\n'));
    } else if (slot === 'narrative') {
      if (newerThanPage || state.narrative === null) state.narrative = value.text;
    } else if (newerThanPage || state.answer === null) {
      state.answer = value.text;
    }
  }
  for (const document of records.library) {
    const state = stateOf(document.code);
    const existing = state.evidence.find((e) => e.url === document.url.trim());
    if (existing) existing.documentDate ??= document.documentDate;
    else state.evidence.push({ url: document.url.trim(), documentDate: document.documentDate });
  }
  return states;
}
