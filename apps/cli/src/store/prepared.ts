import type { Db } from './open-db.ts';

/**
 * `prepare`'s statements for a connection, prepared the first time it is asked for and kept as long as
 * the connection is (preparing is most of a small query's cost; the server answers many).
 */
export function preparedPerConnection<T>(prepare: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let statements = made.get(db);
    if (statements === undefined) {
      statements = prepare(db);
      made.set(db, statements);
    }
    return statements;
  };
}
