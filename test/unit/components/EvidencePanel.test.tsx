import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { EvidencePanel } from '@/components/evidence/EvidencePanel';
import { usePortalWriter } from '@/components/hooks/usePortalWriter';
import { addEvidence, addEvidenceFor, listEvidenceOf, listIndicatorsOf } from '@/lib/db/repositories/evidence';
import type { LkeDatabase } from '@/lib/db/schema';
import { LKE } from '@/lib/lke/template';
import type { TabCommand, TabCommandReply } from '@/lib/messaging/protocol';
import { documentItem, withPeriodDatabase } from '../evidence/components';

const CODE = 'A.I.1.i.a';
const TAB = 41;
const NOW = new Date(Date.UTC(2026, 2, 14));
const CHECKLIST = LKE.byCode.get(CODE)!.evidenceChecklist;

let database: LkeDatabase;
let periodId: number;

function Harness({ code = CODE }: { code?: string }) {
  const writer = usePortalWriter(TAB);
  return <EvidencePanel code={code} periodId={periodId} writer={writer} />;
}

function renderPanel(code?: string) {
  return render(
    <DatabaseProvider database={database}>
      <Harness code={code} />
    </DatabaseProvider>,
  );
}

const panel = () => screen.getByTestId('evidence-panel');
const linkedItem = (title: string): HTMLElement => documentItem(panel(), title);
const field = (name: string) => within(panel()).getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

/** The content script's side: `browser.tabs.sendMessage` answers with the given replies. */
const sendMessage = () =>
  vi.spyOn(fakeBrowser.tabs, 'sendMessage') as unknown as MockInstance<
    (tabId: number, command: TabCommand) => Promise<TabCommandReply>
  >;

withPeriodDatabase((db, id) => {
  database = db;
  periodId = id;
});

describe('linked documents', () => {
  it('shows each document as text, its link, date, type, note, flags and the other indicators it serves', async () => {
    const sk = await addEvidenceFor(
      database,
      {
        periodId,
        title: '<img src=x onerror=alert(1)>SK Tim',
        url: 'https://drive.google.com/drive/folders/1AbC',
        documentDate: '2026-01-05',
        type: 'SK',
        note: 'ditandatangani Kepala',
      },
      CODE,
      NOW,
    );
    await addEvidenceFor(database, { periodId, title: 'SK Tim', url: sk.url }, 'A.I.2.i.a', NOW);
    renderPanel();

    const item = await waitFor(() => linkedItem('<img src=x onerror=alert(1)>SK Tim'));
    expect(item.querySelector('img')).toBeNull();
    const link = within(item).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://drive.google.com/drive/folders/1AbC');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(within(item).getByText('Tanggal 5 Jan 2026')).toBeTruthy();
    expect(within(item).getByText('SK', { exact: false, selector: '.chip' })).toBeTruthy();
    expect(within(item).getByText(/ditandatangani Kepala/)).toBeTruthy();
    expect(within(item).getByRole('img', { name: 'Folder' })).toBeTruthy();
    expect(within(item).getByText('Folder Google Drive')).toBeTruthy();
    expect(within(item).getByText(/membuka folder, bukan dokumen/)).toBeTruthy();
    expect(within(item).getByText('Juga dipakai untuk')).toBeTruthy();
    expect([...item.querySelectorAll('.evidence-doc__code')].map((code) => code.textContent)).toEqual(['A.I.2.i.a']);
  });

  it('renders a stored link that is not http(s) as plain text', async () => {
    const id = await database.evidence.add({
      periodId,
      title: 'Lama',
      url: 'javascript:alert(1)',
      documentDate: '2025',
      type: null,
      note: '',
      createdAt: 0,
    });
    await database.evidenceLinks.add({ evidenceId: id!, periodId, code: CODE, createdAt: 0 });
    renderPanel();

    const item = await waitFor(() => linkedItem('Lama'));
    expect(within(item).queryByRole('link')).toBeNull();
    expect(within(item).getByText('javascript:alert(1)')).toBeTruthy();
    expect(within(item).getByText('Tahun 2025')).toBeTruthy();
    expect(within(panel()).getByRole('button', { name: 'Sisipkan tautan ke portal' }).hasAttribute('disabled')).toBe(true);
  });

  it('says when nothing is linked and unlinks a document without deleting it', async () => {
    const sk = await addEvidenceFor(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, CODE, NOW);
    renderPanel();

    fireEvent.click(within(await waitFor(() => linkedItem('SK Tim'))).getByRole('button', {
      name: 'Lepaskan "SK Tim" dari indikator ini (dokumen tetap ada di pustaka)',
    }));

    expect(await within(panel()).findByText('Belum ada dokumen yang ditautkan ke indikator ini.')).toBeTruthy();
    expect(await database.evidence.get(sk.id)).toEqual(sk);
  });

  it('edits a linked document', async () => {
    await addEvidenceFor(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, CODE, NOW);
    renderPanel();

    fireEvent.click(within(await waitFor(() => linkedItem('SK Tim'))).getByRole('button', { name: 'Ubah' }));
    expect(field('Judul dokumen').value).toBe('SK Tim');
    type('Judul dokumen', 'SK Tim Kerja 2026');
    type('Tanggal atau tahun dokumen', '14/03/2026');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Simpan perubahan' }));

    await waitFor(() => linkedItem('SK Tim Kerja 2026'));
    expect((await listEvidenceOf(database, periodId, CODE))[0]).toMatchObject({
      title: 'SK Tim Kerja 2026',
      documentDate: '2026-03-14',
    });
  });
});

