import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { commands } from '@/entrypoints/portal.content/commands';
import { sendRequest } from '@/lib/messaging/client';
import { TabCommandSchema } from '@/lib/messaging/protocol';
import { createTemplateRecognizer } from '@/lib/portal/engine';

// The content script's tab commands (the only messages that write into the portal) under attack:
// random and malformed commands from the extension itself, and valid ones from anyone else, must
// leave the portal page exactly as it was and record nothing.

vi.mock('@/lib/messaging/client', () => ({ sendRequest: vi.fn(async () => ({ saved: 1 })) }));
const send = vi.mocked(sendRequest);

type Listener = (message: unknown, sender: { id?: string; tab?: unknown; url?: string }, respond: (reply: unknown) => void) => unknown;

const EDITORS = resolve(import.meta.dirname, '../../fixtures/portals/editors/index.html');
const controller = new AbortController();
let listener: Listener;

beforeAll(() => {
  const html = readFileSync(EDITORS, 'utf8');
  document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('<script'));
  const rows = createTemplateRecognizer().recognize(document.body);
  expect(rows.map((row) => row.code)).toEqual(['A.I.1.i.a', 'A.I.1.ii.a', 'A.I.1.iii.b']);
  const add = vi.spyOn(browser.runtime.onMessage, 'addListener');
  void commands.init({ signal: controller.signal, onRows: () => {}, currentRows: () => rows });
  listener = add.mock.calls.at(-1)![0] as unknown as Listener;
  // The listener does answer the extension's own valid commands (here one that writes nothing).
  const respond = vi.fn();
  expect(listener({ type: 'field.undo', code: 'A.I.1.i.a', field: 'narrative' }, { id: browser.runtime.id }, respond)).toBe(true);
  expect(respond).toHaveBeenCalledWith({ ok: false, reason: 'nothing_to_undo' });
});
afterAll(() => controller.abort());

/** Every value the form holds. */
const pageState = () =>
  JSON.stringify([
    ...Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'), (field) =>
      field instanceof HTMLInputElement && field.type === 'radio' ? field.checked : field.value,
    ),
    ...Array.from(document.querySelectorAll('[contenteditable]'), (editable) => editable.innerHTML),
  ]);

function expectIgnored(message: unknown, sender: Parameters<Listener>[1] = { id: browser.runtime.id }) {
  const before = pageState();
  const respond = vi.fn();
  const returned = listener(message, sender, respond);
  expect(returned).toBeUndefined();
  expect(respond).not.toHaveBeenCalled();
  expect(pageState()).toBe(before);
}

const CODES = ['A.I.1.i.a', 'A.I.1.ii.a', 'A.I.1.iii.b'];

describe('tab commands under attack', () => {
  it('ignores random messages from the extension itself', () => {
    fc.assert(
      fc.property(fc.anything(), (message) => {
        fc.pre(!TabCommandSchema.safeParse(message).success);
        expectIgnored(message);
      }),
      { numRuns: 300 },
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('ignores command-shaped messages broken anywhere', () => {
    const shaped = fc.record(
      {
        type: fc.constantFrom('narrative.insert', 'evidence.insert', 'field.undo', 'row.focus', 'calibration.start', 'narrative.replace'),
        code: fc.oneof(fc.constantFrom(...CODES), fc.string(), fc.constant('<img src=x onerror=alert(1)>')),
        text: fc.oneof(fc.string(), fc.anything()),
        links: fc.oneof(fc.array(fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://a.b/c'))), fc.anything()),
        field: fc.oneof(fc.constantFrom('narrative', 'evidence', 'answer', 'count'), fc.anything()),
      },
      { requiredKeys: ['type'] },
    );
    let tried = 0;
    fc.assert(
      fc.property(shaped, (message) => {
        // Valid commands write; they are the product working, not an attack (row.focus writes nothing).
        const parsed = TabCommandSchema.safeParse(message);
        fc.pre(!parsed.success || parsed.data.type === 'calibration.start');
        tried++;
        expectIgnored(message);
      }),
      { numRuns: 300 },
    );
    expect(tried).toBeGreaterThan(100);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses links that are not http(s), over-long texts and too many links', () => {
    for (const link of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'file:///etc/passwd']) {
      expectIgnored({ type: 'evidence.insert', code: 'A.I.1.i.a', links: [link] });
    }
    expectIgnored({ type: 'evidence.insert', code: 'A.I.1.i.a', links: [] });
    expectIgnored({ type: 'evidence.insert', code: 'A.I.1.i.a', links: Array(101).fill('https://a.example.go.id/x') });
    expectIgnored({ type: 'narrative.insert', code: 'A.I.1.i.a', text: 'x'.repeat(200_001) });
    expect(send).not.toHaveBeenCalled();
  });

  it('ignores valid commands from anyone but the extension’s own pages and background', () => {
    const senders = [
      { id: browser.runtime.id, tab: { id: 3 }, url: 'https://evil.example/' },
      { id: 'another-extension-id' },
      {},
      { id: undefined, url: 'https://portalrb.menpan.go.id/' },
    ];
    for (const sender of senders) {
      for (const code of CODES) {
        expectIgnored({ type: 'narrative.insert', code, text: 'PALSU' }, sender);
        expectIgnored({ type: 'evidence.insert', code, links: ['https://evil.example/x'] }, sender);
        expectIgnored({ type: 'field.undo', code, field: 'narrative' }, sender);
      }
    }
    expect(send).not.toHaveBeenCalled();
  });
});
