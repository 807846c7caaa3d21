/**
 * What the orders-service integration specs share: a unique PostgreSQL schema, a unique
 * `orders` topic, the app started on them, HTTP helpers and a topic reader.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { Admin, IHeaders, Kafka } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { testBrokers, uniqueName } from '@eventline/testing';
import { readOrdersServiceConfig } from '../../src/config/orders-service.config';
import { createOrdersApp, type OrdersApp } from '../../src/create-orders-app';
import type { OrdersAppOptions } from '../../src/orders-app.options';

export const POSTGRES_URL = process.env.EVENTLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const anOrder = (customerId = 'c-1') => ({
  customerId,
  email: 'ada@example.com',
  currency: 'EUR',
  lineItems: [
    { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999 },
    { sku: 'SKU-BIG', quantity: 1, unitPriceMinor: '9007199254740993' },
  ],
});

export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const pool = new Pool({ connectionString: POSTGRES_URL, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await pool.end();
  }
}

/** A direct connection to the app's schema, to look at its tables. */
export function schemaPool(schema: string): Pool {
  return new Pool({ connectionString: POSTGRES_URL, max: 2, options: `-c search_path=${schema}` });
}

/** The env a test app (in-process or child process) runs with. */
export function testEnv(settings: { registryUrl: string; topicPrefix: string; schema?: string; extra?: Record<string, string> }): Record<string, string> {
  return {
    PORT: '0',
    KAFKA_BROKERS: testBrokers().join(','),
    SCHEMA_REGISTRY_URL: settings.registryUrl,
    EVENTLINE_TOPIC_PREFIX: settings.topicPrefix,
    OUTBOX_POLL_MS: '20',
    REGISTRY_PROBE_MS: '100',
    SHUTDOWN_DRAIN_MS: '5000',
    ...(settings.schema ? { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: settings.schema } : {}),
    ...settings.extra,
  };
}

/** An in-process app, handed over once /health says it is ready (as a load balancer would wait). */
export async function startApp(env: Record<string, string>, options: OrdersAppOptions = {}): Promise<OrdersApp> {
  const app = await createOrdersApp(readOrdersServiceConfig(env), { logger: ['error'], relayBackoff: { minMs: 20, maxMs: 200 }, ...options });
  await untilReady(app.url);
  return app;
}

/**
 * Waits for /health to answer 200. Every dependency is up when a test starts the service,
 * but on a loaded machine a registry probe can still time out once, and order changes
 * answer 503 until the next one succeeds: a test takes orders once the service is ready.
 */
export async function untilReady(url: string, timeoutMs = 30_000): Promise<void> {
  await eventually(async () => (await fetch(`${url}/health`)).status === 200, timeoutMs, `${url}/health to answer 200`);
}

export interface HttpAnswer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape, read only by assertions
  readonly body: any;
}

export function httpClient(base: string) {
  const answer = async (response: Response): Promise<HttpAnswer> => {
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    post: async (path: string, body: unknown, raw?: string) =>
      answer(await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) })),
    get: async (path: string) => answer(await fetch(`${base}${path}`)),
    text: async (path: string) => (await fetch(`${base}${path}`)).text(),
  };
}

export async function endOffsets(admin: Admin, topic: string): Promise<string> {
  return (await admin.fetchTopicOffsets(topic))
    .sort((a, b) => a.partition - b.partition)
    .map((p) => p.high)
    .join(',');
}

export interface TopicRecord {
  readonly key: string;
  readonly partition: number;
  readonly offset: string;
  readonly headers: Record<string, string>;
  readonly value: Buffer;
}

/** Reads `topic` from the beginning until `enough(records)` holds; fails after `timeoutMs`. */
export async function readTopic(kafka: Kafka, topic: string, enough: (records: readonly TopicRecord[]) => boolean, timeoutMs = 30_000): Promise<TopicRecord[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('orders-service-reader') });
  await consumer.connect();
  const records: TopicRecord[] = [];
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${records.length} records of ${topic} in ${timeoutMs} ms, not enough`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          records.push({ key: message.key?.toString() ?? '', partition, offset: message.offset, headers: headerText(message.headers), value: message.value ?? Buffer.alloc(0) });
          if (enough(records)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) out[name] = value.toString();
  return out;
}

export function testCodec(registryUrl: string): AvroCodec {
  return new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registryUrl }), mode: CodecMode.Development });
}

/** Waits until `condition` holds, polling every 50 ms. */
export async function eventually(condition: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await sleep(50);
  }
}
