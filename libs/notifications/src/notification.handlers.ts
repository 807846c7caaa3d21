import { Injectable } from '@nestjs/common';
import type { OrderCancelled, OrderPlaced, ShipmentScheduled } from '@eventline/contracts';
import { OnEvent, type OnEventContext } from '@eventline/nest';
import { EmailSink } from './email-sink';
import { ContactNotKnownYetError } from './notification.errors';

const PLACED = 'dev.eventline.orders.OrderPlaced';
const CANCELLED = 'dev.eventline.orders.OrderCancelled';
const SCHEDULED = 'dev.eventline.shipments.ShipmentScheduled';

const idOf = (ctx: { eventId?: string; topic: string; partition: number; offset: string }) => ctx.eventId ?? `${ctx.topic}:${ctx.partition}:${ctx.offset}`;

/** Emails on order placed, cancelled and shipment scheduled; one per event id. */
@Injectable()
export class NotificationHandlers {
  constructor(private readonly sink: EmailSink) {}

  @OnEvent(PLACED, { retry: { maxAttempts: 4, initialDelayMs: 100 } })
  async onPlaced(order: OrderPlaced, ctx: OnEventContext<typeof PLACED>): Promise<void> {
    await this.sink.rememberContact(order.orderId, order.customerEmail);
    await this.sink.send(idOf(ctx), order.customerEmail, 'order-confirmation', order.orderId, ctx.attempt);
  }

  @OnEvent(CANCELLED, { retry: { maxAttempts: 4, initialDelayMs: 100 } })
  async onCancelled(cancelled: OrderCancelled, ctx: OnEventContext<typeof CANCELLED>): Promise<void> {
    const to = await this.sink.contactOf(cancelled.orderId);
    if (!to) throw new ContactNotKnownYetError(`no contact for order ${cancelled.orderId} yet`);
    await this.sink.send(idOf(ctx), to, 'order-cancelled', cancelled.orderId, ctx.attempt);
  }

  @OnEvent(SCHEDULED, { retry: { maxAttempts: 6, initialDelayMs: 200 } })
  async onShipmentScheduled(shipment: ShipmentScheduled, ctx: OnEventContext<typeof SCHEDULED>): Promise<void> {
    const to = await this.sink.contactOf(shipment.orderId);
    if (!to) throw new ContactNotKnownYetError(`no contact for order ${shipment.orderId} yet`);
    await this.sink.send(idOf(ctx), to, 'shipment-scheduled', shipment.orderId, ctx.attempt);
  }
}
