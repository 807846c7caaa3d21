/**
 * One tree's side of `npm run bench -- --compare-with <ref>`. The comparison forks this file
 * once per tree, with the tree as cwd and SWC_NODE_PROJECT=<tree>/tsconfig.base.json, so every
 * `@eventline/*` import made by the tree's code resolves to that tree's libraries. The file
 * itself lives in the current tree; apart from the IPC vocabulary it takes only types from
 * here, and requires the benchmark code it runs from the measured tree by absolute path: the
 * baseline's figures come from the baseline's own peers, runtime and codec.
 *
 * It answers one request at a time (tree-probe.protocol.ts) until told to close.
 */
import { join } from 'node:path';
import type { AvroCodec } from '@eventline/codec';
import type { OrderPlaced } from '@eventline/contracts';
import type { BenchContext } from '../bench-context';
import type { Profile } from '../profile';
import { PROBE_ENV, type ProbeFigure, type ProbeMessage, type ProbeRequest } from './tree-probe.protocol';

type Modules = {
  readonly context: typeof import('../bench-context');
  readonly profile: typeof import('../profile');
  readonly s2: typeof import('../scenarios/s2-producer-peers');
  /** `eventlineConsumeIntercepted` is absent from trees older than issue 13. */
  readonly s3: Omit<typeof import('../scenarios/s3-consumer-peers'), 'eventlineConsumeIntercepted'> & Partial<Pick<typeof import('../scenarios/s3-consumer-peers'), 'eventlineConsumeIntercepted'>>;
  readonly s6: typeof import('../scenarios/s6-key-parallel.scenario');
  readonly memory: typeof import('../support/memory-child');
  readonly fetch: typeof import('../support/fetch-settings');
};

