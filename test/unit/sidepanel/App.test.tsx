import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { App } from '@/entrypoints/sidepanel/App';
import { DEFAULT_TEMPLATE_ID } from '@/lib/db/repositories/context';
import { EMPTY_UNIT_PROFILE, type LkeDatabase, type PageState } from '@/lib/db/schema';
import { LKE } from '@/lib/lke/template';
import type { Reply } from '@/lib/messaging/protocol';
import { createTestDatabase, emptyPageState } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

const CONTEXT = { unitId: 1, unitName: 'KPP Pratama Contoh', periodId: 7, year: 2026 };

/** Stands in for the background's router: answers 'context.get' with `reply`. */
function backgroundAnswers(reply: Reply) {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void) => {
      if ((message as { type?: unknown }).type !== 'context.get') return undefined;
      sendResponse(reply);
      return true;
    },
  );
}

/** A fully filled row of the active period. */
const pageState = (code: string, fields: Partial<PageState> = {}): PageState =>
  emptyPageState(code, {
    periodId: CONTEXT.periodId,
    answer: 'A',
    narrative: 'Tim kerja dibentuk dengan SK Kepala Kantor.',
    evidence: ['https://drive.example.id/sk-tim'],
    ...fields,
  });

let database: LkeDatabase;

function renderPanel(codeFromUrl: string | null = null) {
  return render(
    <DatabaseProvider database={database}>
      <App codeFromUrl={codeFromUrl} />
    </DatabaseProvider>,
  );
}

const list = () => screen.getByTestId('indicator-list');
const detail = () => screen.getByTestId('indicator-detail');
const item = (code: string) => {
  const element = list().querySelector<HTMLElement>(`[data-code="${code}"]`);
  if (!element) throw new Error(`no list item ${code}`);
  return element;
};
const itemButton = (code: string) => within(item(code)).getByRole('button');

async function storedFocus(): Promise<unknown> {
  return (await fakeBrowser.storage.session.get('focus')).focus;
}

beforeAll(installIndonesianMessages);

beforeEach(async () => {
  database = createTestDatabase();
  // The background creates the active unit and period before it names them (rule 9).
  await database.units.add({ id: CONTEXT.unitId, name: CONTEXT.unitName, agency: '', profile: { ...EMPTY_UNIT_PROFILE }, target: 'wbk', createdAt: 0 });
  await database.periods.add({ id: CONTEXT.periodId, unitId: CONTEXT.unitId, year: CONTEXT.year, templateId: DEFAULT_TEMPLATE_ID, rolledFrom: null, createdAt: 0 });
  backgroundAnswers({ ok: true, result: CONTEXT });
});

afterEach(() => {
  cleanup();
  database.close();
});

