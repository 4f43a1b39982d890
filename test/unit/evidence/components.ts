import { cleanup, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { LkeDatabase } from '@/lib/db/schema';
import { createTestDatabase } from '../support/database';
import { installIndonesianMessages } from '../support/i18n';

/**
 * Gives each test of an evidence component a fresh database with one period (handed to `use`)
 * and the Indonesian messages, and unmounts and closes everything afterwards.
 */
export function withPeriodDatabase(use: (database: LkeDatabase, periodId: number) => void): void {
  let database: LkeDatabase;
  beforeAll(installIndonesianMessages);
  beforeEach(async () => {
    database = createTestDatabase();
    const periodId = await database.periods.add({ unitId: 1, year: 2026, templateId: 't', rolledFrom: null, createdAt: 0 });
    use(database, periodId!);
  });
  afterEach(() => {
    cleanup();
    database.close();
  });
}

/** The list item holding the document titled `title`. */
export function documentItem(container: HTMLElement, title: string): HTMLElement {
  const item = within(container).getByText(title, { selector: '.evidence-doc__title' }).closest('li');
  if (!item) throw new Error(`no document "${title}" in a list`);
  return item;
}
