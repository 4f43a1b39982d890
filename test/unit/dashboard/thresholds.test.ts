import { describe, expect, it } from 'vitest';
import { loadThresholds, readThresholds, resetThresholds, saveThresholds } from '@/lib/db/repositories/thresholds';
import { THRESHOLDS_KEY } from '@/lib/db/storedThresholds';
import { DEFAULT_THRESHOLDS } from '@/lib/lke/verdict';
import { openTestDatabase } from '../db/testDatabase';

describe('stored thresholds', () => {
  it('are the defaults until the user saves a table, and say when a stored one was unusable', () => {
    expect(readThresholds(undefined)).toEqual({ thresholds: DEFAULT_THRESHOLDS, invalid: false, custom: false });
    expect(readThresholds({ total: { wbk: 75 } })).toEqual({ thresholds: DEFAULT_THRESHOLDS, invalid: true, custom: false });
    const custom = { ...DEFAULT_THRESHOLDS, total: { wbk: 70, wbbm: 80 } };
    expect(readThresholds(custom)).toEqual({ thresholds: custom, invalid: false, custom: true });
  });

  it('are saved validated and reset to the defaults', async () => {
    const db = openTestDatabase();
    const custom = { ...DEFAULT_THRESHOLDS, areaReading: 'perHalf' as const };
    await saveThresholds(db, custom);
    expect(await loadThresholds(db)).toMatchObject({ thresholds: custom, custom: true });
    await expect(saveThresholds(db, { ...custom, total: { wbk: 120, wbbm: 85 } })).rejects.toThrow();
    expect((await db.settings.get(THRESHOLDS_KEY))?.value).toEqual(custom);
    await resetThresholds(db);
    expect(await loadThresholds(db)).toEqual({ thresholds: DEFAULT_THRESHOLDS, invalid: false, custom: false });
  });
});
