import { RuntimeEvent, type RuntimeInstrumentation } from '../instrumentation/runtime-events';

/**
 * Partitions paused during a retry backoff. Pausing (rather than sleeping inside the batch)
 * lets kafkajs keep fetching the other partitions and heartbeating; resuming re-fetches from
 * the failing record because its offset was never resolved.
 */
export class PartitionPauses {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly groupId: string,
    private readonly instrumentation: RuntimeInstrumentation,
  ) {}

  pauseFor(topic: string, partition: number, delayMs: number, pause: () => () => void, reason: string): void {
    const key = `${topic}\u0000${partition}`;
    clearTimeout(this.timers.get(key));
    const resume = pause();
    this.instrumentation.emit(RuntimeEvent.PartitionPaused, { groupId: this.groupId, topic, partition, reason });
    const timer = setTimeout(() => {
      this.timers.delete(key);
      resume();
      this.instrumentation.emit(RuntimeEvent.PartitionResumed, { groupId: this.groupId, topic, partition, reason: 'backoff elapsed' });
    }, delayMs);
    this.timers.set(key, timer);
  }

  get count(): number {
    return this.timers.size;
  }

  /** On shutdown: no partition is resumed any more. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
