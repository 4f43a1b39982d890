import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { badges } from '../../../entrypoints/portal.content/badges';
import type { RowsEvent } from '../../../entrypoints/portal.content/features';
import { sendRequest } from '../../../lib/messaging/client';
import type { RowOverlay } from '../../../lib/messaging/protocol';
import type { RecognizedRow } from '../../../lib/portal/recognize';
import { installIndonesianMessages } from '../support/i18n';

// The badges' overlay: hints and restore offers from what the background has saved, with the
// shadow roots captured (they are closed outside the e2e build).

vi.mock('../../../lib/messaging/client', () => ({ sendRequest: vi.fn(), onPush: vi.fn(() => () => {}) }));
const send = vi.mocked(sendRequest);

const CODE = 'A.I.1.i.a';
const SAVED = 'Tim kerja dibentuk dengan SK Kepala Kantor.';

beforeAll(installIndonesianMessages);

let roots: ShadowRoot[];
let controller: AbortController;
let textarea: HTMLTextAreaElement;

function overlay(saved: string): RowOverlay {
  return {
    code: CODE,
    hints: { count: 2, worst: 'error', rules: ['unanswered', 'noEvidence'] },
    saved: [{ field: 'narrative', text: saved, at: Date.UTC(2026, 2, 12, 9, 30), olderDigests: [] }],
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  roots = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  document.body.innerHTML = '<div id="row"><p>Unit kerja telah membentuk tim</p><textarea id="narasi"></textarea></div>';
  textarea = document.querySelector('textarea')!;
  const row: RecognizedRow = {
    code: CODE,
    anchor: document.querySelector('p')!,
    elements: [document.querySelector('#row')!],
    parentCode: null,
    score: 1,
    fields: [{ field: 'narrative', controls: [textarea], kind: 'textarea' }],
  };
  send.mockReset().mockImplementation(async (type) => {
    if (type === 'overlay.forPage') return { periodId: 1, rows: [overlay(SAVED)] };
    return { saved: 1 };
  });
  controller = new AbortController();
  const event: RowsEvent = { rows: [row], elapsed: 1 };
  void badges.init({ signal: controller.signal, onRows: (listener) => listener(event), currentRows: () => [row] });
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const restoreButton = () => roots[0]!.querySelector<HTMLButtonElement>('button.restore');

describe('badge overlay', () => {
  it('asks for the page’s codes once and shows the hints with their titles', async () => {
    await vi.advanceTimersByTimeAsync(400);

    expect(send.mock.calls.filter(([type]) => type === 'overlay.forPage')).toEqual([['overlay.forPage', { url: location.href, codes: [CODE] }]]);
    const chip = roots[0]!.querySelector<HTMLElement>('.hints')!;
    expect(chip.hidden).toBe(false);
    expect(chip.dataset.worst).toBe('error');
    expect(chip.textContent).toBe('! 2');
    const label = roots[0]!.querySelector('button')!.getAttribute('aria-label')!;
    expect(label).toContain('2 petunjuk: Belum dijawab; Bukti dukung belum ada.');
  });

  it('offers to restore an emptied field, not while the user is in it, and ignores synthetic clicks', async () => {
    textarea.focus();
    await vi.advanceTimersByTimeAsync(400);
    expect(restoreButton()).toBeNull();

    textarea.blur();
    await vi.advanceTimersByTimeAsync(10);
    const button = restoreButton()!;
    expect(button.textContent).toBe('Pulihkan Narasi');
    expect(button.getAttribute('aria-label')).toContain(`(${SAVED.length} karakter)`);

    // A page script cannot make the extension write: only the user's own click does.
    button.click();
    expect(textarea.value).toBe('');
  });

  it('offers nothing where the page shows the saved text', async () => {
    textarea.value = SAVED;
    await vi.advanceTimersByTimeAsync(400);
    expect(restoreButton()).toBeNull();
  });
});
