// Reading the revisions the background stored in the extension's IndexedDB, from a page on
// chrome-extension://<id>/ with raw IndexedDB (not the extension's own code). Shared by the e2e
// tests and the benchmarks.

/**
 * @typedef {{ code: string, field: string, text: string, source: string, draftId: number | null }} StoredRevision
 * @typedef {{ code: string, field: string, text: string | null, intervalMs: number, timeoutMs: number }} Query
 */

/**
 * Runs in the extension page: the revisions of one indicator's field, at once when `text` is null,
 * otherwise as soon as one of them holds exactly `text` (polling every `intervalMs`).
 * @param {Query} query
 * @returns {Promise<StoredRevision[]>}
 */
function queryRevisions({ code, field, text, intervalMs, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const open = indexedDB.open('asisten-lke');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('revisions').objectStore('revisions').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => {
          open.result.close();
          /** @type {StoredRevision[]} */
          const revisions = all.result.filter((r) => r.code === code && r.field === field);
          if (text === null || revisions.some((r) => r.text === text)) resolve(revisions);
          else if (Date.now() > deadline) reject(new Error(`no ${field} revision of ${code} with the typed text after ${timeoutMs} ms`));
          else setTimeout(poll, intervalMs);
        };
      };
    };
    poll();
  });
}

/**
 * The revisions of one indicator's field.
 * @param {import('playwright-core').Page} extensionPage a page in the extension's origin
 * @param {string} code
 * @param {string} [field]
 * @returns {Promise<StoredRevision[]>}
 */
export function readRevisions(extensionPage, code, field = 'narrative') {
  return extensionPage.evaluate(queryRevisions, { code, field, text: null, intervalMs: 0, timeoutMs: 0 });
}

/**
 * Resolves once a revision of the indicator's narrative holds exactly `text`, polling the database
 * every `intervalMs` inside the extension page (no round trip to Node between polls).
 * @param {import('playwright-core').Page} extensionPage
 * @param {string} code
 * @param {string} text
 * @param {{ intervalMs?: number, timeoutMs?: number }} [options]
 * @returns {Promise<StoredRevision[]>}
 */
export function waitForNarrative(extensionPage, code, text, { intervalMs = 20, timeoutMs = 10_000 } = {}) {
  return extensionPage.evaluate(queryRevisions, { code, field: 'narrative', text, intervalMs, timeoutMs });
}
