/**
 * Per-address back-off for failed sign-ins: the first FREE_FAILURES are free, then each
 * further failure doubles the wait before the next attempt (1 s, 2 s, 4 s … up to 15 min).
 * A success clears the address. Online guessing becomes impractical while an operator who
 * mistypes twice never notices.
 */
const FREE_FAILURES = 5;
const MAX_WAIT_MS = 15 * 60_000;
/** An address that stopped failing is forgotten after this long. */
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  last: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before this address may try again; 0 when it may now. */
  waitMs(address: string): number {
    const entry = this.failures.get(address);
    if (!entry || entry.count < FREE_FAILURES) return 0;
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (entry.count - FREE_FAILURES));
    return Math.max(0, entry.last + wait - this.now());
  }

  failed(address: string): void {
    const now = this.now();
    if (this.failures.size >= MAX_TRACKED) this.forgetOld(now);
    const entry = this.failures.get(address);
    if (entry && now - entry.last < FORGET_AFTER_MS) {
      entry.count += 1;
      entry.last = now;
    } else this.failures.set(address, { count: 1, last: now });
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }

  private forgetOld(now: number): void {
    for (const [address, entry] of this.failures) if (now - entry.last >= FORGET_AFTER_MS) this.failures.delete(address);
    // Still full: drop the oldest, so memory stays bounded under a spread-out attack.
    if (this.failures.size >= MAX_TRACKED) this.failures.delete(this.failures.keys().next().value as string);
  }
}
