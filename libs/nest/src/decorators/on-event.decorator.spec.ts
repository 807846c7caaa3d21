import 'reflect-metadata';
import type { OrderPaid, OrderPlaced } from '@eventline/contracts';
import type { OnEventContext } from './event.context';
import { OnEvent, OnEventMetadataDecorator } from './on-event.decorator';

class OrdersHandler {
  @OnEvent('dev.eventline.orders.OrderPaid', { retry: { maxAttempts: 3 }, deadLetter: 'orders.dlq', group: 'billing' })
  async onPaid(payment: OrderPaid, context: OnEventContext<'dev.eventline.orders.OrderPaid'>): Promise<void> {
    void payment;
    void context;
  }

  @OnEvent('dev.eventline.orders.OrderPlaced')
  onPlaced(order: OrderPlaced): void {
    void order;
  }

  notAHandler(): void {
    return undefined;
  }
}

// Compile-time contract, checked by `tsc -p libs/nest/tsconfig.lib.json` (Jest does not type-check).
export class MisdeclaredHandlers {
  // @ts-expect-error the event type is not in the catalog
  @OnEvent('dev.eventline.orders.OrderPayed')
  typo(): void {
    return undefined;
  }

  // @ts-expect-error an OrderPaid handler cannot take an OrderPlaced payload
  @OnEvent('dev.eventline.orders.OrderPaid')
  wrongPayload(order: OrderPlaced): void {
    void order;
  }

  // @ts-expect-error the context is narrowed to the handled type
  @OnEvent('dev.eventline.orders.OrderPaid')
  wrongContext(payment: OrderPaid, context: OnEventContext<'dev.eventline.orders.OrderPlaced'>): void {
    void payment;
    void context;
  }
}

describe('@OnEvent', () => {
  const metadataOf = (method: keyof OrdersHandler) => Reflect.getMetadata(OnEventMetadataDecorator.KEY, OrdersHandler.prototype[method]);

  it.each([
    ['onPaid', { eventType: 'dev.eventline.orders.OrderPaid', retry: { maxAttempts: 3 }, deadLetter: 'orders.dlq', group: 'billing' }],
    ['onPlaced', { eventType: 'dev.eventline.orders.OrderPlaced' }],
    ['notAHandler', undefined],
  ] as const)('%s carries %j', (method, expected) => {
    expect(metadataOf(method)).toEqual(expected);
  });

  it('only attaches metadata: the method is left as it was', async () => {
    const handler = new OrdersHandler();
    expect(handler.onPlaced({} as OrderPlaced)).toBeUndefined();
    await expect(handler.onPaid({} as OrderPaid, {} as OnEventContext<'dev.eventline.orders.OrderPaid'>)).resolves.toBeUndefined();
  });

  it('keeps an explicit eventType over one smuggled into the options', () => {
    class Sneaky {
      @OnEvent('dev.eventline.orders.OrderPaid', { eventType: 'x' } as never)
      handle(): void {
        return undefined;
      }
    }
    expect(Reflect.getMetadata(OnEventMetadataDecorator.KEY, Sneaky.prototype.handle).eventType).toBe('dev.eventline.orders.OrderPaid');
  });
});
