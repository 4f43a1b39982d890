// When two evidence links open the same document. Teams paste the same file many times, copied
// from different places ("Bagikan" adds `?usp=sharing`, the address bar shows `/view`, an old
// spreadsheet has `open?id=`), and the library should hold it once.

// Parameters that only record where a link was copied from or who clicked it; the document is the
// same without them. Dropbox's `dl`/`raw` switch between preview and download of one file.
const TRACKING_PARAMETERS = new Set([
  'usp', 'ouid', 'rtpof', 'sd', 'fbclid', 'gclid', 'igshid', 'mc_cid', 'mc_eid', 'dl', 'raw',
]);
const isTracking = (name: string): boolean => TRACKING_PARAMETERS.has(name.toLowerCase()) || /^utm_/i.test(name);

const GOOGLE_FILE_HOSTS = new Set(['drive.google.com', 'docs.google.com', 'drive.usercontent.google.com']);

/**
 * The id of a Google Drive item in any of its link forms. Docs, Sheets and Slides ids are Drive file
 * ids too, so `docs.google.com/document/d/<id>/edit` and `drive.google.com/open?id=<id>` are one file;
 * folders share the id space (`open?id=` opens a folder as well).
 */
function googleFileId(url: URL): string | null {
  if (!GOOGLE_FILE_HOSTS.has(url.hostname)) return null;
  const inPath = /^\/(?:file\/(?:u\/\d+\/)?d|(?:document|spreadsheets|presentation|forms|drawings)\/(?:u\/\d+\/)?d(?:\/e)?)\/([\w-]+)/.exec(
    url.pathname,
  );
  if (inPath?.[1]) return inPath[1];
  const folder = /^\/drive\/(?:u\/\d+\/)?folders\/([\w-]+)/.exec(url.pathname);
  if (folder?.[1]) return folder[1];
  if (/^\/(open|uc|download)$/.test(url.pathname)) return url.searchParams.get('id');
  return null;
}

/**
 * A key equal for links to the same document: scheme, host case, a leading "www.", a trailing slash,
 * tracking parameters and the order of parameters do not matter; the path's case does (many servers
 * tell "SK.pdf" from "sk.pdf"). A fragment is kept only when it routes a single-page app ("#/…", "#!…").
 * Text that is not a URL is its own key.
 */
export function documentKey(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  const fileId = googleFileId(url);
  if (fileId) return `google-drive:${fileId}`;
  const host = url.host.replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  const parameters = [...url.searchParams].filter(([name]) => !isTracking(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = parameters.length > 0 ? `?${new URLSearchParams(parameters).toString()}` : '';
  const fragment = /^#[/!]/.test(url.hash) ? url.hash : '';
  return `${host}${path}${query}${fragment}`;
}

/** For each document whose link opens the same document as others', the ids of those others. */
export function findDuplicates(documents: readonly { id: number; url: string }[]): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  for (const { id, url } of documents) {
    const key = documentKey(url);
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  const duplicates = new Map<number, number[]>();
  for (const ids of byKey.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) duplicates.set(id, ids.filter((other) => other !== id));
  }
  return duplicates;
}
