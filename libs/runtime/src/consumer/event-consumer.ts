import { authorizationHint } from '../errors/authorization-hint';
import type { Admin, Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { configError } from '../errors/runtime.error';
import { RuntimeEvent, RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { CommitCoordinator } from '../offsets/commit-coordinator';
import { commitPolicy, OffsetTracker, type CommitPolicy } from '../offsets/offset-tracker';
import type { KeyOrderLimits, ProcessingStrategy, StrategyContext } from '../strategies/processing-strategy';
import { selectStrategy } from '../strategies/strategy-selector';
import type { EventRoute } from './event-route';
import { PartitionOwnership } from './partition-ownership';
import { PartitionPauses } from './partition-pauses';
import { rawRecordDecoder, type RecordDecoder } from './record-decoder';
import { RecordExecutor } from './record-executor';
import { RetryState } from './retry-state';
import { RouteTable } from './route-table';

/**
 * How much one fetch brings, unless the options say otherwise. A fetched batch becomes one JS
 * object per record, all alive until the batch is processed, so the per-partition size is what
 * sets the consumer's memory: draining a 1,000,000-record backlog (6 partitions, ~200 B
 * records), peak RSS was 230–257 MiB at kafkajs's 1 MiB / 8 MiB and 157–176 MiB at
 * 512 KiB / 2 MiB, for 15 % less throughput with a no-op handler (benchmarks MEM, 2026-11-30).
 */
export const CONSUMER_FETCH_DEFAULTS = Object.freeze({
  maxBytesPerPartition: 512 * 1024,
  maxBytes: 2 * 1024 * 1024,
  maxWaitTimeMs: 200,
});

export interface EventConsumerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly routes: ReadonlyArray<EventRoute<never>>;
  /** Default: raw records (the value buffer, type `*`). Eventline events: CloudEventAvroDecoder. */
  readonly decoder?: RecordDecoder;
  readonly instrumentation?: RuntimeInstrumentation;
  /** Partitions processed at the same time by this process (each in order). Default 4. */
  readonly concurrency?: number;
  readonly commit?: Partial<CommitPolicy>;
  /** A new group starts at the earliest offset (default) or the latest. */
  readonly startFrom?: 'earliest' | 'latest';
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * Backpressure: a fetch brings at most this many bytes per partition and in all, so the
   * records in memory (and in flight) are bounded whatever the backlog. Defaults 512 KiB /
   * 2 MiB (CONSUMER_FETCH_DEFAULTS).
   */
  readonly maxBytesPerPartition?: number;
  readonly maxBytes?: number;
  /**
   * Longest a fetch waits for new records (kafkajs default 5 s). A partition resumed after a
   * retry backoff is only fetched again when the fetch in flight returns, so this bounds the
   * extra delay of every retry. Default 200 ms.
   */
  readonly maxWaitTimeMs?: number;
  /** Key-order processing bounds (routes with mode 'key-order'). */
  readonly keyOrder?: Partial<KeyOrderLimits>;
  /** How long a shutdown waits for in-flight records before leaving anyway. Default 30 s. */
  readonly shutdownTimeoutMs?: number;
  /** Dead letters are written with this producer; by default the consumer makes an idempotent one. */
  readonly producer?: Producer;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v <= 0) throw configError(`${name} must be a whole number > 0 (got ${value})`);
  return v;
}

/**
 * A consumer-group member running Eventline's guarantees on kafkajs: in-order processing per
 * partition, commits only of finished records, retries with the partition paused, dead
 * letters acknowledged before the source offset is committed, a graceful shutdown. The
 * parts: RouteTable (what), strategies/ (how a batch runs), RecordExecutor (one record),
 * OffsetTracker + CommitCoordinator (what is committed, when).
 */
export class EventConsumer {
  readonly groupId: string;
  readonly instrumentation: RuntimeInstrumentation;
  private readonly routes: RouteTable;
  private readonly options: EventConsumerOptions;
  private readonly concurrency: number;
  private readonly heartbeatIntervalMs: number;
  private readonly sessionTimeoutMs: number;
  private readonly shutdownTimeoutMs: number;
  private readonly tracker: OffsetTracker;
  private readonly ownership = new PartitionOwnership();
  private readonly retries = new RetryState();
  private readonly pauses: PartitionPauses;
  private consumer?: Consumer;
  private admin?: Admin;
  private producer?: Producer;
  private ownsProducer = false;
  private commitTimer?: NodeJS.Timeout;
  private stopping = false;
  private activeBatches = 0;
  private fatalError?: unknown;
  private stopped?: Promise<void>;
  private readonly unsubscribe: Array<() => void> = [];
  private strategies: ProcessingStrategy[] = [];
  private readonly keyOrderLimits: KeyOrderLimits;

