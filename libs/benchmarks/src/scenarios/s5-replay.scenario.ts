import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult, TargetCheck } from '../report/result.types';
import { produceBacklog } from '../support/backlog';
import { benchEncoder, eventlineMessage } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';
import { formatShare, RunLog } from '../support/run-log';
import { formatMargin, formatNumber, formatRatio, formatSummary, summarize } from '../support/stats';
import { cliReplay, kafkajsReplay, type ReplayRun, type ReplayStart } from './s5-replay-peers';
import { S5_SETTINGS } from './s5-replay.settings';

const CLI = '`eventline replay` (CLI process, JSON summary)';
const KAFKAJS = 'raw kafkajs consume → produce loop (same copy, same headers)';
const CASES = ['from offset', 'from time'] as const;
/** The CLI issue's performance target: replay records/s vs a raw kafkajs loop doing the same copy. */
const TARGET = 0.8;

async function heldRecords(ctx: BenchContext, topic: string): Promise<bigint> {
  const offsets = await (await ctx.topics.admin()).fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + BigInt(p.high) - BigInt(p.low), 0n);
}

/**
 * S5: replay throughput. The source holds 2N records spread evenly over 6 partitions, written
 * in two halves a few milliseconds apart; each peer copies the second half (N records) into a
 * fresh 6-partition target, starting from an offset (N/6 in every partition) or from the time
 * between the halves. Peer order alternates per case and repetition.
 */
export const s5Replay: Scenario = {
  id: 'S5',
  title: 'Replay throughput (`eventline replay`)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const { records } = S5_SETTINGS[ctx.profile.name];
    const perPartition = Math.ceil(records / PARTITIONS);
    const copied = perPartition * PARTITIONS;
    const log = new RunLog('S5', ctx.log);
    const codec = await ctx.codec();
    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      const source = await ctx.topics.create('bench-s5-source', PARTITIONS);
      const encoder = await benchEncoder(codec, source);
      // Explicit partitions, round-robin, so every partition holds exactly perPartition records per half.
      const message = (i: number) => ({ ...eventlineMessage(encoder, i), partition: i % PARTITIONS });
      await produceBacklog(ctx.kafka, source, copied, message);
      // Every record of the first half was stamped before `between`, every one of the second after it.
      await sleep(5);
      const between = Date.now();
      await sleep(5);
      await produceBacklog(ctx.kafka, source, copied, (i) => message(copied + i));
      const starts: Record<(typeof CASES)[number], ReplayStart> = {
        'from offset': { kind: 'offset', offset: BigInt(perPartition) },
        'from time': { kind: 'time', at: between },
      };
      for (const [c, caseName] of CASES.entries()) {
        const peers: Array<[string, (target: string) => Promise<ReplayRun>]> = [
          [CLI, (target) => cliReplay(ctx, source, target, starts[caseName])],
          [KAFKAJS, (target) => kafkajsReplay(ctx, source, target, starts[caseName], copied)],
        ];
        for (const [peer, run] of (rep + c) % 2 === 1 ? peers : [...peers].reverse()) {
          const target = await ctx.topics.create('bench-s5-target', PARTITIONS);
          const result = await run(target);
          const held = await heldRecords(ctx, target);
          if (result.copied !== copied || held !== BigInt(copied)) throw new Error(`[S5] ${peer} ${caseName}: copied ${result.copied}, target holds ${held}, expected ${copied}`);
          log.add({ peer, case: caseName, rep, value: result.recordsPerSecond, unit: 'rec/s', cpu: result.cpu, extra: { 'wall s': result.wallSeconds } });
        }
      }
      await ctx.topics.cleanup();
    }

    const targets: TargetCheck[] = [];
    const rows: string[][] = [];
    for (const caseName of CASES) {
      const ours = log.required(CLI, caseName);
      const raw = log.required(KAFKAJS, caseName);
      for (const peer of [CLI, KAFKAJS]) {
        const s = log.required(peer, caseName);
        const wall = summarize(log.of(peer, caseName).map((r) => Number(r.extra?.['wall s'])));
        rows.push([caseName, peer, formatSummary(s), formatRatio(s.median, raw.median), formatSummary(wall, 2), `${formatShare(log.cpuShares(peer, caseName).broker)}`]);
      }
      const ratio = ours.median / raw.median;
      targets.push({ name: `S5 replay ${caseName} vs raw kafkajs copy loop`, target: `≥ ${TARGET}×`, measured: formatRatio(ours.median, raw.median), met: ratio >= TARGET, margin: formatMargin(ratio, TARGET) });
    }
    return ctx.result('S5', this.title, {
      method:
        `The source topic holds ${formatNumber(2 * copied)} Eventline records (Avro OrderPlaced, CloudEvents headers) over ${PARTITIONS} partitions, ` +
        `written in two halves; each run copies the second half, ${formatNumber(copied)} records, into a fresh ${PARTITIONS}-partition target, ` +
        `starting at offset ${formatNumber(perPartition)} of every partition (\`--from-offset\`) or at the time between the halves (\`--from-time\`, ISO 8601). ` +
        'The CLI runs as an operator runs it (`node apps/cli/bin/eventline.cjs replay … --json`, swc-node, partitions kept, idempotent acks=all producer, ' +
        'provenance headers, acknowledged-partition check, a fresh target so its resume scan finds nothing); its rate is its own JSON summary ' +
        '(copied / elapsed from the start of the copy, read-group join included). The raw loop is measured the same way, from connecting to the last ' +
        'acknowledged send, with offsets looked up before its clock as the CLI plans before its. After every run the target must hold exactly the copied records. ' +
        'Kafka ships no tool that copies an offset or time range between topics with headers (MirrorMaker 2 mirrors whole topics to another cluster; ' +
        'the console consumer/producer pair does not carry headers or binary values faithfully), so no Kafka-tool peer is shown.',
      runs: log.runs,
      tables: [{ header: ['case', 'peer', 'rec/s', 'vs raw kafkajs', 'wall s (CLI: whole process)', 'CPU broker'], rows }],
      targets,
      notes: ['CPU "node" in the per-run figures is this suite\'s process: for the CLI runs the copy happens in the child and is not in it.'],
      ceilingComparables: [
        { label: `${CLI}, from offset (read + write)`, kind: 'produce', recordsPerSecond: log.required(CLI, 'from offset').median },
        { label: `${KAFKAJS}, from offset (read + write)`, kind: 'produce', recordsPerSecond: log.required(KAFKAJS, 'from offset').median },
      ],
    });
  },
};
