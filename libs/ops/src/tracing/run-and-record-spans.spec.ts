import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { CE_TRACEPARENT_HEADER, MessagingAttribute } from '@eventline/runtime';
import { OpsError, OpsErrorCode } from '../errors/ops.error';
import type { PartitionedMessage } from '../write/record-writer';
import { OpsSpanAttribute } from './ops-span-attribute';
import { traceHeaderBytes } from './record-trace-headers';
import { inRunSpan } from './run-span';
import { TracedRecordWriter, type RecordSender } from './traced-record-writer';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();

// The producer span a record was first published in, as its traceparent says.
const ORIGINAL_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const ORIGINAL_SPAN = '00f067aa0ba902b7';
const ORIGINAL = `00-${ORIGINAL_TRACE}-${ORIGINAL_SPAN}-01`;

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  context.disable();
  propagation.disable();
});
afterEach(() => {
  trace.disable();
  exporter.reset();
});

/** A writer that keeps what it was given, or refuses with `error`. */
function fakeWriter(error?: Error) {
  const sent: Array<{ topic: string; messages: readonly PartitionedMessage[] }> = [];
  const writer: RecordSender = {
    send: async (topic, messages) => {
      sent.push({ topic, messages });
      if (error) throw error;
    },
  };
  return { writer, sent };
}

const record = (headers: PartitionedMessage['headers'], partition = 1): PartitionedMessage => ({ key: Buffer.from('order-1'), value: Buffer.from('v'), headers, partition });

