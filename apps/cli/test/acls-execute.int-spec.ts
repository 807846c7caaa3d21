/**
 * Expected: on the secure local cluster (SASL_SSL, StandardAuthorizer, deny by default), run
 * as its super user through --command-config, `acls plan --execute` creates exactly the
 * planned ACLs the dry run marked "create"; a second --execute creates 0 and finds every one
 * present; --prune lists an ACL the plan does not contain and leaves it on the cluster.
 *
 * Names are unique per run (topic prefix, group ids, registry topic); the few that cannot be
 * (cluster IDEMPOTENT_WRITE, the registry's and the CLI's group prefixes) may be present
 * already, which the dry run's count accounts for. Afterwards exactly what this file created
 * is deleted, so the cluster's other specs (deny by default) see it as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes, type Admin } from 'kafkajs';
import { applicationDeclarations } from '@eventline/contracts';
import { APPLICATION_PRINCIPALS, LocalKafka, SecurityMode, type SecureClusterCredentials, type SharedCluster } from '@eventline/local-kafka';
import { ExitCode } from '../src/common/exit-code';
import { runCli, type CliRun } from './cli-test-kit';

interface PlanDocument {
  readonly executed: boolean;
  readonly authorizer: boolean;
  readonly created: number;
  readonly acls: ReadonlyArray<{ principal: string; resourceType: string; patternType: string; resourceName: string; operation: string; status: string }>;
  readonly notInPlan?: ReadonlyArray<{ principal: string; resourceName: string; operation: string }>;
}

const ANY_FILTER = { resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY, operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY };

describe('acls plan --execute on a cluster with an authorizer', () => {
  const secure = new LocalKafka({ security: SecurityMode.SaslSsl });
  const run = `acl-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'eventline-acls-'));
  const env = { FULFILLMENT_GROUP_ID: `${run}-ff`, NOTIFICATIONS_GROUP_ID: `${run}-nt`, SCHEMA_REGISTRY_TOPIC: `${run}._schemas` };
  const stray = { principal: 'User:eventline-cli', host: '*', resourceType: AclResourceTypes.TOPIC, resourceName: `${run}.stray`, resourcePatternType: ResourcePatternTypes.LITERAL, operation: AclOperationTypes.READ, permissionType: AclPermissionTypes.ALLOW };
  let use: SharedCluster | undefined;
  let releaseLease: (() => void) | undefined;
  let credentials: SecureClusterCredentials;
  let properties: string;
  let admin: Admin;
  let createdHere: PlanDocument['acls'] = [];

  const plan = async (...flags: string[]): Promise<{ run: CliRun; doc: PlanDocument }> => {
    const result = await runCli(['--command-config', properties, '--brokers', credentials.saslSslBootstrap, '--json', 'acls', 'plan', '--prefix', `${run}.`, ...flags], env);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: ExitCode.Ok, stderr: '' });
    return { run: result, doc: JSON.parse(result.stdout) as PlanDocument };
  };
  // Only the declared principals' bindings: other suites on this cluster grant their own test users.
  const declared = new Set(applicationDeclarations().map((d) => d.principal as string));
  const bindingCount = async () => (await admin.describeAcls(ANY_FILTER)).resources.reduce((n, r) => n + r.acls.filter((a) => declared.has(a.principal)).length, 0);
  // CreateAcls answers once the controller committed; the broker's authorizer (which
  // DescribeAcls reads) applies the record a moment later.
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  };

  beforeAll(async () => {
    // Shared with the other suites on this cluster: the last release stops it if a suite started it.
    use = await secure.share();
    // The application principals' ACLs are cluster-wide (IDEMPOTENT_WRITE, group prefixes):
    // the suites that create and delete them take turns, so each one's counts are its own.
    releaseLease = await secure.lease();
    credentials = secure.credentials();
    properties = credentials.writeClientProperties(credentials.adminUser, join(dir, 'admin.properties'));
    admin = new Kafka({ ...credentials.kafkaJs(credentials.adminUser), clientId: 'acls-execute-spec', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  }, 180_000);

  afterAll(async () => {
    try {
      const filters = createdHere.map((a) => ({
        principal: a.principal,
        host: '*',
        resourceType: AclResourceTypes[a.resourceType as keyof typeof AclResourceTypes],
        resourceName: a.resourceName,
        resourcePatternType: ResourcePatternTypes[a.patternType as keyof typeof ResourcePatternTypes],
        operation: AclOperationTypes[a.operation as keyof typeof AclOperationTypes],
        permissionType: AclPermissionTypes.ALLOW,
      }));
      await admin.deleteAcls({ filters: [...filters, stray] });
      await admin.disconnect();
      rmSync(dir, { recursive: true, force: true });
    } finally {
      // Released even when the set-up failed half way, so the cluster is not held.
      releaseLease?.();
      await use?.release();
    }
  });

  it('creates what the dry run marked "create", then nothing; prune lists a stray ACL and keeps it', async () => {
    const { doc: dry } = await plan();
    const missing = dry.acls.filter((a) => a.status === 'create');
    expect(dry).toMatchObject({ executed: false, authorizer: true, created: 0 });
    // Everything named after this run is new.
    expect(dry.acls.filter((a) => a.resourceName.startsWith(run)).every((a) => a.status === 'create')).toBe(true);
    expect(missing.length).toBeGreaterThan(0);

    const before = await bindingCount();
    const { doc: first } = await plan('--execute');
    createdHere = first.acls.filter((a) => a.status === 'created');
    expect(first.created).toBe(missing.length);
    expect(first.acls.filter((a) => a.status === 'created')).toEqual(missing.map((a) => ({ ...a, status: 'created' })));
    await until(async () => (await bindingCount()) >= before + missing.length);
    expect(await bindingCount()).toBe(before + missing.length);

    const { doc: second } = await plan('--execute');
    expect(second.created).toBe(0);
    expect(new Set(second.acls.map((a) => a.status))).toEqual(new Set(['present']));

    await admin.createAcls({ acl: [stray] });
    await until(async () => (await bindingCount()) === before + missing.length + 1);
    const { doc: pruned } = await plan('--prune', '--principal', 'eventline-cli');
    expect(pruned.notInPlan).toContainEqual(expect.objectContaining({ principal: 'User:eventline-cli', resourceName: `${run}.stray`, operation: 'READ' }));
    expect(pruned.notInPlan?.every((e) => e.principal === 'User:eventline-cli')).toBe(true);
    const { resources } = await admin.describeAcls({ ...ANY_FILTER, resourceType: AclResourceTypes.TOPIC, resourceName: `${run}.stray`, resourcePatternType: ResourcePatternTypes.LITERAL });
    expect(resources.flatMap((r) => r.acls)).toHaveLength(1);
  });

  it('has a login on the secure cluster for every declared application, and only those', () => {
    expect([...APPLICATION_PRINCIPALS].sort()).toEqual(applicationDeclarations().map((d) => d.application).sort());
  });
});
