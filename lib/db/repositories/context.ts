import { LKE_TEMPLATE } from '../../lke/template';
import { editionId } from '../../periods/editions';
import { EMPTY_UNIT_PROFILE, type LkeDatabase, type Period, type Unit } from '../schema';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';

export const ACTIVE_CONTEXT_KEY = 'activeContext';
export const DEFAULT_TEMPLATE_ID = editionId(LKE_TEMPLATE);


export interface ActiveContext {
  unit: Stored<Unit>;
  period: Stored<Period>;
}

/** LKE ZI is evaluated per calendar year, so the year the user works in is the one being evaluated. */
export function evaluationYear(now: Date): number {
  return now.getFullYear();
}

/** A period with its unit, or null when either no longer exists. */
export async function readContext(db: LkeDatabase, periodId: number): Promise<ActiveContext | null> {
  const period = await db.periods.get(periodId);
  const unit = period && (await db.units.get(period.unitId));
  if (!unit || !period) return null;
  return { unit, period } as ActiveContext;
}

/** The unit and period a stored active-context setting names, or null when it names none. */
export function storedContextIds(value: unknown): { unitId: number; periodId: number } | null {
  // Settings hold `unknown`: a value written by an older build or edited by hand must not crash
  // start-up. Two ids need no schema library, and the dashboard's first frame loads none.
  if (typeof value !== 'object' || value === null) return null;
  const { unitId, periodId } = value as Record<string, unknown>;
  return Number.isSafeInteger(unitId) && Number.isSafeInteger(periodId) ? { unitId: unitId as number, periodId: periodId as number } : null;
}

/** The remembered pair as a context, or null when a row is gone or the two no longer belong together. */
export function rememberedContext(period: Period | undefined, unit: Unit | undefined): ActiveContext | null {
  return period && unit && period.unitId === unit.id ? ({ unit, period } as ActiveContext) : null;
}

async function readActiveContext(db: LkeDatabase): Promise<ActiveContext | null> {
  const stored = storedContextIds((await db.settings.get(ACTIVE_CONTEXT_KEY))?.value);
  if (!stored) return null;
  // Both rows at once, not the unit after its period: every page's first read waits for this.
  const [period, unit] = await Promise.all([db.periods.get(stored.periodId), db.units.get(stored.unitId)]);
  return rememberedContext(period, unit);
}

async function writeActiveContext(db: LkeDatabase, context: ActiveContext): Promise<void> {
  await db.settings.put({
    key: ACTIVE_CONTEXT_KEY,
    value: { unitId: context.unit.id, periodId: context.period.id },
  });
}

async function firstOrNewUnit(db: LkeDatabase, name: string, now: Date): Promise<Stored<Unit>> {
  const existing = await db.units.orderBy('id').first();
  if (existing) return existing as Stored<Unit>;
  return insertRow<Unit>(db.units, { name, agency: '', profile: { ...EMPTY_UNIT_PROFILE }, target: 'wbk', createdAt: now.getTime() });
}

async function periodOfYear(db: LkeDatabase, unitId: number, now: Date): Promise<Stored<Period>> {
  const year = evaluationYear(now);
  const existing = await db.periods.where({ unitId, year }).first();
  if (existing) return existing as Stored<Period>;
  return insertRow<Period>(db.periods, { unitId, year, templateId: DEFAULT_TEMPLATE_ID, rolledFrom: null, createdAt: now.getTime() });
}

/**
 * The unit and period everything is saved under. On first use (ARCHITECTURE rule 9) a default unit
 * and a period for the current evaluation year are created; afterwards the remembered pair is
 * returned unchanged, also in a later year, because switching periods is the user's decision.
 */
export function ensureActiveContext(
  db: LkeDatabase,
  options: { now: Date; defaultUnitName: string },
): Promise<ActiveContext> {
  return db.transaction('rw', db.units, db.periods, db.settings, async () => {
    const remembered = await readActiveContext(db);
    if (remembered) return remembered;
    const unit = await firstOrNewUnit(db, options.defaultUnitName, options.now);
    const context = { unit, period: await periodOfYear(db, unit.id, options.now) };
    await writeActiveContext(db, context);
    return context;
  });
}

/** The remembered context, or null before first use. */
export function getActiveContext(db: LkeDatabase): Promise<ActiveContext | null> {
  return db.transaction('r', db.units, db.periods, db.settings, () => readActiveContext(db));
}

/** Makes a period (and with it the unit it belongs to) the active context. */
export function setActivePeriod(db: LkeDatabase, periodId: number): Promise<ActiveContext> {
  return db.transaction('rw', db.units, db.periods, db.settings, async () => {
    const period = await requirePeriod(db, periodId);
    const unit = requireStored(await db.units.get(period.unitId), `Unit ${period.unitId}`);
    const context = { unit, period };
    await writeActiveContext(db, context);
    return context;
  });
}

/** Makes a unit active with its period of the current evaluation year, created when missing. */
export function setActiveUnit(db: LkeDatabase, unitId: number, now: Date): Promise<ActiveContext> {
  return db.transaction('rw', db.units, db.periods, db.settings, async () => {
    const unit = requireStored(await db.units.get(unitId), `Unit ${unitId}`);
    const context = { unit, period: await periodOfYear(db, unit.id, now) };
    await writeActiveContext(db, context);
    return context;
  });
}
