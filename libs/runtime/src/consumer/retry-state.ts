/**
 * The attempt count of the record each partition is retrying. A retry re-fetches the record
 * (the partition was paused and its position left on the failing offset), so the count is
 * matched by offset: a different offset at the head of the partition means a fresh record.
 */
export class RetryState {
  private readonly failing = new Map<string, { offset: string; attempt: number }>();

  private static key(topic: string, partition: number): string {
    return `${topic}\u0000${partition}`;
  }

  /** The attempt number the record at `offset` is on (1 if it has not failed before). */
  attemptOf(topic: string, partition: number, offset: string): number {
    const state = this.failing.get(RetryState.key(topic, partition));
    return state && state.offset === offset ? state.attempt : 1;
  }

  /** The record a partition is retrying and its next attempt, if any (looked up once per batch). */
  failingOf(topic: string, partition: number): { readonly offset: string; readonly attempt: number } | undefined {
    return this.failing.get(RetryState.key(topic, partition));
  }

  scheduleNext(topic: string, partition: number, offset: string, nextAttempt: number): void {
    this.failing.set(RetryState.key(topic, partition), { offset, attempt: nextAttempt });
  }

  clear(topic: string, partition: number): void {
    this.failing.delete(RetryState.key(topic, partition));
  }

  retainOnly(owned: (topic: string, partition: number) => boolean): void {
    for (const key of this.failing.keys()) {
      const [topic, partition] = key.split('\u0000');
      if (!owned(topic, Number(partition))) this.failing.delete(key);
    }
  }
}
