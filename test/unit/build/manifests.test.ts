// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInFirefox } from './firefox';

// The store builds as `npm run zip` makes them (wxt zip, for Chrome and Firefox), into a folder of
// their own: the permissions each manifest asks for are pinned here, so a new one is a decision
// made in this file (each is justified below and in the README's Privasi / Privacy section), and
// the archives hold what the stores need and nothing of the project's tests or run leftovers.

const ROOT = resolve(import.meta.dirname, '../../..');
const PORTALS = ['https://portalrb.menpan.go.id/*', 'https://pmpzi.menpan.go.id/*', 'https://www.pmpzi.menpan.go.id/*'];
/** Any one site the user enables in the side panel ("Aktifkan di situs ini"), asked for at that moment. */
const ONE_SITE_AT_RUN_TIME = ['https://*/*', 'http://*/*'];

/**
 * - storage: the enabled sites (local) and the indicator the side panel shows (session).
 * - unlimitedStorage: a whole LKE period of narratives, revisions and evidence in IndexedDB must
 *   never meet the origin's quota (TOOLCHAIN pitfall 9: persist() is refused without it).
 * - scripting: registers the content script on the sites the user enabled, and runs it at once in
 *   their open tabs.
 * - sidePanel (Chrome only): the side panel; Firefox uses its sidebar_action, which needs none.
 * - host permissions: only the known LKE portals; other sites only through the optional ones.
 */
const CHROME_PERMISSIONS = ['storage', 'unlimitedStorage', 'scripting', 'sidePanel'];
const FIREFOX_PERMISSIONS = ['storage', 'unlimitedStorage', 'scripting'];
/** Permissions no feature needs; any of them in a manifest is a mistake. */
const NEVER = ['<all_urls>', '*://*/*', 'tabs', 'activeTab', 'webRequest', 'webRequestBlocking', 'cookies', 'history', 'clipboardRead', 'clipboardWrite', 'downloads', 'management', 'nativeMessaging', 'debugger', 'identity', 'notifications', 'webNavigation', 'declarativeNetRequest'];

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  content_scripts?: { matches: string[]; js: string[] }[];
};

let out: string;
const built: Record<'chrome' | 'firefox', { dir: string; manifest: Manifest; zip: JSZip; sources?: JSZip }> = {} as never;

function wxtZip(browser: 'chrome' | 'firefox'): void {
  execFileSync('npx', ['wxt', 'zip', '-b', browser], {
    cwd: ROOT,
    env: { ...process.env, LKE_OUT_DIR: out },
    stdio: 'pipe',
    timeout: 180_000,
  });
}

async function openZip(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'asisten-lke-zip-'));
  wxtZip('chrome');
  wxtZip('firefox');
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  for (const [browser, folder] of [['chrome', 'chrome-mv3'], ['firefox', 'firefox-mv2']] as const) {
    const dir = join(out, folder);
    built[browser] = {
      dir,
      manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')),
      zip: await openZip(join(out, `asisten-lke-${version}-${browser}.zip`)),
    };
  }
  built.firefox.sources = await openZip(join(out, `asisten-lke-${version}-sources.zip`));
}, 300_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function everyPermission(manifest: Manifest): string[] {
  return ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'].flatMap(
    (key) => (manifest[key] as string[] | undefined) ?? [],
  );
}

describe('Chrome store build (MV3)', () => {
  it('asks for exactly the permissions the features need', () => {
    const { manifest } = built.chrome;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(CHROME_PERMISSIONS);
    expect(manifest.host_permissions).toEqual(PORTALS);
    expect(manifest.optional_host_permissions).toEqual(ONE_SITE_AT_RUN_TIME);
    expect(manifest.optional_permissions).toBeUndefined();
    for (const permission of NEVER) expect(everyPermission(manifest)).not.toContain(permission);
  });

  it('runs its content script on the portals only, lets no web page connect and exposes no file to pages', () => {
    const { manifest } = built.chrome;
    expect(manifest.content_scripts?.flatMap((script) => script.matches).sort()).toEqual([...PORTALS].sort());
    // Without these keys no web page can message the extension or load (and so detect) its files.
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    // The browser's default policy: no remote code, no eval.
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  });
});

describe('Firefox store build (MV2, as WXT emits by default)', () => {
  it('asks for the same permissions without the side panel, hosts listed as MV2 lists them', () => {
    const { manifest } = built.firefox;
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.permissions).toEqual([...FIREFOX_PERMISSIONS, ...PORTALS]);
    expect(manifest.optional_permissions).toEqual(ONE_SITE_AT_RUN_TIME);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    for (const permission of [...NEVER, 'sidePanel']) expect(everyPermission(manifest)).not.toContain(permission);
  });

  it('is a valid MV2 manifest: gecko id, background scripts, sidebar instead of side panel', () => {
    const { manifest } = built.firefox;
    expect(manifest.browser_specific_settings).toEqual({
      gecko: { id: expect.stringMatching(/^[\w.-]+@[\w.-]+$/), data_collection_permissions: { required: ['none'] } },
    });
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest).toMatchObject({ sidebar_action: { default_panel: 'sidepanel.html' }, browser_action: expect.any(Object) });
    expect(manifest.action).toBeUndefined();
    expect(manifest.content_scripts?.flatMap((script) => script.matches).sort()).toEqual([...PORTALS].sort());
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

describe('Firefox store archive in Firefox ESR', () => {
  it('is installed and enabled, and its pages log no error', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const id = 'asisten-lke@zona-integritas.id';
    const addon = await loadInFirefox(join(out, `asisten-lke-${version}-firefox.zip`), id);
    expect(addon, 'Firefox never recorded the add-on').not.toBeNull();
    expect({ active: addon!.active, appDisabled: addon!.appDisabled, userDisabled: addon!.userDisabled }).toEqual({
      active: true,
      appDisabled: false,
      userDisabled: false,
    });
    expect(addon!.output.split('\n').filter((line) => line.includes('moz-extension://'))).toEqual([]);
  }, 120_000);
});

describe.each(['chrome', 'firefox'] as const)('%s archive', (browser) => {
  it('holds the built extension: every file the manifest names, both languages, no source maps or sources', async () => {
    const { manifest, zip, dir } = built[browser];
    const files = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual(manifest);
    const named = [
      ...(manifest.content_scripts ?? []).flatMap((script) => script.js),
      ...(((manifest.background as { scripts?: string[] }).scripts ?? []) as string[]),
      (manifest.background as { service_worker?: string }).service_worker,
      'sidepanel.html',
      'dashboard.html',
      '_locales/id/messages.json',
      '_locales/en/messages.json',
    ].filter((name): name is string => typeof name === 'string');
    for (const name of named) expect(files, name).toContain(name);
    expect(files.filter((name) => /\.(map|ts|tsx)$/.test(name))).toEqual([]);
    // The archive is exactly the built folder.
    expect(files.sort()).toEqual(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort());
    expect(JSON.parse(await zip.file('_locales/id/messages.json')!.async('string')).extName.message).toBe('Asisten LKE');
  });
});

describe('Firefox sources archive', () => {
  it('holds what builds the extension and none of the tests, test pages or run leftovers', () => {
    const files = Object.keys(built.firefox.sources!.files);
    for (const name of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints/background/index.ts', 'lib/lke/data/permenpanrb-90-2021.json']) {
      expect(files, name).toContain(name);
    }
    expect(files.filter((name) => /^(test|artifacts|node_modules|\.output)/.test(name) || name.endsWith('.zip'))).toEqual([]);
  });
});
