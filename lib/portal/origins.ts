// Portals where units type the LKE and that are matched without asking (DOMAIN.md §11).
// Any other agency app is enabled by the user per origin at run time.
export const KNOWN_PORTAL_MATCHES = [
  'https://portalrb.menpan.go.id/*',
  'https://pmpzi.menpan.go.id/*',
  'https://www.pmpzi.menpan.go.id/*',
];

/** Only in the e2e build (`wxt build --mode e2e`), for fixture pages served on loopback. */
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The origin a match pattern of the form `scheme://host/*` covers. */
function originOfPattern(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}

/**
 * Whether a page URL is on one of the given portal origins. Ports are ignored for loopback
 * patterns, as Chrome's match patterns do.
 */
export function isPortalUrl(url: string, patterns: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return patterns.some((pattern) => {
    const origin = new URL(originOfPattern(pattern));
    return origin.protocol === parsed.protocol && origin.hostname === parsed.hostname;
  });
}

/** Match patterns enabled in this build before the user enables anything. */
export function builtInPortalMatches(e2e: boolean): string[] {
  return e2e ? [...KNOWN_PORTAL_MATCHES, ...LOOPBACK_MATCHES] : [...KNOWN_PORTAL_MATCHES];
}
