// Planning a roll-over: period N starts from what the unit had in period N−1. Pure: takes the rows
// read from the database and returns the rows to write; the repository (periods.ts) writes them in
// one transaction and remaps the ids.
import type { Answer, CarryOver, Draft, Evidence, EvidenceLink, Revision, StaleReason } from '../db/schema';

type WithId<T> = T & { id: number };

/** What a period holds that the next one starts from. */
export interface PeriodContents {
  answers: readonly Answer[];
  drafts: readonly WithId<Draft>[];
  /** Revisions of the form's own fields (no draft); only the newest per indicator and field is carried. */
  formRevisions: readonly WithId<Revision>[];
  evidence: readonly WithId<Evidence>[];
  links: readonly EvidenceLink[];
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

/** Newest first; ids break ties between revisions written in the same millisecond. */
const newer = (a: WithId<Revision>, b: WithId<Revision>): boolean => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/** The newest revision of each indicator's fields: what the form held when the period ended. */
function newestPerField(revisions: readonly WithId<Revision>[]): WithId<Revision>[] {
  const newest = new Map<string, WithId<Revision>>();
  for (const revision of revisions) {
    if (revision.draftId !== null) continue;
    const key = `${revision.code}\u0000${revision.field}`;
    const kept = newest.get(key);
    if (!kept || newer(revision, kept)) newest.set(key, revision);
  }
  return [...newest.values()].sort((a, b) => a.id - b.id);
}

/**
 * Every answer, draft, last form text and evidence document of the period before, moved into the
 * new period; timestamps are kept, so what the portal shows in the new period counts as newer. Every
 * indicator that received something is carried over: "perlu ditinjau" until reviewed.
 */
export function planRollover(contents: PeriodContents, target: RolloverTarget): RolloverPlan {
  const periodId = target.toPeriodId;
  const answers = contents.answers.map((answer) => ({ ...answer, periodId }));
  const drafts = contents.drafts.map(({ id, ...draft }) => {
    const row: Draft = { ...draft, periodId };
    const revision = row.text === '' ? null : { periodId, code: row.code, field: 'narrative' as const, text: row.text, source: 'user' as const, createdAt: row.updatedAt };
    return { sourceId: id, row, revision };
  });
  const formRevisions = newestPerField(contents.formRevisions).map(({ id: _id, ...revision }) => ({ ...revision, periodId }));
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
