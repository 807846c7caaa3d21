/**
 * The service's tables. Applied at every start, so each statement must be idempotent.
 * Amounts are numeric(19,0) (an Avro long's range, read back as a string, never a JS number).
 */
export const ORDERS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS orders (
     order_id      text PRIMARY KEY,
     customer_id   text NOT NULL,
     email         text NOT NULL,
     status        text NOT NULL,
     currency      text NOT NULL,
     total_minor   numeric(19,0) NOT NULL,
     line_items    jsonb NOT NULL,
     version       integer NOT NULL,
     payment_id    text,
     cancel_reason text,
     created_at    timestamptz NOT NULL DEFAULT now(),
     updated_at    timestamptz NOT NULL DEFAULT now()
   )`,
  // The transactional outbox. key_seq is the order's version the event announces: assigned
  // under the order's row lock, so per order it follows commit order. id only spreads the
  // relay's attention fairly across orders; it is not an ordering guarantee.
  `CREATE TABLE IF NOT EXISTS outbox (
     id           bigserial PRIMARY KEY,
     event_id     text NOT NULL UNIQUE,
     event_type   text NOT NULL,
     event_key    text NOT NULL,
     key_seq      integer NOT NULL,
     payload      text NOT NULL,
     created_at   timestamptz NOT NULL DEFAULT now(),
     published_at timestamptz,
     UNIQUE (event_key, key_seq)
   )`,
  `CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (event_key, key_seq) WHERE published_at IS NULL`,
  // Issue 15: the W3C trace context of the change (see outbox-trace-context.ts); NULL in rows
  // written before, and whenever tracing is off. Looked up first because ALTER TABLE takes an
  // ACCESS EXCLUSIVE lock even when IF NOT EXISTS finds nothing to do: every start would wait
  // for another instance's claim transaction (open while Kafka answers), and every order
  // write would queue behind that wait.
  `DO $$ BEGIN
     IF (SELECT count(*) FROM pg_attribute WHERE attrelid = 'outbox'::regclass AND attname IN ('traceparent', 'tracestate') AND NOT attisdropped) < 2 THEN
       ALTER TABLE outbox ADD COLUMN IF NOT EXISTS traceparent text, ADD COLUMN IF NOT EXISTS tracestate text;
     END IF;
   END $$`,
];
