import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestOf, saveRevision } from '@/lib/db/repositories/autosave';
import { exportBackup } from '@/lib/db/repositories/backup';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { loadPeriodRecords } from '@/lib/db/repositories/periodRecords';
import { HEADS_FOLDED_UP_TO_KEY, foldRevisionHeads, formRevisionsByHeads } from '@/lib/db/repositories/revisionHeads';
import { insertRow } from '@/lib/db/repositories/rows';
import type { LkeDatabase, Revision, RevisionField } from '@/lib/db/schema';
import { createTestDatabase } from '../support/database';

const NOW = new Date(Date.UTC(2026, 4, 12, 9, 30));
const CODES = ['A.I.1.i.a', 'A.II.1.ii.a'];
const FIELDS: RevisionField[] = ['narrative', 'evidence'];

async function setup() {
  const db = createTestDatabase();
  const { unit, period } = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'Unit Uji' });
  const earlier = await insertRow(db.periods, { unitId: unit.id, year: 2025, templateId: period.templateId, rolledFrom: null, createdAt: 0 });
  return { db, periods: [period.id, earlier.id] };
}

/** What the heads must agree with: the newest form revision of each field, from every row. */
async function newestByBruteForce(db: LkeDatabase, periodId: number) {
  const form = (await db.revisions.toArray()).filter((revision) => revision.periodId === periodId && revision.draftId === null);
  const newest = new Map<string, Revision>();
  for (const revision of form) {
    const slot = `${revision.code}|${revision.field}`;
    newest.set(slot, newestOf([...(newest.has(slot) ? [newest.get(slot)!] : []), revision])!);
  }
  return [...newest.values()].map(({ code, field, text }) => ({ code, field, text })).sort(bySlot);
}

const bySlot = (a: { code: string; field: string }, b: { code: string; field: string }) =>
  `${a.code}|${a.field}`.localeCompare(`${b.code}|${b.field}`);

const savedTexts = async (db: LkeDatabase, periodId: number) =>
  (await loadPeriodRecords(db, periodId)).saved.filter((value) => value.field !== 'answer').map(({ code, field, text }) => ({ code, field, text })).sort(bySlot);

type Step =
  | { kind: 'add'; period: number; code: number; field: number; draft: boolean; age: number }
  | { kind: 'type'; period: number; code: number; field: number }
  | { kind: 'fold'; rebuildBeyond: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    period: fc.nat(1),
    code: fc.nat(1),
    field: fc.nat(1),
    draft: fc.boolean(),
    // Imports and packs add revisions dated before the newest one; most revisions are new.
    age: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }) }),
  }),
  fc.record({ kind: fc.constant('type' as const), period: fc.nat(1), code: fc.nat(1), field: fc.nat(1) }),
  // Small limits make folds rebuild from the index keys as often as they read new rows.
  fc.record({ kind: fc.constant('fold' as const), rebuildBeyond: fc.integer({ min: 0, max: 6 }) }),
);

