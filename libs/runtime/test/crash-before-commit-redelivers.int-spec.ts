/**
 * Expected: a consumer process killed with SIGKILL after handling records but before
 * committing them loses nothing: the next member of the group gets those records again.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { testBrokers } from '@eventline/testing';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('a consumer killed before its commit', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('has its handled-but-uncommitted records delivered again', async () => {
    const { topic } = await kit.topicWithDlq('crash', 1);
    await kit.produce(topic, Array.from({ length: 20 }, (_, i) => ({ key: 'k', value: String(i) })));
    const group = kit.topics.group('crash');

    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures', 'crashable-consumer.ts')], {
      cwd: workspaceRoot(),
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TOPIC: topic, GROUP: group, KAFKA_BROKERS: testBrokers().join(',') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    try {
      await eventually('the child handled all 20 records', () => output.includes('handled 0:19'), 30_000);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect((await kit.committed(group, topic)).get(0)).toBe('-1');

    const again: string[] = [];
    const survivor = kit.consumer('unused', [{ topic, eventType: '*', handler: (_v: Buffer, ctx) => void again.push(ctx.offset) }], { groupId: group });
    await survivor.start();
    // The killed member's session (6 s) must expire before its partition moves.
    await eventually('all 20 redelivered', () => again.length >= 20, 40_000);
    expect(again.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });
});
