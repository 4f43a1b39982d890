import { describe, expect, it } from 'vitest';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { createDraft } from '@/lib/db/repositories/drafts';
import { addEvidence, linkEvidence } from '@/lib/db/repositories/evidence';
import { MIN_NARRATIVE_LENGTH_KEY, minNarrativeLengthOf, saveMinNarrativeLength } from '@/lib/db/repositories/narrativeMinimum';
import { formTextRevisions, hintContextOf, loadPeriodRecords } from '@/lib/db/repositories/periodRecords';
import { insertRow } from '@/lib/db/repositories/rows';
import type { LkeDatabase, Revision } from '@/lib/db/schema';
import { DEFAULT_MIN_NARRATIVE_LENGTH, indicatorStates } from '@/lib/hints';
import { createTestDatabase, emptyPageState } from '../support/database';

const NOW = new Date(Date.UTC(2026, 4, 12, 9, 30));
const CODE = 'A.I.1.i.a';

async function setup() {
  const db = createTestDatabase();
  const { unit, period } = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'Unit Uji' });
  return { db, unitId: unit.id, periodId: period.id };
}

function addRevision(db: LkeDatabase, revision: Partial<Revision> & Pick<Revision, 'periodId' | 'text' | 'createdAt'>) {
  return db.revisions.add({ code: CODE, field: 'narrative', draftId: null, source: 'portal', ...revision });
}

async function addPeriod(db: LkeDatabase, unitId: number, year: number): Promise<number> {
  return (await insertRow(db.periods, { unitId, year, templateId: 't', rolledFrom: null, createdAt: NOW.getTime() })).id;
}

describe('loadPeriodRecords', () => {
  it('gathers page states, the newest form revision and linked library documents of one period', async () => {
    const { db, unitId, periodId } = await setup();
    const other = await addPeriod(db, unitId, 2025);
    await db.pageStates.bulkPut([emptyPageState(CODE, { periodId, answer: 'Ya' }), emptyPageState(CODE, { periodId: other })]);
    await addRevision(db, { periodId, text: 'Pertama', createdAt: 1000 });
    await addRevision(db, { periodId, text: 'Kedua', createdAt: 2000 });
    await addRevision(db, { periodId: other, text: 'Tahun lalu', createdAt: 3000 });
    const document = await addEvidence(db, { periodId, title: 'SK', url: 'https://a.example/sk', documentDate: '2026-01-05' }, NOW);
    await linkEvidence(db, document.id, [CODE], NOW);

    const records = await loadPeriodRecords(db, periodId);

    expect(records.observed).toEqual([expect.objectContaining({ code: CODE, answer: 'Ya', periodId })]);
    expect(records.saved.map((value) => value.text)).toEqual(['Kedua']);
    expect(records.saved[0]).toEqual({ code: CODE, field: 'narrative', text: 'Kedua', at: 2000 });
    expect(records.library).toEqual([{ code: CODE, url: 'https://a.example/sk', documentDate: '2026-01-05' }]);
  });

  it('counts an answer saved in the extension even without its revision, newer than the page', async () => {
    const { db, periodId } = await setup();
    await db.pageStates.put(emptyPageState(CODE, { periodId, answer: 'Tidak', observedAt: 1000 }));
    await db.answers.put({ periodId, code: CODE, value: 'Ya', source: 'user', updatedAt: 2000 });
    expect(indicatorStates(await loadPeriodRecords(db, periodId)).get(CODE)?.answer).toBe('Ya');
    await db.answers.put({ periodId, code: CODE, value: 'Ya', source: 'user', updatedAt: 500 });
    expect(indicatorStates(await loadPeriodRecords(db, periodId)).get(CODE)?.answer).toBe('Tidak');
  });

  it('leaves out the revisions of named drafts: they are not what the form holds', async () => {
    const { db, periodId } = await setup();
    await addRevision(db, { periodId, text: 'Di portal', createdAt: 1000 });
    await createDraft(db, { periodId, code: CODE, name: 'versi singkat', text: 'Draf yang lebih baru' }, new Date(5000));

    const records = await loadPeriodRecords(db, periodId);

    expect(records.saved.map((value) => value.text)).toEqual(['Di portal']);
    expect(indicatorStates(records).get(CODE)?.narrative).toBe('Di portal');
  });

  it('orders revisions saved in the same millisecond by id, so the last written counts', async () => {
    const { db, periodId } = await setup();
    await addRevision(db, { periodId, text: 'Sebelumnya', createdAt: 1000 });
    await addRevision(db, { periodId, text: 'Terakhir', createdAt: 1000 });

    expect(indicatorStates(await loadPeriodRecords(db, periodId)).get(CODE)?.narrative).toBe('Terakhir');
  });

  it('keeps the newest form revision of each field, however many newer draft revisions lie above it', async () => {
    const { db, periodId } = await setup();
    const draft = await createDraft(db, { periodId, code: CODE, name: 'versi panjang', text: '' }, new Date(0));
    await addRevision(db, { periodId, text: 'Narasi lama di portal', createdAt: 1000 });
    await addRevision(db, { periodId, text: 'Narasi di portal', createdAt: 2000 });
    await addRevision(db, { periodId, field: 'evidence', text: 'https://a.example/sk', createdAt: 1500 });
    await addRevision(db, { periodId, field: 'answer', text: 'Ya', source: 'user', createdAt: 1800 });
    // Thirteen draft revisions newer than the form's: the search reads 1, 2, 4, 8 candidates.
    for (let i = 0; i < 13; i++) await addRevision(db, { periodId, draftId: draft.id, text: `Draf ${i}`, createdAt: 3000 + i });
    await addRevision(db, { periodId, code: 'A.I.1.i.b', text: 'Indikator lain', createdAt: 2500 });

    const records = await loadPeriodRecords(db, periodId);

    expect(records.saved).toEqual([
      { code: 'A.I.1.i.b', field: 'narrative', text: 'Indikator lain', at: 2500 },
      { code: CODE, field: 'narrative', text: 'Narasi di portal', at: 2000 },
      { code: CODE, field: 'answer', text: 'Ya', at: 1800 },
      { code: CODE, field: 'evidence', text: 'https://a.example/sk', at: 1500 },
    ]);
  });

  it('finds no form text where an indicator has only draft revisions', async () => {
    const { db, periodId } = await setup();
    const draft = await createDraft(db, { periodId, code: CODE, name: 'versi singkat', text: '' }, new Date(0));
    for (let i = 0; i < 5; i++) await addRevision(db, { periodId, draftId: draft.id, text: `Draf ${i}`, createdAt: 1000 + i });

    expect((await loadPeriodRecords(db, periodId)).saved).toEqual([]);
  });
});

