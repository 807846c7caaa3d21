import { toJsonSafe, type DeadLetterList, type DeadLetterView } from '@eventline/ops';
import type { Output } from '../common/output';

/** `dlq list`: the counts by error code and source partition. */
export function printDeadLetterList(output: Output, list: DeadLetterList): void {
  if (output.json) return output.document(list);
  output.line(`${list.dlqTopic}: ${list.total} dead letter(s)`);
  output.line();
  output.table(list.groups, [
    ['ERROR CODE', (r) => r.errorCode],
    ['SOURCE TOPIC', (r) => r.sourceTopic],
    ['SOURCE PARTITION', (r) => (r.sourcePartition < 0 ? '-' : String(r.sourcePartition))],
    ['COUNT', (r) => String(r.count)],
    ['FIRST FAILED', (r) => r.firstFailedAt || '-'],
    ['LAST FAILED', (r) => r.lastFailedAt || '-'],
  ]);
}

/** `dlq show`: one dead letter, as a JSON line or four lines of text. */
export function printDeadLetter(output: Output, view: DeadLetterView): void {
  if (output.json) return output.jsonLine(view);
  const info = 'invalid' in view.deadLetter ? undefined : view.deadLetter;
  const where = info ? `${info.sourceTopic}[${info.sourcePartition}]@${info.sourceOffset}` : '(source unknown)';
  const code = info ? `${info.errorCode} after ${info.attempts} attempt(s) at ${info.failedAt}` : (view.deadLetter as { invalid: string }).invalid;
  const group = info?.consumerGroup ? `  group ${info.consumerGroup}` : '';
  output.line(`${view.topic}[${view.partition}]@${view.offset}  from ${where}${group}  key ${view.key ?? '(none)'}`);
  output.line(`  error: ${code}`);
  if (info?.errorMessage) output.line(`  message: ${info.errorMessage}`);
  const value = view.decodeError ? `(${view.decodeError.code}) base64:${view.valueBase64}` : JSON.stringify(toJsonSafe(view.value ?? view.valueBase64 ?? null));
  output.line(`  value: ${value}`);
}
