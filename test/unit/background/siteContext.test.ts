import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { switchContext } from '@/lib/db/repositories/originContext';
import { createUnit } from '@/lib/db/repositories/units';
import type { RequestSender } from '@/lib/messaging/router';
import { openTestDatabase } from '../db/testDatabase';
import { backgroundRouter, fakeSiteApis, siteAccessOver } from '../support/siteAccess';

const NOW = new Date(2026, 2, 14, 10, 0);
const PORTAL_URL = 'https://portalrb.menpan.go.id/lke/form';
const APP_URL = 'https://zi.example.go.id:8443/lke';
const tabOn = (url: string): RequestSender => ({ kind: 'content', tabId: 5, url });
const panel: RequestSender = { kind: 'page', tabId: undefined, url: 'chrome-extension://x/sidepanel.html' };
const edit = { code: 'A.I.1.i.a', field: 'narrative' as const, text: 'Tim dibentuk.', at: NOW.getTime() };

async function setup() {
  const db = openTestDatabase();
  const handlers = createHandlers({
    db,
    storage: fakeBrowser.storage.session,
    sidePanel: undefined,
    sidebarAction: undefined,
    now: () => NOW,
    defaultUnitName: 'Unit Kerja Saya',
    push: vi.fn(),
    siteAccess: siteAccessOver(fakeSiteApis()),
  });
  const first = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'Unit Kerja Saya' });
  const { period: second } = await createUnit(db, { name: 'Rutan', year: 2026 }, NOW);
  return { db, handlers, first: first.period.id, second: second.id };
}

describe('each portal site saves under its own unit and period', () => {
  it('remembers the active context for a site seen first, whatever becomes active later', async () => {
    const { db, handlers, first, second } = await setup();
    await handlers['portal.snapshot']({ url: PORTAL_URL, rows: [] }, tabOn(PORTAL_URL));
    await switchContext(db, second, null);

    const onPortal = await handlers['autosave.record']({ url: PORTAL_URL, edits: [edit] }, tabOn(PORTAL_URL));
    const onApp = await handlers['autosave.record']({ url: APP_URL, edits: [edit] }, tabOn(APP_URL));

    expect([onPortal, onApp]).toEqual([{ saved: 1 }, { saved: 1 }]);
    expect(await db.revisions.where('periodId').equals(first).count()).toBe(1);
    expect(await db.revisions.where('periodId').equals(second).count()).toBe(1);
    const snapshot = await handlers['portal.snapshot']({ url: PORTAL_URL, rows: [{ code: 'A.I.1.i.a', answer: 'Ya', narrative: null, evidence: [] }] }, tabOn(PORTAL_URL));
    expect(snapshot.periodId).toBe(first);
    expect((await handlers['overlay.forPage']({ url: APP_URL, codes: [] }, tabOn(APP_URL))).periodId).toBe(second);
  });

  it('answers the side panel with the site it names, and a portal tab only with its own site', async () => {
    const { db, handlers, first, second } = await setup();
    await handlers['context.get']({}, tabOn(PORTAL_URL));
    await switchContext(db, second, null);

    expect((await handlers['context.get']({}, panel)).periodId).toBe(second);
    expect((await handlers['context.get']({ site: 'https://portalrb.menpan.go.id' }, panel)).periodId).toBe(first);
    // A page cannot ask for another site's context: its own is the one the browser reported.
    expect((await handlers['context.get']({ site: 'https://zi.example.go.id' }, tabOn(PORTAL_URL))).periodId).toBe(first);
  });

  it('refuses a site that is not scheme and host, before any handler runs', async () => {
    const router = backgroundRouter(siteAccessOver(fakeSiteApis()), 'ext');
    const fromPanel = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };

    const replies = await Promise.all(
      ['javascript:alert(1)', 'https://portalrb.menpan.go.id/lke', 'portalrb.menpan.go.id'].map((site) =>
        router.handle({ type: 'context.get', payload: { site } }, fromPanel),
      ),
    );

    expect(replies.map((reply) => (reply.ok ? 'ok' : reply.error.code))).toEqual(['malformed', 'malformed', 'malformed']);
    expect(await router.handle({ type: 'context.get', payload: { site: 'https://portalrb.menpan.go.id' } }, fromPanel)).toMatchObject({ ok: true });
  });
});
