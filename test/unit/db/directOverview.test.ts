import Dexie from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDatabase, declareVersions } from '@/lib/db/database';
import { readActiveOverviewDirectly } from '@/lib/db/directOverview';
import { NO_PERIOD } from '@/lib/db/periodRows';
import { ACTIVE_CONTEXT_KEY, ensureActiveContext } from '@/lib/db/repositories/context';
import { MIN_NARRATIVE_LENGTH_KEY } from '@/lib/db/repositories/narrativeMinimum';
import { loadPeriodOverview } from '@/lib/db/repositories/periodOverview';
import { HEADS_FOLDED_UP_TO_KEY, foldRevisionHeads } from '@/lib/db/repositories/revisionHeads';
import { insertRow } from '@/lib/db/repositories/rows';
import { DATABASE_NAME, type LkeDatabase, VERSIONS } from '@/lib/db/schema';
import { THRESHOLDS_KEY } from '@/lib/db/storedThresholds';
import { DEFAULT_THRESHOLDS } from '@/lib/lke/verdict';
import { emptyPageState } from '../support/database';

const NOW = new Date(Date.UTC(2026, 4, 12, 9, 30));
const CODES = ['A.I.1.i.a', 'A.II.1.ii.a', 'A.III.1.i.a', 'B.I.a'];
const ANSWERS = ['Ya', 'Tidak', 'A', 'B', null];

async function setup() {
  const indexedDB = new IDBFactory();
  const db = createDatabase({ indexedDB, IDBKeyRange });
  const { unit, period } = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'Unit Uji' });
  const other = await insertRow(db.periods, { unitId: unit.id, year: 2025, templateId: period.templateId, rolledFrom: null, createdAt: 0 });
  return { api: { indexedDB, IDBKeyRange }, db, periods: [period.id, other.id] as const, unitId: unit.id };
}

/** What the page would show through the repositories, without last year's texts. */
const throughDexie = (db: LkeDatabase) => loadPeriodOverview(db, null, { lastYear: false });

type Change =
  | { kind: 'page'; period: number; code: number; answer: number; narrative: string; at: number }
  | { kind: 'answer'; period: number; code: number; answer: number; at: number }
  | { kind: 'revision'; period: number; code: number; field: 'narrative' | 'evidence'; draft: boolean; text: string; at: number }
  | { kind: 'document'; period: number; codes: number[]; date: string | null; linkedOnly: boolean }
  | { kind: 'minimum'; value: unknown }
  | { kind: 'thresholds'; value: unknown }
  | { kind: 'activate'; period: number }
  | { kind: 'context'; value: unknown }
  | { kind: 'fold' };

const index = fc.nat(CODES.length - 1);
const period = fc.nat(1);
const at = fc.integer({ min: 1, max: 10_000 });
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('page' as const), period, code: index, answer: fc.nat(ANSWERS.length - 1), narrative: fc.string({ maxLength: 12 }), at }),
  fc.record({ kind: fc.constant('answer' as const), period, code: index, answer: fc.nat(ANSWERS.length - 1), at }),
  fc.record({
    kind: fc.constant('revision' as const),
    period,
    code: index,
    field: fc.constantFrom('narrative' as const, 'evidence' as const),
    draft: fc.boolean(),
    text: fc.string({ maxLength: 12 }),
    at,
  }),
  fc.record({
    kind: fc.constant('document' as const),
    period,
    codes: fc.uniqueArray(index, { maxLength: 3 }),
    date: fc.constantFrom(null, '2026-01-05', '2024-12-31'),
    // A link whose document was deleted: neither read may list it.
    linkedOnly: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('minimum' as const), value: fc.constantFrom(undefined, 0, 40, 250, -1, 'banyak') }),
  fc.record({
    kind: fc.constant('thresholds' as const),
    value: fc.constantFrom(undefined, { ...DEFAULT_THRESHOLDS, total: { wbk: 70, wbbm: 80 } }, { total: 'tinggi' }),
  }),
  fc.record({ kind: fc.constant('activate' as const), period }),
  // A setting written by an older build or by hand: the repositories find no active period.
  fc.record({ kind: fc.constant('context' as const), value: fc.constantFrom({ unitId: 1, periodId: 99 }, { unitId: 99, periodId: 1 }, 'periode 1', null) }),
  fc.record({ kind: fc.constant('fold' as const) }),
);

