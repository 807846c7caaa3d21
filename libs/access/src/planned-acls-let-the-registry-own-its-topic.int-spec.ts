/**
 * Expected: on the secure local cluster (deny by default), the ACLs `planAcls` derives for
 * the schema registry are enough for what its store does at start, run and stop
 * (apps/schema-registry/src/store/kafka-schema-log.ts): create its compacted topic when
 * missing, write it idempotently, read it through a fresh `schema-registry-<…>` group, and
 * delete that group; creating any other topic is refused.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Application, SCHEMA_REGISTRY_GROUP_PREFIX, applicationDeclarations } from '@eventline/contracts';
import { LocalKafka, SecurityMode, type SecureClusterCredentials, type SharedCluster } from '@eventline/local-kafka';
import { diffAcls } from './diff/diff-acls';
import { applyAcls } from './kafka/apply-acls';
import { toKafkajsAcl } from './kafka/kafkajs-acl.mapping';
import { readAcls } from './kafka/read-acls';
import type { PlannedAcl } from './plan/acl-entry';
import { planAcls } from './plan/plan-acls';

/** kafkajs reports per-topic CreateTopics failures in an aggregate: the first one's Kafka error type. */
function createTopicErrorType(err: unknown): string | undefined {
  return (err as { errors?: Array<{ type?: string }> } | undefined)?.errors?.[0]?.type;
}

describe('the schema registry with only its planned ACLs', () => {
  const secure = new LocalKafka({ security: SecurityMode.SaslSsl });
  const run = `acl-${randomBytes(4).toString('hex')}`;
  const topic = `${run}._schemas`;
  const group = `${SCHEMA_REGISTRY_GROUP_PREFIX}${run}`;
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
    admin = new Kafka({ ...credentials.kafkaJs(credentials.adminUser), clientId: 'registry-acls-spec', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const plan = planAcls(applicationDeclarations({ schemasTopic: topic }), { principals: [Application.SchemaRegistry] });
    ({ created } = await applyAcls(admin, diffAcls(plan, await readAcls(admin))));
    for (let i = 0; i < 100 && diffAcls(plan, await readAcls(admin)).toCreate.length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  }, 180_000);

  afterAll(async () => {
    try {
      if (created.length > 0) await admin.deleteAcls({ filters: created.map(toKafkajsAcl) });
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    } finally {
      // Released even when the set-up failed half way, so the cluster is not held.
      releaseLease?.();
      await use?.release();
    }
  });

  it('creates, writes and reads its topic through a per-process group, deletes the group, and may create nothing else', async () => {
    const registry = new Kafka({ ...credentials.kafkaJs(Application.SchemaRegistry), clientId: 'eventline-schema-registry', logLevel: logLevel.NOTHING });
    const registryAdmin = registry.admin();
    await registryAdmin.connect();
    try {
      expect(await registryAdmin.listTopics()).not.toContain(topic);
      expect((await registryAdmin.describeCluster()).brokers.length).toBeGreaterThan(0);
      await registryAdmin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] });
      expect((await registryAdmin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions).toHaveLength(1);

      const producer = registry.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'noop', value: null }] });
      await producer.disconnect();

      const consumer = registry.consumer({ groupId: group, allowAutoTopicCreation: false, maxWaitTimeInMs: 1_000 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const read = new Promise<string>((resolve) => void consumer.run({ autoCommit: false, eachMessage: async ({ message }) => resolve(message.key?.toString() ?? '') }));
      expect(await read).toBe('noop');
      await consumer.disconnect();
      await registryAdmin.deleteGroups([group]);

      const refused = await registryAdmin.createTopics({ topics: [{ topic: `${run}.other`, numPartitions: 1 }] }).catch((e: unknown) => e);
      expect(createTopicErrorType(refused)).toBe('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await registryAdmin.disconnect();
    }
  });
});
