import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { PacksSection } from '@/components/team/PacksSection';
import type { TeamData } from '@/components/team/useTeamData';
import { listRevisions } from '@/lib/db/repositories/drafts';
import { recordPageStates } from '@/lib/db/repositories/pageStates';
import type { Unit } from '@/lib/db/schema';
import type { Stored } from '@/lib/db/repositories/rows';
import { buildPack, type PackItem } from '@/lib/interchange/pack';
import { openDatabaseWithPeriod, TEST_NOW } from '../db/testDatabase';
import { installIndonesianMessages } from '../support/i18n';

beforeAll(installIndonesianMessages);
afterEach(cleanup);

const LINK = 'https://contoh.go.id/bukti/sk.pdf';
const item = (code: string, narrative: string): PackItem => ({ code, answer: 'Ya', narrative, evidence: [LINK], status: 'draf', statusAt: 1, changedAt: 1 });

async function packFile(pic: string, items: PackItem[]): Promise<File> {
  const pack = await buildPack({ unitName: 'Unit Uji', year: 2026, pic: { name: pic, role: 'PIC', area: null }, assignments: [], items }, { appVersion: '1', exportedAt: 0 });
  return new File([JSON.stringify(pack)], `${pic}.json`, { type: 'application/json' });
}

it('previews several packs per PIC, lists the conflicts, and writes only the side chosen for each', async () => {
  const { db, periodId } = await openDatabaseWithPeriod();
  await recordPageStates(db, periodId, 'https://portal.example', [{ code: 'A.I.1.i.a', answer: 'Ya', narrative: 'Teks koordinator', evidence: [LINK] }], TEST_NOW);
  const team: TeamData = { unit: (await db.units.get(1)) as Stored<Unit>, members: [], memberNames: new Map(), assignments: [], workflow: [], events: [], me: null };
  render(
    <DatabaseProvider database={db}>
      <PacksSection periodId={periodId} year={2026} team={team} />
    </DatabaseProvider>,
  );

  const files = [await packFile('Budi', [item('A.I.1.i.a', 'Teks Budi'), item('A.I.1.i.b', 'Teks b')]), await packFile('Sari', [item('A.I.1.i.b', 'Teks b versi Sari')])];
  fireEvent.change(screen.getByLabelText('Pilih satu atau beberapa berkas paket kerja (.json)'), { target: { files } });

  const preview = await screen.findByTestId('pack-preview');
  expect(within(preview).getByText('Paket dari Budi (Unit Uji, 2026): 2 indikator')).toBeTruthy();
  expect(within(preview).getByText('2 konflik perlu diputuskan; tanpa pilihan, salinan lokal dipertahankan.')).toBeTruthy();
  const choiceA = within(preview).getByLabelText<HTMLSelectElement>('Pilihan untuk A.I.1.i.a');
  const choiceB = within(preview).getByLabelText<HTMLSelectElement>('Pilihan untuk A.I.1.i.b');
  expect([choiceA.value, choiceB.value]).toEqual(['local', 'local']);
  expect([...choiceB.options].map((option) => option.text)).toEqual(['Pertahankan salinan lokal', 'Ambil dari paket Budi', 'Ambil dari paket Sari']);

  // Sari's text for A.I.1.i.b; the coordinator's own A.I.1.i.a stays.
  fireEvent.change(choiceB, { target: { value: '1' } });
  fireEvent.click(within(preview).getByRole('button', { name: 'Gabungkan' }));
  await screen.findByText('1 indikator digabungkan dari 2 paket. Narasi lokal yang diganti tetap ada di Riwayat.');
  const narratives = async (code: string) => (await listRevisions(db, periodId, code)).filter((revision) => revision.field === 'narrative').map((revision) => revision.text);
  await waitFor(async () => expect(await narratives('A.I.1.i.b')).toEqual(['Teks b versi Sari']));
  expect(await narratives('A.I.1.i.a')).toEqual([]);
});

it('tells which file was refused and why, and changes nothing', async () => {
  const { db, periodId } = await openDatabaseWithPeriod();
  const team: TeamData = { unit: (await db.units.get(1)) as Stored<Unit>, members: [], memberNames: new Map(), assignments: [], workflow: [], events: [], me: null };
  render(
    <DatabaseProvider database={db}>
      <PacksSection periodId={periodId} year={2026} team={team} />
    </DatabaseProvider>,
  );
  const damaged = new File(['{"format":"asisten-lke-work-pack","formatVersion":1,"__proto__":{}}'], 'rusak.json');
  fireEvent.change(screen.getByLabelText('Pilih satu atau beberapa berkas paket kerja (.json)'), { target: { files: [damaged] } });
  expect((await screen.findByRole('alert')).textContent).toBe('rusak.json: Berkas memuat kunci terlarang. Tidak ada yang diubah.');
  expect(screen.queryByTestId('pack-preview')).toBeNull();
});
