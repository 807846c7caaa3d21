import { Injectable, Logger } from '@nestjs/common';
import type { OrderPaid, ShippingAddress } from '@eventline/contracts';
import { EventlinePublisher, OnEvent, type OnEventContext } from '@eventline/nest';
import { derivedEventId } from '@eventline/service-kit';
import { ShipmentsRepository } from './shipments.repository';

const ORDER_PAID = 'dev.eventline.orders.OrderPaid';
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** The demo has no address book: a stable made-up address per order keeps runs reproducible. */
function demoAddress(orderId: string): ShippingAddress {
  return { recipient: `Customer of ${orderId}`, street: '1 Demo Street', postalCode: '10115', city: 'Berlin', country: 'DE' };
}

/**
 * OrderPaid → one shipment, announced as ShipmentScheduled (consume → produce). Exactly one
 * shipment per order comes from the shipments table's key; the announcement is published on
 * every delivery (a crash may have struck between the insert and the publish) with an id
 * derived from the payment event's ce_id, so downstream sees one event id however often.
 */
@Injectable()
export class OrderPaidHandler {
  private readonly logger = new Logger(OrderPaidHandler.name);

  constructor(
    private readonly shipments: ShipmentsRepository,
    private readonly events: EventlinePublisher,
  ) {}

  @OnEvent(ORDER_PAID, { retry: { maxAttempts: 5, initialDelayMs: 200 } })
  async onOrderPaid(payment: OrderPaid, context: OnEventContext<typeof ORDER_PAID>): Promise<void> {
    const sourceId = context.eventId ?? `${context.topic}:${context.partition}:${context.offset}`;
    const shipment = await this.shipments.scheduleOnce(
      payment.orderId,
      derivedEventId(sourceId, 'shipment'),
      sourceId,
      payment.paidAt + ONE_DAY_MS,
    );
    if (!shipment.created) this.logger.debug(`order ${payment.orderId} already has shipment ${shipment.shipmentId}`);
    await this.events.publish(
      'dev.eventline.shipments.ShipmentScheduled',
      { shipmentId: shipment.shipmentId, orderId: payment.orderId, carrier: 'DemoPost', address: demoAddress(payment.orderId), scheduledFor: shipment.scheduledFor },
      { id: derivedEventId(sourceId, 'shipment-scheduled') },
    );
  }
}
