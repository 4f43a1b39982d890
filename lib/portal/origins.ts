// Portals where units type the LKE and that are matched without asking (DOMAIN.md §11).
// Any other agency app is enabled by the user per origin at run time.
export const KNOWN_PORTAL_MATCHES = [
  'https://portalrb.menpan.go.id/*',
  'https://pmpzi.menpan.go.id/*',
  'https://www.pmpzi.menpan.go.id/*',
];

export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
