/**
 * The migrations run at every start, also on a database an earlier release created: the
 * trace context columns are added to its outbox, a row it left unpublished reads back
 * without a context, and running them again changes nothing. On embedded PGlite and on
 * PostgreSQL (127.0.0.1:5432, a schema of its own). And on PostgreSQL, a start does not wait
 * for another instance's relay holding rows of the outbox.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { migrate, openDatabase, type Database } from '@eventline/persistence';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ORDERS_MIGRATIONS } from './orders.migrations';

const POSTGRES_URL = process.env.EVENTLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The outbox as the migrations before issue 15 created it. */
const EARLIER_OUTBOX = `CREATE TABLE outbox (
  id           bigserial PRIMARY KEY,
  event_id     text NOT NULL UNIQUE,
  event_type   text NOT NULL,
  event_key    text NOT NULL,
  key_seq      integer NOT NULL,
  payload      text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (event_key, key_seq)
)`;

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

async function postgresSchema(): Promise<{ db: Database; schema: string; drop: () => Promise<void> }> {
  const schema = `orders_migrations_${randomBytes(4).toString('hex')}`;
  const db = await openDatabase({ url: POSTGRES_URL, schema });
  const drop = async () => {
    const pool = new Pool({ connectionString: POSTGRES_URL, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pool.end());
  };
  return { db, schema, drop };
}

describe.each([
  ['embedded PGlite', async () => ({ db: await openDatabase({}), drop: async () => undefined })],
  ['PostgreSQL', postgresSchema],
])('the orders migrations on %s', (_, open) => {
  let db: Database;
  let drop: () => Promise<void>;
  const outbox = new OutboxRepository();

  beforeAll(async () => ({ db, drop } = await open()));
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('add the trace context columns to an outbox an earlier release made, and leave its rows without a context', async () => {
    await db.query(EARLIER_OUTBOX);
    await db.query(`INSERT INTO outbox (event_id, event_type, event_key, key_seq, payload) VALUES ('old-1', 'dev.eventline.orders.OrderPlaced', 'order-1', 1, '{}')`);

    await migrate(db, ORDERS_MIGRATIONS);
    await migrate(db, ORDERS_MIGRATIONS);

    const columns = await db.query<{ column_name: string; is_nullable: string }>(
      `SELECT column_name, is_nullable FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'outbox' AND column_name IN ('traceparent', 'tracestate') ORDER BY column_name`,
    );
    expect(columns).toEqual([
      { column_name: 'traceparent', is_nullable: 'YES' },
      { column_name: 'tracestate', is_nullable: 'YES' },
    ]);
    await outbox.append(db, { eventId: 'new-1', type: 'dev.eventline.orders.OrderPlaced', key: 'order-2', seq: 1, payload: {}, traceContext: { traceparent: TRACEPARENT } });
    const heads = await outbox.heads(db, 10, false);
    expect(heads.map((row) => [row.eventId, row.traceContext])).toEqual([
      ['old-1', undefined],
      ['new-1', { traceparent: TRACEPARENT }],
    ]);
    expect('traceContext' in heads[0]).toBe(false);
  });
});

describe('the orders migrations on PostgreSQL, while another instance relays', () => {
  it("run without waiting for the relay's claim transaction", async () => {
    const { db, schema, drop } = await postgresSchema();
    const relay = new Pool({ connectionString: POSTGRES_URL, max: 1, options: `-c search_path=${schema}` });
    try {
      await migrate(db, ORDERS_MIGRATIONS);
      await new OutboxRepository().append(db, { eventId: 'e-1', type: 'dev.eventline.orders.OrderPlaced', key: 'order-1', seq: 1, payload: {} });
      // What SkipLockedClaim holds while Kafka answers: the rows, FOR UPDATE, in an open transaction.
      const claim = await relay.connect();
      try {
        await claim.query('BEGIN');
        await claim.query('SELECT id FROM outbox FOR UPDATE SKIP LOCKED');
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          migrate(db, ORDERS_MIGRATIONS).then(() => 'migrated'),
          new Promise((resolve) => (timer = setTimeout(() => resolve('still waiting after 3 s'), 3_000))),
        ]).finally(() => clearTimeout(timer));
        expect(outcome).toBe('migrated');
      } finally {
        await claim.query('ROLLBACK');
        claim.release();
      }
    } finally {
      await relay.end();
      await db.close();
      await drop();
    }
  });
});
