import { defineContentScript } from 'wxt/utils/define-content-script';
import { createTemplateRecognizer } from '@/lib/portal/engine';
import { KNOWN_PORTAL_MATCHES } from '@/lib/portal/origins';
import { badges } from './badges';
import { type Feature, startFeatures } from './features';
import { type RunListener, startRecognitionLoop } from './recognition-loop';
import { snapshot } from './snapshot';

const FEATURES: readonly Feature[] = [badges, snapshot];

export default defineContentScript({
  // Loopback is added for the e2e build in wxt.config.ts.
  matches: KNOWN_PORTAL_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const loop = startRecognitionLoop(document, createTemplateRecognizer(), ctx.signal, __E2E__ ? exposeStats() : undefined);
    void startFeatures(FEATURES, {
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
