/**
 * Expected: on the secure local cluster (deny by default), logged in as `eventline-cli` with
 * only the ACLs `acls plan --principal eventline-cli --execute` created, the operator can
 * describe a pipeline topic, tail it (a throwaway `eventline-cli-*` group) and replay it into
 * a copy named after it; replaying into a topic it may read but that is none of the
 * pipeline's (`<prefix>audit`) is refused in one line, exit 1, and nothing is written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes, type Admin } from 'kafkajs';
import { LocalKafka, SecurityMode, type SecureClusterCredentials, type SharedCluster } from '@eventline/local-kafka';
import { ExitCode } from '../src/common/exit-code';
import { runCli } from './cli-test-kit';

interface PlanDocument {
  readonly acls: ReadonlyArray<{ principal: string; resourceType: string; patternType: string; resourceName: string; operation: string; status: string }>;
}

describe('the operator with only its planned ACLs', () => {
  const secure = new LocalKafka({ security: SecurityMode.SaslSsl });
  const run = `acl-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'eventline-acls-'));
  const [orders, copy, outside] = [`${run}.orders`, `${run}.orders.replay`, `${run}.audit`];
  let use: SharedCluster | undefined;
  let releaseLease: (() => void) | undefined;
  let credentials: SecureClusterCredentials;
  let admin: Admin;
  let asAdmin: string;
  let asOperator: string;
  let created: PlanDocument['acls'] = [];

  const cli = (properties: string, args: readonly string[]) => runCli(['--command-config', properties, '--brokers', credentials.saslSslBootstrap, ...args]);

  beforeAll(async () => {
    // Shared with the other suites on this cluster: the last release stops it if a suite started it.
    use = await secure.share();
    // The application principals' ACLs are cluster-wide (IDEMPOTENT_WRITE, group prefixes):
    // the suites that create and delete them take turns, so each one's counts are its own.
    releaseLease = await secure.lease();
    credentials = secure.credentials();
    asAdmin = credentials.writeClientProperties(credentials.adminUser, join(dir, 'admin.properties'));
    asOperator = credentials.writeClientProperties('eventline-cli', join(dir, 'eventline-cli.properties'));
    admin = new Kafka({ ...credentials.kafkaJs(credentials.adminUser), clientId: 'operator-acls-spec', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [orders, copy, outside].map((topic) => ({ topic, numPartitions: 1 })) });
    const producer = new Kafka({ ...credentials.kafkaJs(credentials.adminUser), clientId: 'operator-acls-seed', logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: orders, acks: -1, messages: [{ key: 'o-1', value: 'placed' }, { key: 'o-1', value: 'paid' }] });
    await producer.disconnect();

    const applied = await cli(asAdmin, ['--json', 'acls', 'plan', '--principal', 'eventline-cli', '--prefix', `${run}.`, '--execute']);
    expect({ code: applied.code, stderr: applied.stderr }).toEqual({ code: ExitCode.Ok, stderr: '' });
    created = (JSON.parse(applied.stdout) as PlanDocument).acls.filter((a) => a.status === 'created');
    // The authorizer applies new bindings a moment after CreateAcls answers: wait for the topic grant.
    for (let i = 0; i < 100; i++) {
      const check = await admin.describeAcls({ resourceType: AclResourceTypes.TOPIC, resourceName: `${run}.`, resourcePatternType: ResourcePatternTypes.PREFIXED, operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY });
      if (check.resources.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 180_000);

  afterAll(async () => {
    try {
      const filters = created.map((a) => ({
        principal: a.principal,
        host: '*',
        resourceType: AclResourceTypes[a.resourceType as keyof typeof AclResourceTypes],
        resourceName: a.resourceName,
        resourcePatternType: ResourcePatternTypes[a.patternType as keyof typeof ResourcePatternTypes],
        operation: AclOperationTypes[a.operation as keyof typeof AclOperationTypes],
        permissionType: AclPermissionTypes.ALLOW,
      }));
      if (filters.length > 0) await admin.deleteAcls({ filters });
      await admin.deleteTopics({ topics: [orders, copy, outside] }).catch(() => undefined);
      await admin.disconnect();
      rmSync(dir, { recursive: true, force: true });
    } finally {
      // Released even when the set-up failed half way, so the cluster is not held.
      releaseLease?.();
      await use?.release();
    }
  });

  it('describes, tails and replays the pipeline’s topics, and may not write outside them', async () => {
    const described = await cli(asOperator, ['topics', 'describe', orders]);
    expect({ code: described.code, stderr: described.stderr }).toEqual({ code: ExitCode.Ok, stderr: '' });

    const tailed = await cli(asOperator, ['--json', 'tail', orders, '--from-beginning', '--raw']);
    expect({ code: tailed.code, stderr: tailed.stderr }).toEqual({ code: ExitCode.Ok, stderr: '' });
    expect(tailed.stdout.trim().split('\n')).toHaveLength(2);

    const replayed = await cli(asOperator, ['replay', orders, '--to-topic', copy]);
    expect({ code: replayed.code, stderr: replayed.stderr }).toEqual({ code: ExitCode.Ok, stderr: '' });
    expect((await admin.fetchTopicOffsets(copy))[0].high).toBe('2');

    const refused = await cli(asOperator, ['replay', orders, '--to-topic', outside]);
    expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: ExitCode.Failure, stdout: '' });
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^eventline: Kafka at .* denied User:eventline-cli: TOPIC_AUTHORIZATION_FAILED/)]);
    expect((await admin.fetchTopicOffsets(outside))[0].high).toBe('0');
  });
});
