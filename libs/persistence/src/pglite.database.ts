import { PGlite } from '@electric-sql/pglite';
import { DatabaseKind, type Database } from './database';

/**
 * Embedded PostgreSQL (PGlite, in this process) for `npm start` without a database server.
 * It has one connection, so transactions are serialised here: a query outside a
 * transaction waits for the running transaction instead of slipping into it.
 */
export async function openPGlite(dataDir?: string): Promise<Database> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    kind: DatabaseKind.PGlite,
    query: (sql, params = []) => serialise(async () => (await db.query(sql, [...params])).rows as never[]),
    transaction: (work) =>
      serialise(() => db.transaction(async (tx) => work({ query: async (sql, params = []) => (await tx.query(sql, [...params])).rows as never[] }))),
    close: () => db.close(),
  };
}