describe('the checklist of typical evidence', () => {
  it('ticks the items a linked document has as its type and offers to add the others', async () => {
    await addEvidenceFor(
      database,
      { periodId, title: 'SK', url: 'https://x.go.id/sk.pdf', type: CHECKLIST[0]!.toUpperCase() },
      CODE,
      NOW,
    );
    renderPanel();

    expect(await within(panel()).findByText(`1 dari ${CHECKLIST.length} sudah ada`)).toBeTruthy();
    const items = [...panel().querySelectorAll('.evidence-checklist__item')];
    expect(items.map((item) => item.getAttribute('data-present'))).toEqual(CHECKLIST.map((_, at) => String(at === 0)));
    expect(within(items[0] as HTMLElement).getByRole('img', { name: 'Sudah ada' })).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByRole('img', { name: 'Belum ada' })).toBeTruthy();

    fireEvent.click(within(panel()).getByRole('button', { name: `Tambah dokumen berjenis "${CHECKLIST[1]}"` }));
    expect(field('Jenis').value).toBe(CHECKLIST[1]);
    const options = [...panel().querySelectorAll('datalist option')].map((option) => option.getAttribute('value'));
    expect(options).toEqual(CHECKLIST);
  });

  it('is left out for an indicator without typical evidence', async () => {
    renderPanel('B.I.a');
    await within(panel()).findByText('Belum ada dokumen yang ditautkan ke indikator ini.');
    expect(panel().querySelector('.evidence-checklist')).toBeNull();
  });
});

describe('adding a document', () => {
  const openForm = async () => {
    renderPanel();
    fireEvent.click(await within(panel()).findByRole('button', { name: 'Tambah dokumen baru' }));
  };
  const save = () => fireEvent.click(within(panel()).getByRole('button', { name: 'Simpan dan tautkan' }));

  it('names every missing or wrong field and stores nothing', async () => {
    await openForm();
    type('Tanggal atau tahun dokumen', '31/02/2026');
    save();

    expect(within(panel()).getByText('Judul wajib diisi.')).toBeTruthy();
    expect(within(panel()).getByText('Tautan wajib diisi.')).toBeTruthy();
    expect(within(panel()).getByText(/Tulis tanggal seperti 2026-03-14/)).toBeTruthy();
    expect(field('Judul dokumen').getAttribute('aria-invalid')).toBe('true');
    expect(field('Judul dokumen').getAttribute('aria-describedby')).toBe(
      within(panel()).getByText('Judul wajib diisi.').id,
    );
    expect(await database.evidence.count()).toBe(0);
  });

  it.each([
    ['file:///C:/ZI/sk.pdf', /Hanya tautan http:\/\/ atau https:\/\/ yang diterima/],
    ['javascript:alert(1)', /Hanya tautan http:\/\/ atau https:\/\/ yang diterima/],
    ['C:\\ZONA INTEGRITAS\\SK TIM.pdf', /Ini bukan tautan/],
    ['drive.google.com/file/d/1AbC/view', 'Tambahkan https:// di depan tautan.'],
  ])('refuses the link %j with a message saying what to do', async (url, message) => {
    await openForm();
    type('Judul dokumen', 'SK Tim');
    type('Tautan (http:// atau https://)', url);
    save();

    expect(within(panel()).getByText(message)).toBeTruthy();
    expect(await database.evidence.count()).toBe(0);
  });

  it('stores a valid document, links it and closes the form', async () => {
    await openForm();
    type('Judul dokumen', ' SK Tim Kerja ');
    type('Tautan (http:// atau https://)', 'https://x.go.id/sk.pdf');
    type('Tanggal atau tahun dokumen', '2026');
    type('Jenis', 'SK');
    type('Catatan', 'asli');
    save();

    await waitFor(() => linkedItem('SK Tim Kerja'));
    expect(within(panel()).queryByRole('button', { name: 'Simpan dan tautkan' })).toBeNull();
    expect(await listEvidenceOf(database, periodId, CODE)).toEqual([
      expect.objectContaining({ title: 'SK Tim Kerja', url: 'https://x.go.id/sk.pdf', documentDate: '2026', type: 'SK', note: 'asli' }),
    ]);
  });

  it('says when the link is a document already in the library and links that one', async () => {
    const sk = await addEvidence(
      database,
      { periodId, title: 'SK Tim (Drive)', url: 'https://drive.google.com/file/d/1AbC/view?usp=sharing' },
      NOW,
    );
    await openForm();
    type('Judul dokumen', 'SK lagi');
    type('Tautan (http:// atau https://)', 'https://drive.google.com/open?id=1AbC');

    expect(await within(panel()).findByText(/sudah ada di pustaka sebagai "SK Tim \(Drive\)"/)).toBeTruthy();
    save();

    await waitFor(() => linkedItem('SK Tim (Drive)'));
    expect(await database.evidence.count()).toBe(1);
    expect(await listIndicatorsOf(database, sk.id)).toEqual([CODE]);
  });
});

