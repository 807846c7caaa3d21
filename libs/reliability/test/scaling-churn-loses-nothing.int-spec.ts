/**
 * S2. Expected: key-order consumer processes scaled 1 → 3 → 1 under a steady stream, then
 * started and stopped (gracefully) at random every 0–500 ms (short: 20 s; long: 120 s),
 * lose nothing, never handle seq n of a key before n − 1, and handle fewer than 1 % of the
 * events twice: a member that leaves commits what it finished first.
 */
import { ProcessingMode } from '@eventline/runtime';
import { testBrokers, testKafka, TestTopics, startSchemaRegistry, type SchemaRegistryProcess } from '@eventline/testing';
import { check, ConsumerFleet, publishResult, ReliabilityRun, reliabilityProfile, SeededRandom, sleep, StampedStream, type FleetMember, validatedFigures } from '../src';

const figures = reliabilityProfile();
const MAX_MEMBERS = 4;

describe('S2: scaling and churn of consumer processes under load', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let run: ReliabilityRun;
  let fleet: ConsumerFleet | undefined;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    run = await ReliabilityRun.open('S2', registry.url);
  }, 60_000);

  afterAll(async () => {
    await fleet?.killAll();
    await run?.close();
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  it(
    'loses nothing, keeps per-key order and duplicates under 1 %',
    async () => {
      const started = Date.now();
      const random = SeededRandom.fromEnv();
      const { ratePerSec, phaseMs, chaosMs } = figures.s2;
      const topic = await topics.create('s2-scaling', 6);
      fleet = new ConsumerFleet({
        TOPIC: topic,
        GROUP: topics.group('s2-scaling'),
        KAFKA_BROKERS: testBrokers().join(','),
        SCHEMA_REGISTRY_URL: registry.url,
        ...run.fleetDatabase(),
        MODE: ProcessingMode.KeyOrder,
        COMMIT_RECORDS: '200',
        COMMIT_MS: '200',
      });
      const f = fleet;
      const first = f.start();
      await f.joined(first);

      const stream = new StampedStream(await run.publisher(kafka, topic), run.ledger, run.runId);
      const streaming = stream.run({ ratePerSec, durationMs: 3 * phaseMs + chaosMs });

      // 1 → 3 → 1
      await sleep(phaseMs);
      const extra = [f.start(), f.start()];
      await Promise.all(extra.map((m) => f.joined(m)));
      await sleep(phaseMs);
      await Promise.all(extra.map((m) => f.stop(m)));
      await sleep(phaseMs);

      // Churn: a start or a graceful stop every 0–500 ms, between 1 and MAX_MEMBERS members.
      const leaving = new Set<FleetMember>();
      const stops: Array<Promise<void>> = [];
      const chaosUntil = Date.now() + chaosMs;
      let actions = 0;
      while (Date.now() < chaosUntil) {
        await sleep(random.int(0, 500));
        const staying = f.live.filter((m) => !leaving.has(m));
        const start = staying.length <= 1 || (staying.length < MAX_MEMBERS && random.next() < 0.5);
        if (start) f.start();
        else {
          const member = random.pick(staying);
          leaving.add(member);
          stops.push(f.stop(member));
        }
        actions++;
      }
      await streaming;
      await stream.settle();
      await Promise.all(stops);
      const churnEnded = Date.now();
      if (f.live.length === 0) f.start();

      const caughtUp = await run.waitForAckedProcessed(40_000 * figures.timeoutScale);
      const recoveryMs = Date.now() - churnEnded;
      const report = await run.validate(kafka, topic);
      await f.stopAll();

      const duplicateRate = report.acked === 0 ? 0 : report.duplicates / report.acked;
      const checks = [
        check('every acked event processed before the deadline', caughtUp),
        check('lost 0', report.lost === 0),
        check('order violations 0', report.orderViolations === 0),
        check('duplicates < 1 %', duplicateRate < 0.01),
      ];
      await publishResult({
        id: 'S2',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          ...validatedFigures(report),
          recoveryMs,
          extra: {
            duplicateRatePct: Number((duplicateRate * 100).toFixed(3)),
            duplicatedEvents: report.duplicatedEvents,
            duplicatesSameInstance: report.duplicatesSameInstance,
            churnActions: actions,
            processesStarted: f.counts.started,
            gracefulStops: f.counts.stopped,
            unexpectedExits: f.counts.unexpectedExits,
            seed: random.seed,
          },
        },
        checks,
        notes: ['recovery = end of churn (all stops finished) to every acked event processed'],
      });
      expect({ report, failed: checks.filter((c) => !c.ok) }).toMatchObject({ failed: [] });
    },
    120_000 * figures.timeoutScale,
  );
});
