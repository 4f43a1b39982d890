import { describe, expect, it } from 'vitest';
import { ensureActiveContext, getActiveContext } from '@/lib/db/repositories/context';
import { ensureSiteContext, originContextKey, switchContext } from '@/lib/db/repositories/originContext';
import { createPeriod } from '@/lib/db/repositories/periods';
import { createUnit } from '@/lib/db/repositories/units';
import { openTestDatabase } from './testDatabase';

const NOW = new Date(2026, 2, 14, 10, 0);
const OPTIONS = { now: NOW, defaultUnitName: 'Unit Kerja Saya' };
const PORTAL = 'https://portalrb.menpan.go.id';
const AGENCY_APP = 'https://zi.example.go.id';

describe('per-site context', () => {
  it('takes the active context on a site’s first visit and keeps it after the active one changes', async () => {
    const db = openTestDatabase();
    const active = await ensureActiveContext(db, OPTIONS);
    const { period: other } = await createUnit(db, { name: 'Rutan', year: 2026 }, NOW);

    expect((await ensureSiteContext(db, PORTAL, OPTIONS)).period.id).toBe(active.period.id);
    await switchContext(db, other.id, null);

    expect((await ensureSiteContext(db, PORTAL, OPTIONS)).period.id).toBe(active.period.id);
    expect((await ensureSiteContext(db, AGENCY_APP, OPTIONS)).period.id).toBe(other.id);
  });

  it('is switched with the active context when the panel switches beside a site', async () => {
    const db = openTestDatabase();
    const active = await ensureActiveContext(db, OPTIONS);
    await ensureSiteContext(db, PORTAL, OPTIONS);
    const later = await createPeriod(db, { unitId: active.unit.id, year: 2027 }, NOW);

    const switched = await switchContext(db, later.id, PORTAL);

    expect(switched.period.id).toBe(later.id);
    expect((await getActiveContext(db))?.period.id).toBe(later.id);
    expect((await ensureSiteContext(db, PORTAL, OPTIONS)).period.id).toBe(later.id);
  });

  it('ignores a stored value that is not a context, or names a period that is gone', async () => {
    const db = openTestDatabase();
    const active = await ensureActiveContext(db, OPTIONS);
    await db.settings.put({ key: originContextKey(PORTAL), value: 'periode 2026' });
    await db.settings.put({ key: originContextKey(AGENCY_APP), value: { periodId: 999 } });

    expect((await ensureSiteContext(db, PORTAL, OPTIONS)).period.id).toBe(active.period.id);
    expect((await ensureSiteContext(db, AGENCY_APP, OPTIONS)).period.id).toBe(active.period.id);
    expect((await db.settings.get(originContextKey(AGENCY_APP)))?.value).toEqual({ periodId: active.period.id });
  });
});
