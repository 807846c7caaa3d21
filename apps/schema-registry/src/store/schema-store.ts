import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { KafkaSchemaLog } from './kafka-schema-log';
import { ApplyOutcome, RegistryState } from './registry-state';
import { NOOP_KEY, decodeLogRecord } from './schemas-record';

/**
 * The registry's state and the log it comes from. Reads are answered from `state`; writes go
 * through `append`, which returns only after the record was applied here.
 */
@Injectable()
export class SchemaStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SchemaStore.name);
  readonly state = new RegistryState();
  private readonly log: KafkaSchemaLog<ApplyOutcome>;
  private writeQueue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig) {
    this.log = new KafkaSchemaLog(config, (message) => this.apply(message));
  }

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await this.log.start(NOOP_KEY);
    this.logger.log(
      `read ${this.config.topic} to its end in ${Date.now() - started} ms: ${this.state.subjectNames(true).length} subjects, highest id ${this.state.maxId}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.log.stop();
    this.logger.log(`disconnected from ${this.config.topic}`);
  }

  get healthy(): boolean {
    return this.log.healthy;
  }

  append(key: string, value: string | null): Promise<ApplyOutcome | undefined> {
    return this.log.append(key, value);
  }

  /** Waits until every record written to the log before this call is applied here. */
  async catchUp(): Promise<void> {
    await this.log.append(NOOP_KEY, null);
  }

  /**
   * Runs `write` after every earlier write of this instance finished, so one instance never
   * races itself; races between instances are settled by the log (see SchemaRegistryService).
   */
  exclusive<R>(write: () => Promise<R>): Promise<R> {
    const run = this.writeQueue.then(write, write);
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  private apply(message: KafkaMessage): ApplyOutcome {
    const record = decodeLogRecord(message.key, message.value);
    if (record.kind === 'ignored') {
      this.logger.warn(`skipped record at offset ${message.offset}: ${record.reason}`);
      return ApplyOutcome.Ignored;
    }
    return this.state.apply(record);
  }
}
