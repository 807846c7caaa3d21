import type { DiscoveredHandler } from '../discovery/discovered-handler';
import type { OnEventMetadata } from '../decorators/on-event.decorator';
import type { ConsumerOptions } from '../eventline-module.options';
import { buildConsumerPlan } from './consumer-plan.builder';
import { withTopicPrefix } from './topic-names';

const calls: unknown[][] = [];
const handler = (name: string, metadata: OnEventMetadata): DiscoveredHandler => ({
  name,
  metadata,
  invoke: (payload, context) => calls.push([name, payload, context]),
});

const handlers = [
  handler('Billing.onPaid', { eventType: 'dev.eventline.orders.OrderPaid', retry: { maxAttempts: 2 } }),
  handler('Billing.onCancelled', { eventType: 'dev.eventline.orders.OrderCancelled', deadLetter: false }),
  handler('Shipping.onScheduled', { eventType: 'dev.eventline.shipments.ShipmentScheduled', group: 'shipping', deadLetter: 'ship.failures' }),
  handler('Mail.onPlaced', { eventType: 'dev.eventline.orders.OrderPlaced', group: 'mail' }),
];

const consumer: ConsumerOptions = {
  groupId: 'billing',
  concurrency: 2,
  retry: { initialDelayMs: 10, jitter: 0 },
  groups: { shipping: { concurrency: 8, retry: { maxAttempts: 9 } }, mail: { deadLetter: false } },
};

describe('buildConsumerPlan', () => {
  it('builds one route per handler, grouped, with the topic from the catalog and layered defaults', () => {
    const plan = buildConsumerPlan(handlers, consumer);
    const summary = plan.map(({ groupId, settings, routes }) => ({
      groupId,
      concurrency: settings.concurrency,
      routes: routes.map(({ name, topic, eventType, retry, deadLetter }) => ({ name, topic, eventType, retry, deadLetter })),
    }));
    expect(summary).toEqual([
      {
        groupId: 'billing',
        concurrency: 2,
        routes: [
          { name: 'Billing.onPaid', topic: 'orders', eventType: 'dev.eventline.orders.OrderPaid', retry: { initialDelayMs: 10, jitter: 0, maxAttempts: 2 }, deadLetter: undefined },
          { name: 'Billing.onCancelled', topic: 'orders', eventType: 'dev.eventline.orders.OrderCancelled', retry: { initialDelayMs: 10, jitter: 0 }, deadLetter: false },
        ],
      },
      {
        groupId: 'shipping',
        concurrency: 8,
        routes: [
          {
            name: 'Shipping.onScheduled',
            topic: 'shipments',
            eventType: 'dev.eventline.shipments.ShipmentScheduled',
            retry: { initialDelayMs: 10, jitter: 0, maxAttempts: 9 },
            deadLetter: 'ship.failures',
          },
        ],
      },
      {
        groupId: 'mail',
        concurrency: 2,
        routes: [{ name: 'Mail.onPlaced', topic: 'orders', eventType: 'dev.eventline.orders.OrderPlaced', retry: { initialDelayMs: 10, jitter: 0 }, deadLetter: false }],
      },
    ]);
  });

  it.each([
    ['a map', { orders: 'it-orders' }, ['it-orders', 'it-orders', 'shipments', 'it-orders']],
    ['a prefix', withTopicPrefix('run-7.'), ['run-7.orders', 'run-7.orders', 'run-7.shipments', 'run-7.orders']],
  ] as const)('maps catalog topics through topicNames given as %s', (_how, topicNames, expected) => {
    const topics = buildConsumerPlan(handlers, consumer, topicNames).flatMap((g) => g.routes.map((r) => r.topic));
    expect(topics).toEqual(expected);
  });

  it('passes a handler\'s processing mode to its route, and leaves the runtime default otherwise', () => {
    const plan = buildConsumerPlan(
      [
        handler('Keyed.onPaid', { eventType: 'dev.eventline.orders.OrderPaid', mode: 'key-order' }),
        handler('Plain.onScheduled', { eventType: 'dev.eventline.shipments.ShipmentScheduled' }),
      ],
      consumer,
    );
    expect(plan[0].routes.map((r) => [r.name, r.mode])).toEqual([
      ['Keyed.onPaid', 'key-order'],
      ['Plain.onScheduled', undefined],
    ]);
  });

  it('routes call the discovered handler with the payload and the context', async () => {
    const [billing] = buildConsumerPlan(handlers, consumer);
    await billing.routes[0].handler({ orderId: 'o-1' } as never, { offset: '7' } as never);
    expect(calls).toEqual([['Billing.onPaid', { orderId: 'o-1' }, { offset: '7' }]]);
  });
});
