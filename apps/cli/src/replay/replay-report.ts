import { describeFilter, type RecordFilterSpec, type ReplayCounts, type ReplayMatching, type ReplayPlan } from '@eventline/ops';
import type { Output } from '../common/output';

/** Who processes the copies: one group (--for-group), or whoever the copied headers say. */
function audienceText(forGroup: string | undefined): string {
  return forGroup === undefined ? '' : `; for group ${forGroup} only`;
}

export function printReplayPlan(
  output: Output,
  plan: ReplayPlan,
  filter: RecordFilterSpec,
  forGroup?: string,
  matching?: ReplayMatching,
): void {
  // A dry run's fields say what would happen, never what did: `wouldCopy`, not `copied`.
  const wouldCopy = matching && 'records' in matching ? matching.records : undefined;
  if (output.json) {
    return output.document({
      dryRun: true,
      ...plan,
      filter,
      forGroup: forGroup ?? null,
      wouldCopyBeforeFiltering: plan.remaining,
      wouldCopy: wouldCopy ?? (matching ? null : plan.remaining),
    });
  }
  output.line(`dry run: replay ${plan.replayId}  ${plan.sourceTopic} → ${plan.targetTopic}  (partitions: ${plan.partitionMode}; ${describeFilter(filter)}${audienceText(forGroup)})`);
  output.line();
  output.table(plan.rows, [
    ['PARTITION', (r) => String(r.partition)],
    ['FROM', (r) => r.from.toString()],
    ['TO (excl.)', (r) => r.to.toString()],
    ['IN RANGE', (r) => r.count.toString()],
    ['ALREADY COPIED', (r) => r.alreadyCopied.toString()],
    [matching ? 'TO READ' : 'TO COPY', (r) => r.remaining.toString()],
  ]);
  output.line();
  if (!matching) {
    output.line(`${plan.remaining} record(s) to copy; nothing was written. Run again without --dry-run to copy.`);
  } else if ('records' in matching) {
    output.line(`${matching.records} of the ${plan.remaining} record(s) to read match the filters and would be copied; nothing was written. Run again without --dry-run to copy.`);
  } else {
    output.line(
      `${plan.remaining} record(s) to read before filtering (more than ${matching.skippedAbove}, so the dry run did not count the matches); nothing was written.`,
    );
  }
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
