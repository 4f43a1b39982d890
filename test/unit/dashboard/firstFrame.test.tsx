import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ts from 'typescript';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { SCORES_SHOWN_MARK } from '@/components/dashboard/DashboardView';
import { useFirstContentfulPaint } from '@/components/hooks/useFirstContentfulPaint';
import { App } from '@/entrypoints/dashboard/App';
import { LiveDashboard } from '@/entrypoints/dashboard/LiveDashboard';
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

  it('shows the period read before the first render, and reads live and shows the details only once that frame is presented', async () => {
    const pageShows = (answers: Record<string, string>) =>
      database.pageStates.bulkPut(Object.entries(answers).map(([code, answer]) => emptyPageState(code, { periodId, answer })));
    await pageShows({ 'A.I.1.i.a': 'Ya' });
    const primed = await loadPeriodOverview(database, null, { lastYear: false });
    // Written after the primed read: only the live query can show it.
    await pageShows({ 'B.I.a': '3,65' });
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);

    render(
      <DatabaseProvider database={database}>
        <App primed={primed} Live={LiveDashboard} />
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

  it('keeps the blank rule chosen in the first frame when the live dashboard takes over, and marks the scores shown once', async () => {
    await database.pageStates.bulkPut([emptyPageState('A.I.1.i.a', { periodId, answer: 'Ya' })]);
    const primed = await loadPeriodOverview(database, null, { lastYear: false });
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    performance.clearMarks(SCORES_SHOWN_MARK);
    render(
      <DatabaseProvider database={database}>
        <App primed={primed} Live={LiveDashboard} />
      </DatabaseProvider>,
    );
    const strict = computeScore(new Map([['A.I.1.i.a', 'Ya']]), 'zero').total.toFixed(2);
    expect(strict).not.toBe(computeScore(new Map([['A.I.1.i.a', 'Ya']]), 'excluded').total.toFixed(2));
    fireEvent.click(document.querySelector<HTMLInputElement>('input[name="blank-rule"][value="zero"]')!);
    expect(document.querySelector('[data-lke-score="total"]')?.textContent).toBe(strict);

    act(() => FakePaintObserver.report('first-contentful-paint'));
    // The period switcher is the live dashboard's: it is there once that took over.
    await waitFor(() => expect(screen.getByText(/KPP Pratama Contoh/)).toBeTruthy());
    expect(document.querySelector<HTMLInputElement>('input[name="blank-rule"][value="zero"]')?.checked).toBe(true);
    expect(document.querySelector('[data-lke-score="total"]')?.textContent).toBe(strict);
    expect(performance.getEntriesByName(SCORES_SHOWN_MARK)).toHaveLength(1);
  }, 30_000);
});

describe("the first frame's code", () => {
  const root = resolve(import.meta.dirname, '../../..');

  /** The files and packages a module loads before it runs: its static imports, not `import()` and not types. */
  function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const resolveFile = (from: string, importSpecifier: string): string | null => {
      const specifier = importSpecifier.replace(/\?.*$/, ''); // `?raw` and the like
      const base = specifier.startsWith('@/') ? resolve(root, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : null;
      if (base === null) return null;
      const found = ['', '.ts', '.tsx', '/index.ts'].map((suffix) => base + suffix).find((path) => existsSync(path) && !statSync(path).isDirectory());
      if (!found) throw new Error(`${specifier} (imported by ${relative(root, from)}) resolves to no file`);
      return found;
    };
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      if (!/\.tsx?$/.test(file)) return;
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
      for (const statement of source.statements) {
        let specifier: string | undefined;
        if (ts.isImportDeclaration(statement)) {
          const clause = statement.importClause;
          const typesOnly =
            clause?.isTypeOnly ||
            (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((element) => element.isTypeOnly));
          if (!typesOnly) specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
        } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
          specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
        }
        if (specifier === undefined || specifier.startsWith('#')) continue;
        const target = resolveFile(file, specifier);
        if (target) visit(target);
        else packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    };
    visit(resolve(root, entry));
    return { files: new Set([...files].map((file) => relative(root, file))), packages };
  }

  it('loads neither Dexie nor zod nor the messaging nor the live dashboard before the scores are shown', () => {
    const { files, packages } = staticGraph('entrypoints/dashboard/main.tsx');
    // What the first frame does need, so the walk is known to reach it.
    expect(files).toContain('lib/db/directOverview.ts');
    expect(files).toContain('components/dashboard/VerdictPanel.tsx');
    expect(packages).toContain('react-dom');
    expect([...packages].filter((name) => name.startsWith('dexie') || name === 'zod')).toEqual([]);
    expect([...files].filter((file) => file.startsWith('lib/messaging/') || file.endsWith('LiveDashboard.tsx') || file === 'lib/db/database.ts')).toEqual([]);
  });

  it('finds Dexie and zod where a module does load them', () => {
    const { packages, files } = staticGraph('entrypoints/dashboard/LiveDashboard.tsx');
    expect(packages).toContain('dexie');
    expect(packages).toContain('zod');
    expect(files).toContain('lib/messaging/client.ts');
  });
});
