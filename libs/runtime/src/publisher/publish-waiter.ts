import { PublishError } from './publish.error';
import type { PublishReceipt } from './publish.types';

/**
 * Who waits for a queued record: `settle` is called once per record with its receipt or its
 * error. One waiter per call, not a promise per record: `publishMany` of 1,000 events settles
 * one promise, not a thousand.
 */
export interface PublishWaiter {
  settle(index: number, outcome: PublishReceipt | PublishError): void;
}

/** The caller of `publish`: one record, one promise. */
export class SingleWaiter implements PublishWaiter {
  constructor(
    private readonly resolve: (receipt: PublishReceipt) => void,
    private readonly reject: (error: PublishError) => void,
  ) {}

  settle(_index: number, outcome: PublishReceipt | PublishError): void {
    if (outcome instanceof PublishError) this.reject(outcome);
    else this.resolve(outcome);
  }
}

/**
 * The caller of `publishMany`: resolves with every receipt in call order once all records
 * settled, or rejects with the first failure that arrived — also only once all settled, so a
 * caller that sees the rejection knows nothing of the call is still on its way.
 */
export class GroupWaiter implements PublishWaiter {
  readonly all: Promise<PublishReceipt[]>;
  private readonly receipts: PublishReceipt[];
  private remaining: number;
  private failure?: PublishError;
  private resolve!: (receipts: PublishReceipt[]) => void;
  private reject!: (error: PublishError) => void;

  constructor(count: number) {
    this.receipts = new Array(count);
    this.remaining = count;
    this.all = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    if (count === 0) this.resolve(this.receipts);
  }

  settle(index: number, outcome: PublishReceipt | PublishError): void {
    if (outcome instanceof PublishError) this.failure ??= outcome;
    else this.receipts[index] = outcome;
    if (--this.remaining > 0) return;
    if (this.failure) this.reject(this.failure);
    else this.resolve(this.receipts);
  }
}
