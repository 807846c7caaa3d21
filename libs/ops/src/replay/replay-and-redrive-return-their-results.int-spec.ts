import { readConnectionSettings } from '@eventline/connection';
import { deadLetterHeaders } from '@eventline/runtime';
import { testBrokers, testKafka, TestTopics } from '@eventline/testing';
import { OpsContext } from '../context/ops-context';
import { RedriveSkip } from '../dead-letters/redrive-route';
import { runRedrive, type RedriveOptions } from '../dead-letters/redrive';
import { runReplay, type ReplayOptions } from './replay';

// A replay reports its progress through the listener and returns its counts; a redrive returns
// what it sent where, and a second one finds the first in the ledger. Nothing is printed.
const kafka = testKafka();
const topics = new TestTopics(kafka);
const ctx = () => new OpsContext(readConnectionSettings({ flags: { brokers: testBrokers().join(',') }, env: {} }), { clientId: 'ops-spec' });

afterAll(() => topics.cleanup());

describe('a replay', () => {
  it('reports start, advance and stop to its listener and returns what it copied', async () => {
    const source = await topics.create('ops-replay-src', 2);
    const target = await topics.create('ops-replay-dst', 2);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic: source, acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 2 })) });
    await producer.disconnect();

    const calls: string[] = [];
    const progress = { start: (n: number) => calls.push(`start ${n}`), advance: (n: number) => calls.push(`advance ${n}`), stop: () => calls.push('stop') };
    const options: ReplayOptions = { sourceTopic: source, targetTopic: target, from: { kind: 'earliest' }, to: { kind: 'latest' }, filter: {}, keepPartitions: true, replayId: 'r-1', dryRun: false, progress };
    const context = ctx();
    try {
      const first = await runReplay(context, options);
      expect(first.dryRun).toBe(false);
      expect(!first.dryRun && first.counts).toMatchObject({ copied: 10, filteredOut: 0, alreadyCopied: 0, interrupted: false });
      expect(calls[0]).toBe('start 10');
      expect(calls.filter((c) => c.startsWith('advance')).reduce((n, c) => n + Number(c.split(' ')[1]), 0)).toBe(10);
      expect(calls.at(-1)).toBe('stop');

      const again = await runReplay(context, { ...options, dryRun: true, progress: undefined });
      expect(again).toMatchObject({ dryRun: true, plan: { remaining: 0n } });
    } finally {
      await context.close();
    }
  });
});

describe('a redrive', () => {
  it('returns its plan dry, what it sent executed, and a second run finds both in the ledger', async () => {
    const source = await topics.create('ops-redrive-src', 2);
    const dlq = await topics.create('ops-redrive-src.dlq', 1);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const headers = (sourceOffset: string) =>
      deadLetterHeaders({ sourceTopic: source, sourcePartition: 1, sourceOffset, sourceTimestamp: '0', consumerGroup: 'g1', attempts: 3, errorClass: 'E', errorCode: 'BOOM', errorMessage: 'm', failedAt: new Date(0).toISOString() });
    await producer.send({ topic: dlq, acks: -1, messages: ['4', '5'].map((offset) => ({ key: `k${offset}`, value: 'v', headers: headers(offset) })) });
    await producer.disconnect();

    const options: RedriveOptions = {
      selection: { dlqTopic: dlq, from: { kind: 'earliest' }, to: { kind: 'latest' }, filter: {} },
      force: false,
      execute: false,
      redriveId: 'rd-1',
      allGroups: false,
    };
    const context = ctx();
    try {
      const dry = await runRedrive(context, options);
      expect(dry).toMatchObject({ executed: false, ledgerTopic: `${dlq}.redriven` });
      expect(dry.tally.rows()).toEqual([{ topic: source, partition: 1, forGroup: 'g1', records: 2 }]);

      const sent = await runRedrive(context, { ...options, execute: true });
      expect(sent.executed).toBe(true);
      expect(sent.tally.total).toBe(2);

      const second = await runRedrive(context, { ...options, execute: true });
      expect(second.tally.total).toBe(0);
      expect([...second.tally.skipped]).toEqual([[RedriveSkip.AlreadyRedriven, 2]]);
    } finally {
      await context.close();
    }
  });
});
