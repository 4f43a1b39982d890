import { describe, expect, it } from 'vitest';
import {
  ACTIVE_CONTEXT_KEY,
  DEFAULT_TEMPLATE_ID,
  ensureActiveContext,
  getActiveContext,
  setActivePeriod,
  setActiveUnit,
  storedContextIds,
} from '../../../lib/db/repositories/context';
import { RepositoryError } from '../../../lib/db/repositories/errors';
import { EMPTY_UNIT_PROFILE } from '../../../lib/db/schema';
import { openTestDatabase } from './testDatabase';

const firstUse = { now: new Date(2026, 1, 3), defaultUnitName: 'Unit Kerja Saya' };

describe('active context', () => {
  it('creates a default unit and a period of the current year on first use, and remembers them', async () => {
    const db = openTestDatabase();
    expect(await getActiveContext(db)).toBeNull();

    const { unit, period } = await ensureActiveContext(db, firstUse);

    expect(unit).toMatchObject({ name: 'Unit Kerja Saya', agency: '' });
    expect(period).toMatchObject({ unitId: unit.id, year: 2026, templateId: DEFAULT_TEMPLATE_ID });
    expect(DEFAULT_TEMPLATE_ID).toBe('permenpanrb-90-2021@portalrb-2026');
    expect(await db.settings.get(ACTIVE_CONTEXT_KEY)).toEqual({
      key: ACTIVE_CONTEXT_KEY,
      value: { unitId: unit.id, periodId: period.id },
    });
    expect(await getActiveContext(db)).toEqual({ unit, period });
  });

  it('returns the same unit and period on later calls, even in a later year', async () => {
    const db = openTestDatabase();
    const first = await ensureActiveContext(db, firstUse);
    const later = await ensureActiveContext(db, { now: new Date(2027, 0, 2), defaultUnitName: 'Other' });

    expect(later).toEqual(first);
    expect(await db.units.count()).toBe(1);
    expect(await db.periods.count()).toBe(1);
  });

  it('creates exactly one unit and period when first calls race', async () => {
    const db = openTestDatabase();
    const contexts = await Promise.all(Array.from({ length: 5 }, () => ensureActiveContext(db, firstUse)));

    expect(new Set(contexts.map((context) => context.period.id)).size).toBe(1);
    expect(await db.units.count()).toBe(1);
    expect(await db.periods.count()).toBe(1);
  });

  it.each([
    [new Date(2026, 0, 1, 0, 0), 2026],
    [new Date(2026, 11, 31, 23, 59), 2026],
    [new Date(2027, 5, 15), 2027],
  ])('takes the evaluation year from the local date %s', async (now, year) => {
    const { period } = await ensureActiveContext(openTestDatabase(), { now, defaultUnitName: 'Unit' });
    expect(period.year).toBe(year);
  });

  it('reads a remembered pair only while its period still belongs to its unit and both exist', async () => {
    const db = openTestDatabase();
    const { unit, period } = await ensureActiveContext(db, firstUse);
    const otherUnitId = await db.units.add({ name: 'Lain', agency: '', profile: { ...EMPTY_UNIT_PROFILE }, target: 'wbk', createdAt: 1 });
    const remember = (value: unknown) => db.settings.put({ key: ACTIVE_CONTEXT_KEY, value });

    await remember({ unitId: otherUnitId, periodId: period.id });
    expect(await getActiveContext(db)).toBeNull();
    await remember({ unitId: unit.id, periodId: period.id + 100 });
    expect(await getActiveContext(db)).toBeNull();
    await remember({ unitId: unit.id + 100, periodId: period.id });
    expect(await getActiveContext(db)).toBeNull();
    await remember({ unitId: unit.id, periodId: period.id });
    expect(await getActiveContext(db)).toEqual({ unit, period });
  });

  it('recovers from an unreadable setting by reusing the existing unit and period', async () => {
    const db = openTestDatabase();
    const first = await ensureActiveContext(db, firstUse);
    await db.settings.put({ key: ACTIVE_CONTEXT_KEY, value: 'not a context' });

    expect(await ensureActiveContext(db, firstUse)).toEqual(first);
    expect(await db.units.count()).toBe(1);
    expect(await db.periods.count()).toBe(1);
  });

  it('takes a stored setting for a context only when it names two whole-number ids', () => {
    expect(storedContextIds({ unitId: 3, periodId: 7 })).toEqual({ unitId: 3, periodId: 7 });
    // What else a setting written by another build carries is not part of the ids.
    expect(storedContextIds({ unitId: 3, periodId: 7, site: 'x' })).toEqual({ unitId: 3, periodId: 7 });
    for (const unreadable of [undefined, null, 'not a context', 7, [3, 7], { unitId: 3 }, { unitId: '3', periodId: 7 }, { unitId: 3, periodId: 7.5 }, { unitId: 3, periodId: Number.NaN }, { unitId: 2 ** 53, periodId: 7 }]) {
      expect(storedContextIds(unreadable)).toBeNull();
    }
  });

  it('switches to another period and to another unit with its period of the current year', async () => {
    const db = openTestDatabase();
    const first = await ensureActiveContext(db, firstUse);
    const olderPeriodId = await db.periods.add({
      unitId: first.unit.id,
      year: 2025,
      templateId: DEFAULT_TEMPLATE_ID,
      rolledFrom: null,
      createdAt: 0,
    });
    const secondUnitId = await db.units.add({ name: 'Unit Kedua', agency: '', profile: { ...EMPTY_UNIT_PROFILE }, target: 'wbk', createdAt: 0 });

    const older = await setActivePeriod(db, olderPeriodId!);
    expect(older.period.year).toBe(2025);
    expect((await getActiveContext(db))?.period.id).toBe(olderPeriodId);

    const second = await setActiveUnit(db, secondUnitId!, new Date(2026, 6, 1));
    expect(second.unit.name).toBe('Unit Kedua');
    expect(second.period).toMatchObject({ unitId: secondUnitId, year: 2026 });
    expect(await ensureActiveContext(db, firstUse)).toEqual(second);
  });

  it('refuses to activate a period or unit that does not exist, keeping the current context', async () => {
    const db = openTestDatabase();
    const first = await ensureActiveContext(db, firstUse);

    await expect(setActivePeriod(db, 999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setActiveUnit(db, 999, firstUse.now)).rejects.toBeInstanceOf(RepositoryError);
    expect(await getActiveContext(db)).toEqual(first);
  });
});
