import { Injectable } from '@nestjs/common';
import type { Queryable } from '@eventline/persistence';
import type { OrderStatus } from './order-status';
import type { OrderView } from './order.view';

interface OrderRow {
  order_id: string;
  customer_id: string;
  email: string;
  status: OrderStatus;
  currency: string;
  total_minor: string | bigint;
  line_items: OrderView['lineItems'] | string;
  version: number;
  payment_id: string | null;
  cancel_reason: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface NewOrderRow {
  readonly orderId: string;
  readonly customerId: string;
  readonly email: string;
  readonly currency: string;
  readonly totalMinor: bigint;
  readonly lineItems: OrderView['lineItems'];
}

export interface StatusChange {
  readonly status: OrderStatus;
  readonly paymentId?: string;
  readonly cancelReason?: string;
}

const COLUMNS = 'order_id, customer_id, email, status, currency, total_minor::text AS total_minor, line_items, version, payment_id, cancel_reason, created_at, updated_at';

/** SQL of the orders table; every method takes the connection or transaction to run on. */
@Injectable()
export class OrdersRepository {
  async insert(q: Queryable, order: NewOrderRow): Promise<OrderView> {
    const [row] = await q.query<OrderRow>(
      `INSERT INTO orders (order_id, customer_id, email, status, currency, total_minor, line_items, version)
       VALUES ($1, $2, $3, 'PLACED', $4, $5::numeric, $6::jsonb, 1) RETURNING ${COLUMNS}`,
      [order.orderId, order.customerId, order.email, order.currency, order.totalMinor.toString(), JSON.stringify(order.lineItems)],
    );
    return toView(row);
  }

  /** `lock`: FOR UPDATE, so concurrent changes of one order serialise and see each other. */
  async find(q: Queryable, orderId: string, lock = false): Promise<OrderView | undefined> {
    const [row] = await q.query<OrderRow>(`SELECT ${COLUMNS} FROM orders WHERE order_id = $1${lock ? ' FOR UPDATE' : ''}`, [orderId]);
    return row ? toView(row) : undefined;
  }

  /** Applies a change to a locked order and bumps its version; returns the order after it. */
  async change(q: Queryable, orderId: string, change: StatusChange): Promise<OrderView> {
    const [row] = await q.query<OrderRow>(
      `UPDATE orders SET status = $2, version = version + 1, updated_at = now(),
         payment_id = COALESCE($3, payment_id), cancel_reason = COALESCE($4, cancel_reason)
       WHERE order_id = $1 RETURNING ${COLUMNS}`,
      [orderId, change.status, change.paymentId ?? null, change.cancelReason ?? null],
    );
    return toView(row);
  }
}

function toView(row: OrderRow): OrderView {
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    email: row.email,
    status: row.status,
    currency: row.currency,
    totalMinor: String(row.total_minor),
    lineItems: typeof row.line_items === 'string' ? JSON.parse(row.line_items) : row.line_items,
    version: Number(row.version),
    paymentId: row.payment_id,
    cancelReason: row.cancel_reason,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
