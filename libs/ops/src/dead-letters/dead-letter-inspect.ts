import type { DeadLetterInfo } from '@eventline/runtime';
import type { OpsContext } from '../context/ops-context';
import { OpsError, OpsErrorCode } from '../errors/ops.error';
import { readTopic } from '../read/topic-reader';
import { viewRecord, type RecordView } from '../records/record-view';
import { readDeadLetter } from './dead-letter-record';
import { selectionMatcher, selectionRanges, type DlqSelection } from './dlq-selection';
import { DlqSummary, type DlqSummaryRow } from './dlq-summary';

/**
 * A topic whose first record carries no dead-letter headers, and whose name does not say
 * `.dlq`, is not a dead-letter topic: one error saying so beats a header complaint per record.
 */
function notADeadLetterTopic(topic: string): OpsError {
  return new OpsError(
    OpsErrorCode.NotADeadLetterTopic,
    `${topic} is not a dead-letter topic: its records carry no eventline-dlq-* headers (dead-letter topics are named <topic>.dlq: try ${topic}.dlq)`,
    { detail: { topic } },
  );
}

const looksLikeDeadLetterTopic = (topic: string) => topic.endsWith('.dlq');

/** Throws on the first record when the topic is not a dead-letter topic; later records are not checked. */
function deadLetterTopicCheck(topic: string): (message: Parameters<typeof readDeadLetter>[0]) => void {
  let checked = looksLikeDeadLetterTopic(topic);
  return (message) => {
    if (!checked && !readDeadLetter(message).info) throw notADeadLetterTopic(topic);
    checked = true;
  };
}

export interface DeadLetterList {
  readonly dlqTopic: string;
  readonly total: number;
  /** By error code, source topic and source partition, most frequent first. */
  readonly groups: readonly DlqSummaryRow[];
}

/** Dead letters of the selection counted by error code and source partition. */
export async function listDeadLetters(ctx: OpsContext, selection: DlqSelection): Promise<DeadLetterList> {
  const ranges = await selectionRanges(ctx, selection);
  const match = selectionMatcher(selection);
  const check = deadLetterTopicCheck(selection.dlqTopic);
  const summary = new DlqSummary();
  await readTopic(ctx.kafka, selection.dlqTopic, ranges, async ({ messages }) => {
    for (const message of messages) {
      check(message);
      const reading = match(message);
      if (reading) summary.add(reading);
    }
  });
  return { dlqTopic: selection.dlqTopic, total: summary.total, groups: summary.result() };
}

/** One dead letter: the record (value decoded, or base64 with the reason) and its parsed headers. */
export interface DeadLetterView extends RecordView {
  readonly deadLetter: DeadLetterInfo | { readonly invalid: string };
}

export interface ShowDeadLettersOptions {
  readonly max?: number;
  /** Values as base64, without asking the registry. */
  readonly raw: boolean;
}

/**
 * Each dead letter of the selection, in offset order per partition, handed to `onDeadLetter`
 * as it is read (a DLQ can be large; nothing is collected). Returns how many were shown.
 */
export async function showDeadLetters(
  ctx: OpsContext,
  selection: DlqSelection,
  options: ShowDeadLettersOptions,
  onDeadLetter: (view: DeadLetterView) => void,
): Promise<{ shown: number }> {
  const ranges = await selectionRanges(ctx, selection);
  const match = selectionMatcher(selection);
  const check = deadLetterTopicCheck(selection.dlqTopic);
  const codec = options.raw ? undefined : ctx.codec();
  let shown = 0;
  await readTopic(ctx.kafka, selection.dlqTopic, ranges, async ({ partition, messages }) => {
    for (const message of messages) {
      check(message);
      const reading = match(message);
      if (!reading) continue;
      const view = await viewRecord(selection.dlqTopic, partition, message, codec);
      onDeadLetter({ ...view, deadLetter: reading.info ?? { invalid: reading.problem } });
      shown += 1;
      if (options.max !== undefined && shown >= options.max) return false;
    }
    return true;
  });
  return { shown };
}
