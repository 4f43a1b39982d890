import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { App } from '@/entrypoints/sidepanel/App';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import type { LkeDatabase } from '@/lib/db/schema';
import type { Reply, TabCommandReply } from '@/lib/messaging/protocol';
import { createTestDatabase, emptyPageState } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

// The hints in the whole side panel: the list's counts, the next-gap button and the settings card
// work on the period the background names, over the panel's own database.

const LONG =
  'Tim kerja dibentuk melalui SK Kepala Kantor Nomor 3 tanggal 6 Januari 2026 dan rapat pembentukan dengan ' +
  'notulen, daftar hadir serta foto kegiatan; anggota dipilih dengan kriteria tertulis.';

let database: LkeDatabase;
const sendMessage = vi.fn<(tabId: number, message: unknown) => Promise<unknown>>();

beforeAll(installIndonesianMessages);

beforeEach(async () => {
  database = createTestDatabase();
  const { unit, period } = await ensureActiveContext(database, { now: new Date(Date.UTC(2026, 2, 1)), defaultUnitName: 'Unit' });
  const context = { unitId: unit.id, unitName: 'KPP Pratama Contoh', periodId: period.id, year: period.year };
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void) => {
    if ((message as { type?: unknown }).type !== 'context.get') return undefined;
    sendResponse({ ok: true, result: context });
    return true;
  });
  // A.I.1.i.b is complete; every other indicator still has gaps.
  await database.pageStates.put(
    emptyPageState('A.I.1.i.b', { periodId: period.id, answer: 'A', narrative: LONG, evidence: ['https://a.example/sk'] }),
  );
  // The badge of A.I.1.i.a was clicked in portal tab 5.
  await fakeBrowser.storage.session.set({ focus: { tabId: 5, code: 'A.I.1.i.a', at: 1 } });
  sendMessage.mockReset();
  fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
});

afterEach(() => {
  cleanup();
  database.close();
});

function renderPanel() {
  render(
    <DatabaseProvider database={database}>
      <App codeFromUrl={null} />
    </DatabaseProvider>,
  );
}

// Rendering the whole panel with 127 items is slow in happy-dom, more so on a busy machine.
const SLOW = { timeout: 15_000 };
const TEST_TIMEOUT = 30_000;

const item = (code: string) => screen.getByTestId('indicator-list').querySelector<HTMLElement>(`[data-code="${code}"]`)!;

it('counts the gaps in the list and goes to the next one, in the panel and in the portal tab', async () => {
  sendMessage.mockResolvedValue({ ok: false, reason: 'not_on_page' } satisfies TabCommandReply);
  renderPanel();
  await waitFor(() => expect(item('A.I.1.i.a').textContent).toContain('1 wajib diperbaiki, 2 perlu diperiksa'), SLOW);
  expect(item('A.I.1.i.b').textContent).not.toContain('perlu diperiksa');
  await waitFor(() => expect(within(item('A.I.1.i.a')).getByRole('button').getAttribute('aria-current')).toBe('true'));

  fireEvent.click(screen.getByRole('button', { name: 'Kekurangan berikutnya' }));

  await waitFor(() => expect(within(item('A.I.1.ii.a')).getByRole('button').getAttribute('aria-current')).toBe('true'), SLOW);
  expect(sendMessage).toHaveBeenCalledExactlyOnceWith(5, { type: 'row.focus', code: 'A.I.1.ii.a' });
  await waitFor(() =>
    expect(screen.getByText(/^A\.I\.1\.ii\.a sudah ditampilkan di panel, tetapi barisnya tidak ada/)).toBeTruthy(),
  );
}, TEST_TIMEOUT);

it('recomputes the counts when the minimum narrative length is changed in the settings card', async () => {
  await database.pageStates.put(
    emptyPageState('A.I.1.i.a', {
      periodId: (await database.periods.toCollection().first())!.id!,
      answer: 'Tidak',
      narrative: 'Singkat saja.',
      evidence: ['https://a.example/x'],
    }),
  );
  renderPanel();
  await waitFor(() => expect(item('A.I.1.i.a').textContent).toContain('0 wajib diperbaiki, 1 perlu diperiksa'), SLOW);

  const input = screen.getByRole('textbox', { name: 'Panjang minimal narasi (karakter)' });
  await waitFor(() => expect((input as HTMLInputElement).value).toBe('150'));
  fireEvent.change(input, { target: { value: '10' } });
  fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));

  await waitFor(() => expect(item('A.I.1.i.a').textContent).not.toContain('perlu diperiksa'), SLOW);
}, TEST_TIMEOUT);
