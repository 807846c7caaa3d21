import type { Message, Producer } from 'kafkajs';
import type { AvroEncoder } from '@eventline/codec';
import type { OrderPlaced } from '@eventline/contracts';
import { eventlineMessage } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';

const TICK_MS = 10;

/**
 * Writes Eventline records at a steady rate on a 10 ms tick, round-robin over the partitions
 * (each gets rate/6 records/s), with one idempotent acks=all send in flight carrying whatever
 * accumulated meanwhile. Ids (`ce_id` = `bench-<n>`) are remembered once Kafka acknowledged
 * them: those are the records that must all be processed. Bounded by `maxMs`.
 */
export class SteadyStream {
  readonly acknowledged = new Set<string>();
  private next = 0;
  private stopped = false;
  private running?: Promise<void>;
  private failure?: unknown;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly encoder: AvroEncoder<OrderPlaced>,
    private readonly ratePerSecond: number,
    private readonly maxMs: number,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  /** Stops producing; resolves once the last send settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
    if (this.failure !== undefined) throw this.failure;
  }

  get sent(): number {
    return this.next;
  }

  private async loop(): Promise<void> {
    const started = performance.now();
    let pending: Message[] = [];
    let ids: string[] = [];
    let sending: Promise<void> | undefined;
    const pump = () => {
      if (sending || pending.length === 0) return;
      const messages = pending;
      const sentIds = ids;
      pending = [];
      ids = [];
      sending = this.producer
        .send({ topic: this.topic, acks: -1, messages })
        .then(
          () => {
            for (const id of sentIds) this.acknowledged.add(id);
          },
          (error: unknown) => {
            this.failure ??= error;
          },
        )
        .finally(() => {
          sending = undefined;
          pump();
        });
    };
    while (!this.stopped && performance.now() - started < this.maxMs) {
      const due = Math.floor(((performance.now() - started) * this.ratePerSecond) / 1_000);
      for (; this.next < due; this.next++) {
        pending.push({ ...eventlineMessage(this.encoder, this.next), partition: this.next % PARTITIONS });
        ids.push(`bench-${this.next}`);
      }
      pump();
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    while (sending || pending.length > 0) {
      pump();
      await sending;
    }
  }
}
