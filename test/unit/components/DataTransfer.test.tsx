import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { DataTransfer } from '@/components/dashboard/DataTransfer';
import type { ActiveContext } from '@/components/hooks/useActiveContext';
import { saveAnswer } from '@/lib/db/repositories/answers';
import { exportBackup, readBackup } from '@/lib/db/repositories/backup';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { listDrafts } from '@/lib/db/repositories/drafts';
import { addEvidenceFor, listEvidenceOf } from '@/lib/db/repositories/evidence';
import type { LkeDatabase } from '@/lib/db/schema';
import { exportWorkbook } from '@/lib/interchange/excel';
import { LKE } from '@/lib/lke/template';
import { createTestDatabase } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

const databases: LkeDatabase[] = [];
// An option question of the template and two of its answers.
const OPTION_QUESTION = LKE.answerable.find((indicator) => indicator.options.length > 1)!;
const CODE = OPTION_QUESTION.code;
const [FIRST, SECOND] = OPTION_QUESTION.options.map((option) => option.key);
/** Every Blob handed to `URL.createObjectURL`, i.e. every download the card started. */
let downloads: Blob[];

async function seeded(): Promise<{ database: LkeDatabase; context: ActiveContext }> {
  const database = createTestDatabase();
  databases.push(database);
  const { unit, period } = await ensureActiveContext(database, { now: new Date(2026, 2, 14), defaultUnitName: 'KPP Pratama Contoh' });
  return { database, context: { unitId: unit.id, unitName: unit.name, periodId: period.id, year: period.year } };
}

function renderCard(database: LkeDatabase, context: ActiveContext) {
  return render(
    <DatabaseProvider database={database}>
      <DataTransfer context={context} states={new Map()} />
    </DatabaseProvider>,
  );
}

/** Everything the database holds, as a backup of all of it would carry it. */
const contentOf = async (database: LkeDatabase) => (await exportBackup(database, { kind: 'all' }, { appVersion: '0', exportedAt: 0 })).data;

