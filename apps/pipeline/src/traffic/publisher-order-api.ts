import { randomUUID } from 'node:crypto';
import type { EventPublisher } from '@eventline/runtime';
import type { OrderApi } from './traffic-generator';

/**
 * Stands in for the orders service when it is not part of the run (`--no-orders-service`):
 * emits the same events straight through the publisher, without the outbox.
 */
export class PublisherOrderApi implements OrderApi {
  private readonly customers = new Map<string, { customerId: string; total: bigint; currency: string }>();

  constructor(private readonly publisher: EventPublisher) {}

  async placeOrder(order: Parameters<OrderApi['placeOrder']>[0]): Promise<string> {
    const orderId = randomUUID();
    const lineItems = order.items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceMinor: BigInt(i.unitPriceMinor) }));
    const total = lineItems.reduce((n, i) => n + i.unitPriceMinor * BigInt(i.quantity), 0n);
    await this.publisher.publish('dev.eventline.orders.OrderPlaced', {
      orderId,
      customerId: order.customerId,
      customerEmail: order.email,
      lineItems,
      totalMinor: total,
      currency: order.currency,
      placedAt: Date.now(),
    });
    this.customers.set(orderId, { customerId: order.customerId, total, currency: order.currency });
    return orderId;
  }

  async pay(orderId: string): Promise<void> {
    const o = this.customers.get(orderId)!;
    await this.publisher.publish('dev.eventline.orders.OrderPaid', { orderId, paymentId: randomUUID(), amountMinor: o.total, currency: o.currency, method: 'CARD', paidAt: Date.now() });
  }

  async cancel(orderId: string): Promise<void> {
    const o = this.customers.get(orderId)!;
    await this.publisher.publish('dev.eventline.orders.OrderCancelled', { orderId, reason: 'CUSTOMER_REQUEST', note: null, refundMinor: 0n, currency: o.currency, cancelledAt: Date.now() });
  }
}
