import type { Output } from '../common/output';
import { describeFilter, type RecordFilterSpec } from '../records/record-filter';
import type { ReplayPlan } from './replay-plan';

export interface ReplayCounts {
  copied: number;
  filteredOut: number;
  alreadyCopied: number;
  byPartition: Map<number, number>;
  elapsedMs?: number;
  interrupted?: boolean;
}

/** Who processes the copies: one group (--for-group), or whoever the copied headers say. */
function audienceText(forGroup: string | undefined): string {
  return forGroup === undefined ? '' : `; for group ${forGroup} only`;
}

export function printReplayPlan(output: Output, plan: ReplayPlan, filter: RecordFilterSpec, forGroup?: string): void {
  if (output.json) return output.document({ dryRun: true, ...plan, filter, forGroup: forGroup ?? null });
  output.line(`dry run: replay ${plan.replayId}  ${plan.sourceTopic} → ${plan.targetTopic}  (partitions: ${plan.partitionMode}; ${describeFilter(filter)}${audienceText(forGroup)})`);
  output.line();
  output.table(plan.rows, [
    ['PARTITION', (r) => String(r.partition)],
    ['FROM', (r) => r.from.toString()],
    ['TO (excl.)', (r) => r.to.toString()],
    ['IN RANGE', (r) => r.count.toString()],
    ['ALREADY COPIED', (r) => r.alreadyCopied.toString()],
    ['TO COPY', (r) => r.remaining.toString()],
  ]);
  output.line();
  output.line(`${plan.remaining} record(s) to copy${filter.key !== undefined || filter.type !== undefined ? ' before filtering' : ''}; nothing was written. Run again without --dry-run to copy.`);
}

export function printReplaySummary(output: Output, plan: ReplayPlan, counts: ReplayCounts, forGroup?: string): void {
  const seconds = (counts.elapsedMs ?? 0) / 1000;
  const rate = seconds > 0 ? Math.round(counts.copied / seconds) : counts.copied;
  const summary = {
    replayId: plan.replayId,
    sourceTopic: plan.sourceTopic,
    targetTopic: plan.targetTopic,
    partitionMode: plan.partitionMode,
    forGroup: forGroup ?? null,
    copied: counts.copied,
    filteredOut: counts.filteredOut,
    alreadyCopied: counts.alreadyCopied,
    copiedByPartition: Object.fromEntries(counts.byPartition),
    elapsedMs: counts.elapsedMs ?? 0,
    recordsPerSecond: rate,
    interrupted: counts.interrupted === true,
  };
  if (output.json) return output.document(summary);
  output.line(
    `replay ${plan.replayId}: copied ${counts.copied} record(s) ${plan.sourceTopic} → ${plan.targetTopic} in ${seconds.toFixed(1)} s (${rate} rec/s); ` +
      `${counts.filteredOut} filtered out, ${counts.alreadyCopied} already copied earlier${audienceText(forGroup)}`,
  );
  if (counts.interrupted) output.line(`interrupted: run the same command with --replay-id ${plan.replayId} to copy the rest`);
}
