/**
 * S4. Expected: on the three-node cluster (replication 3, min.insync.replicas 2) an
 * idempotent EventPublisher streams while the leader of partition 0 is killed with -9 and
 * restarted (short: 2 times; long: 5), and then the leader of partition 1 is frozen with
 * SIGSTOP (short: 10 s; long: 30 s) and thawed. Then 2 of the 3 brokers are stopped: every
 * send in that window fails, refused for want of in-sync replicas — not one is acknowledged
 * (no false ack). Both restart, and the
 * stream's acknowledged rate is back to 90 % of its rate within 60 s. Every acked event is
 * consumed, the topic holds no id twice, and each receipt names where the event really is.
 * Ports 19092-19094; the cluster is stopped here if it was started here.
 */
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { EventCatalog } from '@eventline/contracts';
import { ClusterMode, LocalKafka } from '@eventline/local-kafka';
import { CloudEventAvroDecoder, EventConsumer, kafkaJsClient } from '@eventline/runtime';
import { startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { CHECKED_EVENT_TYPE, check, checkedHandler, publishResult, ReliabilityRun, reliabilityProfile, sleep, StampedStream, validatedFigures } from '../src';

const figures = reliabilityProfile();
// kafkajs's messages for NOT_ENOUGH_REPLICAS and NOT_ENOUGH_REPLICAS_AFTER_APPEND.
const IN_SYNC_REFUSAL = /fewer in-sync replicas than required/i;

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
      const { leaderKills, ratePerSec, pauseMs } = figures.s4;

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
      // Phase 1b: a frozen broker (GC pause, stalled VM): its connections stay open but nothing answers.
      await sleep(1_500);
      const pausedLeader = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions.find((p) => p.partitionId === 1)?.leader ?? 2;
      touched.add(pausedLeader);
      const pausedAt = run.ledger.elapsedMs();
      await cluster.pauseNode(pausedLeader);
      try {
        await sleep(pauseMs);
      } finally {
        await cluster.resumeNode(pausedLeader);
      }
      const resumedAt = run.ledger.elapsedMs();
      await sleep(2_000);
      stream.stop();
      await streaming;
      await stream.settle();
      const beforeOutage = run.ledger.all.length;

      // Phase 2: two of three brokers stopped — min.insync.replicas 2 cannot be met. Stopped
      // cleanly, one after the other, as an operator would: each controlled shutdown moves
      // leadership to the survivor and shrinks the ISR to it, so the survivor answers
      // NOT_ENOUGH_REPLICAS (a kill -9 leaves leaders on dead nodes, with no controller quorum
      // to move them: connection errors instead).
      const down = [1, 2, 3].filter((id) => id !== killed[killed.length - 1]).slice(0, 2);
      for (const id of down) {
        touched.add(id);
        await cluster.stopNode(id);
      }
      const outageStarted = Date.now();
      await stream.run({ ratePerSec: 20, durationMs: 3_000 });
      await stream.settle();
      const outage = run.ledger.all.slice(beforeOutage);
      const falseAcks = outage.filter((s) => s.outcome === 'acked').length;

      // Phase 3: back up; consume everything. Both at once: with one controller of three up
      // there is no quorum, so a node restarted alone never becomes ready (restartNode would
      // wait for it forever); start() launches every stopped node together. The stream runs
      // from the restart command on, until a whole second acknowledges 90 % of its rate.
      const restartAt = run.ledger.elapsedMs();
      const recovering = stream.run({ ratePerSec, durationMs: 75_000 });
      await cluster.start();
      const restored = Date.now();
      const throughputBackMs = await ackedRateBack(run, restartAt, ratePerSec * 0.9, 70_000);
      stream.stop();
      await recovering;
      await stream.settle();
      consumer = new EventConsumer({
        client: kafkaJsClient(kafka),
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
        check('sends refused for want of in-sync replicas', outage.some((s) => IN_SYNC_REFUSAL.test(s.error ?? ''))),
        check('throughput back within 60 s of the restart', throughputBackMs !== undefined && throughputBackMs <= 60_000),
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
          ...validatedFigures(report),
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
            outageErrors: [...new Set(outage.map((s) => (s.error ?? '').replace(/\d+/g, 'N').slice(0, 160)))].join(' | '),
            pausedBroker: pausedLeader,
            pauseMs: resumedAt - pausedAt,
            acksDuringPause: run.ledger.all.filter((s) => s.outcome === 'acked' && s.atMs >= pausedAt && s.atMs < resumedAt).length,
            throughputBackMs: throughputBackMs ?? -1,
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

/**
 * Milliseconds from `fromMs` (run time) to the end of the first whole second, after it, in
 * which at least `perSecond` sends were acknowledged; undefined if that did not happen
 * within `withinMs`.
 */
async function ackedRateBack(run: ReliabilityRun, fromMs: number, perSecond: number, withinMs: number): Promise<number | undefined> {
  for (;;) {
    const now = run.ledger.elapsedMs();
    const acks = run.ledger.all.filter((s) => s.outcome === 'acked' && s.atMs >= fromMs).map((s) => s.atMs);
    // Sliding one-second windows ending at each ack, in time order.
    acks.sort((a, b) => a - b);
    for (let end = 0, start = 0; end < acks.length; end++) {
      while (acks[end] - acks[start] >= 1_000) start++;
      if (end - start + 1 >= perSecond) return acks[end] - fromMs;
    }
    if (now - fromMs > withinMs) return undefined;
    await sleep(500);
  }
}
