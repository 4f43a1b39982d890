import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { IndicatorDetail, type IndicatorDetailProps } from '@/components/IndicatorDetail';
import type { PageState } from '@/lib/db/schema';
import { createTestDatabase, emptyPageState } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

const UNTRUSTED_NARRATIVE = '<img src=x onerror="alert(1)">Rapat pembentukan tim\nbaris kedua';

const pageState = (fields: Partial<PageState>): PageState => emptyPageState('A.I.1.i.a', fields);

function renderDetail(props: Partial<IndicatorDetailProps>) {
  return render(
    <IndicatorDetail
      code="A.I.1.i.a"
      pageState={undefined}
      savedAnswer={undefined}
      periodKnown
      session={null}
      hints={[]}
      onSelect={() => {}}
      {...props}
    />,
  );
}

const card = () => screen.getByTestId('indicator-detail');

beforeAll(installIndonesianMessages);
afterEach(cleanup);

describe('IndicatorDetail', () => {
  it('shows an empty state without data-code when nothing is focused', () => {
    renderDetail({ code: null });
    expect(card().hasAttribute('data-code')).toBe(false);
    expect(screen.getByRole('heading', { level: 2, name: 'Indikator saat ini' })).toBeTruthy();
    expect(screen.getByText('Belum ada indikator yang dipilih')).toBeTruthy();
  });

  it('treats an unknown code like no focus', () => {
    renderDetail({ code: 'A.IX.9' });
    expect(card().hasAttribute('data-code')).toBe(false);
  });

  it('renders page text as text only, never as markup', () => {
    renderDetail({ pageState: pageState({ narrative: UNTRUSTED_NARRATIVE }) });
    const narrative = within(card()).getByText(/Rapat pembentukan tim/);
    expect(narrative.textContent).toBe(UNTRUSTED_NARRATIVE);
    expect(card().querySelector('img')).toBeNull();
  });

  it('links only http(s) evidence and lists the rest as plain text', () => {
    const evidence = ['http://arsip.example.id/sk.pdf', 'javascript:alert(1)', 'data:text/html,hi', 'Lemari arsip 3'];
    renderDetail({ pageState: pageState({ evidence }) });
    const links = within(card()).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['http://arsip.example.id/sk.pdf']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    for (const text of evidence.slice(1)) expect(within(card()).getByText(text).closest('a')).toBeNull();
  });

  it('names each empty part of the page and when the page was read', () => {
    renderDetail({ pageState: pageState({ answer: '  ' }) });
    expect(within(card()).getAllByText('Belum diisi')).toHaveLength(3);
    expect(within(card()).getByText(/^Terbaca /)).toBeTruthy();
  });

  it('shows the option text next to the page answer, matching letters case-insensitively', () => {
    renderDetail({ code: 'A.I.1.iii.a', pageState: pageState({ code: 'A.I.1.iii.a', answer: 'c' }) });
    const answer = within(card()).getByText('c', { selector: 'strong' });
    expect(answer.parentElement?.textContent).toBe(
      'c — Jika sebagian kecil kegiatan pembangunan telah dilaksanakan sesuai dengan rencana',
    );
  });

  it('explains that nothing can be shown while the period is unknown', () => {
    renderDetail({ periodKnown: false, pageState: pageState({ answer: 'Ya' }) });
    expect(within(card()).getByText(/Periode aktif belum diketahui/)).toBeTruthy();
    expect(within(card()).queryByText('Ya', { selector: 'strong' })).toBeNull();
  });

  it('names answer types in words', () => {
    renderDetail({ code: 'A.II.4.i.a.1' });
    expect(within(card()).getByText('Jumlah')).toBeTruthy();
    cleanup();
    renderDetail({ code: 'B.II.a' });
    expect(within(card()).getByText('Indeks 0–4')).toBeTruthy();
    expect(within(card()).getByText(/Indeks Persepsi Kualitas Pelayanan Publik/)).toBeTruthy();
  });

  it('moves to a percentage input when it is chosen', () => {
    const onSelect = vi.fn();
    renderDetail({ code: 'A.II.5.iii.a', onSelect });
    const inputs = within(card()).getAllByRole('button');
    expect(inputs).toHaveLength(4);
    fireEvent.click(inputs[3]!);
    expect(onSelect).toHaveBeenCalledWith('A.II.5.iii.a.4');
  });
});

describe('IndicatorDetail workbench', () => {
  it('shows the workbench tabs below the description once the session is known', async () => {
    const database = createTestDatabase();
    render(
      <DatabaseProvider database={database}>
        <IndicatorDetail
          code="A.I.1.i.a"
          pageState={undefined}
          savedAnswer={undefined}
          periodKnown
          session={{ unitId: 1, periodId: 1, year: 2026, tabId: null }}
          hints={[{ rule: 'noEvidence', code: 'A.I.1.i.a', severity: 'warning', params: {} }]}
          onSelect={() => {}}
        />
      </DatabaseProvider>,
    );
    const tabs = within(card()).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Narasi', 'Riwayat', 'Bukti dukung', 'Periode lalu', 'Petunjuk']);
    // The description comes first, the workbench after it.
    const question = within(card()).getByText('Pertanyaan');
    expect(question.compareDocumentPosition(screen.getByTestId('workbench')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await within(card()).findByLabelText(/^Narasi \(penjelasan\)/);
    // The evidence library and the indicator's hints are tabs of the same workbench.
    fireEvent.click(tabs[2]!);
    expect((await within(card()).findByTestId('evidence-panel')).dataset.code).toBe('A.I.1.i.a');
    fireEvent.click(tabs[4]!);
    expect(within(card()).getByRole('tabpanel').textContent).toContain('Bukti dukung belum ada');
    database.close();
  });

  it('has no workbench while the session is unknown', () => {
    renderDetail({ session: null });
    expect(screen.queryByTestId('workbench')).toBeNull();
  });
});
