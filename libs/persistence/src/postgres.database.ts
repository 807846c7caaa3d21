import { Client, Pool, type PoolClient } from 'pg';
import { DatabaseKind, type Database, type Queryable } from './database';

const asQueryable = (client: Pool | PoolClient): Queryable => ({
  query: async <T extends object>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as T[],
});

/**
 * PostgreSQL through a pg connection pool; `schema` (created if missing) is put first on the
 * search path of every connection at its start (a startup option, so no query can run on a
 * connection before the path is set).
 */
export async function openPostgres(url: string, schema?: string, poolSize = 5): Promise<Database> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema "${schema}" must be a lower-case SQL identifier`);
  if (schema) {
    const setup = new Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new Pool({ connectionString: url, max: poolSize, ...(schema ? { options: `-c search_path=${schema},public` } : {}) });
  const root = asQueryable(pool);
  return {
    kind: DatabaseKind.Postgres,
    query: root.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
