/**
 * The orders service killed with SIGKILL before its relay published what it committed.
 * Expected: after the restart every event continues the trace of the HTTP request that made
 * its change — its record's traceparent has that request's trace id, and its PRODUCER span is
 * the child of the request's SERVER span, whose context the outbox row kept across the crash.
 *
 * The first process traces its HTTP requests (support/traced-orders.main.ts: SDK and HTTP
 * instrumentation) and is sent a W3C traceparent header per request, as a traced caller sends
 * it. The restart runs in this process with the runtime's publish interceptor on a tracer of
 * its own and the in-memory exporter; the global tracer stays the API's no-op one, so the
 * interceptor EventlineModule may install by default records nothing here, with or without it.
 * PostgreSQL, real broker and registry.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { context, propagation, SpanKind } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { tracingPublishInterceptor } from '@eventline/runtime';
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import type { OrdersApp } from '../src/create-orders-app';
import { FaultyPublisher } from './support/faulty.publisher';
import { startOrdersProcess } from './support/orders-process';
import { anOrder, dropSchema, eventually, readTopic, schemaPool, startApp, testEnv, uniqueSchema } from './support/orders-test-kit';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

/** The trace and span ids of a W3C traceparent. */
function idsOf(traceparent: string | null | undefined): { traceId: string; spanId: string } {
  const match = TRACEPARENT.exec(traceparent ?? '');
  if (!match) throw new Error(`"${traceparent}" is not a sampled W3C traceparent`);
  return { traceId: match[1], spanId: match[2] };
}

/** A request of a traced caller: its own trace and span, sent as the traceparent header. */
interface CallerSpan {
  readonly traceId: string;
  readonly spanId: string;
}

async function postTraced(base: string, path: string, body: unknown, caller: CallerSpan): Promise<{ status: number; orderId?: string }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent: `00-${caller.traceId}-${caller.spanId}-01` },
    body: JSON.stringify(body),
  });
  return { status: response.status, orderId: ((await response.json()) as { orderId?: string }).orderId };
}

const aCaller = (): CallerSpan => ({ traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') });

describe('trace context survives a relay crash', () => {
  const prefix = `${uniqueName('orders-trace-crash')}.`;
  const topic = `${prefix}orders`;
  const schema = uniqueSchema('orders_trace_crash');
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('spec');
  let registry: SchemaRegistryProcess;
  let restarted: OrdersApp | undefined;
  let pool: Pool;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    registry = await startSchemaRegistry();
    await topics.createNamed(topic, 3);
    pool = schemaPool(schema);
  }, 60_000);

  afterAll(async () => {
    await restarted?.close();
    await pool?.end();
    await dropSchema(schema);
    await topics.cleanup();
    await registry?.stop();
    context.disable();
    propagation.disable();
  }, 60_000);

  const env = (extra: Record<string, string> = {}) => testEnv({ registryUrl: registry.url, topicPrefix: prefix, schema, extra });

  it("publishes each event after the restart as the child of its request's span", async () => {
    // 1. Orders placed and paid through HTTP, each request its own trace; killed before its relay's next round (a minute away).
    const first = await startOrdersProcess(env({ OUTBOX_POLL_MS: '60000' }), { entry: join('libs', 'orders', 'test', 'support', 'traced-orders.main.ts') });
    const callers = new Map<string, CallerSpan>();
    for (let n = 0; n < 4; n++) {
      const placing = aCaller();
      const placed = await postTraced(first.url, '/orders', anOrder(`c-${n}`), placing);
      expect(placed.status).toBe(201);
      const paying = aCaller();
      expect((await postTraced(first.url, `/orders/${placed.orderId}/pay`, { paymentId: `p-${n}`, method: 'CARD' }, paying)).status).toBe(200);
      callers.set(`${placed.orderId}/1`, placing);
      callers.set(`${placed.orderId}/2`, paying);
    }
    await first.kill();

    // Each row keeps its request's SERVER span: the caller's trace, a span of the service's own.
    const rows = (await pool.query<{ event_id: string; event_key: string; key_seq: number; traceparent: string | null }>('SELECT event_id, event_key, key_seq, traceparent FROM outbox WHERE published_at IS NULL')).rows;
    expect(rows).toHaveLength(8);
    const stored = new Map<string, { traceId: string; spanId: string }>();
    for (const row of rows) {
      const caller = callers.get(`${row.event_key}/${row.key_seq}`);
      const ids = idsOf(row.traceparent);
      expect(ids.traceId).toBe(caller?.traceId);
      expect(ids.spanId).not.toBe(caller?.spanId);
      stored.set(row.event_id, ids);
    }

    // 2. Restarted: the relay publishes the rows with the context they kept.
    restarted = await startApp(env(), { publisherFactory: (dependencies) => new FaultyPublisher(dependencies, [tracingPublishInterceptor(tracer)]) });
    await eventually(async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL')).rows[0].n) === 0, 30_000, 'outbox empty after the restart');
    const records = await readTopic(kafka, topic, (seen) => new Set(seen.map((r) => r.headers.ce_id).filter((id) => stored.has(id))).size === stored.size);

    const sends = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.PRODUCER);
    const published = records.filter((r) => stored.has(r.headers.ce_id));
    expect(new Set(published.map((r) => r.headers.ce_id)).size).toBe(8);
    for (const record of published) {
      const request = stored.get(record.headers.ce_id)!;
      const sent = idsOf(record.headers.traceparent);
      expect(sent.traceId).toBe(request.traceId);
      expect(record.headers.ce_traceparent).toBe(record.headers.traceparent);
      const send = sends.find((span) => span.spanContext().spanId === sent.spanId);
      expect(send?.name).toBe(`send ${topic}`);
      expect(send?.parentSpanContext?.spanId).toBe(request.spanId);
    }
  });
});
