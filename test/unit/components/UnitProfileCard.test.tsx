import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { UnitProfileCard } from '@/components/workbench/UnitProfileCard';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import type { LkeDatabase } from '@/lib/db/schema';
import { createTestDatabase } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

let db: LkeDatabase;
let unitId: number;

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const fill = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

/** The card over the test database, once it shows the stored unit. */
async function renderCard() {
  render(
    <DatabaseProvider database={db}>
      <UnitProfileCard unitId={unitId} />
    </DatabaseProvider>,
  );
  await waitFor(() => expect(field('Nama unit kerja').value).toBe('Unit Kerja Saya'));
}

beforeAll(installIndonesianMessages);

beforeEach(async () => {
  db = createTestDatabase();
  ({
    unit: { id: unitId },
  } = await ensureActiveContext(db, { now: new Date(2026, 0, 2), defaultUnitName: 'Unit Kerja Saya' }));
});

afterEach(() => {
  cleanup();
  db.close();
});

describe('UnitProfileCard', () => {
  it('saves the unit’s name, agency and profile', async () => {
    await renderCard();

    fill('Nama unit kerja', 'KPP Pratama Contoh');
    fill('Instansi', 'Kementerian Keuangan');
    fill('Pimpinan unit', 'Budi Santoso');
    fill('Nomor SK Tim ZI', 'KEP-12/2026');
    fill('Tanggal SK Tim ZI', '2026-01-05');
    fill('Ketua Tim ZI', ' Sari ');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan profil' }));

    await screen.findByText('Profil unit tersimpan.');
    expect(await db.units.get(unitId)).toMatchObject({
      name: 'KPP Pratama Contoh',
      agency: 'Kementerian Keuangan',
      profile: { pimpinan: 'Budi Santoso', nomorSk: 'KEP-12/2026', tanggalSk: '2026-01-05', ketuaTim: 'Sari' },
    });
    expect(field('Ketua Tim ZI').value).toBe('Sari');
  });

  it('marks each unacceptable field with its reason and saves nothing', async () => {
    await renderCard();

    fill('Nama unit kerja', '  ');
    fill('Pimpinan unit', 'x'.repeat(201));
    fireEvent.click(screen.getByRole('button', { name: 'Simpan profil' }));

    expect(screen.getByRole('status').textContent).toBe('Profil belum disimpan. Periksa kolom yang ditandai.');
    expect(field('Nama unit kerja').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field('Nama unit kerja').getAttribute('aria-describedby')!)?.textContent).toBe('Wajib diisi.');
    expect(document.getElementById(field('Pimpinan unit').getAttribute('aria-describedby')!)?.textContent).toBe(
      'Terlalu panjang, paling banyak 200 karakter.',
    );
    expect(field('Instansi').getAttribute('aria-invalid')).toBe('false');
    expect((await db.units.get(unitId))?.name).toBe('Unit Kerja Saya');
  });
});

describe('UnitProfileCard target', () => {
  it('saves the unit’s target predicate with its profile', async () => {
    await renderCard();
    expect((screen.getByLabelText('Target predikat') as HTMLSelectElement).value).toBe('wbk');

    fireEvent.change(screen.getByLabelText('Target predikat'), { target: { value: 'wbbm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan profil' }));

    await screen.findByText('Profil unit tersimpan.');
    expect(await db.units.get(unitId)).toMatchObject({ name: 'Unit Kerja Saya', target: 'wbbm' });
  });
});
