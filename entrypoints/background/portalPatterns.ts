import { builtInPortalMatches } from '@/lib/portal/origins';

/**
 * The portals whose content scripts the router accepts. The router asks on every request, so
 * origins the user enables at run time take effect here without restarting the background.
 */
export function enabledPortalPatterns(): string[] {
  return builtInPortalMatches(__E2E__);
}
