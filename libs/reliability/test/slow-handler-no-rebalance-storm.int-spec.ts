/**
 * S3. Expected: two members share a stream in which some handlers run 1.5× longer than the
 * session timeout. The runtime heartbeats while they run, so once the group has formed
 * there is no rebalance at all (none, not "few"), nothing is lost, nothing is handled twice
 * and per-key order holds.
 */
import { EventCatalog } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, kafkaJsClient, partitionForKey, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';
import { startSchemaRegistry, testKafka, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';
import { CHECKED_EVENT_TYPE, check, checkedHandler, publishResult, ReliabilityRun, reliabilityProfile, sleep, StampedStream, waitUntil, validatedFigures } from '../src';

const figures = reliabilityProfile();
const PARTITIONS = 6;
const SESSION_TIMEOUT_MS = 6_000;
const SLOW_MS = 9_000;

describe('S3: handlers slower than the session timeout', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let run: ReliabilityRun;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    run = await ReliabilityRun.open('S3', registry.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await run?.close();
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  it(
    'keeps the group stable: no rebalance while slow handlers run',
    async () => {
      const started = Date.now();
      const { events, slowRecords } = figures.s3;
      const topic = await topics.create('s3-slow-handler', PARTITIONS);
      const groupId = topics.group('s3-slow-handler');
      // Slow keys on distinct partitions where possible, so the slow handlers overlap in time.
      const slowKeys = new Set<string>();
      const used = new Set<number>();
      for (let k = 0; slowKeys.size < slowRecords && k < 200; k++) {
        const partition = partitionForKey(`k${k}`, PARTITIONS);
        if (!used.has(partition) || used.size === PARTITIONS) {
          used.add(partition);
          slowKeys.add(`k${k}`);
        }
      }

      const instrumentation = new RuntimeInstrumentation();
      const counts = { rebalances: 0, joins: 0, slowHandled: 0 };
      instrumentation.on(RuntimeEvent.Rebalance, () => counts.rebalances++);
      instrumentation.on(RuntimeEvent.GroupJoined, () => counts.joins++);
      for (const instance of ['m1', 'm2']) {
        const consumer = new EventConsumer({
          client: kafkaJsClient(kafka),
          groupId,
          routes: [
            {
              topic,
              eventType: CHECKED_EVENT_TYPE,
              deadLetter: false,
              handler: checkedHandler(run.log, instance, async (_event, ctx) => {
                if (ctx.headers['reliability-seq']?.toString() === '2' && slowKeys.has(String(ctx.key))) {
                  await sleep(SLOW_MS);
                  counts.slowHandled++;
                }
              }),
            },
          ],
          decoder: new CloudEventAvroDecoder(run.codec, EventCatalog),
          instrumentation,
          concurrency: PARTITIONS,
          sessionTimeoutMs: SESSION_TIMEOUT_MS,
          heartbeatIntervalMs: 1_000,
          shutdownTimeoutMs: 5_000,
        });
        consumers.push(consumer);
        await consumer.start();
      }
      // The group has formed once both members hold an assignment and nothing moved for 2 s.
      await waitUntil(() => counts.joins >= 3, 20_000);
      await sleep(2_000);
      const baseline = { ...counts };

      const stream = new StampedStream(await run.publisher(kafka, topic), run.ledger, run.runId);
      await stream.run({ ratePerSec: 200, count: events });
      await stream.settle();
      const done = await run.waitForAckedProcessed(40_000 * figures.timeoutScale);
      const report = await run.validate(kafka, topic);
      const rebalances = counts.rebalances - baseline.rebalances;

      const checks = [
        check(`${slowKeys.size} handlers ran ${SLOW_MS / 1000} s > session timeout ${SESSION_TIMEOUT_MS / 1000} s`, counts.slowHandled >= slowKeys.size),
        check('no rebalance after the group formed', rebalances === 0 && counts.joins === baseline.joins),
        check('every acked event processed', done),
        check('lost 0, duplicates 0, order violations 0', report.lost === 0 && report.duplicates === 0 && report.orderViolations === 0),
      ];
      await publishResult({
        id: 'S3',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          ...validatedFigures(report),
          extra: { slowHandlers: counts.slowHandled, rebalancesAfterFormation: rebalances, joinsAfterFormation: counts.joins - baseline.joins, members: 2 },
        },
        checks,
      });
      expect({ report, rebalances, failed: checks.filter((c) => !c.ok) }).toMatchObject({ failed: [] });
    },
    90_000 * figures.timeoutScale,
  );
});
