import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, startSession } from './support/session';

// Units and periods in the built extension: a unit and its period created in the side panel, the
// period rolled over into the next year, and last year's narrative beside this year's with its
// years highlighted and replaced only on a click.

const CODE = 'A.I.1.i.a';
const NARRATIVE = 'Pada tahun 2025 tim dibentuk dengan SK KEP-12/2025; capaian tahun 2024 menjadi dasar.';

let session: Awaited<ReturnType<typeof startSession>>;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('units and periods', () => {
  it('creates a unit, rolls its period over and shows last period’s narrative with its years highlighted', async () => {
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?code=${CODE}`);
    const header = panel.locator('.panel-header');

    await panel.getByRole('button', { name: 'Ganti unit/periode' }).click();
    await panel.getByText('Unit baru', { exact: true }).click();
    await panel.getByLabel('Nama unit', { exact: true }).fill('KPP Pratama Uji');
    await panel.getByLabel('Tahun evaluasi pertama').fill('2025');
    await panel.getByRole('button', { name: 'Buat unit' }).click();
    await expect.poll(() => header.textContent(), { timeout: 10_000 }).toContain('KPP Pratama UjiPeriode 2025');

    const editor = panel.getByLabel(/^Narasi \(penjelasan\)/);
    await editor.fill(NARRATIVE);
    await editor.blur();
    await expect.poll(() => panel.getByRole('status').filter({ hasText: /^Tersimpan$/ }).count(), { timeout: 10_000 }).toBe(1);

    await panel.getByText('Periode baru', { exact: true }).click();
    expect(await panel.getByLabel('Tahun evaluasi', { exact: true }).inputValue()).toBe('2026');
    await panel.getByRole('button', { name: 'Buat periode' }).click();
    await expect.poll(() => header.textContent(), { timeout: 10_000 }).toContain('KPP Pratama UjiPeriode 2026');

    const notice = panel.getByTestId('carry-over');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('Perlu ditinjau');
    await panel.getByRole('tab', { name: 'Periode lalu' }).click();
    const previous = panel.getByTestId('previous-side');
    await expect.poll(() => previous.textContent(), { timeout: 10_000 }).toContain(NARRATIVE);
    expect(await previous.textContent()).toContain('Periode lalu (2025)');
    expect(await panel.getByTestId('current-side').textContent()).toContain('Periode ini (2026)');
    const marks = panel.getByTestId('year-mentions').locator('mark');
    expect(await marks.allTextContents()).toEqual(['2025', '2024']);
    await panel.getByTestId('previous-period').screenshot({ path: resolve(ARTIFACTS_DIR, 'periods-last-period.png') });

    await panel.getByRole('button', { name: 'Ganti 2025 menjadi 2026 (sebutan ke-1)' }).click();
    await expect.poll(() => marks.allTextContents(), { timeout: 10_000 }).toEqual(['2024']);
    await panel.getByRole('tab', { name: 'Narasi' }).click();
    await expect
      .poll(() => panel.getByLabel(/^Narasi \(penjelasan\)/).inputValue(), { timeout: 10_000 })
      .toBe(NARRATIVE.replace('tahun 2025', 'tahun 2026'));

    await panel.getByRole('button', { name: 'Tandai sudah ditinjau' }).click();
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toBe('Sudah ditinjau.');
    await panel.close();
  });
});
