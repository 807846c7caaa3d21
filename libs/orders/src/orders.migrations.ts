export const ORDERS_MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS orders (
     order_id text PRIMARY KEY,
     customer_id text NOT NULL,
     email text NOT NULL,
     status text NOT NULL,
     currency text NOT NULL,
     total_minor text NOT NULL,
     line_items jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  // The transactional outbox: written in the same transaction as the order change, read in
  // seq order by the relay. seq orders an order's events; event_id is the ce_id.
  `CREATE TABLE IF NOT EXISTS outbox (
     seq bigserial PRIMARY KEY,
     event_id text NOT NULL UNIQUE,
     order_id text NOT NULL,
     event_type text NOT NULL,
     payload text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     published_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS outbox_unpublished ON outbox (seq) WHERE published_at IS NULL`,
] as const;
