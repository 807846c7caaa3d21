import { SubjectNameStrategy } from '../subjects/subject-name.strategy';
import { subjectFor } from './define-event';
import { EventCatalog, catalogEntries, eventKey, isEventType, type EventType } from './event-catalog';

describe('EventCatalog', () => {
  it.each(Object.entries(EventCatalog))('%s is keyed by its record full name', (type, entry) => {
    expect(entry.type).toBe(type);
    expect(entry.recordFullName).toBe(`${entry.schema.namespace}.${entry.schema.name}`);
  });

  it.each([
    ['dev.eventline.orders.OrderPlaced', 'orders', 'orderId', 'orders-dev.eventline.orders.OrderPlaced'],
    ['dev.eventline.orders.OrderPaid', 'orders', 'orderId', 'orders-dev.eventline.orders.OrderPaid'],
    ['dev.eventline.orders.OrderCancelled', 'orders', 'orderId', 'orders-dev.eventline.orders.OrderCancelled'],
    ['dev.eventline.shipments.ShipmentScheduled', 'shipments', 'orderId', 'shipments-dev.eventline.shipments.ShipmentScheduled'],
  ] as const)('%s goes to %s keyed by %s under subject %s', (type, topic, keyField, subject) => {
    const entry = EventCatalog[type as EventType];
    expect([entry.topic, entry.keyField, entry.subject]).toEqual([topic, keyField, subject]);
    // The key field must exist in the schema, or eventKey would return undefined at runtime.
    expect(entry.schema.fields.map((f) => f.name)).toContain(keyField);
  });

  it('derives subjects under the other strategies too', () => {
    const entry = EventCatalog['dev.eventline.orders.OrderPaid'];
    expect(subjectFor(entry, SubjectNameStrategy.TopicName)).toBe('orders-value');
    expect(subjectFor(entry, SubjectNameStrategy.RecordName)).toBe('dev.eventline.orders.OrderPaid');
  });

  it('gives the key field value as the record key', () => {
    expect(
      eventKey('dev.eventline.orders.OrderCancelled', { orderId: 'o-9', reason: 'CUSTOMER_REQUEST', note: null, refundMinor: 0n, currency: 'EUR', cancelledAt: 0 }),
    ).toBe('o-9');
  });

  it.each([
    ['dev.eventline.orders.OrderPlaced', true],
    ['dev.eventline.orders.orderplaced', false],
    ['constructor', false],
    [42, false],
  ])('isEventType(%p) is %p', (value, expected) => {
    expect(isEventType(value)).toBe(expected);
  });

  it('lists one entry per schema file', () => {
    expect(catalogEntries()).toHaveLength(4);
  });
});
