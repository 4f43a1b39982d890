import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type BackgroundDeps } from '../../../entrypoints/background/handlers';
import { PANEL_FOCUS_KEY } from '@/lib/messaging/protocol';
import { getPageState } from '../../../lib/db/repositories/pageStates';
import { createRouter, type RequestSender } from '../../../lib/messaging/router';
import { openTestDatabase } from '../db/testDatabase';
import { fakeSiteApis, siteAccessOver } from '../support/siteAccess';

const NOW = new Date(2026, 2, 14, 10, 0);
const PORTAL_URL = 'https://portalrb.menpan.go.id/lke/form?unit=9';
const portalTab: RequestSender = { kind: 'content', tabId: 12, url: PORTAL_URL };
const sidePanelPage: RequestSender = { kind: 'page', tabId: undefined, url: 'chrome-extension://x/sidepanel.html' };

function setup(overrides: Partial<BackgroundDeps> = {}) {
  const deps: BackgroundDeps = {
    db: openTestDatabase(),
    storage: fakeBrowser.storage.session,
    sidePanel: { open: vi.fn(async () => {}) },
    sidebarAction: undefined,
    now: () => NOW,
    defaultUnitName: 'Unit Kerja Saya',
    push: vi.fn(),
    siteAccess: siteAccessOver(fakeSiteApis()),
    ...overrides,
  };
  return { deps, handlers: createHandlers(deps) };
}

const storedFocus = async () => (await fakeBrowser.storage.session.get(PANEL_FOCUS_KEY))[PANEL_FOCUS_KEY];

describe('context.get', () => {
  it('creates the default unit and this year’s period once, then returns the same', async () => {
    const { handlers, deps } = setup();

    const first = await handlers['context.get']({}, sidePanelPage);
    const second = await handlers['context.get']({}, portalTab);

    expect(first).toEqual({ unitId: expect.any(Number), unitName: 'Unit Kerja Saya', periodId: expect.any(Number), year: 2026 });
    expect(second).toEqual(first);
    expect(await deps.db.periods.count()).toBe(1);
  });
});

describe('portal.snapshot', () => {
  const rows = [
    { code: 'A.I.1.i.a', answer: 'Ya', narrative: 'SK tim sudah ada', evidence: [] },
    { code: 'A.IX.9.z', answer: null, narrative: null, evidence: [] },
  ];

  it('records the rows under the active period with the origin the browser reported', async () => {
    const { handlers, deps } = setup();
    // The payload URL is the page's own claim; the stored origin must come from the sender.
    const payload = { url: 'https://elsewhere.example/lke', rows };

    const result = await handlers['portal.snapshot'](payload, portalTab);

    const { periodId } = await handlers['context.get']({}, portalTab);
    expect(result).toEqual({ periodId, stored: 1 });
    expect(await getPageState(deps.db, periodId, 'A.I.1.i.a')).toMatchObject({
      answer: 'Ya',
      origin: 'https://portalrb.menpan.go.id',
      observedAt: NOW.getTime(),
    });
  });

  it('pushes the changed codes to extension pages', async () => {
    const { handlers, deps } = setup();

    const { periodId } = await handlers['portal.snapshot']({ url: PORTAL_URL, rows }, portalTab);

    expect(deps.push).toHaveBeenCalledExactlyOnceWith({ type: 'data.changed', periodId, codes: ['A.I.1.i.a'] });
  });

  it('pushes nothing when no row was stored', async () => {
    const { handlers, deps } = setup();

    await handlers['portal.snapshot']({ url: PORTAL_URL, rows: [] }, portalTab);

    expect(deps.push).not.toHaveBeenCalled();
  });
});

describe('panel.focus', () => {
  it('stores the focus for the side panel and opens it on the sender tab', async () => {
    const { handlers, deps } = setup();

    expect(await handlers['panel.focus']({ code: 'A.I.1.i.a' }, portalTab)).toEqual({ opened: true });

    expect(await storedFocus()).toEqual({ tabId: 12, code: 'A.I.1.i.a', at: NOW.getTime() });
    expect(deps.sidePanel?.open).toHaveBeenCalledWith({ tabId: 12 });
  });

  it('still stores the focus when the browser refuses to open the panel', async () => {
    const open = vi.fn(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    const { handlers } = setup({ sidePanel: { open } });

    expect(await handlers['panel.focus']({ code: 'A.I.1.i.b' }, portalTab)).toEqual({ opened: false });
    expect(await storedFocus()).toMatchObject({ code: 'A.I.1.i.b' });
  });

  it('uses the sidebar where there is no side panel (Firefox)', async () => {
    const sidebarAction = { open: vi.fn(async () => {}) };
    const { handlers } = setup({ sidePanel: undefined, sidebarAction });

    expect(await handlers['panel.focus']({ code: 'A.I.1.i.a' }, portalTab)).toEqual({ opened: true });
    expect(sidebarAction.open).toHaveBeenCalled();
  });

  it('reports not opened when there is neither panel nor sidebar', async () => {
    const { handlers } = setup({ sidePanel: undefined });
    expect(await handlers['panel.focus']({ code: 'A.I.1.i.a' }, portalTab)).toEqual({ opened: false });
  });

  it('only moves the focus when a page without a tab asks', async () => {
    const { handlers, deps } = setup();

    expect(await handlers['panel.focus']({ code: 'A.I.2.i.a' }, sidePanelPage)).toEqual({ opened: false });

    expect(deps.sidePanel?.open).not.toHaveBeenCalled();
    expect(await storedFocus()).toEqual({ tabId: null, code: 'A.I.2.i.a', at: NOW.getTime() });
  });
});

describe('handlers behind the router', () => {
  it('answer every request with results that satisfy the protocol', async () => {
    const { handlers } = setup();
    const router = createRouter({
      handlers,
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext',
      portalPatterns: () => ['https://portalrb.menpan.go.id/*'],
      checkResults: true,
    });
    const sender = { id: 'ext', url: PORTAL_URL, tab: { id: 12 } };
    const rows = [{ code: 'A.I.1.i.a', answer: 'Ya', narrative: null, evidence: [] }];

    const replies = await Promise.all([
      router.handle({ type: 'context.get', payload: {} }, sender),
      router.handle({ type: 'portal.snapshot', payload: { url: PORTAL_URL, rows } }, sender),
      router.handle({ type: 'panel.focus', payload: { code: 'A.I.1.i.a' } }, sender),
    ]);

    expect(replies.map((reply) => reply.ok)).toEqual([true, true, true]);
  });
});
