import type { AvroCodec } from '@eventline/codec';
import type { BenchContext } from '../bench-context';
import { produceBacklog } from '../support/backlog';
import { benchEncoder, eventlineMessage, unregisteredAvroValue } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';
import { formatNumber } from '../support/stats';
import type { CompareSizes } from './compare-profile';
import { Better, Metric, Tree, type ComparisonCheck, type ComparisonRun, type RowSpec } from './comparison.types';
import type { ProbeProcess, RequestBody } from './probe-process';

/** The arm names, as the runs and rows of the report carry them. */
export const ARM = {
  baseline: Tree.Baseline,
  current: Tree.Current,
  intercepted: 'current + 1 no-op interceptor',
} as const;

/** A tree plus the request that measures it; `prepared` is what the repetition's preparation returned (a topic). */
export interface Arm {
  readonly name: string;
  readonly probe: ProbeProcess;
  readonly body: (prepared: string) => RequestBody;
}

export interface CompareEnv {
  /** The parent's context: it writes the backlogs that both trees read, with the parent's registry. */
  readonly ctx: BenchContext;
  readonly sizes: CompareSizes;
  readonly probes: Readonly<Record<Tree, ProbeProcess>>;
  readonly codec: () => Promise<AvroCodec>;
}

export interface ComparedScenario {
  readonly id: string;
  reps(sizes: CompareSizes): number;
  arms(env: CompareEnv): readonly Arm[];
  /** Unrecorded runs of every arm before the first repetition (JIT warm-up of Node and the broker), with what to prepare for them. */
  warmup?(env: CompareEnv): Promise<{ readonly arms: readonly Arm[]; readonly prepared: string }>;
  /** Before each repetition's arms: e.g. the backlog they all read. */
  prepare?(env: CompareEnv, rep: number): Promise<string>;
  rows(sizes: CompareSizes): readonly RowSpec[];
  checks?(runs: readonly ComparisonRun[]): readonly ComparisonCheck[];
  /** What this scenario's rows mean, for the report's method paragraph. */
  describe(sizes: CompareSizes): string;
}

/**
 * Beside each throughput row, the same arms in records per CPU-second of the tree's process:
 * the issue bounds throughput, but on a shared machine the CPU a record costs is what still
 * shows a regression of a few percent. Diagnostic, with the throughput row's bound.
 */
const PER_CPU = { case: '', metric: Metric.PerCpuSecond, better: Better.Higher, bound: 0.97 } as const;
const PER_CPU_FIGURE = 'records per CPU-second (diagnostic)';

const withBodies = (env: CompareEnv, bodies: ReadonlyArray<[string, Tree, (prepared: string) => RequestBody]>): Arm[] =>
  bodies.map(([name, tree, body]) => ({ name, probe: env.probes[tree], body }));

async function avroBacklog(env: CompareEnv, records: number, prefix: string): Promise<string> {
  const topic = await env.ctx.topics.create(prefix, PARTITIONS);
  const encoder = await benchEncoder(await env.codec(), topic);
  const rate = await produceBacklog(env.ctx.kafka, topic, records, (i) => eventlineMessage(encoder, i));
  env.ctx.log(`[compare] ${topic}: ${formatNumber(records)} Avro records written at ${formatNumber(rate)} rec/s`);
  return topic;
}

const s2Arms = (env: CompareEnv, records: number) =>
  withBodies(env, [
    [ARM.baseline, Tree.Baseline, () => ({ op: 'S2', records })],
    [ARM.current, Tree.Current, () => ({ op: 'S2', records })],
  ]);

const s2: ComparedScenario = {
  id: 'S2',
  reps: (sizes) => sizes.s2.reps,
  arms: (env) => s2Arms(env, env.sizes.s2.records),
  warmup: async (env) => ({ arms: s2Arms(env, env.sizes.s2.warmupRecords), prepared: '' }),
  rows: () => [
    { scenario: 'S2', figure: 'Eventline publisher (publishMany), rec/s', case: '', baselineArm: ARM.baseline, currentArm: ARM.current, better: Better.Higher, bound: 0.97 },
    { ...PER_CPU, scenario: 'S2', figure: `Eventline publisher, ${PER_CPU_FIGURE}`, baselineArm: ARM.baseline, currentArm: ARM.current },
  ],
  describe: (sizes) =>
    `S2: each tree's \`eventlinePublish\` (s2-producer-peers.ts) writes ${formatNumber(sizes.s2.records)} records to a fresh 6-partition topic of its own, ` +
    `after one unrecorded run of ${formatNumber(sizes.s2.warmupRecords)} per tree.`,
};

const s3Arms = (env: CompareEnv, records: number) =>
  withBodies(env, [
    [ARM.baseline, Tree.Baseline, (topic) => ({ op: 'S3', topic, records, interceptor: false })],
    [ARM.current, Tree.Current, (topic) => ({ op: 'S3', topic, records, interceptor: false })],
    [ARM.intercepted, Tree.Current, (topic) => ({ op: 'S3', topic, records, interceptor: true })],
  ]);

