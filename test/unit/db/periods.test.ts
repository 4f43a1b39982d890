import { beforeEach, describe, expect, it } from 'vitest';
import { saveAnswer } from '@/lib/db/repositories/answers';
import { recordPortalEdits } from '@/lib/db/repositories/autosave';
import { activeDraftId, createDraft, setActiveDraft, updateDraftText } from '@/lib/db/repositories/drafts';
import { addEvidenceFor, linkEvidence } from '@/lib/db/repositories/evidence';
import {
  createPeriod,
  getCarryOver,
  listPeriods,
  markCarryOverReviewed,
  rollOverPeriod,
} from '@/lib/db/repositories/periods';
import { loadPeriodRecords, previousPeriodOf } from '@/lib/db/repositories/periodRecords';
import type { LkeDatabase } from '@/lib/db/schema';
import { indicatorStates } from '@/lib/hints';
import { PeriodError } from '@/lib/periods/errors';
import { openTestDatabase } from './testDatabase';
import { createUnit } from '@/lib/db/repositories/units';

const NOW = new Date(2025, 10, 3, 9, 0);
const LATER = new Date(2026, 0, 5, 8, 0);

let db: LkeDatabase;
let unitId: number;
let sourceId: number;

/** Everything a period holds, without the ids and period ids a copy changes. */
async function contentsOf(periodId: number) {
  const strip = <T extends object>(row: T) => {
    const { id: _id, periodId: _periodId, draftId: _draftId, evidenceId: _evidenceId, ...rest } = row as T & Record<string, unknown>;
    return rest;
  };
  const drafts = await db.drafts.where('[periodId+code]').between([periodId, ''], [periodId, '\uffff']).toArray();
  const evidence = await db.evidence.where('periodId').equals(periodId).toArray();
  const titleOf = new Map(evidence.map((document) => [document.id, document.title]));
  const links = await db.evidenceLinks.where('[periodId+code]').between([periodId, ''], [periodId, '\uffff']).toArray();
  return {
    answers: (await db.answers.where('periodId').equals(periodId).toArray()).map(strip),
    drafts: drafts.map(strip),
    evidence: evidence.map(strip),
    links: links.map((link) => ({ ...strip(link), title: titleOf.get(link.evidenceId) })),
  };
}

async function fillSource() {
  await saveAnswer(db, { periodId: sourceId, code: 'A.I.1.i.a', value: 'Ya', source: 'user' }, NOW);
  await saveAnswer(db, { periodId: sourceId, code: 'A.I.1.i.b', value: 'B', source: 'portal' }, NOW);
  const draft = await createDraft(db, { periodId: sourceId, code: 'A.I.1.i.a', name: 'Final', text: 'Tim dibentuk tahun 2025.' }, NOW);
  await updateDraftText(db, draft.id, 'Tim dibentuk pada tahun 2025 dengan SK KEP-12/2025.', new Date(NOW.getTime() + 1000));
  await recordPortalEdits(db, sourceId, [
    { code: 'A.I.2.i.a', field: 'narrative', text: 'Rencana kerja 2024', at: NOW.getTime() - 120_000 },
    { code: 'A.I.2.i.a', field: 'narrative', text: 'Rencana kerja tahun 2025 disusun.', at: NOW.getTime() },
  ], NOW);
  const sk = await addEvidenceFor(db, { periodId: sourceId, title: 'SK Tim', url: 'https://drive.example.id/sk', type: 'SK' }, 'A.I.1.i.a', NOW);
  await linkEvidence(db, sk.id, ['A.I.1.i.b'], NOW);
  await addEvidenceFor(db, { periodId: sourceId, title: 'Notulen', url: 'https://drive.example.id/notulen' }, 'A.I.1.ii.a', NOW);
}

beforeEach(async () => {
  db = openTestDatabase();
  const { unit, period } = await createUnit(db, { name: 'KPP Pratama Contoh', year: 2025 }, NOW);
  unitId = unit.id;
  sourceId = period.id;
});

