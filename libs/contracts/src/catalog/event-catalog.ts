import {
  OrderCancelledSchema,
  OrderPaidSchema,
  OrderPlacedSchema,
  ShipmentScheduledSchema,
  type OrderCancelled,
  type OrderPaid,
  type OrderPlaced,
  type ShipmentScheduled,
} from '../generated';
import { defineEvent, type AnyEventDefinition } from './define-event';
import { Topic } from './topic';

/**
 * Every event Eventline's demo domain publishes, by CloudEvents type. Order and shipment
 * events are keyed by orderId so one order's history stays on one partition, in order.
 */
export const EventCatalog = {
  'dev.eventline.orders.OrderPlaced': defineEvent<OrderPlaced>()({
    schema: OrderPlacedSchema,
    topic: Topic.Orders,
    keyField: 'orderId',
  }),
  'dev.eventline.orders.OrderPaid': defineEvent<OrderPaid>()({
    schema: OrderPaidSchema,
    topic: Topic.Orders,
    keyField: 'orderId',
  }),
  'dev.eventline.orders.OrderCancelled': defineEvent<OrderCancelled>()({
    schema: OrderCancelledSchema,
    topic: Topic.Orders,
    keyField: 'orderId',
  }),
  'dev.eventline.shipments.ShipmentScheduled': defineEvent<ShipmentScheduled>()({
    schema: ShipmentScheduledSchema,
    topic: Topic.Shipments,
    keyField: 'orderId',
  }),
} as const;

export type EventCatalog = typeof EventCatalog;
export type EventType = keyof EventCatalog;

/** Payload type of each event type, as the codec decodes it. */
export interface EventPayloadMap {
  'dev.eventline.orders.OrderPlaced': OrderPlaced;
  'dev.eventline.orders.OrderPaid': OrderPaid;
  'dev.eventline.orders.OrderCancelled': OrderCancelled;
  'dev.eventline.shipments.ShipmentScheduled': ShipmentScheduled;
}
export type EventPayload<T extends EventType> = EventPayloadMap[T];

// Compile-time guards: the catalog's keys are exactly the payload map's keys, and each key is
// the record full name of its schema (so ce_type alone finds the schema).
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const _catalogMatchesPayloads: SameKeys<EventCatalog, EventPayloadMap> = true;
const _keysAreFullNames: { [T in EventType]: EventCatalog[T]['type'] extends T ? true : never } = {
  'dev.eventline.orders.OrderPlaced': true,
  'dev.eventline.orders.OrderPaid': true,
  'dev.eventline.orders.OrderCancelled': true,
  'dev.eventline.shipments.ShipmentScheduled': true,
};
void _catalogMatchesPayloads;
void _keysAreFullNames;

const EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(EventCatalog));

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && EVENT_TYPES.has(value);
}

export function catalogEntries(): readonly AnyEventDefinition[] {
  return Object.values(EventCatalog);
}

/** The Kafka key of an event: the value of its catalog key field. */
export function eventKey<T extends EventType>(type: T, payload: EventPayload<T>): string {
  const field = EventCatalog[type].keyField as keyof EventPayload<T>;
  return payload[field] as unknown as string;
}
