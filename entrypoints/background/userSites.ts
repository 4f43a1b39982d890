import { USER_SITES_KEY, UserSitesSchema } from '@/lib/messaging/protocol';

export interface LocalStorageLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The sites the user enabled. A stored value of another shape (written by hand, or by a future
 * version) counts as none, so it can never stop the router from accepting the built-in portals.
 */
export async function readUserSites(storage: LocalStorageLike): Promise<string[]> {
  const items = await storage.get(USER_SITES_KEY);
  return UserSitesSchema.safeParse(items[USER_SITES_KEY]).data ?? [];
}

export async function writeUserSites(storage: LocalStorageLike, sites: readonly string[]): Promise<void> {
  await storage.set({ [USER_SITES_KEY]: UserSitesSchema.parse(sites) });
}
