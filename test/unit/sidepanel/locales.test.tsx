import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { expect, it } from 'vitest';
import { localeFile } from '../support/i18n';

// The side panel's own namespaces, and those of its workbench (components/workbench/).
const PANEL_KEY = /^(sidepanel|status|answerType|workbench|drafts|templates|revisions|profile)\./;

async function panelKeys(locale: string): Promise<string[]> {
  const messages = await parseMessagesFile(localeFile(locale));
  return messages.map((message) => message.key.join('.')).filter((key) => PANEL_KEY.test(key)).sort();
}

it('has an English message for every Indonesian side panel message', async () => {
  const indonesian = await panelKeys('id');
  expect(indonesian.length).toBeGreaterThan(30);
  expect(await panelKeys('en')).toEqual(indonesian);
});
