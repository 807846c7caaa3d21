/**
 * S1. Expected: a stream consumed by two member processes, one of which is killed with -9 at
 * random points (short: 3 kills during 10k events; long: 10 during 100k) and replaced at
 * once, loses nothing and never handles seq n of a key before n − 1; duplicates appear
 * (records handled but not yet committed when the kill came) and stay within the
 * uncommitted window of each kill.
 */
import { testBrokers, testKafka, TestTopics, startSchemaRegistry, type SchemaRegistryProcess } from '@eventline/testing';
import { check, ConsumerFleet, publishResult, ReliabilityRun, reliabilityProfile, SeededRandom, sleep, StampedStream, validatedFigures } from '../src';

const figures = reliabilityProfile();
const COMMIT_RECORDS = 500;

describe('S1: kill -9 of consumer processes during a stream', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let run: ReliabilityRun;
  let fleet: ConsumerFleet | undefined;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    run = await ReliabilityRun.open('S1', registry.url);
  }, 60_000);

  afterAll(async () => {
    await fleet?.killAll();
    await run?.close();
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  it(
    'loses nothing and keeps per-key order through repeated kills',
    async () => {
      const started = Date.now();
      const random = SeededRandom.fromEnv();
      const { events, kills, ratePerSec } = figures.s1;
      const topic = await topics.create('s1-consumer-kill', 6);
      const group = topics.group('s1-consumer-kill');
      fleet = new ConsumerFleet({
        TOPIC: topic,
        GROUP: group,
        KAFKA_BROKERS: testBrokers().join(','),
        SCHEMA_REGISTRY_URL: registry.url,
        ...run.fleetDatabase(),
        COMMIT_RECORDS: String(COMMIT_RECORDS),
        COMMIT_MS: '500',
      });
      const members = [fleet.start(), fleet.start()];
      await Promise.all(members.map((m) => fleet!.joined(m)));

      const stream = new StampedStream(await run.publisher(kafka, topic), run.ledger, run.runId);
      const streamMs = (events / ratePerSec) * 1000;
      // Kill points spread over the stream: one per slot, at a random moment inside it.
      const slot = streamMs / kills;
      const killAt = Array.from({ length: kills }, (_, i) => Math.round(i * slot + random.next() * slot * 0.9));
      const streaming = stream.run({ ratePerSec, count: events });
      let lastKillAt = Date.now();
      for (const at of killAt) {
        await sleep(Math.max(0, started + at - Date.now()));
        await fleet.kill(random.pick(fleet.live));
        lastKillAt = Date.now();
        fleet.start();
      }
      await streaming;
      await stream.settle();

      const caughtUp = await run.waitForAckedProcessed(45_000 * figures.timeoutScale);
      const recoveryMs = Date.now() - lastKillAt;
      const report = await run.validate(kafka, topic);
      await fleet.stopAll();

      // Each kill can replay what its member finished but had not committed: at most one
      // count-triggered window, plus what finished while that commit was in flight.
      const duplicateBound = kills * 2 * COMMIT_RECORDS;
      const checks = [
        check('every acked event processed before the deadline', caughtUp),
        check('lost 0', report.lost === 0),
        check('order violations 0', report.orderViolations === 0),
        check(`duplicates ≤ ${duplicateBound} (kills × 2 × commit window)`, report.duplicates <= duplicateBound),
        check(`${kills} kills done`, fleet.counts.killed === kills),
        check('no member crashed on its own', fleet.counts.unexpectedExits === 0),
      ];
      await publishResult({
        id: 'S1',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          ...validatedFigures(report),
          recoveryMs,
          extra: { kills: fleet.counts.killed, processes: fleet.counts.started, duplicatedEvents: report.duplicatedEvents, indeterminate: report.indeterminate, seed: random.seed },
        },
        checks,
        notes: report.lost > 0 ? [`lost: ${report.lostConsumerSkipped} skipped by consumers, ${report.lostBrokerMissing} missing from the topic; e.g. ${report.lostIds.join(', ')}`] : [],
      });
      expect({ report, failed: checks.filter((c) => !c.ok) }).toMatchObject({ failed: [] });
    },
    120_000 * figures.timeoutScale,
  );
});
