import Dexie from 'dexie';
import { DATABASE_NAME, type LkeDatabase, type SchemaVersion, VERSIONS } from './schema';

// The database lives in the extension's origin only (ARCHITECTURE.md rule 1): it is opened by the
// background and by extension pages, never by a content script.

export interface OpenOptions {
  /** An IDBFactory (fake-indexeddb in unit tests); the browser's own when omitted. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  name?: string;
}

/** Declares `versions` on `db` with their upgrades; the migrations test declares older prefixes. */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

export function createDatabase(options: OpenOptions = {}): LkeDatabase {
  const db = new Dexie(options.name ?? DATABASE_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as LkeDatabase;
  declareVersions(db, VERSIONS);
  // A newer version of the extension (an update, a tab already on it) wants to upgrade the
  // database: this older connection closes at once, so the upgrade is never blocked, and stays
  // closed (Dexie's default reopens it, which fails at the older version). Pages that subscribe
  // to 'versionchange' too, subscribed later and so called first, ask the user to reload.
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    return false;
  });
  return db;
}
