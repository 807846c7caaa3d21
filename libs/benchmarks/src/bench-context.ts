import { Kafka, logLevel } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { startSchemaRegistry, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';
import type { Profile } from './profile';
import type { ScenarioResult } from './report/result.types';
import { CpuMeter } from './support/cpu-meter';

/** What every scenario works with; the registry is started on first use and stopped at the end. */
export class BenchContext {
  readonly kafka: Kafka;
  readonly topics: TestTopics;
  readonly cpu: CpuMeter;
  private registryProcess?: Promise<SchemaRegistryProcess>;

  constructor(
    readonly brokers: string[],
    readonly profile: Profile,
    readonly command: string,
    brokerPid: number | undefined,
    readonly log: (line: string) => void,
  ) {
    this.kafka = new Kafka({ clientId: 'eventline-bench', brokers, logLevel: logLevel.NOTHING });
    this.topics = new TestTopics(this.kafka);
    this.cpu = new CpuMeter(brokerPid);
  }

  registry(): Promise<SchemaRegistryProcess> {
    this.registryProcess ??= startSchemaRegistry();
    return this.registryProcess;
  }

  /** A codec of its own (its own caches) against the real registry, in development mode so the bench schema registers. */
  async codec(): Promise<AvroCodec> {
    const { url } = await this.registry();
    return new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: url }), mode: CodecMode.Development });
  }

  /** The common frame of a result; the scenario adds its figures. */
  result(id: string, title: string, fields: Omit<ScenarioResult, 'id' | 'title' | 'profile' | 'command' | 'finishedAt'>): ScenarioResult {
    return { id, title, profile: this.profile.name, command: this.command, finishedAt: new Date().toISOString(), ...fields };
  }

  async close(): Promise<void> {
    await this.topics.cleanup().catch(() => undefined);
    const registry = await this.registryProcess?.catch(() => undefined);
    if (registry) {
      await registry.stop();
      await this.topics.admin().then((admin) => admin.deleteTopics({ topics: [registry.topic] })).catch(() => undefined);
      await this.topics.cleanup().catch(() => undefined);
    }
  }
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}
