import { describe, expect, it } from 'vitest';
import { listPeriods } from '@/lib/db/repositories/periods';
import { createUnit, listUnits, renameUnit, saveUnitDetails } from '@/lib/db/repositories/units';
import { EMPTY_UNIT_PROFILE } from '@/lib/db/schema';
import { openTestDatabase } from './testDatabase';

const NOW = new Date(2026, 1, 2, 10, 0);

describe('units', () => {
  it('are created with their first empty period and listed by name', async () => {
    const db = openTestDatabase();
    const { unit, period } = await createUnit(db, { name: '  Rutan Kelas I ', agency: 'Kemenkumham', target: 'wbbm', year: 2026 }, NOW);
    await createUnit(db, { name: 'kpp Pratama Contoh', year: 2025 }, NOW);

    expect(unit).toMatchObject({ name: 'Rutan Kelas I', agency: 'Kemenkumham', target: 'wbbm', profile: EMPTY_UNIT_PROFILE });
    expect(period).toMatchObject({ unitId: unit.id, year: 2026, rolledFrom: null });
    expect(await listPeriods(db, unit.id)).toEqual([period]);
    expect((await listUnits(db)).map((listed) => listed.name)).toEqual(['kpp Pratama Contoh', 'Rutan Kelas I']);
  });

  it('refuse a blank or over-long name and a year out of range, writing nothing', async () => {
    const db = openTestDatabase();
    await expect(createUnit(db, { name: '  ', year: 2026 }, NOW)).rejects.toMatchObject({ code: 'invalid_unit_name' });
    await expect(createUnit(db, { name: 'x'.repeat(201), year: 2026 }, NOW)).rejects.toMatchObject({ code: 'invalid_unit_name' });
    await expect(createUnit(db, { name: 'Unit', year: 20260 }, NOW)).rejects.toMatchObject({ code: 'invalid_year' });
    expect(await db.units.count()).toBe(0);
  });

  it('are renamed, and keep their target with the profile saved', async () => {
    const db = openTestDatabase();
    const { unit } = await createUnit(db, { name: 'Unit Lama', year: 2026 }, NOW);

    expect((await renameUnit(db, unit.id, ' Unit Baru ')).name).toBe('Unit Baru');
    await expect(renameUnit(db, unit.id, '')).rejects.toMatchObject({ code: 'invalid_unit_name' });
    await saveUnitDetails(db, unit.id, { name: 'Unit Baru', agency: 'BPS', ...EMPTY_UNIT_PROFILE, pimpinan: 'Kepala' }, 'wbbm');

    expect(await db.units.get(unit.id)).toMatchObject({ name: 'Unit Baru', agency: 'BPS', target: 'wbbm', profile: { pimpinan: 'Kepala' } });
  });
});
