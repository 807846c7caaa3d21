/**
 * Expected: with an OpenTelemetry SDK registered in the process, EventlineModule traces by
 * default — a publish made inside a span, the handler attempt that consumes it and the
 * handler's own publish to the next topic are one trace (send → process → send), each record
 * carrying its span's traceparent; a handler failure that dead-letters shows the failed
 * attempt and a dead-letter span linked to it, in the same trace; a consumer that starts
 * after the event was sent continues its trace from the record's headers. `tracing: false`
 * leaves the records without trace headers. Real broker and registry, the runtime's own publisher; the
 * SDK's in-memory exporter.
 */
import { Injectable } from '@nestjs/common';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { OrderPaid } from '@eventline/contracts';
import { EventlinePublisher, OnEvent } from '../src';
import { eventually, NestTestKit } from './nest-test-kit';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

@Injectable()
class ShipOnPayment {
  constructor(private readonly events: EventlinePublisher) {}

  @OnEvent('dev.eventline.orders.OrderPaid', { retry: { maxAttempts: 1 } })
  async onPaid(payment: OrderPaid): Promise<void> {
    if (payment.orderId.startsWith('unshippable')) throw Object.assign(new Error('no address on file'), { code: 'ADDRESS_MISSING', retriable: false });
    await this.events.publish('dev.eventline.shipments.ShipmentScheduled', {
      shipmentId: `s-${payment.orderId}`,
      orderId: payment.orderId,
      carrier: 'DemoPost',
      address: { recipient: 'Ada', street: '1 Demo Street', postalCode: '10115', city: 'Berlin', country: 'DE' },
      scheduledFor: 1_735_787_045_678,
    });
  }
}

const paid = (orderId: string): OrderPaid => ({ orderId, paymentId: `p-${orderId}`, amountMinor: 100n, currency: 'EUR', method: 'CARD', paidAt: 1_735_787_045_678 });
const spanOf = (name: string, traceId: string): ReadableSpan | undefined => exporter.getFinishedSpans().find((s) => s.name === name && s.spanContext().traceId === traceId);
const traceparentOf = (span: ReadableSpan) => `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`;

describe('EventlineModule traces by default', () => {
  const kit = new NestTestKit();
  let orders: string;
  let shipments: string;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    await kit.start();
    orders = await kit.createTopic('orders', 1);
    shipments = await kit.createTopic('shipments', 1);
  }, 60_000);

  afterAll(async () => {
    await kit.cleanup();
    trace.disable();
    context.disable();
    propagation.disable();
  }, 60_000);

  it('make one trace of a publish, the handler attempt consuming it and the handler’s publish; a dead letter links to its failed attempt', async () => {
    const options = kit.options({ publisher: { source: '/eventline/nest-test' } });
    const app = await kit.app(options, [ShipOnPayment]);
    const publisher = app.get(EventlinePublisher);
    const tracer = provider.getTracer('spec');
    const root = tracer.startSpan('POST /orders/o-1/pay', { kind: SpanKind.SERVER });
    await context.with(trace.setSpan(context.active(), root), () => publisher.publish('dev.eventline.orders.OrderPaid', paid('o-1')));
    root.end();
    const traceId = root.spanContext().traceId;

    const shipped = await eventually('the shipment publish span', () => spanOf(`send ${shipments}`, traceId));
    const sendOrder = spanOf(`send ${orders}`, traceId)!;
    const process = spanOf(`process ${orders}`, traceId)!;
    expect(sendOrder.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    expect(process.parentSpanContext?.spanId).toBe(sendOrder.spanContext().spanId);
    expect(process.attributes['messaging.consumer.group.name']).toBe(options.consumer!.groupId);
    expect(shipped.parentSpanContext?.spanId).toBe(process.spanContext().spanId);
    const [orderRecord] = await kit.readAll(orders);
    expect(orderRecord.headers?.traceparent?.toString()).toBe(traceparentOf(sendOrder));
    const [shipmentRecord] = await kit.readAll(shipments);
    expect(shipmentRecord.headers?.traceparent?.toString()).toBe(traceparentOf(shipped));
    expect(shipmentRecord.headers?.ce_traceparent?.toString()).toBe(traceparentOf(shipped));

    const failing = tracer.startSpan('POST /orders/unshippable-2/pay', { kind: SpanKind.SERVER });
    await context.with(trace.setSpan(context.active(), failing), () => publisher.publish('dev.eventline.orders.OrderPaid', paid('unshippable-2')));
    failing.end();
    const failedTrace = failing.spanContext().traceId;
    const dead = await eventually('the dead-letter span', () => spanOf(`send ${orders}.dlq`, failedTrace));
    const attempt = spanOf(`process ${orders}`, failedTrace)!;
    expect(attempt.attributes['error.type']).toBe('ADDRESS_MISSING');
    expect(dead.parentSpanContext?.spanId).toBe(attempt.spanContext().spanId);
    expect(dead.links.map((l) => l.context.spanId)).toEqual([attempt.spanContext().spanId]);
    const [deadLetter] = await kit.readAll(`${orders}.dlq`);
    // The dead letter keeps the traceparent the record had: a redrive links back to it.
    expect(deadLetter.headers?.traceparent?.toString()).toBe(traceparentOf(spanOf(`send ${orders}`, failedTrace)!));
    await app.close();
  }, 60_000);

  it('continue the producer’s trace in a consumer that was not running when the event was sent: the context is in the record', async () => {
    const sender = await kit.app(kit.options({ publisher: { source: '/eventline/nest-test' }, consumer: undefined }), []);
    const root = provider.getTracer('spec').startSpan('POST /orders/o-later/pay', { kind: SpanKind.SERVER });
    await context.with(trace.setSpan(context.active(), root), () => sender.get(EventlinePublisher).publish('dev.eventline.orders.OrderPaid', paid('o-later')));
    root.end();
    await sender.close();
    const traceId = root.spanContext().traceId;
    const sent = spanOf(`send ${orders}`, traceId)!;
    expect(spanOf(`process ${orders}`, traceId)).toBeUndefined();

    // A consumer process starting afterwards (a restart, a new member) reads the record's headers.
    const later = await kit.app(kit.options({ publisher: { source: '/eventline/nest-test' } }), [ShipOnPayment]);
    const process = await eventually('the later consumer’s process span', () => spanOf(`process ${orders}`, traceId));
    expect(process.parentSpanContext?.spanId).toBe(sent.spanContext().spanId);
    expect(process.links.map((l) => l.context.spanId)).toEqual([sent.spanContext().spanId]);
    await later.close();
  }, 60_000);

  it('leave records without trace headers when told tracing: false', async () => {
    const topic = await kit.createTopic('orders', 1);
    const quiet = await kit.app(kit.options({ publisher: { source: '/eventline/nest-test' }, tracing: false, consumer: undefined }), []);
    const root = provider.getTracer('spec').startSpan('untraced');
    await context.with(trace.setSpan(context.active(), root), () => quiet.get(EventlinePublisher).publish('dev.eventline.orders.OrderPaid', paid('o-quiet')));
    root.end();
    const records = await kit.readAll(topic);
    const quietRecord = records.find((r) => r.key?.toString() === 'o-quiet');
    expect(quietRecord?.headers).not.toHaveProperty('traceparent');
    expect(quietRecord?.headers).not.toHaveProperty('ce_traceparent');
  }, 60_000);
});
