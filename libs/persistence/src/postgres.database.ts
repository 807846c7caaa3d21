import { Pool, type PoolClient } from 'pg';
import { DatabaseKind, type Database, type Queryable } from './database';

const asQueryable = (client: Pool | PoolClient): Queryable => ({
  query: async <T extends object>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as T[],
});

/** PostgreSQL through a pg connection pool; `schema` (created if missing) is put first on the search path. */
export async function openPostgres(url: string, schema?: string, poolSize = 5): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema "${schema}" must be a lower-case SQL identifier`);
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    pool.on('connect', (client) => void client.query(`SET search_path TO ${schema}, public`));
    // Connections made before the listener (the CREATE above) must not keep the old path.
    await pool.query(`SET search_path TO ${schema}, public`);
  }
  const root = asQueryable(pool);
  return {
    kind: DatabaseKind.Postgres,
    query: root.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        if (schema) await client.query(`SET search_path TO ${schema}, public`);
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
