import { assertTopicsExist } from '../admin/topic-preflight';
import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { authorizationHint } from '../errors/authorization-hint';
import { RuntimeEvent, RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { BatchControls, ConsumedBatch } from '../kafka/consumed-record';
import type { AdminPort, ConsumerPort, GroupListener, ProducerPort } from '../kafka/kafka-client.port';
import { CommitCoordinator } from '../offsets/commit-coordinator';
import { OffsetTracker } from '../offsets/offset-tracker';
import type { ProcessingStrategy, StrategyContext } from '../strategies/processing-strategy';
import { selectStrategy } from '../strategies/strategy-selector';
import { Assignment } from './assignment';
import { resolveConsumerOptions, type EventConsumerOptions, type ResolvedConsumerOptions } from './event-consumer.options';
import { rawRecordDecoder } from './record-decoder';
import { RecordExecutor } from './record-executor';
import { RouteTable } from './route-table';

export { CONSUMER_FETCH_DEFAULTS, type EventConsumerOptions } from './event-consumer.options';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A consumer-group member running Eventline's guarantees: in-order processing per partition,
 * commits only of finished records, retries with the partition paused, dead letters
 * acknowledged before the source offset is committed, a graceful shutdown. The parts:
 * RouteTable (what), strategies/ (how a batch runs), RecordExecutor (one record, inside the
 * interceptors), Assignment (one PartitionState per partition), OffsetTracker (what may be
 * committed) and CommitCoordinator (when). It speaks to Kafka through the client port only.
 */
export class EventConsumer {
  readonly groupId: string;
  readonly instrumentation: RuntimeInstrumentation;
  private readonly routes: RouteTable;
  private readonly options: EventConsumerOptions;
  private readonly settings: ResolvedConsumerOptions;
  private readonly tracker: OffsetTracker;
  private readonly partitions: Assignment;
  private consumer?: ConsumerPort;
  private admin?: AdminPort;
  private producer?: ProducerPort;
  private commits?: CommitCoordinator;
  private ownsProducer = false;
  private stopping = false;
  private activeBatches = 0;
  private fatalError?: unknown;
  private stopped?: Promise<void>;
  private unlisten?: () => void;
  private strategies: ProcessingStrategy[] = [];

  constructor(options: EventConsumerOptions) {
    this.settings = resolveConsumerOptions(options);
    this.options = options;
    this.groupId = options.groupId;
    this.routes = new RouteTable(options.routes, this.settings.interceptors);
    this.instrumentation = options.instrumentation ?? new RuntimeInstrumentation();
    this.tracker = new OffsetTracker(this.settings.commit);
    this.partitions = new Assignment(this.groupId, this.tracker, this.instrumentation);
  }

  get topics(): string[] {
    return this.routes.topics;
  }

  /** Connects, checks that every topic and dead-letter topic exists, joins the group and starts consuming. */
  async start(): Promise<void> {
    const { client } = this.options;
    const admin = (this.admin = client.admin());
    await admin.connect();
    try {
      await assertTopicsExist(admin, [{ groupId: this.groupId, topics: this.routes.topics, deadLetterTopics: this.routes.deadLetterTopics }]);
    } catch (error) {
      await admin.disconnect();
      throw error;
    }

    this.producer = this.options.producer;
    if (!this.producer) {
      this.producer = client.producer({ idempotent: true, maxInFlightRequests: 5 });
      this.ownsProducer = true;
      await this.producer.connect();
    }
    const { settings } = this;
    const consumer = (this.consumer = client.consumer({
      groupId: this.groupId,
      sessionTimeoutMs: settings.sessionTimeoutMs,
      heartbeatIntervalMs: settings.heartbeatIntervalMs,
      maxBytesPerPartition: settings.maxBytesPerPartition,
      maxBytes: settings.maxBytes,
      maxWaitTimeMs: settings.maxWaitTimeMs,
    }));
    const commits = (this.commits = new CommitCoordinator(consumer, this.tracker, this.groupId, this.instrumentation));
    this.unlisten = consumer.listen(this.groupListener(commits));

    const context: StrategyContext = {
      groupId: this.groupId,
      executor: new RecordExecutor(this.groupId, this.routes, this.options.decoder ?? rawRecordDecoder, new DeadLetterWriter(this.producer, admin), this.instrumentation),
      partitions: this.partitions,
      commits,
      instrumentation: this.instrumentation,
      settings: { heartbeatIntervalMs: settings.heartbeatIntervalMs, keyOrder: settings.keyOrder },
      run: { stopping: () => this.stopping, fatal: (error) => this.onFatal(error) },
      committed: async (topic, partition) => {
        const found = (await admin.committedOffsets(this.groupId, topic)).find((p) => p.partition === partition);
        return { offset: found?.offset ?? '-1', metadata: found?.metadata ?? null };
      },
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
    await consumer.subscribe(this.routes.topics, settings.fromBeginning);
    await consumer.run({
      concurrency: settings.concurrency,
      eachBatch: async (batch: ConsumedBatch, controls: BatchControls) => {
        this.activeBatches++;
        try {
          await strategies.get(batch.topic)!.processBatch(batch, controls);
        } finally {
          this.activeBatches--;
        }
      },
    });
    commits.startTimer(settings.commitCheckIntervalMs);
  }

  private groupListener(commits: CommitCoordinator): GroupListener {
    return {
      assigned: ({ memberId, assignment }) => {
        // The client reads every assigned partition from its committed offset again: what
        // finished but was not committed is redone and recorded afresh.
        this.tracker.clear();
        this.partitions.assign(assignment);
        this.instrumentation.emit(RuntimeEvent.GroupJoined, { groupId: this.groupId, memberId, assignment: assignment as Record<string, number[]> });
      },
      revoked: ({ memberId }) => {
        // Every partition is revoked now. Strategies stop starting records; the commit of what
        // finished goes at once (the old generation may still commit while the group prepares
        // to rebalance), and again once the records already running finished, so a member
        // leaving or losing partitions hands over what it finished, not just what it had
        // committed (fewer redeliveries; the broker refuses that commit once the group formed).
        this.partitions.revokeAll();
        const released = Promise.all(this.strategies.map((strategy) => strategy.release?.('rebalance')));
        commits.revoked(released, () => this.partitions.isDraining);
        this.instrumentation.emit(RuntimeEvent.Rebalance, { groupId: this.groupId, memberId });
      },
      crashed: ({ error, restart }) => {
        const hint = authorizationHint(error, { groupId: this.groupId, topics: this.topics });
        this.instrumentation.emit(RuntimeEvent.ConsumerCrashed, { groupId: this.groupId, error: hint ?? error.message, restart });
      },
    };
  }

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
      this.commits?.stopTimer();
      this.partitions.cancelBackoffs();
      const until = Date.now() + this.settings.shutdownTimeoutMs;
      while (this.activeBatches > 0 && Date.now() < until) await sleep(20);
      // The deadline timer is cleared once the strategies released: a timer left running
      // would keep the process alive for up to shutdownTimeoutMs after stop() resolved.
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(this.strategies.map((s) => s.release?.('shutdown'))),
        new Promise((resolve) => (deadline = setTimeout(resolve, Math.max(0, until - Date.now())))),
      ]).finally(() => clearTimeout(deadline));
      await this.commits?.stopping();
      this.partitions.close();
      await this.consumer?.disconnect().catch(() => undefined);
      this.unlisten?.();
      if (this.ownsProducer) await this.producer?.disconnect().catch(() => undefined);
      await this.admin?.disconnect().catch(() => undefined);
      this.instrumentation.emit(RuntimeEvent.ConsumerStopped, { groupId: this.groupId });
    })();
    return this.stopped;
  }
}
