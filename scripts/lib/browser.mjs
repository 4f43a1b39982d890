// Launches Debian's Chromium with the built extension loaded, for the end-to-end tests, the demo
// and the benchmarks. Playwright never downloads a browser here: it drives the system one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const E2E_EXTENSION_DIR = process.env.LKE_EXTENSION_DIR
  ? resolve(process.env.LKE_EXTENSION_DIR)
  : resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');

const DEBIAN_PACKAGES = ['chromium', 'chromium-l10n', 'fonts-dejavu-core'];

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

/**
 * On a fresh Debian machine, as root (CI, a container), installs Debian's Chromium with its
 * translations (the extension's UI follows the browser language) and a font; elsewhere says how.
 */
function installChromiumIfPossible() {
  const missingTranslations = findChromium() && existsSync('/usr/lib/chromium') && !existsSync('/usr/lib/chromium/locales/id.pak');
  if (process.env.CHROMIUM_PATH || (findChromium() && !missingTranslations)) return;
  installDebianPackages(DEBIAN_PACKAGES);
}

/** As root on Debian (CI, a container), installs Debian packages once; elsewhere does nothing. */
export function installDebianPackages(packages) {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  console.log(`Memasang ${packages.join(', ')} dari paket Debian (sekali saja)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function chromiumPath() {
  installChromiumIfPossible();
  const found = findChromium();
  if (!found) {
    throw new Error(
      'Chromium tidak ditemukan / Chromium not found. Install it with ' +
        `\`sudo apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}\` ` +
        'or set CHROMIUM_PATH to a Chromium binary (branded Google Chrome ignores --load-extension).',
    );
  }
  return found;
}

/**
 * Playwright starts Chromium with --disable-dev-shm-usage, meant for containers whose /dev/shm is
 * tiny: Chromium then keeps its shared memory (every file a page loads passes through it) in files
 * under /tmp, on disk. Where /dev/shm has room, Chromium runs as it does on a user's machine; here
 * that made a dashboard load about 20 ms faster.
 */
function sharedMemoryHasRoom() {
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    return bavail * bsize >= 1024 ** 3;
  } catch {
    return false;
  }
}

/** The window size of every launch here, so screenshots look alike. */
export const VIEWPORT = { width: 1280, height: 900 };

/** Chromium takes its UI language, which chrome.i18n follows, from the environment on Linux. */
export const CHROMIUM_ENV = { ...process.env, LANGUAGE: 'id', LANG: 'id_ID.UTF-8' };

/**
 * The switches every launch here adds: the extension, Indonesian, and none of Chromium's own
 * traffic (test machines have no network, and without these Chromium keeps trying to reach it).
 * @param {string} extensionDir
 */
export function chromiumArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--lang=id',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
  ];
}

/** A built extension's folder, or an error saying how to build it. */
export function requireBuiltExtension(extensionDir) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e\` first.`);
  }
}

/**
 * @param {{ extensionDir?: string, headless?: boolean }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, extensionId: string,
 *   serviceWorker: import('playwright-core').Worker, close: () => Promise<void> }>}
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION_DIR;
  requireBuiltExtension(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'asisten-lke-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    locale: 'id-ID',
    env: CHROMIUM_ENV,
    viewport: VIEWPORT,
    ignoreDefaultArgs: sharedMemoryHasRoom() ? ['--disable-dev-shm-usage'] : [],
    args: chromiumArgs(extensionDir),
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
