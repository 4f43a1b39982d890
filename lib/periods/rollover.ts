// Planning a roll-over: period N starts from what the unit had in period N−1. Pure: takes the rows
// read from the database and returns the rows to write; the repository (periods.ts) writes them in
// one transaction and remaps the ids.
import type { Answer, CarryOver, Draft, Evidence, EvidenceLink, PageState, Revision, StaleReason } from '../db/schema';

type WithId<T> = T & { id: number };

/** What a period holds that the next one starts from. */
export interface PeriodContents {
  answers: readonly Answer[];
  drafts: readonly WithId<Draft>[];
  /** Revisions of the form's own fields (no draft); only the newest per indicator and field is carried. */
  formRevisions: readonly WithId<Revision>[];
  evidence: readonly WithId<Evidence>[];
  links: readonly EvidenceLink[];
  /** What the portal page last showed: work done there before the extension saw it counts too. */
  pageStates: readonly PageState[];
}

export interface RolloverTarget {
  fromPeriodId: number;
  toPeriodId: number;
  /** Why an indicator's template entry changed between the two editions (staleness.ts), by code. */
  staleReasons: ReadonlyMap<string, StaleReason[]>;
  now: number;
}

/** A row to insert into a `++id` table, with the id it had in the period before. */
export interface Copied<T> {
  sourceId: number;
  row: T;
}

export interface RolloverPlan {
  answers: Answer[];
  /** Each draft with its text as the first revision of its history (null for an empty draft). */
  drafts: (Copied<Draft> & { revision: Omit<Revision, 'draftId'> | null })[];
  formRevisions: Revision[];
  evidence: Copied<Evidence>[];
  /** Links still naming the document's id of the period before: the repository puts the new one in. */
  links: EvidenceLink[];
  carryOvers: CarryOver[];
}

/** Whether `a` was saved after `b`; ids break ties between revisions written in the same millisecond. */
const savedAfter = (a: WithId<Revision>, b: WithId<Revision>): boolean => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/** The newest revision of each indicator's fields: what the form held when the period ended. */
function newestPerField(revisions: readonly WithId<Revision>[]): WithId<Revision>[] {
  const newest = new Map<string, WithId<Revision>>();
  for (const revision of revisions) {
    if (revision.draftId !== null) continue;
    const key = `${revision.code}\u0000${revision.field}`;
    const kept = newest.get(key);
    if (!kept || savedAfter(revision, kept)) newest.set(key, revision);
  }
  return [...newest.values()].sort((a, b) => a.id - b.id);
}

type Slot = 'answer' | 'narrative' | 'evidence';

// A Jumlah input's number is its answer (as lib/hints/collect.ts merges them).
const slotOf = (field: Revision['field']): Slot => (field === 'count' ? 'answer' : field);
const slotKey = (code: string, slot: Slot): string => `${code}\u0000${slot}`;

/** When each indicator's answer, narrative and evidence were last saved in the extension. */
function savedTimes(saved: readonly Revision[], answers: readonly Answer[]): Map<string, number> {
  const times = new Map<string, number>();
  const note = (key: string, at: number) => times.set(key, Math.max(at, times.get(key) ?? -Infinity));
  for (const revision of saved) note(slotKey(revision.code, slotOf(revision.field)), revision.createdAt);
  for (const answer of answers) note(slotKey(answer.code, 'answer'), answer.updatedAt);
  return times;
}

/**
 * What the portal page showed later than anything saved, as the portal's own revisions: the page
 * is how work done before the extension was installed, or on another computer, reaches the next
 * period (ARCHITECTURE rule 10). A field the page showed empty carries nothing.
 */
function pageRevisions(pageStates: readonly PageState[], saved: readonly Revision[], answers: readonly Answer[], periodId: number): Revision[] {
  const savedAt = savedTimes(saved, answers);
  return pageStates.flatMap((page) => {
    // A saved evidence field holds one link or name per line.
    const shown: Record<Slot, string | null> = {
      answer: page.answer,
      narrative: page.narrative,
      evidence: page.evidence.length > 0 ? page.evidence.join('\n') : null,
    };
    return (Object.keys(shown) as Slot[]).flatMap((field): Revision[] => {
      const text = shown[field];
      const newer = page.observedAt > (savedAt.get(slotKey(page.code, field)) ?? -Infinity);
      return text !== null && newer ? [{ periodId, code: page.code, field, draftId: null, text, source: 'portal', createdAt: page.observedAt }] : [];
    });
  });
}

/**
 * Every answer, draft, last form text (saved, or shown by the portal page later than anything
 * saved) and evidence document of the period before, moved into the new period. Timestamps are
 * kept, so what the portal shows in the new period counts as newer. Every indicator that received
 * something is carried over: "perlu ditinjau" until reviewed.
 */
export function planRollover(contents: PeriodContents, target: RolloverTarget): RolloverPlan {
  const periodId = target.toPeriodId;
  const answers = contents.answers.map((answer) => ({ ...answer, periodId }));
  const drafts = contents.drafts.map(({ id, ...draft }) => {
    const row: Draft = { ...draft, periodId };
    const revision = row.text === '' ? null : { periodId, code: row.code, field: 'narrative' as const, text: row.text, source: 'user' as const, createdAt: row.updatedAt };
    return { sourceId: id, row, revision };
  });
  const newestSaved = newestPerField(contents.formRevisions).map(({ id: _id, ...revision }) => ({ ...revision, periodId }));
  const formRevisions = [...newestSaved, ...pageRevisions(contents.pageStates, newestSaved, answers, periodId)];
  const evidence = contents.evidence.map(({ id, ...document }) => ({ sourceId: id, row: { ...document, periodId } }));
  const links = contents.links.map((link) => ({ ...link, periodId }));

  const codes = new Set([...answers, ...drafts.map((draft) => draft.row), ...formRevisions, ...links].map((row) => row.code));
  const carryOvers = [...codes].sort().map(
    (code): CarryOver => ({
      periodId,
      code,
      fromPeriodId: target.fromPeriodId,
      reviewedAt: null,
      staleReasons: target.staleReasons.get(code) ?? [],
      createdAt: target.now,
    }),
  );
  return { answers, drafts, formRevisions, evidence, links, carryOvers };
}
