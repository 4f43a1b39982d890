import { describe, expect, it } from 'vitest';
import { checkUnitProfile, saveUnitProfile, type UnitProfileInput } from '../../../lib/db/repositories/unitProfile';
import { openDatabaseWithPeriod } from './testDatabase';

const INPUT: UnitProfileInput = {
  name: ' KPP Pratama Contoh ',
  agency: 'Kementerian Keuangan',
  pimpinan: 'Budi Santoso',
  nomorSk: 'KEP-12/2026',
  tanggalSk: '2026-01-05',
  ketuaTim: ' Sari ',
};

describe('unit profile', () => {
  it('saves name, agency and profile trimmed', async () => {
    const { db } = await openDatabaseWithPeriod();
    const unitId = (await db.units.toCollection().first())!.id!;

    const saved = await saveUnitProfile(db, unitId, INPUT);

    expect(await db.units.get(unitId)).toEqual(saved);
    expect(saved).toMatchObject({
      name: 'KPP Pratama Contoh',
      agency: 'Kementerian Keuangan',
      profile: { pimpinan: 'Budi Santoso', nomorSk: 'KEP-12/2026', tanggalSk: '2026-01-05', ketuaTim: 'Sari' },
    });
  });

  it('names each unacceptable field and saves nothing', async () => {
    expect(checkUnitProfile({ ...INPUT, name: '  ', nomorSk: 'x'.repeat(121), tanggalSk: '2026-02-30' })).toEqual({
      ok: false,
      problems: { name: 'required', nomorSk: 'too_long', tanggalSk: 'invalid_date' },
    });
    expect(checkUnitProfile({ ...INPUT, tanggalSk: '5/1/2026' })).toMatchObject({ problems: { tanggalSk: 'invalid_date' } });
    expect(checkUnitProfile({ ...INPUT, tanggalSk: '' }).ok).toBe(true);

    const { db } = await openDatabaseWithPeriod();
    const before = await db.units.toArray();
    await expect(saveUnitProfile(db, before[0]!.id!, { ...INPUT, name: '' })).rejects.toMatchObject({ code: 'invalid_profile' });
    await expect(saveUnitProfile(db, 999, INPUT)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.units.toArray()).toEqual(before);
  });
});
