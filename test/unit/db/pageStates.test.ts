import { describe, expect, it } from 'vitest';
import { getPageState, recordPageStates } from '../../../lib/db/repositories/pageStates';
import type { RowState } from '../../../lib/messaging/protocol';
import { openDatabaseWithPeriod, TEST_NOW } from './testDatabase';

const ORIGIN = 'https://portalrb.menpan.go.id';

function row(code: string, answer: string | null = 'Ya', evidence: string[] = []): RowState {
  return { code, answer, narrative: `Narasi ${code}`, evidence };
}

describe('recordPageStates', () => {
  it('stores what the page shows under [periodId+code] with its origin and time', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const result = await recordPageStates(db, periodId, ORIGIN, [row('A.I.1.i.a'), row('A.I.1.i.b', null)], TEST_NOW);

    expect(result).toEqual({ stored: 2, skipped: 0, codes: ['A.I.1.i.a', 'A.I.1.i.b'] });
    expect(await getPageState(db, periodId, 'A.I.1.i.b')).toEqual({
      periodId,
      code: 'A.I.1.i.b',
      answer: null,
      narrative: 'Narasi A.I.1.i.b',
      evidence: [],
      origin: ORIGIN,
      observedAt: TEST_NOW.getTime(),
    });
  });

  it('replaces the previous observation of an indicator instead of adding another', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    await recordPageStates(db, periodId, ORIGIN, [row('A.I.1.i.a', 'Tidak')], TEST_NOW);
    const later = new Date(TEST_NOW.getTime() + 60_000);

    await recordPageStates(db, periodId, ORIGIN, [row('A.I.1.i.a', 'Ya', ['https://x.go.id/sk.pdf'])], later);

    expect(await db.pageStates.count()).toBe(1);
    expect(await getPageState(db, periodId, 'A.I.1.i.a')).toMatchObject({
      answer: 'Ya',
      evidence: ['https://x.go.id/sk.pdf'],
      observedAt: later.getTime(),
    });
  });

  it('skips codes the template does not know and counts them', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const result = await recordPageStates(
      db,
      periodId,
      ORIGIN,
      [row('A.I.1.i.a'), row('A.IX.9.z'), row('B.9.9')],
      TEST_NOW,
    );

    expect(result).toEqual({ stored: 1, skipped: 2, codes: ['A.I.1.i.a'] });
    expect(await db.pageStates.toCollection().primaryKeys()).toEqual([[periodId, 'A.I.1.i.a']]);
  });

  it('keeps the last row when a page shows the same indicator twice', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const result = await recordPageStates(
      db,
      periodId,
      ORIGIN,
      [row('A.I.1.i.a', 'Tidak'), row('A.I.1.i.a', 'Ya')],
      TEST_NOW,
    );

    expect(result).toEqual({ stored: 1, skipped: 0, codes: ['A.I.1.i.a'] });
    expect((await getPageState(db, periodId, 'A.I.1.i.a'))?.answer).toBe('Ya');
  });

  it('writes all rows or none: a failing row rolls back the whole snapshot', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    await recordPageStates(db, periodId, ORIGIN, [row('A.I.1.i.a', 'Tidak')], TEST_NOW);
    db.pageStates.hook('creating', (_key, state) => {
      if (state.code === 'A.I.1.ii.a') throw new Error('disk full');
    });

    await expect(
      recordPageStates(db, periodId, ORIGIN, [row('A.I.1.i.a', 'Ya'), row('A.I.1.ii.a')], TEST_NOW),
    ).rejects.toThrow('disk full');

    expect(await db.pageStates.count()).toBe(1);
    expect((await getPageState(db, periodId, 'A.I.1.i.a'))?.answer).toBe('Tidak');
  });

  it('refuses a period that does not exist', async () => {
    const { db } = await openDatabaseWithPeriod();

    await expect(recordPageStates(db, 999, ORIGIN, [row('A.I.1.i.a')], TEST_NOW)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await db.pageStates.count()).toBe(0);
  });
});
