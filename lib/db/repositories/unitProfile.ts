import type { LkeDatabase, Unit, UnitProfile } from '../schema';
import { RepositoryError } from './errors';
import { requireStored, type Stored } from './rows';

/** Everything the profile card edits: the unit's name and agency, and its profile. */
export type UnitProfileInput = Pick<Unit, 'name' | 'agency'> & UnitProfile;

export type UnitProfileField = keyof UnitProfileInput;

export type UnitProfileProblem = 'required' | 'too_long' | 'invalid_date';

export type UnitProfileCheck =
  | { ok: true; value: UnitProfileInput }
  | { ok: false; problems: Partial<Record<UnitProfileField, UnitProfileProblem>> };

/** Longest value per field: names of people and offices, and decree numbers, are short. */
export const PROFILE_MAX_LENGTH: Record<UnitProfileField, number> = {
  name: 200,
  agency: 200,
  pimpinan: 200,
  nomorSk: 120,
  tanggalSk: 10,
  ketuaTim: 200,
};

const FIELDS = Object.keys(PROFILE_MAX_LENGTH) as UnitProfileField[];

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // Date parsing rolls 2026-02-30 over to March; a real date survives the round trip.
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Trims every field and says what is wrong with each one that is not acceptable. */
export function checkUnitProfile(input: UnitProfileInput): UnitProfileCheck {
  const value = { ...input };
  const problems: Partial<Record<UnitProfileField, UnitProfileProblem>> = {};
  for (const field of FIELDS) {
    value[field] = input[field].trim();
    if (value[field].length > PROFILE_MAX_LENGTH[field]) problems[field] = 'too_long';
  }
  if (value.name === '') problems.name = 'required';
  if (value.tanggalSk !== '' && !isIsoDate(value.tanggalSk)) problems.tanggalSk = 'invalid_date';
  return Object.keys(problems).length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** Saves the unit's name, agency and profile after checking them; nothing is saved if one is wrong. */
export async function saveUnitProfile(db: LkeDatabase, unitId: number, input: UnitProfileInput): Promise<Stored<Unit>> {
  const checked = checkUnitProfile(input);
  if (!checked.ok) {
    throw new RepositoryError('invalid_profile', `Unit profile fields not acceptable: ${Object.keys(checked.problems).join(', ')}`);
  }
  const { name, agency, pimpinan, nomorSk, tanggalSk, ketuaTim } = checked.value;
  return db.transaction('rw', db.units, async () => {
    const stored = requireStored(await db.units.get(unitId), `Unit ${unitId}`);
    const unit = { ...stored, name, agency, profile: { pimpinan, nomorSk, tanggalSk, ketuaTim } };
    await db.units.put(unit);
    return unit;
  });
}
