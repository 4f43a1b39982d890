import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Path of a messages file in lib/i18n/locales, e.g. `localeFile('en')`. */
export const localeFile = (locale: string): string =>
  resolve(import.meta.dirname, '../../../lib/i18n/locales', `${locale}.yml`);

/** `$1`…`$9` become the substitutions and `$$` a dollar sign, as in browser.i18n.getMessage. */
function substitute(message: string, substitutions: readonly (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, token: string) =>
    token === '$' ? '$' : String(substitutions[Number(token) - 1] ?? ''),
  );
}

/**
 * Makes `i18n.t` (from '#i18n') render the real Indonesian messages in unit tests: the fake browser
 * does not implement `browser.i18n.getMessage`. A key missing from id.yml throws, so a test fails
 * instead of rendering an empty string. Call it in `beforeAll`; `fakeBrowser.reset()` keeps it.
 */
export async function installIndonesianMessages(): Promise<void> {
  const messages = generateChromeMessages(await parseMessagesFile(localeFile('id')));
  fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | (string | number)[]) => {
    const entry = messages[name];
    if (!entry) throw new Error(`i18n: no message "${name}" in lib/i18n/locales/id.yml`);
    const values = substitutions === undefined ? [] : [substitutions].flat();
    return substitute(entry.message, values);
  };
}