describe('revision heads', () => {
  it('always give the newest form revision of each field, whatever order revisions are added, typed over, folded in or rebuilt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const { db, periods } = await setup();
        const draft = await insertRow(db.drafts, { periodId: periods[0]!, code: CODES[0]!, name: 'Final', text: '', createdAt: 0, updatedAt: 0 });
        let clock = NOW.getTime();
        for (const [index, next] of steps.entries()) {
          clock += 1_000;
          if (next.kind === 'fold') {
            await foldRevisionHeads(db, next.rebuildBeyond);
            continue;
          }
          const slot = { periodId: periods[next.period]!, code: CODES[next.code]!, field: FIELDS[next.field]! };
          if (next.kind === 'add') {
            await db.revisions.add({ ...slot, draftId: next.draft ? draft.id : null, text: `teks ${index}`, source: 'user', createdAt: clock - next.age });
          } else {
            // An autosave burst: the newest revision of the field is typed over in place when it may be.
            const sameField = await db.revisions.where('[periodId+code]').equals([slot.periodId, slot.code]).filter((r) => r.field === slot.field).toArray();
            await saveRevision(db, newestOf(sameField), { ...slot, draftId: null, text: `diketik ${index}`, source: 'portal', createdAt: clock });
          }
        }
        for (const periodId of periods) expect(await savedTexts(db, periodId)).toEqual(await newestByBruteForce(db, periodId));

        await foldRevisionHeads(db);
        for (const periodId of periods) {
          const byHeads = await formRevisionsByHeads(db, periodId);
          expect(byHeads, 'the heads are current after a fold').not.toBeNull();
          expect(byHeads!.map(({ code, field, text }) => ({ code, field, text })).sort(bySlot)).toEqual(await newestByBruteForce(db, periodId));
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('are not trusted while behind the history, and rebuilt when their mark is not the history’s', async () => {
    const { db, periods } = await setup();
    const [periodId] = periods as [number];
    const add = (text: string, createdAt: number) =>
      db.revisions.add({ periodId, code: CODES[0]!, field: 'narrative', draftId: null, text, source: 'portal', createdAt });
    await add('lama', 1);
    await foldRevisionHeads(db);
    expect((await formRevisionsByHeads(db, periodId))?.map((revision) => revision.text)).toEqual(['lama']);

    await add('baru', 2);
    expect(await formRevisionsByHeads(db, periodId), 'behind by one revision').toBeNull();
    expect((await savedTexts(db, periodId)).map((value) => value.text)).toEqual(['baru']);
    // That read scanned instead, and left the heads to catch up.
    await expect.poll(async () => (await db.settings.get(HEADS_FOLDED_UP_TO_KEY))?.value, { timeout: 2_000 }).toBe(2);

    // A mark written by hand beyond the history, and one that is not a number.
    for (const mark of [10_000, 'semua']) {
      await db.settings.put({ key: HEADS_FOLDED_UP_TO_KEY, value: mark });
      await db.revisionHeads.put({ periodId, code: CODES[0]!, field: 'narrative', revisionId: 1 });
      expect(await formRevisionsByHeads(db, periodId)).toBeNull();
      await foldRevisionHeads(db);
      expect((await formRevisionsByHeads(db, periodId))?.map((revision) => revision.text)).toEqual(['baru']);
    }
    db.close();
  });

  it('are refused when a head names a revision that is not its field’s form revision', async () => {
    const { db, periods } = await setup();
    const [periodId] = periods as [number];
    const id = (await insertRow(db.revisions, { periodId, code: CODES[0]!, field: 'narrative', draftId: null, text: 'narasi', source: 'portal', createdAt: 1 })).id;
    await foldRevisionHeads(db);
    await db.revisionHeads.put({ periodId, code: CODES[0]!, field: 'evidence', revisionId: id });
    expect(await formRevisionsByHeads(db, periodId)).toBeNull();
    expect(await savedTexts(db, periodId)).toEqual([{ code: CODES[0], field: 'narrative', text: 'narasi' }]);
    db.close();
  });

  it('fill themselves after a read found them behind, and a live query read through them sees new revisions', async () => {
    const { db, periods } = await setup();
    const [periodId] = periods as [number];
    await db.revisions.add({ periodId, code: CODES[0]!, field: 'narrative', draftId: null, text: 'pertama', source: 'portal', createdAt: 1 });

    const seen: (string | null)[][] = [];
    const subscription = liveQuery(async () => (await loadPeriodRecords(db, periodId)).saved.map((value) => value.text)).subscribe((texts) => seen.push(texts));
    await expect.poll(async () => (await db.settings.get(HEADS_FOLDED_UP_TO_KEY))?.value, { timeout: 2_000 }).toBe(1);
    expect(await formRevisionsByHeads(db, periodId)).not.toBeNull();

    await db.revisions.add({ periodId, code: CODES[0]!, field: 'narrative', draftId: null, text: 'kedua', source: 'portal', createdAt: 2 });
    await expect.poll(() => seen.at(-1), { timeout: 2_000 }).toEqual(['kedua']);
    await expect.poll(async () => (await db.settings.get(HEADS_FOLDED_UP_TO_KEY))?.value, { timeout: 2_000 }).toBe(2);
    subscription.unsubscribe();
    db.close();
  });

  it('stay out of backups: the table and its mark belong to this browser’s ids', async () => {
    const { db, periods } = await setup();
    await db.revisions.add({ periodId: periods[0]!, code: CODES[0]!, field: 'narrative', draftId: null, text: 'narasi', source: 'portal', createdAt: 1 });
    await foldRevisionHeads(db);
    const backup = await exportBackup(db, { kind: 'all' }, { appVersion: '0.1.0', exportedAt: 1 });
    expect(Object.keys(backup.data)).not.toContain('revisionHeads');
    expect(backup.data.settings.map((setting) => setting.key)).not.toContain(HEADS_FOLDED_UP_TO_KEY);
    db.close();
  });
});