const s3: ComparedScenario = {
  id: 'S3',
  reps: (sizes) => sizes.s3.reps,
  arms: (env) => s3Arms(env, env.sizes.s3.records),
  warmup: async (env) => ({ arms: s3Arms(env, env.sizes.s3.warmupRecords), prepared: await avroBacklog(env, env.sizes.s3.warmupRecords, 'bench-cmp-s3-warmup') }),
  prepare: (env) => avroBacklog(env, env.sizes.s3.records, 'bench-cmp-s3'),
  rows: () => [
    { scenario: 'S3', figure: 'Eventline consumer, no interceptor, rec/s', case: '', baselineArm: ARM.baseline, currentArm: ARM.current, better: Better.Higher, bound: 0.97 },
    {
      scenario: 'S3',
      figure: 'Eventline consumer with 1 no-op interceptor (current) vs without (baseline), rec/s',
      case: '',
      baselineArm: ARM.baseline,
      currentArm: ARM.intercepted,
      better: Better.Higher,
      bound: 0.9,
    },
    { ...PER_CPU, scenario: 'S3', figure: `Eventline consumer, no interceptor, ${PER_CPU_FIGURE}`, baselineArm: ARM.baseline, currentArm: ARM.current },
    { ...PER_CPU, scenario: 'S3', figure: `Eventline consumer with 1 no-op interceptor vs without (baseline), ${PER_CPU_FIGURE}`, baselineArm: ARM.baseline, currentArm: ARM.intercepted, bound: 0.9 },
  ],
  describe: (sizes) =>
    `S3: one backlog of ${formatNumber(sizes.s3.records)} Avro records (CloudEvents headers, 6 partitions) per repetition, written by the parent and read to the end ` +
    "by three arms with a consumer group each: the baseline's `eventlineConsume`, the current tree's, and the current tree's `eventlineConsumeIntercepted` " +
    '(the same consumer with `interceptors: [(_invocation, next) => next()]`, counting its calls; not applicable on a runtime that never calls it). ' +
    `The three arms rotate their order per repetition; each tree first reads an unrecorded backlog of ${formatNumber(sizes.s3.warmupRecords)}.`,
};

const s6: ComparedScenario = {
  id: 'S6',
  reps: (sizes) => sizes.s6.reps,
  arms: (env) => {
    const { records, keyCounts, handlerMs, partitionConcurrency } = env.sizes.s6;
    const body = (): RequestBody => ({ op: 'S6', records, keyCounts, handlerMs, partitionConcurrency });
    return withBodies(env, [
      [ARM.baseline, Tree.Baseline, body],
      [ARM.current, Tree.Current, body],
    ]);
  },
  rows: (sizes) =>
    sizes.s6.keyCounts.flatMap((keys) =>
      ['key order', 'partition order'].map((mode) => ({
        scenario: 'S6',
        figure: `${mode}, ${keys} key${keys === 1 ? '' : 's'}, rec/s`,
        case: `${mode}, keys=${keys}`,
        baselineArm: ARM.baseline,
        currentArm: ARM.current,
        better: Better.Higher,
        bound: 0.97,
      })),
    ),
  checks: (runs) =>
    [Tree.Current, Tree.Baseline].map((tree) => {
      const of = runs.filter((r) => r.scenario === 'S6' && r.tree === tree);
      const violations = of.reduce((n, r) => n + Number(r.extra?.['order violations'] ?? 0), 0);
      return { name: `S6 per-key order violations, ${tree} tree, all runs`, required: '0', measured: String(violations), met: of.length === 0 ? null : violations === 0 };
    }),
  describe: (sizes) =>
    `S6: in every repetition each tree runs one repetition of its own S6 scenario (s6-key-parallel.scenario.ts): ${formatNumber(sizes.s6.records)} records on one partition ` +
    `over ${sizes.s6.keyCounts.join(', ')} keys, a ${sizes.s6.handlerMs} ms handler, key order (partitionConcurrency ${sizes.s6.partitionConcurrency}) and partition order. ` +
    '"Unchanged" is read as every mode and key count within 3 % and no per-key order violation.',
};

const mem: ComparedScenario = {
  id: 'MEM',
  reps: (sizes) => sizes.mem.reps,
  arms: (env) =>
    withBodies(env, [
      [ARM.baseline, Tree.Baseline, (topic) => ({ op: 'MEM', topic, records: env.sizes.mem.records })],
      [ARM.current, Tree.Current, (topic) => ({ op: 'MEM', topic, records: env.sizes.mem.records })],
    ]),
  prepare: async (env) => {
    const topic = await env.ctx.topics.create('bench-cmp-mem', PARTITIONS);
    const { records } = env.sizes.mem;
    const rate = await produceBacklog(env.ctx.kafka, topic, records, (i) => ({ key: `order-${i % 10_000}`, value: unregisteredAvroValue(i) }));
    env.ctx.log(`[compare] ${topic}: ${formatNumber(records)} raw records written at ${formatNumber(rate)} rec/s`);
    return topic;
  },
  rows: () => [{ scenario: 'MEM', figure: 'consumer peak RSS, MiB (lower is better)', case: '', baselineArm: ARM.baseline, currentArm: ARM.current, better: Better.Lower, bound: 1 }],
  describe: (sizes) =>
    `MEM: one raw backlog of ${formatNumber(sizes.mem.records)} records per repetition, drained by each tree's memory child ` +
    "(support/memory-child.ts: the tree's mem-consumer.child.ts compiled by tsc, run by node, RSS sampled every 250 ms); peak RSS compared.",
};

/** In the order they run. */
export const COMPARED_SCENARIOS: readonly ComparedScenario[] = [s2, s3, s6, mem];