  constructor(options: EventConsumerOptions) {
    if (!options.groupId) throw configError('groupId is empty');
    this.options = options;
    this.groupId = options.groupId;
    this.routes = new RouteTable(options.routes);
    this.instrumentation = options.instrumentation ?? new RuntimeInstrumentation();
    this.concurrency = positiveInt('concurrency', options.concurrency, 4);
    this.sessionTimeoutMs = positiveInt('sessionTimeoutMs', options.sessionTimeoutMs, 30_000);
    this.heartbeatIntervalMs = positiveInt('heartbeatIntervalMs', options.heartbeatIntervalMs, 3_000);
    if (this.heartbeatIntervalMs * 3 > this.sessionTimeoutMs) {
      throw configError(`heartbeatIntervalMs (${this.heartbeatIntervalMs}) must be at most a third of sessionTimeoutMs (${this.sessionTimeoutMs})`);
    }
    this.shutdownTimeoutMs = positiveInt('shutdownTimeoutMs', options.shutdownTimeoutMs, 30_000);
    positiveInt('maxBytesPerPartition', options.maxBytesPerPartition, 1);
    positiveInt('maxBytes', options.maxBytes, 1);
    positiveInt('maxWaitTimeMs', options.maxWaitTimeMs, 1);
    this.tracker = new OffsetTracker(commitPolicy(options.commit));
    this.keyOrderLimits = {
      partitionConcurrency: positiveInt('keyOrder.partitionConcurrency', options.keyOrder?.partitionConcurrency, 64),
      processConcurrency: positiveInt('keyOrder.processConcurrency', options.keyOrder?.processConcurrency, 256),
      maxWindow: positiveInt('keyOrder.maxWindow', options.keyOrder?.maxWindow, 20_000),
    };
    this.pauses = new PartitionPauses(this.groupId, this.instrumentation);
  }

  get topics(): string[] {
    return this.routes.topics;
  }

