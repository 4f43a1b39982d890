import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { WORKBENCH_TABS } from '@/components/workbench/tabs';
import { Workbench } from '@/components/workbench/Workbench';
import { saveAnswer } from '@/lib/db/repositories/answers';
import { activeDraftId, createDraft, replaceDraftText } from '@/lib/db/repositories/drafts';
import { rollOverPeriod } from '@/lib/db/repositories/periods';
import { createUnit } from '@/lib/db/repositories/units';
import type { LkeDatabase } from '@/lib/db/schema';
import { createTestDatabase } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

const CODE = 'A.I.1.i.a';
const NOW = new Date(2025, 10, 3, 9, 0);
const NARRATIVE = 'Pada tahun 2025 tim dibentuk <b>SK KEP-12/2025</b>; hubungi 0812-2025-7788. Evaluasi tahun 2024 dilampirkan.';

let db: LkeDatabase;
let periodId: number;

function renderWorkbench() {
  return render(
    <DatabaseProvider database={db}>
      <Workbench code={CODE} session={{ unitId: 1, periodId, year: 2026, tabId: null }} hints={[]} tabs={WORKBENCH_TABS} />
    </DatabaseProvider>,
  );
}

const draftText = async () => (await db.drafts.get((await activeDraftId(db, periodId, CODE))!))?.text;
const clickPreviousTab = async () => {
  renderWorkbench();
  await act(async () => fireEvent.click(screen.getByRole('tab', { name: 'Periode lalu' })));
};
const openPreviousTab = async () => {
  await clickPreviousTab();
  return screen.findByTestId('previous-period');
};

beforeAll(installIndonesianMessages);

beforeEach(async () => {
  db = createTestDatabase();
  const { period } = await createUnit(db, { name: 'KPP Pratama Contoh', year: 2025 }, NOW);
  await saveAnswer(db, { periodId: period.id, code: CODE, value: 'Ya', source: 'user' }, NOW);
  await createDraft(db, { periodId: period.id, code: CODE, name: 'Final', text: NARRATIVE }, NOW);
  periodId = (await rollOverPeriod(db, { fromPeriodId: period.id }, new Date(2026, 0, 5))).id;
});

afterEach(() => {
  cleanup();
  db.close();
});

describe('carried-over indicator', () => {
  it('shows "Perlu ditinjau" with where it came from until it is marked reviewed', async () => {
    renderWorkbench();
    const notice = await screen.findByTestId('carry-over');
    expect(within(notice).getByText('Perlu ditinjau')).toBeTruthy();
    expect(notice.textContent).toContain('Dibawa dari periode 2025.');

    await act(async () => fireEvent.click(within(notice).getByRole('button', { name: 'Tandai sudah ditinjau' })));

    await waitFor(() => expect(screen.getByTestId('carry-over').textContent).toBe('Sudah ditinjau.'));
    expect((await db.carryOvers.get([periodId, CODE]))?.reviewedAt).toEqual(expect.any(Number));
  });

  it('says what changed in the template entry of a stale one', async () => {
    await db.carryOvers.update([periodId, CODE], { staleReasons: ['wording', 'weight'] });
    renderWorkbench();
    const notice = await screen.findByTestId('carry-over');
    await waitFor(() => expect(within(notice).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Rumusan pertanyaan atau kriteria berubah di edisi template ini.',
      'Bobot indikator berubah di edisi template ini.',
    ]));
  });
});

describe('Periode lalu', () => {
  it('sets last period’s answer and narrative beside this period’s, as text', async () => {
    const tab = await openPreviousTab();
    const previous = within(tab).getByTestId('previous-side');
    expect(within(previous).getByText('Periode lalu (2025)')).toBeTruthy();
    expect(previous.textContent).toContain('Jawaban: Ya');
    expect(within(previous).getByText(NARRATIVE)).toBeTruthy();
    expect(within(tab).getByTestId('current-side').textContent).toContain('Periode ini (2026)');
    // The narrative's markup is text: no element is made from it.
    expect(tab.querySelector('b')).toBeNull();
  });

  it('highlights last period’s years in the draft and replaces one only when its suggestion is clicked', async () => {
    const tab = await openPreviousTab();
    const marks = [...within(tab).getByTestId('year-mentions').querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['2025', '2024']);
    expect(await draftText()).toBe(NARRATIVE);

    await act(async () => fireEvent.click(within(tab).getByRole('button', { name: 'Ganti 2024 menjadi 2025 (sebutan ke-2)' })));

    await waitFor(async () => expect(await draftText()).toBe(NARRATIVE.replace('tahun 2024', 'tahun 2025')));
    expect(await screen.findByText('2024 diganti menjadi 2025 di draf.')).toBeTruthy();
    await waitFor(() => expect([...tab.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['2025', '2025']));
  });

  it('copies last period’s narrative into the current draft on request', async () => {
    const draftId = (await activeDraftId(db, periodId, CODE))!;
    await replaceDraftText(db, draftId, 'Teks baru tahun ini.', new Date(2026, 0, 6));
    const tab = await openPreviousTab();
    await waitFor(() => expect(within(tab).getByTestId('current-side').textContent).toContain('Teks baru tahun ini.'));

    await act(async () => fireEvent.click(within(tab).getByRole('button', { name: 'Salin narasi periode lalu ke draf' })));

    await waitFor(async () => expect(await draftText()).toBe(NARRATIVE));
  });

  it('says when the unit has no earlier period', async () => {
    const { period } = await createUnit(db, { name: 'Unit Baru', year: 2026 }, NOW);
    periodId = period.id;
    await clickPreviousTab();
    expect(await screen.findByText('Belum ada periode lalu untuk unit ini.')).toBeTruthy();
  });
});
