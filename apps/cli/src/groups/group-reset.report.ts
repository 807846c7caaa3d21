import type { GroupResetResult } from '@eventline/ops';
import type { Output } from '../common/output';

/** `groups reset`: current → new per partition, and what happened (or would). */
export function printGroupReset(output: Output, result: GroupResetResult): void {
  if (output.json) return output.document(result);
  output.line(`${result.executed ? 'reset' : 'dry run: would reset'} consumer group ${result.groupId}`);
  output.line();
  output.table(result.partitions, [
    ['TOPIC', (r) => r.topic],
    ['PARTITION', (r) => String(r.partition)],
    ['EARLIEST', (r) => r.low.toString()],
    ['LATEST', (r) => r.high.toString()],
    ['CURRENT', (r) => r.current?.toString() ?? '-'],
    ['', () => '→'],
    ['NEW', (r) => r.next.toString()],
  ]);
  output.line();
  output.line(result.executed ? 'offsets committed; the group resumes from NEW when it starts' : 'nothing changed; add --execute to commit these offsets');
}