  /** Connects, checks that every topic and dead-letter topic exists, joins the group and starts consuming. */
  async start(): Promise<void> {
    const { kafka } = this.options;
    this.admin = kafka.admin();
    await this.admin.connect();
    await this.assertTopicsExist();

    this.producer = this.options.producer;
    if (!this.producer) {
      this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
      this.ownsProducer = true;
      await this.producer.connect();
    }
    const consumer = kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? CONSUMER_FETCH_DEFAULTS.maxBytesPerPartition,
      maxBytes: this.options.maxBytes ?? CONSUMER_FETCH_DEFAULTS.maxBytes,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? CONSUMER_FETCH_DEFAULTS.maxWaitTimeMs,
      // Topics are declared and created by the apps; a typo must not create a new topic.
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    const commits = new CommitCoordinator(consumer, this.tracker, this.groupId, this.instrumentation);
    this.watchGroup(consumer, commits);

    const context: StrategyContext = {
      groupId: this.groupId,
      executor: new RecordExecutor(
        this.groupId,
        this.routes,
        this.options.decoder ?? rawRecordDecoder,
        new DeadLetterWriter(this.producer, this.admin),
        this.instrumentation,
      ),
      tracker: this.tracker,
      commits,
      ownership: this.ownership,
      retries: this.retries,
      pauses: this.pauses,
      instrumentation: this.instrumentation,
      heartbeatIntervalMs: this.heartbeatIntervalMs,
      stopping: () => this.stopping,
      fatal: (error) => this.onFatal(error),
      committed: async (topic, partition) => {
        const [offsets] = await this.admin!.fetchOffsets({ groupId: this.groupId, topics: [topic] });
        const found = offsets.partitions.find((p) => p.partition === partition);
        return { offset: found?.offset ?? '-1', metadata: found?.metadata ?? null };
      },
      keyOrder: this.keyOrderLimits,
    };
    // One strategy object per mode, shared by the topics in that mode.
    const byMode = new Map<string, ProcessingStrategy>();
    const strategies = new Map<string, ProcessingStrategy>();
    for (const topic of this.routes.topics) {
      const mode = this.routes.modeOf(topic);
      if (!byMode.has(mode)) byMode.set(mode, selectStrategy(mode, context));
      strategies.set(topic, byMode.get(mode)!);
    }
    this.strategies = [...byMode.values()];

    await consumer.connect();
    await consumer.subscribe({ topics: this.routes.topics, fromBeginning: (this.options.startFrom ?? 'earliest') === 'earliest' });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.concurrency,
      eachBatch: async (payload: EachBatchPayload) => {
        this.activeBatches++;
        try {
          await strategies.get(payload.batch.topic)!.processBatch(payload);
        } finally {
          this.activeBatches--;
        }
      },
    });
    // Time-based commits also when no batch arrives (an idle partition after a burst).
    this.commitTimer = setInterval(() => void commits.flushIfDue(), Math.max(100, Math.min(1_000, this.options.commit?.maxUncommittedMs ?? 1_000)));
  }

  private async assertTopicsExist(): Promise<void> {
    const existing = new Set(await this.admin!.listTopics());
    const missing = this.routes.topics.filter((t) => !existing.has(t));
    const missingDlq = this.routes.deadLetterTopics.filter((t) => !existing.has(t));
    if (missing.length > 0 || missingDlq.length > 0) {
      await this.admin!.disconnect();
      const parts = [
        missing.length ? `source topic(s) ${missing.join(', ')}` : '',
        missingDlq.length ? `dead-letter topic(s) ${missingDlq.join(', ')}` : '',
      ].filter(Boolean);
      throw configError(
        // On a cluster with ACLs, metadata hides the topics a principal may not DESCRIBE.
        `group ${this.groupId}: ${parts.join(' and ')} do not exist, or this principal may not DESCRIBE them. Create them (declared topics are created at start by the apps), grant the ACLs (eventline acls plan --execute), or set deadLetter: false on the route to go without one.`,
      );
    }
  }

  private watchGroup(consumer: Consumer, commits: CommitCoordinator): void {
    const { GROUP_JOIN, REBALANCING, CRASH } = consumer.events;
    this.unsubscribe.push(
      consumer.on(GROUP_JOIN, ({ payload }) => {
        this.ownership.assign(payload.memberAssignment);
        // kafkajs reads every assigned partition from its committed offset again.
        this.tracker.clear();
        this.retries.retainOnly(this.ownership.ownsFn);
        this.instrumentation.emit(RuntimeEvent.GroupJoined, { groupId: this.groupId, memberId: payload.memberId, assignment: payload.memberAssignment });
      }),
      consumer.on(REBALANCING, ({ payload }) => {
        // Eager protocol: every partition is revoked now. Commit what finished (the old
        // generation may still commit while the group prepares to rebalance), then own nothing
        // until GROUP_JOIN says what is ours. Strategies record their positions first (still
        // owning the partitions), then stop starting records. Records already running that
        // finish before the new assignment are committed by a second flush, so a member
        // leaving or losing partitions hands over what it finished, not just what it had
        // committed (fewer redeliveries; the broker refuses that commit once the group formed).
        const released = Promise.all(this.strategies.map((strategy) => strategy.release?.('rebalance')));
        void commits.flush();
        this.ownership.revokeAll();
        void released.then(() => (this.ownership.isDraining ? commits.flush() : undefined));
        this.instrumentation.emit(RuntimeEvent.Rebalance, { groupId: this.groupId, memberId: payload.memberId });
      }),
      consumer.on(CRASH, ({ payload }) => {
        const hint = authorizationHint(payload.error, { groupId: this.groupId, topics: this.topics });
        this.instrumentation.emit(RuntimeEvent.ConsumerCrashed, { groupId: this.groupId, error: hint ?? payload.error.message, restart: payload.restart });
      }),
    );
    this.flushOnStop = () => commits.flush();
  }

  private flushOnStop: () => Promise<void> = async () => undefined;

  private onFatal(error: unknown): void {
    this.fatalError ??= error;
    void this.stop('a record could be neither processed nor dead-lettered');
  }

  /** Why the consumer stopped by itself, if it did. */
  get failure(): unknown {
    return this.fatalError;
  }

  /**
   * Graceful shutdown: start no new record, let in-flight ones finish (up to the deadline),
   * commit what finished, leave the group so its partitions move at once.
   */
  stop(reason = 'stop requested'): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      this.instrumentation.emit(RuntimeEvent.ConsumerStopping, { groupId: this.groupId, reason });
      clearInterval(this.commitTimer);
      this.pauses.clear();
      const until = Date.now() + this.shutdownTimeoutMs;
      while (this.activeBatches > 0 && Date.now() < until) await sleep(20);
      // The deadline timer is cleared once the strategies released: a timer left running
      // would keep the process alive for up to shutdownTimeoutMs after stop() resolved.
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(this.strategies.map((s) => s.release?.('shutdown'))),
        new Promise((resolve) => (deadline = setTimeout(resolve, Math.max(0, until - Date.now())))),
      ]).finally(() => clearTimeout(deadline));
      await this.flushOnStop();
      await this.consumer?.disconnect().catch(() => undefined);
      for (const off of this.unsubscribe) off();
      if (this.ownsProducer) await this.producer?.disconnect().catch(() => undefined);
      await this.admin?.disconnect().catch(() => undefined);
      this.instrumentation.emit(RuntimeEvent.ConsumerStopped, { groupId: this.groupId });
    })();
    return this.stopped;
  }
}
