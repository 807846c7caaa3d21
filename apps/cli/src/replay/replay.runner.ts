import type { IHeaders, KafkaMessage } from 'kafkajs';
import { redriveForGroupHeaders } from '@eventline/runtime';
import { assertTopicExists, fetchWatermarks, type OffsetPosition, type PartitionWatermarks, readTopic, recordFilter, type RecordFilterSpec, replayProvenanceHeaders, resolveRanges, totalCount } from '@eventline/ops';
import { badArgument, CliError, CliErrorCode } from '../common/cli.error';
import type { CliContext } from '../common/cli-context';
import { progressFor } from '../common/progress.reporter';
import { sendAcknowledged, type PartitionedMessage } from '../kafka/acknowledged-send';
import { keyPartitioner, type PartitionChooser } from '../kafka/key-partitioner';
import { RateLimiter } from '../kafka/rate-limiter';
import { createTopic, topicTemplate } from '../topics/topic-create.runner';
import { planTopicCreate } from '../topics/topic-create.plan';
import { ReplayCheckpoint } from './replay-checkpoint';
import { choosePartitionMode, PartitionMode, planReplay, type ReplayPlan } from './replay-plan';
import { printReplayPlan, printReplaySummary, type ReplayCounts } from './replay-report';

export interface ReplayOptions {
  readonly sourceTopic: string;
  readonly targetTopic: string;
  readonly from: OffsetPosition;
  readonly to: OffsetPosition;
  readonly partitions?: readonly number[];
  readonly filter: RecordFilterSpec;
  readonly keepPartitions: boolean;
  readonly replayId: string;
  readonly ratePerSecond?: number;
  readonly dryRun: boolean;
  /** Create a missing target like the source (partitions and topic configs). */
  readonly createTarget?: boolean;
  /** Only this consumer group is to process the copies (RedriveHeader.ForGroup); undefined: headers as they are. */
  readonly forGroup?: string;
}

/**
 * Records per `send()` when no rate limit makes chunks smaller: big enough to batch well.
 * Bytes are capped too: a full 1 MB fetch batch plus ~120 bytes of provenance headers per
 * record would exceed the broker's default `message.max.bytes` (1 MB) as one record batch.
 */
const SEND_CHUNK = 5_000;
const SEND_CHUNK_BYTES = 512 * 1024;

function approximateSize(message: PartitionedMessage): number {
  let size = 64 + (message.key?.length ?? 0) + (message.value?.length ?? 0);
  for (const [name, value] of Object.entries(message.headers ?? {})) size += name.length + (value?.length ?? 0);
  return size;
}

