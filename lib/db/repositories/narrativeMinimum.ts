import { DEFAULT_MIN_NARRATIVE_LENGTH } from '../../hints/rules';
import type { LkeDatabase } from '../schema';

/** The settings key of the shortest acceptable narrative (characters), configurable by the user. */
export const MIN_NARRATIVE_LENGTH_KEY = 'hints.minNarrativeLength';

/** The largest minimum the user may set: longer than most narratives any portal field accepts. */
export const MAX_MIN_NARRATIVE_LENGTH = 5000;

/** A minimum narrative length the hints accept: a whole number of characters, 0 turning the hint off. */
export const isMinNarrativeLength = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_MIN_NARRATIVE_LENGTH;

/** The user's minimum narrative length, or the default when none (or no valid one) is stored. */
export async function minNarrativeLengthOf(db: LkeDatabase): Promise<number> {
  return minNarrativeLengthFrom((await db.settings.get(MIN_NARRATIVE_LENGTH_KEY))?.value);
}

/** The minimum a stored setting value gives: a value written by another version or by hand must not silence or flood the hints. */
export function minNarrativeLengthFrom(stored: unknown): number {
  return isMinNarrativeLength(stored) ? stored : DEFAULT_MIN_NARRATIVE_LENGTH;
}

export async function saveMinNarrativeLength(db: LkeDatabase, value: number): Promise<void> {
  if (!isMinNarrativeLength(value)) throw new RangeError(`Not a minimum narrative length: ${value}`);
  await db.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value });
}
