/**
 * Missing ACLs on the secure broker, each app as its own principal with the planned ACLs
 * minus one. Expected: the orders service without WRITE on `orders` keeps taking orders and
 * holds them in the outbox (its relay says why); the notifications worker without WRITE on
 * its dead-letter topic names the topic and the operation, waits on that partition and
 * commits nothing past the record; the fulfillment worker without READ on its group stops
 * consuming with the group and the operation named, its health DOWN. Once the ACL is back
 * (and the stopped worker restarted, as its failing health check would have it), every
 * acknowledged event is processed exactly once and none is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes, type Admin } from 'kafkajs';
import type { SecureClusterCredentials } from '@eventline/local-kafka';
import { ShipmentsRepository, fulfillmentConfig, startFulfillmentWorker } from '@eventline/fulfillment';
import { EmailSink, notificationsConfig, startNotificationsWorker } from '@eventline/notifications';
import { createOrdersApp, readOrdersServiceConfig, type OrdersApp } from '@eventline/orders';
import { kafkaJsAdmin, RuntimeMetrics } from '@eventline/runtime';
import { startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { provisionTopics } from '@eventline/runtime';
import { publishResult } from '@eventline/reliability';
import { cleanUpNames, eventually, runToExit, secureCluster } from './secured-cluster-kit';

describe('a missing ACL stops the work it guards and loses nothing', () => {
  const prefix = `${uniqueName('acl')}.`;
  const groups = { fulfillment: `${prefix}fulfillment`, notifications: `${prefix}notifications` };
  const schemasTopic = uniqueName('_schemas-acl');
  let creds: SecureClusterCredentials;
  let release: (() => Promise<void>) | undefined;
  let dir: string;
  let admin: Admin;
  let registry: SchemaRegistryProcess;
  let orders: OrdersApp | undefined;
  const apps: INestApplication[] = [];
  const started = Date.now();
  const checks: Array<{ check: string; ok: boolean }> = [];
  /** Records a case for docs/reliability.md once its last assertion passed. */
  const passed = (check: string) => checks.push({ check, ok: true });

  const nameEnv = { EVENTLINE_TOPIC_PREFIX: prefix, FULFILLMENT_GROUP_ID: groups.fulfillment, NOTIFICATIONS_GROUP_ID: groups.notifications, SCHEMA_REGISTRY_TOPIC: schemasTopic };
  const appEnv = (principal: string) => ({
    ...nameEnv,
    KAFKA_CLIENT_CONFIG: creds.writeClientProperties(principal, join(dir, `${principal}.properties`)),
    SCHEMA_REGISTRY_URL: registry.url,
    PORT: '0',
  });
  const binding = (principal: string, resourceType: AclResourceTypes, resourceName: string, operation: AclOperationTypes) => ({
    principal: `User:${principal}`,
    host: '*',
    resourceType,
    resourceName,
    resourcePatternType: ResourcePatternTypes.LITERAL,
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  });
  const revoke = async (b: ReturnType<typeof binding>) => {
    await admin.deleteAcls({ filters: [b] });
    // Authorizers apply ACL changes from the metadata log: wait until the change is visible.
    await eventually('the ACL to be gone', async () => ((await describe(b)) === 0 ? true : undefined));
  };
  const grant = async (b: ReturnType<typeof binding>) => {
    await admin.createAcls({ acl: [b] });
    await eventually('the ACL to be back', async () => ((await describe(b)) === 1 ? true : undefined));
  };
  const describe = async (b: ReturnType<typeof binding>) => (await admin.describeAcls(b)).resources.reduce((n, r) => n + r.acls.length, 0);
  const total = async (topic: string) => (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
  const lag = async (groupId: string, topic: string) => {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    return ends.reduce((n, e) => {
      const c = committed.partitions.find((p) => p.partition === e.partition)?.offset ?? '-1';
      return n + Number(BigInt(e.high) - (c === '-1' ? BigInt(e.low) : BigInt(c)));
    }, 0);
  };
  async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${orders!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const order = (email: string) => ({ customerId: 'c-acl', email, currency: 'EUR', lineItems: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 500 }] });

  beforeAll(async () => {
    ({ credentials: creds, release } = await secureCluster());
    dir = mkdtempSync(join(tmpdir(), 'eventline-missing-acls-'));
    admin = new Kafka({ clientId: 'missing-acls-admin', ...creds.kafkaJs('admin'), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const plan = await runToExit('apps/cli/src/main.ts', ['--command-config', creds.writeClientProperties('admin', join(dir, 'admin.properties')), 'acls', 'plan', '--prefix', prefix, '--execute', '--json'], nameEnv);
    expect(plan.code).toBe(0);
    await provisionTopics(kafkaJsAdmin(admin), { physical: (t) => `${prefix}${t}` });
    registry = await startSchemaRegistry({ topic: schemasTopic, env: { KAFKA_BROKERS: '', KAFKA_CLIENT_CONFIG: creds.writeClientProperties('schema-registry', join(dir, 'registry.properties')) } });
  }, 240_000);

  afterAll(async () => {
    await orders?.close();
    for (const app of apps) await app.close().catch(() => undefined);
    await registry?.stop();
    if (admin) {
      await cleanUpNames(admin, prefix, [schemasTopic], Object.values(groups)).catch(() => undefined);
      await admin.disconnect();
    }
    await release?.();
    rmSync(dir, { recursive: true, force: true });
    await publishResult({
      id: 'SEC2',
      profile: 'short',
      passed: checks.length === 3,
      ranAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      figures: { events: 0, acked: 0, lost: 0, duplicates: 0, extra: { cases: checks.length } },
      checks: checks.length === 3 ? checks : [...checks, { check: `${3 - checks.length} case(s) failed (see the test output)`, ok: false }],
    });
  }, 120_000);

  it('holds orders in the outbox while the orders service may not write to orders, and publishes each once after', async () => {
    const write = binding('orders-service', AclResourceTypes.TOPIC, `${prefix}orders`, AclOperationTypes.WRITE);
    await revoke(write);
    try {
      orders = await createOrdersApp(readOrdersServiceConfig(appEnv('orders-service')), { logger: ['error'] });
      // Orders are taken once the service's registry check holds (its /health stays down on
      // purpose here: the relay may not write); a check that timed out once on a loaded
      // machine would answer the first order 503 as designed.
      await eventually('the orders service to reach the registry', async () => {
        const answer = (await (await fetch(`${orders!.url}/health`)).json()) as { details?: { schemaRegistry?: { status?: string } } };
        return answer.details?.schemaRegistry?.status === 'up' ? true : undefined;
      });
      for (const email of ['ada@example.com', 'bob@example.com', 'nobody@mail.invalid']) expect((await post('/orders', order(email))).status).toBe(201);
      const health = await eventually('the relay to report the denied write', async () => {
        const text = await (await fetch(`${orders!.url}/health`)).text();
        return text.includes('TOPIC_AUTHORIZATION_FAILED') ? text : undefined;
      });
      expect(health).toContain(`needs WRITE and DESCRIBE on topic ${prefix}orders`);
      expect(await total(`${prefix}orders`)).toBe(0);
    } finally {
      // Back in any case: the next cases need the orders on the topic.
      await grant(write);
    }
    await eventually('the three held orders on the topic', async () => ((await total(`${prefix}orders`)) === 3 ? true : undefined));
    expect(await total(`${prefix}orders`)).toBe(3);
    passed('orders-service without WRITE on orders: 3 orders accepted (201) and held, /health names TOPIC_AUTHORIZATION_FAILED and the topic, 0 on the topic; after the grant 3 on the topic, once each');
  }, 180_000);

  it('waits on the partition while the notifications worker may not write its dead letters, and dead-letters once after', async () => {
    const dlqWrite = binding('notifications-worker', AclResourceTypes.TOPIC, `${prefix}orders.dlq`, AclOperationTypes.WRITE);
    await revoke(dlqWrite);
    let worker: INestApplication;
    try {
      worker = await startNotificationsWorker(notificationsConfig(appEnv('notifications-worker')));
      apps.push(worker);
      const metrics = worker.get(RuntimeMetrics);
      const failures = await eventually('a refused dead-letter write, retried', async () => {
        const text = await metrics.registry.metrics();
        const line = text.split('\n').find((l) => l.startsWith('eventline_dead_letter_write_failures_total{'));
        const count = line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
        return count >= 2 ? count : undefined;
      });
      expect(failures).toBeGreaterThanOrEqual(2);
      // The invalid address's record is not committed past: the group still lags by at least it.
      expect(await lag(groups.notifications, `${prefix}orders`)).toBeGreaterThanOrEqual(1);
      expect(await total(`${prefix}orders.dlq`)).toBe(0);
    } finally {
      await grant(dlqWrite);
    }
    await eventually('the dead letter written and the group caught up', async () =>
      (await total(`${prefix}orders.dlq`)) === 1 && (await lag(groups.notifications, `${prefix}orders`)) === 0 ? true : undefined,
    );
    const sent = await worker!.get(EmailSink).sent();
    expect(sent.filter((e) => e.template === 'order-confirmation').map((e) => e.recipient).sort()).toEqual(['ada@example.com', 'bob@example.com']);
    passed('notifications-worker without WRITE on orders.dlq: dead-letter writes refused and retried, the partition not committed past the record, 0 in the DLQ; after the grant 1 dead letter, lag 0, one confirmation per valid order');
  }, 180_000);

  it('stops the fulfillment worker while it may not read its group, and ships each paid order once after a restart', async () => {
    const groupRead = binding('fulfillment-worker', AclResourceTypes.GROUP, groups.fulfillment, AclOperationTypes.READ);
    await revoke(groupRead);
    try {
      const placed = await post('/orders', order('carol@example.com'));
      expect((await post(`/orders/${String(placed.body.orderId)}/pay`, { paymentId: 'pay-acl-1', method: 'CARD' })).status).toBe(200);
      const denied = await startFulfillmentWorker(fulfillmentConfig(appEnv('fulfillment-worker')));
      try {
        const address = denied.getHttpServer().address() as { port: number };
        const health = await eventually('the worker to report the denied group', async () => {
          const response = await fetch(`http://127.0.0.1:${address.port}/health`);
          const text = await response.text();
          return response.status === 503 && text.includes('GROUP_AUTHORIZATION_FAILED') ? text : undefined;
        });
        expect(health).toContain(`READ and DESCRIBE on group ${groups.fulfillment}`);
        expect(await denied.get(ShipmentsRepository).count()).toBe(0);
      } finally {
        await denied.close();
      }
    } finally {
      await grant(groupRead);
    }
    const worker = await startFulfillmentWorker(fulfillmentConfig(appEnv('fulfillment-worker')));
    apps.push(worker);
    await eventually('the paid order shipped and the group caught up', async () =>
      (await worker.get(ShipmentsRepository).count()) === 1 && (await lag(groups.fulfillment, `${prefix}orders`)) === 0 ? true : undefined,
    );
    expect(await worker.get(ShipmentsRepository).count()).toBe(1);
    passed('fulfillment-worker without READ on its group: consumer stopped, /health 503 naming GROUP_AUTHORIZATION_FAILED, the group and the operation, 0 shipments; after the grant and a restart 1 shipment, lag 0');
  }, 180_000);
});