/** Consecutive slices of `batch` within the count and byte caps; order is kept. */
function chunks(batch: readonly PartitionedMessage[], maxCount: number): PartitionedMessage[][] {
  const out: PartitionedMessage[][] = [];
  let current: PartitionedMessage[] = [];
  let bytes = 0;
  for (const message of batch) {
    const size = approximateSize(message);
    if (current.length > 0 && (current.length >= maxCount || bytes + size > SEND_CHUNK_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export async function runReplay(ctx: CliContext, options: ReplayOptions, signal?: AbortSignal): Promise<ReplayCounts | undefined> {
  if (options.sourceTopic === options.targetTopic) throw badArgument('--to-topic must differ from the source topic');
  const admin = await ctx.admin();
  await assertTopicExists(admin, options.sourceTopic, 'source topic');
  const targetMissing = !(await admin.listTopics()).includes(options.targetTopic);
  if (targetMissing && !options.createTarget) {
    throw new CliError(
      CliErrorCode.UnknownTopic,
      `target topic ${options.targetTopic} does not exist: add --create-target (same partitions and configs as ${options.sourceTopic}), or run "eventline topics create ${options.targetTopic} --like ${options.sourceTopic}"`,
    );
  }

  const ranges = await resolveRanges(admin, options.sourceTopic, options);
  let targetWatermarks: PartitionWatermarks[];
  if (targetMissing) {
    const plan = planTopicCreate(options.targetTopic, {}, await topicTemplate(admin, options.sourceTopic));
    if (options.dryRun) {
      ctx.output.note(`would create ${plan.topic} like ${options.sourceTopic} (${plan.partitions} partition(s)) before copying`);
      // The plan as it will be: an empty target with the source's partitions.
      targetWatermarks = Array.from({ length: plan.partitions }, (_, partition) => ({ partition, low: 0n, high: 0n }));
    } else {
      await createTopic(admin, plan);
      ctx.output.note(`created ${plan.topic} like ${options.sourceTopic} (${plan.partitions} partition(s))`);
      targetWatermarks = await fetchWatermarks(admin, options.targetTopic);
    }
  } else {
    targetWatermarks = await fetchWatermarks(admin, options.targetTopic);
  }
  const partitionMode = choosePartitionMode({
    sourceTopic: options.sourceTopic,
    targetTopic: options.targetTopic,
    targetPartitions: targetWatermarks.length,
    copied: ranges.filter((r) => r.count > 0n).map((r) => r.partition),
    keepPartitions: options.keepPartitions,
  });
  const checkpoint = totalCount(ranges) === 0n || targetMissing
    ? new ReplayCheckpoint(options.replayId, options.sourceTopic)
    : await ReplayCheckpoint.load(ctx.ops.kafka, options.targetTopic, targetWatermarks, options.replayId, options.sourceTopic);
  const plan = planReplay({ ...options, partitionMode, ranges, copiedIn: (range) => checkpoint.copiedIn(range) });

  if (options.dryRun) {
    const matching = hasFilter(options.filter) ? await countMatching(ctx, options, plan, checkpoint) : undefined;
    printReplayPlan(ctx.output, plan, options.filter, options.forGroup, matching);
    return undefined;
  }
  return copy(ctx, options, plan, checkpoint, signal);
}

const hasFilter = (filter: RecordFilterSpec) => filter.key !== undefined || filter.type !== undefined;

/** Above this many records a dry run does not read the range to count the filters' matches. */
const DRY_RUN_SCAN_LIMIT = 200_000n;

/**
 * What a dry run with --key/--type would really copy: the planned ranges read once (bounded
 * by DRY_RUN_SCAN_LIMIT), counting records that match and are not already in the target.
 * Without it the plan's count is the range's, which the filters may cut to nothing.
 */
async function countMatching(ctx: CliContext, options: ReplayOptions, plan: ReplayPlan, checkpoint: ReplayCheckpoint): Promise<{ records: number } | { skippedAbove: bigint }> {
  if (plan.remaining > DRY_RUN_SCAN_LIMIT) return { skippedAbove: DRY_RUN_SCAN_LIMIT };
  const matches = recordFilter(options.filter);
  let records = 0;
  await readTopic(
    ctx.ops.kafka,
    options.sourceTopic,
    plan.rows.filter((r) => r.remaining > 0n).map((r) => ({ partition: r.partition, from: r.from, to: r.to })),
    async ({ partition, messages }) => {
      for (const message of messages) if (matches(message) && !checkpoint.has(partition, BigInt(message.offset))) records += 1;
    },
    { concurrency: 4 },
  );
  return { records };
}

async function copy(ctx: CliContext, options: ReplayOptions, plan: ReplayPlan, checkpoint: ReplayCheckpoint, signal?: AbortSignal): Promise<ReplayCounts> {
  const chooser: PartitionChooser | undefined =
    plan.partitionMode === PartitionMode.ByKey ? await keyPartitioner(await ctx.admin(), options.targetTopic) : undefined;
  const producer = await ctx.ops.producer();
  const limiter = options.ratePerSecond ? new RateLimiter(options.ratePerSecond) : undefined;
  const matches = recordFilter(options.filter);
  const counts: ReplayCounts = { copied: 0, filteredOut: 0, alreadyCopied: 0, byPartition: new Map() };
  const progress = progressFor(`replay ${plan.replayId}`, { json: ctx.output.json });
  const started = Date.now();
  progress.start(Number(plan.remaining));

  const forGroup = options.forGroup !== undefined ? redriveForGroupHeaders(options.forGroup) : {};
  const toSend = (partition: number, message: KafkaMessage): PartitionedMessage => {
    const headers: IHeaders = {
      ...message.headers,
      ...replayProvenanceHeaders({ replayId: plan.replayId, sourceTopic: plan.sourceTopic, sourcePartition: partition, sourceOffset: message.offset }),
      // Last, so it replaces the group a copied record was redriven for earlier.
      ...forGroup,
    };
    // The timestamp is left to the producer: the target's time index must say when records
    // arrived there, so `--from-time` on the target means what it says. The event's own time
    // travels in its ce_time header.
    const out = { key: message.key, value: message.value, headers };
    return { ...out, partition: chooser ? chooser(out) : partition };
  };

  try {
    await readTopic(
      ctx.ops.kafka,
      plan.sourceTopic,
      plan.rows,
      async ({ partition, messages, heartbeat }) => {
        const batch: PartitionedMessage[] = [];
        let skipped = 0;
        const resuming = checkpoint.size > 0;
        for (const message of messages) {
          if (resuming && checkpoint.has(partition, BigInt(message.offset))) {
            counts.alreadyCopied += 1;
            continue;
          }
          if (!matches(message)) {
            counts.filteredOut += 1;
            skipped += 1;
            continue;
          }
          batch.push(toSend(partition, message));
        }
        progress.advance(skipped);
        for (const chunk of chunks(batch, limiter ? limiter.chunkSize : SEND_CHUNK)) {
          if (signal?.aborted) return false;
          if (limiter) await limiter.acquire(chunk.length);
          await sendAcknowledged(producer, plan.targetTopic, chunk);
          counts.copied += chunk.length;
          counts.byPartition.set(partition, (counts.byPartition.get(partition) ?? 0) + chunk.length);
          progress.advance(chunk.length);
          await heartbeat();
        }
        return !signal?.aborted;
      },
      // Partitions are copied side by side; each one stays in order, which is all Kafka promises.
      { concurrency: 4, signal },
    );
  } finally {
    progress.stop();
  }
  counts.elapsedMs = Date.now() - started;
  counts.interrupted = signal?.aborted === true;
  printReplaySummary(ctx.output, plan, counts, options.forGroup);
  return counts;
}
