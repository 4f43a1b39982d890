// What an evidence link's address alone tells about whether a reviewer can open it. The TPI and
// the TPN open every link from their own accounts, and PortalRB warns that links must not be
// locked ("tidak terkunci dan dapat diakses", DOMAIN.md §15): a folder, a private location or an
// owner-only view costs the indicator its evidence. Only what the URL itself shows is judged; no
// request is ever made. Each rule's user-facing title and explanation are the i18n messages
// `evidence.flag.<id>.title` and `.explanation`.

/** `folder`: points to a folder, not a document. `private`: only the owner (or their network) can open it. */
export type UrlFlagKind = 'folder' | 'private';

export type UrlRuleId =
  | 'privateAddress'
  | 'intranetHost'
  | 'driveFolder'
  | 'driveOwnerView'
  | 'mailbox'
  | 'sharePointFolder'
  | 'personalOneDrive'
  | 'oneDriveFolder'
  | 'dropboxFolder'
  | 'dropboxOwnerView'
  | 'boxFolder'
  | 'megaFolder'
  | 'directoryListing'
  | 'sessionToken'
  | 'expiringLink';

export interface UrlRule {
  /** Several rules may share an id when one finding has several URL forms. */
  id: UrlRuleId;
  kind: UrlFlagKind;
  /** Host names the rule applies to: exact, or `.example.com` for every subdomain; any host when absent. */
  hosts?: readonly string[];
  /** Tested against the lower-cased path. */
  path?: RegExp;
  /** Tested against the host name (IPv6 in brackets, as `URL.hostname` gives it). */
  hostname?: (hostname: string) => boolean;
  /** Tested against the lower-cased names of the query parameters. */
  query?: (names: readonly string[]) => boolean;
}

const GOOGLE_DRIVE = ['drive.google.com'];
const SHAREPOINT = ['.sharepoint.com'];

