import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../../scripts/lib/browser.mjs';
import { checkConformance } from '../../../scripts/lib/conformance.mjs';
import { FIXTURES_DIR, listFixtures } from '../../../scripts/lib/fixture-runner.mjs';
import { startFixtureServer } from '../../../scripts/lib/fixture-server.mjs';

export { indicatorOf, waitForRecognition } from '../../../scripts/lib/recognition.mjs';

export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../artifacts/e2e');

export type ConformanceReport = ReturnType<typeof checkConformance>;

/** One Chromium with the e2e build loaded, and the fixture pages served on 127.0.0.1. */
export async function startSession() {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const server = await startFixtureServer(FIXTURES_DIR);
  const browser = await launchWithExtension();
  return {
    ...browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export type Session = Awaited<ReturnType<typeof startSession>>;

/**
 * A session with an extension page open (the side panel as a tab): the page tests read the
 * extension's database from and send tab commands with, as the panel does.
 */
export async function startSessionWithExtensionPage(): Promise<{ session: Session; extensionPage: Page }> {
  const session = await startSession();
  const extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  return { session, extensionPage };
}

export function expectedOf(layout: string) {
  const fixture = listFixtures().find((f) => f.layout === layout);
  if (!fixture) throw new Error(`no fixture ${layout}`);
  return fixture.expected;
}

export async function conformanceOn(page: Page, layout: string): Promise<ConformanceReport> {
  const expected = expectedOf(layout);
  return page.evaluate(`(${checkConformance.toString()})(document, ${JSON.stringify(expected)})`) as Promise<ConformanceReport>;
}
