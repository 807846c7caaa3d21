/**
 * The per-process bound on records in flight across all key-order partitions. Non-blocking:
 * a partition that finds no slot asks to be called back when one frees up.
 */
export class ProcessLimiter {
  private used = 0;
  private readonly waiting = new Set<() => void>();

  constructor(readonly limit: number) {}

  tryAcquire(): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  release(): void {
    this.used--;
    if (this.waiting.size === 0) return;
    const callbacks = [...this.waiting];
    this.waiting.clear();
    for (const callback of callbacks) callback();
  }

  whenFree(callback: () => void): void {
    this.waiting.add(callback);
  }
}
