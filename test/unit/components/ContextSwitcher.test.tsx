import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContextSwitcher } from '@/components/context/ContextSwitcher';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { getActiveContext } from '@/lib/db/repositories/context';
import { originContextKey } from '@/lib/db/repositories/originContext';
import { createPeriod, listPeriods } from '@/lib/db/repositories/periods';
import { saveAnswer } from '@/lib/db/repositories/answers';
import { createUnit } from '@/lib/db/repositories/units';
import type { LkeDatabase } from '@/lib/db/schema';
import { createTestDatabase } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

const NOW = new Date(2025, 5, 1);
const SITE = 'https://portalrb.menpan.go.id';

let db: LkeDatabase;
let current: { unitId: number; periodId: number };
const onSwitched = vi.fn();

/** The switcher as a page shows it, re-rendered with the context the database holds after each switch. */
function renderSwitcher(site: string | null = SITE) {
  const view = render(
    <DatabaseProvider database={db}>
      <ContextSwitcher current={current} site={site} onSwitched={onSwitched} />
    </DatabaseProvider>,
  );
  onSwitched.mockImplementation(async () => {
    const active = await getActiveContext(db);
    current = { unitId: active!.unit.id, periodId: active!.period.id };
    view.rerender(
      <DatabaseProvider database={db}>
        <ContextSwitcher current={current} site={site} onSwitched={onSwitched} />
      </DatabaseProvider>,
    );
  });
  fireEvent.click(screen.getByRole('button', { name: 'Ganti unit/periode' }));
  return screen.getByRole('group', { name: 'Unit dan periode' });
}

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;
const optionTexts = (label: string) => [...select(label).options].map((option) => option.textContent);
const storedSite = async () => (await db.settings.get(originContextKey(SITE)))?.value;

beforeAll(installIndonesianMessages);

beforeEach(async () => {
  db = createTestDatabase();
  const { unit, period } = await createUnit(db, { name: 'KPP Pratama Contoh', year: 2025 }, NOW);
  await createPeriod(db, { unitId: unit.id, year: 2024 }, NOW);
  current = { unitId: unit.id, periodId: period.id };
  onSwitched.mockReset();
});

afterEach(() => {
  cleanup();
  db.close();
});

describe('ContextSwitcher', () => {
  it('is folded until asked for, then lists the units and the unit’s periods', async () => {
    await createUnit(db, { name: 'Balai Besar', year: 2026 }, NOW);
    render(
      <DatabaseProvider database={db}>
        <ContextSwitcher current={current} site={null} onSwitched={onSwitched} />
      </DatabaseProvider>,
    );
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ganti unit/periode' }));

    await waitFor(() => expect(optionTexts('Unit kerja')).toEqual(['Balai Besar', 'KPP Pratama Contoh']));
    expect(optionTexts('Periode')).toEqual(['Periode 2025', 'Periode 2024']);
    expect(select('Unit kerja').value).toBe(String(current.unitId));
    expect(screen.getByText('Target: WBK')).toBeTruthy();
  });

  it('switches the period, for the portal site beside the panel too', async () => {
    renderSwitcher();
    const [, older] = await listPeriods(db, current.unitId);
    await waitFor(() => expect(optionTexts('Periode')).toHaveLength(2));

    await act(async () => fireEvent.change(select('Periode'), { target: { value: String(older!.id) } }));

    await screen.findByText('Sekarang: KPP Pratama Contoh, periode 2024.');
    expect((await getActiveContext(db))?.period.id).toBe(older!.id);
    expect(await storedSite()).toEqual({ periodId: older!.id });
    expect(onSwitched).toHaveBeenCalled();
  });

  it('creates a unit with its first period and works in it', async () => {
    const group = renderSwitcher();
    fireEvent.click(await within(group).findByText('Unit baru'));
    fireEvent.change(screen.getByLabelText('Nama unit'), { target: { value: 'Rutan Kelas I' } });
    fireEvent.change(screen.getByLabelText('Tahun evaluasi pertama'), { target: { value: '2026' } });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buat unit' })));

    await screen.findByText('Unit Rutan Kelas I dibuat dengan periode 2026.');
    const active = await getActiveContext(db);
    expect(active).toMatchObject({ unit: { name: 'Rutan Kelas I' }, period: { year: 2026 } });
    expect(await storedSite()).toEqual({ periodId: active!.period.id });
  });

  it('rolls the newest period over into the next year by default', async () => {
    const source = current.periodId;
    await saveAnswer(db, { periodId: current.periodId, code: 'A.I.1.i.a', value: 'Ya', source: 'user' }, NOW);
    const group = renderSwitcher();
    fireEvent.click(await within(group).findByText('Periode baru'));
    await waitFor(() => expect((screen.getByLabelText('Tahun evaluasi') as HTMLInputElement).value).toBe('2026'));
    expect(select('Isi awal').selectedOptions[0]?.textContent).toMatch(/^Lanjutkan dari periode 2025/);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buat periode' })));

    await screen.findByText(/^Periode 2026 dibuat dari periode 2025\./);
    const active = await getActiveContext(db);
    expect(active?.period).toMatchObject({ year: 2026, rolledFrom: source });
    expect(await db.answers.get([active!.period.id, 'A.I.1.i.a'])).toMatchObject({ value: 'Ya' });
  });

  it('says in the user’s language why a period was refused, and changes nothing', async () => {
    const group = renderSwitcher(null);
    fireEvent.click(await within(group).findByText('Periode baru'));
    fireEvent.change(screen.getByLabelText('Tahun evaluasi'), { target: { value: '2024' } });
    fireEvent.change(select('Isi awal'), { target: { value: '' } });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buat periode' })));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Unit ini sudah memiliki periode untuk tahun tersebut. Tidak ada yang diubah; pilih periode itu di daftar atau tahun lain.');
    expect(await db.periods.count()).toBe(2);
    expect(onSwitched).not.toHaveBeenCalled();
  });
});
