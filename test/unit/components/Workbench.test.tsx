import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { WORKBENCH_TABS } from '@/components/workbench/tabs';
import { SAVE_DELAY_MS } from '@/components/workbench/useDraftEditor';
import type { WorkbenchSession } from '@/components/workbench/types';
import { Workbench } from '@/components/workbench/Workbench';
import { BURST_MS } from '@/lib/db/repositories/autosave';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { createDraft, listDrafts, listRevisions, updateDraftText } from '@/lib/db/repositories/drafts';
import { MIN_NARRATIVE_LENGTH_KEY } from '@/lib/db/repositories/narrativeMinimum';
import { createTemplate } from '@/lib/db/repositories/templates';
import type { LkeDatabase, Revision } from '@/lib/db/schema';
import type { TabCommandReply } from '@/lib/messaging/protocol';
import { createTestDatabase } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

const CODE = 'A.I.1.i.a';
const TAB = 42;
const NOW = new Date(2026, 4, 12, 9, 30);

let db: LkeDatabase;
let session: WorkbenchSession;
const sendMessage = vi.fn<(tabId: number, message: unknown) => Promise<TabCommandReply>>();

function renderWorkbench(overrides: Partial<WorkbenchSession> = {}) {
  return render(
    <DatabaseProvider database={db}>
      <Workbench code={CODE} session={{ ...session, ...overrides }} hints={[]} tabs={WORKBENCH_TABS} />
    </DatabaseProvider>,
  );
}

const editor = () => screen.findByLabelText(/^Narasi \(penjelasan\)/);
const type = async (text: string) => fireEvent.change(await editor(), { target: { value: text } });
const narratives = async () => (await listRevisions(db, session.periodId, CODE)).map((revision) => revision.text);
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const tab = (name: string) => screen.getByRole('tab', { name });

beforeAll(installIndonesianMessages);

beforeEach(async () => {
  db = createTestDatabase();
  const { unit, period } = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'KPP Pratama Contoh' });
  session = { unitId: unit.id, periodId: period.id, year: period.year, tabId: TAB };
  sendMessage.mockReset();
  localStorage.clear();
  fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
});

afterEach(() => {
  cleanup();
  db.close();
});

