import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autosave } from '../../../entrypoints/portal.content/autosave';
import { sendRequest } from '../../../lib/messaging/client';
import type { RecognizedRow } from '../../../lib/portal/recognize';

vi.mock('../../../lib/messaging/client', () => ({ sendRequest: vi.fn() }));
const send = vi.mocked(sendRequest);

const CODE = 'A.I.1.i.a';

function setup() {
  document.body.innerHTML = `
    <div id="row">
      <p>Unit kerja telah membentuk tim</p>
      <label><input type="radio" name="j" value="Ya">Ya</label><label><input type="radio" name="j" value="Tidak">Tidak</label>
      <textarea id="narasi"></textarea>
      <input type="password" id="sandi">
    </div>`;
  const element = (selector: string) => document.querySelector<HTMLElement>(selector)!;
  const radios = Array.from(document.querySelectorAll<HTMLElement>('input[type=radio]'));
  const row: RecognizedRow = {
    code: CODE,
    anchor: element('p'),
    elements: [element('#row')],
    parentCode: null,
    score: 1,
    fields: [
      { field: 'answer', controls: radios, kind: 'radio', optionKeys: ['Ya', 'Tidak'] },
      { field: 'narrative', controls: [element('#narasi')], kind: 'textarea' },
      { field: 'evidence', controls: [element('#sandi')], kind: 'text' },
    ],
  };
  const controller = new AbortController();
  void autosave.init({ signal: controller.signal, onRows: () => {}, currentRows: () => [row] });
  const textarea = element('#narasi') as HTMLTextAreaElement;
  const type = (text: string) => {
    textarea.value = text;
    textarea.dispatchEvent(userEvent('input'));
  };
  return { controller, textarea, type, element };
}

/** An event as the browser makes it for the user's own typing (scripts' events are not trusted). */
function userEvent(type: string): Event {
  const event = new Event(type, { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const sentEdits = () => send.mock.calls.map(([, payload]) => (payload as { edits: { field: string; text: string }[] }).edits);

describe('autosave in the content script', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    send.mockReset();
    send.mockResolvedValue({ saved: 1 });
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('sends the latest text 400 ms after the last keystroke', async () => {
    const page = setup();
    controller = page.controller;

    page.type('T');
    await vi.advanceTimersByTimeAsync(300);
    page.type('Tim');
    await vi.advanceTimersByTimeAsync(399);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    expect(sentEdits()).toEqual([[expect.objectContaining({ code: CODE, field: 'narrative', text: 'Tim' })]]);
  });

  it('ignores changes the portal makes itself (a session expiry resetting its fields)', async () => {
    const page = setup();
    controller = page.controller;

    page.textarea.value = '';
    page.textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1_000);

    expect(send).not.toHaveBeenCalled();
  });

  it('sends at once when the field loses focus or the page is hidden', async () => {
    const page = setup();
    controller = page.controller;

    page.type('Tim');
    page.textarea.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    page.type('Tim kerja');
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);

    expect(sentEdits().map((edits) => edits.map((edit) => edit.text))).toEqual([['Tim'], ['Tim kerja']]);
  });

  it('keeps an edit until the background acknowledged it, retrying with backoff', async () => {
    const page = setup();
    controller = page.controller;
    send.mockRejectedValueOnce(new Error('no worker')).mockRejectedValueOnce(new Error('no worker'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    page.type('Tim');
    await vi.advanceTimersByTimeAsync(400);
    await vi.advanceTimersByTimeAsync(250);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(sentEdits().map((edits) => edits[0]!.text)).toEqual(['Tim', 'Tim', 'Tim']);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('saves answers from radios and never reads password inputs', async () => {
    const page = setup();
    controller = page.controller;

    const password = page.element('#sandi') as HTMLInputElement;
    password.value = 'rahasia';
    password.dispatchEvent(userEvent('input'));
    const ya = page.element('input[value=Ya]') as HTMLInputElement;
    ya.checked = true;
    ya.dispatchEvent(userEvent('change'));
    await vi.advanceTimersByTimeAsync(400);

    expect(sentEdits()).toEqual([[expect.objectContaining({ field: 'answer', text: 'Ya' })]]);
  });
});
