import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useAnnounceContext } from '@/components/context/useAnnounceContext';

function Announcer({ tabId, periodId }: { tabId: number | null; periodId: number | null }) {
  useAnnounceContext(tabId, periodId);
  return null;
}

afterEach(cleanup);

describe('useAnnounceContext', () => {
  it('tells the portal tab when the period changes, not when it is first known or stays', () => {
    const sendMessage = vi.fn(async () => undefined);
    fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
    const view = render(<Announcer tabId={4} periodId={null} />);
    view.rerender(<Announcer tabId={4} periodId={7} />);
    view.rerender(<Announcer tabId={5} periodId={7} />);
    expect(sendMessage).not.toHaveBeenCalled();

    view.rerender(<Announcer tabId={5} periodId={9} />);
    view.rerender(<Announcer tabId={null} periodId={7} />);

    expect(sendMessage).toHaveBeenCalledExactlyOnceWith(5, { type: 'data.changed', periodId: 9, codes: [] });
  });
});
