import { describe, expect, it, vi } from 'vitest';
import {
  createRouter,
  type Handlers,
  type MessageListener,
  type MessageSenderLike,
  type RouterOptions,
} from '../../../lib/messaging/router';
import { autosaveHandlerStubs } from '../support/autosave';
import { overlayHandlerStubs } from '../support/overlay';
import { calibrationHandlerStubs } from '../support/calibrations';
import { siteHandlerStubs } from '../support/siteAccess';

const EXTENSION_ID = 'test-extension-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const PORTAL_URL = 'https://portalrb.menpan.go.id/lke/form?id=7';

const contentScript: MessageSenderLike = { id: EXTENSION_ID, url: PORTAL_URL, tab: { id: 7 } };
const sidePanel: MessageSenderLike = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/sidepanel.html` };

const snapshot = {
  type: 'portal.snapshot',
  payload: { url: PORTAL_URL, rows: [{ code: 'A.I.1.i.a', answer: 'Ya', narrative: null, evidence: [] }] },
};
const contextGet = { type: 'context.get', payload: {} };
const CONTEXT = { unitId: 1, unitName: 'Unit Kerja Saya', periodId: 2, year: 2026 };

function setup(overrides: Partial<RouterOptions> = {}) {
  const handlers = {
    'portal.snapshot': vi.fn<Handlers['portal.snapshot']>(async () => ({ periodId: 2, stored: 1 })),
    'panel.focus': vi.fn<Handlers['panel.focus']>(async () => ({ opened: true })),
    'context.get': vi.fn<Handlers['context.get']>(async () => CONTEXT),
    ...siteHandlerStubs(),
    ...calibrationHandlerStubs(),
    ...autosaveHandlerStubs(),
    ...overlayHandlerStubs(),
  };
  const log = vi.fn();
  const router = createRouter({
    handlers,
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    portalPatterns: () => ['https://portalrb.menpan.go.id/*'],
    checkResults: true,
    log,
    ...overrides,
  });
  const called = () => Object.values(handlers).some((handler) => handler.mock.calls.length > 0);
  return { router, handlers, log, called };
}

describe('router: accepted requests', () => {
  it('runs the handler with the parsed payload and who sent it', async () => {
    const { router, handlers } = setup();

    const reply = await router.handle(snapshot, contentScript);

    expect(reply).toEqual({ ok: true, result: { periodId: 2, stored: 1 } });
    expect(handlers['portal.snapshot']).toHaveBeenCalledWith(snapshot.payload, {
      kind: 'content',
      tabId: 7,
      url: PORTAL_URL,
    });
  });

  it('treats an extension page opened as a tab (dashboard) as a page, not a content script', async () => {
    const { router, handlers } = setup();
    const dashboardTab = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/dashboard.html`, tab: { id: 3 } };

    expect(await router.handle(contextGet, dashboardTab)).toEqual({ ok: true, result: CONTEXT });
    expect(handlers['context.get']).toHaveBeenCalledWith({}, { kind: 'page', tabId: 3, url: dashboardTab.url });
  });

  it('reads portal patterns on every request, also from a promise', async () => {
    let patterns = ['https://portalrb.menpan.go.id/*'];
    const { router } = setup({ portalPatterns: async () => patterns });
    const agencyApp = { id: EXTENSION_ID, url: 'https://zi.example.go.id/lke', tab: { id: 4 } };

    expect((await router.handle(contextGet, agencyApp)).ok).toBe(false);
    patterns = [...patterns, 'https://zi.example.go.id/*'];
    expect(await router.handle(contextGet, agencyApp)).toEqual({ ok: true, result: CONTEXT });
  });

  it('falls back to the sender origin when the browser gives no URL', async () => {
    const { router } = setup();
    const reply = await router.handle(contextGet, { id: EXTENSION_ID, origin: 'https://portalrb.menpan.go.id', tab: { id: 1 } });
    expect(reply.ok).toBe(true);
  });
});

describe('router: rejected requests never reach a handler', () => {
  it.each<[string, MessageSenderLike]>([
    ['another extension', { ...sidePanel, id: 'some-other-extension' }],
    ['a sender without an extension id', { url: PORTAL_URL, tab: { id: 7 } }],
    ['a web page outside any tab', { id: EXTENSION_ID, url: 'https://example.com/' }],
    ['a content script on a non-portal origin', { id: EXTENSION_ID, url: 'https://example.com/lke', tab: { id: 9 } }],
    ['a content script on a look-alike host', { id: EXTENSION_ID, url: 'https://portalrb.menpan.go.id.evil.example/', tab: { id: 9 } }],
    ['an origin that only starts like the extension', { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}x/page.html` }],
    ['a sender without URL or origin', { id: EXTENSION_ID, tab: { id: 7 } }],
  ])('forbids %s', async (_, sender) => {
    const { router, called } = setup();

    const reply = await router.handle(contextGet, sender);

    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(called()).toBe(false);
  });

  it('forbids a content-only request from an extension page', async () => {
    const { router, called } = setup();

    const reply = await router.handle(snapshot, sidePanel);

    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(called()).toBe(false);
  });

  it('rejects a malformed payload with the paths of the problems', async () => {
    const { router, called } = setup();
    const payload = { url: 'not a url', rows: [{ code: 'A.I.1.i.a; DROP', answer: 1, narrative: null, evidence: [] }] };

    const reply = await router.handle({ type: 'portal.snapshot', payload }, contentScript);

    expect(reply).toMatchObject({ ok: false, error: { code: 'malformed' } });
    const detail = reply.ok ? '' : (reply.error.detail ?? '');
    expect(detail.split(', ').sort()).toEqual(['rows.0.answer', 'rows.0.code', 'url']);
    expect(called()).toBe(false);
  });

  it.each([
    ['a string', 'context.get'],
    ['null', null],
    ['an object without type', { payload: {} }],
    ['a numeric type', { type: 1, payload: {} }],
  ])('rejects %s as malformed', async (_, message) => {
    const { router, called } = setup();
    expect(await router.handle(message, sidePanel)).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(called()).toBe(false);
  });

  it.each(['db.dropEverything', 'toString', 'data.changed'])('rejects the unknown type %s', async (type) => {
    const { router, called } = setup();
    expect(await router.handle({ type, payload: {} }, sidePanel)).toMatchObject({
      ok: false,
      error: { code: 'unknown_type' },
    });
    expect(called()).toBe(false);
  });

  it('checks the sender before looking at the message', async () => {
    const { router } = setup();
    const reply = await router.handle({ type: 'nonsense' }, { id: 'other', url: 'https://example.com' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});

describe('router: failing handlers', () => {
  it('answers internal without leaking the error, and logs it', async () => {
    const { router, handlers, log } = setup();
    const failure = new Error('IDB constraint at /secret/path');
    handlers['context.get'].mockRejectedValue(failure);

    const reply = await router.handle(contextGet, sidePanel);

    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('secret');
    expect(log).toHaveBeenCalledWith(expect.any(String), failure);
  });

  it('treats a result that breaks the protocol as internal when results are checked', async () => {
    const { router, handlers } = setup();
    handlers['context.get'].mockResolvedValue({ ...CONTEXT, year: 'twenty' } as never);

    expect(await router.handle(contextGet, sidePanel)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('router.listen', () => {
  it('answers through sendResponse and keeps the channel open', async () => {
    const { router } = setup();
    let listener: MessageListener | undefined;
    router.listen({ onMessage: { addListener: (registered) => (listener = registered) } });
    const sendResponse = vi.fn();

    expect(listener?.(contextGet, sidePanel, sendResponse)).toBe(true);

    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, result: CONTEXT }));
  });
});
