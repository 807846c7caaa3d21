/**
 * The issue's end-to-end trace, against a real trace backend: Zipkin's server (from Maven
 * Central, started here), the orders service and both workers as their own OS processes with
 * the standard OTEL_* variables, the real broker and registry. Expected: paying one order is
 * one trace that Zipkin serves with every service in it — the orders service's HTTP span,
 * the outbox relay's `send orders` under it (the outbox row kept the request's context), the
 * fulfillment worker's `process orders` and its `send shipments`, and the notifications
 * worker's `process shipments` — each the child of the one before. The trace page of
 * Zipkin's UI is rendered in Chromium; TRACING_SCREENSHOTS_DIR=docs/tracing keeps the
 * screenshot for the docs.
 */
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { workspaceRoot } from '@eventline/local-kafka';
import { startZipkin, type LocalZipkin, type ZipkinSpan } from '@eventline/local-zipkin';
import { kafkaJsAdmin, provisionTopics } from '@eventline/runtime';
import { launchBrowser, openPage, startSchemaRegistry, testBrokers, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { ChildApp } from '../../src/processes/child-app';

const SCREENSHOTS = process.env.TRACING_SCREENSHOTS_DIR ? resolve(process.env.TRACING_SCREENSHOTS_DIR) : mkdtempSync(join(tmpdir(), 'trace-shots-'));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('one order is one trace in Zipkin', () => {
  const prefix = `${uniqueName('traced')}.`;
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  const apps: ChildApp[] = [];
  let zipkin: LocalZipkin;
  let registry: SchemaRegistryProcess;
  let ordersUrl: string;

  beforeAll(async () => {
    [zipkin, registry] = await Promise.all([startZipkin(), startSchemaRegistry()]);
    await provisionTopics(kafkaJsAdmin(await topics.admin()), { physical: (topic) => `${prefix}${topic}` });
    const common = (service: string) => ({
      KAFKA_BROKERS: testBrokers().join(','),
      SCHEMA_REGISTRY_URL: registry.url,
      EVENTLINE_TOPIC_PREFIX: prefix,
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: zipkin.spansEndpoint,
      OTEL_SERVICE_NAME: service,
      // Spans leave within a fifth of a second instead of the default five.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    const [ordersPort, fulfillmentPort, notificationsPort] = [await freePort(), await freePort(), await freePort()];
    const root = workspaceRoot();
    const specs = [
      { name: 'traced-orders-service', entry: 'apps/orders-service/src/main.ts', port: ordersPort, env: { ...common('orders-service'), OUTBOX_POLL_MS: '50' } },
      { name: 'traced-fulfillment-worker', entry: 'apps/fulfillment-worker/src/main.ts', port: fulfillmentPort, env: { ...common('fulfillment-worker'), FULFILLMENT_GROUP_ID: `${prefix}fulfillment` } },
      { name: 'traced-notifications-worker', entry: 'apps/notifications-worker/src/main.ts', port: notificationsPort, env: { ...common('notifications-worker'), NOTIFICATIONS_GROUP_ID: `${prefix}notifications` } },
    ];
    // One at a time: three TypeScript starts at once on two cores only make each slower.
    for (const spec of specs) {
      const app = new ChildApp({ name: spec.name, entry: spec.entry, env: { ...spec.env, PORT: String(spec.port) }, readyUrl: `http://127.0.0.1:${spec.port}/health`, readyTimeoutMs: 120_000 }, root);
      apps.push(app);
      await app.start();
    }
    ordersUrl = `http://127.0.0.1:${ordersPort}`;
  }, 400_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.stop();
    await zipkin?.stop();
    const admin = await topics.admin();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await topics.cleanup();
    await registry?.stop();
  }, 120_000);

  it('serves the payment’s trace with every service in it, each step the child of the one before, and renders it', async () => {
    const placed = await fetch(`${ordersUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'c-traced', email: 'ada@example.com', currency: 'EUR', lineItems: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 1999 }] }),
    });
    expect(placed.status).toBe(201);
    const { orderId } = (await placed.json()) as { orderId: string };

    // The caller's own trace context, as a browser or an API gateway would send it.
    const traceId = randomBytes(16).toString('hex');
    const paid = await fetch(`${ordersUrl}/orders/${orderId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ paymentId: 'p-traced', method: 'CARD' }),
    });
    expect(paid.status).toBe(200);

    const orders = `${prefix}orders`;
    const shipments = `${prefix}shipments`;
    const find = (spans: readonly ZipkinSpan[], service: string, kind: string, name?: string) =>
      spans.find((s) => s.localEndpoint?.serviceName === service && s.kind === kind && (name === undefined || s.name === name));
    // Each service exports on its own schedule and Zipkin indexes asynchronously: wait until
    // every step has arrived, not only the last one.
    const steps: ReadonlyArray<readonly [string, string, string | undefined]> = [
      ['orders-service', 'SERVER', undefined],
      ['orders-service', 'PRODUCER', `send ${orders}`],
      ['fulfillment-worker', 'CONSUMER', `process ${orders}`],
      ['fulfillment-worker', 'PRODUCER', `send ${shipments}`],
      ['notifications-worker', 'CONSUMER', `process ${shipments}`],
    ];
    const spans = await eventually('every step of the trace in Zipkin', async () => {
      const trace = await zipkin.trace(traceId);
      return steps.every(([service, kind, name]) => find(trace, service, kind, name)) ? trace : undefined;
    });

    const request = find(spans, 'orders-service', 'SERVER');
    const relayed = find(spans, 'orders-service', 'PRODUCER', `send ${orders}`);
    const fulfilled = find(spans, 'fulfillment-worker', 'CONSUMER', `process ${orders}`);
    const announced = find(spans, 'fulfillment-worker', 'PRODUCER', `send ${shipments}`);
    const notified = find(spans, 'notifications-worker', 'CONSUMER', `process ${shipments}`);
    expect([request, relayed, fulfilled, announced, notified].map((s) => s?.name)).toEqual([
      expect.stringMatching(/^post /),
      `send ${orders}`,
      `process ${orders}`,
      `send ${shipments}`,
      `process ${shipments}`,
    ]);
    // Under the request: its parent is the span active when the order changed (Nest's
    // handler span, itself under the HTTP SERVER span), all in the orders service.
    const byId = new Map(spans.map((s) => [s.id, s]));
    const between: ZipkinSpan[] = [];
    for (let at = byId.get(relayed!.parentId ?? ''); at && at.id !== request!.id; at = byId.get(at.parentId ?? '')) between.push(at);
    expect(byId.get(between.at(-1)?.parentId ?? relayed!.parentId ?? '')?.id).toBe(request!.id);
    expect(between.map((s) => s.localEndpoint?.serviceName)).toEqual(between.map(() => 'orders-service'));
    expect(fulfilled!.parentId).toBe(relayed!.id);
    expect(announced!.parentId).toBe(fulfilled!.id);
    expect(notified!.parentId).toBe(announced!.id);
    expect(new Set(spans.map((s) => s.localEndpoint?.serviceName))).toEqual(new Set(['orders-service', 'fulfillment-worker', 'notifications-worker']));
    expect(fulfilled!.tags).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.consumer.group.name': `${prefix}fulfillment`,
      'messaging.kafka.message.key': orderId,
      'eventline.attempt': '1',
    });
    expect(await zipkin.services()).toEqual(expect.arrayContaining(['orders-service', 'fulfillment-worker', 'notifications-worker']));

    // Zipkin's own UI, as an operator would open it.
    mkdirSync(SCREENSHOTS, { recursive: true });
    const browser = await launchBrowser();
    try {
      const { page } = await openPage(browser, zipkin.url, { width: 1400, height: 820 });
      await page.goto(`/zipkin/traces/${traceId}`);
      await page.getByText(`process ${shipments}`).first().waitFor({ timeout: 60_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'one-order-trace.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 240_000);
});
