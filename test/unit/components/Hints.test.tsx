import { act, cleanup, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { HintCounts } from '@/components/hints/HintCounts';
import { HintSettings } from '@/components/hints/HintSettings';
import { IndicatorHints } from '@/components/hints/IndicatorHints';
import { NextGapButton } from '@/components/hints/NextGapButton';
import { usePeriodHints } from '@/components/hooks/usePeriodHints';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { MIN_NARRATIVE_LENGTH_KEY } from '@/lib/db/repositories/narrativeMinimum';
import type { LkeDatabase } from '@/lib/db/schema';
import type { Hint } from '@/lib/hints';
import type { TabCommandReply } from '@/lib/messaging/protocol';
import { createTestDatabase, emptyPageState } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

beforeAll(installIndonesianMessages);
afterEach(cleanup);

const hint = (rule: Hint['rule'], severity: Hint['severity'], params: Hint['params'] = {}): Hint => ({
  rule,
  code: 'A.I.1.i.a',
  severity,
  params,
});

describe('IndicatorHints', () => {
  it('lists each hint most severe first with its severity in words, title, explanation and what to do', () => {
    render(
      <IndicatorHints
        hints={[
          hint('narrativeShort', 'warning', { length: 40, limit: 150 }),
          hint('evidenceOutsidePeriod', 'info', { years: '2019', from: 2025, to: 2026 }),
          hint('bestAnswerWithoutEvidence', 'error', { answer: 'Ya' }),
        ]}
      />,
    );
    const items = within(screen.getByTestId('indicator-hints')).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.hint__severity')?.textContent)).toEqual([
      'Wajib diperbaiki',
      'Perlu diperiksa',
      'Untuk diketahui',
    ]);
    const [error, warning, info] = items;
    expect(error!.textContent).toContain('Jawaban "Ya" tanpa bukti dukung');
    expect(warning!.textContent).toContain('Narasi baru 40 karakter');
    expect(warning!.textContent).toContain('minimal 150');
    expect(warning!.textContent).toContain(
      'Yang perlu dilakukan: Lengkapi narasi dengan kegiatan, tanggal, pelaksana, dan dokumen buktinya.',
    );
    expect(info!.textContent).toContain('2019');
    // Every severity has its own icon shape next to the words.
    expect(items.map((item) => item.querySelector('svg')?.getAttribute('class'))).toEqual([
      'severity-icon severity-icon--error',
      'severity-icon severity-icon--warning',
      'severity-icon severity-icon--info',
    ]);
  });

  it('says so when the indicator has no hints', () => {
    render(<IndicatorHints hints={[]} />);
    expect(screen.getByRole('region', { name: 'Petunjuk kelengkapan' }).textContent).toContain(
      'Tidak ada kekurangan yang terdeteksi pada indikator ini.',
    );
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});

describe('HintCounts', () => {
  it('shows icon and number per severity that has any, with the counts in words', () => {
    const { container } = render(<HintCounts counts={{ error: 0, warning: 3 }} />);
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('3');
    expect(container.querySelector('.severity-icon--warning')).not.toBeNull();
    expect(container.querySelector('.severity-icon--error')).toBeNull();
    expect(screen.getByText('0 wajib diperbaiki, 3 perlu diperiksa')).toBeTruthy();
  });

  it('renders nothing without gaps or counts', () => {
    const { container } = render(
      <>
        <HintCounts counts={{ error: 0, warning: 0 }} />
        <HintCounts counts={undefined} />
      </>,
    );
    expect(container.innerHTML).toBe('');
  });
});

describe('NextGapButton', () => {
  const sendMessage = vi.fn<(tabId: number, message: unknown) => Promise<unknown>>();
  beforeEach(() => {
    sendMessage.mockReset();
    fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
  });

  const button = () => screen.getByRole('button', { name: 'Kekurangan berikutnya' });
  const status = () => screen.getByRole('status');

  it('moves the panel and asks the portal tab to focus the row', async () => {
    sendMessage.mockResolvedValue({ ok: true, readBack: '', undoable: false } satisfies TabCommandReply);
    const onFocus = vi.fn();
    render(<NextGapButton target="A.I.3.i.a" tabId={42} onFocus={onFocus} />);

    fireEvent.click(button());

    expect(onFocus).toHaveBeenCalledExactlyOnceWith('A.I.3.i.a');
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith(42, { type: 'row.focus', code: 'A.I.3.i.a' });
    await waitFor(() => expect(status().textContent).toBe('A.I.3.i.a ditampilkan dan barisnya disorot di halaman portal.'));
  });

  it('says politely that the portal page does not show the row, the panel having moved anyway', async () => {
    sendMessage.mockResolvedValue({ ok: false, reason: 'not_on_page' } satisfies TabCommandReply);
    const onFocus = vi.fn();
    render(<NextGapButton target="B.II.a" tabId={42} onFocus={onFocus} />);

    fireEvent.click(button());

    expect(onFocus).toHaveBeenCalledWith('B.II.a');
    await waitFor(() => expect(status().textContent).toContain('B.II.a sudah ditampilkan di panel, tetapi barisnya tidak ada'));
  });

  it('still moves the panel without a portal tab and says why the portal was not asked', async () => {
    const onFocus = vi.fn();
    render(<NextGapButton target="B.II.a" tabId={null} onFocus={onFocus} />);

    fireEvent.click(button());

    expect(onFocus).toHaveBeenCalledWith('B.II.a');
    expect(sendMessage).not.toHaveBeenCalled();
    await waitFor(() => expect(status().textContent).toContain('B.II.a sudah ditampilkan di panel. Tidak ada tab portal LKE'));
  });

  it('says there is nothing left when no indicator has a gap, and moves nowhere', () => {
    const onFocus = vi.fn();
    render(<NextGapButton target={null} tabId={42} onFocus={onFocus} />);

    fireEvent.click(button());

    expect(onFocus).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
    expect(status().textContent).toBe('Tidak ada kekurangan yang perlu diperbaiki atau diperiksa.');
  });

  it('is a native button, so Enter and Space and the tab order work', () => {
    render(<NextGapButton target={null} tabId={null} onFocus={vi.fn()} />);
    expect(button().tagName).toBe('BUTTON');
    expect(button().getAttribute('aria-describedby')).toBe(status().id);
  });
});

describe('with a database', () => {
  let database: LkeDatabase;
  beforeEach(() => {
    database = createTestDatabase();
  });
  afterEach(() => database.close());

  const wrapper = ({ children }: { children: ReactNode }) => (
    <DatabaseProvider database={database}>{children}</DatabaseProvider>
  );

  async function activePeriod(): Promise<number> {
    const { period } = await ensureActiveContext(database, { now: new Date(Date.UTC(2026, 2, 1)), defaultUnitName: 'Unit' });
    return period.id;
  }

  describe('usePeriodHints', () => {
    it('has no hints without a period or for a period the database does not hold', async () => {
      const { result, rerender } = renderHook(({ periodId }) => usePeriodHints(periodId), {
        wrapper,
        initialProps: { periodId: null as number | null },
      });
      expect(result.current.hints).toEqual([]);
      rerender({ periodId: 99 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(result.current.hints).toEqual([]);
      expect(result.current.nextGapAfter(null)).toBeNull();
    });

    it('computes the period’s hints, by list item and rolled up, and recomputes when the database changes', async () => {
      const periodId = await activePeriod();
      const { result } = renderHook(() => usePeriodHints(periodId), { wrapper });
      await waitFor(() => expect(result.current.hints.length).toBeGreaterThan(0));

      // Nothing filled in: every answerable indicator is unanswered.
      expect(result.current.byCode.get('A.I.1.i.a')?.map((h) => h.rule)).toEqual(['unanswered', 'narrativeMissing', 'noEvidence']);
      expect(result.current.rollUp.get('A.I.1.i')?.error).toBe(2);
      expect(result.current.nextGapAfter('A.I.1.i.a')).toBe('A.I.1.i.b');

      await act(() =>
        database.pageStates.put(
          emptyPageState('A.I.1.i.b', { periodId, answer: 'A', narrative: 'Singkat.', evidence: ['https://a.example/sk'] }),
        ),
      );
      await waitFor(() => expect(result.current.byCode.get('A.I.1.i.b')?.map((h) => h.rule)).toEqual(['narrativeShort']));
      expect(result.current.rollUp.get('A.I.1.i')?.error).toBe(1);

      // The user's minimum is a setting: lowering it clears the short narrative.
      await act(() => database.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value: 5 }));
      await waitFor(() => expect(result.current.byCode.get('A.I.1.i.b')).toBeUndefined());
      expect(result.current.nextGapAfter('A.I.1.i.a')).toBe('A.I.1.ii.a');
    });

    it('shows a percentage’s count hints on its Jumlah inputs, and counts them once in the roll-up', async () => {
      const periodId = await activePeriod();
      await database.pageStates.put(emptyPageState('A.II.1.i.a.1', { periodId, answer: '12' }));
      const { result } = renderHook(() => usePeriodHints(periodId), { wrapper });
      await waitFor(() => expect(result.current.hints.some((h) => h.rule === 'countMissing')).toBe(true));

      for (const input of ['A.II.1.i.a.1', 'A.II.1.i.a.2']) {
        expect(result.current.byCode.get(input)).toContainEqual(
          expect.objectContaining({ rule: 'countMissing', code: input, params: { missing: 'A.II.1.i.a.2' } }),
        );
      }
      expect(result.current.byCode.has('A.II.1.i.a')).toBe(false);
      // The roll-up counts the percentage's one hint, not its copies on the inputs.
      const warningsInSubArea = result.current.hints.filter(
        (h) => h.code.startsWith('A.II.1.i.') && h.severity === 'warning',
      );
      expect(warningsInSubArea.filter((h) => h.rule === 'countMissing')).toHaveLength(1);
      expect(result.current.rollUp.get('A.II.1.i')?.warning).toBe(warningsInSubArea.length);
    });
  });

  describe('HintSettings', () => {
    const input = () => screen.getByRole('textbox', { name: 'Panjang minimal narasi (karakter)' });
    const save = () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));

    it('shows the default, then saves a valid minimum', async () => {
      render(<HintSettings />, { wrapper });
      await waitFor(() => expect((input() as HTMLInputElement).value).toBe('150'));

      fireEvent.change(input(), { target: { value: ' 80 ' } });
      save();

      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Panjang minimal narasi disimpan.'));
      expect((await database.settings.get(MIN_NARRATIVE_LENGTH_KEY))?.value).toBe(80);
      expect((input() as HTMLInputElement).value).toBe('80');
    });

    it.each(['', 'abc', '-5', '12.5', '1e2', '5001'])('refuses %j, says why and keeps the stored value', async (value) => {
      await database.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value: 120 });
      render(<HintSettings />, { wrapper });
      await waitFor(() => expect((input() as HTMLInputElement).value).toBe('120'));

      fireEvent.change(input(), { target: { value } });
      save();

      expect(input().getAttribute('aria-invalid')).toBe('true');
      const error = screen.getByText('Isi bilangan bulat dari 0 sampai 5000.');
      expect(input().getAttribute('aria-describedby')).toContain(error.id);
      expect(document.activeElement).toBe(input());
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await database.settings.get(MIN_NARRATIVE_LENGTH_KEY))?.value).toBe(120);
    });

    it('shows a minimum changed elsewhere while the user is not editing', async () => {
      render(<HintSettings />, { wrapper });
      await waitFor(() => expect((input() as HTMLInputElement).value).toBe('150'));
      await act(() => database.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value: 0 }));
      await waitFor(() => expect((input() as HTMLInputElement).value).toBe('0'));
    });
  });
});
