/**
 * S6. Expected: the schema registry goes away mid-stream. Records whose schema id the
 * consumer has already cached keep flowing; records written with a schema id it has never
 * seen (a newer version of the same event, registered just before the outage) cannot be
 * decoded: their keys wait and retry (key-order mode: other keys of the same partition go
 * on), they are never dead-lettered; once the registry is back (same port, same schemas
 * topic) they are processed, in order, and nothing is lost. The orders service's side of
 * this scenario (503, nothing published) is libs/orders/test/registry-unreachable-answers-503.
 */
import { createServer } from 'node:net';
import type { Producer } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient, type AvroEncoder } from '@eventline/codec';
import { buildCloudEventHeaders, EventCatalog, type OrderPaid } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, kafkaJsClient, ProcessingMode, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';
import { startSchemaRegistry, testKafka, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';
import {
  CHECKED_EVENT_TYPE,
  check,
  checkedHandler,
  groupLag,
  publishResult,
  ReliabilityRun,
  reliabilityProfile,
  sleep,
  StampHeader,
  stampedPayment,
  stampId,
  waitUntil,
  validatedFigures,
  type EventStamp,
} from '../src';

const figures = reliabilityProfile();
const CACHED_KEYS = 12;
const NEW_KEYS = 4;
const NEW_PER_KEY = 3;

/** OrderPaid with one more optional field: a compatible new version, so a new schema id. */
const ORDER_PAID_V2 = (() => {
  const v1 = EventCatalog[CHECKED_EVENT_TYPE].schema;
  return { ...v1, fields: [...v1.fields, { name: 'note', type: ['null', 'string'], default: null, doc: 'Free text added in version 2.' }] };
})();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('S6: schema registry unreachable mid-stream', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess | undefined;
  let run: ReliabilityRun;
  let consumer: EventConsumer | undefined;
  let producer: Producer | undefined;

  beforeAll(async () => {
    registry = await startSchemaRegistry({ port: await freePort() });
    run = await ReliabilityRun.open('S6', registry.url);
  }, 60_000);

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await run?.close();
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  it(
    'keeps cached schema ids flowing, holds new ids without dead-lettering them, and loses nothing',
    async () => {
      const started = Date.now();
      const topic = await topics.create('s6-registry', 3);
      const dlq = await topics.createNamed(`${topic}.dlq`, 3);
      const subject = `${topic}-${CHECKED_EVENT_TYPE}`;
      // The producer side registers both versions while the registry is up (its codec caches the ids).
      const v1 = await run.codec.encoderFor<OrderPaid>({ subject, schema: EventCatalog[CHECKED_EVENT_TYPE].schema });
      const v2 = await run.codec.encoderFor<OrderPaid & { note: string | null }>({ subject, schema: ORDER_PAID_V2 });
      producer = kafka.producer({ idempotent: true });
      await producer.connect();
      const seqs = new Map<string, number>();
      const newIds = new Set<string>();
      const send = async (key: string, encoder: AvroEncoder<OrderPaid> | AvroEncoder<OrderPaid & { note: string | null }>) => {
        const seq = (seqs.get(key) ?? 0) + 1;
        seqs.set(key, seq);
        const stamp: EventStamp = { id: stampId(run.runId, key, seq), key, seq };
        const headers = { ...buildCloudEventHeaders({ id: stamp.id, type: CHECKED_EVENT_TYPE, source: '/eventline/reliability' }), [StampHeader.Sequence]: String(seq) };
        const value = encoder === v2 ? v2.encode({ ...stampedPayment(stamp), note: 'v2' }) : (encoder as AvroEncoder<OrderPaid>).encode(stampedPayment(stamp));
        const [meta] = await producer!.send({ topic, acks: -1, messages: [{ key, value, headers }] });
        run.ledger.acked(stamp, meta.partition, meta.baseOffset ?? '-1');
        if (encoder === v2) newIds.add(stamp.id);
      };

      // The consumer has a codec of its own: it knows only the ids it has decoded.
      const consumerCodec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry!.url }), mode: CodecMode.Development });
      const instrumentation = new RuntimeInstrumentation();
      let deadLettered = 0;
      let decodeRetries = 0;
      instrumentation.on(RuntimeEvent.RecordDeadLettered, () => deadLettered++);
      instrumentation.on(RuntimeEvent.RecordFailed, () => decodeRetries++);
      consumer = new EventConsumer({
        client: kafkaJsClient(kafka),
        groupId: topics.group('s6-registry'),
        routes: [{ topic, eventType: CHECKED_EVENT_TYPE, mode: ProcessingMode.KeyOrder, retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000 }, handler: checkedHandler(run.log, 'm1') }],
        decoder: new CloudEventAvroDecoder(consumerCodec, EventCatalog),
        instrumentation,
        sessionTimeoutMs: 10_000,
        heartbeatIntervalMs: 1_000,
        shutdownTimeoutMs: 5_000,
      });
      await consumer.start();

      // Phase 1: registry up; the consumer caches the v1 id.
      for (let k = 0; k < CACHED_KEYS; k++) await send(`cached-${k}`, v1);
      const warmed = await run.waitForAckedProcessed(30_000);

      // Phase 2: registry down. v1 records keep coming; v2 records arrive for other keys.
      const schemasTopic = registry!.topic;
      const port = Number(new URL(registry!.url).port);
      await registry!.stop();
      registry = undefined;
      const outageStarted = Date.now();
      for (let round = 0; round < 5; round++) {
        for (let k = 0; k < CACHED_KEYS; k++) await send(`cached-${k}`, v1);
        if (round < NEW_PER_KEY) for (let k = 0; k < NEW_KEYS; k++) await send(`new-${k}`, v2);
      }
      const cachedIds = run.ledger.all.filter((s) => !newIds.has(s.id)).map((s) => s.id);
      const cachedFlowed = await waitUntil(async () => (await run.log.countUnprocessed(cachedIds)) === 0, 30_000, 200);
      // Let the new ids retry for a while longer than their route's 3 attempts would allow.
      await sleep(4_000);
      const newProcessedDuringOutage = newIds.size - (await run.log.countUnprocessed([...newIds]));
      const deadLetteredDuringOutage = deadLettered;
      const outageMs = Date.now() - outageStarted;

      // Phase 3: the registry comes back on the same port with the same schemas topic.
      registry = await startSchemaRegistry({ port, topic: schemasTopic });
      const restored = Date.now();
      const caughtUp = await run.waitForAckedProcessed(60_000);
      const recoveryMs = Date.now() - restored;
      const admin = await topics.admin();
      const lagZero = await waitUntil(async () => (await groupLag(admin, consumer!.groupId, topic)) === 0n, 30_000, 200);
      const dlqRecords = (await admin.fetchTopicOffsets(dlq)).reduce((n, p) => n + BigInt(p.high), 0n);
      const report = await run.validate(kafka, topic);

      const checks = [
        check('the consumer decoded v1 before the outage', warmed),
        check('records with a cached schema id flowed during the outage', cachedFlowed),
        check('records with a new schema id waited (none processed during the outage)', newProcessedDuringOutage === 0),
        check('they were retried past the route’s max attempts', decodeRetries > 3),
        check('nothing dead-lettered', deadLetteredDuringOutage === 0 && deadLettered === 0 && dlqRecords === 0n),
        check('every acked event processed after the registry returned', caughtUp && report.lost === 0),
        check('order violations 0', report.orderViolations === 0),
        check('lag 0', lagZero),
      ];
      await publishResult({
        id: 'S6',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          ...validatedFigures(report),
          recoveryMs,
          extra: {
            newSchemaIdRecords: newIds.size,
            decodeFailuresRetried: decodeRetries,
            deadLettered,
            outageMs,
          },
        },
        checks,
        notes: ['recovery = registry restarted to every acked event processed'],
      });
      expect({ report, failed: checks.filter((c) => !c.ok) }).toMatchObject({ failed: [] });
    },
    150_000 * figures.timeoutScale,
  );
});
