import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enabledPortalPatterns } from '../../../entrypoints/background/portalPatterns';
import { pushChange } from '../../../entrypoints/background/pushes';
import { openPanelOnActionClick } from '../../../entrypoints/background/sidePanelBehavior';
import type { Push } from '../../../lib/messaging/protocol';
import { KNOWN_PORTAL_MATCHES } from '../../../lib/portal/origins';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('portal patterns', () => {
  it('are the known portals, without loopback outside the e2e build', async () => {
    expect(await enabledPortalPatterns()).toEqual(KNOWN_PORTAL_MATCHES);
  });
});

describe('pushChange', () => {
  const push: Push = { type: 'data.changed', periodId: 1, codes: ['A.I.1.i.a'] };

  it('delivers the push to listening pages', async () => {
    const received = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(received);

    pushChange(push);

    await vi.waitFor(() => expect(received).toHaveBeenCalledWith(push, expect.anything(), expect.any(Function)));
  });

  it('stays quiet when no page is open', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sendMessage = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));

    pushChange(push);

    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).not.toHaveBeenCalled();
  });

  it('sends the push to every web tab, where content scripts hear it', async () => {
    const tabs = [
      { id: 4, url: 'https://lke.example.go.id/form' },
      { id: 9, url: 'https://other.example.go.id/' },
    ];
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => tabs) as unknown as typeof fakeBrowser.tabs.query);
    const sendToTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);

    pushChange(push);

    await vi.waitFor(() => expect(sendToTab).toHaveBeenCalledTimes(2));
    expect(sendToTab).toHaveBeenCalledWith(4, push);
    expect(sendToTab).toHaveBeenCalledWith(9, push);
  });

  it('logs other failures instead of rejecting', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Message length exceeded'));

    pushChange(push);

    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
  });
});

describe('openPanelOnActionClick', () => {
  it('makes the toolbar button open the side panel', async () => {
    const setPanelBehavior = vi.fn(async () => {});

    openPanelOnActionClick({ setPanelBehavior });

    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it('does nothing without a side panel API and survives a refusal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => openPanelOnActionClick(undefined)).not.toThrow();

    openPanelOnActionClick({ setPanelBehavior: vi.fn(async () => Promise.reject(new Error('no'))) });

    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
  });
});
