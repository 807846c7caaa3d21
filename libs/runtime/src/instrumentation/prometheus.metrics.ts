import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RuntimeEvent, type RuntimeInstrumentation } from './runtime-events';

/**
 * Prometheus metrics fed by the runtime's instrumentation events. The runtime never touches
 * prom-client itself; an app attaches this and serves `registry.metrics()` on /metrics.
 */
export class RuntimeMetrics {
  readonly registry: Registry;
  private readonly processed: Counter<'group' | 'topic' | 'event_type'>;
  private readonly duration: Histogram<'group' | 'topic'>;
  private readonly failed: Counter<'group' | 'topic' | 'error_code'>;
  private readonly retries: Counter<'group' | 'topic'>;
  private readonly deadLettered: Counter<'group' | 'topic' | 'error_code'>;
  private readonly deadLetterFailures: Counter<'group' | 'topic'>;
  private readonly skipped: Counter<'group' | 'topic' | 'reason'>;
  private readonly lag: Gauge<'group' | 'topic' | 'partition'>;
  private readonly commits: Counter<'group'>;
  private readonly commitFailures: Counter<'group'>;
  private readonly rebalances: Counter<'group'>;
  private readonly paused: Gauge<'group'>;
  private readonly keysInFlight: Gauge<'group' | 'topic' | 'partition'>;
  private readonly watermarkDistance: Gauge<'group' | 'topic' | 'partition'>;
  private readonly published: Counter<'topic'>;
  private readonly publishFailures: Counter<'topic' | 'error_code'>;

  constructor(registry: Registry = new Registry()) {
    this.registry = registry;
    const registers = [registry];
    this.processed = new Counter({ name: 'eventline_records_processed_total', help: 'Records whose handler finished', labelNames: ['group', 'topic', 'event_type'], registers });
    this.duration = new Histogram({
      name: 'eventline_record_processing_seconds',
      help: 'Time from the start of a record to its handler finishing (decode included)',
      labelNames: ['group', 'topic'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.failed = new Counter({ name: 'eventline_record_failures_total', help: 'Failed attempts at a record', labelNames: ['group', 'topic', 'error_code'], registers });
    this.retries = new Counter({ name: 'eventline_record_retries_total', help: 'Retries scheduled', labelNames: ['group', 'topic'], registers });
    this.deadLettered = new Counter({ name: 'eventline_dead_letters_total', help: 'Records written to a dead-letter topic', labelNames: ['group', 'topic', 'error_code'], registers });
    this.deadLetterFailures = new Counter({ name: 'eventline_dead_letter_write_failures_total', help: 'Dead-letter writes that failed (the record is retried)', labelNames: ['group', 'topic'], registers });
    this.skipped = new Counter({
      name: 'eventline_records_skipped_total',
      help: 'Records finished without a handler, by reason: no-route, finished-before-restart (key order), redrive-for-other-group',
      labelNames: ['group', 'topic', 'reason'],
      registers,
    });
    this.lag = new Gauge({ name: 'eventline_consumer_lag', help: 'High watermark minus the next offset to process, per partition', labelNames: ['group', 'topic', 'partition'], registers });
    this.commits = new Counter({ name: 'eventline_offset_commits_total', help: 'Successful offset commits', labelNames: ['group'], registers });
    this.commitFailures = new Counter({ name: 'eventline_offset_commit_failures_total', help: 'Offset commits Kafka refused or that failed', labelNames: ['group'], registers });
    this.rebalances = new Counter({ name: 'eventline_rebalances_total', help: 'Rebalances this member went through', labelNames: ['group'], registers });
    this.paused = new Gauge({ name: 'eventline_partitions_paused', help: 'Partitions paused for a retry backoff', labelNames: ['group'], registers });
    this.keysInFlight = new Gauge({ name: 'eventline_key_order_keys_in_flight', help: 'Key order: keys with records queued, running or parked', labelNames: ['group', 'topic', 'partition'], registers });
    this.watermarkDistance = new Gauge({
      name: 'eventline_key_order_watermark_distance',
      help: 'Key order: records between the committed watermark and the newest dispatched record',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    });
    this.published = new Counter({ name: 'eventline_events_published_total', help: 'Events Kafka acknowledged', labelNames: ['topic'], registers });
    this.publishFailures = new Counter({ name: 'eventline_publish_failures_total', help: 'Publishes that failed', labelNames: ['topic', 'error_code'], registers });
  }

  /** Subscribes to `instrumentation`; returns a function that unsubscribes. */
  attach(instrumentation: RuntimeInstrumentation): () => void {
    const offs = [
      instrumentation.on(RuntimeEvent.RecordProcessed, (e) => {
        this.processed.labels(e.groupId, e.topic, e.eventType ?? '').inc();
        this.duration.labels(e.groupId, e.topic).observe(e.durationMs / 1000);
      }),
      instrumentation.on(RuntimeEvent.RecordFailed, (e) => this.failed.labels(e.groupId, e.topic, e.errorCode).inc()),
      instrumentation.on(RuntimeEvent.RecordRetryScheduled, (e) => this.retries.labels(e.groupId, e.topic).inc()),
      instrumentation.on(RuntimeEvent.RecordDeadLettered, (e) => this.deadLettered.labels(e.groupId, e.topic, e.errorCode).inc()),
      instrumentation.on(RuntimeEvent.DeadLetterFailed, (e) => this.deadLetterFailures.labels(e.groupId, e.topic).inc()),
      instrumentation.on(RuntimeEvent.RecordSkipped, (e) => this.skipped.labels(e.groupId, e.topic, e.reason).inc()),
      // Lag fits a float64 gauge for any realistic backlog; the offsets themselves stay bigint.
      instrumentation.on(RuntimeEvent.Lag, (e) => this.lag.labels(e.groupId, e.topic, String(e.partition)).set(Number(e.lag))),
      instrumentation.on(RuntimeEvent.KeyOrderProgress, (e) => {
        this.keysInFlight.labels(e.groupId, e.topic, String(e.partition)).set(e.keysInFlight);
        this.watermarkDistance.labels(e.groupId, e.topic, String(e.partition)).set(e.watermarkDistance);
      }),
      instrumentation.on(RuntimeEvent.Commit, (e) => this.commits.labels(e.groupId).inc()),
      instrumentation.on(RuntimeEvent.CommitFailed, (e) => this.commitFailures.labels(e.groupId).inc()),
      instrumentation.on(RuntimeEvent.Rebalance, (e) => this.rebalances.labels(e.groupId).inc()),
      instrumentation.on(RuntimeEvent.PartitionPaused, (e) => this.paused.labels(e.groupId).inc()),
      instrumentation.on(RuntimeEvent.PartitionResumed, (e) => this.paused.labels(e.groupId).dec()),
      instrumentation.on(RuntimeEvent.Published, (e) => this.published.labels(e.topic).inc(e.count)),
      instrumentation.on(RuntimeEvent.PublishFailed, (e) => this.publishFailures.labels(e.topic, e.errorCode).inc(e.count)),
    ];
    return () => offs.forEach((off) => off());
  }
}
