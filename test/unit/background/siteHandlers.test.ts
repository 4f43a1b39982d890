import { describe, expect, it } from 'vitest';
import { enabledPortalPatterns } from '@/entrypoints/background/portalPatterns';
import type { MessageSenderLike } from '@/lib/messaging/router';
import { KNOWN_PORTAL_MATCHES } from '@/lib/portal/origins';
import { backgroundRouter, fakeSiteApis, siteAccessOver } from '../support/siteAccess';

// The site requests through the real router and handlers, with the user's sites in the fake
// browser's storage.local: who may send them, what they accept, and what the router then trusts.

const EXTENSION_ID = 'ext';
const APP = 'https://lke.example.go.id';
const APP_PAGE = `${APP}/penilaian/7`;

const sidePanel: MessageSenderLike = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };
const appContentScript: MessageSenderLike = { id: EXTENSION_ID, url: APP_PAGE, tab: { id: 2 } };
const portalContentScript: MessageSenderLike = {
  id: EXTENSION_ID,
  url: 'https://portalrb.menpan.go.id/lke',
  tab: { id: 1 },
};

function setup() {
  const apis = fakeSiteApis({ granted: [`${APP}/*`], tabs: [{ id: 2, url: APP_PAGE, active: true }] });
  return backgroundRouter(siteAccessOver(apis), EXTENSION_ID);
}

describe('site requests from the side panel', () => {
  it('enable, list, report and remove a site with results that satisfy the protocol', async () => {
    const router = setup();
    const ask = (type: string, payload: unknown) => router.handle({ type, payload }, sidePanel);

    expect(await ask('sites.status', { tabId: 2 })).toEqual({
      ok: true,
      result: { page: 'web', tabId: 2, site: APP, enabled: 'no' },
    });
    expect(await ask('sites.enable', { site: APP })).toEqual({ ok: true, result: { outcome: 'enabled', sites: [APP] } });
    expect(await ask('sites.list', {})).toEqual({ ok: true, result: { sites: [APP] } });
    expect(await ask('sites.status', {})).toEqual({ ok: true, result: { page: 'web', tabId: 2, site: APP, enabled: 'user' } });
    expect(await ask('sites.disable', { site: APP })).toEqual({ ok: true, result: { sites: [] } });
  });

  it('refuses anything but a bare scheme://host site', async () => {
    const router = setup();
    for (const site of [`${APP}/*`, `${APP}/`, 'https://*.example.go.id', '<all_urls>', 'http://intranet', 42]) {
      const reply = await router.handle({ type: 'sites.enable', payload: { site } }, sidePanel);
      expect(reply, String(site)).toMatchObject({ ok: false, error: { code: 'malformed', detail: 'site' } });
    }
  });
});

describe('site requests from portal pages', () => {
  it('are refused: a page cannot enable the extension on other sites', async () => {
    const router = setup();
    for (const type of ['sites.list', 'sites.enable', 'sites.disable', 'sites.status']) {
      const reply = await router.handle({ type, payload: { site: APP } }, portalContentScript);
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });
});

describe('content scripts on a site the user enabled', () => {
  it('are heard only while the site is enabled', async () => {
    const router = setup();
    const contextFromApp = () => router.handle({ type: 'context.get', payload: {} }, appContentScript);

    expect(await contextFromApp()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });

    await router.handle({ type: 'sites.enable', payload: { site: APP } }, sidePanel);
    expect(await contextFromApp()).toMatchObject({ ok: true, result: { unitName: 'Unit Kerja Saya' } });
    expect(await enabledPortalPatterns()).toEqual([...KNOWN_PORTAL_MATCHES, `${APP}/*`]);

    await router.handle({ type: 'sites.disable', payload: { site: APP } }, sidePanel);
    expect(await contextFromApp()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
