/**
 * Both backends behave alike for what services rely on: queries, a committed transaction,
 * a rolled-back one, and unique constraints that make dedup-by-id work.
 */
import { randomBytes } from 'node:crypto';
import { migrate, openDatabase, type Database } from './index';

const POSTGRES_URL = process.env.EVENTLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe.each([
  ['embedded PGlite', () => openDatabase({})],
  ['PostgreSQL at 127.0.0.1:5432', () => openDatabase({ url: POSTGRES_URL, schema: `persistence_${randomBytes(4).toString('hex')}` })],
])('%s', (_name, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await migrate(db, ['CREATE TABLE IF NOT EXISTS processed (event_id text PRIMARY KEY, n int NOT NULL)']);
  });
  afterAll(() => db.close());

  it('commits a transaction that resolves', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO processed (event_id, n) VALUES ($1, $2)', ['a', 1]);
    });
    expect(await db.query('SELECT n FROM processed WHERE event_id = $1', ['a'])).toEqual([{ n: 1 }]);
  });

  it('rolls back a transaction that throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO processed (event_id, n) VALUES ($1, $2)', ['b', 2]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.query('SELECT n FROM processed WHERE event_id = $1', ['b'])).toEqual([]);
  });

  it('reports a duplicate id through ON CONFLICT, so a redelivery can be skipped', async () => {
    const first = await db.query('INSERT INTO processed (event_id, n) VALUES ($1, 3) ON CONFLICT DO NOTHING RETURNING event_id', ['c']);
    const again = await db.query('INSERT INTO processed (event_id, n) VALUES ($1, 3) ON CONFLICT DO NOTHING RETURNING event_id', ['c']);
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(0);
  });
});

it('refuses a DATABASE_URL that is not postgres://', async () => {
  await expect(openDatabase({ url: 'mysql://x' })).rejects.toThrow(/not a postgres:\/\/ URL/);
});
