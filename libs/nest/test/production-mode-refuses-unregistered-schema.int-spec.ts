/**
 * Expected: in production codec mode an app whose events are not registered refuses to
 * start, naming every missing subject and how to register them; it never registers a
 * schema itself (the registry still has no subject afterwards).
 */
import { Injectable } from '@nestjs/common';
import type { OrderPaid } from '@eventline/contracts';
import { EventlineConfigErrorCode, OnEvent } from '../src';
import { NestTestKit } from './nest-test-kit';

@Injectable()
class ShippingHandler {
  @OnEvent('dev.eventline.orders.OrderPaid')
  onPaid(payment: OrderPaid): void {
    void payment;
  }
}

describe('production codec mode', () => {
  const kit = new NestTestKit();
  beforeAll(() => kit.start());
  afterAll(() => kit.cleanup());

  it('refuses to start while a subject is missing, and registers nothing', async () => {
    await kit.createTopic('orders', 1);
    const options = kit.options({
      codecMode: 'production',
      publisher: { source: '/eventline/shipping', events: ['dev.eventline.shipments.ShipmentScheduled'], factory: undefined },
    });

    await expect(kit.app(options, [ShippingHandler])).rejects.toMatchObject({
      code: EventlineConfigErrorCode.SchemasNotRegistered,
      message:
        'Eventline cannot start in production mode: schemas not registered: orders-dev.eventline.orders.OrderPaid, shipments-dev.eventline.shipments.ShipmentScheduled. Register reviewed schemas with `npx nx run contracts:schemas:register`',
    });

    const subjects = await (await fetch(`${options.schemaRegistryUrl}/subjects`)).json();
    expect(subjects).toEqual([]);
  });
});
