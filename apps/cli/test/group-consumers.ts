import { EventConsumer, type EventContext, kafkaJsClient, RuntimeEvent, RuntimeInstrumentation, SkipReason } from '@eventline/runtime';
import type { CliTestKit } from './cli-test-kit';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** One group's Eventline consumer and what it did: every handler call, each success, each redrive skip. */
export interface GroupMember {
  readonly groupId: string;
  readonly consumer: EventConsumer;
  /** Values the handler was called with (failed attempts included). */
  readonly calls: string[];
  /** Values the handler finished. */
  readonly handled: string[];
  /** `<partition>:<offset>` of records skipped as redriven for another group. */
  readonly skippedForOtherGroup: string[];
}

/**
 * Eventline consumers of several groups reading one topic, as the workers of a pipeline do:
 * the world a redrive lands in. `rejects(value)` says which records a group's handler fails
 * (non-retriable, so they are dead-lettered at once). Consumers stop at `stop()`.
 */
export class GroupConsumers {
  private readonly members: GroupMember[] = [];

  constructor(private readonly kit: CliTestKit) {}

  async start(groupPrefix: string, topic: string, rejects: (value: string) => boolean = () => false): Promise<GroupMember> {
    const groupId = this.kit.topics.group(groupPrefix);
    const calls: string[] = [];
    const handled: string[] = [];
    const skippedForOtherGroup: string[] = [];
    const instrumentation = new RuntimeInstrumentation();
    instrumentation.on(RuntimeEvent.RecordSkipped, (e) => {
      if (e.reason === SkipReason.RedriveForOtherGroup) skippedForOtherGroup.push(`${e.partition}:${e.offset}`);
    });
    const consumer = new EventConsumer({
      client: kafkaJsClient(this.kit.kafka),
      groupId,
      instrumentation,
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1_000,
      commit: { maxUncommittedRecords: 1, maxUncommittedMs: 50 },
      routes: [
        {
          topic,
          eventType: '*',
          handler: (value: Buffer, _ctx: EventContext) => {
            const text = value.toString();
            calls.push(text);
            if (rejects(text)) throw Object.assign(new Error(`${groupId} rejects ${text}`), { code: 'TEST_REJECTED', retriable: false });
            handled.push(text);
          },
        },
      ],
    });
    const member = { groupId, consumer, calls, handled, skippedForOtherGroup };
    this.members.push(member);
    await consumer.start();
    return member;
  }

  /** Committed offsets of a group by partition ('-1': none). */
  async committed(groupId: string, topic: string): Promise<Map<number, string>> {
    const admin = await this.kit.topics.admin();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map(offsets.partitions.map((p) => [p.partition, p.offset]));
  }

  /** Whether the group committed every partition of `topic` up to its latest offset (lag 0). */
  async caughtUp(groupId: string, topic: string): Promise<boolean> {
    const [committed, latest] = await Promise.all([this.committed(groupId, topic), this.kit.latestOffsets(topic)]);
    return [...latest].every(([partition, high]) => committed.get(partition) === high);
  }

  async stop(): Promise<void> {
    await Promise.all(this.members.map((m) => m.consumer.stop()));
  }
}
