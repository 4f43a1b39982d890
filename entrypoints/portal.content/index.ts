import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendRequest } from '@/lib/messaging/client';
import type { RowPattern } from '@/lib/portal/calibration';
import { createTemplateRecognizer, holdsTemplateQuestion } from '@/lib/portal/engine';
import { KNOWN_PORTAL_MATCHES } from '@/lib/portal/origins';
import { autosave } from './autosave';
import { badges } from './badges';
import { createCalibrationFeature } from './calibration';
import { commands } from './commands';
import { type Feature, startFeatures } from './features';
import { type RunListener, startRecognitionLoop } from './recognition-loop';
import { snapshot } from './snapshot';

export default defineContentScript({
  // Loopback is added for the e2e build in wxt.config.ts.
  matches: KNOWN_PORTAL_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // Row patterns the user taught for this site; recognition starts without waiting for them.
    const taught: RowPattern[] = [];
    const loop = startRecognitionLoop(
      document,
      createTemplateRecognizer(() => taught),
      // A taught page's questions need not be in the template's words: any text may be one there.
      (node) => (taught.length > 0 ? /[A-Za-z]{3}/.test(node.textContent ?? '') : holdsTemplateQuestion(node)),
      ctx.signal,
      __E2E__ ? exposeStats() : undefined,
    );
    const learn = (patterns: readonly RowPattern[]) => {
      taught.push(...patterns);
      loop.refresh();
    };
    sendRequest('calibration.forPage', { url: location.href })
      .then(({ patterns }) => patterns.length > 0 && learn(patterns))
      .catch((error: unknown) => console.warn('[Asisten LKE] taught patterns not loaded', error));

    const features: readonly Feature[] = [
      badges,
      snapshot,
      autosave,
      commands,
      createCalibrationFeature((pattern) => learn([pattern])),
    ];
    void startFeatures(features, {
      signal: ctx.signal,
      onRows: loop.subscribe,
      currentRows: loop.current,
    });
  },
});

/** The e2e build tells tests, the demo and the benchmarks what each recognition run found and how fast. */
function exposeStats(): RunListener {
  let runs = 0;
  return ({ rows, elapsed }) => {
    runs++;
    document.documentElement.dataset.lkeStats = JSON.stringify({
      runs,
      rows: rows.length,
      codes: [...new Set(rows.map((row) => row.code))],
      elapsedMs: Math.round(elapsed * 1000) / 1000,
    });
  };
}
