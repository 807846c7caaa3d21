import type { OrderPaid } from '@eventline/contracts';
import type { EventPublisher } from '@eventline/runtime';
import { StampHeader, stampId, type EventStamp } from '../checker/event-stamp';
import type { SendLedger } from '../checker/send-ledger';

export const CHECKED_EVENT_TYPE = 'dev.eventline.orders.OrderPaid';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The payload of a checked event: an ordinary OrderPaid whose fields echo the stamp. */
export function stampedPayment(stamp: EventStamp): OrderPaid {
  return { orderId: stamp.key, paymentId: stamp.id, amountMinor: BigInt(stamp.seq), currency: 'EUR', method: 'CARD', paidAt: Date.now() };
}

export interface StreamRun {
  readonly ratePerSec: number;
  /** Stop after this many events… */
  readonly count?: number;
  /** …or after this long, whichever comes first. */
  readonly durationMs?: number;
}

/**
 * Publishes stamped events through the EventPublisher at a steady rate, round-robin over
 * `keys` keys, each key's sequence counting up from 1, and records every outcome in the
 * ledger. Publishes are not awaited one by one (the publisher coalesces them); `settle()`
 * waits for the outcomes of all of them.
 */
export class StampedStream {
  private readonly nextSeq = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private published = 0;
  private stopRequested = false;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly ledger: SendLedger,
    private readonly runId: string,
    private readonly keys = 200,
  ) {}

  publishOne(): void {
    const key = `k${this.published % this.keys}`;
    const seq = (this.nextSeq.get(key) ?? 0) + 1;
    this.nextSeq.set(key, seq);
    const stamp: EventStamp = { id: stampId(this.runId, key, seq), key, seq };
    this.published++;
    const send = this.publisher.publish(CHECKED_EVENT_TYPE, stampedPayment(stamp), {
      id: stamp.id,
      key,
      headers: { [StampHeader.Sequence]: String(seq) },
    });
    const tracked = this.ledger.track(stamp, send).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Publishes at `ratePerSec` until the count or duration is reached, or `stop()` is called. */
  async run({ ratePerSec, count, durationMs }: StreamRun): Promise<void> {
    if (count === undefined && durationMs === undefined) throw new Error('a stream needs a count or a duration');
    this.stopRequested = false;
    const started = Date.now();
    const startCount = this.published;
    const until = durationMs === undefined ? Number.POSITIVE_INFINITY : started + durationMs;
    const target = count ?? Number.POSITIVE_INFINITY;
    while (!this.stopRequested && Date.now() < until && this.published - startCount < target) {
      const due = Math.min(target, Math.floor(((Date.now() - started) * ratePerSec) / 1000)) - (this.published - startCount);
      for (let i = 0; i < due; i++) this.publishOne();
      await sleep(10);
    }
  }

  stop(): void {
    this.stopRequested = true;
  }

  /** Resolves once every publish so far has an outcome in the ledger. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
