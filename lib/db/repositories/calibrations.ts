import { z } from 'zod';
import { type Calibration, CalibrationSchema, MAX_CALIBRATIONS, calibrationApplies } from '@/lib/portal/calibration';
import type { LkeDatabase } from '../schema';

// Row patterns taught with "Ajari halaman ini", one per site and path pattern, kept in the
// settings store (and so exported with the settings).

export const CALIBRATIONS_KEY = 'calibrations';

const StoredCalibrations = z.array(CalibrationSchema).max(MAX_CALIBRATIONS);

export async function listCalibrations(db: LkeDatabase): Promise<Calibration[]> {
  const stored = await db.settings.get(CALIBRATIONS_KEY);
  // A damaged entry is dropped rather than breaking recognition on every page.
  return StoredCalibrations.safeParse(stored?.value ?? []).data ?? [];
}

const samePlace = (a: Pick<Calibration, 'origin' | 'pathPattern'>, b: Pick<Calibration, 'origin' | 'pathPattern'>) =>
  a.origin === b.origin && a.pathPattern === b.pathPattern;

/** Saves a pattern, replacing the one taught before for the same site and path. */
export async function saveCalibration(db: LkeDatabase, calibration: Calibration): Promise<Calibration[]> {
  return db.transaction('rw', db.settings, async () => {
    const others = (await listCalibrations(db)).filter((c) => !samePlace(c, calibration));
    const next = [...others, CalibrationSchema.parse(calibration)].slice(-MAX_CALIBRATIONS);
    await db.settings.put({ key: CALIBRATIONS_KEY, value: next });
    return next;
  });
}

export async function removeCalibration(
  db: LkeDatabase,
  place: Pick<Calibration, 'origin' | 'pathPattern'>,
): Promise<Calibration[]> {
  return db.transaction('rw', db.settings, async () => {
    const next = (await listCalibrations(db)).filter((c) => !samePlace(c, place));
    await db.settings.put({ key: CALIBRATIONS_KEY, value: next });
    return next;
  });
}

export async function calibrationsForUrl(db: LkeDatabase, url: string): Promise<Calibration[]> {
  const parsed = new URL(url);
  return (await listCalibrations(db)).filter((calibration) => calibrationApplies(calibration, parsed));
}