const chooseFile = (label: RegExp, file: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

beforeAll(installIndonesianMessages);

beforeEach(() => {
  downloads = [];
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Asisten LKE', version: '1.2.3' });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  // happy-dom would try to navigate to the blob URL.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  for (const database of databases.splice(0)) database.close();
});

describe('DataTransfer', () => {
  it('exports the period as a backup that readBackup accepts', async () => {
    const { database, context } = await seeded();
    await saveAnswer(database, { periodId: context.periodId, code: CODE, value: FIRST!, source: 'user' }, new Date(2026, 2, 15));
    renderCard(database, context);

    fireEvent.click(screen.getByRole('button', { name: 'Ekspor periode ini' }));
    await screen.findByText('Berkas cadangan telah diunduh.');

    expect(downloads).toHaveLength(1);
    const parsed = await readBackup(database, await downloads[0]!.text());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.backup.data.answers.map((answer) => [answer.code, answer.value])).toEqual([[CODE, FIRST]]);
  });

  it('rejects a broken file and changes nothing', async () => {
    const { database, context } = await seeded();
    const before = await contentOf(database);
    renderCard(database, context);

    chooseFile(/Impor berkas cadangan/, new File(['{"format": "asisten-lke-backup", '], 'cadangan.json', { type: 'application/json' }));

    const alert = await waitFor(() => {
      const element = screen.getAllByRole('alert').find((candidate) => candidate.textContent);
      if (!element) throw new Error('no alert yet');
      return element;
    });
    expect(alert.textContent).toMatch(/bukan JSON yang utuh.*Tidak ada data yang diubah/);
    expect(screen.queryByRole('button', { name: 'Terapkan' })).toBeNull();
    expect(await contentOf(database)).toEqual(before);
  });

  it('previews a valid backup in a fresh database and applies it', async () => {
    const source = await seeded();
    await saveAnswer(source.database, { periodId: source.context.periodId, code: CODE, value: SECOND!, source: 'user' }, new Date(2026, 2, 15));
    const text = JSON.stringify(await exportBackup(source.database, { kind: 'all' }, { appVersion: '1.2.3', exportedAt: Date.now() }));
    const target = createTestDatabase();
    databases.push(target);
    renderCard(target, source.context);

    chooseFile(/Impor berkas cadangan/, new File([text], 'cadangan.json', { type: 'application/json' }));

    const answersRow = await waitFor(() => {
      const row = document.querySelector('tr[data-table="answers"]');
      if (!row) throw new Error('no preview yet');
      return row;
    });
    // Columns: name, new, changed, conflict.
    expect([...answersRow.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['1', '0', '0']);
    expect(await target.answers.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Terapkan' }));

    await screen.findByText(/^Cadangan diterapkan: \d+ data baru, 0 data diperbarui/);
    expect((await target.answers.toArray()).map((answer) => [answer.code, answer.value])).toEqual([[CODE, SECOND]]);
    expect(screen.queryByRole('button', { name: 'Terapkan' })).toBeNull();
  });

  it('lets the user take the file’s side of an indicator edited on both sides', async () => {
    const { database, context } = await seeded();
    const exportedAt = Date.now();
    await saveAnswer(database, { periodId: context.periodId, code: CODE, value: FIRST!, source: 'user' }, new Date(exportedAt - 60_000));
    const text = JSON.stringify(await exportBackup(database, { kind: 'all' }, { appVersion: '1.2.3', exportedAt }));
    await saveAnswer(database, { periodId: context.periodId, code: CODE, value: SECOND!, source: 'user' }, new Date(exportedAt + 60_000));
    renderCard(database, context);

    chooseFile(/Impor berkas cadangan/, new File([text], 'cadangan.json', { type: 'application/json' }));

    const choice = await screen.findByRole<HTMLSelectElement>('combobox', { name: new RegExp(`${CODE.replaceAll('.', '\\.')} .*diubah di kedua sisi`) });
    expect(choice.value).toBe('local');
    fireEvent.change(choice, { target: { value: 'file' } });
    fireEvent.click(screen.getByRole('button', { name: 'Terapkan' }));

    await screen.findByText(/^Cadangan diterapkan/);
    expect((await database.answers.toArray()).map((answer) => answer.value)).toEqual([FIRST]);
  });

  it('reads an LKE workbook, and saves its answers and narratives only when asked', async () => {
    const { database, context } = await seeded();
    const states = new Map([[CODE, { code: CODE, answer: FIRST!, narrative: 'Narasi dari workbook.', evidence: [] }]]);
    const { bytes } = await exportWorkbook(states, 'portalrb', { unit: context.unitName, year: context.year });
    renderCard(database, context);

    chooseFile(/Baca workbook LKE/, new File([bytes as Uint8Array<ArrayBuffer>], 'lke.xlsx'));

    await screen.findByText('Format dikenali: template PortalRB.', undefined, { timeout: 10_000 });
    expect(screen.getByText(/^\d+ jawaban ditemukan\.$/)).toBeTruthy();
    expect(await database.answers.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Simpan ke ekstensi' }));

    await screen.findByText('Isi workbook disimpan untuk 1 indikator.');
    expect((await database.answers.toArray()).map((answer) => [answer.code, answer.value, answer.source])).toEqual([[CODE, FIRST, 'user']]);
    expect((await listDrafts(database, context.periodId, CODE)).map((draft) => draft.text)).toEqual(['Narasi dari workbook.']);
  });

  it('saves a workbook’s evidence links into the library, reusing a document it holds', async () => {
    const { database, context } = await seeded();
    const [other] = LKE.answerable.filter((indicator) => indicator.code !== CODE);
    const shared = 'https://drive.example.go.id/sk-tim';
    await addEvidenceFor(database, { periodId: context.periodId, title: 'SK Tim ZI', url: shared }, other!.code, new Date(2026, 2, 15));
    const states = new Map([
      [CODE, { code: CODE, answer: FIRST!, narrative: null, evidence: [{ url: shared }, { url: 'https://drive.example.go.id/notulen' }] }],
      [other!.code, { code: other!.code, answer: null, narrative: null, evidence: [{ url: shared }] }],
    ]);
    const { bytes } = await exportWorkbook(states, 'lampiran3', { unit: context.unitName, year: context.year });
    renderCard(database, context);

    chooseFile(/Baca workbook LKE/, new File([bytes as Uint8Array<ArrayBuffer>], 'lke.xlsx'));

    await screen.findByText('2 tautan bukti dukung akan ditautkan ke indikatornya (1 dokumen baru di pustaka bukti).', undefined, { timeout: 10_000 });
    expect(await database.evidence.count()).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Simpan ke ekstensi' }));

    await screen.findByText('Isi workbook disimpan untuk 1 indikator; 2 tautan bukti dukung ditambahkan.');
    expect((await listEvidenceOf(database, context.periodId, CODE)).map((document) => [document.url, document.title])).toEqual([
      [shared, 'SK Tim ZI'],
      ['https://drive.example.go.id/notulen', `Bukti dukung ${CODE} (dari workbook LKE)`],
    ]);
    expect(await database.evidence.count()).toBe(2);
    expect((await listEvidenceOf(database, context.periodId, other!.code)).map((document) => document.url)).toEqual([shared]);
  });
});
