import { ThresholdsSchema } from '../../lke/thresholdsSchema';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../lke/verdict';
import type { LkeDatabase } from '../schema';
import { DEFAULT_STORED_THRESHOLDS, type StoredThresholds, THRESHOLDS_KEY } from '../storedThresholds';

/**
 * Reads a stored setting value. A table written by another version or by hand must not decide a
 * verdict unchecked, so anything the schema rejects falls back to the defaults, visibly.
 */
export function readThresholds(value: unknown): StoredThresholds {
  if (value === undefined) return DEFAULT_STORED_THRESHOLDS;
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
