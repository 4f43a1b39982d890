// Sites the user enables at run time (ARCHITECTURE rule 8): which web site a page or a typed address
// belongs to, and the match pattern that asks the browser for that one site. Pure: no browser API.

/**
 * What the manifest may ask for at run time: any single web site, one at a time, and only when the
 * user enables it. Nothing here is granted at install.
 */
export const OPTIONAL_SITE_MATCHES = ['https://*/*', 'http://*/*'];

/** More would be a sign of a runaway script, not of a user enabling LKE apps by hand. */
export const MAX_USER_SITES = 200;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_HOST_LENGTH = 253;

/**
 * A host a match pattern can name exactly: an IP address, `localhost`, or a domain of at least two
 * labels. The URL parser has already lower-cased and punycoded it and turned numeric hosts into
 * IPv4; what is left to refuse is a wildcard, an empty or over-long label, and a lone word, which
 * in a typed address is far more often a typo than an intranet host.
 */
function isNameableHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return true;
  if (hostname === 'localhost') return true;
  if (hostname.length > MAX_HOST_LENGTH) return false;
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

/**
 * The site a page URL belongs to, `https://app.example.go.id`: scheme and host only, or null for
 * anything that is not an http(s) page on a nameable host. The port is dropped because a match
 * pattern without one covers every port in Chrome and Firefox does not accept ports in patterns.
 */
export function siteOfUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!isNameableHost(parsed.hostname)) return null;
  return `${parsed.protocol}//${parsed.hostname}`;
}

/** A scheme before the first colon; `host:8443` has a port there instead. */
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** The site of an address the user typed or pasted; without a scheme, https is meant. */
export function siteOfAddress(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed === '') return null;
  return siteOfUrl(SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`);
}

/** Whether `value` is a site exactly as `siteOfUrl` writes it. */
export function isSite(value: string): boolean {
  return siteOfUrl(value) === value;
}

/** The match pattern covering every page of a site, as permission requests and content scripts take it. */
export function sitePattern(site: string): string {
  return `${site}/*`;
}

/** `sites` with `site` added, without duplicates, in a stable order for display and comparison. */
export function withSite(sites: readonly string[], site: string): string[] {
  return [...new Set([...sites, site])].sort();
}

/** `sites` without `site`. */
export function withoutSite(sites: readonly string[], site: string): string[] {
  return sites.filter((other) => other !== site);
}
