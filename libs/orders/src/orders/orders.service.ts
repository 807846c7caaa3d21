import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventPayload, EventType } from '@eventline/contracts';
import type { Database, Queryable } from '@eventline/persistence';
import { DATABASE } from '@eventline/service-kit';
import { OrdersErrorCode } from '../errors/orders-error-code';
import { OrdersError } from '../errors/orders.error';
import { EventSchemaCheck } from '../events/event-schema.check';
import { captureTraceContext } from '../outbox/outbox-trace-context';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { CancelOrderDto } from './cancel-order.dto';
import { OrderAction, nextStatus, type OrderStatus } from './order-status';
import type { OrderView } from './order.view';
import { OrdersRepository, type StatusChange } from './orders.repository';
import type { PayOrderDto } from './pay-order.dto';
import { MAX_MINOR_UNITS, type PlaceOrderDto } from './place-order.dto';

/**
 * Orders and the events announcing their changes. Each change and its event are written in
 * one transaction (the outbox): both exist or neither, so no event is lost and none
 * announces a change that did not happen. The relay publishes them afterwards.
 */
@Injectable()
export class OrdersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly orders: OrdersRepository,
    private readonly outbox: OutboxRepository,
    private readonly schemas: EventSchemaCheck,
  ) {}

  async place(input: PlaceOrderDto): Promise<OrderView> {
    const orderId = randomUUID();
    const totalMinor = input.lineItems.reduce((sum, item) => sum + item.unitPriceMinor * BigInt(item.quantity), 0n);
    if (totalMinor > MAX_MINOR_UNITS) {
      throw new OrdersError(OrdersErrorCode.InvalidRequest, 'the order total is too large', {
        fields: { lineItems: `total must be at most ${MAX_MINOR_UNITS} minor units (got ${totalMinor})` },
      });
    }
    const event: EventPayload<'dev.eventline.orders.OrderPlaced'> = {
      orderId,
      customerId: input.customerId,
      customerEmail: input.email,
      lineItems: input.lineItems.map((item) => ({ sku: item.sku, quantity: item.quantity, unitPriceMinor: item.unitPriceMinor })),
      totalMinor,
      currency: input.currency,
      placedAt: Date.now(),
    };
    await this.schemas.assertFits('dev.eventline.orders.OrderPlaced', event);
    return this.db.transaction(async (tx) => {
      const order = await this.orders.insert(tx, {
        orderId,
        customerId: input.customerId,
        email: input.email,
        currency: input.currency,
        totalMinor,
        lineItems: input.lineItems.map((item) => ({ sku: item.sku, quantity: item.quantity, unitPriceMinor: item.unitPriceMinor.toString() })),
      });
      await this.announce(tx, order, 'dev.eventline.orders.OrderPlaced', event);
      return order;
    });
  }

  pay(orderId: string, input: PayOrderDto): Promise<OrderView> {
    return this.change(orderId, OrderAction.Pay, (status) => ({ status, paymentId: input.paymentId }), (order) => ({
      type: 'dev.eventline.orders.OrderPaid',
      payload: { orderId, paymentId: input.paymentId, amountMinor: BigInt(order.totalMinor), currency: order.currency, method: input.method, paidAt: Date.now() },
    }));
  }

  cancel(orderId: string, input: CancelOrderDto): Promise<OrderView> {
    return this.change(orderId, OrderAction.Cancel, (status) => ({ status, cancelReason: input.reason }), (order) => ({
      type: 'dev.eventline.orders.OrderCancelled',
      // Only placed (unpaid) orders can be cancelled, so there is never anything to refund.
      payload: { orderId, reason: input.reason, note: input.note, refundMinor: 0n, currency: order.currency, cancelledAt: Date.now() },
    }));
  }

  async get(orderId: string): Promise<OrderView> {
    const order = await this.orders.find(this.db, orderId);
    if (!order) throw notFound(orderId);
    return order;
  }

  private async change<T extends EventType>(
    orderId: string,
    action: OrderAction,
    describe: (status: OrderStatus) => StatusChange,
    announcement: (order: OrderView) => { readonly type: T; readonly payload: EventPayload<T> },
  ): Promise<OrderView> {
    // Checked before the transaction, on the order as it is now, so no registry call is
    // made while the row is locked; the check is repeated under the lock below.
    const current = await this.get(orderId);
    assertAllowed(current, action);
    const { type, payload } = announcement(current);
    await this.schemas.assertFits(type, payload);
    return this.db.transaction(async (tx) => {
      // FOR UPDATE: concurrent changes of one order serialise, and the second sees the first.
      const locked = await this.orders.find(tx, orderId, true);
      if (!locked) throw notFound(orderId);
      const to = assertAllowed(locked, action);
      const changed = await this.orders.change(tx, orderId, describe(to));
      await this.announce(tx, changed, type, payload);
      return changed;
    });
  }

  /**
   * The event's sequence is the order's version after the change: per order, commit order.
   * The active trace context (the HTTP request's span, with HTTP instrumentation) goes into
   * the row, so the relay's publish continues the request's trace, even after a restart.
   */
  private announce<T extends EventType>(tx: Queryable, order: OrderView, type: T, payload: EventPayload<T>): Promise<void> {
    const traceContext = captureTraceContext();
    return this.outbox.append(tx, { eventId: randomUUID(), type, key: order.orderId, seq: order.version, payload, ...(traceContext ? { traceContext } : {}) });
  }
}

function assertAllowed(order: OrderView, action: OrderAction): OrderStatus {
  const to = nextStatus(action, order.status);
  if (!to) throw new OrdersError(OrdersErrorCode.IllegalTransition, `cannot ${action} order ${order.orderId}: it is ${order.status}`);
  return to;
}

function notFound(orderId: string): OrdersError {
  return new OrdersError(OrdersErrorCode.NotFound, `order ${orderId} does not exist`);
}