describe('linking from the library', () => {
  it('finds documents not yet linked by any word of their title, link, type or note', async () => {
    const notulen = await addEvidenceFor(
      database,
      { periodId, title: 'Notulen rapat', url: 'https://x.go.id/notulen.pdf' },
      'A.I.1.i.b',
      NOW,
    );
    await addEvidenceFor(database, { periodId, title: 'SK Tim', url: 'https://x.go.id/sk.pdf' }, CODE, NOW);
    await addEvidence(database, { periodId, title: 'Foto kegiatan', url: 'https://x.go.id/foto' }, NOW);
    renderPanel();
    await waitFor(() => linkedItem('SK Tim'));

    fireEvent.click(within(panel()).getByText('Tautkan dari pustaka'));
    type('Cari di pustaka (judul, tautan, jenis, catatan)', 'tim');
    expect(within(panel()).getByText('Tidak ada dokumen lain di pustaka yang cocok.')).toBeTruthy();
    type('Cari di pustaka (judul, tautan, jenis, catatan)', 'RAPAT notulen');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Tautkan "Notulen rapat" ke indikator ini' }));

    await waitFor(() => linkedItem('Notulen rapat'));
    expect(await listIndicatorsOf(database, notulen.id)).toEqual([CODE, 'A.I.1.i.b']);
    await waitFor(() =>
      expect(within(panel()).queryByRole('button', { name: 'Tautkan "Notulen rapat" ke indikator ini' })).toBeNull(),
    );
  });
});

describe('inserting the links into the portal', () => {
  const SK = 'https://x.go.id/sk.pdf';
  const NOTULEN = 'https://x.go.id/notulen.pdf';

  beforeEach(async () => {
    await addEvidenceFor(database, { periodId, title: 'SK Tim', url: SK }, CODE, NOW);
    await addEvidenceFor(database, { periodId, title: 'Notulen', url: NOTULEN }, CODE, new Date(NOW.getTime() + 1));
  });

  it('is not offered while no document is linked', async () => {
    renderPanel('A.I.1.i.b');
    await within(panel()).findByText('Belum ada dokumen yang ditautkan ke indikator ini.');
    expect(within(panel()).getByRole('button', { name: 'Sisipkan tautan ke portal' }).hasAttribute('disabled')).toBe(true);
  });

  it('sends every linked link, shows what the field holds and undoes it', async () => {
    const send = sendMessage()
      .mockResolvedValueOnce({ ok: true, readBack: `${SK}\n${NOTULEN}`, undoable: true })
      .mockResolvedValueOnce({ ok: true, readBack: '', undoable: false });
    renderPanel();
    await waitFor(() => linkedItem('Notulen'));

    await act(async () => fireEvent.click(within(panel()).getByRole('button', { name: 'Sisipkan tautan ke portal' })));
    expect(send).toHaveBeenCalledWith(TAB, { type: 'evidence.insert', code: CODE, links: [SK, NOTULEN] });
    expect(within(panel()).getByRole('status').textContent).toBe(
      `Tautan sudah disisipkan. Isi kolom bukti dukung di portal sekarang: ${SK}\n${NOTULEN}`,
    );

    await act(async () => fireEvent.click(within(panel()).getByRole('button', { name: 'Batalkan penyisipan' })));
    expect(send).toHaveBeenLastCalledWith(TAB, { type: 'field.undo', code: CODE, field: 'evidence' });
    expect(within(panel()).getByRole('status').textContent).toBe('Isi kolom bukti dukung di portal sudah dikembalikan.');
    expect(within(panel()).queryByRole('button', { name: 'Batalkan penyisipan' })).toBeNull();
  });

  it('sends only the selected links and offers no undo when the portal cannot undo', async () => {
    const send = sendMessage().mockResolvedValue({ ok: true, readBack: NOTULEN, undoable: false });
    renderPanel();

    fireEvent.click(within(await waitFor(() => linkedItem('Notulen'))).getByLabelText('Pilih untuk disisipkan'));
    await act(async () =>
      fireEvent.click(within(panel()).getByRole('button', { name: 'Sisipkan 1 tautan terpilih ke portal' })),
    );

    expect(send).toHaveBeenCalledWith(TAB, { type: 'evidence.insert', code: CODE, links: [NOTULEN] });
    expect(within(panel()).queryByRole('button', { name: 'Batalkan penyisipan' })).toBeNull();
  });

  it('explains why the portal was not written', async () => {
    sendMessage().mockResolvedValue({ ok: false, reason: 'no_field' });
    renderPanel();
    await waitFor(() => linkedItem('Notulen'));

    await act(async () => fireEvent.click(within(panel()).getByRole('button', { name: 'Sisipkan tautan ke portal' })));
    expect(within(panel()).getByRole('status').textContent).toBe(
      'Baris ini di portal tidak punya kolom yang bisa diisi untuk ini.',
    );
  });
});
