import type { Database } from 'better-sqlite3';
import { migrations as shipped } from './migrations.ts';

/**
 * Brings the store's schema up to date: applies each migration past `PRAGMA user_version`, each in its
 * own transaction together with the version bump, so a crash leaves the store at a whole version.
 * Returns the version before and after. A store from a newer labdigest is refused, not downgraded.
 */
export function migrate(db: Database, migrations: readonly string[] = shipped): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) {
    throw new Error(`schema version ${from} is newer than this labdigest knows (${migrations.length}); upgrade labdigest`);
  }
  for (let version = from; version < migrations.length; version++) {
    const sql = migrations[version] as string;
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) > version) return; // another process applied it meanwhile
      db.exec(sql);
      // PRAGMA takes no bound parameters; `version` is an integer we computed.
      db.pragma(`user_version = ${version + 1}`);
    }).immediate(); // two processes opening an old store at once: one migrates, the other waits
  }
  return { from, to: migrations.length };
}
