import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { IHeaders } from 'kafkajs';
import { readConnectionSettings } from '@eventline/connection';
import { CE_TRACEPARENT_HEADER, deadLetterHeaders, MessagingAttribute } from '@eventline/runtime';
import { testBrokers, testKafka, TestTopics } from '@eventline/testing';
import { OpsContext } from '../context/ops-context';
import { readTopic } from '../read/topic-reader';
import { OpsSpanAttribute } from '../tracing/ops-span-attribute';
import { RedriveSkip } from '../dead-letters/redrive-route';
import { runRedrive, type RedriveOptions } from '../dead-letters/redrive';
import { runReplay, type ReplayOptions } from './replay';

// A replay reports its progress through the listener and returns its counts; a redrive returns
// what it sent where, and a second one finds the first in the ledger. Nothing is printed.
// Without an SDK the records keep their trace headers; with one, each written record carries
// its own send span's context, linked to the original's.
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
    const original = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await producer.send({ topic: dlq, acks: -1, messages: ['4', '5'].map((offset) => ({ key: `k${offset}`, value: 'v', headers: { ...headers(offset), traceparent: original } })) });
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
      // No SDK registered: the records keep the trace headers they had, untouched.
      const traceparents: string[] = [];
      await readTopic(context.kafka, source, [{ partition: 1, from: 0n, to: 2n }], async ({ messages }) => {
        for (const message of messages) traceparents.push(String(message.headers?.traceparent));
      });
      expect(traceparents).toEqual([original, original]);

      const second = await runRedrive(context, { ...options, execute: true });
      expect(second.tally.total).toBe(0);
      expect([...second.tally.skipped]).toEqual([[RedriveSkip.AlreadyRedriven, 2]]);
    } finally {
      await context.close();
    }
  });
});

describe('traced', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it("a replay writes each copy with the traceparent of its own send span, a child of the replay's and linked to the original's", async () => {
    const source = await topics.create('ops-traced-replay-src', 1);
    const target = await topics.create('ops-traced-replay-dst', 1);
    const original = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic: source, acks: -1, messages: ['1', '2', '3'].map((id) => ({ key: `k${id}`, value: 'v', headers: { ce_id: `evt-${id}`, traceparent: original } })) });
    await producer.disconnect();

    const ops = ctx();
    try {
      await runReplay(ops, { sourceTopic: source, targetTopic: target, from: { kind: 'earliest' }, to: { kind: 'latest' }, filter: {}, keepPartitions: true, replayId: 'r-traced', dryRun: false });
      const copies: IHeaders[] = [];
      await readTopic(ops.kafka, target, [{ partition: 0, from: 0n, to: 3n }], async ({ messages }) => {
        for (const message of messages) copies.push(message.headers ?? {});
      });
      const spans = exporter.getFinishedSpans();
      const replay = spans.find((s) => s.name === `replay ${source}`);
      expect(replay?.attributes).toMatchObject({ [OpsSpanAttribute.ReplayId]: 'r-traced', [OpsSpanAttribute.ReplayCopied]: 3 });
      const sends = new Map(spans.filter((s) => s.name === `send ${target}`).map((s) => [s.attributes[MessagingAttribute.MessageId], s]));
      expect(copies).toHaveLength(3);
      for (const copy of copies) {
        const send = sends.get(String(copy.ce_id));
        expect(send?.parentSpanContext?.spanId).toBe(replay?.spanContext().spanId);
        expect(send?.links.map((l) => `00-${l.context.traceId}-${l.context.spanId}-01`)).toEqual([original]);
        expect(String(copy.traceparent)).toBe(`00-${send?.spanContext().traceId}-${send?.spanContext().spanId}-01`);
      }
    } finally {
      await ops.close();
    }
  });

  it("a redrive writes the record with a new traceparent whose send span is the redrive's child and links to the original's", async () => {
    const source = await topics.create('ops-traced-redrive-src', 2);
    const dlq = await topics.create('ops-traced-redrive-src.dlq', 1);
    const original = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const headers = {
      ...deadLetterHeaders({ sourceTopic: source, sourcePartition: 1, sourceOffset: '7', sourceTimestamp: '0', consumerGroup: 'g1', attempts: 3, errorClass: 'E', errorCode: 'BOOM', errorMessage: 'm', failedAt: new Date(0).toISOString() }),
      // The original's, as the runtime's dead-letter writer keeps them.
      traceparent: original,
      [CE_TRACEPARENT_HEADER]: original,
      ce_id: 'evt-7',
    };
    await producer.send({ topic: dlq, acks: -1, messages: [{ key: 'k7', value: 'v', headers }] });
    await producer.disconnect();

    const ops = ctx();
    try {
      const result = await runRedrive(ops, {
        selection: { dlqTopic: dlq, from: { kind: 'earliest' }, to: { kind: 'latest' }, filter: {} },
        force: false,
        execute: true,
        redriveId: 'rd-traced',
        allGroups: false,
      });
      expect(result.tally.total).toBe(1);

      let written: IHeaders | undefined;
      await readTopic(ops.kafka, source, [{ partition: 1, from: 0n, to: 1n }], async ({ messages }) => {
        written = messages[0].headers;
      });
      const spans = exporter.getFinishedSpans();
      const redrive = spans.find((s) => s.name === `redrive ${dlq}`);
      const send = spans.find((s) => s.name === `send ${source}`);
      expect(redrive?.attributes).toMatchObject({ [OpsSpanAttribute.RedriveId]: 'rd-traced', [OpsSpanAttribute.RedriveSent]: 1 });
      expect(send?.parentSpanContext?.spanId).toBe(redrive?.spanContext().spanId);
      expect(send?.links.map((l) => `00-${l.context.traceId}-${l.context.spanId}-01`)).toEqual([original]);
      const traceparent = `00-${send?.spanContext().traceId}-${send?.spanContext().spanId}-01`;
      expect(String(written?.traceparent)).toBe(traceparent);
      expect(String(written?.[CE_TRACEPARENT_HEADER])).toBe(traceparent);
      expect(traceparent).not.toBe(original);
      expect(String(written?.ce_id)).toBe('evt-7');
    } finally {
      await ops.close();
    }
  });
});
