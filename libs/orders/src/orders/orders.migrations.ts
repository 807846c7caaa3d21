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
];