describe('side panel header and list', () => {
  it('takes the period’s weekly progress snapshot when it opens, once for the week', async () => {
    renderPanel();
    await waitFor(async () => expect(await database.snapshots.where('periodId').equals(CONTEXT.periodId).count()).toBe(1));
    cleanup();
    renderPanel();
    expect(await screen.findByText('KPP Pratama Contoh')).toBeTruthy();
    await new Promise((settle) => setTimeout(settle, 200));
    expect(await database.snapshots.toArray()).toEqual([expect.objectContaining({ periodId: CONTEXT.periodId, trigger: 'weekly' })]);
  });

  it('shows the unit, the period, the answered count and one list item per answerable indicator', async () => {
    renderPanel();
    expect(await screen.findByText('KPP Pratama Contoh')).toBeTruthy();
    expect(screen.getByText('Periode 2026')).toBeTruthy();
    expect(screen.getByTestId('answered-count').textContent).toBe('0 dari 127 indikator terjawab');

    const codes = [...list().querySelectorAll('[data-code]')].map((element) => element.getAttribute('data-code'));
    expect(codes).toHaveLength(127);
    expect(codes).toEqual(LKE.answerable.map((indicator) => indicator.code));
  });

  it('groups the list by Pemenuhan, Reform and Hasil with per-area counts', async () => {
    await database.pageStates.bulkPut([pageState('A.I.1.i.a'), pageState('A.I.1.i.b', { narrative: null })]);
    renderPanel();
    for (const name of ['Pemenuhan', 'Reform', 'Hasil']) {
      expect(within(list()).getByRole('heading', { level: 3, name })).toBeTruthy();
    }
    // The visible "2/12" is hidden from screen readers, which hear the sentence instead.
    const [pemenuhanArea, reformArea] = await within(list()).findAllByRole('button', {
      name: /^Manajemen Perubahan \d+ dari \d+ indikator terjawab$/,
    });
    await waitFor(() => expect(pemenuhanArea?.textContent).toContain('2/12'));
    expect(pemenuhanArea?.textContent).toContain('2 dari 12 indikator terjawab');
    expect(reformArea?.textContent).toContain('0/6');
  });

  it('tells the user to click a badge when nothing is focused', async () => {
    renderPanel();
    await screen.findByText('KPP Pratama Contoh');
    expect(detail().hasAttribute('data-code')).toBe(false);
    expect(within(detail()).getByText('Belum ada indikator yang dipilih')).toBeTruthy();
    expect(within(detail()).getByText(/Klik lencana di samping pertanyaan/)).toBeTruthy();
  });
});

describe('the focused indicator', () => {
  it('shows code, breadcrumb, question and the options with Indonesian decimal values', async () => {
    renderPanel('A.I.1.iii.a');
    const card = detail();
    expect(card.getAttribute('data-code')).toBe('A.I.1.iii.a');
    expect(within(card).getByText('A.I.1.iii.a')).toBeTruthy();
    const crumbs = within(within(card).getByRole('list', { name: 'Letak indikator' })).getAllByRole('listitem');
    expect(crumbs.map((crumb) => crumb.textContent)).toEqual([
      'Pengungkit',
      'Pemenuhan',
      'Manajemen Perubahan',
      'Pemantauan dan Evaluasi Pembangunan WBK/WBBM',
    ]);
    expect(
      within(card).getByText('Seluruh kegiatan pembangunan sudah dilaksanakan sesuai dengan rencana'),
    ).toBeTruthy();
    expect(within(card).getByText('A–D')).toBeTruthy();
    expect(within(card).getByText('Kriteria dan pilihan jawaban')).toBeTruthy();
    const options = within(card).getAllByRole('listitem').filter((li) => li.classList.contains('option'));
    expect(options.map((option) => option.textContent)).toEqual([
      'AJika semua kegiatan pembangunan telah dilaksanakan sesuai dengan rencana(1)',
      'BJika sebagian besar kegiatan pembangunan telah dilaksanakan sesuai dengan rencana(0,67)',
      'CJika sebagian kecil kegiatan pembangunan telah dilaksanakan sesuai dengan rencana(0,33)',
      'DJika belum ada kegiatan pembangunan yang dilakukan sesuai dengan rencana(0)',
    ]);
  });

  it('shows the criteria of a Ya/Tidak question next to its options', () => {
    renderPanel('A.I.1.i.a');
    const card = detail();
    expect(within(card).getByText('Ya, jika Tim telah dibentuk di dalam unit kerja.')).toBeTruthy();
    expect(within(card).getByText('Ya/Tidak')).toBeTruthy();
    expect(within(card).getByText('(1)')).toBeTruthy();
    expect(within(card).getByText('(0)')).toBeTruthy();
  });

  it('follows the focus stored by the background at start and on each later badge click', async () => {
    await fakeBrowser.storage.session.set({ focus: { tabId: 5, code: 'A.I.2.i.a', at: 1 } });
    renderPanel();
    await waitFor(() => expect(detail().getAttribute('data-code')).toBe('A.I.2.i.a'));
    expect(itemButton('A.I.2.i.a').getAttribute('aria-current')).toBe('true');

    await act(() => fakeBrowser.storage.session.set({ focus: { tabId: 5, code: 'B.I.a', at: 2 } }));
    expect(detail().getAttribute('data-code')).toBe('B.I.a');
    expect(within(detail()).getByText('Indeks 0–4')).toBeTruthy();
    expect(itemButton('B.I.a').getAttribute('aria-current')).toBe('true');
    expect(itemButton('A.I.2.i.a').hasAttribute('aria-current')).toBe(false);
  });

  it('lets ?code= win over the stored focus at start', async () => {
    await fakeBrowser.storage.session.set({ focus: { tabId: 5, code: 'A.I.2.i.a', at: 1 } });
    renderPanel('A.I.1.i.b');
    await screen.findByText('KPP Pratama Contoh');
    expect(detail().getAttribute('data-code')).toBe('A.I.1.i.b');
  });

  it('names the percentage a count input feeds and can move to it', async () => {
    renderPanel('A.II.1.i.a.1');
    fireEvent.click(within(detail()).getByRole('button', { name: /^A\.II\.1\.i\.a Agen perubahan telah membuat/ }));
    expect(detail().getAttribute('data-code')).toBe('A.II.1.i.a');
    expect(within(detail()).getByText('Persentase ini dihitung dari')).toBeTruthy();
    expect(within(detail()).getByRole('button', { name: 'A.II.1.i.a.1 Jumlah Agen Perubahan' })).toBeTruthy();
    await waitFor(async () => expect(await storedFocus()).toMatchObject({ code: 'A.II.1.i.a' }));
  });
});

