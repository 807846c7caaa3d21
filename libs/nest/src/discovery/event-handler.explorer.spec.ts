import { Injectable, Scope } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { OrderPaid } from '@eventline/contracts';
import { OnEvent } from '../decorators/on-event.decorator';
import { EventHandlerExplorer } from './event-handler.explorer';

@Injectable()
class PaymentsHandler {
  readonly seen: unknown[] = [];

  @OnEvent('dev.eventline.orders.OrderPaid', { retry: { maxAttempts: 2 } })
  onPaid(payment: OrderPaid): void {
    // `this` must be the provider instance: discovery binds the method.
    this.seen.push(payment);
  }
}

@Injectable()
class ShipmentsHandler {
  @OnEvent('dev.eventline.shipments.ShipmentScheduled', { group: 'shipping' })
  onScheduled(): void {
    return undefined;
  }

  @OnEvent('dev.eventline.orders.OrderPlaced')
  onPlaced(): void {
    return undefined;
  }
}

@Injectable({ scope: Scope.REQUEST })
class PerRequestHandler {
  @OnEvent('dev.eventline.orders.OrderCancelled')
  onCancelled(): void {
    return undefined;
  }
}

describe('EventHandlerExplorer', () => {
  it('finds every @OnEvent method on singleton providers, bound to its instance', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [EventHandlerExplorer, PaymentsHandler, ShipmentsHandler, PerRequestHandler, { provide: 'plain', useValue: { a: 1 } }],
    }).compile();

    const found = moduleRef.get(EventHandlerExplorer).explore();

    expect(found.map((h) => [h.name, h.metadata]).sort()).toEqual([
      ['PaymentsHandler.onPaid', { eventType: 'dev.eventline.orders.OrderPaid', retry: { maxAttempts: 2 } }],
      ['ShipmentsHandler.onPlaced', { eventType: 'dev.eventline.orders.OrderPlaced' }],
      ['ShipmentsHandler.onScheduled', { eventType: 'dev.eventline.shipments.ShipmentScheduled', group: 'shipping' }],
    ]);
    const paid = found.find((h) => h.name === 'PaymentsHandler.onPaid')!;
    paid.invoke({ orderId: 'o-1' }, {});
    expect(moduleRef.get(PaymentsHandler).seen).toEqual([{ orderId: 'o-1' }]);
  });
});
