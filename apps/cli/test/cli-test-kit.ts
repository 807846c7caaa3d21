import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { IHeaders, Kafka, KafkaMessage, Message } from 'kafkajs';
import { workspaceRoot } from '@eventline/local-kafka';
import { testBrokers, testKafka, TestTopics } from '@eventline/testing';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = join(workspaceRoot(), 'apps', 'cli', 'bin', 'eventline.cjs');

/** Runs `node apps/cli/bin/eventline.cjs …` as an operator would, against the test brokers. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: workspaceRoot(),
        env: { ...process.env, KAFKA_BROKERS: testBrokers().join(','), SCHEMA_REGISTRY_URL: 'http://127.0.0.1:9', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export type ReadRecord = KafkaMessage & { partition: number };

/** One test file's topics and groups, with helpers to write records and read a whole topic back. */
export class CliTestKit {
  readonly kafka: Kafka = testKafka();
  readonly topics = new TestTopics(this.kafka);

  async produce(topic: string, messages: Message[]): Promise<void> {
    const producer = this.kafka.producer({ idempotent: true });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
  }

  /** Every record of `topic` up to the latest offsets seen now, in offset order per partition. */
  async readAll(topic: string): Promise<ReadRecord[]> {
    const admin = await this.topics.admin();
    const ends = await admin.fetchTopicOffsets(topic);
    const total = ends.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
    const seen: ReadRecord[] = [];
    if (total === 0) return seen;
    const reader = this.kafka.consumer({ groupId: this.topics.group('cli-reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      reader
        .run({
          eachMessage: async ({ partition, message }) => {
            seen.push({ ...message, partition });
            if (seen.length >= total) resolve();
          },
        })
        .catch(reject);
    });
    await reader.disconnect();
    return seen.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  }

  async latestOffsets(topic: string): Promise<Map<number, string>> {
    const admin = await this.topics.admin();
    return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
  }

  cleanup(): Promise<void> {
    return this.topics.cleanup();
  }
}

export function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : value.toString();
}
