import Dexie from 'dexie';
import { type PeriodRecords, indicatorStates } from '../../hints/collect';
import type { HintContext } from '../../hints/types';
import { periodRecordsOf } from '../periodRows';
import type { LkeDatabase, Period, Revision } from '../schema';
import { minNarrativeLengthOf } from './narrativeMinimum';
import { formRevisionsByHeads, newestFirst, scanNewestFormRevisions, scheduleHeadsFold } from './revisionHeads';
import { requirePeriod, type Stored } from './rows';

/**
 * The newest revision of what the unit submits, per indicator field: typed into the portal, or
 * chosen as the answer. Revisions of a named draft are work in progress in the panel and say
 * nothing about the form. Only the newest counts (indicatorStates keeps the newest anyway), and a
 * period collects thousands of revisions with their whole texts: they are read through the heads
 * (revisionHeads.ts), or, while those are behind, found by a scan that the heads then catch up with.
 */
async function newestFormRevisions(db: LkeDatabase, periodId: number): Promise<Revision[]> {
  // A caller's transaction that does not cover the heads and their mark (a roll-over, a snapshot)
  // cannot read them.
  const within = Dexie.currentTransaction;
  const headsInReach = !within || (within.storeNames.includes('revisionHeads') && within.storeNames.includes('settings'));
  if (!headsInReach) return scanNewestFormRevisions(db, periodId);
  const byHeads = await formRevisionsByHeads(db, periodId);
  if (byHeads) return byHeads;
  const scanned = await scanNewestFormRevisions(db, periodId);
  // The heads were found behind. The fold starts after the scan: one that started first would
  // hold the scan's reads until it is done.
  scheduleHeadsFold(db);
  return scanned;
}

/** Everything the hints judge for one period, as plain records. */
export async function loadPeriodRecords(db: LkeDatabase, periodId: number): Promise<PeriodRecords> {
  const [pageStates, revisions, answers, evidence, links] = await Promise.all([
    db.pageStates.where('periodId').equals(periodId).toArray(),
    newestFormRevisions(db, periodId),
    db.answers.where('periodId').equals(periodId).toArray(),
    db.evidence.where('periodId').equals(periodId).toArray(),
    db.evidenceLinks.where('[periodId+code]').between([periodId, ''], [periodId, '\uffff']).toArray(),
  ]);
  return periodRecordsOf({ pageStates, revisions, answers, evidence, links });
}

/** The period a period's work is set beside: the one it was rolled over from, else the unit's year before; null when none. */
export async function previousPeriodOf(db: LkeDatabase, periodId: number): Promise<Stored<Period> | null> {
  const period = await requirePeriod(db, periodId);
  const previous = period.rolledFrom !== null
    ? await db.periods.get(period.rolledFrom)
    : await db.periods.where({ unitId: period.unitId, year: period.year - 1 }).first();
  return (previous as Stored<Period> | undefined) ?? null;
}

/** The newest narrative per indicator in the period this one is set beside (previousPeriodOf). */
async function previousNarratives(db: LkeDatabase, periodId: number): Promise<Map<string, string>> {
  const previous = await previousPeriodOf(db, periodId);
  const narratives = new Map<string, string>();
  if (!previous) return narratives;
  // Merged as the hints merge the current period: the newer of page and saved text is last year's.
  const states = indicatorStates(await loadPeriodRecords(db, previous.id));
  for (const { code, narrative } of states.values()) if (narrative?.trim()) narratives.set(code, narrative);
  return narratives;
}

/**
 * The context the hints of a period are judged in: its year, the user's minimum and last year's
 * texts. `lastYear: false` leaves those out (and with them the hint on texts copied unchanged):
 * reading them costs as much as reading the period itself.
 */
export async function hintContextOf(db: LkeDatabase, periodId: number, { lastYear = true } = {}): Promise<HintContext> {
  const [period, minNarrativeLength, previous] = await Promise.all([
    requirePeriod(db, periodId),
    minNarrativeLengthOf(db),
    lastYear ? previousNarratives(db, periodId) : undefined,
  ]);
  return { year: period.year, minNarrativeLength, ...(previous ? { previousNarratives: previous } : {}) };
}

/** Newest first, the revisions of the narrative and evidence fields of some indicators, drafts left out. */
export async function formTextRevisions(db: LkeDatabase, periodId: number, codes: readonly string[]): Promise<Revision[]> {
  const revisions = await db.revisions.where('[periodId+code]').anyOf(codes.map((code) => [periodId, code])).toArray();
  return revisions
    .filter((revision) => revision.draftId === null && (revision.field === 'narrative' || revision.field === 'evidence'))
    .sort(newestFirst);
}
