import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult, TargetCheck } from '../report/result.types';
import { benchEncoder } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';
import { RunLog } from '../support/run-log';
import { formatNumber, formatSummary, summarize } from '../support/stats';
import { waitUntil } from '../support/waiting';
import { startMember, type Member, type MemberEnv } from './s7-members';
import { duplicatesWithin, longestGap, lost, phaseFigures, type Processed } from './s7-rebalance.analysis';
import { S7_SETTINGS } from './s7-rebalance.settings';
import { SteadyStream } from './s7-steady-stream';

const GROUP = 'Eventline EventConsumer group (member processes)';
const STEADY = 'steady (2 members)';
const JOIN = 'join (2 → 3)';
const LEAVE = 'clean leave (3 → 2, SIGTERM)';
const KILL = 'kill -9 (2 → 1)';
const TARGET_JOIN_GAP_MS = 1_500;

const clock = () => performance.timeOrigin + performance.now();

/** Every live member's latest assignment together covers every partition once: the group settled. */
function settled(members: readonly Member[]): boolean {
  const live = members.filter((m) => !m.exited);
  const owned = live.flatMap((m) => Object.values(m.joins[m.joins.length - 1]?.assignment ?? {}).flat());
  return live.every((m) => m.joins.length > 0) && owned.length === PARTITIONS && new Set(owned).size === PARTITIONS;
}

/** Records of every partition processed after `since`, by anyone: the group is consuming everything again. */
function allPartitionsSince(members: readonly Member[], since: number): boolean {
  const seen = new Set(members.flatMap((m) => m.processed.filter((r) => r.at > since).map((r) => r.partition)));
  return seen.size === PARTITIONS;
}

/**
 * S7: a consumer group of EventConsumer member processes under a steady load. Two members run;
 * a third joins, then leaves cleanly (SIGTERM), then one of the first two is killed with -9.
 * After each change, the longest processing gap on partitions that stayed with their member
 * and on those that moved, the new member's time to its first record, and records processed
 * twice; at the end, acknowledged records never processed (must be 0).
 */
