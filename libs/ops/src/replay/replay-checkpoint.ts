import type { Kafka, KafkaMessage } from 'kafkajs';
import { ProvenanceHeader } from '../provenance/provenance.header';
import { type PartitionRange, type PartitionWatermarks } from '../ranges/partition-range';
import { readTopic } from '../read/topic-reader';
import { headerText } from '../records/header-text';

/**
 * What a replay id has already copied, read back from the target topic itself.
 *
 * Why the target and not a checkpoint topic: the target is the only place where "copied" is
 * true by definition. A separate checkpoint written after each send can lag the target (a
 * crash between the two resends) or lead it (if written first, a failed send is skipped for
 * good). Scanning the target's provenance headers has neither gap, needs no extra topic or
 * ACLs, and works for a replay started by someone else. The price is reading the target
 * once per run, which is bounded by its size at start.
 *
 * Why a set of offsets and not the highest one: placed by key, one source partition
 * fans out over several target partitions, and a send that failed for one of them leaves a
 * hole below offsets that did land elsewhere; "max copied" would skip the hole forever. The
 * set costs memory proportional to what this replay id copied.
 */
export class ReplayCheckpoint {
  private readonly copied = new Map<number, Set<bigint>>();

  constructor(
    readonly replayId: string,
    readonly sourceTopic: string,
  ) {}

  /** Scans `target` from earliest to the latest offsets captured now. */
  static async load(kafka: Kafka, target: string, targetWatermarks: readonly PartitionWatermarks[], replayId: string, sourceTopic: string): Promise<ReplayCheckpoint> {
    const checkpoint = new ReplayCheckpoint(replayId, sourceTopic);
    const ranges = targetWatermarks.map((w) => ({ partition: w.partition, from: w.low, to: w.high }));
    await readTopic(
      kafka,
      target,
      ranges,
      async ({ messages }) => {
        for (const message of messages) checkpoint.observe(message);
      },
      { concurrency: 4 },
    );
    return checkpoint;
  }

  /** Takes note of one target record if it carries this replay's provenance. */
  observe(message: KafkaMessage): void {
    if (headerText(message.headers, ProvenanceHeader.ReplayId) !== this.replayId) return;
    if (headerText(message.headers, ProvenanceHeader.ReplaySourceTopic) !== this.sourceTopic) return;
    const partition = headerText(message.headers, ProvenanceHeader.ReplaySourcePartition);
    const offset = headerText(message.headers, ProvenanceHeader.ReplaySourceOffset);
    if (partition === undefined || offset === undefined || !/^\d+$/.test(partition) || !/^\d+$/.test(offset)) return;
    this.record(Number(partition), BigInt(offset));
  }

  record(partition: number, offset: bigint): void {
    let offsets = this.copied.get(partition);
    if (!offsets) this.copied.set(partition, (offsets = new Set()));
    offsets.add(offset);
  }

  has(partition: number, offset: bigint): boolean {
    return this.copied.get(partition)?.has(offset) ?? false;
  }

  /** How many offsets of `range` were already copied. */
  copiedIn(range: PartitionRange): bigint {
    let n = 0n;
    for (const offset of this.copied.get(range.partition) ?? []) if (offset >= range.from && offset < range.to) n += 1n;
    return n;
  }

  get size(): number {
    let n = 0;
    for (const offsets of this.copied.values()) n += offsets.size;
    return n;
  }
}
