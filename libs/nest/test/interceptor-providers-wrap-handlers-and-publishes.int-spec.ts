/**
 * Expected: interceptors given as Nest providers run around every publish (from the call to
 * the acknowledgement, able to add a header) and around every attempt of an @OnEvent
 * handler, the module's consumer interceptors outside the handler's own, each with its
 * dependencies injected; an interceptor class that no module provides stops the boot,
 * naming it.
 */
import { Injectable } from '@nestjs/common';
import type { OrderPaid } from '@eventline/contracts';
import type { HandlerInvocation, PublishInvocation } from '@eventline/runtime';
import { EventlineConfigErrorCode, EventlinePublisher, OnEvent, type EventlineHandlerInterceptor, type EventlinePublishInterceptor } from '../src';
import { eventually, NestTestKit } from './nest-test-kit';

@Injectable()
class CallLog {
  readonly entries: string[] = [];
}

@Injectable()
class TenantStamp implements EventlinePublishInterceptor {
  constructor(private readonly log: CallLog) {}

  async intercept(invocation: PublishInvocation, next: () => void | Promise<void>): Promise<void> {
    invocation.headers['x-tenant'] = 'acme';
    await next();
    this.log.entries.push(`published ${invocation.id} at ${invocation.receipt?.topic}[${invocation.receipt?.partition}]@${invocation.receipt?.offset}`);
  }
}

@Injectable()
class Timing implements EventlineHandlerInterceptor {
  constructor(private readonly log: CallLog) {}

  async intercept(invocation: HandlerInvocation, next: () => void | Promise<void>): Promise<void> {
    this.log.entries.push(`timing:before ${invocation.eventId} attempt ${invocation.attempt}`);
    await next();
    this.log.entries.push('timing:after');
  }
}

@Injectable()
class TenantCheck implements EventlineHandlerInterceptor {
  constructor(private readonly log: CallLog) {}

  intercept(invocation: HandlerInvocation, next: () => void | Promise<void>): void | Promise<void> {
    this.log.entries.push(`tenant ${invocation.headers['x-tenant']?.toString()}`);
    return next();
  }
}

@Injectable()
class PaymentsHandler {
  constructor(private readonly log: CallLog) {}

  @OnEvent('dev.eventline.orders.OrderPaid', { interceptors: [TenantCheck] })
  onPaid(payment: OrderPaid): void {
    this.log.entries.push(`handled ${payment.orderId}`);
  }
}

const payment: OrderPaid = { orderId: 'o-1', paymentId: 'p-1', amountMinor: 100n, currency: 'EUR', method: 'CARD', paidAt: 1_735_787_045_678 };

describe('interceptors as Nest providers', () => {
  const kit = new NestTestKit();
  beforeAll(() => kit.start());
  afterAll(() => kit.cleanup());

  it('wrap publishes and handler attempts, consumer interceptors outside the handler’s own', async () => {
    const topic = await kit.createTopic('orders', 1);
    const base = kit.options();
    const options = kit.options({
      publisher: { source: '/eventline/nest-test', interceptors: [TenantStamp] },
      consumer: { ...base.consumer!, interceptors: [Timing] },
    });
    const app = await kit.app(options, [CallLog, TenantStamp, Timing, TenantCheck, PaymentsHandler]);
    await app.get(EventlinePublisher).publish('dev.eventline.orders.OrderPaid', payment, { id: 'evt-1' });

    const log = app.get(CallLog);
    await eventually('the handler ran', () => log.entries.includes('timing:after'));
    expect(log.entries).toEqual([`published evt-1 at ${topic}[0]@0`, 'timing:before evt-1 attempt 1', 'tenant acme', 'handled o-1', 'timing:after']);
  });

  it('refuse to boot with an interceptor no module provides, naming it', async () => {
    await kit.createTopic('orders', 1);
    const base = kit.options();
    const options = kit.options({ consumer: { ...base.consumer!, interceptors: [Timing] } });
    const failure = await kit.app(options, [CallLog, PaymentsHandler, TenantCheck]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: EventlineConfigErrorCode.OptionsInvalid, message: expect.stringContaining('consumer.interceptors: Timing is not a provider') });
  });
});
