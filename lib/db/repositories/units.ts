import { PeriodError } from '../../periods/errors';
import { EMPTY_UNIT_PROFILE, type LkeDatabase, type Period, type Unit, type UnitTarget } from '../schema';
import { DEFAULT_TEMPLATE_ID } from './context';
import { checkYear } from './periods';
import { insertRow, requireStored, type Stored } from './rows';
import { saveUnitProfile, PROFILE_MAX_LENGTH, type UnitProfileInput } from './unitProfile';

/** Units by name, as the switcher lists them. */
export async function listUnits(db: LkeDatabase): Promise<Stored<Unit>[]> {
  const units = (await db.units.toArray()) as Stored<Unit>[];
  return units.sort((a, b) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) || a.id - b.id);
}

function cleanUnitName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > PROFILE_MAX_LENGTH.name) {
    throw new PeriodError('invalid_unit_name', `A unit name needs 1 to ${PROFILE_MAX_LENGTH.name} characters`);
  }
  return trimmed;
}

export interface NewUnit {
  name: string;
  agency?: string;
  target?: UnitTarget;
  /** The evaluation year of its first period. */
  year: number;
}

/**
 * Adds a unit with its first (empty) period, all or nothing: a unit without a period could not be
 * worked in.
 */
export async function createUnit(db: LkeDatabase, input: NewUnit, now: Date): Promise<{ unit: Stored<Unit>; period: Stored<Period> }> {
  const name = cleanUnitName(input.name);
  const year = checkYear(input.year);
  return db.transaction('rw', db.units, db.periods, async () => {
    const unit = await insertRow<Unit>(db.units, {
      name,
      agency: input.agency?.trim() ?? '',
      profile: { ...EMPTY_UNIT_PROFILE },
      target: input.target ?? 'wbk',
      createdAt: now.getTime(),
    });
    const period = await insertRow<Period>(db.periods, { unitId: unit.id, year, templateId: DEFAULT_TEMPLATE_ID, rolledFrom: null, createdAt: now.getTime() });
    return { unit, period };
  });
}

export async function renameUnit(db: LkeDatabase, unitId: number, name: string): Promise<Stored<Unit>> {
  const cleaned = cleanUnitName(name);
  return db.transaction('rw', db.units, async () => {
    const unit = { ...requireStored(await db.units.get(unitId), `Unit ${unitId}`), name: cleaned };
    await db.units.put(unit);
    return unit;
  });
}

/** The profile card's save: name, agency and profile (checked by saveUnitProfile) and the target, together. */
export function saveUnitDetails(db: LkeDatabase, unitId: number, input: UnitProfileInput, target: UnitTarget): Promise<Stored<Unit>> {
  return db.transaction('rw', db.units, async () => {
    const unit = { ...(await saveUnitProfile(db, unitId, input)), target };
    await db.units.put(unit);
    return unit;
  });
}
