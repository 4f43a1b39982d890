import { describe, expect, it, vi } from 'vitest';
import { autosaveHandlers } from '@/entrypoints/background/autosave';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { listRevisions } from '@/lib/db/repositories/drafts';
import { createRouter, type Handlers, type MessageSenderLike } from '@/lib/messaging/router';
import { openTestDatabase } from '../db/testDatabase';

// Fault: the same indicator open in two portal tabs, typed into in both within one editing burst.
// Each tab's text must stay in the history: neither may update the other's revision.

const NOW = new Date(2026, 2, 14, 10, 0);
const PORTAL = 'https://portalrb.menpan.go.id/lke/form?unit=9';
const CODE = 'A.I.1.i.a';

function setup() {
  let clock = NOW.getTime();
  const db = openTestDatabase();
  const router = createRouter({
    handlers: autosaveHandlers({ db, now: () => new Date(clock), defaultUnitName: 'Unit Uji', push: vi.fn() }) as Handlers,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    portalPatterns: () => ['https://portalrb.menpan.go.id/*'],
    checkResults: true,
  });
  const tab = (id: number): MessageSenderLike => ({ id: 'ext', url: PORTAL, tab: { id } });
  /** One autosave message from a tab, a few seconds after the last: well inside one burst. */
  const type = async (tabId: number, text: string) => {
    clock += 3_000;
    const reply = await router.handle({ type: 'autosave.record', payload: { url: PORTAL, edits: [{ code: CODE, field: 'narrative', text, at: clock }] } }, tab(tabId));
    expect(reply).toMatchObject({ ok: true });
  };
  const history = async () => {
    const { period } = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'x' });
    return (await listRevisions(db, period.id, CODE)).map((revision) => revision.text).sort();
  };
  return { type, history };
}

describe('two tabs editing the same indicator', () => {
  it('keeps the text of each tab as a revision of its own', async () => {
    const { type, history } = setup();

    await type(1, 'Tim ZI dibentuk');
    await type(1, 'Tim ZI dibentuk dengan SK Kepala');
    await type(2, 'Narasi dari tab kedua');
    await type(1, 'Tim ZI dibentuk dengan SK Kepala Kantor');
    await type(2, 'Narasi dari tab kedua, lebih lengkap');

    const texts = await history();
    expect(texts).toContain('Narasi dari tab kedua, lebih lengkap');
    expect(texts).toContain('Tim ZI dibentuk dengan SK Kepala Kantor');
    // What each tab showed before the other wrote is kept too.
    expect(texts).toContain('Tim ZI dibentuk dengan SK Kepala');
    expect(texts).toContain('Narasi dari tab kedua');
  });

  it('one tab typing on is still one revision per burst', async () => {
    const { type, history } = setup();

    await type(1, 'Satu');
    await type(1, 'Satu dua');
    await type(1, 'Satu dua tiga');

    expect(await history()).toEqual(['Satu dua tiga']);
  });
});