/** A run under a CLI command's span whose context carries `tracestate`, as a remote parent would give it. */
async function underCommand<T>(work: () => Promise<T>, tracestate?: string): Promise<{ result: T; command: ReadableSpan }> {
  const remote = propagation.extract(ROOT_CONTEXT, { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', ...(tracestate ? { tracestate } : {}) });
  const command = provider.getTracer('cli').startSpan('eventline replay', {}, remote);
  const result = await context.with(trace.setSpan(remote, command), work);
  command.end();
  return { result, command: exporter.getFinishedSpans().find((s) => s.name === 'eventline replay') as ReadableSpan };
}

const spanNamed = (name: string) => exporter.getFinishedSpans().find((s) => s.name === name) as ReadableSpan;
const traceparentOf = (span: ReadableSpan) => `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`;

describe('with an SDK, a run and the records it writes', () => {
  beforeEach(() => trace.setGlobalTracerProvider(provider));

  it('get a run span under the active context and a PRODUCER span per record, linked to the original and written into its headers', async () => {
    const { writer, sent } = fakeWriter();
    const given = [record({ ce_id: Buffer.from('evt-1'), ce_type: 'OrderPlaced', traceparent: Buffer.from(ORIGINAL), tracestate: 'orig=1', other: 'kept' }), record({ ce_id: 'evt-2' }, 0)];
    const { command } = await underCommand(
      () =>
        inRunSpan({ name: 'replay orders', attributes: { [OpsSpanAttribute.ReplayId]: 'r-1' }, summary: (n: number) => ({ [OpsSpanAttribute.ReplayCopied]: n }) }, async (run) => {
          await new TracedRecordWriter(writer, run).send('orders.copy', given);
          return given.length;
        }),
      'cli=1',
    );

    const run = spanNamed('replay orders');
    expect(run.kind).toBe(SpanKind.INTERNAL);
    expect(run.parentSpanContext?.spanId).toBe(command.spanContext().spanId);
    expect(run.attributes).toMatchObject({ [MessagingAttribute.System]: 'kafka', [OpsSpanAttribute.ReplayId]: 'r-1', [OpsSpanAttribute.ReplayCopied]: 2 });

    const sends = exporter.getFinishedSpans().filter((s) => s.name === 'send orders.copy');
    expect(sends).toHaveLength(2);
    for (const send of sends) {
      expect(send.kind).toBe(SpanKind.PRODUCER);
      expect(send.spanContext().traceId).toBe(command.spanContext().traceId);
      expect(send.parentSpanContext?.spanId).toBe(run.spanContext().spanId);
    }
    const [first, second] = sends.sort((a, b) => String(a.attributes[MessagingAttribute.MessageId]).localeCompare(String(b.attributes[MessagingAttribute.MessageId])));
    expect(first.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([[ORIGINAL_TRACE, ORIGINAL_SPAN]]);
    expect(first.attributes).toMatchObject({
      [MessagingAttribute.Destination]: 'orders.copy',
      [MessagingAttribute.Partition]: '1',
      [MessagingAttribute.MessageId]: 'evt-1',
      [MessagingAttribute.EventType]: 'OrderPlaced',
      [MessagingAttribute.Key]: 'order-1',
    });
    expect(second.links).toEqual([]);

    const [written] = sent;
    expect(written.topic).toBe('orders.copy');
    expect(written.messages[0].headers).toEqual({
      ce_id: Buffer.from('evt-1'),
      ce_type: 'OrderPlaced',
      other: 'kept',
      traceparent: traceparentOf(first),
      [CE_TRACEPARENT_HEADER]: traceparentOf(first),
      // The run's context's, inherited from the command: the original's is gone.
      tracestate: 'cli=1',
    });
    expect(written.messages[1].headers).toMatchObject({ traceparent: traceparentOf(second), [CE_TRACEPARENT_HEADER]: traceparentOf(second) });
    expect(written.messages[0]).toMatchObject({ key: given[0].key, value: given[0].value, partition: 1 });
  });

  it('drop an original tracestate the new context has none for, and link to a context given only as ce_traceparent', async () => {
    const { writer, sent } = fakeWriter();
    await inRunSpan({ name: 'redrive orders.dlq', attributes: {}, summary: () => ({}) }, (run) =>
      new TracedRecordWriter(writer, run).send('orders', [record({ [CE_TRACEPARENT_HEADER]: ORIGINAL, tracestate: 'orig=1' })]),
    );
    const send = spanNamed('send orders');
    expect(send.links.map((l) => l.context.spanId)).toEqual([ORIGINAL_SPAN]);
    expect(sent[0].messages[0].headers).toEqual({ traceparent: traceparentOf(send), [CE_TRACEPARENT_HEADER]: traceparentOf(send) });
  });

  it('size a chunk with exactly the bytes tracing adds to a record', async () => {
    const { writer, sent } = fakeWriter();
    const headerBytes = (m: PartitionedMessage) => Object.entries(m.headers ?? {}).reduce((n, [name, value]) => n + name.length + String(value).length, 0);
    const given = record({ ce_id: 'evt-1' });
    let allowance = 0;
    await underCommand(
      () =>
        inRunSpan({ name: 'replay orders', attributes: {}, summary: () => ({}) }, async (run) => {
          const traced = new TracedRecordWriter(writer, run);
          allowance = traced.headerAllowance;
          await traced.send('orders.copy', [given]);
        }),
      'cli=1',
    );
    expect(allowance).toBeGreaterThan(0);
    expect(headerBytes(sent[0].messages[0]) - headerBytes(given)).toBe(allowance);
    expect(traceHeaderBytes({})).toBe(0);
  });

  it('mark the record spans and the run span failed with the error code, and rethrow', async () => {
    const refused = new OpsError(OpsErrorCode.SendNotAcknowledged, 'Kafka did not acknowledge orders partition(s) 1 after 3 attempts');
    const { writer } = fakeWriter(refused);
    await expect(
      inRunSpan({ name: 'redrive orders.dlq', attributes: {}, summary: () => ({}) }, (run) => new TracedRecordWriter(writer, run).send('orders', [record({ traceparent: ORIGINAL })])),
    ).rejects.toBe(refused);
    for (const name of ['send orders', 'redrive orders.dlq']) {
      const span = spanNamed(name);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes[MessagingAttribute.ErrorType]).toBe(OpsErrorCode.SendNotAcknowledged);
    }
  });
});

describe('without an SDK', () => {
  it('a run records nothing and its records reach the writer as they were given, the very same objects', async () => {
    const { writer, sent } = fakeWriter();
    const headersOf = () => ({ traceparent: Buffer.from(ORIGINAL), tracestate: 'orig=1', ce_id: 'evt-1' });
    const headers = headersOf();
    const given = [record(headers)];
    let allowance: number | undefined;
    await inRunSpan({ name: 'replay orders', attributes: {}, summary: () => ({}) }, async (run) => {
      expect(run.recording).toBe(false);
      const traced = new TracedRecordWriter(writer, run);
      allowance = traced.headerAllowance;
      await traced.send('orders.copy', given);
    });
    expect(sent[0].messages).toBe(given);
    expect(sent[0].messages[0].headers).toBe(headers);
    expect(sent[0].messages).toEqual([record(headersOf())]);
    expect(allowance).toBe(0);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