export const s7Rebalance: Scenario = {
  id: 'S7',
  title: 'Rebalance (time to resume, records redone)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const settings = S7_SETTINGS[ctx.profile.name];
    const log = new RunLog('S7', ctx.log);
    const codec = await ctx.codec();
    const registry = await ctx.registry();
    let totalLost = 0;
    let totalAcknowledged = 0;
    for (let rep = 1; rep <= settings.reps; rep++) {
      const topic = await ctx.topics.create('bench-s7', PARTITIONS);
      const encoder = await benchEncoder(codec, topic);
      const env: MemberEnv = {
        BENCH_BROKERS: ctx.brokers.join(','),
        BENCH_TOPIC: topic,
        BENCH_GROUP: ctx.topics.group('bench-s7'),
        BENCH_REGISTRY_URL: registry.url,
        BENCH_SESSION_MS: String(settings.sessionTimeoutMs),
        BENCH_HEARTBEAT_MS: String(settings.heartbeatIntervalMs),
      };
      const producer = ctx.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      const stream = new SteadyStream(producer, topic, encoder, settings.ratePerSecond, 10 * 60_000);
      const members: Member[] = [];
      try {
        const [a, b] = [startMember('a', env), startMember('b', env)];
        members.push(a, b);
        await Promise.all([a.joined(), b.joined()]);
        await waitUntil('S7: two members to share the partitions', () => settled(members), 60_000, 20);
        const streamStart = clock();
        stream.start();
        await sleep(settings.settleMs);

        const joinAt = clock();
        const c = startMember('c', env);
        members.push(c);
        await waitUntil('S7: the joining member to process a record', () => c.firstRecordAt !== undefined || c.exited, 60_000, 10);
        await sleep(settings.settleMs);

        const leaveAt = clock();
        await c.stop();
        await sleep(settings.settleMs);

        const killAt = clock();
        await b.kill();
        await waitUntil('S7: the survivor to process every partition after the kill', () => allPartitionsSince([a], killAt), settings.sessionTimeoutMs + 60_000, 20);
        await sleep(settings.settleMs);
        const killEnd = clock();

        await stream.stop();
        await waitUntil(`S7: every acknowledged record processed`, () => lost(stream.acknowledged, members.flatMap((m) => m.processed)) === 0, 60_000, 100).catch(() => undefined);
        await a.stop();

        const all: Processed[] = members.flatMap((m) => m.processed);
        const lostNow = lost(stream.acknowledged, all);
        totalLost += lostNow;
        totalAcknowledged += stream.acknowledged.size;
        const steadyGap = Math.max(...Array.from({ length: PARTITIONS }, (_, p) => longestGap(all, p, streamStart + 1_000, joinAt)));
        log.add({ peer: GROUP, case: STEADY, rep, value: steadyGap, unit: 'ms longest gap', extra: { partitions: PARTITIONS } });
        const phases: Array<[string, number, number]> = [
          [JOIN, joinAt, leaveAt],
          [LEAVE, leaveAt, killAt],
          [KILL, killAt, killEnd],
        ];
        for (const [name, from, to] of phases) {
          const f = phaseFigures(all, PARTITIONS, from, to);
          const extra: Record<string, number | string> = {
            'unmoved partitions': f.unmoved.join(',') || 'none',
            'moved partitions': f.moved.join(',') || 'none',
            'longest gap moved ms': f.longestGapMovedMs ?? '—',
            duplicates: duplicatesWithin(all, from, to),
          };
          if (name === JOIN) {
            extra['new member: start() → first record ms'] = (c.firstRecordAt ?? Number.NaN) - (c.startedAt ?? Number.NaN);
            extra['new member: spawn → first record ms'] = (c.firstRecordAt ?? Number.NaN) - joinAt;
          }
          log.add({ peer: GROUP, case: name, rep, value: f.longestGapUnmovedMs ?? Number.NaN, unit: 'ms longest gap (unmoved)', extra });
        }
        ctx.log(`[S7] rep ${rep}: ${stream.acknowledged.size} acknowledged, ${all.length} processings, ${lostNow} lost, ${duplicatesWithin(all)} duplicates in all`);
      } finally {
        await stream.stop().catch(() => undefined);
        await Promise.all(members.map((m) => m.kill()));
        await producer.disconnect();
        await ctx.topics.cleanup();
      }
    }

    const figure = (caseName: string, key?: string) => {
      const values = log.of(GROUP, caseName).map((r) => (key ? Number(r.extra?.[key]) : r.value)).filter((v) => Number.isFinite(v));
      return values.length > 0 ? summarize(values) : undefined;
    };
    const cell = (caseName: string, key?: string) => {
      const s = figure(caseName, key);
      return s ? formatSummary(s) : '—';
    };
    const duplicates = (caseName: string) => log.of(GROUP, caseName).reduce((sum, r) => sum + Number(r.extra?.duplicates ?? 0), 0);
    const join = figure(JOIN);
    const targets: TargetCheck[] = [
      join
        ? { name: 'S7 a join: longest processing gap on partitions that did not move', target: `≤ ${formatNumber(TARGET_JOIN_GAP_MS)} ms`, measured: `${formatNumber(join.median)} ms`, met: join.median <= TARGET_JOIN_GAP_MS, margin: join.median <= TARGET_JOIN_GAP_MS ? `${formatNumber(TARGET_JOIN_GAP_MS - join.median)} ms below` : `${formatNumber(join.median - TARGET_JOIN_GAP_MS)} ms over` }
        : { name: 'S7 a join: longest processing gap on partitions that did not move', target: `≤ ${formatNumber(TARGET_JOIN_GAP_MS)} ms`, measured: 'no partition kept its member', met: null, margin: '—' },
      { name: 'S7 acknowledged records never processed', target: '0', measured: `${totalLost} of ${formatNumber(totalAcknowledged)}`, met: totalLost === 0, margin: totalLost === 0 ? '—' : `${totalLost} lost` },
    ];
    return ctx.result('S7', this.title, {
      method:
        `${formatNumber(settings.ratePerSecond)} records/s (Eventline OrderPlaced, Avro + CloudEvents) round-robin over ${PARTITIONS} partitions, from an idempotent ` +
        'acks=all kafkajs producer, into one consumer group whose members are separate OS processes (swc-node, as the apps run): an EventConsumer each, ' +
        `CloudEventAvroDecoder against the registry, partition order, commit after processing, session timeout ${formatNumber(settings.sessionTimeoutMs)} ms, ` +
        `heartbeat every ${formatNumber(settings.heartbeatIntervalMs)} ms (as the reliability suite's members; the runtime's defaults are 30 s / 3 s). ` +
        'Each handler prints its record (time, partition, offset, ce_id) before returning. Sequence: members a and b share the partitions; ' +
        `after ${formatNumber(settings.settleMs)} ms of steady load member c is spawned (join), then stopped with SIGTERM (clean leave: ` +
        'finishes, commits, leaves the group), then b is killed with -9; each change is followed by the same settle time. A partition "did not move" ' +
        'when the member that processed it last before the change is the one processing it at the end of the phase. Gap: the longest time without a ' +
        'processed record on a partition, from 1 s before the change to the end of its phase (the steady row: the same over the steady load before the join). ' +
        'kafkajs uses the eager rebalance protocol: every member gives up every partition at a rebalance, so partitions that keep their member pause too. ' +
        'Duplicates: processings of a partition and offset seen before, counted in the phase where the repeat happened. Lost: acknowledged ids that no member processed.',
      runs: log.runs,
      tables: [
        {
          header: ['change', 'longest gap, partitions that kept their member (ms)', 'longest gap, partitions that moved (ms)', 'new member: start() → first record (ms)', 'new member: spawn → first record (ms)', 'duplicates (all runs)'],
          rows: [
            [STEADY, cell(STEADY), '—', '—', '—', '—'],
            [JOIN, cell(JOIN), cell(JOIN, 'longest gap moved ms'), cell(JOIN, 'new member: start() → first record ms'), cell(JOIN, 'new member: spawn → first record ms'), String(duplicates(JOIN))],
            [LEAVE, cell(LEAVE), cell(LEAVE, 'longest gap moved ms'), '—', '—', String(duplicates(LEAVE))],
            [KILL, cell(KILL), cell(KILL, 'longest gap moved ms'), '—', '—', String(duplicates(KILL))],
          ],
        },
      ],
      targets,
      notes: [`Acknowledged records: ${formatNumber(totalAcknowledged)} over ${settings.reps} repetition(s); lost: ${totalLost}.`],
    });
  },
};
