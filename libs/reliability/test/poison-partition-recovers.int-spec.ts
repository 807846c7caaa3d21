/**
 * S5. Expected: on one partition, among good records, four bad ones — random bytes, an
 * unknown schema id, a record whose handler always throws, a record whose handler fails
 * twice then succeeds. The first three end in the dead-letter topic (the undecodable ones
 * at attempt 1, the throwing one after the configured 3 attempts) with key, value bytes and
 * original headers intact; the fourth is processed on its third attempt; every good record
 * is processed once and in order; the group's lag is back to 0 within 30 s; the consumer
 * never crashes or rejoins (no restart loop).
 */
import { randomBytes } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { buildCloudEventHeaders, EventCatalog, type OrderPaid } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, kafkaJsClient, parseDeadLetterHeaders, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';
import { startSchemaRegistry, testKafka, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';
import {
  CHECKED_EVENT_TYPE,
  check,
  checkedHandler,
  groupLag,
  publishResult,
  ReliabilityRun,
  reliabilityProfile,
  StampHeader,
  stampedPayment,
  stampId,
  waitUntil,
  type EventStamp,
} from '../src';

const figures = reliabilityProfile();
const GOOD_PER_PARTITION = 40;
const MAX_ATTEMPTS = 3;
const LAG_DEADLINE_MS = 30_000;

const textHeaders = (headers: IHeaders | undefined) => Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));