/** 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16 (link-local), 0.0.0.0; `URL` has already normalised the digits. */
function isPrivateIPv4(hostname: string): boolean {
  const parts = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(hostname);
  if (!parts) return false;
  const [a, b] = [Number(parts[1]), Number(parts[2])];
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** Loopback, unspecified, unique-local (fc00::/7) and link-local (fe80::/10) IPv6 addresses. */
function isPrivateIPv6(hostname: string): boolean {
  return /^\[(::1?|f[cd][0-9a-f]{0,2}:.*|fe[89ab][0-9a-f]?:.*)\]$/.test(hostname);
}

// Suffixes that never resolve on the public internet (RFC 6762, RFC 8375, common intranet habits).
const INTRANET_SUFFIXES = ['.local', '.localdomain', '.lan', '.internal', '.intranet', '.corp', '.home.arpa'];

// Query parameters that carry a login session. A link with one works only while the session lasts
// and only for whoever holds it; pasting it also hands the session to every reader.
const SESSION_PARAMETERS = new Set(['phpsessid', 'jsessionid', 'sessionid', 'session_id', 'sid', 'access_token', 'auth_token']);

// Parameters of pre-signed cloud-storage links, which stop working after a set time (minutes to days).
const SIGNATURE_PARAMETERS = new Set(['x-amz-signature', 'x-goog-signature', 'sig']);

/**
 * The rules, most specific first. A path ending in "/" is not judged: most of those are ordinary web
 * pages, and a server's directory listing looks the same until it is opened, except for the sort
 * parameters Apache adds to its listings (`?C=M;O=A`).
 */
export const URL_RULES: readonly UrlRule[] = [
  {
    id: 'privateAddress',
    kind: 'private',
    hostname: (host) => host === 'localhost' || host.endsWith('.localhost') || isPrivateIPv4(host) || isPrivateIPv6(host),
  },
  {
    // "http://arsip/" or "http://server.lan/": a name only the office network resolves.
    id: 'intranetHost',
    kind: 'private',
    hostname: (host) =>
      host !== 'localhost' && !host.startsWith('[') && !/^\d+\.\d+\.\d+\.\d+$/.test(host) &&
      (!host.includes('.') || INTRANET_SUFFIXES.some((suffix) => host.endsWith(suffix))),
  },
  // `drive.google.com/open?id=<id>` opens a file or a folder alike, so it is not judged.
  { id: 'driveFolder', kind: 'folder', hosts: GOOGLE_DRIVE, path: /^\/drive\/(u\/\d+\/)?folders\// },
  { id: 'driveFolder', kind: 'folder', hosts: GOOGLE_DRIVE, path: /^\/embeddedfolderview/ },
  {
    // The owner's own Drive views: "Drive Saya", recent, shared with me, search, trash…
    id: 'driveOwnerView',
    kind: 'private',
    hosts: GOOGLE_DRIVE,
    path: /^\/drive\/(u\/\d+\/)?(my-drive|home|recent|shared-with-me|starred|trash|search|computers|shared-drives|quota)\b/,
  },
  { id: 'mailbox', kind: 'private', hosts: ['mail.google.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] },
  // SharePoint and OneDrive for Business sharing links carry the item type: ":f:" is a folder.
  { id: 'sharePointFolder', kind: 'folder', hosts: SHAREPOINT, path: /^\/:f:\// },
  // A document library's list view (".../Shared Documents/Forms/AllItems.aspx").
  { id: 'sharePointFolder', kind: 'folder', hosts: SHAREPOINT, path: /\/forms\/allitems\.aspx$/ },
  {
    // Someone's OneDrive for Business opened from its own address rather than through a sharing
    // link ("/:b:/g/personal/…", which is a sharing link and is not matched here).
    id: 'personalOneDrive',
    kind: 'private',
    hosts: SHAREPOINT,
    path: /^\/personal\//,
  },
  { id: 'oneDriveFolder', kind: 'folder', hosts: ['1drv.ms'], path: /^\/f\// },
  { id: 'dropboxFolder', kind: 'folder', hosts: ['www.dropbox.com', 'dropbox.com'], path: /^\/(sh|scl\/fo)\// },
  { id: 'dropboxOwnerView', kind: 'private', hosts: ['www.dropbox.com', 'dropbox.com'], path: /^\/home(\/|$)/ },
  { id: 'boxFolder', kind: 'folder', hosts: ['app.box.com'], path: /^\/folder\// },
  { id: 'megaFolder', kind: 'folder', hosts: ['mega.nz'], path: /^\/folder\// },
  { id: 'directoryListing', kind: 'folder', query: (names) => names.includes('c') && names.includes('o') },
  {
    id: 'sessionToken',
    kind: 'private',
    query: (names) => names.some((name) => SESSION_PARAMETERS.has(name)),
  },
  // Java servers put the session into the path: "/file.pdf;jsessionid=…".
  { id: 'sessionToken', kind: 'private', path: /;jsessionid=/ },
  { id: 'expiringLink', kind: 'private', query: (names) => names.some((name) => SIGNATURE_PARAMETERS.has(name)) },
];

export interface UrlFlag {
  kind: UrlFlagKind;
  rule: UrlRuleId;
}

function hostMatches(hostname: string, hosts: readonly string[]): boolean {
  return hosts.some((host) => (host.startsWith('.') ? hostname.endsWith(host) : hostname === host));
}

/** Apache writes its sort parameters as `C=M;O=A`, which URLSearchParams reads as one name. */
function queryNames(url: URL): string[] {
  return url.search
    .slice(1)
    .split(/[&;]/)
    .filter((pair) => pair !== '')
    .map((pair) => decodeURIComponent(pair.split('=')[0] ?? '').toLowerCase());
}

function matches(rule: UrlRule, url: URL, names: readonly string[]): boolean {
  if (rule.hosts && !hostMatches(url.hostname, rule.hosts)) return false;
  if (rule.hostname && !rule.hostname(url.hostname)) return false;
  if (rule.path && !rule.path.test(url.pathname.toLowerCase())) return false;
  return !rule.query || rule.query(names);
}

/** What the address of an evidence link shows about its reach: one flag per rule id, in rule order. */
export function checkEvidenceUrl(raw: string): UrlFlag[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [];
  }
  let names: string[];
  try {
    names = queryNames(url);
  } catch {
    // A malformed percent-escape in a parameter name: judge the rest of the URL without the query.
    names = [];
  }
  const flags: UrlFlag[] = [];
  for (const rule of URL_RULES) {
    if (flags.some((flag) => flag.rule === rule.id) || !matches(rule, url, names)) continue;
    flags.push({ kind: rule.kind, rule: rule.id });
  }
  return flags;
}
