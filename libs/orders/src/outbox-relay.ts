import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventType } from '@eventline/contracts';
import { EventlinePublisher } from '@eventline/nest';
import type { Database } from '@eventline/persistence';
import { DATABASE } from '@eventline/service-kit';
import { fromOutboxJson } from './outbox-json';

export const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');
export interface OutboxOptions {
  readonly pollMs: number;
  readonly batch: number;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  order_id: string;
  event_type: string;
  payload: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes the outbox in seq order. Rows are marked published only after Kafka
 * acknowledged them; a crash between the publish and the mark re-publishes them with the
 * same ce_id (at-least-once; consumers deduplicate). A round that fails stops at once and
 * the next round starts again from the oldest unpublished row, so event N+1 of an order is
 * never published before event N: they share a key, hence a partition, and the publisher
 * sends one batch at a time, so a failed partition fails all its records of that batch.
 * Kafka down: rounds back off (up to 10 s) and resume by themselves.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private failures = 0;
  private published = 0;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly publisher: EventlinePublisher,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  get stats(): { published: number; failures: number } {
    return { published: this.published, failures: this.failures };
  }

  async backlog(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL');
    return Number(row.n);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.round();
        this.failures = 0;
      } catch (error) {
        this.failures++;
        const backoff = Math.min(10_000, 200 * 2 ** Math.min(this.failures, 6));
        this.logger.warn(`outbox round failed (${error instanceof Error ? error.message : String(error)}); retrying in ${backoff} ms`);
        await sleep(backoff);
        continue;
      }
      if (sent === 0) await sleep(this.options.pollMs);
    }
  }

  /** One round: the oldest unpublished rows, published in order, then marked. Returns how many. */
  async round(): Promise<number> {
    const rows = await this.db.query<OutboxRow>('SELECT seq::text AS seq, event_id, order_id, event_type, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1', [this.options.batch]);
    if (rows.length === 0) return 0;
    const results = await Promise.allSettled(
      rows.map((row) => this.publisher.publish(row.event_type as EventType, fromOutboxJson(row.payload) as never, { id: row.event_id, key: row.order_id })),
    );
    const done = rows.filter((_, i) => results[i].status === 'fulfilled');
    if (done.length > 0) {
      await this.db.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [done.map((r) => r.seq)]);
      this.published += done.length;
    }
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return rows.length;
  }
}