async function apply(db: LkeDatabase, periods: readonly number[], unitId: number, next: Change, draftId: number): Promise<void> {
  const periodId = periods[(next as { period?: number }).period ?? 0]!;
  switch (next.kind) {
    case 'page':
      await db.pageStates.put(
        emptyPageState(CODES[next.code]!, { periodId, answer: ANSWERS[next.answer]!, narrative: next.narrative, evidence: [`https://a.example/${next.at}`], observedAt: next.at }),
      );
      return;
    case 'answer':
      await db.answers.put({ periodId, code: CODES[next.code]!, value: ANSWERS[next.answer]!, source: 'user', updatedAt: next.at });
      return;
    case 'revision':
      await db.revisions.add({ periodId, code: CODES[next.code]!, field: next.field, draftId: next.draft ? draftId : null, text: next.text, source: 'portal', createdAt: next.at });
      return;
    case 'document': {
      const evidenceId = next.linkedOnly
        ? 10_000 + next.codes.length
        : await db.evidence.add({ periodId, title: 'SK', url: `https://a.example/sk/${next.codes.join('-')}`, documentDate: next.date, type: null, note: '', createdAt: 1 });
      await db.evidenceLinks.bulkPut(next.codes.map((code) => ({ evidenceId: evidenceId!, periodId, code: CODES[code]!, createdAt: 1 })));
      return;
    }
    case 'minimum':
      await db.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value: next.value });
      return;
    case 'thresholds':
      await db.settings.put({ key: THRESHOLDS_KEY, value: next.value });
      return;
    case 'activate':
      await db.settings.put({ key: ACTIVE_CONTEXT_KEY, value: { unitId, periodId } });
      return;
    case 'context':
      await db.settings.put({ key: ACTIVE_CONTEXT_KEY, value: next.value });
      return;
    case 'fold':
      await foldRevisionHeads(db);
  }
}

describe('readActiveOverviewDirectly', () => {
  it('reads the active period exactly as the repositories do, or leaves the read to them', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 25 }), async (changes) => {
        const { api, db, periods, unitId } = await setup();
        const draft = await insertRow(db.drafts, { periodId: periods[0], code: CODES[0]!, name: 'Final', text: '', createdAt: 0, updatedAt: 0 });
        for (const next of changes) await apply(db, periods, unitId, next, draft.id);
        const mark = (await db.settings.get(HEADS_FOLDED_UP_TO_KEY))?.value;
        const latest = (await db.revisions.toCollection().lastKey()) ?? 0;

        const direct = await readActiveOverviewDirectly(api);
        const expected = await throughDexie(db);
        if (mark === latest || expected.periodId === null) {
          // Heads current (or no period to read): the direct read must answer, and answer the same.
          expect(direct).toEqual(expected);
          answered++;
        } else {
          expect(direct, 'heads behind the history: only the repositories can scan').toBeNull();
        }
        db.close();
      }),
      { numRuns: 80 },
    );
    // The property says something only if most runs compared two answers.
    expect(answered).toBeGreaterThan(20);
  });

  it('gives a full period’s scores input: page states, saved answers, newest texts and linked documents', async () => {
    const { api, db, periods } = await setup();
    const [periodId] = periods;
    await db.pageStates.put(emptyPageState(CODES[0]!, { periodId, answer: 'Tidak', narrative: 'Dari portal', observedAt: 1_000 }));
    await db.answers.put({ periodId, code: CODES[0]!, value: 'Ya', source: 'user', updatedAt: 2_000 });
    await db.revisions.add({ periodId, code: CODES[0]!, field: 'narrative', draftId: null, text: 'Diketik di panel', source: 'user', createdAt: 3_000 });
    await foldRevisionHeads(db);

    const direct = await readActiveOverviewDirectly(api);

    expect(direct?.periodId).toBe(periodId);
    expect(direct?.states.get(CODES[0]!)).toMatchObject({ answer: 'Ya', narrative: 'Diketik di panel' });
    expect(direct?.thresholds).toEqual({ thresholds: DEFAULT_THRESHOLDS, invalid: false, custom: false });
    db.close();
  });

  it('creates no database where there is none yet, so Dexie still creates it at its own version', async () => {
    const api = { indexedDB: new IDBFactory(), IDBKeyRange };
    expect(await readActiveOverviewDirectly(api)).toBeNull();
    expect(await api.indexedDB.databases()).toEqual([]);

    const db = createDatabase(api);
    await db.open();
    expect(db.verno).toBe(VERSIONS.at(-1)!.version);
    expect(await throughDexie(db)).toBe(NO_PERIOD);
    db.close();
  });

  it('leaves a database of an older version to Dexie, and does not hold up its upgrade', async () => {
    const api = { indexedDB: new IDBFactory(), IDBKeyRange };
    const older = new Dexie(DATABASE_NAME, api);
    declareVersions(older, VERSIONS.slice(0, -1));
    await older.open();
    older.close();

    expect(await readActiveOverviewDirectly(api)).toBeNull();

    const db = createDatabase(api);
    await ensureActiveContext(db, { now: NOW, defaultUnitName: 'Unit Uji' });
    expect(db.verno).toBe(VERSIONS.at(-1)!.version);
    await foldRevisionHeads(db);
    const direct = await readActiveOverviewDirectly(api);
    expect(direct?.periodId).not.toBeNull();
    expect(direct).toEqual(await throughDexie(db));
    db.close();
  });
});