describe('hintContextOf', () => {
  it('judges the period’s year with the default minimum when nothing is set', async () => {
    const { db, periodId } = await setup();
    const context = await hintContextOf(db, periodId);
    expect(context.year).toBe(2026);
    expect(context.minNarrativeLength).toBe(DEFAULT_MIN_NARRATIVE_LENGTH);
    expect(context.previousNarratives?.size).toBe(0);
  });

  it.each([0, 80, 5000])('honours a minimum of %d set by the user', async (value) => {
    const { db, periodId } = await setup();
    await db.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value });
    expect((await hintContextOf(db, periodId)).minNarrativeLength).toBe(value);
  });

  it.each([['80'], [-1], [12.5], [Number.NaN], [5001], [null]])('ignores the invalid minimum %j', async (value) => {
    const { db, periodId } = await setup();
    await db.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value });
    expect((await hintContextOf(db, periodId)).minNarrativeLength).toBe(DEFAULT_MIN_NARRATIVE_LENGTH);
  });

  it('knows last year’s narratives of the same unit, the newer of page and saved text per indicator', async () => {
    const { db, unitId, periodId } = await setup();
    const lastYear = await addPeriod(db, unitId, 2025);
    const otherUnitsYear = await addPeriod(db, unitId + 1, 2025);
    await db.pageStates.bulkPut([
      emptyPageState(CODE, { periodId: lastYear, narrative: 'Dari halaman', observedAt: 2000 }),
      emptyPageState('A.I.1.i.b', { periodId: lastYear, narrative: 'Halaman lebih baru', observedAt: 9000 }),
      emptyPageState('A.I.1.ii.a', { periodId: lastYear, narrative: '   ' }),
      emptyPageState('A.I.1.ii.b', { periodId: otherUnitsYear, narrative: 'Unit lain' }),
    ]);
    await addRevision(db, { periodId: lastYear, text: 'Diketik kemudian', createdAt: 3000 });
    await addRevision(db, { periodId: lastYear, code: 'A.I.1.i.b', text: 'Diketik dulu', createdAt: 1000 });
    await createDraft(db, { periodId: lastYear, code: 'A.I.1.ii.c', name: 'draf', text: 'Hanya draf' }, new Date(4000));

    const { previousNarratives } = await hintContextOf(db, periodId);

    expect(Object.fromEntries(previousNarratives ?? [])).toEqual({
      [CODE]: 'Diketik kemudian',
      'A.I.1.i.b': 'Halaman lebih baru',
    });
  });

  it('leaves last year’s texts out when asked, for a first paint that needs none of them', async () => {
    const { db, unitId, periodId } = await setup();
    const lastYear = await addPeriod(db, unitId, 2025);
    await addRevision(db, { periodId: lastYear, text: 'Narasi tahun lalu', createdAt: 1000 });

    const context = await hintContextOf(db, periodId, { lastYear: false });

    expect(context).toEqual({ year: 2026, minNarrativeLength: DEFAULT_MIN_NARRATIVE_LENGTH });
    expect((await hintContextOf(db, periodId)).previousNarratives?.get(CODE)).toBe('Narasi tahun lalu');
  });
});

describe('saveMinNarrativeLength', () => {
  it('stores a valid minimum and refuses anything else, keeping what was stored', async () => {
    const { db } = await setup();
    await saveMinNarrativeLength(db, 90);
    expect(await minNarrativeLengthOf(db)).toBe(90);

    for (const invalid of [-1, 2.5, 5001, Number.NaN]) {
      await expect(saveMinNarrativeLength(db, invalid)).rejects.toThrow(RangeError);
    }
    expect(await minNarrativeLengthOf(db)).toBe(90);
  });
});

describe('formTextRevisions', () => {
  it('lists narrative and evidence revisions of the asked indicators, newest first, drafts left out', async () => {
    const { db, periodId } = await setup();
    await addRevision(db, { periodId, text: 'Narasi 1', createdAt: 1000 });
    await addRevision(db, { periodId, field: 'evidence', text: 'https://a.example/sk', createdAt: 3000 });
    await addRevision(db, { periodId, field: 'answer', text: 'Ya', createdAt: 4000 });
    await addRevision(db, { periodId, code: 'A.I.1.i.b', text: 'Tidak diminta', createdAt: 5000 });
    await createDraft(db, { periodId, code: CODE, name: 'draf', text: 'Draf' }, new Date(6000));
    await addRevision(db, { periodId, text: 'Narasi 2', createdAt: 2000 });

    const revisions = await formTextRevisions(db, periodId, [CODE]);

    expect(revisions.map((r) => r.text)).toEqual(['https://a.example/sk', 'Narasi 2', 'Narasi 1']);
    expect(await formTextRevisions(db, periodId, [])).toEqual([]);
  });
});
