import { readDeadLetter, readTopic, toJsonSafe, viewRecord } from '@eventline/ops';
import type { CliContext } from '../common/cli-context';
import { CliError, CliErrorCode } from '../common/cli.error';
import { DlqSummary } from './dlq-summary';
import { selectionMatcher, selectionRanges, type DlqSelection } from './dlq-selection';

/**
 * A topic whose first record carries no dead-letter headers, and whose name does not say
 * `.dlq`, is not a dead-letter topic: one line saying so beats a header complaint per record.
 */
function notADeadLetterTopic(topic: string): CliError {
  return new CliError(
    CliErrorCode.BadArgument,
    `${topic} is not a dead-letter topic: its records carry no eventline-dlq-* headers (dead-letter topics are named <topic>.dlq: try ${topic}.dlq)`,
  );
}

const looksLikeDeadLetterTopic = (topic: string) => topic.endsWith('.dlq');

/** `dlq list`: dead letters counted by error code and source partition. */
export async function runDlqList(ctx: CliContext, selection: DlqSelection): Promise<void> {
  const ranges = await selectionRanges(ctx, selection);
  const match = selectionMatcher(selection);
  const summary = new DlqSummary();
  let checked = looksLikeDeadLetterTopic(selection.dlqTopic);
  await readTopic(ctx.ops.kafka, selection.dlqTopic, ranges, async ({ messages }) => {
    for (const message of messages) {
      if (!checked && !readDeadLetter(message).info) throw notADeadLetterTopic(selection.dlqTopic);
      checked = true;
      const reading = match(message);
      if (reading) summary.add(reading);
    }
  });
  const rows = summary.result();
  if (ctx.output.json) return ctx.output.document({ dlqTopic: selection.dlqTopic, total: summary.total, groups: rows });
  ctx.output.line(`${selection.dlqTopic}: ${summary.total} dead letter(s)`);
  ctx.output.line();
  ctx.output.table(rows, [
    ['ERROR CODE', (r) => r.errorCode],
    ['SOURCE TOPIC', (r) => r.sourceTopic],
    ['SOURCE PARTITION', (r) => (r.sourcePartition < 0 ? '-' : String(r.sourcePartition))],
    ['COUNT', (r) => String(r.count)],
    ['FIRST FAILED', (r) => r.firstFailedAt || '-'],
    ['LAST FAILED', (r) => r.lastFailedAt || '-'],
  ]);
}

/** `dlq show`: each dead letter with its error headers and its value decoded (or base64 with the reason). */
export async function runDlqShow(ctx: CliContext, selection: DlqSelection, options: { max?: number; raw: boolean }): Promise<void> {
  const ranges = await selectionRanges(ctx, selection);
  const match = selectionMatcher(selection);
  const codec = options.raw ? undefined : ctx.ops.codec();
  let shown = 0;
  let checked = looksLikeDeadLetterTopic(selection.dlqTopic);
  await readTopic(ctx.ops.kafka, selection.dlqTopic, ranges, async ({ partition, messages }) => {
    for (const message of messages) {
      if (!checked && !readDeadLetter(message).info) throw notADeadLetterTopic(selection.dlqTopic);
      checked = true;
      const reading = match(message);
      if (!reading) continue;
      const view = await viewRecord(selection.dlqTopic, partition, message, codec);
      const deadLetter = reading.info ?? { invalid: reading.problem };
      if (ctx.output.json) {
        ctx.output.jsonLine({ ...view, deadLetter });
      } else {
        const where = reading.info ? `${reading.info.sourceTopic}[${reading.info.sourcePartition}]@${reading.info.sourceOffset}` : '(source unknown)';
        const code = reading.info ? `${reading.info.errorCode} after ${reading.info.attempts} attempt(s) at ${reading.info.failedAt}` : reading.problem;
        const group = reading.info?.consumerGroup ? `  group ${reading.info.consumerGroup}` : '';
        ctx.output.line(`${view.topic}[${view.partition}]@${view.offset}  from ${where}${group}  key ${view.key ?? '(none)'}`);
        ctx.output.line(`  error: ${code}`);
        if (reading.info?.errorMessage) ctx.output.line(`  message: ${reading.info.errorMessage}`);
        const value = view.decodeError ? `(${view.decodeError.code}) base64:${view.valueBase64}` : JSON.stringify(toJsonSafe(view.value ?? view.valueBase64 ?? null));
        ctx.output.line(`  value: ${value}`);
      }
      shown += 1;
      if (options.max !== undefined && shown >= options.max) return false;
    }
    return true;
  });
  if (!ctx.output.json && shown === 0) ctx.output.line('(no dead letters match)');
}