describe('what the portal page shows', () => {
  it('shows the page state in the detail and flips the status icons live', async () => {
    await database.pageStates.put(
      pageState('A.I.1.i.a', {
        answer: 'Ya',
        evidence: ['https://drive.example.id/sk-tim', 'javascript:alert(1)', 'Arsip fisik di lemari'],
      }),
    );
    renderPanel('A.I.1.i.a');

    const card = detail();
    expect(await within(card).findByText('Tim kerja dibentuk dengan SK Kepala Kantor.')).toBeTruthy();
    expect(within(card).getByText('Ya', { selector: 'strong' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'https://drive.example.id/sk-tim' }).getAttribute('href')).toBe(
      'https://drive.example.id/sk-tim',
    );
    expect(within(card).getByText('javascript:alert(1)').closest('a')).toBeNull();
    expect(within(card).getByText('Arsip fisik di lemari').closest('a')).toBeNull();

    const row = item('A.I.1.i.a');
    expect(await within(row).findByRole('img', { name: 'Jawaban: sudah diisi' })).toBeTruthy();
    expect(within(row).getByRole('img', { name: 'Catatan: sudah diisi' })).toBeTruthy();
    expect(within(row).getByRole('img', { name: 'Bukti dukung: sudah ada' })).toBeTruthy();
    expect(screen.getByTestId('answered-count').textContent).toBe('1 dari 127 indikator terjawab');

    await act(() => database.pageStates.update([CONTEXT.periodId, 'A.I.1.i.a'], { narrative: null, evidence: [] }));
    await waitFor(() => expect(within(row).getByRole('img', { name: 'Catatan: belum diisi' })).toBeTruthy());
    expect(within(row).getByRole('img', { name: 'Bukti dukung: belum ada' })).toBeTruthy();
    expect(within(row).getByRole('img', { name: 'Jawaban: sudah diisi' })).toBeTruthy();
  });

  it('falls back to the answer saved in the extension when the page shows none', async () => {
    await database.answers.put({ periodId: CONTEXT.periodId, code: 'A.I.1.iii.a', value: 'B', source: 'user', updatedAt: 1 });
    renderPanel('A.I.1.iii.a');
    expect(await within(detail()).findByText('(Jawaban tersimpan di Asisten LKE)', { exact: false })).toBeTruthy();
    expect(await within(item('A.I.1.iii.a')).findByRole('img', { name: 'Jawaban: sudah diisi' })).toBeTruthy();
    expect(screen.getByTestId('answered-count').textContent).toBe('1 dari 127 indikator terjawab');
  });

  it('says so when the focused indicator has not been read from the page', async () => {
    renderPanel('A.I.1.i.a');
    expect(await within(detail()).findByText('Indikator ini belum terbaca dari halaman portal.')).toBeTruthy();
  });
});

