import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { enabledPortalPatterns } from '@/entrypoints/background/portalPatterns';
import { createDraft } from '@/lib/db/repositories/drafts';
import { addEvidenceFor } from '@/lib/db/repositories/evidence';
import type { LkeDatabase } from '@/lib/db/schema';
import { type Reply, type RequestType, requests } from '@/lib/messaging/protocol';
import { createRouter, type MessageSenderLike, type Router } from '@/lib/messaging/router';
import { openTestDatabase } from '../db/testDatabase';
import { fakeSiteApis, siteAccessOver } from '../support/siteAccess';

// The background's router over its real handlers and a database with data in every kind of row,
// attacked with random and malformed messages and with senders that are not this extension's
// content scripts or pages. Every attack must get a refusal with a clear error, and neither the
// database (every table, dumped whole) nor the extension's storage may change.

const EXTENSION_ID = 'asistenlkeextensionidaaaaaaaaaaa';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const PORTAL = 'https://portalrb.menpan.go.id/lke/form?unit=9';
const NOW = new Date(2026, 2, 14, 10, 0);

const contentScript: MessageSenderLike = { id: EXTENSION_ID, url: PORTAL, tab: { id: 7 } };
const sidePanel: MessageSenderLike = { id: EXTENSION_ID, url: `${ORIGIN}/sidepanel.html` };

/** A valid payload of every request type; the attacks below break one thing at a time. */
const VALID: { [T in RequestType]: unknown } = {
  'portal.snapshot': { url: PORTAL, rows: [{ code: 'A.I.1.i.a', answer: 'Tidak', narrative: 'Ditimpa', evidence: [] }] },
  'panel.focus': { code: 'A.I.1.i.a' },
  'context.get': {},
  'sites.list': {},
  'sites.enable': { site: 'https://zi.example.go.id' },
  'sites.disable': { site: 'https://zi.example.go.id' },
  'sites.status': {},
  'calibration.forPage': { url: PORTAL },
  'calibration.save': {
    origin: 'https://portalrb.menpan.go.id',
    pathPattern: '/lke/*',
    pattern: { version: 1, row: 'tr', question: ':scope > td', answer: null, narrative: null, evidence: null },
  },
  'calibration.list': {},
  'calibration.remove': { origin: 'https://portalrb.menpan.go.id', pathPattern: '/lke/*' },
  'overlay.forPage': { url: PORTAL, codes: ['A.I.1.i.a'] },
  'autosave.record': { url: PORTAL, edits: [{ code: 'A.I.1.i.a', field: 'narrative', text: 'Ditimpa', at: NOW.getTime() }] },
};
const TYPES = Object.keys(requests) as RequestType[];
/** Requests that write: a valid one from an allowed sender would change the dump, so it must never get through. */
const WRITES: RequestType[] = ['portal.snapshot', 'sites.enable', 'sites.disable', 'calibration.save', 'calibration.remove', 'autosave.record', 'panel.focus'];

let db: LkeDatabase;
let router: Router;
let pushes = 0;
let siteApis: ReturnType<typeof fakeSiteApis>;

beforeAll(async () => {
  db = openTestDatabase();
  siteApis = fakeSiteApis({ granted: ['https://zi.example.go.id/*'], tabs: [{ id: 7, url: PORTAL, active: true }] });
  const handlers = createHandlers({
    db,
    storage: fakeBrowser.storage.session,
    sidePanel: { open: async () => {} },
    sidebarAction: undefined,
    now: () => NOW,
    defaultUnitName: 'Unit Uji',
    push: () => void pushes++,
    siteAccess: siteAccessOver(siteApis),
  });
  router = createRouter({
    handlers,
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    portalPatterns: enabledPortalPatterns,
    checkResults: true,
    log: () => {},
  });
  // Rows in every table the requests could touch: context, page states, revisions, a calibration,
  // a draft and evidence; a user site enabled.
  const ok = async (type: RequestType, sender: MessageSenderLike) => {
    const reply = await router.handle({ type, payload: VALID[type] }, sender);
    expect(reply, type).toMatchObject({ ok: true });
  };
  await ok('context.get', sidePanel);
  await ok('portal.snapshot', contentScript);
  await ok('autosave.record', contentScript);
  await ok('calibration.save', contentScript);
  await ok('sites.enable', sidePanel);
  const [period] = await db.periods.toArray();
  await createDraft(db, { periodId: period!.id!, code: 'A.I.1.i.a', name: 'final', text: 'Draf asli' }, NOW);
  await addEvidenceFor(db, { periodId: period!.id!, title: 'SK Tim', url: 'https://drive.example.go.id/sk.pdf' }, 'A.I.1.i.a', NOW);
  const filled = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
  for (const name of ['units', 'periods', 'pageStates', 'drafts', 'revisions', 'evidence', 'evidenceLinks', 'settings']) {
    expect(Object.fromEntries(filled)[name], name).toBeGreaterThan(0);
  }
});

