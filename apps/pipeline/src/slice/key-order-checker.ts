/**
 * Checks what a consumer saw against what a producer sent: every record carries its key's
 * sequence number (0, 1, 2, … per key). A record whose sequence is ahead of the next one
 * expected for its key is an order violation (something before it was skipped or reordered);
 * one behind it is a redelivery, which at-least-once allows.
 */
export class KeyOrderChecker {
  private readonly nextSeq = new Map<string, number>();
  private received = 0;
  private violations = 0;
  private duplicates = 0;

  record(key: string, seq: number): void {
    this.received++;
    const expected = this.nextSeq.get(key) ?? 0;
    if (seq === expected) {
      this.nextSeq.set(key, expected + 1);
    } else if (seq < expected) {
      this.duplicates++;
    } else {
      this.violations++;
      this.nextSeq.set(key, seq + 1);
    }
  }

  /** How many records of `key` arrived in order so far (its next expected sequence). */
  inOrder(key: string): number {
    return this.nextSeq.get(key) ?? 0;
  }

  get summary(): { received: number; violations: number; duplicates: number; keys: number } {
    return { received: this.received, violations: this.violations, duplicates: this.duplicates, keys: this.nextSeq.size };
  }
}
