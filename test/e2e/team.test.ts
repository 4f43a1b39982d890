import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, type Session, startSession, waitForRecognition } from './support/session';

// Team work without a server (issue 7): two browser profiles act as two PICs, each fills its
// sub-area on the sample portal and exports a work pack; a third profile, the coordinator, imports
// both and sees the merged progress attributed to each PIC, and the digest lists the late items.

interface Row {
  soal: number;
  answer: string;
  narrative: string;
  evidence: string;
}

interface Pic {
  name: string;
  scope: string;
  dueDate: string;
  rows: Row[];
}

const dayOffset = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/**
 * Whole days from `date` (YYYY-MM-DD) to today's local date, as lateness is counted: asked when
 * the digest is read, because a run may cross midnight after the due dates were set.
 */
const daysLateOn = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number);
  const today = new Date();
  return Math.round((Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.UTC(year!, month! - 1, day!)) / DAY_MS);
};

/** Budi's sub-area was due five days ago; Sari's is due in two weeks. */
const BUDI: Pic = {
  name: 'Budi Santoso',
  scope: 'A.I.1.ii',
  dueDate: dayOffset(-5),
  rows: [
    { soal: 3, answer: 'Ya', narrative: 'Rencana kerja pembangunan ZI ditetapkan dengan SK Kepala Kantor Nomor 12/2026.', evidence: 'https://contoh.go.id/bukti/rencana-kerja-zi.pdf' },
    { soal: 4, answer: 'A', narrative: 'Rencana kerja memuat target prioritas yang relevan dengan tujuan pembangunan WBK.', evidence: 'https://contoh.go.id/bukti/target-prioritas.pdf' },
    { soal: 5, answer: 'B', narrative: 'Sosialisasi rencana kerja dilakukan melalui rapat dan media internal unit.', evidence: 'https://contoh.go.id/bukti/sosialisasi.pdf' },
  ],
};
const SARI: Pic = {
  name: 'Sari Wulandari',
  scope: 'A.I.1.iii',
  dueDate: dayOffset(14),
  rows: [
    { soal: 6, answer: 'A', narrative: 'Monitoring dan evaluasi pembangunan ZI dilakukan setiap triwulan oleh tim kerja.', evidence: 'https://contoh.go.id/bukti/monev-triwulan.pdf' },
    { soal: 7, answer: 'B', narrative: 'Hasil monitoring dan evaluasi dibahas dalam rapat pimpinan setiap triwulan.', evidence: 'https://contoh.go.id/bukti/notulen-rapim.pdf' },
  ],
};

const sessions: Session[] = [];

beforeAll(async () => {
  for (let i = 0; i < 3; i += 1) sessions.push(await startSession());
});
afterAll(async () => {
  for (const session of sessions) await session.close();
});

async function openTeamPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/team.html`);
  await page.getByRole('heading', { name: 'Tim & Pemantauan', level: 1 }).waitFor();
  return page;
}

const openTab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** A PIC sets up their own profile: themselves in the team, "saya", and their assignment. */
async function joinAndAssign(team: Page, pic: Pic) {
  await team.getByLabel('Nama', { exact: true }).fill(pic.name);
  await team.getByLabel('Peran', { exact: true }).fill('PIC Sub-area');
  await team.getByRole('button', { name: 'Tambah anggota' }).click();
  await team.getByLabel('Saya adalah').selectOption({ label: pic.name });
  await openTab(team, 'Penugasan & status');
  await team.getByLabel(/^PIC/).selectOption({ label: pic.name });
  await team.getByLabel('Bagian LKE').selectOption(pic.scope);
  await team.getByLabel('Tenggat').fill(pic.dueDate);
  await team.getByRole('button', { name: 'Tetapkan' }).click();
  await team.getByText(`ditugaskan kepada ${pic.name}.`).waitFor();
}

/** Fills the PIC's rows on the sample portal the way a user does, so autosave keeps them. */
async function fillOnPortal(session: Session, pic: Pic) {
  const portal = await session.context.newPage();
  await portal.goto(session.server.url('sample/index.html'));
  await waitForRecognition(portal, 127);
  for (const row of pic.rows) {
    await portal.locator(`#jawaban-${row.soal}-${row.answer}`).check();
    await portal.locator(`#catatan-${row.soal}`).pressSequentially(row.narrative, { delay: 2 });
    await portal.locator(`#bukti-dukung-${row.soal}`).pressSequentially(row.evidence, { delay: 2 });
    await portal.locator(`#catatan-${row.soal}`).blur();
  }
  return portal;
}

