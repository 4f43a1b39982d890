import { describe, expect, it, vi } from 'vitest';
import { autosaveHandlers } from '../../../entrypoints/background/autosave';
import { ensureActiveContext } from '../../../lib/db/repositories/context';
import { listRevisions } from '../../../lib/db/repositories/drafts';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { openTestDatabase } from '../db/testDatabase';

const NOW = new Date(2026, 2, 14, 10, 0);
const PORTAL_URL = 'https://portalrb.menpan.go.id/lke/form?unit=9';
const CODE = 'A.I.1.i.a';

function setup() {
  const deps = { db: openTestDatabase(), now: () => NOW, defaultUnitName: 'Unit Kerja Saya', push: vi.fn() };
  const router = createRouter({
    // Only the autosave request is sent here.
    handlers: autosaveHandlers(deps) as Handlers,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    portalPatterns: () => ['https://portalrb.menpan.go.id/*'],
    checkResults: true,
  });
  return { deps, router };
}

const edit = (text: string) => ({ code: CODE, field: 'narrative' as const, text, at: NOW.getTime() });
const fromPortalTab = { id: 'ext', url: PORTAL_URL, tab: { id: 12 } };

describe('autosave.record', () => {
  it('saves a portal tab’s edits as revisions of the active period and tells pages', async () => {
    const { deps, router } = setup();

    const reply = await router.handle({ type: 'autosave.record', payload: { url: PORTAL_URL, edits: [edit('Tim sudah dibentuk.')] } }, fromPortalTab);

    expect(reply).toEqual({ ok: true, result: { saved: 1 } });
    const { period } = await ensureActiveContext(deps.db, { now: NOW, defaultUnitName: 'x' });
    expect(await listRevisions(deps.db, period.id, CODE)).toEqual([
      expect.objectContaining({ field: 'narrative', text: 'Tim sudah dibentuk.', source: 'portal', draftId: null }),
    ]);
    expect(deps.push).toHaveBeenCalledExactlyOnceWith({ type: 'data.changed', periodId: period.id, codes: [CODE] });
  });

  it('tells no page when nothing changed', async () => {
    const { deps, router } = setup();
    const payload = { url: PORTAL_URL, edits: [edit('Sama')] };
    await router.handle({ type: 'autosave.record', payload }, fromPortalTab);

    const reply = await router.handle({ type: 'autosave.record', payload }, fromPortalTab);

    expect(reply).toEqual({ ok: true, result: { saved: 0 } });
    expect(deps.push).toHaveBeenCalledOnce();
  });

  it('refuses extension pages and more than 50 edits at once', async () => {
    const { deps, router } = setup();
    const fromPage = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };

    const replies = await Promise.all([
      router.handle({ type: 'autosave.record', payload: { url: PORTAL_URL, edits: [edit('x')] } }, fromPage),
      router.handle({ type: 'autosave.record', payload: { url: PORTAL_URL, edits: Array(51).fill(edit('x')) } }, fromPortalTab),
    ]);

    expect(replies.map((reply) => !reply.ok && reply.error.code)).toEqual(['forbidden_sender', 'malformed']);
    expect(await deps.db.revisions.count()).toBe(0);
  });
});
