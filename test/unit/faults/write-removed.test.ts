import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoundField } from '@/lib/portal/bind';
import type { RecognizedRow } from '@/lib/portal/recognize';
import { writeLinks, writeText } from '@/lib/portal/write';

// Fault: the portal removes or replaces the field while the extension writes into it (Livewire
// and similar frameworks re-render the row on input or change). The write must report that it
// failed, and the content script must record nothing as inserted.

const sendRequest = vi.fn(async () => ({ saved: 1 }));
vi.mock('@/lib/messaging/client', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...(args as [])) }));
const { canUndo, writeInto } = await import('@/entrypoints/portal.content/writes');

const element = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const bound = (kind: BoundField['kind'], selector: string, name: BoundField['field'] = 'narrative'): BoundField => ({
  field: name,
  controls: [element(selector)],
  kind,
});

beforeEach(() => {
  sendRequest.mockClear();
  document.body.innerHTML = `
    <section id="row"><h3>Soal</h3>
      <textarea id="narasi">lama</textarea>
      <div id="editor" contenteditable="true"><p>lama</p></div>
      <ul id="bukti"><li><input type="url" name="b[]"></li></ul><button type="button" id="tambah">+ Tambah tautan</button>
    </section>`;
});

/** The page's framework re-renders the row on `type`: the old nodes go, new ones with the server's values come. */
function rerenderOn(target: HTMLElement, type: string) {
  target.addEventListener(type, () => {
    const row = element('#row');
    const fresh = row.cloneNode(true) as HTMLElement;
    fresh.querySelector<HTMLTextAreaElement>('#narasi')!.value = 'lama';
    row.replaceWith(fresh);
  }, { once: true });
}

describe('a field removed mid-write', () => {
  it('a textarea replaced on input: not_on_page, nothing to undo', () => {
    rerenderOn(element('#narasi'), 'input');
    const field = bound('textarea', '#narasi');

    const result = writeText(field, 'Narasi baru');

    expect(result).toMatchObject({ ok: false, reason: 'not_on_page', undo: null });
    expect(element<HTMLTextAreaElement>('#narasi').value).toBe('lama');
  });

  it('a row removed on change, without a replacement', () => {
    element('#narasi').addEventListener('change', () => element('#row').remove());

    expect(writeText(bound('textarea', '#narasi'), 'Narasi baru')).toMatchObject({ ok: false, reason: 'not_on_page' });
  });

  it('a rich editor removed on input', () => {
    element('#editor').addEventListener('input', () => element('#editor').remove());

    expect(writeText(bound('editable', '#editor'), 'Narasi baru')).toMatchObject({ ok: false, reason: 'not_on_page' });
  });

  it('a list of links whose add button re-renders it', () => {
    rerenderOn(element('#tambah'), 'click');

    const result = writeLinks(bound('list', '#bukti', 'evidence'), ['https://a.example.go.id/1', 'https://a.example.go.id/2']);

    expect(result.ok).toBe(false);
  });

  it('the content script records nothing as inserted and offers no undo', async () => {
    rerenderOn(element('#narasi'), 'input');
    const row = { code: 'A.I.1.i.a', fields: [bound('textarea', '#narasi')] } as unknown as RecognizedRow;

    const reply = writeInto(row, 'narrative', (field) => writeText(field, 'Narasi baru'));

    expect(reply).toEqual({ ok: false, reason: 'not_on_page' });
    await new Promise((done) => setTimeout(done, 10));
    expect(sendRequest).not.toHaveBeenCalled();
    expect(canUndo('A.I.1.i.a', 'narrative')).toBe(false);
  });

  it('a field that stays on the page is still written and recorded', async () => {
    const row = { code: 'A.I.1.i.b', fields: [bound('textarea', '#narasi')] } as unknown as RecognizedRow;

    expect(writeInto(row, 'narrative', (field) => writeText(field, 'Narasi baru'))).toMatchObject({ ok: true, readBack: 'Narasi baru' });
    await vi.waitFor(() => expect(sendRequest).toHaveBeenCalledOnce());
  });
});
