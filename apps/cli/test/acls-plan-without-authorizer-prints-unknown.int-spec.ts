/**
 * Expected: against the plain local broker (no authorizer.class.name), `acls plan` still
 * prints the whole plan with status "unknown", then says in exactly one stderr line that the
 * cluster has no authorizer, and exits 3; `--execute` prints nothing and creates nothing;
 * a wrong principal or prefix is bad input (exit 2) before any broker is asked.
 */
import { ExitCode } from '../src/common/exit-code';
import { runCli } from './cli-test-kit';

const NO_AUTHORIZER = /^eventline: the cluster has no authorizer: ACLs do not apply \(every client may do anything\); /;

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('acls plan on a broker without an authorizer', () => {
  it('prints the plan with status unknown, then one line, exit 3', async () => {
    const run = await runCli(['acls', 'plan']);
    expect(run.code).toBe(ExitCode.Refused);
    expect(oneLine(run.stderr)).toMatch(NO_AUTHORIZER);
    expect(oneLine(run.stderr)).toContain('the plan above is what the cluster would need once authorizer.class.name is set');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^plan: \d+ ACL\(s\) for 6 principal\(s\); status unknown \(the cluster has no authorizer\)$/);
    expect(lines[2]).toMatch(/^PRINCIPAL\s+RESOURCE\s+PATTERN\s+OPERATION\s+STATUS$/);
    const rows = lines.slice(3);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\sunknown$/);
    expect(rows).toContainEqual(expect.stringMatching(/^User:fulfillment-worker\s+GROUP fulfillment-worker\s+LITERAL\s+READ\s+unknown$/));
    expect(rows).toContainEqual(expect.stringMatching(/^User:schema-registry\s+GROUP schema-registry-\s+PREFIXED\s+READ\s+unknown$/));
  });

  it('--json: the plan as one document with authorizer false, the same one line on stderr', async () => {
    const run = await runCli(['acls', 'plan', '--principal', 'notifications-worker', '--prefix', 'run-7.', '--json']);
    expect(run.code).toBe(ExitCode.Refused);
    expect(oneLine(run.stderr)).toMatch(NO_AUTHORIZER);
    const plan = JSON.parse(run.stdout) as { authorizer: boolean; acls: Array<{ principal: string; resourceName: string; status: string }> };
    expect(plan.authorizer).toBe(false);
    expect(new Set(plan.acls.map((a) => a.principal))).toEqual(new Set(['User:notifications-worker']));
    expect(new Set(plan.acls.map((a) => a.status))).toEqual(new Set(['unknown']));
    expect(plan.acls.map((a) => a.resourceName)).toEqual(expect.arrayContaining(['run-7.orders', 'run-7.shipments', 'run-7.orders.dlq', 'run-7.shipments.dlq']));
  });

  it('--execute prints nothing, creates nothing, says so in one line, exit 3', async () => {
    const run = await runCli(['acls', 'plan', '--execute']);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: ExitCode.Refused, stdout: '' });
    expect(oneLine(run.stderr)).toMatch(/; nothing was created; set authorizer.class.name on the brokers first$/);
  });

  it.each([
    ['an unknown principal', ['--principal', 'billing'], /^eventline: unknown principal billing; the declared ones are orders-service, fulfillment-worker, notifications-worker, schema-registry, eventline-cli, eventline-console$/],
    ['a prefix no topic can start with', ['--prefix', 'my env'], /^eventline: --prefix "my env" cannot start a topic name/],
  ])('refuses %s as bad input without asking Kafka', async (_case, args, message) => {
    // Port 9 has no broker: a refusal that depended on Kafka would say "cannot reach Kafka" instead.
    const run = await runCli(['acls', 'plan', ...args, '--brokers', '127.0.0.1:9']);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: ExitCode.Usage, stdout: '' });
    expect(oneLine(run.stderr)).toMatch(message);
  });
});
