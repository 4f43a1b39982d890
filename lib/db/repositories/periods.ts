import { TEMPLATE_EDITIONS, templateOf } from '../../periods/editions';
import { PeriodError } from '../../periods/errors';
import { planRollover, type PeriodContents } from '../../periods/rollover';
import { compareTemplates } from '../../periods/staleness';
import type { CarryOver, Draft, Evidence, LkeDatabase, Period, Revision } from '../schema';
import { DEFAULT_TEMPLATE_ID } from './context';
import { activeDraftId, setActiveDraft } from './drafts';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';

/** Evaluation years the switcher accepts: the LKE of PermenPANRB 90/2021 is not older than this. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new PeriodError('invalid_year', `An evaluation year is a whole number from ${MIN_YEAR} to ${MAX_YEAR}, not ${year}`);
  }
  return year;
}

/** A unit's periods, newest year first. */
export async function listPeriods(db: LkeDatabase, unitId: number): Promise<Stored<Period>[]> {
  const periods = (await db.periods.where('unitId').equals(unitId).toArray()) as Stored<Period>[];
  return periods.sort((a, b) => b.year - a.year);
}

/** Call inside a transaction that includes `periods`: a unit has one period per year. */
async function requireFreeYear(db: LkeDatabase, unitId: number, year: number): Promise<void> {
  if (await db.periods.where({ unitId, year }).first()) {
    throw new PeriodError('year_taken', `The unit already has a period for ${year}`);
  }
}

export interface NewPeriod {
  unitId: number;
  year: number;
  templateId?: string;
}

function checkEdition(templateId: string): string {
  if (!TEMPLATE_EDITIONS.has(templateId)) throw new PeriodError('unknown_edition', `No template edition ${templateId}`);
  return templateId;
}

/** Adds an empty period to a unit; a year the unit already has is refused. */
export async function createPeriod(db: LkeDatabase, input: NewPeriod, now: Date): Promise<Stored<Period>> {
  const year = checkYear(input.year);
  const templateId = checkEdition(input.templateId ?? DEFAULT_TEMPLATE_ID);
  return db.transaction('rw', db.units, db.periods, async () => {
    requireStored(await db.units.get(input.unitId), `Unit ${input.unitId}`);
    await requireFreeYear(db, input.unitId, year);
    return insertRow<Period>(db.periods, { unitId: input.unitId, year, templateId, rolledFrom: null, createdAt: now.getTime() });
  });
}

async function readContents(db: LkeDatabase, periodId: number): Promise<PeriodContents> {
  // Every code of the period, on the tables keyed by [periodId+code].
  const [first, last] = [[periodId, ''], [periodId, '\uffff']];
  const [answers, drafts, revisions, evidence, links, pageStates] = await Promise.all([
    db.answers.where('periodId').equals(periodId).toArray(),
    db.drafts.where('[periodId+code]').between(first, last).toArray(),
    db.revisions.where('[periodId+code]').between(first, last).filter((revision) => revision.draftId === null).toArray(),
    db.evidence.where('periodId').equals(periodId).toArray(),
    db.evidenceLinks.where('[periodId+code]').between(first, last).toArray(),
    db.pageStates.where('periodId').equals(periodId).toArray(),
  ]);
  return {
    answers,
    drafts: drafts as Stored<Draft>[],
    formRevisions: revisions as Stored<Revision>[],
    evidence: evidence as Stored<Evidence>[],
    links,
    pageStates,
  };
}

/** The draft the user chose for each indicator stays the chosen one in the copy. Call inside the roll-over's transaction. */
async function keepActiveDrafts(
  db: LkeDatabase,
  fromPeriodId: number,
  codes: ReadonlySet<string>,
  newDraftId: ReadonlyMap<number, number>,
): Promise<void> {
  for (const code of codes) {
    const chosen = newDraftId.get((await activeDraftId(db, fromPeriodId, code)) ?? -1);
    if (chosen !== undefined) await setActiveDraft(db, chosen);
  }
}

export interface RolloverInput {
  fromPeriodId: number;
  /** The new period's year; the year after the source's when omitted. */
  year?: number;
  /** The new period's template edition; the source's when omitted. */
  templateId?: string;
}

/**
 * Creates the unit's period of `year` from an earlier period: answers, drafts, the form's last texts
 * (what the portal page showed, where newer than anything saved) and the evidence library with its
 * links are copied (new ids, links remapped), and every indicator
 * copied is marked as carried over, with what changed in its template entry. One transaction: a
 * failure leaves no half-filled period. The source period is only read.
 */
export function rollOverPeriod(db: LkeDatabase, input: RolloverInput, now: Date): Promise<Stored<Period>> {
  const tables = [db.units, db.periods, db.answers, db.pageStates, db.drafts, db.revisions, db.evidence, db.evidenceLinks, db.carryOvers, db.settings];
  return db.transaction('rw', tables, async () => {
    const source = await requirePeriod(db, input.fromPeriodId);
    const year = checkYear(input.year ?? source.year + 1);
    const templateId = checkEdition(input.templateId ?? source.templateId);
    await requireFreeYear(db, source.unitId, year);
    const period = await insertRow<Period>(db.periods, { unitId: source.unitId, year, templateId, rolledFrom: source.id, createdAt: now.getTime() });
    const plan = planRollover(await readContents(db, source.id), {
      fromPeriodId: source.id,
      toPeriodId: period.id,
      staleReasons: compareTemplates(templateOf(source.templateId), templateOf(templateId)),
      now: now.getTime(),
    });
    await db.answers.bulkAdd(plan.answers);
    const newDraftId = new Map<number, number>();
    for (const { sourceId, row, revision } of plan.drafts) {
      const draft = await insertRow<Draft>(db.drafts, row);
      newDraftId.set(sourceId, draft.id);
      if (revision) await db.revisions.add({ ...revision, draftId: draft.id });
    }
    await keepActiveDrafts(db, source.id, new Set(plan.drafts.map(({ row }) => row.code)), newDraftId);
    await db.revisions.bulkAdd(plan.formRevisions);
    const newEvidenceId = new Map<number, number>();
    for (const { sourceId, row } of plan.evidence) newEvidenceId.set(sourceId, (await insertRow<Evidence>(db.evidence, row)).id);
    // A link whose document is missing from the library points at nothing; it is not carried.
    const links = plan.links.flatMap((link) => {
      const evidenceId = newEvidenceId.get(link.evidenceId);
      return evidenceId === undefined ? [] : [{ ...link, evidenceId }];
    });
    await db.evidenceLinks.bulkAdd(links);
    await db.carryOvers.bulkAdd(plan.carryOvers);
    return period;
  });
}

export function getCarryOver(db: LkeDatabase, periodId: number, code: string): Promise<CarryOver | undefined> {
  return db.carryOvers.get([periodId, code]);
}

/** Marks a carried-over indicator as looked at again ("sudah ditinjau"). */
export function markCarryOverReviewed(db: LkeDatabase, periodId: number, code: string, now: Date): Promise<CarryOver> {
  return db.transaction('rw', db.carryOvers, async () => {
    const carryOver = await getCarryOver(db, periodId, code);
    if (!carryOver) throw new PeriodError('not_carried', `${code} was not carried into period ${periodId}`);
    const reviewed = { ...carryOver, reviewedAt: now.getTime() };
    await db.carryOvers.put(reviewed);
    return reviewed;
  });
}
