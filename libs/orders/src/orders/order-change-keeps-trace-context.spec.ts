/**
 * An order change made inside a span — the HTTP request's, as HTTP instrumentation makes it
 * active — stores that span's context in its outbox row, and the relay publishes the row
 * with it as the publish's parent. The service layer is driven inside `context.with` here:
 * jest's module registry keeps HTTP instrumentation from patching reliably (the request
 * path is in test/trace-context-survives-relay-crash.int-spec.ts). Embedded PGlite, the
 * lib's migrations, a publisher that records what it was asked to publish.
 */
import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TraceState, W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { EventType } from '@eventline/contracts';
import { EventlinePublisher, type PublishOptions } from '@eventline/nest';
import { migrate, openDatabase, type Database } from '@eventline/persistence';
import type { EventSchemaCheck } from '../events/event-schema.check';
import type { RegistryProbe } from '../readiness/registry-probe';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ORDERS_MIGRATIONS } from './orders.migrations';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

class RecordingPublisher extends EventlinePublisher {
  readonly published: { readonly type: EventType; readonly options?: PublishOptions }[] = [];
  readonly connected = true;
  async publish(type: EventType, _payload: unknown, options?: PublishOptions): Promise<void> {
    this.published.push({ type, options });
  }
  connect = () => Promise.resolve();
  flush = () => Promise.resolve();
  close = () => Promise.resolve();
}

const tracer = new BasicTracerProvider().getTracer('spec');
const contextManager = new AsyncLocalStorageContextManager();
const fits = { assertFits: async () => undefined } as unknown as EventSchemaCheck;
const reachable = { isReachable: async () => true, markUnreachable: () => undefined, status: { reachable: true } } as unknown as RegistryProbe;

const anOrder = { customerId: 'c-1', email: 'ada@example.com', currency: 'EUR', lineItems: [{ sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999n }] };

describe('an order change keeps its trace context', () => {
  let db: Database;
  let orders: OrdersService;
  let publisher: RecordingPublisher;
  let relay: OutboxRelay;

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    db = await openDatabase({});
    await migrate(db, ORDERS_MIGRATIONS);
  });
  afterAll(async () => {
    await db?.close();
    context.disable();
    propagation.disable();
  });

  beforeEach(async () => {
    await db.query('TRUNCATE orders, outbox');
    const outbox = new OutboxRepository();
    orders = new OrdersService(db, new OrdersRepository(), outbox, fits);
    publisher = new RecordingPublisher();
    relay = new OutboxRelay(db, outbox, publisher, reachable, { pollMs: 10, batch: 10, backoffMinMs: 1, backoffMaxMs: 1 });
  });

  const stored = () => db.query<{ event_type: string; traceparent: string | null; tracestate: string | null }>('SELECT event_type, traceparent, tracestate FROM outbox ORDER BY id');

  /** `work` as the handler of a request whose SERVER span is active. */
  async function inRequest<T>(work: () => Promise<T>): Promise<{ result: T; traceparent: string }> {
    const span = tracer.startSpan('POST /orders');
    const result = await context.with(trace.setSpan(context.active(), span), work);
    span.end();
    return { result, traceparent: `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01` };
  }

  it("stores each change's span as the row's traceparent, and the relay publishes with it as the parent", async () => {
    const placed = await inRequest(() => orders.place(anOrder));
    const paid = await inRequest(() => orders.pay(placed.result.orderId, { paymentId: 'p-1', method: 'CARD' }));
    expect(await stored()).toEqual([
      { event_type: 'dev.eventline.orders.OrderPlaced', traceparent: placed.traceparent, tracestate: null },
      { event_type: 'dev.eventline.orders.OrderPaid', traceparent: paid.traceparent, tracestate: null },
    ]);

    // Outside any span, as the relay's loop runs: the parent is the row's context, not the loop's.
    await relay.drain(5_000);
    expect(publisher.published.map((p) => [p.type, p.options?.traceparent])).toEqual([
      ['dev.eventline.orders.OrderPlaced', placed.traceparent],
      ['dev.eventline.orders.OrderPaid', paid.traceparent],
    ]);
    expect(publisher.published.every((p) => p.options?.headers === undefined)).toBe(true);
  });

  it('keeps a tracestate and hands it to the publish as a record header', async () => {
    const remote = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, traceState: new TraceState('vendor=a1') };
    await context.with(trace.setSpanContext(context.active(), remote), () => orders.place(anOrder));
    expect(await stored()).toEqual([{ event_type: 'dev.eventline.orders.OrderPlaced', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=a1' }]);
    await relay.drain(5_000);
    expect(publisher.published[0].options).toMatchObject({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', headers: { tracestate: 'vendor=a1' } });
  });

  it('stores nothing without an active span, and such a row publishes with exactly the options it had before', async () => {
    const order = await orders.place(anOrder);
    expect(await stored()).toEqual([{ event_type: 'dev.eventline.orders.OrderPlaced', traceparent: null, tracestate: null }]);
    await relay.drain(5_000);
    expect(publisher.published).toHaveLength(1);
    expect(Object.keys(publisher.published[0].options ?? {}).sort()).toEqual(['id', 'key', 'time']);
    expect(publisher.published[0].options?.key).toBe(order.orderId);
  });
});
