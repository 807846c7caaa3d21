/**
 * S4. Expected: on the three-node cluster (replication 3, min.insync.replicas 2) an
 * idempotent EventPublisher streams while the leader of partition 0 is killed with -9 and
 * restarted (short: 2 times; long: 5). Then 2 of the 3 brokers are killed: every send in
 * that window fails — not one is acknowledged (no false ack). After both restart, every
 * acked event is consumed, the topic holds no id twice, and each receipt names where the
 * event really is. Ports 19092-19094; the cluster is stopped here if it was started here.
 */
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { EventCatalog } from '@eventline/contracts';
import { ClusterMode, LocalKafka } from '@eventline/local-kafka';
import { CloudEventAvroDecoder, EventConsumer } from '@eventline/runtime';
import { startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { CHECKED_EVENT_TYPE, check, checkedHandler, publishResult, ReliabilityRun, reliabilityProfile, sleep, StampedStream } from '../src';

const figures = reliabilityProfile();

describe('S4: broker failures on the three-node cluster', () => {
  const cluster = new LocalKafka({ mode: ClusterMode.Three });
  const topic = uniqueName('s4-broker-failures');
  let startedHere = false;
  const touched = new Set<number>();
  let kafka: Kafka;
  let admin: Admin;
  let registry: SchemaRegistryProcess;
  let run: ReliabilityRun;
  let consumer: EventConsumer | undefined;
  let releaseLease: () => void = () => undefined;

  beforeAll(async () => {
    // Other fault specs use the same three-node cluster: one at a time.
    releaseLease = await cluster.lease();
    startedHere = !(await cluster.start()).alreadyRunning;
    kafka = new Kafka({ clientId: 'reliability-s4', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    // kafkajs's waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION right after creation: poll instead.
    await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 3, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    for (let i = 0; i < 300; i++) {
      const ready = await admin.fetchTopicMetadata({ topics: [topic] }).then((m) => m.topics[0].partitions.every((p) => p.leader >= 0), () => false);
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    registry = await startSchemaRegistry();
    run = await ReliabilityRun.open('S4', registry.url);
  }, 780_000);

  afterAll(async () => {
    try {
      await consumer?.stop();
      await run?.close();
      await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin?.disconnect().catch(() => undefined);
      await registry?.stop();
      if (startedHere) await cluster.stop();
      // A cluster someone else started is left as it was found: the nodes killed here come back.
      else if (touched.size > 0) await cluster.start();
    } finally {
      // Whatever failed above, the next fault spec must get the cluster.
      releaseLease();
    }
  }, 180_000);

  it(
    'acks nothing without the in-sync replicas and keeps every acked event exactly once',
    async () => {
      const started = Date.now();
      const publisher = await run.publisher(kafka, topic, { ackTimeoutMs: 3_000, resend: { maxAttempts: 6, initialDelayMs: 200, maxDelayMs: 1_000 } });
      const stream = new StampedStream(publisher, run.ledger, run.runId, 60);
      const { leaderKills, ratePerSec } = figures.s4;

      // Phase 1: leader kills during a stream.
      const streaming = stream.run({ ratePerSec, durationMs: 600_000 });
      const killed: number[] = [];
      for (let i = 0; i < leaderKills; i++) {
        await sleep(1_500);
        const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
        const leader = metadata.topics[0].partitions.find((p) => p.partitionId === 0)?.leader ?? 1;
        touched.add(leader);
        await cluster.killNode(leader);
        killed.push(leader);
        await sleep(2_000);
        await cluster.restartNode(leader);
      }
      await sleep(1_000);
      stream.stop();
      await streaming;
      await stream.settle();
      const beforeOutage = run.ledger.all.length;

      // Phase 2: two of three brokers down — min.insync.replicas 2 cannot be met.
      const down = [1, 2, 3].filter((id) => id !== killed[killed.length - 1]).slice(0, 2);
      for (const id of down) {
        touched.add(id);
        await cluster.killNode(id);
      }
      const outageStarted = Date.now();
      await stream.run({ ratePerSec: 20, durationMs: 3_000 });
      await stream.settle();
      const outage = run.ledger.all.slice(beforeOutage);
      const falseAcks = outage.filter((s) => s.outcome === 'acked').length;

      // Phase 3: back up; consume everything. Both at once: with one controller of three up
      // there is no quorum, so a node restarted alone never becomes ready (restartNode would
      // wait for it forever); start() launches every stopped node together.
      await cluster.start();
      const restored = Date.now();
      consumer = new EventConsumer({
        kafka,
        groupId: uniqueName('s4-consumer'),
        routes: [{ topic, eventType: CHECKED_EVENT_TYPE, deadLetter: false, handler: checkedHandler(run.log, 'm1') }],
        decoder: new CloudEventAvroDecoder(run.codec, EventCatalog),
        sessionTimeoutMs: 10_000,
        heartbeatIntervalMs: 1_000,
        shutdownTimeoutMs: 5_000,
      });
      await consumer.start();
      const consumed = await run.waitForAckedProcessed(60_000);
      const recoveryMs = Date.now() - restored;
      const report = await run.validate(kafka, topic);

      const checks = [
        check(`${leaderKills} leader kills`, killed.length === leaderKills),
        check('no ack while 2 of 3 brokers were down', falseAcks === 0 && outage.length > 0),
        check('every acked event consumed', consumed && report.lost === 0),
        check('0 duplicate ids in the topic', report.topicDuplicateIds === 0),
        check('every receipt names where the event is', report.misplacedAcks === 0),
        check('order violations 0', report.orderViolations === 0),
      ];
      await publishResult({
        id: 'S4',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          events: report.events,
          acked: report.acked,
          lost: report.lost,
          duplicates: report.duplicates,
          orderViolations: report.orderViolations,
          recoveryMs,
          extra: {
            leaderKills: killed.length,
            failed: report.failed,
            indeterminate: report.indeterminate,
            indeterminateInTopic: report.indeterminateProcessed,
            lostConsumerSkipped: report.lostConsumerSkipped,
            lostBrokerMissing: report.lostBrokerMissing,
            outageSends: outage.length,
            outageAcks: falseAcks,
            outageMs: restored - outageStarted,
            topicDuplicateIds: report.topicDuplicateIds ?? -1,
            misplacedAcks: report.misplacedAcks ?? -1,
            clusterStartedHere: String(startedHere),
          },
        },
        checks,
        notes: ['recovery = both brokers restarted to every acked event consumed by a new group'],
      });
      expect({ report, falseAcks, failed: checks.filter((c) => !c.ok) }).toMatchObject({ failed: [] });
    },
    240_000 * figures.timeoutScale,
  );
});
