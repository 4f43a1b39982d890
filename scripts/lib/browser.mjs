// Launches Debian's Chromium with the built extension loaded, for the end-to-end tests, the demo
// and the benchmarks. Playwright never downloads a browser here: it drives the system one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium tidak ditemukan / Chromium not found. Install it with ' +
        '`sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core` ' +
        'or set CHROMIUM_PATH to a Chromium binary (branded Google Chrome ignores --load-extension).',
    );
  }
  return found;
}

/**
 * @param {{ extensionDir?: string, headless?: boolean }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, extensionId: string,
 *   serviceWorker: import('playwright-core').Worker, close: () => Promise<void> }>}
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:e2e\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'asisten-lke-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    locale: 'id-ID',
    // Chromium takes its UI language, which chrome.i18n follows, from the environment on Linux.
    env: { ...process.env, LANGUAGE: 'id', LANG: 'id_ID.UTF-8' },
    viewport: { width: 1280, height: 900 },
    args: [
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
    ],
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
