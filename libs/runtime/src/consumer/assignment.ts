import type { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { OffsetTracker } from '../offsets/offset-tracker';
import type { PartitionAssignment } from '../kafka/consumed-record';
import { PartitionState, PartitionStatus } from './partition-state';

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * This member's partitions, one PartitionState each, changed only by group events: an
 * assignment (a new generation: partitions kept carry their retry over, new ones start
 * fresh, the rest are gone) and a revoke (the eager protocol revokes every partition until
 * the next assignment: all drain).
 */
export class Assignment {
  private readonly states = new Map<string, PartitionState>();
  private generationCount = 0;
  private changes = 0;

  constructor(
    private readonly groupId: string,
    private readonly tracker: OffsetTracker,
    private readonly instrumentation: RuntimeInstrumentation,
  ) {}

  assign(assignment: PartitionAssignment): void {
    const generation = ++this.generationCount;
    const next = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const key = keyOf(topic, partition);
        next.add(key);
        const offsets = this.tracker.partition(topic, partition);
        const state = this.states.get(key);
        if (state) state.reassigned(generation, offsets);
        else this.states.set(key, new PartitionState(topic, partition, generation, offsets, this.groupId, this.instrumentation));
      }
    }
    for (const [key, state] of this.states) {
      if (!next.has(key)) {
        state.gone();
        this.states.delete(key);
      }
    }
    this.changes++;
  }

  revokeAll(): void {
    for (const state of this.states.values()) state.revoked();
    this.changes++;
  }

  /** The consumer stops: no backoff timer resumes a partition (running records may still finish). */
  cancelBackoffs(): void {
    for (const state of this.states.values()) state.cancelBackoff();
  }

  /** The consumer stopped: nothing is owned any more. */
  close(): void {
    for (const state of this.states.values()) state.gone();
    this.states.clear();
    this.changes++;
  }

  /** The state of a partition this member has (owned or draining). */
  get(topic: string, partition: number): PartitionState | undefined {
    return this.states.get(keyOf(topic, partition));
  }

  all(): IterableIterator<PartitionState> {
    return this.states.values();
  }

  /**
   * Changes with every assignment and revoke. Both happen in group events, never while a
   * strategy runs synchronously, so a strategy that saw the same version may rely on its
   * last `owns` answer instead of asking again for every record.
   */
  get version(): number {
    return this.changes;
  }

  /** Revoked partitions are waiting for their running records (between a revoke and the next assignment). */
  get isDraining(): boolean {
    for (const state of this.states.values()) if (state.status === PartitionStatus.Draining) return true;
    return false;
  }
}