describe('rollOverPeriod', () => {
  it('copies answers, drafts and the evidence library field by field into the next year', async () => {
    await fillSource();
    const before = await contentsOf(sourceId);

    const period = await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    expect(period).toMatchObject({ unitId, year: 2026, rolledFrom: sourceId, createdAt: LATER.getTime() });
    expect(await contentsOf(period.id)).toEqual(before);
    expect(before.answers).toHaveLength(2);
    expect(before.links).toHaveLength(3);
  });

  it('gives copied drafts and documents new ids and points the links at the new documents', async () => {
    await fillSource();
    const period = await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    const oldIds = new Set((await db.evidence.where('periodId').equals(sourceId).toArray()).map((document) => document.id));
    const newDocuments = await db.evidence.where('periodId').equals(period.id).toArray();
    const links = await db.evidenceLinks.where('[periodId+code]').between([period.id, ''], [period.id, '\uffff']).toArray();
    expect(newDocuments.every((document) => !oldIds.has(document.id))).toBe(true);
    expect(new Set(links.map((link) => link.evidenceId))).toEqual(new Set(newDocuments.map((document) => document.id)));

    const [draft] = await db.drafts.where('[periodId+code]').equals([period.id, 'A.I.1.i.a']).toArray();
    const draftRevisions = await db.revisions.where('draftId').equals(draft!.id!).toArray();
    expect(draftRevisions.map((revision) => revision.text)).toEqual(['Tim dibentuk pada tahun 2025 dengan SK KEP-12/2025.']);
  });

  it('keeps the draft the user chose as the active one, also when another was edited later', async () => {
    const chosen = await createDraft(db, { periodId: sourceId, code: 'A.I.3.i.a', name: 'Final', text: 'Versi final' }, NOW);
    await createDraft(db, { periodId: sourceId, code: 'A.I.3.i.a', name: 'Singkat', text: 'Versi singkat' }, LATER);
    await setActiveDraft(db, chosen.id);

    const period = await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    const active = await db.drafts.get((await activeDraftId(db, period.id, 'A.I.3.i.a'))!);
    expect(active).toMatchObject({ periodId: period.id, name: 'Final', text: 'Versi final' });
  });

  it('carries the newest text the form held, not its history', async () => {
    await fillSource();
    const period = await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    const texts = await db.revisions.where('[periodId+code]').equals([period.id, 'A.I.2.i.a']).toArray();
    expect(texts.map(({ text, field, draftId, source }) => ({ text, field, draftId, source }))).toEqual([
      { text: 'Rencana kerja tahun 2025 disusun.', field: 'narrative', draftId: null, source: 'portal' },
    ]);
  });

  it('carries what the portal page showed where nothing saved is newer', async () => {
    await fillSource();
    await db.pageStates.bulkPut([
      { periodId: sourceId, code: 'A.I.4.i.a', answer: 'B', narrative: 'Diisi langsung di portal.', evidence: ['https://a.example/1', 'https://a.example/2'], origin: 'https://portalrb.menpan.go.id', observedAt: NOW.getTime() - 5000 },
      // Older than the answer saved in the extension, and showing no narrative: nothing of it counts.
      { periodId: sourceId, code: 'A.I.1.i.a', answer: 'Tidak', narrative: null, evidence: [], origin: 'https://portalrb.menpan.go.id', observedAt: NOW.getTime() - 5000 },
    ]);

    const period = await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    const states = indicatorStates(await loadPeriodRecords(db, period.id));
    expect(states.get('A.I.4.i.a')).toMatchObject({ answer: 'B', narrative: 'Diisi langsung di portal.', evidence: [{ url: 'https://a.example/1' }, { url: 'https://a.example/2' }] });
    expect(states.get('A.I.1.i.a')?.answer).toBe('Ya');
    expect(await db.pageStates.where('periodId').equals(period.id).count()).toBe(0);
    expect(await getCarryOver(db, period.id, 'A.I.4.i.a')).toMatchObject({ reviewedAt: null });
  });

  it('marks every copied indicator as carried over, not yet reviewed', async () => {
    await fillSource();
    const period = await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    const carried = await db.carryOvers.where('periodId').equals(period.id).toArray();
    expect(carried.map((row) => row.code).sort()).toEqual(['A.I.1.i.a', 'A.I.1.i.b', 'A.I.1.ii.a', 'A.I.2.i.a']);
    expect(carried.every((row) => row.fromPeriodId === sourceId && row.reviewedAt === null && row.staleReasons.length === 0)).toBe(true);
  });

  it('leaves the period rolled from exactly as it was', async () => {
    await fillSource();
    await db.pageStates.put({ periodId: sourceId, code: 'A.I.4.i.a', answer: 'B', narrative: null, evidence: [], origin: 'https://portalrb.menpan.go.id', observedAt: NOW.getTime() });
    const tables = ['answers', 'pageStates', 'drafts', 'revisions', 'evidence', 'evidenceLinks'] as const;
    const snapshot = async () => ({
      period: await db.periods.get(sourceId),
      rows: await Promise.all(tables.map((table) => db.table(table).where('periodId').equals(sourceId).toArray())),
    });
    const before = await snapshot();

    await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    expect(await snapshot()).toEqual(before);
  });

  it('refuses a second roll-over into the same year, writing nothing', async () => {
    await fillSource();
    await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);
    const counts = async () => Promise.all([db.periods.count(), db.answers.count(), db.evidence.count(), db.carryOvers.count()]);
    const before = await counts();

    const second = rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);

    await expect(second).rejects.toThrow(PeriodError);
    await expect(second).rejects.toMatchObject({ code: 'year_taken', message: 'The unit already has a period for 2026' });
    expect(await counts()).toEqual(before);
  });

  it('rolls an empty period over into an empty one', async () => {
    const period = await rollOverPeriod(db, { fromPeriodId: sourceId, year: 2027 }, LATER);
    expect(period.year).toBe(2027);
    expect(await db.carryOvers.count()).toBe(0);
  });
});

