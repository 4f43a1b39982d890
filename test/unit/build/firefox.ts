import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installDebianPackages } from '../../../scripts/lib/browser.mjs';

// Starts Debian's Firefox ESR headless on a fresh profile with a store archive installed the way
// a sideloaded add-on is, and reports how Firefox took it. ESR honours
// xpinstall.signatures.required=false, so the unsigned build can load; release Firefox would not.

const findFirefox = () => [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));

export function firefoxPath(): string {
  if (!findFirefox() && !process.env.FIREFOX_PATH) installDebianPackages(['firefox-esr']);
  const found = findFirefox();
  if (!found) {
    throw new Error(
      'Firefox tidak ditemukan / Firefox not found. Install it with `sudo apt-get install -y --no-install-recommends firefox-esr` or set FIREFOX_PATH.',
    );
  }
  return found;
}

/**
 * Preferences for a profile that loads the add-on and reaches no network: every request Firefox
 * makes of its own (updates, remote settings, telemetry) goes to a closed loopback port.
 */
const PREFERENCES: Record<string, string | number | boolean> = {
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 15,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'devtools.console.stdout.content': true,
};

export interface AddonState {
  active: boolean;
  appDisabled: boolean;
  userDisabled: boolean;
  /** What Firefox printed meanwhile, for errors of the add-on's own pages. */
  output: string;
}

/** Installs `xpi` as add-on `id` in a new profile, runs Firefox until it has recorded the add-on, and stops it. */
export async function loadInFirefox(xpi: string, id: string, timeoutMs = 90_000): Promise<AddonState | null> {
  const profile = mkdtempSync(join(tmpdir(), 'asisten-lke-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  copyFileSync(xpi, join(profile, 'extensions', `${id}.xpi`));
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFERENCES).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`).join('\n'));
  const firefox = spawn(firefoxPath(), ['--headless', '--no-remote', '--profile', profile, 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  firefox.stdout.on('data', (chunk) => (output += chunk));
  firefox.stderr.on('data', (chunk) => (output += chunk));
  try {
    // Firefox records a new add-on first as inactive, then starts it; one it refuses stays appDisabled.
    let addon: Omit<AddonState, 'output'> | null = null;
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && !addon?.active && !addon?.appDisabled; ) {
      await new Promise((settle) => setTimeout(settle, 1000));
      addon = recordedAddon(profile, id);
    }
    // The background page starts right after the add-on is recorded active; give it a moment to fail.
    if (addon?.active) await new Promise((settle) => setTimeout(settle, 3000));
    return addon && { ...addon, output };
  } finally {
    firefox.kill('SIGTERM');
    await new Promise((settle) => firefox.once('exit', settle));
    rmSync(profile, { recursive: true, force: true });
  }
}

function recordedAddon(profile: string, id: string): Omit<AddonState, 'output'> | null {
  const file = join(profile, 'extensions.json');
  if (!existsSync(file)) return null;
  try {
    const { addons } = JSON.parse(readFileSync(file, 'utf8')) as { addons: (Omit<AddonState, 'output'> & { id: string })[] };
    const addon = addons.find((candidate) => candidate.id === id);
    return addon ? { active: addon.active, appDisabled: addon.appDisabled, userDisabled: addon.userDisabled } : null;
  } catch {
    return null; // Firefox is still writing it.
  }
}
