import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from './support/session';

const CODE = 'A.I.1.i.a';
let session: Awaited<ReturnType<typeof startSession>>;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const openPanel = async () => {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html?code=${CODE}`);
  return page;
};

describe('side panel workbench', () => {
  it('keeps what was typed in the narrative editor when the panel is closed at once', async () => {
    const text = 'Tim Kerja Pembangunan Zona Integritas dibentuk dengan SK Kepala Kantor.';
    const first = await openPanel();
    const editor = first.getByLabel(/^Narasi \(penjelasan\)/);
    await editor.fill(text);
    // Closed well within the typing pause: only the flush on pagehide can have saved it.
    await first.close({ runBeforeUnload: true });

    const second = await openPanel();
    await expect.poll(() => second.getByLabel(/^Narasi \(penjelasan\)/).inputValue(), { timeout: 10_000 }).toBe(text);
    await second.getByRole('tab', { name: 'Riwayat' }).click();
    await expect.poll(() => second.getByTestId('revision').count()).toBe(1);
    expect(await second.getByTestId('revision').textContent()).toContain(text);
    await second.close();
  });
});
