import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventPayload, EventType } from '@eventline/contracts';
import type { Database, Queryable } from '@eventline/persistence';
import { DATABASE } from '@eventline/service-kit';
import type { Cancellation, NewOrder, Payment } from './order-input.validator';
import { OrderErrorCode, OrderStateError } from './order-state.error';
import { toOutboxJson } from './outbox-json';

export const OrderStatus = { Placed: 'PLACED', Paid: 'PAID', Cancelled: 'CANCELLED' } as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

export interface OrderView {
  readonly orderId: string;
  readonly customerId: string;
  readonly email: string;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly totalMinor: string;
  readonly lineItems: unknown;
}

/** The transitions the API allows; anything else answers 409. */
const ALLOWED: Record<'pay' | 'cancel', readonly OrderStatus[]> = { pay: [OrderStatus.Placed], cancel: [OrderStatus.Placed] };

/**
 * Orders and their events. Every state change and the event announcing it are written in
 * one database transaction (the outbox): either both exist or neither, so no event is
 * lost and none announces a change that did not happen. The relay publishes them.
 */
@Injectable()
export class OrdersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  private async enqueue<T extends EventType>(tx: Queryable, orderId: string, type: T, payload: EventPayload<T>): Promise<void> {
    await tx.query('INSERT INTO outbox (event_id, order_id, event_type, payload) VALUES ($1, $2, $3, $4)', [randomUUID(), orderId, type, toOutboxJson(payload)]);
  }

  async place(order: NewOrder): Promise<OrderView> {
    const orderId = randomUUID();
    const total = order.lineItems.reduce((n, i) => n + i.unitPriceMinor * BigInt(i.quantity), 0n);
    const lineItems = order.lineItems.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor.toString() }));
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO orders (order_id, customer_id, email, status, currency, total_minor, line_items) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [orderId, order.customerId, order.email, OrderStatus.Placed, order.currency, total.toString(), JSON.stringify(lineItems)],
      );
      await this.enqueue(tx, orderId, 'dev.eventline.orders.OrderPlaced', {
        orderId,
        customerId: order.customerId,
        customerEmail: order.email,
        lineItems: order.lineItems.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
        totalMinor: total,
        currency: order.currency,
        placedAt: Date.now(),
      });
    });
    return { orderId, customerId: order.customerId, email: order.email, status: OrderStatus.Placed, currency: order.currency, totalMinor: total.toString(), lineItems };
  }

  async pay(orderId: string, payment: Payment): Promise<OrderView> {
    return this.transition(orderId, 'pay', OrderStatus.Paid, (tx, order) =>
      this.enqueue(tx, orderId, 'dev.eventline.orders.OrderPaid', {
        orderId,
        paymentId: payment.paymentId,
        amountMinor: BigInt(order.totalMinor),
        currency: order.currency,
        method: payment.method,
        paidAt: Date.now(),
      }),
    );
  }

  async cancel(orderId: string, cancellation: Cancellation): Promise<OrderView> {
    return this.transition(orderId, 'cancel', OrderStatus.Cancelled, (tx, order) =>
      this.enqueue(tx, orderId, 'dev.eventline.orders.OrderCancelled', {
        orderId,
        reason: cancellation.reason,
        note: cancellation.note,
        refundMinor: 0n,
        currency: order.currency,
        cancelledAt: Date.now(),
      }),
    );
  }

  async get(orderId: string): Promise<OrderView> {
    const order = await this.find(this.db, orderId, false);
    if (!order) throw new OrderStateError(OrderErrorCode.NotFound, `order ${orderId} does not exist`);
    return order;
  }

  private async transition(orderId: string, action: 'pay' | 'cancel', to: OrderStatus, announce: (tx: Queryable, order: OrderView) => Promise<void>): Promise<OrderView> {
    return this.db.transaction(async (tx) => {
      // FOR UPDATE: two concurrent requests on one order serialise; the second sees the first's status.
      const order = await this.find(tx, orderId, true);
      if (!order) throw new OrderStateError(OrderErrorCode.NotFound, `order ${orderId} does not exist`);
      if (!ALLOWED[action].includes(order.status)) {
        throw new OrderStateError(OrderErrorCode.IllegalTransition, `cannot ${action} order ${orderId}: it is ${order.status}`);
      }
      await tx.query('UPDATE orders SET status = $2, updated_at = now() WHERE order_id = $1', [orderId, to]);
      await announce(tx, order);
      return { ...order, status: to };
    });
  }

  private async find(q: Queryable, orderId: string, forUpdate: boolean): Promise<OrderView | undefined> {
    const [row] = await q.query<{ order_id: string; customer_id: string; email: string; status: OrderStatus; currency: string; total_minor: string; line_items: unknown }>(
      `SELECT order_id, customer_id, email, status, currency, total_minor, line_items FROM orders WHERE order_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [orderId],
    );
    if (!row) return undefined;
    const lineItems = typeof row.line_items === 'string' ? JSON.parse(row.line_items) : row.line_items;
    return { orderId: row.order_id, customerId: row.customer_id, email: row.email, status: row.status, currency: row.currency, totalMinor: row.total_minor, lineItems };
  }
}
