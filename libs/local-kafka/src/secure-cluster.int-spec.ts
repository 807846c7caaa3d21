/**
 * Expected: the secure local cluster lets in exactly whom it should. `admin` logs in over
 * SASL_SSL with SCRAM-SHA-512; a wrong password is refused as an authentication error that
 * does not quote the password; a user without ACLs cannot write to a topic until an ACL grants
 * WRITE; a client certificate opens the mTLS listener (as the principal of its CN) and no
 * certificate does not; a user added later with kafka-configs can log in; and Kafka's own Java
 * console consumer, logging in with a generated client.properties, reads a record that
 * kafkajs produced, so the cluster is not only compatible with kafkajs.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type Admin,
  type KafkaConfig,
} from 'kafkajs';
import { addScramUser } from './add-scram-user';
import { ClientPropertiesFlavor } from './client-properties';
import { runKafkaTool } from './kafka-tool';
import { LocalKafka, type SharedCluster } from './local-kafka';
import type { SecureClusterCredentials } from './secure-cluster-credentials';
import { SecurityMode } from './security-mode';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      last = error;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last error: ${String(last)}`);
    await sleep(250);
  }
}

/** The error and its causes, outermost first: kafkajs wraps protocol errors in retry errors. */
function errorChain(error: unknown): Array<Error & { type?: string }> {
  const chain: Array<Error & { type?: string }> = [];
  for (let e = error as (Error & { cause?: unknown; type?: string }) | undefined; e instanceof Error; e = e.cause as typeof e) chain.push(e);
  return chain;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to fail, and it succeeded');
  return error;
}

// Negative cases must fail on the first answer, not after kafkajs's default retries.
const FAST = { logLevel: logLevel.NOTHING, connectionTimeout: 5_000, authenticationTimeout: 5_000, requestTimeout: 10_000, retry: { retries: 0 } };

