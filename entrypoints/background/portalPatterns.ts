import { browser } from 'wxt/browser';
import { builtInPortalMatches } from '@/lib/portal/origins';
import { sitePattern } from '@/lib/portal/site-access';
import { type LocalStorageLike, readUserSites } from './userSites';

/** The portals the manifest covers in this build. */
export function builtInPortalPatterns(): string[] {
  return builtInPortalMatches(__E2E__);
}

/**
 * The portals whose content scripts the router accepts: the built-in ones and the sites the user
 * enabled. The router asks on every request and storage is read each time, so a site enabled or
 * removed takes effect at once, and a service worker woken by a content script's message already
 * knows the user's sites when it checks that message.
 */
export async function enabledPortalPatterns(storage: LocalStorageLike = browser.storage.local): Promise<string[]> {
  const userSites = await readUserSites(storage);
  return [...builtInPortalPatterns(), ...userSites.map(sitePattern)];
}
