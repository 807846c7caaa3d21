import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { EventPublisher, type EventPublisherOptions, kafkaJsClient } from '@eventline/runtime';
import { analyseRun } from '../checker/analyse-run';
import { checkDatabaseUrl, ProcessingLog } from '../checker/processing-log';
import { SendLedger, SendOutcome } from '../checker/send-ledger';
import { scanTopic } from '../checker/topic-scan';
import { waitUntil } from './wait-until';
import type { ValidationReport } from '../checker/validation-report';

/**
 * One scenario's checker: a run id, the producer-side ledger, the consumer-side log in its
 * own PostgreSQL schema, and the final validation (ledger × log × topic scan).
 */
export class ReliabilityRun {
  readonly ledger = new SendLedger();
  readonly codec: AvroCodec;
  private readonly publishers: EventPublisher[] = [];

  private constructor(
    readonly runId: string,
    readonly log: ProcessingLog,
    readonly registryUrl: string,
  ) {
    this.codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registryUrl }), mode: CodecMode.Development });
  }

  static async open(scenario: string, registryUrl: string): Promise<ReliabilityRun> {
    const runId = `${scenario.toLowerCase()}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const log = await ProcessingLog.open({ url: checkDatabaseUrl(), schema: `reliability_${runId}` });
    return new ReliabilityRun(runId, log, registryUrl);
  }

  /** An EventPublisher onto `topic` (the catalog topics are replaced by the scenario's). */
  async publisher(kafka: Kafka, topic: string, options: Partial<EventPublisherOptions> = {}): Promise<EventPublisher> {
    const publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec: this.codec, source: '/eventline/reliability', topicOf: () => topic, ...options });
    await publisher.connect();
    this.publishers.push(publisher);
    return publisher;
  }

  /** Environment for ConsumerFleet members that record into this run. */
  fleetDatabase(): { CHECK_DB_URL: string; CHECK_DB_SCHEMA: string } {
    return { CHECK_DB_URL: this.log.location.url, CHECK_DB_SCHEMA: this.log.location.schema };
  }

  /** True once every send the broker acknowledged has been processed (polled until `timeoutMs`). */
  async waitForAckedProcessed(timeoutMs: number, pollMs = 250): Promise<boolean> {
    const ids = this.ledger.all.filter((s) => s.outcome === SendOutcome.Acked).map((s) => s.id);
    return waitUntil(async () => (await this.log.countUnprocessed(ids)) === 0, timeoutMs, pollMs);
  }

  async validate(kafka: Kafka, topic: string): Promise<ValidationReport> {
    const [processings, index] = await Promise.all([this.log.readAll(), scanTopic(kafka, topic)]);
    return analyseRun(this.ledger.all, processings, index);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.publishers.map((p) => p.disconnect()));
    await this.log.dropAndClose();
  }
}
