import { z } from 'zod';
import type { LkeDatabase } from '../schema';
import { type ActiveContext, ensureActiveContext, evaluationYear, readContext, setActivePeriod } from './context';
import { createPeriod, listPeriods } from './periods';

/**
 * Each portal site remembers its own unit and period, so a team working for two units in two ZI
 * apps saves each app's typing under the right one. A site is scheme and host (`siteOfUrl`), the
 * form in which the side panel learns its tab's site from `sites.status`.
 */
/** Settings keys of the contexts sites remember start with this. */
export const ORIGIN_CONTEXT_PREFIX = 'originContext:';
export const originContextKey = (site: string): string => `${ORIGIN_CONTEXT_PREFIX}${site}`;

// Settings hold `unknown`: a value written by an older build or edited by hand is ignored.
const OriginContextSchema = z.object({ periodId: z.number().int() });

async function rememberSite(db: LkeDatabase, site: string, context: ActiveContext): Promise<void> {
  await db.settings.put({ key: originContextKey(site), value: { periodId: context.period.id } });
}

/**
 * The unit and period work on `site` is saved under. A site seen for the first time, or whose
 * period was removed, takes the active context and keeps it from then on.
 */
export function ensureSiteContext(
  db: LkeDatabase,
  site: string,
  options: { now: Date; defaultUnitName: string },
): Promise<ActiveContext> {
  return db.transaction('rw', db.units, db.periods, db.settings, async () => {
    const stored = OriginContextSchema.safeParse((await db.settings.get(originContextKey(site)))?.value);
    const remembered = stored.success ? await readContext(db, stored.data.periodId) : null;
    if (remembered) return remembered;
    const context = await ensureActiveContext(db, options);
    await rememberSite(db, site, context);
    return context;
  });
}

/**
 * Switches to a period: it becomes the active context and, when the user works beside a portal
 * site, that site's context too.
 */
export function switchContext(db: LkeDatabase, periodId: number, site: string | null): Promise<ActiveContext> {
  return db.transaction('rw', db.units, db.periods, db.settings, async () => {
    const context = await setActivePeriod(db, periodId);
    if (site !== null) await rememberSite(db, site, context);
    return context;
  });
}

/**
 * Switches to a unit, in its newest period; a unit without one (the default unit, before any
 * period was made by hand) gets the period of the current evaluation year.
 */
export function switchToUnit(db: LkeDatabase, unitId: number, site: string | null, now: Date): Promise<ActiveContext> {
  return db.transaction('rw', db.units, db.periods, db.settings, async () => {
    const [newest] = await listPeriods(db, unitId);
    const period = newest ?? (await createPeriod(db, { unitId, year: evaluationYear(now) }, now));
    return switchContext(db, period.id, site);
  });
}