describe('the secure local cluster (SASL_SSL + mTLS, ACLs enforced)', () => {
  const local = new LocalKafka({ security: SecurityMode.SaslSsl });
  const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const topic = `secure-${run}`;
  const javaTopic = `secure-java-${run}`;
  const group = `secure-reader-${run}`;
  const scratch = mkdtempSync(join(tmpdir(), 'eventline-secure-'));
  // share(), not start()/stop(): other suites use this cluster in parallel, and a stop from
  // one of them must wait until this suite is done (and ours until theirs are).
  let use: SharedCluster | undefined;
  let credentials: SecureClusterCredentials;
  let admin: Admin;
  const clients: Array<{ disconnect(): Promise<void> }> = [];

  const kafka = (config: Omit<KafkaConfig, 'clientId'>, clientId = `secure-spec-${run}`) => new Kafka({ ...FAST, ...config, clientId });
  const grant = (principal: string, resourceType: AclResourceTypes, resourceName: string, operation: AclOperationTypes) =>
    admin.createAcls({
      acl: [
        {
          resourceType,
          resourceName,
          resourcePatternType: ResourcePatternTypes.LITERAL,
          principal: `User:${principal}`,
          host: '*',
          operation,
          permissionType: AclPermissionTypes.ALLOW,
        },
      ],
    });

  beforeAll(async () => {
    use = await local.share();
    credentials = local.credentials();
    admin = kafka(credentials.kafkaJs('admin')).admin();
    await admin.connect();
    await admin.createTopics({ topics: [topic, javaTopic].map((t) => ({ topic: t, numPartitions: 1, replicationFactor: 1 })) });
  }, 120_000);

  afterAll(async () => {
    try {
      await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
      if (admin) {
        const anyAcl = { resourcePatternType: ResourcePatternTypes.LITERAL, operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY };
        await admin
          .deleteAcls({
            filters: [
              { ...anyAcl, resourceType: AclResourceTypes.TOPIC, resourceName: topic },
              { ...anyAcl, resourceType: AclResourceTypes.TOPIC, resourceName: javaTopic },
              { ...anyAcl, resourceType: AclResourceTypes.GROUP, resourceName: group },
            ],
          })
          .catch(() => undefined);
        await admin.deleteTopics({ topics: [topic, javaTopic] }).catch(() => undefined);
        await admin.disconnect().catch(() => undefined);
      }
      await use?.release();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps its secrets in files only the owner can read', () => {
    for (const file of [credentials.credentialsFile, credentials.adminPropertiesFile, credentials.clientCerts['test-client'].keyFile]) {
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    }
  });

  it('lets admin in over SASL_SSL with SCRAM-SHA-512', async () => {
    const { brokers } = await admin.describeCluster();
    expect(brokers.map((b) => `${b.host}:${b.port}`)).toEqual([credentials.saslSslBootstrap]);
    expect(await admin.listTopics()).toContain(topic);
  });

  it('refuses a wrong password as an authentication failure that does not quote it', async () => {
    const wrongPassword = `wrong-${randomBytes(12).toString('hex')}`;
    const config = credentials.kafkaJs('admin');
    const intruder = kafka({ ...config, sasl: { mechanism: 'scram-sha-512', username: 'admin', password: wrongPassword } }).admin();
    const error = await failure(intruder.connect());
    const chain = errorChain(error);
    expect(chain.map((e) => e.name)).toContain('KafkaJSSASLAuthenticationError');
    for (const e of chain) {
      expect(e.message).not.toContain(wrongPassword);
      expect(e.message).not.toContain(credentials.users.admin.password);
    }
    await intruder.disconnect();
  });

  it('refuses a write from a user without ACLs, and allows it once an ACL grants WRITE', async () => {
    const producer = kafka(credentials.kafkaJs('no-acl-user')).producer();
    clients.push(producer);
    await producer.connect();
    const refused = await failure(producer.send({ topic, messages: [{ value: 'refused' }] }));
    expect(errorChain(refused).map((e) => e.type)).toContain('TOPIC_AUTHORIZATION_FAILED');

    await grant('no-acl-user', AclResourceTypes.TOPIC, topic, AclOperationTypes.WRITE);
    // The ACL reaches the authorizer through the metadata log: soon, not at once.
    const acks = await eventually('the WRITE ACL to take effect', () => producer.send({ topic, messages: [{ value: 'allowed' }] }));
    expect(acks[0].errorCode).toBe(0);
  });

  it('opens the mTLS listener to a client certificate, as the principal named by its CN', async () => {
    // Only User:test-client may write: success proves the certificate was mapped to that principal.
    await grant('test-client', AclResourceTypes.TOPIC, topic, AclOperationTypes.WRITE);
    const producer = kafka(credentials.kafkaJsMtls('test-client')).producer();
    clients.push(producer);
    await producer.connect();
    const acks = await eventually('the mTLS write', () => producer.send({ topic, messages: [{ value: 'over mTLS' }] }));
    expect(acks[0].errorCode).toBe(0);

    // The same certificate with its key encrypted (the ssl.key.password case).
    const encrypted = kafka(credentials.kafkaJsMtls('test-client', { encryptedKey: true })).admin();
    clients.push(encrypted);
    await encrypted.connect();
    expect((await encrypted.describeCluster()).brokers).toHaveLength(1);
  });

  it('refuses the mTLS listener to a client without a certificate', async () => {
    const anonymous = kafka({ brokers: [credentials.sslBootstrap], ssl: { ca: credentials.kafkaJs('admin').ssl.ca } }).admin();
    const error = await failure(anonymous.connect());
    expect(errorChain(error).map((e) => e.name)).toContain('KafkaJSConnectionError');
    expect(error.message).toMatch(/certificate|alert/i);
    await anonymous.disconnect();
  });

  it('lets in a SCRAM user added later with kafka-configs', async () => {
    const { password } = await addScramUser('late-user');
    expect(local.credentials().users['late-user'].password).toBe(password);
    const late = kafka(local.credentials().kafkaJs('late-user')).admin();
    clients.push(late);
    await eventually('the new SCRAM credential to be accepted', async () => {
      await late.connect();
      return true;
    });
    expect((await late.describeCluster()).brokers).toHaveLength(1);
  }, 60_000);

  it("serves Kafka's Java console consumer a record that kafkajs produced over SASL_SSL", async () => {
    await grant('test-client', AclResourceTypes.TOPIC, javaTopic, AclOperationTypes.READ);
    await grant('test-client', AclResourceTypes.GROUP, group, AclOperationTypes.READ);
    const value = `for-java-${run}`;
    const producer = kafka(credentials.kafkaJs('admin')).producer();
    clients.push(producer);
    await producer.connect();
    // A topic of its own, so the first record the consumer sees is this one.
    await producer.send({ topic: javaTopic, messages: [{ value }] });

    const properties = credentials.writeClientProperties('test-client', join(scratch, 'test-client.properties'), { flavor: ClientPropertiesFlavor.Java });
    const consumer = await runKafkaTool(
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
      ['--bootstrap-server', credentials.saslSslBootstrap, '--command-config', properties, '--topic', javaTopic, '--group', group]
        .concat(['--from-beginning', '--max-messages', '1', '--timeout-ms', '30000']),
      { timeoutMs: 60_000 },
    );
    expect(consumer.timedOut).toBe(false);
    expect({ status: consumer.status, records: consumer.stdout.trim().split('\n') }).toEqual({ status: 0, records: [value] });
  }, 75_000);
});
