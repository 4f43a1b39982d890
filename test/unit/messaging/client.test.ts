import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onPush, ProtocolError, sendRequest } from '../../../lib/messaging/client';
import type { Push } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers, type MessageSenderLike } from '../../../lib/messaging/router';
import { autosaveHandlerStubs } from '../support/autosave';
import { overlayHandlerStubs } from '../support/overlay';
import { calibrationHandlerStubs } from '../support/calibrations';
import { siteHandlerStubs } from '../support/siteAccess';

const CONTEXT = { unitId: 1, unitName: 'Unit Kerja Saya', periodId: 2, year: 2026 };

/**
 * A router listening on the fake runtime. The fake passes an empty sender, so the browser's part
 * (telling who sent the message) is played by a wrapper that substitutes `sender`.
 */
function listenAs(sender: MessageSenderLike, handlers: Partial<Handlers> = {}) {
  const all: Handlers = {
    'portal.snapshot': vi.fn(async () => ({ periodId: 2, stored: 0 })),
    'panel.focus': vi.fn(async () => ({ opened: false })),
    'context.get': vi.fn(async () => CONTEXT),
    ...siteHandlerStubs(),
    ...calibrationHandlerStubs(),
    ...autosaveHandlerStubs(),
    ...overlayHandlerStubs(),
    ...handlers,
  };
  const router = createRouter({
    handlers: all,
    extensionId: fakeBrowser.runtime.id,
    extensionOrigin: `chrome-extension://${fakeBrowser.runtime.id}`,
    portalPatterns: () => ['https://portalrb.menpan.go.id/*'],
    checkResults: false,
    log: () => {},
  });
  router.listen({
    onMessage: {
      addListener: (listener) =>
        fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) =>
          listener(message, sender, sendResponse),
        ),
    },
  });
  return all;
}

const sidePanel = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` });

async function protocolError(promise: Promise<unknown>): Promise<ProtocolError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProtocolError);
  return error as ProtocolError;
}

describe('sendRequest', () => {
  it('round-trips through the router to the handler and back', async () => {
    const handlers = listenAs(sidePanel());

    await expect(sendRequest('context.get', {})).resolves.toEqual(CONTEXT);
    expect(handlers['context.get']).toHaveBeenCalledTimes(1);
  });

  it('delivers a content script request with its payload', async () => {
    const portalTab = { id: fakeBrowser.runtime.id, url: 'https://portalrb.menpan.go.id/lke', tab: { id: 5 } };
    const handlers = listenAs(portalTab);
    const payload = { url: portalTab.url, rows: [] };

    await expect(sendRequest('portal.snapshot', payload)).resolves.toEqual({ periodId: 2, stored: 0 });
    expect(handlers['portal.snapshot']).toHaveBeenCalledWith(payload, expect.objectContaining({ kind: 'content', tabId: 5 }));
  });

  it('throws the error code and detail of an error reply', async () => {
    const handlers = listenAs(sidePanel());

    const error = await protocolError(sendRequest('panel.focus', { code: 'not a code' }));

    expect(error.code).toBe('malformed');
    expect(error.detail).toBe('code');
    expect(handlers['panel.focus']).not.toHaveBeenCalled();
  });

  it('throws forbidden_sender when the router refuses the sender', async () => {
    listenAs({ id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 1 } });
    expect((await protocolError(sendRequest('context.get', {}))).code).toBe('forbidden_sender');
  });

  it('throws disconnected when nothing listens', async () => {
    expect((await protocolError(sendRequest('context.get', {}))).code).toBe('disconnected');
  });

  it('throws disconnected when the answer is not a reply', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      sendResponse('hello');
      return true;
    });
    expect((await protocolError(sendRequest('context.get', {}))).code).toBe('disconnected');
  });

  it('throws internal when the result breaks the protocol', async () => {
    listenAs(sidePanel(), { 'context.get': async () => ({ ...CONTEXT, periodId: 'two' }) as never });
    expect((await protocolError(sendRequest('context.get', {}))).code).toBe('internal');
  });
});

describe('onPush', () => {
  const push: Push = { type: 'data.changed', periodId: 2, codes: ['A.I.1.i.a'] };

  it('passes valid pushes on, ignores everything else and answers nothing', async () => {
    const listener = vi.fn();
    onPush(listener);

    const answers = [
      ...(await fakeBrowser.runtime.onMessage.trigger(push, {}, () => {})),
      ...(await fakeBrowser.runtime.onMessage.trigger({ type: 'context.get', payload: {} }, {}, () => {})),
      ...(await fakeBrowser.runtime.onMessage.trigger({ ...push, codes: ['<img>'] }, {}, () => {})),
    ];

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(push);
    expect(answers).toEqual([undefined, undefined, undefined]);
  });

  it('stops after unsubscribing', async () => {
    const listener = vi.fn();
    const unsubscribe = onPush(listener);

    unsubscribe();
    await fakeBrowser.runtime.onMessage.trigger(push, {}, () => {});

    expect(listener).not.toHaveBeenCalled();
  });
});
