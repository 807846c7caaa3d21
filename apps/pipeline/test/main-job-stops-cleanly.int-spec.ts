/**
 * `npm start` as a user runs it (a real process, real broker, its own registry, orders
 * service and worker processes): HTTP orders → outbox → topics → workers. Expected: it comes
 * up, prints the live summary with orders placed over HTTP, events consumed and dead
 * letters, and on Ctrl-C (SIGINT) stops every part and exits 0, leaving the worker groups
 * empty with their offsets committed.
 */
import { spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { workspaceRoot } from '@eventline/local-kafka';
import { testBrokers } from '@eventline/testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('npm start (the main job)', () => {
  it('runs the pipeline and stops cleanly on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/pipeline/src/main.ts', '--rate', '20', '--summary-every', '2'], {
      cwd: workspaceRoot(),
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', KAFKA_BROKERS: testBrokers().join(','), SCHEMA_REGISTRY_PORT: '18181', ORDERS_PORT: '13000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const until = Date.now() + 90_000;
      // This run's share (the broker keeps earlier runs' records): dead letters and a consumed event.
      while (!/dead letters \d+ \(\+[1-9]/.test(output) || !/fulfillment-worker: consumed \+[1-9]/.test(output)) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`no dead letters in the summary:\n${output}`);
        await sleep(250);
      }
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Ctrl-C: stopping');
    expect(output).toContain('notifications-worker-1 stopped');
    expect(output).toContain('schema registry stopped');
    expect(output).toContain('stopped cleanly');
    expect(output).toMatch(/this run: fulfillment-worker: consumed \+[1-9]/);
    expect(output).toContain('orders-service at http://127.0.0.1:13000');
    expect(output).toMatch(/traffic \(this run\): placed [1-9]\d* paid [1-9]/);
    expect(output).toContain('orders-service stopped');

    const admin = new Kafka({ clientId: 'main-job-test', brokers: testBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const groups = await admin.describeGroups(['fulfillment-worker', 'notifications-worker']);
      // Every member left the group on the way out.
      expect(groups.groups.map((g) => g.members.length)).toEqual([0, 0]);
      const [committed] = await admin.fetchOffsets({ groupId: 'fulfillment-worker', topics: ['orders'] });
      expect(committed.partitions.some((p) => p.offset !== '-1')).toBe(true);
    } finally {
      await admin.disconnect();
    }
  }, 150_000);
});
