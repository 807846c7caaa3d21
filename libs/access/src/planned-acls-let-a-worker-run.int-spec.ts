/**
 * Expected: on the secure local cluster (deny by default), the ACLs `planAcls` derives for
 * the fulfillment worker — applied with `applyAcls` — are enough for everything the worker's
 * kafkajs clients do (list and describe its topics, join its group, fetch, commit, read the
 * committed offset back, produce idempotently to shipments and to its dead-letter topic),
 * and nothing more: producing to `orders`, which it only consumes, is refused.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Application, applicationDeclarations } from '@eventline/contracts';
import { LocalKafka, SecurityMode, type SecureClusterCredentials, type SharedCluster } from '@eventline/local-kafka';
import { diffAcls } from './diff/diff-acls';
import { applyAcls } from './kafka/apply-acls';
import { toKafkajsAcl } from './kafka/kafkajs-acl.mapping';
import { readAcls } from './kafka/read-acls';
import type { PlannedAcl } from './plan/acl-entry';
import { planAcls } from './plan/plan-acls';

/** The Kafka error type anywhere in a kafkajs error chain (retries wrap the protocol error). */
function kafkaErrorType(err: unknown): string | undefined {
  for (let e = err as { type?: string; originalError?: unknown; cause?: unknown } | undefined, i = 0; e && i < 8; i++) {
    if (e.type) return e.type;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return undefined;
}

describe('planned ACLs on a cluster that denies by default', () => {
  const secure = new LocalKafka({ security: SecurityMode.SaslSsl });
  const run = `acl-${randomBytes(4).toString('hex')}`;
  const declaration = applicationDeclarations({ topicPrefix: `${run}.`, groupIds: { fulfillmentWorker: `${run}-ff` } });
  const [orders, shipments, ordersDlq, group] = [`${run}.orders`, `${run}.shipments`, `${run}.orders.dlq`, `${run}-ff`];
  let use: SharedCluster | undefined;
  let releaseLease: (() => void) | undefined;
  let credentials: SecureClusterCredentials;
  let admin: Admin;
  let created: readonly PlannedAcl[] = [];

  beforeAll(async () => {
    // Shared with the other suites on this cluster: the last release stops it if a suite started it.
    use = await secure.share();
    // The application principals' ACLs are cluster-wide (IDEMPOTENT_WRITE, group prefixes):
    // the suites that create and delete them take turns, so each one's counts are its own.
    releaseLease = await secure.lease();
    credentials = secure.credentials();
    admin = new Kafka({ ...credentials.kafkaJs(credentials.adminUser), clientId: 'planned-acls-spec', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    // Provisioning is the operator's step (the plan gives no pipeline app CREATE).
    await admin.createTopics({ waitForLeaders: true, topics: [orders, shipments, ordersDlq].map((topic) => ({ topic, numPartitions: 1 })) });
    const producer = new Kafka({ ...credentials.kafkaJs(credentials.adminUser), clientId: 'planned-acls-seed', logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: orders, acks: -1, messages: [{ key: 'o-1', value: 'paid' }] });
    await producer.disconnect();

    const plan = planAcls(declaration, { principals: [Application.FulfillmentWorker] });
    ({ created } = await applyAcls(admin, diffAcls(plan, await readAcls(admin))));
    // The authorizer applies the new bindings a moment after CreateAcls answers.
    const wanted = plan.length;
    for (let i = 0; i < 100; i++) {
      const present = diffAcls(plan, await readAcls(admin)).unchanged.length;
      if (present === wanted) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 180_000);

  afterAll(async () => {
    try {
      // Only what this file created: the cluster-wide IDEMPOTENT_WRITE may have been there before.
      if (created.length > 0) await admin.deleteAcls({ filters: created.map(toKafkajsAcl) });
      await admin.deleteGroups([group]).catch(() => undefined);
      await admin.deleteTopics({ topics: [orders, shipments, ordersDlq] }).catch(() => undefined);
      await admin.disconnect();
    } finally {
      // Released even when the set-up failed half way, so the cluster is not held.
      releaseLease?.();
      await use?.release();
    }
  });

  it('let the worker do its job, and refuse a write it never declared', async () => {
    const worker = new Kafka({ ...credentials.kafkaJs(Application.FulfillmentWorker), clientId: 'fulfillment-worker', logLevel: logLevel.NOTHING });

    // The runtime's boot: listTopics (preflight), fetchTopicMetadata (dead-letter partitions).
    const workerAdmin = worker.admin();
    await workerAdmin.connect();
    try {
      expect((await workerAdmin.listTopics()).filter((t) => t.startsWith(run)).sort()).toEqual([orders, ordersDlq, shipments]);
      expect((await workerAdmin.fetchTopicMetadata({ topics: [ordersDlq] })).topics[0].partitions).toHaveLength(1);

      // Its group: join, fetch, commit the next offset, read it back (the key-order strategy does).
      const consumer = worker.consumer({ groupId: group, allowAutoTopicCreation: false });
      await consumer.connect();
      await consumer.subscribe({ topics: [orders], fromBeginning: true });
      const received = new Promise<string>((resolve) => {
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
            resolve(message.value?.toString() ?? '');
          },
        });
      });
      expect(await received).toBe('paid');
      await consumer.disconnect();
      const [committed] = await workerAdmin.fetchOffsets({ groupId: group, topics: [orders] });
      expect(committed.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '1' })]);
    } finally {
      await workerAdmin.disconnect();
    }

    // Its idempotent producer: shipments and the dead-letter topic yes, orders no.
    const producer = worker.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false, retry: { retries: 1 } });
    await producer.connect();
    try {
      await producer.send({ topic: shipments, acks: -1, messages: [{ key: 'o-1', value: 'scheduled' }] });
      await producer.send({ topic: ordersDlq, acks: -1, messages: [{ key: 'o-1', value: 'dead letter' }] });
      const refused = await producer.send({ topic: orders, acks: -1, messages: [{ key: 'o-1', value: 'not mine' }] }).catch((e: unknown) => e);
      expect(kafkaErrorType(refused)).toBe('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await producer.disconnect();
    }
  });
});
