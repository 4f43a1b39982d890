import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { useFirstContentfulPaint } from '@/components/hooks/useFirstContentfulPaint';
import { App } from '@/entrypoints/dashboard/App';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { loadPeriodOverview } from '@/lib/db/repositories/periodOverview';
import type { LkeDatabase } from '@/lib/db/schema';
import { computeScore } from '@/lib/lke/scoring';
import { createTestDatabase, emptyPageState } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

/**
 * Stands in for the browser's PerformanceObserver with paint timing: the test decides which
 * paint entries the browser reports, and when.
 */
class FakePaintObserver {
  static supportedEntryTypes = ['paint'];
  static live = new Set<FakePaintObserver>();
  constructor(private readonly callback: (entries: { getEntriesByName(name: string): unknown[] }) => void) {}
  observe() {
    FakePaintObserver.live.add(this);
  }
  disconnect() {
    FakePaintObserver.live.delete(this);
  }
  /** The browser reports these paints to every observer still listening. */
  static report(...names: string[]) {
    for (const observer of [...FakePaintObserver.live]) {
      observer.callback({ getEntriesByName: (name) => names.filter((reported) => reported === name) });
    }
  }
}

function Presented({ fallbackMs }: { fallbackMs?: number }) {
  return <p data-testid="presented">{String(useFirstContentfulPaint(fallbackMs))}</p>;
}
const presented = () => screen.getByTestId('presented').textContent;

beforeAll(installIndonesianMessages);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakePaintObserver.live.clear();
});

describe('useFirstContentfulPaint', () => {
  it('is true once the browser reports the first contentful paint, not on a first paint without content', () => {
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    render(<Presented />);
    expect(presented()).toBe('false');

    act(() => FakePaintObserver.report('first-paint'));
    expect(presented()).toBe('false');

    act(() => FakePaintObserver.report('first-paint', 'first-contentful-paint'));
    expect(presented()).toBe('true');
    expect(FakePaintObserver.live.size).toBe(0);
  });

  it('stops waiting after the fallback when the browser never reports (a tab opened in the background)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    render(<Presented fallbackMs={400} />);
    act(() => vi.advanceTimersByTime(399));
    expect(presented()).toBe('false');
    act(() => vi.advanceTimersByTime(1));
    expect(presented()).toBe('true');
  });

  it('does not wait where the browser has no paint timing', () => {
    vi.stubGlobal('PerformanceObserver', class extends FakePaintObserver {
      static override supportedEntryTypes = ['mark', 'measure'];
    });
    render(<Presented />);
    expect(presented()).toBe('true');
  });
});

describe('the dashboard before its first frame is on screen', () => {
  let database: LkeDatabase;
  let periodId: number;

  beforeEach(async () => {
    database = createTestDatabase();
    const { unit, period } = await ensureActiveContext(database, { now: new Date(2026, 2, 14), defaultUnitName: 'KPP Pratama Contoh' });
    periodId = period.id;
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener((_message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      sendResponse({ ok: true, result: { unitId: unit.id, unitName: unit.name, periodId, year: period.year } });
      return true;
    });
  });

  afterEach(() => database.close());

  it('shows the period read before the first render, and reads live and loads the details only once that frame is presented', async () => {
    const pageShows = (answers: Record<string, string>) =>
      database.pageStates.bulkPut(Object.entries(answers).map(([code, answer]) => emptyPageState(code, { periodId, answer })));
    await pageShows({ 'A.I.1.i.a': 'Ya' });
    const primed = await loadPeriodOverview(database, null, { lastYear: false });
    // Written after the primed read: only the live query can show it.
    await pageShows({ 'B.I.a': '3,65' });
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);

    render(
      <DatabaseProvider database={database}>
        <App primed={primed} />
      </DatabaseProvider>,
    );
    const total = () => document.querySelector('[data-lke-score="total"]')?.textContent;
    const primedTotal = computeScore(new Map([['A.I.1.i.a', 'Ya']])).total.toFixed(2);
    const liveTotal = computeScore(new Map([['A.I.1.i.a', 'Ya'], ['B.I.a', '3,65']])).total.toFixed(2);
    expect(primedTotal).not.toBe(liveTotal);
    expect(total()).toBe(primedTotal);
    // Time for a live query to answer and the details to render, had either started (they did
    // within this time here when not held back), and well before the hook's 2 s fallback.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(total()).toBe(primedTotal);
    expect(document.querySelector('tr[data-code]')).toBeNull();

    act(() => FakePaintObserver.report('first-contentful-paint'));
    await waitFor(() => expect(total()).toBe(liveTotal));
    await waitFor(() => expect(document.querySelector('tr[data-code="B.I.a"]')).not.toBeNull(), { timeout: 8_000 });
  }, 30_000);
});
