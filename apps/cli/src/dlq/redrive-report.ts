import { RedriveSkip, type RedriveResult } from '@eventline/ops';
import type { Output } from '../common/output';

/** How the table names "no group named: every group reading the destination" (`null` in --json). */
const EVERY_GROUP_TEXT = '(every group)';

/** Why a dead letter was left, and the flag that would send it. */
export const REDRIVE_SKIP_TEXT: Readonly<Record<RedriveSkip, string>> = {
  [RedriveSkip.AlreadyRedriven]: 'already redriven (--force to send again)',
  [RedriveSkip.NoContract]: 'no dead-letter headers, so no source to return to (use --to-topic)',
  [RedriveSkip.SourceTopicMissing]: 'source topic no longer exists (use --to-topic)',
  [RedriveSkip.NoRecordedGroup]: 'no consumer group recorded, so no group to send it to (use --all-groups to send it to every group)',
};

type RedriveRun = Omit<RedriveResult, 'tally'>;

function audienceText(run: RedriveRun): string {
  if (run.allGroups) return 'for every group reading the destination (--all-groups)';
  if (run.group !== undefined) return `of group ${run.group}, for it alone`;
  return 'each for the group that dead-lettered it';
}

export function printRedriveResult(output: Output, { tally, ...run }: RedriveResult): void {
  const skipped = [...tally.skipped].map(([reason, records]) => ({ reason: REDRIVE_SKIP_TEXT[reason], records }));
  if (output.json) {
    return output.document({
      dlqTopic: run.dlqTopic,
      redriveId: run.redriveId,
      executed: run.executed,
      group: run.group ?? null,
      allGroups: run.allGroups,
      // A dry run says what it would send; only an executed run says what it sent.
      ...(run.executed ? { sent: tally.total } : { wouldSend: tally.total }),
      destinations: tally.rows(),
      byGroup: tally.byGroup(),
      skipped,
      filteredOut: tally.filteredOut,
    });
  }
  const what = `${tally.total} dead letter(s) from ${run.dlqTopic} ${audienceText(run)}`;
  output.line(run.executed ? `redrive ${run.redriveId}: sent ${what}` : `dry run: would redrive ${what}`);
  output.line();
  output.table(tally.rows(), [
    ['DESTINATION', (r) => r.topic],
    ['PARTITION', (r) => String(r.partition)],
    ['FOR GROUP', (r) => r.forGroup ?? EVERY_GROUP_TEXT],
    ['RECORDS', (r) => String(r.records)],
  ]);
  for (const { reason, records } of skipped) output.line(`skipped ${records}: ${reason}`);
  if (tally.filteredOut > 0) output.line(`${tally.filteredOut} dead letter(s) did not match the filters${run.group !== undefined ? ` (--group ${run.group} included)` : ''}`);
  output.line(run.executed ? `remembered in ${run.ledgerTopic}; a second redrive skips them unless --force` : 'nothing was written; add --execute to send');
}