/** Every row of every table, the extension's storage and the registered scripts. */
async function dump(): Promise<unknown> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return {
    tables,
    local: await fakeBrowser.storage.local.get(null),
    session: await fakeBrowser.storage.session.get(null),
    scripts: [...siteApis.registered.values()],
    pushes,
  };
}

function expectRefused(reply: Reply, codes: readonly string[]): void {
  expect(reply.ok).toBe(false);
  if (reply.ok) return;
  expect(codes).toContain(reply.error.code);
  // A message a person can read, naming no internals.
  expect(reply.error.message.length).toBeGreaterThan(10);
  expect(reply.error.message).not.toMatch(/at .*\.ts|stack|Dexie|IDB/);
}

const RUNS = 300;

describe('background router under attack', () => {
  it('refuses random messages of any shape from its own content script and pages', async () => {
    const before = await dump();
    let attacks = 0;
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), fc.boolean(), async (message, fromPage) => {
        attacks++;
        expectRefused(await router.handle(message, fromPage ? sidePanel : contentScript), ['malformed', 'unknown_type']);
      }),
      { numRuns: RUNS },
    );
    expect(attacks).toBe(RUNS);
    expect(await dump()).toEqual(before);
  });

  it('refuses random payloads for every request type', async () => {
    const before = await dump();
    const payload = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom('url', 'rows', 'code', 'edits', 'site', 'origin', 'pathPattern', 'pattern', 'codes', 'tabId', '__proto__', 'constructor'), fc.anything()),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES), payload, async (type, raw) => {
        // Random objects are valid payloads of the requests that take none: those are the reads below.
        fc.pre(!requests[type].payload.safeParse(raw).success);
        const sender = (requests[type].from as readonly string[]).includes('content') ? contentScript : sidePanel;
        expectRefused(await router.handle({ type, payload: raw }, sender), ['malformed']);
      }),
      { numRuns: RUNS },
    );
    expect(await dump()).toEqual(before);
  });

  it('refuses valid-looking payloads broken in one place', async () => {
    const long = 'x'.repeat(200_001);
    const broken: [RequestType, unknown][] = [
      ['autosave.record', { url: PORTAL, edits: [{ code: 'A.I.1.i.a', field: 'narrative', text: long, at: 1 }] }],
      ['autosave.record', { url: PORTAL, edits: Array(51).fill({ code: 'A.I.1.i.a', field: 'narrative', text: 'x', at: 1 }) }],
      ['autosave.record', { url: PORTAL, edits: [{ code: '<img src=x onerror=alert(1)>', field: 'narrative', text: 'x', at: 1 }] }],
      ['autosave.record', { url: PORTAL, edits: [{ code: 'A.I.1.i.a', field: 'password', text: 'x', at: 1 }] }],
      ['autosave.record', { url: PORTAL, edits: [{ code: 'A.I.1.i.a', field: 'narrative', text: 'x', at: -1 }] }],
      ['autosave.record', { url: 'javascript:alert(1)', edits: {} }],
      ['portal.snapshot', { url: PORTAL, rows: Array(2001).fill({ code: 'A.I.1.i.a', answer: null, narrative: null, evidence: [] }) }],
      ['portal.snapshot', { url: PORTAL, rows: [{ code: 'A.I.1.i.a', answer: 'x'.repeat(65), narrative: null, evidence: [] }] }],
      ['portal.snapshot', { url: PORTAL, rows: [{ code: 'A.I.1.i.a', answer: null, narrative: null, evidence: Array(101).fill('https://a.b') }] }],
      ['portal.snapshot', { url: PORTAL, rows: [{ code: 'A.I.1.i.a', answer: null, narrative: { toString: 'x' }, evidence: [] }] }],
      ['portal.snapshot', JSON.parse('{"url":"https://portalrb.menpan.go.id/","rows":[{"code":"A.I.1.i.a","__proto__":{"polluted":true}}]}')],
      ['panel.focus', { code: 'A.I.1.i.a'.repeat(10) }],
      ['panel.focus', { code: ['A.I.1.i.a'] }],
      ['calibration.save', { ...(VALID['calibration.save'] as object), pattern: { version: 2, row: 'tr', question: 'td', answer: null, narrative: null, evidence: null } }],
      ['calibration.save', { ...(VALID['calibration.save'] as object), origin: 'not a url' }],
      ['calibration.forPage', { url: 'x'.repeat(5000) }],
      ['overlay.forPage', { url: PORTAL, codes: Array(2001).fill('A.I.1.i.a') }],
      ['sites.enable', { site: 'https://*.go.id' }],
      ['sites.enable', { site: '<all_urls>' }],
      ['sites.enable', { site: 'file:///etc/passwd' }],
      ['sites.enable', { site: 'https://zi.example.go.id/path' }],
      ['sites.disable', { site: 'javascript:alert(1)' }],
      ['sites.status', { tabId: -1 }],
      ['sites.status', { tabId: 1.5 }],
      ['calibration.remove', { origin: 42, pathPattern: '/lke/*' }],
    ];
    const before = await dump();
    for (const [type, payload] of broken) {
      const sender = (requests[type].from as readonly string[]).includes('content') ? contentScript : sidePanel;
      const reply = await router.handle({ type, payload }, sender);
      expect(reply.ok, `${type} ${JSON.stringify(payload).slice(0, 120)}`).toBe(false);
      expectRefused(reply, ['malformed']);
      if (!reply.ok) expect(reply.error.message, type).toContain(type);
    }
    expect(await dump()).toEqual(before);
    // An own `__proto__` key is stripped by the schema, never merged into a prototype.
    const polluting = JSON.parse('{"url":"https://portalrb.menpan.go.id/","rows":[],"__proto__":{"polluted":true}}');
    expect(await router.handle({ type: 'portal.snapshot', payload: polluting }, contentScript)).toMatchObject({ ok: true, result: { stored: 0 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dump()).toEqual(before);
  });

  it('refuses every request from senders that are not its own content scripts or pages', async () => {
    const foreign: [string, MessageSenderLike][] = [
      ['another extension', { id: 'otherextensionidbbbbbbbbbbbbbbbb', url: 'chrome-extension://otherextensionidbbbbbbbbbbbbbbbb/x.html' }],
      ['another extension on a portal tab', { id: 'otherextensionidbbbbbbbbbbbbbbbb', url: PORTAL, tab: { id: 7 } }],
      ['no extension id', { url: `${ORIGIN}/sidepanel.html` }],
      ['no url', { id: EXTENSION_ID, tab: { id: 7 } }],
      ['a web page that is not a portal', { id: EXTENSION_ID, url: 'https://evil.example/lke', tab: { id: 8 } }],
      ['a look-alike portal host', { id: EXTENSION_ID, url: 'https://portalrb.menpan.go.id.evil.example/lke', tab: { id: 8 } }],
      ['a portal over plain http', { id: EXTENSION_ID, url: 'http://portalrb.menpan.go.id/lke', tab: { id: 8 } }],
      ['a portal page without a tab', { id: EXTENSION_ID, url: PORTAL }],
      ['a look-alike extension origin', { id: EXTENSION_ID, url: `${ORIGIN}evil/sidepanel.html`, tab: { id: 8 } }],
      ['a data: URL', { id: EXTENSION_ID, url: 'data:text/html,<script>x</script>', tab: { id: 8 } }],
      ['a javascript: URL', { id: EXTENSION_ID, url: 'javascript:alert(1)', tab: { id: 8 } }],
      ['a file page', { id: EXTENSION_ID, url: 'file:///home/user/lke.html', tab: { id: 8 } }],
    ];
    const before = await dump();
    let attacks = 0;
    for (const type of TYPES) {
      for (const [name, sender] of foreign) {
        attacks++;
        const reply = await router.handle({ type, payload: VALID[type] }, sender);
        expect(reply.ok, `${type} from ${name}`).toBe(false);
        expectRefused(reply, ['forbidden_sender']);
      }
      // Each request only from the kind of sender it is for: a portal page may not manage sites.
      for (const sender of [contentScript, sidePanel]) {
        const kind = sender === contentScript ? 'content' : 'page';
        if ((requests[type].from as readonly string[]).includes(kind)) continue;
        attacks++;
        const reply = await router.handle({ type, payload: VALID[type] }, sender);
        expectRefused(reply, ['forbidden_sender']);
        if (!reply.ok) expect(reply.error.message).toContain(type);
      }
    }
    expect(attacks).toBeGreaterThan(TYPES.length * foreign.length);
    expect(await dump()).toEqual(before);
  });

  it('refuses random senders with valid write requests', async () => {
    const before = await dump();
    const sender = fc.record(
      {
        id: fc.oneof(fc.string(), fc.constant(EXTENSION_ID)),
        url: fc.oneof(fc.webUrl(), fc.string(), fc.constant(`${ORIGIN}/../x`)),
        tab: fc.record({ id: fc.integer() }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), sender, async (type, raw) => {
        // Only the extension's own id, from a portal URL or its own origin, may get through.
        fc.pre(raw.id !== EXTENSION_ID || raw.url === undefined || !/^https:\/\/portalrb\.menpan\.go\.id\/|^chrome-extension:\/\/asistenlke/.test(raw.url));
        expectRefused(await router.handle({ type, payload: VALID[type] }, raw), ['forbidden_sender']);
      }),
      { numRuns: RUNS },
    );
    expect(await dump()).toEqual(before);
  });

  it('answers a portal tab teaching another site with an error and saves nothing', async () => {
    const before = await dump();
    const reply = await router.handle(
      { type: 'calibration.save', payload: { ...(VALID['calibration.save'] as object), origin: 'https://pmpzi.menpan.go.id' } },
      contentScript,
    );
    expectRefused(reply, ['internal', 'forbidden_sender']);
    expect(await dump()).toEqual(before);
  });
});
