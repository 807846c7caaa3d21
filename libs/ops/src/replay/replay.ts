import type { Attributes } from '@opentelemetry/api';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { MessagingAttribute, redriveForGroupHeaders } from '@eventline/runtime';
import type { OpsContext } from '../context/ops-context';
import { NO_PROGRESS, type ProgressListener } from '../context/progress-listener';
import { badArgument, OpsError, OpsErrorCode, OpsRemedy } from '../errors/ops.error';
import { replayProvenanceHeaders } from '../provenance/provenance.header';
import type { OffsetPosition } from '../ranges/offset-position';
import { totalCount, type PartitionWatermarks } from '../ranges/partition-range';
import { resolveRanges } from '../ranges/resolve-ranges';
import { readTopic } from '../read/topic-reader';
import { recordFilter, type RecordFilterSpec } from '../records/record-filter';
import { createTopic, topicTemplate } from '../topics/topic-create';
import { planTopicCreate, type TopicCreatePlan } from '../topics/topic-create.plan';
import { assertTopicExists } from '../topics/topic-exists';
import { fetchWatermarks } from '../topics/topic-offsets';
import { OpsSpanAttribute } from '../tracing/ops-span-attribute';
import { inRunSpan, type RunTrace } from '../tracing/run-span';
import { TracedRecordWriter } from '../tracing/traced-record-writer';
import { keyPartitioner, type PartitionChooser } from '../write/key-partitioner';
import { RecordWriter, type PartitionedMessage } from '../write/record-writer';
import { RateLimiter } from './rate-limiter';
import { ReplayCheckpoint } from './replay-checkpoint';
import type { ReplayCounts, ReplayMatching } from './replay-counts';
import { choosePartitionMode, PartitionMode, planReplay, type ReplayPlan } from './replay-plan';
import { SEND_CHUNK, sendChunks } from './send-chunks';

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
  /** Stops after the records in hand; the same replay id copies the rest. */
  readonly signal?: AbortSignal;
  readonly progress?: ProgressListener;
}

/** The missing target, created like the source (or, in a dry run, to be). */
export interface TargetCreation {
  readonly plan: TopicCreatePlan;
  readonly created: boolean;
}

export type ReplayResult =
  | { readonly dryRun: true; readonly plan: ReplayPlan; readonly target?: TargetCreation; readonly matching?: ReplayMatching }
  | { readonly dryRun: false; readonly plan: ReplayPlan; readonly target?: TargetCreation; readonly counts: ReplayCounts };

/**
 * Copies a bounded range of a topic into another: key, value bytes and headers unchanged,
 * plus provenance headers. The plan (per-partition ranges, minus what this replay id already
 * put in the target) is fixed before anything is sent; a dry run returns it, with, when
 * filters are given, how many records they let through.
 *
 * Traced as `replay <source topic>` (tracing/run-span.ts); each record copied gets its own
 * `send <target topic>` span linked to the record's original context, and carries the new
 * context in its trace headers (tracing/traced-record-writer.ts).
 */
export function runReplay(ctx: OpsContext, options: ReplayOptions): Promise<ReplayResult> {
  return inRunSpan(
    {
      name: `replay ${options.sourceTopic}`,
      attributes: {
        [MessagingAttribute.Destination]: options.targetTopic,
        [OpsSpanAttribute.ReplaySourceTopic]: options.sourceTopic,
        [OpsSpanAttribute.ReplayId]: options.replayId,
        [OpsSpanAttribute.DryRun]: options.dryRun,
      },
      summary: replaySummary,
    },
    (run) => replay(ctx, options, run),
  );
}

function replaySummary(result: ReplayResult): Attributes {
  if (result.dryRun) {
    const planned = result.matching === undefined ? Number(result.plan.remaining) : 'records' in result.matching ? result.matching.records : undefined;
    return planned === undefined ? {} : { [OpsSpanAttribute.ReplayPlanned]: planned };
  }
  const { counts } = result;
  return {
    [OpsSpanAttribute.ReplayCopied]: counts.copied,
    [OpsSpanAttribute.ReplayFilteredOut]: counts.filteredOut,
    [OpsSpanAttribute.ReplayAlreadyCopied]: counts.alreadyCopied,
    [OpsSpanAttribute.Interrupted]: counts.interrupted === true,
  };
}

