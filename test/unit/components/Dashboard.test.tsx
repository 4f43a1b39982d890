import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { App } from '@/entrypoints/dashboard/App';
import { LiveDashboard } from '@/entrypoints/dashboard/LiveDashboard';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import type { LkeDatabase } from '@/lib/db/schema';
import { THRESHOLDS_KEY } from '@/lib/db/storedThresholds';
import { cheapestRoute } from '@/lib/lke/route';
import { computeScore } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';
import { judge } from '@/lib/lke/verdict';
import type { Reply } from '@/lib/messaging/protocol';
import { createTestDatabase, emptyPageState } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

let database: LkeDatabase;
let periodId: number;

/** Stands in for the background's router: answers 'context.get' with the test's period. */
function backgroundAnswers(reply: Reply) {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void) => {
    if ((message as { type?: unknown }).type !== 'context.get') return undefined;
    sendResponse(reply);
    return true;
  });
}

/** The page showed these answers (and nothing else) for the test's period. */
async function pageShows(answers: Record<string, string>) {
  await database.pageStates.bulkPut(
    Object.entries(answers).map(([code, answer]) => emptyPageState(code, { periodId, answer, evidence: ['https://drive.example.id/a'] })),
  );
}

/** Every option question one step below its best answer, counts and indices full: a near-WBK LKE. */
function nearlyGood(): Record<string, string> {
  const answers: Record<string, string> = { 'B.I.a': '3,7', 'B.II.a': '3,5', 'B.I.b': 'B' };
  for (const indicator of LKE.answerable) {
    if (indicator.answerType === 'count') answers[indicator.code] = '10';
    else if (indicator.options.length > 1 && !indicator.code.startsWith('B')) {
      const sorted = [...indicator.options].sort((a, b) => b.value - a.value);
      answers[indicator.code] = sorted[1]!.key;
    }
  }
  return answers;
}

const scores = () =>
  Object.fromEntries([...document.querySelectorAll('[data-lke-score]')].map((element) => [element.getAttribute('data-lke-score'), element.textContent]));
const verdictMet = (predicate: string) => document.querySelector(`[data-lke-verdict="${predicate}"]`)?.getAttribute('data-met');
const row = (code: string) => document.querySelector<HTMLElement>(`tr[data-code="${code}"]`);

function renderDashboard() {
  return render(
    <DatabaseProvider database={database}>
      <App Live={LiveDashboard} />
    </DatabaseProvider>,
  );
}

