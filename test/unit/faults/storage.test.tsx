import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { WORKBENCH_TABS } from '@/components/workbench/tabs';
import { Workbench } from '@/components/workbench/Workbench';
import { createDatabase, declareVersions } from '@/lib/db/database';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { createDraft, listDrafts, listRevisions } from '@/lib/db/repositories/drafts';
import { DATABASE_NAME, VERSIONS, type LkeDatabase } from '@/lib/db/schema';
import { installIndonesianMessages } from '../support/i18n';

// Faults of the browser's storage, with what the user is told and what becomes of the data:
// - a newer version of the extension upgrades the database while an older page holds it open;
// - the storage is full (QuotaExceededError) while a narrative is being saved.

const CODE = 'A.I.1.i.a';
const NOW = new Date(2026, 4, 12, 9, 30);

beforeAll(installIndonesianMessages);
afterEach(() => cleanup());

function openOn(indexedDB: IDBFactory, middleware?: Middleware<DBCore>): LkeDatabase {
  Dexie.dependencies.indexedDB ??= indexedDB;
  Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
  const db = createDatabase({ indexedDB, IDBKeyRange });
  if (middleware) db.use(middleware);
  return db;
}

describe('a newer version upgrades the database under an open page', () => {
  it('the older connection closes itself, stays closed, the page asks for a reload, and nothing is lost', async () => {
    const factory = new IDBFactory();
    const older = openOn(factory);
    const { period } = await ensureActiveContext(older, { now: NOW, defaultUnitName: 'Unit Uji' });
    await createDraft(older, { periodId: period.id, code: CODE, name: 'final', text: 'Teks yang sudah tersimpan' }, NOW);
    render(
      <DatabaseProvider database={older}>
        <p>isi halaman</p>
      </DatabaseProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();

    // The updated extension opens the database at the next version.
    const newer = new Dexie(DATABASE_NAME, { indexedDB: factory, IDBKeyRange });
    const last = VERSIONS.at(-1)!;
    declareVersions(newer, [...VERSIONS, { version: last.version + 1, stores: {} }]);
    const blocked = vi.fn();
    newer.on('blocked', blocked);
    await Promise.race([newer.open(), new Promise((_, fail) => setTimeout(() => fail(new Error('upgrade blocked')), 3_000))]);

    expect(blocked).not.toHaveBeenCalled();
    expect(newer.verno).toBe(last.version + 1);
    expect(older.isOpen()).toBe(false);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Halaman ini perlu dimuat ulang');
    expect(alert.textContent).toContain('Semua yang sudah tersimpan tetap aman');
    expect(screen.getByRole('button', { name: 'Muat ulang' })).toBeTruthy();
    // The older page does not reopen the database behind the user's back: its reads fail plainly.
    await expect(older.table('drafts').toArray()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(older.isOpen()).toBe(false);
    expect((await newer.table('drafts').toArray()).map((draft) => draft.text)).toEqual(['Teks yang sudah tersimpan']);
    newer.close();
  });
});

describe('the storage is full while a narrative is saved', () => {
  it('tells the user, keeps the text in the page’s localStorage, and saves it once space is back', async () => {
    let full = false;
    const quota: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'quota-exceeded',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) =>
              full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(request),
          };
        },
      }),
    };
    const db = openOn(new IDBFactory(), quota);
    const { unit, period } = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'Unit Uji' });
    localStorage.clear();
    fakeBrowser.tabs.sendMessage = vi.fn() as unknown as typeof fakeBrowser.tabs.sendMessage;
    render(
      <DatabaseProvider database={db}>
        <Workbench code={CODE} session={{ unitId: unit.id, periodId: period.id, year: period.year, tabId: 1 }} hints={[]} tabs={WORKBENCH_TABS} />
      </DatabaseProvider>,
    );
    const editor = await screen.findByLabelText(/^Narasi \(penjelasan\)/);
    const text = 'Narasi yang diketik ketika penyimpanan penuh.';

    full = true;
    fireEvent.change(editor, { target: { value: text } });

    await waitFor(() => expect(screen.getByText(/Penyimpanan browser penuh/)).toBeTruthy(), { timeout: 5_000 });
    expect(screen.getByText(/Penyimpanan browser penuh/).textContent).toContain('tidak hilang');
    expect(Object.values({ ...localStorage }).some((value) => String(value).includes(text))).toBe(true);
    expect((editor as HTMLTextAreaElement).value).toBe(text);
    expect(await listDrafts(db, period.id, CODE)).toEqual([]);

    full = false;
    fireEvent.change(editor, { target: { value: `${text} Lanjut.` } });

    await waitFor(() => expect(document.querySelector('.narrative__save')?.textContent).toBe('Tersimpan'), { timeout: 5_000 });
    const drafts = await listDrafts(db, period.id, CODE);
    expect(drafts.map((draft) => draft.text)).toEqual([`${text} Lanjut.`]);
    // Saved once: one draft, the text once in its history, nothing left behind in localStorage.
    expect((await listRevisions(db, period.id, CODE)).filter((revision) => revision.text.startsWith(text))).toHaveLength(1);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('asisten-lke.'))).toEqual([]);
    db.close();
  });
});
