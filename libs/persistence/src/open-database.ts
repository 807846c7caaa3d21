import type { Database } from './database';
import { openPGlite } from './pglite.database';
import { openPostgres } from './postgres.database';

export interface OpenDatabaseOptions {
  /** A postgres:// URL; unset = embedded PGlite. */
  readonly url?: string;
  /** Postgres only: the schema this service owns. */
  readonly schema?: string;
  /** PGlite only: a folder to persist into; unset = in memory. */
  readonly dataDir?: string;
}

/** PostgreSQL when a URL is given (DATABASE_URL), otherwise embedded PGlite. */
export function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      return Promise.reject(new Error(`DATABASE_URL "${options.url}" is not a postgres:// URL; unset it to use the embedded database`));
    }
    return openPostgres(options.url, options.schema);
  }
  return openPGlite(options.dataDir);
}

/** Applies idempotent DDL statements in order (each must be safe to run again: IF NOT EXISTS). */
export async function migrate(db: Database, statements: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const sql of statements) await tx.query(sql);
  });
}
