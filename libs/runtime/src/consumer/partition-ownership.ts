/**
 * Which partitions this member may process right now. kafkajs 2.x uses the eager rebalance
 * protocol: when a rebalance starts every partition is revoked, and the new assignment
 * arrives with GROUP_JOIN. Between the two, nothing is owned, so no record starts on a
 * member that may have lost its partition; records already running may still finish.
 */
export class PartitionOwnership {
  private owned = new Set<string>();
  /** Revoked, new assignment not yet known: records already running may still be recorded. */
  private draining = new Set<string>();
  private changes = 0;

  private static key(topic: string, partition: number): string {
    return `${topic}\u0000${partition}`;
  }

  assign(assignment: Record<string, number[]>): void {
    const next = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) for (const p of partitions) next.add(PartitionOwnership.key(topic, p));
    this.owned = next;
    this.draining = new Set();
    this.changes++;
  }

  revokeAll(): void {
    for (const key of this.owned) this.draining.add(key);
    this.owned = new Set();
    this.changes++;
  }

  /**
   * Changes with every assignment and revoke. Both happen in kafkajs group events, never
   * while a strategy runs synchronously, so a strategy that saw the same version may rely on
   * its last `owns` answer instead of asking again for every record.
   */
  get version(): number {
    return this.changes;
  }

  /** May a record of this partition start now? */
  owns(topic: string, partition: number): boolean {
    return this.owned.has(PartitionOwnership.key(topic, partition));
  }

  /**
   * May a record of this partition that is already running be recorded as finished? Yes while
   * owned, and after a revoke until the new assignment arrives: its commit then still goes
   * with the old generation, which the broker accepts only while the group has not formed
   * again (after that it is refused and the next owner redoes the record: at-least-once).
   */
  mayFinish(topic: string, partition: number): boolean {
    const key = PartitionOwnership.key(topic, partition);
    return this.owned.has(key) || this.draining.has(key);
  }

  /** Revoked partitions are waiting for their running records (between a revoke and the next assignment). */
  get isDraining(): boolean {
    return this.draining.size > 0;
  }

  readonly ownsFn = (topic: string, partition: number): boolean => this.owns(topic, partition);
}