describe('S5: poison records on one partition', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let run: ReliabilityRun;
  let consumer: EventConsumer | undefined;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    run = await ReliabilityRun.open('S5', registry.url);
  }, 60_000);

  afterAll(async () => {
    await consumer?.stop();
    await run?.close();
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  it(
    'dead-letters the three bad records intact, processes the flaky one, and catches up',
    async () => {
      const started = Date.now();
      const topic = await topics.create('s5-poison', 3);
      const dlq = await topics.createNamed(`${topic}.dlq`, 3);
      const encoder = await run.codec.encoderFor<OrderPaid>({ subject: `${topic}-${CHECKED_EVENT_TYPE}`, schema: EventCatalog[CHECKED_EVENT_TYPE].schema });

      const stamped = (key: string, seq: number) => {
        const stamp: EventStamp = { id: stampId(run.runId, key, seq), key, seq };
        const headers = { ...buildCloudEventHeaders({ id: stamp.id, type: CHECKED_EVENT_TYPE, source: '/eventline/reliability' }), [StampHeader.Sequence]: String(seq) };
        return { stamp, key, value: encoder.encode(stampedPayment(stamp)), headers };
      };
      // Partition 0 carries the bad records between good ones of the same key.
      const bad = {
        randomBytes: { ...stamped('bad-bytes', 1), value: randomBytes(64) },
        unknownSchema: (() => {
          const r = stamped('bad-schema', 1);
          return { ...r, value: Buffer.concat([Buffer.from([0, 0x7f, 0xff, 0xff, 0xf1]), r.value.subarray(5)]) };
        })(),
        alwaysThrows: stamped('always-throws', 1),
        failsTwice: stamped('fails-twice', 1),
      };
      const plan: Array<{ partition: number; record: ReturnType<typeof stamped>; checked: boolean }> = [];
      for (let partition = 0; partition < 3; partition++) {
        for (let i = 1; i <= GOOD_PER_PARTITION; i++) {
          plan.push({ partition, record: stamped(`p${partition}-key${i % 4}`, Math.ceil(i / 4)), checked: true });
          if (partition === 0 && i === 8) plan.push({ partition, record: bad.randomBytes, checked: false });
          if (partition === 0 && i === 16) plan.push({ partition, record: bad.unknownSchema, checked: false });
          if (partition === 0 && i === 24) plan.push({ partition, record: bad.alwaysThrows, checked: false });
          if (partition === 0 && i === 32) plan.push({ partition, record: bad.failsTwice, checked: true });
        }
      }
      const producer = kafka.producer({ idempotent: true });
      await producer.connect();
      for (const { partition, record, checked } of plan) {
        const [meta] = await producer.send({ topic, acks: -1, messages: [{ partition, key: record.key, value: record.value, headers: record.headers }] });
        if (checked) run.ledger.acked(record.stamp, partition, meta.baseOffset ?? '-1');
      }
      await producer.disconnect();

      const instrumentation = new RuntimeInstrumentation();
      const counts = { crashed: 0, joined: 0, rebalances: 0, deadLettered: 0 };
      instrumentation.on(RuntimeEvent.ConsumerCrashed, () => counts.crashed++);
      instrumentation.on(RuntimeEvent.GroupJoined, () => counts.joined++);
      instrumentation.on(RuntimeEvent.Rebalance, () => counts.rebalances++);
      instrumentation.on(RuntimeEvent.RecordDeadLettered, () => counts.deadLettered++);
      consumer = new EventConsumer({
        client: kafkaJsClient(kafka),
        groupId: topics.group('s5-poison'),
        routes: [
          {
            topic,
            eventType: CHECKED_EVENT_TYPE,
            retry: { maxAttempts: MAX_ATTEMPTS, initialDelayMs: 100, maxDelayMs: 400 },
            handler: checkedHandler<OrderPaid>(run.log, 'm1', (event, ctx) => {
              if (event.orderId === 'always-throws') throw new Error('handler always fails for this record');
              if (event.orderId === 'fails-twice' && ctx.attempt < 3) throw new Error(`transient failure, attempt ${ctx.attempt}`);
            }),
          },
        ],
        decoder: new CloudEventAvroDecoder(run.codec, EventCatalog),
        instrumentation,
        sessionTimeoutMs: 10_000,
        heartbeatIntervalMs: 1_000,
        shutdownTimeoutMs: 5_000,
      });
      const consumerStarted = Date.now();
      await consumer.start();
      const admin = await topics.admin();
      const caughtUp = await waitUntil(async () => (await groupLag(admin, consumer!.groupId, topic)) === 0n, LAG_DEADLINE_MS, 100);
      const recoveryMs = Date.now() - consumerStarted;
      // Let a restart loop, if there were one, show itself after catching up.
      await new Promise((resolve) => setTimeout(resolve, 2_000));

      const report = await run.validate(kafka, topic);
      const letters = await readDeadLetters(dlq);
      const expectedLetters = [bad.randomBytes, bad.unknownSchema, bad.alwaysThrows];
      const intact = expectedLetters.map((original) => {
        const letter = letters.find((l) => l.key === original.key);
        if (!letter) return false;
        const headers = textHeaders(letter.headers);
        const originalHeaders = textHeaders(original.headers);
        return letter.value.equals(original.value) && Object.entries(originalHeaders).every(([k, v]) => headers[k] === v);
      });
      const attempts = expectedLetters.map((original) => {
        const letter = letters.find((l) => l.key === original.key);
        return letter ? parseDeadLetterHeaders(letter.headers).attempts : -1;
      });
      const processedFlaky = (await run.log.readAll()).filter((p) => p.key === 'fails-twice').length;

      const checks = [
        check('exactly the 3 bad records dead-lettered', letters.length === 3 && intact.every(Boolean)),
        check('key, value bytes and original headers intact', intact.every(Boolean)),
        check(`attempts: undecodable 1, throwing ${MAX_ATTEMPTS}`, attempts.join(',') === `1,1,${MAX_ATTEMPTS}`),
        check('fail-twice record processed once', processedFlaky === 1),
        check(`lag 0 within ${LAG_DEADLINE_MS / 1000} s`, caughtUp),
        check('lost 0, duplicates 0, order violations 0', report.lost === 0 && report.duplicates === 0 && report.orderViolations === 0),
        check('no restart loop: one group join, no crash', counts.joined === 1 && counts.crashed === 0),
      ];
      await publishResult({
        id: 'S5',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          events: plan.length,
          acked: run.ledger.count('acked'),
          lost: report.lost,
          duplicates: report.duplicates,
          orderViolations: report.orderViolations,
          recoveryMs,
          extra: { deadLetters: letters.length, attempts: attempts.join('/'), groupJoins: counts.joined, crashes: counts.crashed, rebalances: counts.rebalances },
        },
        checks,
        notes: ['recovery = consumer start to group lag 0 on all three partitions (including the retry backoffs)'],
      });
      expect({ report, letters: letters.map((l) => l.key), attempts, failed: checks.filter((c) => !c.ok) }).toMatchObject({ failed: [] });
    },
    60_000,
  );

  async function readDeadLetters(dlq: string): Promise<Array<{ key: string; value: Buffer; headers: IHeaders | undefined }>> {
    const admin = await topics.admin();
    const ends = await admin.fetchTopicOffsets(dlq);
    const total = ends.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
    const seen: Array<{ key: string; value: Buffer; headers: IHeaders | undefined }> = [];
    if (total === 0) return seen;
    const reader = kafka.consumer({ groupId: topics.group('s5-dlq-reader'), maxWaitTimeInMs: 200 });
    await reader.connect();
    await reader.subscribe({ topic: dlq, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push({ key: String(message.key), value: message.value ?? Buffer.alloc(0), headers: message.headers }) });
    await waitUntil(() => seen.length >= total, 20_000);
    await reader.disconnect();
    return seen;
  }
});