/** Moves one indicator through the workflow from the PIC's task list. */
async function moveStatus(team: Page, code: string, statuses: string[]) {
  await openTab(team, 'Penugasan & status');
  await team.getByRole('button', { name: `Ubah status ${code}` }).click();
  for (const status of statuses) {
    await team.getByLabel(`Status baru ${code}`).selectOption({ label: status });
    await team.getByRole('button', { name: 'Simpan status' }).click();
    await team.locator(`[data-task="${code}"] .status-chip`).filter({ hasText: status }).waitFor();
  }
}

interface PackFile {
  path: string;
  data: { pic: { name: string }; items: { code: string; answer: string | null; narrative: string | null; evidence: string[]; status: string }[] };
}

async function exportPack(team: Page): Promise<PackFile> {
  await openTab(team, 'Paket kerja');
  const [download] = await Promise.all([team.waitForEvent('download'), team.getByRole('button', { name: 'Ekspor paket kerja' }).click()]);
  const path = resolve(ARTIFACTS_DIR, `team-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { path, data: JSON.parse(readFileSync(path, 'utf8')).data };
}

/** Exports until the pack holds every row as typed: autosave reaches the database a moment later. */
async function exportFilledPack(team: Page, pic: Pic): Promise<PackFile> {
  let pack: PackFile | null = null;
  await expect
    .poll(
      async () => {
        pack = await exportPack(team);
        return pic.rows.every((row) => pack!.data.items.some((item) => item.answer === row.answer && item.narrative === row.narrative && item.evidence.includes(row.evidence)));
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toBe(true);
  return pack!;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Four earlier weekly snapshots of the active period, written with raw IndexedDB in the extension's
 * origin as the weeks before would have left them, so the trend has a history and the digest a
 * week-old comparison.
 */
function seedEarlierSnapshots(page: Page) {
  return page.evaluate(async (dayMs) => {
    const db = await new Promise<IDBDatabase>((done, fail) => Object.assign(indexedDB.open('asisten-lke'), { onsuccess(this: IDBRequest<IDBDatabase>) { done(this.result); }, onerror: fail }));
    const read = <T,>(request: IDBRequest<T>) => new Promise<T>((done, fail) => Object.assign(request, { onsuccess: () => done(request.result), onerror: fail }));
    const { periodId } = (await read(db.transaction('settings').objectStore('settings').get('activeContext'))).value;
    const store = db.transaction('snapshots', 'readwrite').objectStore('snapshots');
    const weeks = [[28, 0, 0, 0], [21, 0.8, 0, 0.3], [14, 1.6, 0.8, 0.6], [7, 2.4, 1.6, 1]];
    for (const [daysAgo, answered, withEvidence, total] of weeks) {
      store.add({ periodId, takenAt: Date.now() - daysAgo! * dayMs, trigger: 'weekly', answeredPercent: answered, withEvidencePercent: withEvidence, hintsOpen: 360, scores: { 'A.I.1': total, total, pengungkit: total, hasil: 0 } });
    }
    await new Promise((done) => Object.assign(store.transaction, { oncomplete: done }));
    db.close();
  }, DAY_MS);
}

describe('team work across three browser profiles', () => {
  it('merges two PICs’ work packs for the coordinator, attributed per PIC, and the digest lists the late items', async () => {
    const [budiSession, sariSession, coordinatorSession] = sessions as [Session, Session, Session];
    const packs: PackFile[] = [];
    for (const [session, pic] of [[budiSession, BUDI], [sariSession, SARI]] as const) {
      const team = await openTeamPage(session);
      await joinAndAssign(team, pic);
      const portal = await fillOnPortal(session, pic);
      await moveStatus(team, `${pic.scope}.a`, ['Draf', 'Siap ditinjau']);
      // "Tugas saya" is the view of a user who said who they are: their sub-area's three indicators.
      await expect(team.getByLabel('Tampilkan').inputValue()).resolves.toBe('mine');
      await team.getByText('3 indikator ditampilkan.').waitFor();
      const pack = await exportFilledPack(team, pic);
      expect(pack.data.pic.name).toBe(pic.name);
      expect(pack.data.items.map((item) => item.code)).toEqual(pic.scope === 'A.I.1.ii' ? ['A.I.1.ii.a', 'A.I.1.ii.b', 'A.I.1.ii.c'] : ['A.I.1.iii.a', 'A.I.1.iii.b', 'A.I.1.iii.c']);
      expect(pack.data.items[0]!.status).toBe('siap_ditinjau');
      packs.push(pack);
      await portal.close();
      await team.close();
    }

    const coordinator = await openTeamPage(coordinatorSession);
    await openTab(coordinator, 'Paket kerja');
    await coordinator.getByLabel('Pilih satu atau beberapa berkas paket kerja (.json)').setInputFiles(packs.map((pack) => pack.path));
    const preview = coordinator.getByTestId('pack-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-pack-pic]').evaluateAll((items) => items.map((item) => item.getAttribute('data-pack-pic')))).toEqual([BUDI.name, SARI.name]);
    // The coordinator's copy is empty: every indicator is new, each from its own PIC.
    const rows = await preview.locator('[data-merge-row]').evaluateAll((items) => items.map((item) => [item.getAttribute('data-merge-row'), item.getAttribute('data-merge-status'), item.querySelector('td')?.textContent]));
    const changedBy = (pic: Pic) => expect.stringMatching(new RegExp(`^${pic.name} · \\d+ \\w+ \\d{4}`));
    expect(rows).toEqual([
      ['A.I.1.ii.a', 'new', changedBy(BUDI)],
      ['A.I.1.ii.b', 'new', changedBy(BUDI)],
      ['A.I.1.ii.c', 'new', changedBy(BUDI)],
      ['A.I.1.iii.a', 'new', changedBy(SARI)],
      ['A.I.1.iii.b', 'new', changedBy(SARI)],
      // Sari left her third indicator untouched; it is still hers.
      ['A.I.1.iii.c', 'same', expect.stringMatching(new RegExp(`^${SARI.name}`))],
    ]);
    await preview.screenshot({ path: resolve(ARTIFACTS_DIR, 'team-pack-preview.png') });
    await preview.getByRole('button', { name: 'Gabungkan' }).click();
    await coordinator.getByText(/indikator digabungkan dari 2 paket/).waitFor();

    // Both PICs joined the coordinator's team with their packs.
    await openTab(coordinator, 'Tim');
    await expect(coordinator.locator('.team-table tbody th').allTextContents()).resolves.toEqual([BUDI.name, SARI.name]);
    await coordinator.screenshot({ path: resolve(ARTIFACTS_DIR, 'team-members.png') });

    await openTab(coordinator, 'Penugasan & status');
    const progress = coordinator.getByTestId('pic-progress');
    await expect.poll(() => progress.locator(`[data-pic="${BUDI.name}"] [data-cell="answered"]`).textContent(), { timeout: 10_000 }).toBe('3 dari 3');
    expect(await progress.locator(`[data-pic="${SARI.name}"] [data-cell="answered"]`).textContent()).toBe('2 dari 3');
    // Who moved the first indicator of each sub-area to review travels with the pack.
    for (const pic of [BUDI, SARI]) {
      await expect(coordinator.locator(`[data-task="${pic.scope}.a"] .task__event`).textContent()).resolves.toContain(`Siap ditinjau oleh ${pic.name}`);
    }
    await coordinator.getByLabel('Tampilkan').selectOption({ label: 'Hanya yang terlambat' });
    await expect(coordinator.locator('[data-task]').evaluateAll((items) => items.map((item) => item.getAttribute('data-task')))).resolves.toEqual(['A.I.1.ii.a', 'A.I.1.ii.b', 'A.I.1.ii.c']);
    await coordinator.screenshot({ path: resolve(ARTIFACTS_DIR, 'team-assignments.png'), fullPage: true });

    await seedEarlierSnapshots(coordinator);
    await openTab(coordinator, 'Tren & ringkasan pimpinan');
    // The weekly snapshot is due (the newest is a week old) and is taken on opening the trend.
    await expect.poll(() => coordinator.locator('[data-series="total"] path').count(), { timeout: 10_000 }).toBe(5);
    const digest = await coordinator.getByTestId('digest-text').inputValue();
    // 5 of 127 indicators answered now, 2.4 % a week ago.
    expect(digest).toContain('Terjawab: 3,9% (+1,5)');
    const overdue = digest.slice(digest.indexOf('*Terlambat per PIC*'), digest.indexOf('*Kekurangan baru*'));
    const late = daysLateOn(BUDI.dueDate);
    expect(late).toBeGreaterThanOrEqual(5);
    expect(overdue).toContain(`- ${BUDI.name}: A.I.1.ii.a (tenggat ${BUDI.dueDate}, terlambat ${late} hari); A.I.1.ii.b (tenggat ${BUDI.dueDate}, terlambat ${late} hari); A.I.1.ii.c`);
    expect(overdue).not.toContain(SARI.name);
    expect(overdue).not.toContain('A.I.1.iii');
    expect(digest).toContain('Target Menuju WBK');
    await coordinator.getByTestId('trend-chart').locator('svg[role="img"]').waitFor();
    await coordinator.getByTestId('trend-chart').screenshot({ path: resolve(ARTIFACTS_DIR, 'team-trend.png') });
    await coordinator.locator('section', { has: coordinator.getByTestId('digest-text') }).screenshot({ path: resolve(ARTIFACTS_DIR, 'team-digest.png') });

    // The meeting workbook holds the same digest.
    const [report] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: 'Unduh laporan rapat (Excel)' }).click()]);
    expect(report.suggestedFilename()).toMatch(/^laporan-mingguan-unit-kerja-saya-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const reportPath = resolve(ARTIFACTS_DIR, 'team-laporan-mingguan.xlsx');
    await report.saveAs(reportPath);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reportPath);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Per area', 'Tugas']);
    const summary = workbook.getWorksheet('Ringkasan')!.getColumn(1).values.slice(1).join('\n');
    expect(summary).toContain(`- ${BUDI.name}: A.I.1.ii.a (tenggat ${BUDI.dueDate}, terlambat ${daysLateOn(BUDI.dueDate)} hari)`);
    const tasks = workbook.getWorksheet('Tugas')!;
    expect(tasks.getRow(1).values).toEqual([undefined, 'Kode', 'Pertanyaan', 'PIC', 'Tenggat', 'Status', 'Hari terlambat']);
    expect(tasks.rowCount).toBe(128);

    // The dashboard shows the same trend, loaded after its scores.
    const dashboard = await coordinatorSession.context.newPage();
    await dashboard.goto(`chrome-extension://${coordinatorSession.extensionId}/dashboard.html`);
    const dashboardTrend = dashboard.getByTestId('trend-chart');
    await expect.poll(() => dashboardTrend.locator('[data-series="total"] path').count(), { timeout: 10_000 }).toBe(5);
    await dashboardTrend.screenshot({ path: resolve(ARTIFACTS_DIR, 'dashboard-trend.png') });
    await dashboard.close();
  }, 180_000);

  it('registers innovations and hints at areas without one or without a replicated one', async () => {
    const page = await openTeamPage(sessions[2]!);
    await openTab(page, 'Inovasi');
    const gaps = page.getByTestId('innovation-gaps').getByRole('listitem');
    await expect.poll(() => gaps.count()).toBe(6);
    await page.getByLabel('Nama inovasi').fill('Antrean daring SIAP');
    await page.getByLabel('Kategori').selectOption({ label: 'Layanan eksternal' });
    await page.getByLabel('PENINGKATAN KUALITAS PELAYANAN PUBLIK').check();
    await page.getByLabel('Tautan bukti dukung (satu per baris)').fill('https://contoh.go.id/bukti/antrean-daring.pdf');
    await page.getByRole('button', { name: 'Simpan inovasi' }).click();
    await page.getByText('Belum ada inovasi area PENINGKATAN KUALITAS PELAYANAN PUBLIK yang direplikasi unit lain.').waitFor();
    await page.getByLabel('Unit yang mereplikasi').fill('KPP Pratama Tetangga');
    await page.getByLabel('Tautan bukti replikasi').fill('https://contoh.go.id/bukti/replikasi.pdf');
    await page.getByRole('button', { name: 'Catat replikasi Antrean daring SIAP' }).click();
    await page.getByText('Direplikasi oleh: KPP Pratama Tetangga').waitFor();
    expect(await gaps.allTextContents()).toEqual([
      '⚠ Area MANAJEMEN PERUBAHAN belum memiliki inovasi.',
      '⚠ Area PENATAAN TATALAKSANA belum memiliki inovasi.',
      '⚠ Area PENATAAN SISTEM MANAJEMEN SDM APARATUR belum memiliki inovasi.',
      '⚠ Area PENGUATAN AKUNTABILITAS belum memiliki inovasi.',
      '⚠ Area PENGUATAN PENGAWASAN belum memiliki inovasi.',
    ]);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'team-innovations.png'), fullPage: true });
    await page.close();
  });
});
