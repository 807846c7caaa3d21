import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OrderPaid } from '@eventline/contracts';
import { RuntimeInstrumentation } from '@eventline/runtime';
import { OnEvent } from './decorators/on-event.decorator';
import { EventlineConfigErrorCode } from './errors/eventline-config.error';
import type { EventlineModuleOptions } from './eventline-module.options';
import { EventlineModule } from './eventline.module';
import { EventlineHealthIndicator } from './health/eventline.health-indicator';
import { EventlinePublisher } from './publisher/eventline.publisher';

// Nothing listens here: these apps must fail (or start) without ever reaching a broker.
const options: EventlineModuleOptions = {
  brokers: ['127.0.0.1:9'],
  schemaRegistryUrl: 'http://127.0.0.1:9',
  codecMode: 'development',
  consumer: { groupId: 'billing' },
};

@Injectable()
class BillingHandler {
  @OnEvent('dev.eventline.orders.OrderPaid')
  onPaid(_payment: OrderPaid): void {
    return undefined;
  }
}

@Injectable()
class LedgerHandler {
  @OnEvent('dev.eventline.orders.OrderPaid', { retry: { maxAttempts: -1 } })
  onPaid(_payment: OrderPaid): void {
    return undefined;
  }
}

// Handlers in a feature module are found too: discovery covers every module of the app.
@Module({ providers: [LedgerHandler] })
class LedgerModule {}

describe('EventlineModule at bootstrap', () => {
  it('fails app.init() with every handler problem before contacting Kafka', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EventlineModule.forRoot(options), LedgerModule],
      providers: [BillingHandler],
    }).compile();

    await expect(moduleRef.createNestApplication({ logger: false }).init()).rejects.toMatchObject({
      code: EventlineConfigErrorCode.HandlersInvalid,
      message: [
        'Eventline cannot start:',
        "  - LedgerHandler.onPaid (@OnEvent('dev.eventline.orders.OrderPaid')): retry: maxAttempts must be a whole number ≥ 1 (got -1)",
        "  - dev.eventline.orders.OrderPaid has two handlers in group billing (BillingHandler.onPaid and LedgerHandler.onPaid); keep one, or give one of them another group: @OnEvent('dev.eventline.orders.OrderPaid', { group: '…' })",
      ].join('\n'),
    });
  });

  it('forRootAsync validates the options its factory returns', async () => {
    const compiling = Test.createTestingModule({
      imports: [EventlineModule.forRootAsync({ useFactory: async () => ({ ...options, brokers: [] }) })],
    }).compile();
    await expect(compiling).rejects.toMatchObject({ code: EventlineConfigErrorCode.OptionsInvalid });
  });

  it('an app without handlers or publisher starts and stops without a broker, and shares the given instrumentation', async () => {
    const instrumentation = new RuntimeInstrumentation();
    const moduleRef = await Test.createTestingModule({
      imports: [EventlineModule.forRootAsync({ useFactory: () => ({ ...options, instrumentation }) })],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();

    expect(app.get(RuntimeInstrumentation)).toBe(instrumentation);
    await expect(app.get(EventlinePublisher).publish('dev.eventline.orders.OrderPaid', {} as OrderPaid)).rejects.toMatchObject({
      code: EventlineConfigErrorCode.PublisherMissing,
    });
    expect(app.get(EventlineHealthIndicator).isHealthy()).toEqual({ eventline: { status: 'up', consumers: [], publisher: 'none' } });
    await app.close();
  });
});
