import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { EvidenceLibrary } from '@/components/evidence/EvidenceLibrary';
import { addEvidence, addEvidenceFor, listIndicatorsOf } from '@/lib/db/repositories/evidence';
import type { LkeDatabase } from '@/lib/db/schema';
import { LKE } from '@/lib/lke/template';
import { documentItem, withPeriodDatabase } from '../evidence/components';

const NOW = new Date(Date.UTC(2026, 2, 14));

let database: LkeDatabase;
let periodId: number;

function renderLibrary() {
  return render(
    <DatabaseProvider database={database}>
      <EvidenceLibrary periodId={periodId} />
    </DatabaseProvider>,
  );
}

const library = () => screen.getByTestId('evidence-library');
const titles = () => [...library().querySelectorAll('.evidence-doc__title')].map((title) => title.textContent);
const itemOf = (title: string): HTMLElement => documentItem(library(), title);

withPeriodDatabase((db, id) => {
  database = db;
  periodId = id;
});

describe('EvidenceLibrary', () => {
  it('says when the library is empty', async () => {
    renderLibrary();
    expect(await within(library()).findByText(/Pustaka periode ini masih kosong/)).toBeTruthy();
    expect(within(library()).getByText('0 dokumen')).toBeTruthy();
  });

  it('lists every document by title with the indicators it serves and its flags', async () => {
    await addEvidenceFor(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, 'A.I.1.i.b', NOW);
    await addEvidenceFor(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, 'A.I.1.i.a', NOW);
    await addEvidence(database, { periodId, title: 'Foto', url: 'http://192.168.1.4/foto.jpg' }, NOW);
    // Stored before duplicates were recognised: the same Drive file under two entries.
    await database.evidence.bulkAdd([
      { periodId, title: 'Notulen A', url: 'https://drive.google.com/file/d/1N/view', documentDate: null, type: null, note: '', createdAt: 0 },
      { periodId, title: 'Notulen B', url: 'https://drive.google.com/open?id=1N', documentDate: null, type: null, note: '', createdAt: 0 },
    ]);
    renderLibrary();

    await waitFor(() => expect(titles()).toEqual(['Foto', 'Notulen A', 'Notulen B', 'SK Tim']));
    expect(within(library()).getByText('4 dokumen')).toBeTruthy();
    const sk = itemOf('SK Tim');
    expect(within(sk).getByText('Dipakai untuk')).toBeTruthy();
    expect([...sk.querySelectorAll('.evidence-doc__code')].map((code) => code.textContent)).toEqual(['A.I.1.i.a', 'A.I.1.i.b']);
    expect(within(itemOf('Foto')).getByText('Belum dipakai untuk indikator mana pun.')).toBeTruthy();
    expect(within(itemOf('Foto')).getByRole('img', { name: 'Tidak dapat dibuka orang lain' })).toBeTruthy();
    expect(within(itemOf('Foto')).getByText('Alamat jaringan lokal')).toBeTruthy();
    expect(within(itemOf('Notulen A')).getByText(/juga tercatat sebagai: "Notulen B"/)).toBeTruthy();
    expect(within(sk).queryByRole('list', { name: 'Perlu diperiksa' })).toBeNull();
  });

  it('searches and shows only the documents that need checking', async () => {
    await addEvidence(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf', type: 'SK' }, NOW);
    await addEvidence(database, { periodId, title: 'Notulen', url: 'https://www.dropbox.com/sh/abc/x' }, NOW);
    renderLibrary();
    await waitFor(() => expect(titles()).toEqual(['Notulen', 'SK Tim']));

    fireEvent.change(within(library()).getByLabelText('Cari di pustaka (judul, tautan, jenis, catatan)'), {
      target: { value: 'sk' },
    });
    expect(titles()).toEqual(['SK Tim']);
    fireEvent.click(within(library()).getByLabelText('Hanya yang perlu diperiksa'));
    expect(titles()).toEqual([]);
    expect(within(library()).getByText('Tidak ada dokumen yang cocok.')).toBeTruthy();
    fireEvent.change(within(library()).getByLabelText('Cari di pustaka (judul, tautan, jenis, catatan)'), {
      target: { value: '' },
    });
    expect(titles()).toEqual(['Notulen']);
  });

  it('links a document to several indicators at once, and nothing when a code is unknown', async () => {
    const sk = await addEvidence(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, NOW);
    renderLibrary();
    const item = await waitFor(() => itemOf('SK Tim'));
    const codes = within(item).getByLabelText('Tautkan ke indikator (kode dipisah koma atau spasi)');
    const link = within(item).getByRole('button', { name: 'Tautkan' });

    fireEvent.click(link);
    expect(within(item).getByRole('status').textContent).toBe('Tulis satu atau beberapa kode indikator, misalnya A.I.1.i.a.');

    fireEvent.change(codes, { target: { value: 'A.I.1.i.a, A.I.9.x' } });
    fireEvent.click(link);
    expect(within(item).getByRole('status').textContent).toBe('Kode tidak dikenal: A.I.9.x');
    expect(await listIndicatorsOf(database, sk.id)).toEqual([]);

    fireEvent.change(codes, { target: { value: 'a.i.1.i.b a.i.1.i.a' } });
    fireEvent.click(link);
    await waitFor(() =>
      expect(within(itemOf('SK Tim')).getByRole('status').textContent).toBe('Ditautkan ke 2 indikator baru.'),
    );
    expect(await listIndicatorsOf(database, sk.id)).toEqual(['A.I.1.i.a', 'A.I.1.i.b']);
    expect(within(itemOf('SK Tim')).getByLabelText('Tautkan ke indikator (kode dipisah koma atau spasi)')).toHaveProperty('value', '');
  });

  it('edits a document', async () => {
    const sk = await addEvidenceFor(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, 'A.I.1.i.a', NOW);
    renderLibrary();
    fireEvent.click(within(await waitFor(() => itemOf('SK Tim'))).getByRole('button', { name: 'Ubah' }));
    const types = [...library().querySelectorAll('datalist option')].map((option) => option.getAttribute('value'));
    expect(types).toEqual(LKE.byCode.get('A.I.1.i.a')!.evidenceChecklist);

    fireEvent.change(within(library()).getByLabelText('Tautan (http:// atau https://)'), { target: { value: 'ftp://x.go.id/sk.pdf' } });
    fireEvent.click(within(library()).getByRole('button', { name: 'Simpan perubahan' }));
    expect(within(library()).getByText(/Hanya tautan http:\/\/ atau https:\/\//)).toBeTruthy();

    await addEvidence(database, { periodId, title: 'SK lama', url: 'https://x.go.id/sk-lama.pdf' }, NOW);
    fireEvent.change(within(library()).getByLabelText('Tautan (http:// atau https://)'), { target: { value: 'https://X.go.id/sk-lama.pdf/' } });
    expect(await within(library()).findByText(/juga tercatat sebagai: "SK lama"/, { selector: '[role="status"]' })).toBeTruthy();

    fireEvent.change(within(library()).getByLabelText('Tautan (http:// atau https://)'), { target: { value: 'https://x.go.id/sk-2026.pdf' } });
    fireEvent.click(within(library()).getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(async () => expect((await database.evidence.get(sk.id))?.url).toBe('https://x.go.id/sk-2026.pdf'));
    expect(await within(library()).findByRole('link', { name: 'https://x.go.id/sk-2026.pdf' })).toBeTruthy();
  });

  it('deletes a document with its links only after a confirmation', async () => {
    const sk = await addEvidenceFor(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, 'A.I.1.i.a', NOW);
    renderLibrary();
    const item = await waitFor(() => itemOf('SK Tim'));

    fireEvent.click(within(item).getByRole('button', { name: 'Hapus' }));
    expect(within(item).getByText('Dokumen ini akan dihapus dari pustaka dan dilepas dari 1 indikator.')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Batal' }));
    expect(await database.evidence.get(sk.id)).toEqual(sk);

    fireEvent.click(within(item).getByRole('button', { name: 'Hapus' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Ya, hapus dari pustaka' }));
    expect(await within(library()).findByText(/Pustaka periode ini masih kosong/)).toBeTruthy();
    expect(await database.evidenceLinks.count()).toBe(0);
  });
});
