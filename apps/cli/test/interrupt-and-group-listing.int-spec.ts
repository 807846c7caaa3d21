/**
 * Expected: Ctrl-C stops a long command after the records in hand and exits 130 with one
 * line saying so (a script must not read it as done), while `tail --follow` — which ends
 * only by Ctrl-C — exits 0; `tail` says in which order it prints several partitions; `groups list`
 * shows each group's state and member count.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { testBrokers } from '@eventline/testing';
import { ExitCode } from '../src/common/exit-code';
import { CliTestKit, runCli } from './cli-test-kit';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the CLI, waits until `ready` holds, sends SIGINT, and resolves with the exit. */
async function interrupt(args: readonly string[], ready: (stdout: string) => Promise<boolean>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(workspaceRoot(), 'apps', 'cli', 'bin', 'eventline.cjs'), ...args], {
    env: { ...process.env, KAFKA_BROKERS: testBrokers().join(','), SCHEMA_REGISTRY_URL: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = Date.now() + 60_000;
  while (!(await ready(stdout))) {
    if (Date.now() > until || child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill('SIGINT');
  return { code: await exited, stderr };
}

describe('Ctrl-C and group listing', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('exits 130 when a replay is interrupted, after copying some but not all', async () => {
    const source = await kit.topics.create('int-src', 1);
    const target = await kit.topics.create('int-dst', 1);
    await kit.produce(source, Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
    const copied = async () => Number((await kit.latestOffsets(target)).get(0) ?? '0');
    const run = await interrupt(['replay', source, '--to-topic', target, '--rate', '4'], async () => (await copied()) >= 1);
    expect(run.code).toBe(ExitCode.Interrupted);
    expect(run.stderr).toMatch(/eventline: interrupted: stopped after the records in hand/);
    const done = await copied();
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(40);
  });

  it('exits 0 when tail --follow is stopped with Ctrl-C, its normal end', async () => {
    const topic = await kit.topics.create('int-follow', 1);
    await kit.produce(topic, [{ key: 'followed', value: 'v' }]);
    // Printed the record and still running: it is following.
    const run = await interrupt(['tail', topic, '--follow', '--from-beginning', '--raw'], async (stdout) => stdout.includes('"followed"'));
    expect(run.code).toBe(ExitCode.Ok);
  });

  it('says the order it prints a topic of several partitions in', async () => {
    const topic = await kit.topics.create('int-order', 2);
    await kit.produce(topic, [{ partition: 0, key: 'a', value: '1' }, { partition: 1, key: 'b', value: '2' }]);
    const run = await runCli(['tail', topic, '--raw']);
    expect(run.code).toBe(ExitCode.Ok);
    expect(run.stderr).toContain('order: by offset within each partition; partitions 0, 1 interleave as fetched (--partition N for one)');
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('lists groups with their state and member count', async () => {
    const topic = await kit.topics.create('int-groups', 1);
    const groupId = kit.topics.group('int-listed');
    const admin = await kit.topics.admin();
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
    const run = await runCli(['groups', 'list', '--json']);
    expect(run.code).toBe(ExitCode.Ok);
    expect(JSON.parse(run.stdout)).toContainEqual({ groupId, protocolType: expect.any(String), state: 'Empty', members: 0 });
    const table = await runCli(['groups', 'list']);
    expect(table.stdout).toMatch(/GROUP\s+STATE\s+MEMBERS\s+PROTOCOL TYPE/);
  });
});
