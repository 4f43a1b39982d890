import { DEFAULT_THRESHOLDS, type Thresholds, ThresholdsSchema } from '../../lke/verdict';
import type { LkeDatabase } from '../schema';

/** The settings key of the WBK/WBBM threshold table the user edited. */
export const THRESHOLDS_KEY = 'lke.thresholds';

export interface StoredThresholds {
  thresholds: Thresholds;
  /** True when a stored table failed validation and the defaults stand in for it. */
  invalid: boolean;
  /** True when the user's own table is in use. */
  custom: boolean;
}

/**
 * Reads a stored setting value. A table written by another version or by hand must not decide a
 * verdict unchecked, so anything the schema rejects falls back to the defaults, visibly.
 */
export function readThresholds(value: unknown): StoredThresholds {
  if (value === undefined) return { thresholds: DEFAULT_THRESHOLDS, invalid: false, custom: false };
  const parsed = ThresholdsSchema.safeParse(value);
  return parsed.success
    ? { thresholds: parsed.data, invalid: false, custom: true }
    : { thresholds: DEFAULT_THRESHOLDS, invalid: true, custom: false };
}

export async function loadThresholds(db: LkeDatabase): Promise<StoredThresholds> {
  return readThresholds((await db.settings.get(THRESHOLDS_KEY))?.value);
}

/** Stores the user's table; throws (zod) on a table the verdict could not use. */
export async function saveThresholds(db: LkeDatabase, thresholds: Thresholds): Promise<void> {
  await db.settings.put({ key: THRESHOLDS_KEY, value: ThresholdsSchema.parse(thresholds) });
}

/** Back to the defaults and their cited sources. */
export async function resetThresholds(db: LkeDatabase): Promise<void> {
  await db.settings.delete(THRESHOLDS_KEY);
}