describe('narrative editor', () => {
  it('saves what is typed after a pause into a first draft, one revision per burst', async () => {
    renderWorkbench();
    expect(await screen.findByText('Belum ada draf. Yang Anda ketik disimpan sebagai draf "Draf utama".')).toBeTruthy();

    await type('Tim');
    await type('Tim ZI');
    expect(screen.getByText('Belum tersimpan')).toBeTruthy();
    await waitFor(async () => expect(await narratives()).toEqual(['Tim ZI']), { timeout: 3_000 });
    await type('Tim ZI dibentuk.');
    await waitFor(async () => expect(await narratives()).toEqual(['Tim ZI dibentuk.']), { timeout: 3_000 });

    expect((await listDrafts(db, session.periodId, CODE)).map(({ name, text }) => [name, text])).toEqual([
      ['Draf utama', 'Tim ZI dibentuk.'],
    ]);
    await waitFor(() => expect(screen.getByText('Tersimpan')).toBeTruthy());
  });

  it.each([
    ['blur', async () => fireEvent.blur(await editor())],
    ['pagehide', () => window.dispatchEvent(new Event('pagehide'))],
    [
      'the page being hidden',
      () => {
        vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
    ['closing the panel', () => cleanup()],
  ])('saves at once on %s, without waiting for the pause', async (_, leave) => {
    // The typing pause never ends here, so only the flush can save.
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, delay?: number) =>
      delay === SAVE_DELAY_MS ? 0 : realSetTimeout(handler, delay)) as typeof setTimeout);
    try {
      renderWorkbench();
      await type('Tidak boleh hilang');
      await act(leave);
      await waitFor(async () => expect(await narratives()).toEqual(['Tidak boleh hilang']));
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('copies each keystroke synchronously until the database has it', async () => {
    renderWorkbench();
    await type('Ketikan terakhir');
    const [key] = Object.keys(localStorage);
    expect(JSON.parse(localStorage.getItem(key!)!)).toEqual({
      periodId: session.periodId,
      code: CODE,
      draftId: null,
      draftName: 'Draf utama',
      text: 'Ketikan terakhir',
    });
    fireEvent.blur(await editor());
    await waitFor(() => expect(localStorage.length).toBe(0));
    expect(await narratives()).toEqual(['Ketikan terakhir']);
  });

  it('saves text left by a panel closed before its save, into its draft or a new one', async () => {
    const draft = await createDraft(db, { periodId: session.periodId, code: CODE, name: 'Final', text: 'Awal' }, NOW);
    const leftover = (code: string, draftId: number | null, text: string) =>
      localStorage.setItem(
        `asisten-lke.unsavedNarrative.${session.periodId}.${code}`,
        JSON.stringify({ periodId: session.periodId, code, draftId, draftName: 'Draf utama', text }),
      );
    leftover(CODE, draft.id, 'Awal dan lanjutan');
    leftover('A.I.1.i.b', null, 'Indikator lain');
    localStorage.setItem('asisten-lke.unsavedNarrative.rusak', '{bukan json');
    localStorage.setItem('punya-orang-lain', 'tetap');

    renderWorkbench();

    await waitFor(async () => expect(((await editor()) as HTMLTextAreaElement).value).toBe('Awal dan lanjutan'));
    expect((await listDrafts(db, session.periodId, 'A.I.1.i.b')).map(({ name, text }) => [name, text])).toEqual([
      ['Draf utama', 'Indikator lain'],
    ]);
    expect(Object.keys(localStorage)).toEqual(['punya-orang-lain']);
  });

  it('shows the length against the minimum the hints use', async () => {
    await db.settings.put({ key: MIN_NARRATIVE_LENGTH_KEY, value: 10 });
    renderWorkbench();
    await type('12345');
    expect(screen.getByText('5 karakter · minimal 10 karakter · kurang 5 karakter lagi')).toBeTruthy();
    await type('1234567890');
    expect(screen.getByText('10 karakter · minimal 10 karakter')).toBeTruthy();
  });

  it('inserts the text into the portal tab, shows what was read back and undoes it', async () => {
    sendMessage
      .mockResolvedValueOnce({ ok: true, readBack: 'Tim ZI dibentuk.', undoable: true })
      .mockResolvedValueOnce({ ok: true, readBack: '', undoable: false });
    renderWorkbench();
    await type('Tim ZI dibentuk.');

    fireEvent.click(button('Sisipkan ke portal'));

    // Saved first, so what went into the portal is also kept.
    await screen.findByText('Tersisip di portal. Terbaca kembali dari halaman: Tim ZI dibentuk.');
    expect(sendMessage).toHaveBeenCalledWith(TAB, { type: 'narrative.insert', code: CODE, text: 'Tim ZI dibentuk.' });
    expect(await narratives()).toEqual(['Tim ZI dibentuk.']);

    fireEvent.click(button('Batalkan'));
    await screen.findByText('Isian di portal dikembalikan seperti sebelum disisipkan.');
    expect(sendMessage).toHaveBeenLastCalledWith(TAB, { type: 'field.undo', code: CODE, field: 'narrative' });
    expect(screen.queryByRole('button', { name: 'Batalkan' })).toBeNull();
  });

  it('says why nothing was inserted: the portal’s reason, or no portal tab', async () => {
    sendMessage.mockResolvedValue({ ok: false, reason: 'not_on_page' });
    renderWorkbench();
    await type('Teks');
    fireEvent.click(button('Sisipkan ke portal'));
    await screen.findByText(/^Indikator ini tidak tampil di halaman portal yang terbuka/);
    cleanup();

    renderWorkbench({ tabId: null });
    await type('Teks');
    fireEvent.click(button('Sisipkan ke portal'));
    await screen.findByText(/^Tidak ada tab portal LKE yang terhubung/);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});

describe('named drafts', () => {
  it('creates, switches, renames and deletes drafts without losing any text', async () => {
    const first = await createDraft(db, { periodId: session.periodId, code: CODE, name: 'Versi singkat', text: 'Singkat.' }, NOW);
    renderWorkbench();
    await waitFor(async () => expect(((await editor()) as HTMLTextAreaElement).value).toBe('Singkat.'));

    fireEvent.click(button('Draf baru'));
    fireEvent.change(screen.getByLabelText('Nama draf'), { target: { value: 'Final' } });
    await act(async () => fireEvent.click(button('Buat draf')));
    await screen.findByText('Draf "Final" dibuat.');
    await waitFor(async () => expect(((await editor()) as HTMLTextAreaElement).value).toBe(''));
    await type('Versi final yang panjang.');

    const select = screen.getByLabelText('Draf aktif') as HTMLSelectElement;
    await act(async () => fireEvent.change(select, { target: { value: String(first.id) } }));
    await waitFor(async () => expect(((await editor()) as HTMLTextAreaElement).value).toBe('Singkat.'));
    const drafts = await listDrafts(db, session.periodId, CODE);
    expect(drafts.map(({ name, text }) => [name, text])).toEqual([
      ['Versi singkat', 'Singkat.'],
      ['Final', 'Versi final yang panjang.'],
    ]);

    fireEvent.click(button('Ganti nama'));
    fireEvent.change(screen.getByLabelText('Nama draf'), { target: { value: '   ' } });
    fireEvent.click(button('Simpan nama'));
    expect(screen.getByText('Nama harus 1 sampai 120 karakter.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nama draf'), { target: { value: 'Ringkas' } });
    await act(async () => fireEvent.click(button('Simpan nama')));
    await screen.findByText('Nama draf diganti menjadi "Ringkas".');

    await act(async () => fireEvent.click(button('Hapus draf')));
    await screen.findByText('Draf "Ringkas" dihapus. Semua versinya tetap ada di Riwayat.');
    expect((await listDrafts(db, session.periodId, CODE)).map((draft) => draft.name)).toEqual(['Final']);
    expect(await narratives()).toEqual(['Versi final yang panjang.', 'Singkat.']);
  });
});

describe('narrative templates', () => {
  beforeEach(async () => {
    await db.units.update(session.unitId, {
      agency: 'Kementerian Keuangan',
      profile: { pimpinan: 'Budi Santoso', nomorSk: 'KEP-12/2026', tanggalSk: '', ketuaTim: '' },
    });
  });

  it('previews a template filled from the profile, flags what it cannot fill and applies it keeping the old text', async () => {
    await createTemplate(db, { name: 'SK tim', code: CODE, text: 'Tim ZI {unit} {tahun} ditetapkan {pimpinan} dengan SK {nomor_sk} tanggal {tanggal_sk}, diketuai {ketua_tim}. {Lampiran}' }, NOW);
    await createDraft(db, { periodId: session.periodId, code: CODE, name: 'Final', text: 'Teks saya sendiri.' }, NOW);
    renderWorkbench();

    const filled = 'Tim ZI KPP Pratama Contoh 2026 ditetapkan Budi Santoso dengan SK KEP-12/2026 tanggal {tanggal_sk}, diketuai {ketua_tim}. {Lampiran}';
    expect((await screen.findByTestId('template-preview')).textContent).toBe(filled);
    expect(screen.getByText(/^Belum terisi dari profil unit: \{tanggal_sk\}, \{ketua_tim\}\./)).toBeTruthy();
    expect(screen.getByText('Variabel tidak dikenal, dibiarkan apa adanya: {Lampiran}')).toBeTruthy();

    await act(async () => fireEvent.click(button('Terapkan ke draf aktif')));
    await screen.findByText('Templat "SK tim" diterapkan ke draf "Final". Teks sebelumnya tetap ada di Riwayat.');
    await waitFor(async () => expect(((await editor()) as HTMLTextAreaElement).value).toBe(filled));
    expect(await narratives()).toEqual([filled, 'Teks saya sendiri.']);

    await act(async () => fireEvent.click(button('Terapkan sebagai draf baru')));
    await waitFor(async () => expect((await listDrafts(db, session.periodId, CODE)).map((draft) => draft.name)).toEqual(['Final', 'SK tim']));
  });

  it('saves the current draft as a template for this or any indicator', async () => {
    renderWorkbench();
    await screen.findByText('Belum ada templat untuk indikator ini.');
    expect(button('Simpan draf sebagai templat').hasAttribute('disabled')).toBe(true);
    await type('Unit {unit} menetapkan rencana.');

    fireEvent.change(screen.getByLabelText('Nama templat baru dari draf ini'), { target: { value: 'Rencana' } });
    fireEvent.click(screen.getByLabelText('Bisa dipakai untuk semua indikator'));
    await act(async () => fireEvent.click(button('Simpan draf sebagai templat')));

    await screen.findByText('Templat "Rencana" disimpan.');
    expect(await db.narrativeTemplates.toArray()).toEqual([
      expect.objectContaining({ name: 'Rencana', code: null, text: 'Unit {unit} menetapkan rencana.' }),
    ]);
    expect((await screen.findByTestId('template-preview')).textContent).toBe('Unit KPP Pratama Contoh menetapkan rencana.');
  });
});

describe('revision timeline', () => {
  const addRevision = (revision: Partial<Revision>) =>
    db.revisions.add({
      periodId: session.periodId,
      code: CODE,
      field: 'narrative',
      draftId: null,
      text: '',
      source: 'portal',
      createdAt: NOW.getTime(),
      ...revision,
    });

  const openHistory = () => act(async () => fireEvent.click(tab('Riwayat')));

  it('lists revisions newest first with source, draft and time, and word changes as text', async () => {
    const draft = await createDraft(db, { periodId: session.periodId, code: CODE, name: 'Final', text: 'Draf pertama' }, NOW);
    await addRevision({ text: '<b>Tim</b> dibentuk', createdAt: Date.UTC(2026, 2, 1, 2, 0) });
    await addRevision({ text: '<b>Tim</b> ZI dibentuk <img src=x onerror=alert(1)>', createdAt: Date.UTC(2026, 2, 2, 2, 0) });
    await addRevision({ field: 'answer', text: 'Ya', createdAt: Date.UTC(2026, 2, 3, 2, 0) });
    renderWorkbench();
    await openHistory();

    const items = await screen.findAllByTestId('revision');
    expect(items.map((item) => item.querySelector('.revision__meta strong')?.textContent)).toEqual(['Narasi', 'Jawaban', 'Narasi', 'Narasi']);
    expect(items[0]!.textContent).toContain('Di Asisten LKE · Draf "Final"');
    expect(items[2]!.textContent).toContain('Diketik di portal');
    expect(items[2]!.querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-02T02:00:00.000Z');
    expect([...items[2]!.querySelectorAll('ins')].map((element) => element.textContent)).toEqual([
      'ditambah: ZI ',
      'ditambah:  <img src=x onerror=alert(1)>',
    ]);
    expect(items[2]!.querySelector('img, b')).toBeNull();
    expect(items[3]!.textContent).toContain('Versi pertama');
    // Answers are compared with answers only, and cannot go into the editor.
    expect(within(items[1]!).queryByRole('button')).toBeNull();
    // After a pause longer than a typing burst, so it is a revision of its own.
    await updateDraftText(db, draft.id, 'Draf kedua', new Date(NOW.getTime() + BURST_MS));
    await waitFor(() => expect(screen.getAllByTestId('revision')[0]!.querySelector('del')?.textContent).toBe('dihapus: pertama'));
  });

  it('shows the newest 20 and more on request', async () => {
    await db.revisions.bulkAdd(
      Array.from({ length: 45 }, (_, index) => ({
        periodId: session.periodId,
        code: CODE,
        field: 'narrative' as const,
        draftId: null,
        text: `versi ${index}`,
        source: 'portal' as const,
        createdAt: NOW.getTime() + index,
      })),
    );
    renderWorkbench();
    await openHistory();
    expect(await screen.findAllByTestId('revision')).toHaveLength(20);
    fireEvent.click(button('Tampilkan lebih banyak (25 lagi)'));
    expect(screen.getAllByTestId('revision')).toHaveLength(40);
    fireEvent.click(button('Tampilkan lebih banyak (5 lagi)'));
    expect(screen.getAllByTestId('revision')).toHaveLength(45);
    expect(screen.queryByRole('button', { name: /Tampilkan lebih banyak/ })).toBeNull();
  });

  it('restores a revision into the active draft, keeping the current text, and inserts one into the portal', async () => {
    sendMessage.mockResolvedValue({ ok: true, readBack: 'Versi lama', undoable: false });
    await addRevision({ text: 'Versi lama' });
    await createDraft(db, { periodId: session.periodId, code: CODE, name: 'Final', text: 'Versi sekarang' }, new Date(NOW.getTime() + 1));
    renderWorkbench();
    await openHistory();

    const oldItem = (await screen.findAllByTestId('revision'))[1]!;
    fireEvent.click(within(oldItem).getByRole('button', { name: 'Sisipkan ke portal' }));
    await screen.findByText('Tersisip di portal. Terbaca kembali dari halaman: Versi lama');
    expect(sendMessage).toHaveBeenCalledWith(TAB, { type: 'narrative.insert', code: CODE, text: 'Versi lama' });

    fireEvent.click(within(oldItem).getByRole('button', { name: 'Pulihkan ke editor' }));
    await waitFor(() => expect(tab('Narasi').getAttribute('aria-selected')).toBe('true'));
    await waitFor(async () => expect(((await editor()) as HTMLTextAreaElement).value).toBe('Versi lama'));
    expect(await narratives()).toEqual(['Versi lama', 'Versi sekarang', 'Versi lama']);
  });
});

describe('workbench tabs', () => {
  it('follow the tab pattern: one selected, arrow keys and Home/End move', async () => {
    renderWorkbench();
    const narrative = tab('Narasi');
    expect(narrative.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(narrative.id);
    expect(tab('Riwayat').tabIndex).toBe(-1);

    fireEvent.keyDown(narrative, { key: 'ArrowRight' });
    expect(tab('Riwayat').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('Riwayat'));
    fireEvent.keyDown(tab('Riwayat'), { key: 'End' });
    expect(tab('Petunjuk').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('Petunjuk'), { key: 'ArrowRight' });
    expect(tab('Narasi').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('Narasi'), { key: 'ArrowLeft' });
    expect(tab('Petunjuk').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('Petunjuk'), { key: 'Home' });
    expect(tab('Narasi').getAttribute('aria-selected')).toBe('true');
  });
});
