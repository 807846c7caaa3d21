import { SampleWindow } from '../sampling/sample-window';
import { heldRecords, type ClusterSnapshot } from './cluster-snapshot';

export interface SamplerOptions {
  /** How far back the charts go. */
  readonly windowMs: number;
  /** A snapshot younger than this is answered as is instead of asking Kafka again. */
  readonly freshForMs: number;
}

export const DEFAULT_SAMPLER_OPTIONS: SamplerOptions = { windowMs: 15 * 60_000, freshForMs: 2_000 };

export const isDeadLetterTopic = (topic: string) => topic.endsWith('.dlq');

/**
 * Keeps the last snapshot and the series the charts draw (dead letters per DLQ topic, lag
 * per group partition), fed by a timer and by requests: concurrent requests share one
 * snapshot in flight, and one that is fresh enough is not taken again, so a room full of
 * open consoles costs Kafka what one does.
 */
export class ClusterSampler {
  private last?: ClusterSnapshot;
  private inFlight?: Promise<ClusterSnapshot>;
  private readonly deadLetters = new Map<string, SampleWindow<bigint>>();
  private readonly lags = new Map<string, SampleWindow<ReadonlyMap<string, bigint>>>();

  constructor(
    private readonly take: () => Promise<ClusterSnapshot>,
    private readonly options: SamplerOptions = DEFAULT_SAMPLER_OPTIONS,
    private readonly now: () => number = Date.now,
  ) {}

  async snapshot(): Promise<ClusterSnapshot> {
    if (this.last && this.now() - this.last.at < this.options.freshForMs) return this.last;
    return this.sample();
  }

  /** A new snapshot (or the one being taken), recorded in the series. */
  sample(): Promise<ClusterSnapshot> {
    this.inFlight ??= this.take()
      .then((snapshot) => {
        this.record(snapshot);
        return snapshot;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  deadLetterTrend(topic: string): ReadonlyArray<{ at: number; value: bigint }> {
    return this.deadLetters.get(topic)?.read(this.now()) ?? [];
  }

  lagHistory(groupId: string): ReadonlyArray<{ at: number; value: ReadonlyMap<string, bigint> }> {
    return this.lags.get(groupId)?.read(this.now()) ?? [];
  }

  private record(snapshot: ClusterSnapshot): void {
    this.last = snapshot;
    for (const topic of snapshot.topics) {
      if (!isDeadLetterTopic(topic.name)) continue;
      this.windowOf(this.deadLetters, topic.name).add(snapshot.at, heldRecords(topic));
    }
    for (const group of snapshot.groups) this.windowOf(this.lags, group.groupId).add(snapshot.at, group.lag);
  }

  private windowOf<T>(windows: Map<string, SampleWindow<T>>, key: string): SampleWindow<T> {
    let window = windows.get(key);
    if (!window) windows.set(key, (window = new SampleWindow<T>(this.options.windowMs)));
    return window;
  }
}
