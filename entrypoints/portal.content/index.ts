import { defineContentScript } from 'wxt/utils/define-content-script';
import { createTemplateRecognizer } from '@/lib/portal/engine';
import { KNOWN_PORTAL_MATCHES } from '@/lib/portal/origins';
import { badges } from './badges';
import { type Feature, type RowsEvent, startFeatures } from './features';
import { startRecognitionLoop } from './recognition-loop';
import { snapshot } from './snapshot';

const FEATURES: readonly Feature[] = [badges, snapshot];

export default defineContentScript({
  // Loopback is added for the e2e build in wxt.config.ts.
  matches: KNOWN_PORTAL_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const loop = startRecognitionLoop(document, createTemplateRecognizer(), ctx.signal);
    if (__E2E__) exposeStats(loop.subscribe);
    void startFeatures(FEATURES, {
      signal: ctx.signal,
      onRows: loop.subscribe,
      currentRows: loop.current,
    });
  },
});

/** The e2e build tells tests and the demo how many rows it recognised and how fast. */
function exposeStats(subscribe: (listener: (event: RowsEvent) => void) => void): void {
  subscribe(({ rows, elapsed }) => {
    document.documentElement.dataset.lkeStats = JSON.stringify({
      rows: rows.length,
      codes: new Set(rows.map((row) => row.code)).size,
      elapsedMs: Math.round(elapsed * 100) / 100,
    });
  });
}