describe('filtering and choosing from the list', () => {
  it('hides complete indicators with "Hanya yang belum lengkap"', async () => {
    await database.pageStates.bulkPut([pageState('A.I.1.i.a'), pageState('A.I.1.i.b', { evidence: [] })]);
    renderPanel();
    await waitFor(() =>
      expect(within(item('A.I.1.i.a')).getByRole('img', { name: 'Bukti dukung: sudah ada' })).toBeTruthy(),
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'Hanya yang belum lengkap' }));
    expect(list().querySelector('[data-code="A.I.1.i.a"]')).toBeNull();
    expect(list().querySelector('[data-code="A.I.1.i.b"]')).not.toBeNull();
    expect(list().querySelectorAll('[data-code]')).toHaveLength(126);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Hanya yang belum lengkap' }));
    expect(list().querySelectorAll('[data-code]')).toHaveLength(127);
  });

  it('focuses a clicked item and stores it in storage.session, keeping the portal tab', async () => {
    await fakeBrowser.storage.session.set({ focus: { tabId: 42, code: 'A.I.1.i.a', at: 1 } });
    renderPanel();
    await waitFor(() => expect(detail().getAttribute('data-code')).toBe('A.I.1.i.a'));

    fireEvent.click(itemButton('A.I.2.i.a'));
    expect(detail().getAttribute('data-code')).toBe('A.I.2.i.a');
    expect(itemButton('A.I.2.i.a').getAttribute('aria-current')).toBe('true');
    await waitFor(async () => expect(await storedFocus()).toMatchObject({ tabId: 42, code: 'A.I.2.i.a' }));
  });

  it('collapses an area and opens it again when one of its indicators gets the focus', async () => {
    renderPanel();
    const [pemenuhanArea] = within(list()).getAllByRole('button', { name: /^Manajemen Perubahan / });
    fireEvent.click(pemenuhanArea!);
    expect(pemenuhanArea!.getAttribute('aria-expanded')).toBe('false');
    expect(item('A.I.1.i.a').closest('ul')?.hidden).toBe(true);

    await act(() => fakeBrowser.storage.session.set({ focus: { tabId: 3, code: 'A.I.1.ii.a', at: 5 } }));
    expect(pemenuhanArea!.getAttribute('aria-expanded')).toBe('true');
    expect(item('A.I.1.ii.a').closest('ul')?.hidden).toBe(false);
  });
});

describe('when the active unit and period cannot be loaded', () => {
  it('shows an Indonesian banner for the error code and keeps the list usable', async () => {
    backgroundAnswers({ ok: false, error: { code: 'internal', message: 'database closed' } });
    renderPanel();
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText('Unit kerja dan periode aktif belum dapat dimuat')).toBeTruthy();
    expect(within(banner).getByText(/^Terjadi kesalahan di latar belakang ekstensi\./)).toBeTruthy();
    expect(list().querySelectorAll('[data-code]')).toHaveLength(127);

    fireEvent.click(itemButton('A.I.1.i.a'));
    expect(detail().getAttribute('data-code')).toBe('A.I.1.i.a');
    expect(
      within(detail()).getByText('Periode aktif belum diketahui, jadi isi halaman portal belum bisa ditampilkan.'),
    ).toBeTruthy();
  });

  it('explains a background that does not answer, and recovers on "Coba lagi"', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    renderPanel();
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText(/^Latar belakang ekstensi tidak dapat dihubungi\./)).toBeTruthy();

    backgroundAnswers({ ok: true, result: CONTEXT });
    fireEvent.click(within(banner).getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByText('KPP Pratama Contoh')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
