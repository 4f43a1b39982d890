import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { commands } from '../../../entrypoints/portal.content/commands';
import { sendRequest } from '../../../lib/messaging/client';
import type { TabCommandReply } from '../../../lib/messaging/protocol';
import type { RecognizedRow } from '../../../lib/portal/recognize';

// The content script's side of the tab commands: only the extension may send them, and only the
// frame that shows the indicator answers (the others stay silent, so its reply is the one delivered).

vi.mock('../../../lib/messaging/client', () => ({ sendRequest: vi.fn() }));
const send = vi.mocked(sendRequest);

type Listener = (message: unknown, sender: { id?: string; tab?: unknown }, respond: (reply: TabCommandReply) => void) => unknown;

const CODE = 'A.I.1.i.a';
let listener: Listener;
let controller: AbortController;

beforeEach(() => {
  send.mockReset().mockResolvedValue({ saved: 1 });
  document.body.innerHTML = '<div id="row"><p>Unit kerja telah membentuk tim</p><textarea id="narasi">lama</textarea><input id="bukti" type="file"></div>';
  const element = (selector: string) => document.querySelector<HTMLElement>(selector)!;
  const row: RecognizedRow = {
    code: CODE,
    anchor: element('p'),
    elements: [element('#row')],
    parentCode: null,
    score: 1,
    fields: [
      { field: 'narrative', controls: [element('#narasi')], kind: 'textarea' },
      { field: 'evidence', controls: [element('#bukti')], kind: 'file' },
    ],
  };
  const add = vi.spyOn(browser.runtime.onMessage, 'addListener');
  controller = new AbortController();
  void commands.init({ signal: controller.signal, onRows: () => {}, currentRows: () => [row] });
  listener = add.mock.calls.at(-1)![0] as unknown as Listener;
});
afterEach(() => controller.abort());

const fromExtension = { id: browser.runtime.id };

/** What the listener answers: the reply it sent and what it returned (true keeps the channel open). */
function deliver(message: unknown, sender: { id?: string; tab?: unknown } = fromExtension) {
  const respond = vi.fn();
  const returned = listener(message, sender, respond);
  return { returned, reply: respond.mock.calls[0]?.[0] as TabCommandReply | undefined };
}

describe('tab commands in the content script', () => {
  it('inserts a narrative, answers with the read-back, and records it in the history', () => {
    const { returned, reply } = deliver({ type: 'narrative.insert', code: CODE, text: 'Narasi baru' });

    expect(returned).toBe(true);
    expect(reply).toEqual({ ok: true, readBack: 'Narasi baru', undoable: true });
    expect(document.querySelector('textarea')!.value).toBe('Narasi baru');
    expect(send).toHaveBeenCalledWith('autosave.record', {
      url: location.href,
      edits: [expect.objectContaining({ code: CODE, field: 'narrative', text: 'Narasi baru' })],
    });
    expect(deliver({ type: 'field.undo', code: CODE, field: 'narrative' }).reply).toEqual({ ok: true, readBack: 'lama', undoable: false });
  });

  it('ignores commands from pages and from other extensions', () => {
    const command = { type: 'narrative.insert', code: CODE, text: 'dari halaman' };
    expect(deliver(command, { id: browser.runtime.id, tab: { id: 3 } })).toEqual({ returned: undefined, reply: undefined });
    expect(deliver(command, { id: 'another-extension' })).toEqual({ returned: undefined, reply: undefined });
    expect(document.querySelector('textarea')!.value).toBe('lama');
  });

  it('stays silent on malformed commands and on indicators this frame does not show', () => {
    expect(deliver({ type: 'narrative.insert', code: CODE })).toEqual({ returned: undefined, reply: undefined });
    expect(deliver({ type: 'narrative.insert', code: 'A.II.1.a', text: 'x' })).toEqual({ returned: undefined, reply: undefined });
    expect(deliver({ type: 'calibration.start' })).toEqual({ returned: undefined, reply: undefined });
  });

  it('never writes into a file upload slot, and has nothing to undo there', () => {
    expect(deliver({ type: 'evidence.insert', code: CODE, links: ['https://drive.example/sk.pdf'] }).reply).toEqual({ ok: false, reason: 'no_field' });
    expect(deliver({ type: 'field.undo', code: CODE, field: 'evidence' }).reply).toEqual({ ok: false, reason: 'nothing_to_undo' });
    expect(send).not.toHaveBeenCalled();
  });
});
