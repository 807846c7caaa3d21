/**
 * Turns many concurrent publishes into few sends. Each publish reserves a slot at call time,
 * so slots are in call order even when some still wait for their encoder; a batch is always
 * a prefix of the slots, so a later publish never goes out before an earlier one.
 *
 * At most one batch is in the sink at a time. That is what keeps per-key order across
 * resends: while the sink re-sends the records of a partition Kafka did not acknowledge,
 * later records of the same partition are still here, not overtaking them.
 *
 * A batch goes when the first waiting record has lingered `lingerMs`, when `maxCount` or
 * `maxBytes` is reached, on `flush()`, or as soon as the previous batch finished (records
 * that queued behind it have waited long enough).
 */
export interface CoalescingLimits {
  readonly lingerMs: number;
  readonly maxCount: number;
  readonly maxBytes: number;
}

/** Receives one batch at a time; must settle the items itself and never reject. */
export type BatchSink<T> = (items: T[]) => Promise<void>;

const SlotState = { Waiting: 'waiting', Ready: 'ready', Dropped: 'dropped' } as const;
type SlotState = (typeof SlotState)[keyof typeof SlotState];

export class QueueSlot<T> {
  state: SlotState = SlotState.Waiting;
  item?: T;
  size = 0;
  private done = false;
  // Made only when someone waits (flush): a promise per publish is garbage on the hot path.
  private waiting?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly queue: CoalescingQueue<T>) {}

  /** Resolves once the slot was dropped or its batch left the sink. */
  get settled(): Promise<void> {
    if (this.done) return Promise.resolve();
    this.waiting ??= new Promise((resolve) => (this.wake = resolve));
    return this.waiting;
  }

  markSettled(): void {
    this.done = true;
    this.wake?.();
  }

  fill(item: T, size: number): void {
    if (this.state !== SlotState.Waiting) throw new Error(`slot already ${this.state}`);
    this.item = item;
    this.size = size;
    this.state = SlotState.Ready;
    this.queue.slotChanged();
  }

  /** The publish failed before sending (invalid payload, registry away): give up the place. */
  drop(): void {
    if (this.state !== SlotState.Waiting) return;
    this.state = SlotState.Dropped;
    this.markSettled();
    this.queue.slotChanged();
  }
}

export class CoalescingQueue<T> {
  private slots: QueueSlot<T>[] = [];
  /** Leading slots that are no longer waiting, and how many ready items and bytes they hold. */
  private decided = 0;
  private readyCount = 0;
  private readyBytes = 0;
  private timer?: NodeJS.Timeout;
  private inSink?: Promise<void>;
  private flushing = 0;
  private holding = 0;

  constructor(
    private readonly limits: CoalescingLimits,
    private readonly sink: BatchSink<T>,
  ) {}

  reserve(): QueueSlot<T> {
    const slot = new QueueSlot(this);
    this.slots.push(slot);
    return slot;
  }

  /** Runs `fill` without sending in between, so slots filled together are sent together. */
  together(fill: () => void): void {
    this.holding++;
    try {
      fill();
    } finally {
      this.holding--;
      this.schedule();
    }
  }

  /** Sends everything reserved so far without lingering; resolves once all of it settled. */
  async flush(): Promise<void> {
    const pending = this.slots.map((slot) => slot.settled);
    if (this.inSink) pending.push(this.inSink);
    this.flushing++;
    try {
      this.schedule();
      await Promise.all(pending);
    } finally {
      this.flushing--;
    }
  }

  slotChanged(): void {
    while (this.decided < this.slots.length && this.slots[this.decided].state !== SlotState.Waiting) {
      const slot = this.slots[this.decided++];
      if (slot.state === SlotState.Ready) {
        this.readyCount++;
        this.readyBytes += slot.size;
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.inSink || this.decided === 0 || this.holding > 0) return;
    const full = this.readyCount >= this.limits.maxCount || this.readyBytes >= this.limits.maxBytes;
    if (full || this.flushing > 0 || this.limits.lingerMs === 0) {
      this.sendNow();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.sendNow();
      }, this.limits.lingerMs);
    }
  }

  private sendNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.inSink) return;
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    const items = batch.map((slot) => slot.item as T);
    this.inSink = this.sink(items)
      .catch(() => undefined)
      .then(() => {
        for (const slot of batch) slot.markSettled();
        this.inSink = undefined;
        // Whatever queued meanwhile has waited a whole send already: no extra linger.
        if (this.decided > 0) this.sendNow();
      });
  }

  /** The longest prefix of decided slots within the limits (at least one ready item); dropped slots are discarded. */
  private takeBatch(): QueueSlot<T>[] {
    const batch: QueueSlot<T>[] = [];
    let bytes = 0;
    let taken = 0;
    while (taken < this.decided) {
      const slot = this.slots[taken];
      if (slot.state === SlotState.Ready) {
        if (batch.length > 0 && (batch.length >= this.limits.maxCount || bytes + slot.size > this.limits.maxBytes)) break;
        batch.push(slot);
        bytes += slot.size;
      }
      taken++;
    }
    this.slots = this.slots.slice(taken);
    this.decided -= taken;
    this.readyCount -= batch.length;
    this.readyBytes -= bytes;
    return batch;
  }
}