/** A figure, or why this tree cannot produce it. */
type Answer = readonly ProbeFigure[] | { readonly notApplicable: string };

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: this file is run by the benchmark comparison, not by hand`);
  return value;
}

function send(message: ProbeMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, undefined, {}, () => resolve()) : resolve()));
}

class TreeProbe {
  private readonly ctx: BenchContext;
  private codec?: Promise<AvroCodec>;
  private payloads?: { readonly records: number; readonly pool: OrderPlaced[] };

  constructor(
    private readonly m: Modules,
    private readonly settings: { brokers: string[]; brokerPid?: number; registryUrl?: string; profile: Profile; command: string },
  ) {
    this.ctx = this.context(settings.profile);
  }

  async handle(request: ProbeRequest): Promise<Answer> {
    switch (request.op) {
      case 'S2':
        return this.publish(request.records);
      case 'S3':
        return this.consume(request.topic, request.records, request.interceptor);
      case 'S6':
        return this.keyParallel(request);
      case 'MEM':
        return this.memory(request.topic, request.records);
      case 'close':
        await this.ctx.close();
        return [];
    }
  }

  /** A context of the tree's own making, pointed at the parent's registry. */
  private context(profile: Profile): BenchContext {
    const { brokers, brokerPid, command, registryUrl } = this.settings;
    const ctx = new this.m.context.BenchContext(brokers, profile, command, brokerPid, (line) => void send({ kind: 'log', line }));
    // Both trees read backlogs the parent encoded, so both must resolve the parent's schema ids.
    const registry: Awaited<ReturnType<BenchContext['registry']>> = { url: registryUrl ?? '', topic: '', pid: -1, output: () => '', stop: () => Promise.resolve(null) };
    ctx.registry = () => (registryUrl ? Promise.resolve(registry) : Promise.reject(new Error('no schema registry: the comparison started none')));
    return ctx;
  }

  private codecOnce(): Promise<AvroCodec> {
    this.codec ??= this.ctx.codec();
    return this.codec;
  }

  private async publish(records: number): Promise<Answer> {
    const codec = await this.codecOnce();
    if (this.payloads?.records !== records) this.payloads = { records, pool: this.m.s2.payloadPool(records) };
    const topic = await this.ctx.topics.create('bench-cmp-s2', this.m.fetch.PARTITIONS);
    try {
      const run = await this.m.s2.eventlinePublish(this.ctx, codec, topic, records, this.payloads.pool);
      // eventlinePublish sends one record before its clock starts: the topic holds records + 1.
      const admin = await this.ctx.topics.admin();
      const written = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + BigInt(p.high) - BigInt(p.low), 0n);
      if (written !== BigInt(records + 1)) throw new Error(`${topic} holds ${written} records, expected ${records + 1}`);
      return [{ case: '', value: run.recordsPerSecond, unit: 'rec/s', cpu: run.cpu, extra: { 'records per send': run.recordsPerSend } }];
    } finally {
      await this.ctx.topics.cleanup();
    }
  }

  private async consume(topic: string, records: number, interceptor: boolean): Promise<Answer> {
    const decoder = this.m.s3.avroDecoder(await this.codecOnce());
    try {
      if (!interceptor) {
        const run = await this.m.s3.eventlineConsume(this.ctx, topic, records, decoder);
        return [{ case: '', value: run.recordsPerSecond, unit: 'rec/s', cpu: run.cpu }];
      }
      const intercepted = this.m.s3.eventlineConsumeIntercepted;
      if (!intercepted) return { notApplicable: "this tree's benchmarks have no interceptor variant (no eventlineConsumeIntercepted in s3-consumer-peers.ts)" };
      const run = await intercepted(this.ctx, topic, records, decoder);
      // EventConsumer ignores options it does not know: a runtime without interceptors drains the backlog all the same.
      if (run.interceptorCalls === 0) return { notApplicable: "this tree's runtime never called the interceptor (its EventConsumerOptions has no `interceptors`)" };
      return [{ case: '', value: run.recordsPerSecond, unit: 'rec/s', cpu: run.cpu, extra: { 'interceptor calls': run.interceptorCalls } }];
    } finally {
      await this.ctx.topics.cleanup();
    }
  }

  /** The tree's whole S6 scenario for one repetition: its key-order runner is not exported, and both modes are runtime code. */
  private async keyParallel(request: Extract<ProbeRequest, { op: 'S6' }>): Promise<Answer> {
    const { records, keyCounts, handlerMs, partitionConcurrency } = request;
    const ctx = this.context({ ...this.settings.profile, reps: 1, s6: { records, keyCounts, handlerMs, partitionConcurrency } });
    try {
      const result = await this.m.s6.s6KeyParallel.run(ctx);
      return result.runs.map((r) => ({ case: `${r.peer}, ${r.case}`, value: r.value, unit: r.unit, cpu: r.cpu, extra: r.extra }));
    } finally {
      await ctx.close();
    }
  }

  private async memory(topic: string, records: number): Promise<Answer> {
    try {
      const run = await this.m.memory.runMemoryChild(this.ctx, topic, records);
      return [{ case: '', value: run.peakMiB, unit: 'MiB peak RSS', extra: { 'rec/s': run.recordsPerSecond, 'RSS at child start MiB': run.baselineMiB, samples: run.count } }];
    } finally {
      await this.ctx.topics.cleanup();
    }
  }
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('tree-probe.child.ts needs an IPC channel: it is forked by the benchmark comparison');
  const tree = env(PROBE_ENV.tree);
  // Required once, now: the figures are of the tree as it was when the comparison started,
  // whatever is edited in it meanwhile (the memory child is compiled at its first run).
  const load = (path: string): unknown => require(join(tree, 'libs', 'benchmarks', 'src', path));
  const m = {
    context: load('bench-context.ts'),
    profile: load('profile.ts'),
    s2: load('scenarios/s2-producer-peers.ts'),
    s3: load('scenarios/s3-consumer-peers.ts'),
    s6: load('scenarios/s6-key-parallel.scenario.ts'),
    memory: load('support/memory-child.ts'),
    fetch: load('support/fetch-settings.ts'),
  } as Modules;
  const profileName = env(PROBE_ENV.profile) as Profile['name'];
  const probe = new TreeProbe(m, {
    brokers: env(PROBE_ENV.brokers).split(','),
    brokerPid: Number(process.env[PROBE_ENV.brokerPid]) || undefined,
    registryUrl: process.env[PROBE_ENV.registryUrl] || undefined,
    profile: m.profile.PROFILES[profileName],
    command: env(PROBE_ENV.command),
  });

  // The parent sends one request at a time; the chain keeps that true even if it did not.
  let queue = Promise.resolve();
  process.on('message', (request: ProbeRequest) => {
    queue = queue.then(async () => {
      try {
        const answer = await probe.handle(request);
        if ('notApplicable' in answer) await send({ kind: 'not-applicable', id: request.id, reason: answer.notApplicable });
        else await send({ kind: 'result', id: request.id, figures: answer });
      } catch (error) {
        await send({ kind: 'error', id: request.id, message: (error as Error).stack ?? String(error) });
      }
      if (request.op === 'close') process.exit(0);
    });
  });
  // A parent gone (killed, crashed) leaves nobody to answer: leave too.
  process.on('disconnect', () => process.exit(1));
  await send({ kind: 'ready' });
}

main().catch(async (error: unknown) => {
  await send({ kind: 'error', id: -1, message: (error as Error).stack ?? String(error) });
  process.exit(1);
});