// A render of all 135 rows takes a while in happy-dom.
configure({ asyncUtilTimeout: 8_000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(installIndonesianMessages);

beforeEach(async () => {
  database = createTestDatabase();
  const { unit, period } = await ensureActiveContext(database, { now: new Date(2026, 2, 14), defaultUnitName: 'KPP Pratama Contoh' });
  periodId = period.id;
  backgroundAnswers({ ok: true, result: { unitId: unit.id, unitName: unit.name, periodId, year: period.year } });
});

afterEach(() => {
  cleanup();
  database.close();
});

describe('dashboard scores and verdicts', () => {
  it('shows the workbook score of the merged answers with two decimals, and each verdict', async () => {
    const answers = { 'A.I.1.i.a': 'Ya', 'A.I.1.i.b': 'B', 'A.I.1.ii.a': 'Tidak', 'B.I.a': '3,65' };
    await pageShows(answers);
    renderDashboard();
    const sheet = computeScore(new Map(Object.entries(answers)));
    await waitFor(() => expect(scores().total).toBe(sheet.total.toFixed(2)));
    expect(scores()).toEqual({
      total: sheet.total.toFixed(2),
      pengungkit: sheet.pengungkit.toFixed(2),
      pemenuhan: sheet.pemenuhan.toFixed(2),
      reform: sheet.reform.toFixed(2),
      hasil: '15.97',
    });
    expect(verdictMet('wbk')).toBe('false');
    expect(verdictMet('wbbm')).toBe('false');
    expect(screen.getByText('KPP Pratama Contoh · Periode 2026')).toBeTruthy();
    expect(screen.getByText('4 dari 127 pertanyaan sudah dijawab')).toBeTruthy();
  });

  it('shows the stored active period when the background cannot answer, and says what failed', async () => {
    backgroundAnswers({ ok: false, error: { code: 'internal', message: 'boom' } });
    await pageShows({ 'A.I.1.i.a': 'Ya' });
    renderDashboard();
    await waitFor(() => expect(scores().pemenuhan).toBe('0.50'));
    expect(screen.getByRole('alert').textContent).toContain('Unit kerja dan periode aktif belum dapat dimuat');
  });

  it('follows new page states live, and switches to the labelled strict reading', async () => {
    renderDashboard();
    await waitFor(() => expect(scores().total).toBe('0.00'));
    await pageShows({ 'A.I.1.i.a': 'Ya' });
    await waitFor(() => expect(scores().pemenuhan).toBe('0.50'));
    expect(screen.getByTestId('score-rule').textContent).toMatch(/seperti lembar kerja LKE/);

    fireEvent.click(screen.getByRole('radio', { name: /^Ketat/ }));
    // A.I.1.i has two items: Ya and a blank, so 0.5 × 0.5 when blanks count as zero.
    expect(scores().pemenuhan).toBe('0.25');
    expect(screen.getByTestId('score-rule').textContent).toMatch(/ketat/);
  });

  it('marks a predicate met when every condition is', async () => {
    const answers: Record<string, string> = { 'B.I.a': '4', 'B.II.a': '4', 'B.I.b': 'A' };
    for (const indicator of LKE.answerable) {
      if (indicator.answerType === 'count') answers[indicator.code] = '5';
      else if (indicator.options.length > 0) answers[indicator.code] = [...indicator.options].sort((a, b) => b.value - a.value)[0]!.key;
    }
    await pageShows(answers);
    renderDashboard();
    const sheet = computeScore(new Map(Object.entries(answers)));
    expect(judge(sheet, 'wbbm').met).toBe(true);
    await waitFor(() => expect(scores().total).toBe(sheet.total.toFixed(2)));
    expect(verdictMet('wbk')).toBe('true');
    expect(verdictMet('wbbm')).toBe('true');
    expect(screen.getAllByText('Semua syarat terpenuhi.')).toHaveLength(2);
  });
});

describe('Hasil inputs', () => {
  it('saves IPAK, IPKP and capaian kinerja as the user’s answers, refusing an index outside 0–4', async () => {
    renderDashboard();
    const ipak = await screen.findByLabelText('Indeks Persepsi Anti Korupsi (IPAK), 0–4');
    fireEvent.change(ipak, { target: { value: '4,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText(/harus berupa angka antara 0 dan 4/)).toBeTruthy();
    expect(await database.answers.count()).toBe(0);

    fireEvent.change(ipak, { target: { value: '3,65' } });
    fireEvent.change(screen.getByLabelText('Indeks Persepsi Kualitas Pelayanan (IPKP), 0–4'), { target: { value: '3.40' } });
    fireEvent.change(screen.getByLabelText('Capaian kinerja dibanding tahun sebelumnya'), { target: { value: 'B' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(scores().hasil).toBe('34.59'));
    const saved = await database.answers.where('periodId').equals(periodId).toArray();
    expect(saved.map(({ code, value, source }) => ({ code, value, source })).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'B.I.a', value: '3,65', source: 'user' },
      { code: 'B.I.b', value: 'B', source: 'user' },
      { code: 'B.II.a', value: '3.40', source: 'user' },
    ]);
  });
});

describe('what-if sandbox', () => {
  it('moves the sandbox score, never the real one nor the database', async () => {
    await pageShows({ 'A.I.1.i.a': 'Tidak', 'A.I.1.i.b': 'C' });
    renderDashboard();
    const answerOf = (code: string) => row(code)?.querySelector('.answer')?.textContent;
    await waitFor(() => expect(answerOf('A.I.1.i.a')).toBe('Tidak'));
    const before = { answers: await database.answers.count(), revisions: await database.revisions.count(), pages: await database.pageStates.toArray() };

    fireEvent.click(screen.getByRole('button', { name: 'Mulai simulasi' }));
    fireEvent.change(screen.getByLabelText('Jawaban simulasi untuk A.I.1.i.a'), { target: { value: 'Ya' } });
    const sandboxPemenuhan = () => document.querySelector('[data-lke-sandbox-score="pemenuhan"]')?.textContent;
    expect(sandboxPemenuhan()).toBe('Simulasi: 0.25 (+0,25)');
    expect(scores().pemenuhan).toBe('0.00');
    expect(answerOf('A.I.1.i.a')).toBe('Tidak');

    fireEvent.click(screen.getByRole('button', { name: 'Kembalikan ke jawaban sebenarnya' }));
    expect(sandboxPemenuhan()).toBe('Simulasi: 0.00 (±0)');
    fireEvent.click(screen.getByRole('button', { name: 'Akhiri simulasi' }));
    expect(sandboxPemenuhan()).toBeUndefined();
    expect({ answers: await database.answers.count(), revisions: await database.revisions.count(), pages: await database.pageStates.toArray() }).toEqual(before);
  });

  it('finds the cheapest route on request, with a busy state, and puts it into the sandbox', async () => {
    const answers = nearlyGood();
    await pageShows(answers);
    renderDashboard();
    const expected = cheapestRoute(new Map(Object.entries(answers)), 'wbk');
    expect(expected.steps.length).toBeGreaterThan(0);
    await waitFor(() => expect(scores().total).toBe(computeScore(new Map(Object.entries(answers))).total.toFixed(2)));
    expect(verdictMet('wbk')).toBe('false');

    // The route search is among the details, which render after the scores.
    fireEvent.click(await screen.findByRole('button', { name: 'Cari rute ke Menuju WBK' }));
    expect(screen.getByText('Sedang menghitung rute…')).toBeTruthy();
    const result = await screen.findByTestId('route-result', {}, { timeout: 10_000 });
    expect(within(result).getAllByRole('listitem')).toHaveLength(expected.steps.length);
    expect(within(result).getAllByRole('listitem')[0]!.textContent).toContain(expected.steps[0]!.code);

    fireEvent.click(within(result).getByRole('button', { name: 'Terapkan ke simulasi' }));
    const sandboxVerdict = document.querySelector('[data-lke-sandbox-verdict="wbk"]');
    expect(sandboxVerdict?.getAttribute('data-met')).toBe(String(expected.unmet.length === 0));
    expect(verdictMet('wbk')).toBe('false');
  });
});

describe('indicator tree', () => {
  it('filters by hint and searches by code or words, with the count of rows shown', async () => {
    await pageShows({ 'A.I.1.i.a': 'Ya' });
    renderDashboard();
    await waitFor(() => expect(scores().pemenuhan).toBe('0.50'));
    // The tree renders right after the scores.
    await waitFor(() => expect(row('A.I.1.i.a')).toBeTruthy());
    expect(screen.getByTestId('tree-count').textContent).toBe('127 pertanyaan ditampilkan');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Belum dijawab' }));
    expect(row('A.I.1.i.a')).toBeNull();
    expect(row('A.I.1.i.b')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Cari kode atau kata' }), { target: { value: 'A.I.2.ii' } });
    const shown = [...document.querySelectorAll('tr[data-code]')].map((element) => element.getAttribute('data-code'));
    expect(shown).toEqual(['A.I.2.ii.a', 'A.I.2.ii.b', 'A.I.2.ii.c', 'A.I.2.ii.d']);
    expect(screen.getByTestId('tree-count').textContent).toBe('4 pertanyaan ditampilkan');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'tidak ada kata seperti ini' } });
    expect(screen.getByTestId('tree-count').textContent).toBe('Tidak ada indikator yang cocok dengan pilihan ini.');
  });

  it('shows the answer, the value, the hints and the area progress in words', async () => {
    await pageShows({ 'A.I.1.i.a': 'Ya', 'A.I.1.i.b': 'B' });
    renderDashboard();
    await waitFor(() => expect(row('A.I.1.i.b')?.querySelector('.answer')?.textContent).toBe('B'));
    const cells = row('A.I.1.i.b')!.querySelectorAll('td');
    expect(cells[2]!.textContent).toBe('0,5');
    expect(cells[3]!.textContent).toContain('Narasi belum diisi');
    expect(screen.getByText(/^Nilai 0,38 dari 4 \(9%\)/)).toBeTruthy();
  });

  it('opens an indicator in the side panel by storing the panel focus', async () => {
    renderDashboard();
    const open = await screen.findByRole('button', { name: 'Buka A.I.3.ii.b di panel samping' });
    fireEvent.click(open);
    await waitFor(async () => expect((await fakeBrowser.storage.session.get('focus')).focus).toMatchObject({ code: 'A.I.3.ii.b' }));
    expect(await screen.findByText(/A.I.3.ii.b dibuka di panel samping\. Tidak ada tab portal LKE/)).toBeTruthy();
  });
});

describe('threshold settings', () => {
  it('judges with the user’s table, resets to the defaults, and falls back visibly from an invalid one', async () => {
    await pageShows(nearlyGood());
    renderDashboard();
    await waitFor(() => expect(verdictMet('wbk')).toBe('false'));

    const total = await screen.findByLabelText('Nilai total (dari 100), Menuju WBK');
    fireEvent.change(total, { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Setiap area (% dari bobot area), Menuju WBK'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Total pengungkit (dari 60), Menuju WBK'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan ambang batas' }));
    await waitFor(() => expect(screen.getByText('Dasbor memakai ambang batas yang Anda ubah.')).toBeTruthy());
    const sheet = computeScore(new Map(Object.entries(nearlyGood())));
    const stored = (await database.settings.get(THRESHOLDS_KEY))?.value;
    expect(stored).toMatchObject({ total: { wbk: 10 }, areaShare: { wbk: 0.1 } });
    await waitFor(() => expect(verdictMet('wbk')).toBe(String(judge(sheet, 'wbk', stored as never).met)));

    fireEvent.change(total, { target: { value: 'tujuh puluh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan ambang batas' }));
    expect(await screen.findByText(/bukan angka atau di luar rentang/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Kembalikan ke bawaan' }));
    await waitFor(() => expect(screen.getByText('Dasbor memakai ambang batas bawaan.')).toBeTruthy());
    expect((screen.getByLabelText('Nilai total (dari 100), Menuju WBK') as HTMLInputElement).value).toBe('75');

    await database.settings.put({ key: THRESHOLDS_KEY, value: { total: 'tinggi' } });
    expect((await screen.findAllByText(/tidak valid, jadi nilai bawaan yang dipakai/)).length).toBeGreaterThan(0);
    expect(verdictMet('wbk')).toBe('false');
  });
});
