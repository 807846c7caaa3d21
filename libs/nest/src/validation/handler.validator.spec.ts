import type { DiscoveredHandler } from '../discovery/discovered-handler';
import type { OnEventMetadata } from '../decorators/on-event.decorator';
import type { ConsumerOptions } from '../eventline-module.options';
import { EventlineConfigError, EventlineConfigErrorCode } from '../errors/eventline-config.error';
import { validateHandlers } from './handler.validator';

const handler = (name: string, metadata: Partial<OnEventMetadata> = {}): DiscoveredHandler => ({
  name,
  metadata: { eventType: 'dev.eventline.orders.OrderPaid', ...metadata },
  invoke: () => undefined,
});
const consumer: ConsumerOptions = { groupId: 'billing' };
const CATALOG =
  'dev.eventline.orders.OrderPlaced, dev.eventline.orders.OrderPaid, dev.eventline.orders.OrderCancelled, dev.eventline.shipments.ShipmentScheduled';
const PAID = "Billing.onPaid (@OnEvent('dev.eventline.orders.OrderPaid'))";

describe('validateHandlers refuses to boot, saying what to change', () => {
  it.each<[string, DiscoveredHandler[], ConsumerOptions | undefined, string]>([
    [
      'an unknown event type',
      [handler('Billing.onPayed', { eventType: 'dev.eventline.orders.OrderPayed' })],
      consumer,
      `Eventline cannot start: Billing.onPayed (@OnEvent('dev.eventline.orders.OrderPayed')): no event of that type in the catalog; use one of ${CATALOG}`,
    ],
    [
      'two handlers for one event type in one group',
      [handler('Billing.onPaid'), handler('Ledger.onPaid')],
      consumer,
      "Eventline cannot start: dev.eventline.orders.OrderPaid has two handlers in group billing (Billing.onPaid and Ledger.onPaid); keep one, or give one of them another group: @OnEvent('dev.eventline.orders.OrderPaid', { group: '…' })",
    ],
    [
      'two handlers in one group named explicitly and by default',
      [handler('Billing.onPaid'), handler('Ledger.onPaid', { group: 'billing' })],
      consumer,
      "Eventline cannot start: dev.eventline.orders.OrderPaid has two handlers in group billing (Billing.onPaid and Ledger.onPaid); keep one, or give one of them another group: @OnEvent('dev.eventline.orders.OrderPaid', { group: '…' })",
    ],
    [
      'negative retries',
      [handler('Billing.onPaid', { retry: { maxAttempts: -1 } })],
      consumer,
      `Eventline cannot start: ${PAID}: retry: maxAttempts must be a whole number ≥ 1 (got -1)`,
    ],
    [
      'a fractional attempt count and a delay cap below the first delay',
      [handler('Billing.onPaid', { retry: { maxAttempts: 2.5, initialDelayMs: 500, maxDelayMs: 100 } })],
      consumer,
      `Eventline cannot start: ${PAID}: retry: maxAttempts must be a whole number ≥ 1 (got 2.5); maxDelayMs must be ≥ initialDelayMs (got 100)`,
    ],
    [
      'jitter outside 0..1 and a shrinking multiplier',
      [handler('Billing.onPaid', { retry: { jitter: 2, multiplier: 0.5 } })],
      consumer,
      `Eventline cannot start: ${PAID}: retry: multiplier must be ≥ 1 (got 0.5); jitter must be within 0..1 (got 2)`,
    ],
    [
      'a retry option that does not exist',
      [handler('Billing.onPaid', { retry: { retries: 3 } as never })],
      consumer,
      `Eventline cannot start: ${PAID}: retry.retries is not a retry option; use maxAttempts, initialDelayMs, maxDelayMs, multiplier, jitter`,
    ],
    [
      'retry that is not an object',
      [handler('Billing.onPaid', { retry: 3 as never })],
      consumer,
      `Eventline cannot start: ${PAID}: retry must be an object such as { maxAttempts: 3 }`,
    ],
    [
      'bad group retry defaults, blamed on the handler that inherits them',
      [handler('Billing.onPaid')],
      { groupId: 'billing', retry: { initialDelayMs: -5 } },
      `Eventline cannot start: ${PAID}: retry: initialDelayMs must be ≥ 0 (got -5)`,
    ],
    [
      'an empty dead-letter topic',
      [handler('Billing.onPaid', { deadLetter: '' })],
      consumer,
      `Eventline cannot start: ${PAID}: deadLetter must be a topic name, or false for none (got "")`,
    ],
    [
      'the source topic as its own dead-letter topic',
      [handler('Billing.onPaid', { deadLetter: 'orders' })],
      consumer,
      `Eventline cannot start: ${PAID}: deadLetter is the source topic orders itself, so a failed record would come back forever; use orders.dlq`,
    ],
    [
      'an empty group',
      [handler('Billing.onPaid', { group: ' ' })],
      consumer,
      `Eventline cannot start: ${PAID}: group must be a non-empty consumer group id, or left out for billing`,
    ],
    [
      'handlers without a consumer group',
      [handler('Billing.onPaid')],
      undefined,
      "Eventline cannot start: @OnEvent handlers exist (Billing.onPaid) but EventlineModule has no consumer.groupId; set consumer: { groupId: '<service name>' }",
    ],
    [
      'several problems at once, each on its own line',
      [handler('Billing.onPaid', { retry: { maxAttempts: 0 } }), handler('Billing.onCancel', { eventType: 'nope' })],
      consumer,
      `Eventline cannot start:\n  - ${PAID}: retry: maxAttempts must be a whole number ≥ 1 (got 0)\n  - Billing.onCancel (@OnEvent('nope')): no event of that type in the catalog; use one of ${CATALOG}`,
    ],
  ])('%s', (_case, handlers, options, message) => {
    let thrown: unknown;
    try {
      validateHandlers(handlers, options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EventlineConfigError);
    expect(thrown).toMatchObject({ code: EventlineConfigErrorCode.HandlersInvalid, retriable: false, message });
  });

  it.each<[string, DiscoveredHandler[], ConsumerOptions | undefined]>([
    ['no handlers and no consumer', [], undefined],
    ['one handler per type and group', [handler('Billing.onPaid'), handler('Audit.onPaid', { group: 'audit' })], consumer],
    ['dead-letter off, and retries tuned', [handler('Billing.onPaid', { deadLetter: false, retry: { maxAttempts: 1, jitter: 0 } })], consumer],
  ])('accepts %s', (_case, handlers, options) => {
    expect(() => validateHandlers(handlers, options)).not.toThrow();
  });

  it('checks the dead-letter topic against the mapped source topic', () => {
    expect(() => validateHandlers([handler('Billing.onPaid', { deadLetter: 'orders' })], consumer, { orders: 't-orders' })).not.toThrow();
    expect(() => validateHandlers([handler('Billing.onPaid', { deadLetter: 't-orders' })], consumer, { orders: 't-orders' })).toThrow(
      'deadLetter is the source topic t-orders itself',
    );
  });
});
