import {
  calibrationsForUrl,
  listCalibrations,
  removeCalibration,
  saveCalibration,
} from '@/lib/db/repositories/calibrations';
import type { LkeDatabase } from '@/lib/db/schema';
import type { Handlers } from '@/lib/messaging/router';

export interface CalibrationDeps {
  db: LkeDatabase;
  now: () => Date;
}

/** Taught row patterns: read by content scripts for their page, saved from the teaching panel. */
export function calibrationHandlers({ db, now }: CalibrationDeps): Pick<
  Handlers,
  'calibration.forPage' | 'calibration.save' | 'calibration.list' | 'calibration.remove'
> {
  return {
    'calibration.forPage': async ({ url }) => ({
      patterns: (await calibrationsForUrl(db, url)).map((calibration) => calibration.pattern),
    }),
    'calibration.save': async (calibration, sender) => {
      // A tab may only teach its own site.
      if (!sender.url || new URL(sender.url).origin !== calibration.origin) throw new Error('calibration for another site');
      const saved = await saveCalibration(db, { ...calibration, createdAt: now().getTime() });
      return { count: saved.length };
    },
    'calibration.list': async () => ({ calibrations: await listCalibrations(db) }),
    'calibration.remove': async (place) => ({ calibrations: await removeCalibration(db, place) }),
  };
}
