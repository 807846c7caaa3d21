/**
 * Which partitions this member may process right now. kafkajs 2.x uses the eager rebalance
 * protocol: when a rebalance starts every partition is revoked, and the new assignment
 * arrives with GROUP_JOIN. Between the two, nothing is owned, so no record is handled by a
 * member that may have lost its partition.
 */
export class PartitionOwnership {
  private owned = new Set<string>();

  private static key(topic: string, partition: number): string {
    return `${topic}\u0000${partition}`;
  }

  assign(assignment: Record<string, number[]>): void {
    const next = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) for (const p of partitions) next.add(PartitionOwnership.key(topic, p));
    this.owned = next;
  }

  revokeAll(): void {
    this.owned = new Set();
  }

  owns(topic: string, partition: number): boolean {
    return this.owned.has(PartitionOwnership.key(topic, partition));
  }

  readonly ownsFn = (topic: string, partition: number): boolean => this.owns(topic, partition);
}
