/**
 * The pipeline on the secure broker, every app as its own principal with only the ACLs that
 * `eventline acls plan --execute` derived from the code. Expected: an order placed over HTTP
 * (orders-service, SCRAM) is paid, shipped (fulfillment-worker, SCRAM) and emailed
 * (notifications-worker over mutual TLS, its certificate's CN as principal); an order with an
 * `.invalid` address is dead-lettered; the operator's `tail`, `replay`, `dlq redrive` and
 * `groups reset` work with `--command-config` (one of them over mTLS); and no password shows
 * in any output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { ClientTransport, type SecureClusterCredentials } from '@eventline/local-kafka';
import { ShipmentsRepository, fulfillmentConfig, startFulfillmentWorker } from '@eventline/fulfillment';
import { EmailSink, notificationsConfig, startNotificationsWorker } from '@eventline/notifications';
import { createOrdersApp, readOrdersServiceConfig, type OrdersApp } from '@eventline/orders';
import { kafkaJsAdmin, parseDeadLetterHeaders, provisionTopics } from '@eventline/runtime';
import { startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { canaryCount, cleanUpNames, eventually, runToExit, secureCluster, type ExitResult } from './secured-cluster-kit';

describe('the pipeline on SASL_SSL and mTLS with the planned ACLs', () => {
  const prefix = `${uniqueName('sec')}.`;
  const groups = { fulfillment: `${prefix}fulfillment`, notifications: `${prefix}notifications` };
  const schemasTopic = uniqueName('_schemas-sec');
  const outputs: unknown[] = [];
  let creds: SecureClusterCredentials;
  let release: (() => Promise<void>) | undefined;
  let dir: string;
  let admin: Admin;
  let registry: SchemaRegistryProcess;
  let orders: OrdersApp;
  const workers: INestApplication[] = [];

  const nameEnv = { EVENTLINE_TOPIC_PREFIX: prefix, FULFILLMENT_GROUP_ID: groups.fulfillment, NOTIFICATIONS_GROUP_ID: groups.notifications, SCHEMA_REGISTRY_TOPIC: schemasTopic };
  const props = (principal: string, transport: ClientTransport = ClientTransport.SaslSsl) =>
    creds.writeClientProperties(principal, join(dir, `${principal}.${transport}.properties`), { transport });
  const appEnv = (principal: string, transport?: ClientTransport) => ({ ...nameEnv, KAFKA_CLIENT_CONFIG: props(principal, transport), SCHEMA_REGISTRY_URL: registry.url, PORT: '0' });
  const cli = async (args: readonly string[], principal = 'eventline-cli', transport?: ClientTransport): Promise<ExitResult> => {
    const result = await runToExit('apps/cli/src/main.ts', ['--command-config', props(principal, transport), ...args], { ...nameEnv, SCHEMA_REGISTRY_URL: registry?.url ?? 'http://127.0.0.1:9' });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const total = async (topic: string) => (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);

  beforeAll(async () => {
    ({ credentials: creds, release } = await secureCluster());
    dir = mkdtempSync(join(tmpdir(), 'eventline-secure-e2e-'));
    admin = new Kafka({ clientId: 'secure-e2e-admin', ...creds.kafkaJs('admin'), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();

    // The operator step, as a person runs it: the plan for these names, applied as admin.
    const acls = await cli(['acls', 'plan', '--prefix', prefix, '--execute', '--json'], 'admin');
    expect(acls.code).toBe(0);
    await provisionTopics(kafkaJsAdmin(admin), { physical: (t) => `${prefix}${t}` });
    // kafkajs's waitForLeaders gives up on the UNKNOWN_TOPIC_OR_PARTITION a fresh broker answers for a moment.
    await admin.createTopics({ topics: [{ topic: `${prefix}orders.replay`, numPartitions: 6 }], waitForLeaders: false });
    await eventually('the replay target to have leaders', async () => {
      const [topic] = (await admin.fetchTopicMetadata({ topics: [`${prefix}orders.replay`] })).topics;
      return topic.partitions.length === 6 && topic.partitions.every((p) => p.leader >= 0) ? true : undefined;
    });

    registry = await startSchemaRegistry({ topic: schemasTopic, env: { KAFKA_BROKERS: '', KAFKA_CLIENT_CONFIG: props('schema-registry') } });
    orders = await createOrdersApp(readOrdersServiceConfig(appEnv('orders-service')), { logger: ['error'] });
    workers.push(await startFulfillmentWorker(fulfillmentConfig(appEnv('fulfillment-worker'))));
    workers.push(await startNotificationsWorker(notificationsConfig(appEnv('notifications-worker', ClientTransport.Mtls))));
    // Orders are taken once the service says it is ready, as a load balancer would wait: on a
    // loaded machine its first registry probe (1 s timeout, SCRAM-authenticated) can miss, and
    // order changes answer 503 until the next one succeeds.
    await eventually('the orders service to be ready', async () => ((await fetch(`${orders.url}/health`)).status === 200 ? true : undefined));
  }, 240_000);

  afterAll(async () => {
    await orders?.close();
    for (const app of workers) await app.close().catch(() => undefined);
    outputs.push(registry?.output() ?? '');
    await registry?.stop();
    if (admin) {
      await cleanUpNames(admin, prefix, [schemasTopic], Object.values(groups)).catch(() => undefined);
      await admin.disconnect();
    }
    await release?.();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${orders.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const order = (email: string) => ({ customerId: 'c-sec', email, currency: 'EUR', lineItems: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 1999 }] });

  it('places, pays, ships and emails an order, and dead-letters an invalid address', async () => {
    const good = await post('/orders', order('ada@example.com'));
    expect(good.status).toBe(201);
    expect((await post(`/orders/${String(good.body.orderId)}/pay`, { paymentId: 'pay-sec-1', method: 'CARD' })).status).toBe(200);
    expect((await post('/orders', order('nobody@mail.invalid'))).status).toBe(201);

    const sink = workers[1].get(EmailSink);
    const emails = await eventually('the confirmation and shipment emails', async () => {
      const sent = (await sink.sent()).filter((e) => e.recipient === 'ada@example.com');
      return sent.length >= 2 ? sent : undefined;
    });
    expect(emails.map((e) => e.template).sort()).toEqual(['order-confirmation', 'shipment-scheduled']);
    expect(await workers[0].get(ShipmentsRepository).count()).toBe(1);
    await eventually('a dead letter of the invalid address', async () => ((await total(`${prefix}orders.dlq`)) >= 1 ? true : undefined));
  });

  it('serves the operator with --command-config: tail over mTLS, replay, dlq redrive, groups reset', async () => {
    const tail = await cli(['tail', `${prefix}shipments`, '--from-beginning', '--max', '1', '--json'], 'eventline-cli', ClientTransport.Mtls);
    expect(tail.code).toBe(0);
    expect(tail.stdout).toContain('ShipmentScheduled');

    const sourceCount = await total(`${prefix}orders`);
    const replay = await cli(['replay', `${prefix}orders`, '--to-topic', `${prefix}orders.replay`, '--from-beginning', '--json']);
    expect(replay.code).toBe(0);
    await eventually('the replayed copies', async () => ((await total(`${prefix}orders.replay`)) === sourceCount ? true : undefined));

    const redrive = await cli(['dlq', 'redrive', `${prefix}orders.dlq`, '--execute', '--json']);
    expect(redrive.code).toBe(0);
    const [deadLetter] = await readDeadLetters(`${prefix}orders.dlq`);
    expect(deadLetter).toMatchObject({ consumerGroup: groups.notifications, errorCode: 'NOTIFY_INVALID_ADDRESS' });

    // A reset needs the group empty: stop the fulfillment worker, then move it to the end.
    await workers[0].close();
    await eventually('the fulfillment group to be empty', async () => {
      const described = await admin.describeGroups([groups.fulfillment]);
      return described.groups[0].members.length === 0 ? true : undefined;
    });
    const reset = await cli(['groups', 'reset', groups.fulfillment, '--topic', `${prefix}orders`, '--to-latest', '--execute', '--json']);
    expect(reset.code).toBe(0);
    const [committed] = await admin.fetchOffsets({ groupId: groups.fulfillment, topics: [`${prefix}orders`] });
    const ends = await admin.fetchTopicOffsets(`${prefix}orders`);
    for (const p of committed.partitions) expect(p.offset).toBe(ends.find((e) => e.partition === p.partition)?.high);
  });

  it('leaves no password in any output', () => {
    const secrets = Object.values(creds.users).map((u) => u.password);
    expect(canaryCount(secrets, outputs)).toBe(0);
  });

  async function readDeadLetters(topic: string): Promise<Array<ReturnType<typeof parseDeadLetterHeaders>>> {
    const kafka = new Kafka({ clientId: 'secure-e2e-reader', ...creds.kafkaJs('admin'), logLevel: logLevel.NOTHING });
    const reader = kafka.consumer({ groupId: uniqueName('sec-dlq-reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    try {
      return await new Promise((resolve) => {
        void reader.run({ eachMessage: async ({ message }) => resolve([parseDeadLetterHeaders(message.headers)]) });
      });
    } finally {
      await reader.disconnect();
    }
  }
});
