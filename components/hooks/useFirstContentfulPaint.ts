import { useEffect, useState } from 'react';

/** The browser reports the first frame with text or images in it under this name (Paint Timing). */
const FIRST_CONTENTFUL_PAINT = 'first-contentful-paint';

/**
 * False until the browser has presented the page's first frame with content. Between the page
 * painting a frame and the browser presenting it, the frame is still rasterized and composited;
 * work started in that gap (a chunk to load, a large render, a database read) competes with it for
 * the processor, so work that can wait for the first frame waits for this. Where paint timing is
 * missing, or never reports (a tab opened in the background), `fallbackMs` stands in.
 */
export function useFirstContentfulPaint(fallbackMs = 2_000): boolean {
  const [presented, setPresented] = useState(false);
  useEffect(() => {
    if (presented) return;
    const done = () => setPresented(true);
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      done();
      return;
    }
    const fallback = setTimeout(done, fallbackMs);
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName(FIRST_CONTENTFUL_PAINT).length > 0) done();
    });
    observer.observe({ type: 'paint', buffered: true });
    return () => {
      clearTimeout(fallback);
      observer.disconnect();
    };
  }, [presented, fallbackMs]);
  return presented;
}
