// Chromium for timing pages as users meet them. Playwright turns on the DevTools network, page and
// runtime domains of every page it knows, so the browser reports each request of the timed page to
// the client while the page loads; with only those three domains on, a dashboard load took about
// 13 ms longer here. This launcher drives Chromium over the DevTools pipe and enables nothing on
// the page: it only evaluates expressions, navigates and takes screenshots, with the subset of
// Playwright's Page interface that the benchmarks use (scripts/lib/dashboardLoads.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ENV, VIEWPORT, chromiumArgs, chromiumPath, requireBuiltExtension } from './browser.mjs';

/** The DevTools protocol over the pipe Chromium opens on file descriptors 3 (in) and 4 (out). */
function connect(child) {
  const pending = new Map();
  let nextId = 0;
  let buffered = '';
  child.stdio[4].setEncoding('utf8');
  child.stdio[4].on('data', (chunk) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const waiting = pending.get(message.id);
      if (!waiting) continue;
      pending.delete(message.id);
      if (message.error) waiting.fail(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.done(message.result);
    }
  });
  child.on('exit', () => {
    for (const { method, fail } of pending.values()) fail(new Error(`${method}: Chromium exited`));
    pending.clear();
  });
  return (method, params = {}, sessionId = undefined) =>
    new Promise((done, fail) => {
      const id = ++nextId;
      pending.set(id, { method, done, fail });
      child.stdio[3].write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
}

/**
 * A page of the quiet browser with Playwright's `evaluate`, `goto` and `screenshot`.
 * @param {(method: string, params?: object, sessionId?: string) => Promise<any>} send
 */
async function openPage(send, url) {
  const { targetId } = await send('Target.createTarget', { url });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const page = {
    /** Runs `fn(arg)` in the page and returns its (awaited, JSON-serializable) result. */
    async evaluate(fn, arg) {
      const expression = `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
      const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (exceptionDetails) throw new Error(`evaluate: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
    /** Starts a navigation; like Playwright's `waitUntil: 'commit'`, it does not wait for the load. */
    async goto(address) {
      const { errorText } = await send('Page.navigate', { url: address }, sessionId);
      if (errorText) throw new Error(`goto ${address}: ${errorText}`);
    },
    async screenshot({ path, fullPage = false }) {
      const size = fullPage
        ? await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }))
        : null;
      const { data } = await send(
        'Page.captureScreenshot',
        { format: 'png', ...(size ? { captureBeyondViewport: true, clip: { x: 0, y: 0, ...size, scale: 1 } } : {}) },
        sessionId,
      );
      writeFileSync(path, Buffer.from(data, 'base64'));
    },
  };
  return page;
}

/**
 * Launches Debian's Chromium headless with the built extension, on a fresh profile.
 * @param {{ extensionDir: string }} options
 */
export async function launchQuietChromium({ extensionDir }) {
  requireBuiltExtension(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'asisten-lke-quiet-'));
  const child = spawn(
    chromiumPath(),
    ['--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, `--window-size=${VIEWPORT.width},${VIEWPORT.height}`, ...chromiumArgs(extensionDir), 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], env: CHROMIUM_ENV },
  );
  const send = connect(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    // Closed as a user closes it, so no process still writes to the profile when it is removed.
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await send('Browser.close').catch(() => child.kill());
    await exited;
    clearTimeout(killer);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    let worker;
    for (let waited = 0; !worker; waited += 100) {
      if (waited > 30_000) throw new Error(`the extension in ${extensionDir} started no service worker within 30 s`);
      const { targetInfos } = await send('Target.getTargets');
      worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
      if (!worker) await sleep(100);
    }
    return { extensionId: new URL(worker.url).host, newPage: (url) => openPage(send, url), close };
  } catch (error) {
    await close();
    throw error;
  }
}