describe('periods of a unit', () => {
  it('creates empty periods, lists them newest first and refuses a year twice or out of range', async () => {
    await createPeriod(db, { unitId, year: 2024 }, NOW);
    await createPeriod(db, { unitId, year: 2026 }, NOW);

    expect((await listPeriods(db, unitId)).map((period) => period.year)).toEqual([2026, 2025, 2024]);
    await expect(createPeriod(db, { unitId, year: 2026 }, NOW)).rejects.toMatchObject({ code: 'year_taken' });
    await expect(createPeriod(db, { unitId, year: 1999 }, NOW)).rejects.toMatchObject({ code: 'invalid_year' });
    await expect(createPeriod(db, { unitId, year: 2026.5 }, NOW)).rejects.toMatchObject({ code: 'invalid_year' });
    await expect(createPeriod(db, { unitId, year: 2030, templateId: 'lain@2030' }, NOW)).rejects.toMatchObject({ code: 'unknown_edition' });
  });

  it('knows the period a period is set beside: the one it was rolled from, else the year before', async () => {
    const rolled = await rollOverPeriod(db, { fromPeriodId: sourceId, year: 2027 }, LATER);
    const empty = await createPeriod(db, { unitId, year: 2026 }, NOW);

    expect((await previousPeriodOf(db, rolled.id))?.id).toBe(sourceId);
    expect((await previousPeriodOf(db, empty.id))?.id).toBe(sourceId);
    expect(await previousPeriodOf(db, sourceId)).toBeNull();
  });
});

describe('markCarryOverReviewed', () => {
  it('sets when the carried indicator was reviewed, and refuses one that was not carried', async () => {
    await fillSource();
    const period = await rollOverPeriod(db, { fromPeriodId: sourceId }, LATER);
    const reviewedAt = new Date(LATER.getTime() + 5000);

    await markCarryOverReviewed(db, period.id, 'A.I.1.i.a', reviewedAt);

    expect(await getCarryOver(db, period.id, 'A.I.1.i.a')).toMatchObject({ reviewedAt: reviewedAt.getTime() });
    await expect(markCarryOverReviewed(db, period.id, 'A.VI.1.i.a', reviewedAt)).rejects.toMatchObject({ code: 'not_carried' });
  });
});
