import { type DynamicModule, type INestApplicationContext, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { KafkaMessage } from 'kafkajs';
import type { Topic } from '@eventline/contracts';
import { deleteSchemaTopics, startSchemaRegistry, testBrokers, testKafka, TestTopics, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { EventlineModule, withTopicPrefix, type EventlineModuleOptions } from '../src';
import { kafkajsCodecPublisher } from './fixtures/kafkajs-codec.publisher';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * One integration file's world: a schema registry process, catalog topics under a unique
 * prefix (`<prefix>orders`, …) mapped in through `topicNames`, unique groups, and the Nest
 * application contexts it created, all closed and deleted in cleanup().
 */
export class NestTestKit {
  readonly kafka = testKafka();
  readonly topics = new TestTopics(this.kafka);
  readonly prefix = `${uniqueName('nest')}.`;
  private registry?: SchemaRegistryProcess;
  private readonly apps: INestApplicationContext[] = [];

  async start(): Promise<void> {
    this.registry = await startSchemaRegistry();
  }

  topic(catalogTopic: Topic): string {
    return `${this.prefix}${catalogTopic}`;
  }

  /** Creates the prefixed catalog topic, and its `.dlq` unless told not to. */
  async createTopic(catalogTopic: Topic, partitions = 1, withDlq = true): Promise<string> {
    const topic = await this.topics.createNamed(this.topic(catalogTopic), partitions);
    if (withDlq) await this.topics.createNamed(`${topic}.dlq`, partitions);
    return topic;
  }

  options(overrides: Partial<EventlineModuleOptions> = {}): EventlineModuleOptions {
    return {
      brokers: testBrokers(),
      schemaRegistryUrl: this.registry!.url,
      codecMode: 'development',
      topicNames: withTopicPrefix(this.prefix),
      publisher: { source: '/eventline/nest-test', factory: kafkajsCodecPublisher },
      ...overrides,
      consumer: { groupId: this.topics.group('nest'), sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, ...overrides.consumer } as EventlineModuleOptions['consumer'],
    };
  }

  /** An application context as an app's main.ts would create it; closed at cleanup. */
  async app(options: EventlineModuleOptions, providers: Provider[]): Promise<INestApplicationContext> {
    const root: DynamicModule = { module: class NestTestAppModule {}, imports: [EventlineModule.forRoot(options)], providers };
    const app = await NestFactory.createApplicationContext(root, { logger: ['error', 'warn'], abortOnError: false });
    this.apps.push(app);
    return app;
  }

  /** Every record of a topic from the beginning (reads up to the end offsets seen now). */
  async readAll(topic: string): Promise<KafkaMessage[]> {
    const admin = await this.topics.admin();
    const ends = await admin.fetchTopicOffsets(topic);
    const total = ends.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
    const seen: KafkaMessage[] = [];
    if (total === 0) return seen;
    const reader = this.kafka.consumer({ groupId: this.topics.group('reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      reader.run({ eachMessage: async ({ message }) => void (seen.push(message) >= total && resolve()) }).catch(reject);
    });
    await reader.disconnect();
    return seen;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.apps.map((app) => app.close().catch(() => undefined)));
    await this.topics.cleanup();
    await this.registry?.stop();
    if (this.registry) await deleteSchemaTopics([this.registry.topic]);
  }
}