async function replay(ctx: OpsContext, options: ReplayOptions, run: RunTrace): Promise<ReplayResult> {
  if (options.sourceTopic === options.targetTopic) throw badArgument('targetTopic must differ from the source topic', 'targetTopic');
  const admin = await ctx.admin();
  await assertTopicExists(admin, options.sourceTopic, 'source topic');
  const targetMissing = !(await admin.listTopics()).includes(options.targetTopic);
  if (targetMissing && !options.createTarget) {
    throw new OpsError(OpsErrorCode.UnknownTopic, `target topic ${options.targetTopic} does not exist`, {
      detail: { topic: options.targetTopic, sourceTopic: options.sourceTopic, remedy: OpsRemedy.CreateTarget },
    });
  }

  const ranges = await resolveRanges(admin, options.sourceTopic, options);
  let targetWatermarks: PartitionWatermarks[];
  let target: TargetCreation | undefined;
  if (targetMissing) {
    const plan = planTopicCreate(options.targetTopic, {}, await topicTemplate(admin, options.sourceTopic));
    if (options.dryRun) {
      // The plan as it will be: an empty target with the source's partitions.
      targetWatermarks = Array.from({ length: plan.partitions }, (_, partition) => ({ partition, low: 0n, high: 0n }));
    } else {
      await createTopic(admin, plan);
      targetWatermarks = await fetchWatermarks(admin, options.targetTopic);
    }
    target = { plan, created: !options.dryRun };
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
  const checkpoint =
    totalCount(ranges) === 0n || targetMissing
      ? new ReplayCheckpoint(options.replayId, options.sourceTopic)
      : await ReplayCheckpoint.load(ctx.kafka, options.targetTopic, targetWatermarks, options.replayId, options.sourceTopic);
  const plan = planReplay({ ...options, partitionMode, ranges, copiedIn: (range) => checkpoint.copiedIn(range) });

  if (options.dryRun) {
    const matching = hasFilter(options.filter) ? await countMatching(ctx, options, plan, checkpoint) : undefined;
    return { dryRun: true, plan, target, matching };
  }
  return { dryRun: false, plan, target, counts: await copy(ctx, options, plan, checkpoint, run) };
}

const hasFilter = (filter: RecordFilterSpec) => filter.key !== undefined || filter.type !== undefined;

/** Above this many records a dry run does not read the range to count the filters' matches. */
const DRY_RUN_SCAN_LIMIT = 200_000n;

/**
 * What a dry run with a key or type filter would really copy: the planned ranges read once
 * (bounded by DRY_RUN_SCAN_LIMIT), counting records that match and are not already in the
 * target. Without it the plan's count is the range's, which the filters may cut to nothing.
 */
async function countMatching(ctx: OpsContext, options: ReplayOptions, plan: ReplayPlan, checkpoint: ReplayCheckpoint): Promise<ReplayMatching> {
  if (plan.remaining > DRY_RUN_SCAN_LIMIT) return { skippedAbove: DRY_RUN_SCAN_LIMIT };
  const matches = recordFilter(options.filter);
  let records = 0;
  await readTopic(
    ctx.kafka,
    options.sourceTopic,
    plan.rows.filter((r) => r.remaining > 0n).map((r) => ({ partition: r.partition, from: r.from, to: r.to })),
    async ({ partition, messages }) => {
      for (const message of messages) if (matches(message) && !checkpoint.has(partition, BigInt(message.offset))) records += 1;
    },
    { concurrency: 4 },
  );
  return { records };
}

async function copy(ctx: OpsContext, options: ReplayOptions, plan: ReplayPlan, checkpoint: ReplayCheckpoint, run: RunTrace): Promise<ReplayCounts> {
  const { signal } = options;
  const admin = await ctx.admin();
  const chooser: PartitionChooser | undefined = plan.partitionMode === PartitionMode.ByKey ? await keyPartitioner(admin, options.targetTopic) : undefined;
  const writer = new TracedRecordWriter(new RecordWriter(await ctx.producer(), admin), run);
  const limiter = options.ratePerSecond ? new RateLimiter(options.ratePerSecond) : undefined;
  const matches = recordFilter(options.filter);
  const counts: ReplayCounts = { copied: 0, filteredOut: 0, alreadyCopied: 0, byPartition: new Map() };
  const progress = options.progress ?? NO_PROGRESS;
  const started = ctx.now();
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
    // arrived there, so a time range on the target means what it says. The event's own time
    // travels in its ce_time header.
    const out = { key: message.key ?? null, value: message.value, headers };
    return { ...out, partition: chooser ? chooser(out) : partition };
  };

  try {
    await readTopic(
      ctx.kafka,
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
        for (const chunk of sendChunks(batch, limiter ? limiter.chunkSize : SEND_CHUNK, writer.headerAllowance)) {
          if (signal?.aborted) return false;
          if (limiter) await limiter.acquire(chunk.length);
          await writer.send(plan.targetTopic, chunk);
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
  counts.elapsedMs = ctx.now() - started;
  counts.interrupted = signal?.aborted === true;
  return counts;
}
