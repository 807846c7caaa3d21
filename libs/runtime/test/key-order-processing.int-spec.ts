/**
 * Key order, against the real broker. Expected: different keys of one partition run
 * concurrently while each key stays in order; the committed watermark never passes an
 * unfinished record, and the records finished above it travel in the commit metadata; a
 * stuck key holds up nobody else; after kill -9 a new member redoes only what the commit
 * did not record as finished.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { testBrokers } from '@eventline/testing';
import { ProcessingMode } from '../src';
import { decodeCompletedOffsets } from '../src/key-order/completed-offsets.codec';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('key-order processing', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('keeps per-key order under random delays while keys run concurrently', async () => {
    const { topic } = await kit.topicWithDlq('ko-order', 1);
    const keys = 64;
    await kit.produce(topic, Array.from({ length: 2_000 }, (_, i) => ({ key: `k${i % keys}`, value: String(Math.floor(i / keys)) })));
    const last = new Map<string, number>();
    let violations = 0;
    let handled = 0;
    let running = 0;
    let maxRunning = 0;
    const consumer = kit.consumer(
      'ko-order',
      [
        {
          topic,
          eventType: '*',
          mode: ProcessingMode.KeyOrder,
          handler: async (value: Buffer, ctx) => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            const key = ctx.key!.toString();
            const seq = Number(value.toString());
            if (seq !== (last.get(key) ?? -1) + 1) violations++;
            last.set(key, seq);
            await new Promise((r) => setTimeout(r, Math.random() * 4));
            running--;
            handled++;
          },
        },
      ],
      { keyOrder: { partitionConcurrency: 32 } },
    );
    await consumer.start();
    await eventually('all handled', () => handled >= 2_000, 60_000);
    expect(handled).toBe(2_000);
    expect(violations).toBe(0);
    expect(maxRunning).toBeGreaterThan(8);
    expect(maxRunning).toBeLessThanOrEqual(32);
    await eventually('watermark at the end', async () => ((await kit.committed(consumer.groupId, topic)).get(0) === '2000' ? true : undefined));
  });

  it('commits a watermark below a stuck key and records the finished records above it', async () => {
    const { topic } = await kit.topicWithDlq('ko-stuck', 1);
    await kit.produce(topic, [{ key: 'stuck', value: 'first' }, ...Array.from({ length: 99 }, (_, i) => ({ key: `k${i % 10}`, value: String(i) }))]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let others = 0;
    const consumer = kit.consumer(
      'ko-stuck',
      [
        {
          topic,
          eventType: '*',
          mode: ProcessingMode.KeyOrder,
          handler: async (_v: Buffer, ctx) => {
            if (ctx.key!.toString() === 'stuck') await gate;
            else others++;
          },
        },
      ],
      { commit: { maxUncommittedRecords: 1, maxUncommittedMs: 50 } },
    );
    await consumer.start();
    await eventually('the other keys handled while one is stuck', () => others === 99);
    const admin = await kit.admin();
    const committed = await eventually('metadata with 99 finished records', async () => {
      const [o] = await admin.fetchOffsets({ groupId: consumer.groupId, topics: [topic] });
      const p = o.partitions[0];
      return p.offset === '0' && decodeCompletedOffsets(0n, p.metadata).size === 99 ? p : undefined;
    });
    expect(committed.offset).toBe('0');
    expect([...decodeCompletedOffsets(0n, committed.metadata)].sort((a, b) => Number(a - b))[0]).toBe(1n);

    release();
    await eventually('watermark past everything', async () => ((await kit.committed(consumer.groupId, topic)).get(0) === '100' ? true : undefined));
  });

  it('after kill -9, redoes only the records the commit did not record as finished', async () => {
    const { topic } = await kit.topicWithDlq('ko-crash', 1);
    await kit.produce(topic, [
      { key: 'stuck', value: 's0' },
      ...Array.from({ length: 50 }, (_, i) => ({ key: `k${i % 5}`, value: String(i) })),
      { key: 'stuck', value: 's1' },
    ]);
    const group = kit.topics.group('ko-crash');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures', 'key-order-consumer.ts')], {
      cwd: workspaceRoot(),
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TOPIC: topic, GROUP: group, KAFKA_BROKERS: testBrokers().join(',') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const admin = await kit.admin();
    try {
      await eventually('50 finished records committed in the metadata', async () => {
        const [o] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        return decodeCompletedOffsets(BigInt(o.partitions[0].offset), o.partitions[0].metadata).size === 50 ? true : undefined;
      }, 30_000);
    } finally {
      child.kill('SIGKILL');
    }
    await exited;
    expect(output.match(/handled/g)).toHaveLength(50);

    const redone: string[] = [];
    const survivor = kit.consumer('unused', [{ topic, eventType: '*', mode: ProcessingMode.KeyOrder, handler: (v: Buffer) => void redone.push(v.toString()) }], { groupId: group });
    await survivor.start();
    await eventually('the stuck key handled by the new member', () => redone.length >= 2, 40_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(redone).toEqual(['s0', 's1']);
  });
});
