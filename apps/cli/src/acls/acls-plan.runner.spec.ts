import { PassThrough } from 'node:stream';
import type { AclEntry as KafkajsAclEntry, Admin } from 'kafkajs';
import { isCliError } from '../common/cli.error';
import type { CliContext } from '../common/cli-context';
import { ExitCode } from '../common/exit-code';
import { Output } from '../common/output';
import { runAclsPlan, type AclsPlanOptions } from './acls-plan.runner';

/** A cluster's ACL store as kafkajs's admin shows it: a set of bindings, describe and create only. */
class FakeAclAdmin {
  readonly bindings: KafkajsAclEntry[] = [];
  createCalls = 0;
  failDescribeWith?: string;

  async describeAcls() {
    if (this.failDescribeWith) throw Object.assign(new Error(this.failDescribeWith), { type: this.failDescribeWith });
    return {
      throttleTime: 0,
      errorCode: 0,
      resources: this.bindings.map(({ principal, host, operation, permissionType, ...resource }) => ({ ...resource, acls: [{ principal, host, operation, permissionType }] })),
    };
  }

  async createAcls({ acl }: { acl: KafkajsAclEntry[] }) {
    this.createCalls++;
    this.bindings.push(...acl);
    return true;
  }
}

function context(admin: FakeAclAdmin, json = false): { ctx: CliContext; stdout: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const ctx = { admin: async () => admin as unknown as Admin, output: new Output(json, out, new PassThrough()) } as unknown as CliContext;
  return { ctx, stdout: () => text };
}

const options = (change: Partial<AclsPlanOptions> = {}): AclsPlanOptions => ({ principals: [], names: {}, execute: false, prune: false, ...change });
const statuses = (rows: ReadonlyArray<{ status: string }>) => [...new Set(rows.map((r) => r.status))];

describe('acls plan', () => {
  it('dry run on an empty cluster: every ACL to create, nothing sent', async () => {
    const admin = new FakeAclAdmin();
    const result = await runAclsPlan(context(admin).ctx, options());
    expect(statuses(result.acls)).toEqual(['create']);
    expect(admin.createCalls).toBe(0);
  });

  it('--execute creates them; a second --execute creates 0 and finds all present', async () => {
    const admin = new FakeAclAdmin();
    const first = await runAclsPlan(context(admin).ctx, options({ execute: true }));
    expect([first.created, statuses(first.acls)]).toEqual([first.acls.length, ['created']]);
    const second = await runAclsPlan(context(admin).ctx, options({ execute: true }));
    expect([second.created, statuses(second.acls)]).toEqual([0, ['present']]);
    expect(admin.createCalls).toBe(1);
  });

  it('--prune lists a binding the plan lacks (of the selected principals only) and deletes nothing', async () => {
    const admin = new FakeAclAdmin();
    await runAclsPlan(context(admin).ctx, options({ execute: true, principals: ['orders-service'] }));
    const stray = (principal: string): KafkajsAclEntry => ({ principal, host: '*', resourceType: 2, resourceName: 'payments', resourcePatternType: 3, operation: 4, permissionType: 3 });
    admin.bindings.push(stray('User:orders-service'), stray('User:someone-else'));
    const before = admin.bindings.length;
    const { ctx, stdout } = context(admin);
    const result = await runAclsPlan(ctx, options({ prune: true, principals: ['orders-service'] }));
    expect(result.notInPlan?.map((e) => `${e.principal} ${e.resourceType} ${e.resourceName} ${e.operation}`)).toEqual(['User:orders-service TOPIC payments WRITE']);
    expect(admin.bindings).toHaveLength(before);
    expect(stdout()).toContain('on the cluster but not in the plan: 1 (listed only: eventline never deletes ACLs');
  });

  it('prints principal, resource, pattern, operation and status per ACL', async () => {
    const { ctx, stdout } = context(new FakeAclAdmin());
    await runAclsPlan(ctx, options({ principals: ['orders-service'], names: { topicPrefix: 'run-7.' } }));
    expect(stdout().split('\n')).toEqual([
      'dry run: 3 ACL(s) for 1 principal(s): 3 to create, 0 present',
      '',
      'PRINCIPAL            RESOURCE               PATTERN  OPERATION         STATUS',
      'User:orders-service  TOPIC run-7.orders     LITERAL  WRITE             create',
      'User:orders-service  TOPIC run-7.orders     LITERAL  DESCRIBE          create',
      'User:orders-service  CLUSTER kafka-cluster  LITERAL  IDEMPOTENT_WRITE  create',
      '',
      'nothing changed; add --execute to create the ACLs marked "create"',
      '',
    ]);
  });

  it('without an authorizer: the dry run prints the plan as unknown, then refuses with exit 3', async () => {
    const admin = Object.assign(new FakeAclAdmin(), { failDescribeWith: 'SECURITY_DISABLED' });
    const { ctx, stdout } = context(admin, true);
    const error = await runAclsPlan(ctx, options()).catch((e: unknown) => e);
    expect(isCliError(error) && [error.code, error.exitCode]).toEqual(['CLI_NO_AUTHORIZER', ExitCode.Refused]);
    expect((error as Error).message).toMatch(/^the cluster has no authorizer: ACLs do not apply .*; the plan above is what the cluster would need/);
    const printed = JSON.parse(stdout()) as { authorizer: boolean; acls: Array<{ status: string }> };
    expect([printed.authorizer, statuses(printed.acls)]).toEqual([false, ['unknown']]);
  });

  it('without an authorizer, --execute prints nothing and says nothing was created', async () => {
    const admin = Object.assign(new FakeAclAdmin(), { failDescribeWith: 'SECURITY_DISABLED' });
    const { ctx, stdout } = context(admin);
    await expect(runAclsPlan(ctx, options({ execute: true }))).rejects.toMatchObject({ exitCode: ExitCode.Refused, message: expect.stringContaining('nothing was created') });
    expect(stdout()).toBe('');
  });

  it('a principal that may not describe ACLs gets CLI_NOT_AUTHORIZED naming the cluster right', async () => {
    const admin = Object.assign(new FakeAclAdmin(), { failDescribeWith: 'CLUSTER_AUTHORIZATION_FAILED' });
    await expect(runAclsPlan(context(admin).ctx, options())).rejects.toMatchObject({ code: 'CLI_NOT_AUTHORIZED', exitCode: ExitCode.Failure, message: expect.stringContaining('needs DESCRIBE on the cluster') });
  });

  it('an unknown principal is bad input, refused before Kafka is asked', async () => {
    const ctx = { admin: async () => Promise.reject(new Error('must not connect')), output: new Output(false, new PassThrough()) } as unknown as CliContext;
    await expect(runAclsPlan(ctx, options({ principals: ['billing'] }))).rejects.toMatchObject({ code: 'CLI_BAD_ARGUMENT', exitCode: ExitCode.Usage, message: expect.stringMatching(/^unknown principal billing; the declared ones are orders-service/) });
  });
});
