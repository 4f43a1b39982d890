import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { App } from '@/entrypoints/sidepanel/App';
import type { LkeDatabase } from '@/lib/db/schema';
import { USER_SITES_KEY, type Reply } from '@/lib/messaging/protocol';
import { createTestDatabase } from '../support/database';
import { installIndonesianMessages, localeFile } from '../support/i18n';
import { type FakeSiteApis, type FakeTab, backgroundRouter, fakeSiteApis, siteAccessOver } from '../support/siteAccess';

// The side panel over the real router, handlers and site access; only the browser is faked
// (fakeBrowser, plus in-memory permissions, scripting and tabs that hide addresses as Chromium does).

const APP = 'https://lke.example.go.id';
const APP_PAGE = `${APP}/penilaian/7`;
const EXTENSION_ID = fakeBrowser.runtime.id;

let database: LkeDatabase;
let apis: FakeSiteApis;
let request: ReturnType<typeof vi.fn<(permissions: { origins?: string[] }) => Promise<boolean>>>;

/** Opens `url` as the active tab of the panel's window, in the fake browser and in the site APIs. */
async function openActiveTab(url: string, { granted = [] as string[], sites = [] as string[] } = {}) {
  const window = (await fakeBrowser.windows.getCurrent()) ?? (await fakeBrowser.windows.create({ focused: true }));
  const tab = await fakeBrowser.tabs.create({ url, active: true, windowId: window.id });
  const tabs: FakeTab[] = [{ id: tab.id!, url, active: true }];
  apis = fakeSiteApis({ granted, tabs });
  if (sites.length > 0) await fakeBrowser.storage.local.set({ [USER_SITES_KEY]: sites });
  const router = backgroundRouter(siteAccessOver(apis), EXTENSION_ID);
  // The fake runtime reports no sender; the browser would report the side panel page.
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void) => {
    void router.handle(message, { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` }).then(sendResponse);
    return true;
  });
}

/** The browser's permission prompt, answered by `answer`; a yes grants the pattern. */
function permissionPromptAnswers(answer: boolean | Error) {
  request.mockImplementation(async ({ origins = [] }) => {
    if (answer instanceof Error) throw answer;
    if (answer) for (const origin of origins) apis.grantedPatterns.add(origin);
    return answer;
  });
}

function renderPanel() {
  return render(
    <DatabaseProvider database={database}>
      <App codeFromUrl={null} />
    </DatabaseProvider>,
  );
}

const card = () => screen.getByTestId('site-access');
const siteList = () => screen.getByTestId('user-sites');

beforeAll(installIndonesianMessages);

beforeEach(() => {
  database = createTestDatabase();
  request = vi.fn();
  fakeBrowser.permissions.request = request as typeof fakeBrowser.permissions.request;
});

afterEach(() => {
  cleanup();
  database.close();
});

describe('a web page Asisten LKE does not run on', () => {
  it('offers to enable its site and asks the browser within the click', async () => {
    // Granted earlier in the browser's own settings, so the browser shows the address.
    await openActiveTab(APP_PAGE, { granted: [`${APP}/*`] });
    renderPanel();

    expect(await within(await screen.findByTestId('site-access')).findByText(APP)).toBeTruthy();
    expect(within(card()).getByRole('heading', { name: 'Asisten LKE belum aktif di situs ini' })).toBeTruthy();
    permissionPromptAnswers(true);

    fireEvent.click(within(card()).getByRole('button', { name: 'Aktifkan di situs ini' }));
    // Asked synchronously, while the click is being handled: a later call would get no prompt.
    expect(request).toHaveBeenCalledExactlyOnceWith({ origins: [`${APP}/*`] });

    expect(await screen.findByText(/^Asisten LKE sekarang aktif di https:\/\/lke\.example\.go\.id\. Lencana muncul/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('site-access')).toBeNull());
    expect(within(siteList()).getByText(APP)).toBeTruthy();
    expect(apis.registered.get('portal-user-sites')?.matches).toEqual([`${APP}/*`]);
    expect(apis.injected.map((injection) => injection.files)).toEqual([['/content-scripts/portal.js']]);
  });

  it('shows nothing on a built-in portal or on the extension’s own pages', async () => {
    await openActiveTab('https://portalrb.menpan.go.id/lke/form');
    const view = renderPanel();
    await waitFor(() => expect(within(siteList()).getByText(/^Belum ada\./)).toBeTruthy());
    expect(screen.queryByTestId('site-access')).toBeNull();
    view.unmount();

    await openActiveTab(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
    renderPanel();
    await waitFor(() => expect(within(siteList()).getByText(/^Belum ada\./)).toBeTruthy());
    expect(screen.queryByTestId('site-access')).toBeNull();
  });

  it('follows the user to another tab', async () => {
    await openActiveTab('https://portalrb.menpan.go.id/lke/form', { granted: ['https://berita.example.com/*'] });
    renderPanel();
    await waitFor(() => expect(within(siteList()).getByText(/^Belum ada\./)).toBeTruthy());
    expect(screen.queryByTestId('site-access')).toBeNull();

    const window = await fakeBrowser.windows.getCurrent();
    const url = 'https://berita.example.com/hari-ini';
    const tab = await act(() => fakeBrowser.tabs.create({ url, active: true, windowId: window.id }));
    for (const open of apis.openTabs) open.active = false;
    apis.openTabs.push({ id: tab.id!, url, active: true });
    await act(() => fakeBrowser.tabs.onActivated.trigger({ tabId: tab.id!, windowId: tab.windowId }));

    expect(await within(await screen.findByTestId('site-access')).findByText('https://berita.example.com')).toBeTruthy();
  });
});

describe('a tab whose address the browser hides', () => {
  it('asks for the address, checks it, and enables the site typed', async () => {
    await openActiveTab(APP_PAGE);
    renderPanel();
    const form = await screen.findByTestId('site-access');
    expect(within(form).getByText(/^Browser baru memberi tahu alamat tab ini/)).toBeTruthy();
    const address = within(form).getByLabelText('Alamat halaman LKE');

    fireEvent.change(address, { target: { value: 'portal' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Aktifkan di situs ini' }));
    expect(request).not.toHaveBeenCalled();
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Tulis alamat situs web yang lengkap, misalnya https://lke.instansi.go.id.')).toBeTruthy();

    permissionPromptAnswers(true);
    fireEvent.change(address, { target: { value: `${APP_PAGE}?tab=2` } });
    fireEvent.click(within(form).getByRole('button', { name: 'Aktifkan di situs ini' }));
    expect(request).toHaveBeenCalledExactlyOnceWith({ origins: [`${APP}/*`] });

    // Once allowed, the browser shows the address and the page counts as enabled.
    await waitFor(() => expect(screen.queryByTestId('site-access')).toBeNull());
    expect(await fakeBrowser.storage.local.get(USER_SITES_KEY)).toEqual({ [USER_SITES_KEY]: [APP] });
  });

  it('says so plainly when the user declines, and enables nothing', async () => {
    await openActiveTab(APP_PAGE);
    renderPanel();
    const form = await screen.findByTestId('site-access');
    permissionPromptAnswers(false);

    fireEvent.change(within(form).getByLabelText('Alamat halaman LKE'), { target: { value: 'lke.example.go.id' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Aktifkan di situs ini' }));

    expect(await screen.findByText(/^Izin untuk https:\/\/lke\.example\.go\.id tidak diberikan/)).toBeTruthy();
    expect(screen.getByTestId('site-access')).toBeTruthy();
    expect(apis.registered.size).toBe(0);
    expect(await fakeBrowser.storage.local.get(USER_SITES_KEY)).toEqual({});
  });

  it('explains a permission request the browser could not show', async () => {
    await openActiveTab(APP_PAGE);
    renderPanel();
    const form = await screen.findByTestId('site-access');
    permissionPromptAnswers(new Error('This function must be called during a user gesture'));

    fireEvent.change(within(form).getByLabelText('Alamat halaman LKE'), { target: { value: APP } });
    fireEvent.click(within(form).getByRole('button', { name: 'Aktifkan di situs ini' }));

    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText(`Asisten LKE belum dapat diaktifkan di ${APP}`)).toBeTruthy();
    expect(within(banner).getByText(/^Browser tidak dapat menampilkan permintaan izin\./)).toBeTruthy();
    expect(within(banner).getByText('Portal LKE yang dikenal dan data yang tersimpan tidak terpengaruh.')).toBeTruthy();
  });

  it('explains a background that could not enable the site', async () => {
    await openActiveTab(APP_PAGE);
    vi.spyOn(apis.scripting, 'registerContentScripts').mockRejectedValue(new Error('Could not load file'));
    renderPanel();
    const form = await screen.findByTestId('site-access');
    permissionPromptAnswers(true);

    fireEvent.change(within(form).getByLabelText('Alamat halaman LKE'), { target: { value: APP } });
    fireEvent.click(within(form).getByRole('button', { name: 'Aktifkan di situs ini' }));

    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText(/^Terjadi kesalahan di latar belakang ekstensi\./)).toBeTruthy();
    expect(within(siteList()).queryByText(APP)).toBeNull();
  });
});

describe('the enabled sites', () => {
  it('lists them and removes one with its permission', async () => {
    await openActiveTab(APP_PAGE, { granted: [`${APP}/*`, 'https://zi.kemenkeu.go.id/*'], sites: [APP, 'https://zi.kemenkeu.go.id'] });
    await apis.scripting.registerContentScripts([
      { id: 'portal-user-sites', matches: [`${APP}/*`, 'https://zi.kemenkeu.go.id/*'], js: ['/content-scripts/portal.js'] },
    ]);
    renderPanel();

    const items = await within(await screen.findByTestId('user-sites')).findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('code')?.textContent)).toEqual([APP, 'https://zi.kemenkeu.go.id']);

    fireEvent.click(within(siteList()).getByRole('button', { name: `Hapus ${APP} dari situs yang diaktifkan` }));

    expect(
      await within(siteList()).findByText(`Asisten LKE tidak lagi aktif di ${APP}. Tab yang sudah terbuka di situs itu berhenti setelah dimuat ulang.`),
    ).toBeTruthy();
    await waitFor(() => expect(within(siteList()).getAllByRole('listitem')).toHaveLength(1));
    expect(apis.grantedPatterns.has(`${APP}/*`)).toBe(false);
    expect(apis.registered.get('portal-user-sites')?.matches).toEqual(['https://zi.kemenkeu.go.id/*']);
    // The page in the panel's window is hidden again, so the card comes back.
    expect(await screen.findByTestId('site-access')).toBeTruthy();
  });

  it('say quietly when the list cannot be loaded, without an alert that would drown the panel', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    renderPanel();
    expect(await within(siteList()).findByText(/^Daftar situs yang diaktifkan belum dapat dimuat\./)).toBeTruthy();
    expect(within(siteList()).queryByRole('alert')).toBeNull();
  });
});

it('has an English message for every Indonesian site message', async () => {
  const keys = async (locale: string) =>
    (await parseMessagesFile(localeFile(locale)))
      .map((message) => message.key.join('.'))
      .filter((key) => key.startsWith('sites.'))
      .sort();
  const indonesian = await keys('id');
  expect(indonesian.length).toBeGreaterThan(20);
  expect(await keys('en')).toEqual(indonesian);
});
