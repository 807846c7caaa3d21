import type { Attributes } from '@opentelemetry/api';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { DeadLetterHeader, MessagingAttribute, RedriveHeader, redriveForGroupHeaders } from '@eventline/runtime';
import { redriveProvenanceHeaders } from '../provenance/provenance.header';
import { totalCount } from '../ranges/partition-range';
import { readTopic } from '../read/topic-reader';
import { assertTopicExists } from '../topics/topic-exists';
import type { OpsContext } from '../context/ops-context';
import { NO_PROGRESS, type ProgressListener } from '../context/progress-listener';
import { OpsSpanAttribute } from '../tracing/ops-span-attribute';
import { inRunSpan, type RunTrace } from '../tracing/run-span';
import { TracedRecordWriter } from '../tracing/traced-record-writer';
import { keyPartitioner, type PartitionChooser } from '../write/key-partitioner';
import { RecordWriter, type PartitionedMessage } from '../write/record-writer';
import { RedriveLedger } from './redrive-ledger';
import { RedriveTally } from './redrive-tally';
import { routeDeadLetter, type RedriveDecision } from './redrive-route';
import { selectionMatcher, selectionRanges, type DlqSelection } from './dlq-selection';

export interface RedriveOptions {
  readonly selection: DlqSelection;
  readonly toTopic?: string;
  readonly force: boolean;
  readonly execute: boolean;
  readonly redriveId: string;
  /** Send without naming a group: every group reading the destination processes the records. */
  readonly allGroups: boolean;
  /** Stops after the batch in hand; a second redrive skips what the ledger has. */
  readonly signal?: AbortSignal;
  readonly progress?: ProgressListener;
  /** A front end's own test per record, after the selection's filters (records picked one by one, a source partition). */
  readonly accept?: (dlqPartition: number, message: KafkaMessage) => boolean;
  /** Told where each selected dead letter goes (or why not), in order, dry run or not: a preview lists these. */
  readonly onDecision?: (routed: RoutedDeadLetter) => void;
}

/** One selected dead letter and what the redrive does with it. */
export interface RoutedDeadLetter {
  readonly dlqPartition: number;
  readonly dlqOffset: string;
  readonly decision: RedriveDecision;
  /** The partition it is (or would be) sent to, placement by key included; undefined when skipped. */
  readonly partition?: number;
}

export interface RedriveResult {
  readonly dlqTopic: string;
  /** Where sent dead letters are remembered (`<dlq>.redriven`). */
  readonly ledgerTopic: string;
  readonly redriveId: string;
  /** False: a dry run, nothing written; the tally says what would go where. */
  readonly executed: boolean;
  /** Only this group's dead letters were selected. */
  readonly group?: string;
  readonly allGroups: boolean;
  readonly tally: RedriveTally;
}

// The group a record was meant for goes too: a dead letter of an earlier redrive still carries
// it, and this redrive names its group afresh (or none, with `allGroups`, which must then
// really reach every group).
const REPLACED_HEADERS = new Set<string>([...Object.values(DeadLetterHeader), RedriveHeader.ForGroup]);

/**
 * The redriven record is the original again: key, value bytes and the original headers, the
 * dead-letter headers removed (should it fail again, the runtime writes fresh ones rather
 * than stacking two failure stories), redrive provenance added, and the group it is for.
 */
function redrivenHeaders(message: KafkaMessage, provenance: Record<string, string>, forGroup: string | undefined): IHeaders {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) if (!REPLACED_HEADERS.has(name) && value !== undefined) headers[name] = value;
  return { ...headers, ...provenance, ...(forGroup !== undefined ? redriveForGroupHeaders(forGroup) : {}) };
}

/**
 * Sends selected dead letters back (to their source partition, or by key to `toTopic`), each
 * for the group that failed it; a dry run unless `execute`. Each one sent is remembered in the
 * ledger only after Kafka acknowledged it, so a second redrive skips it unless `force`.
 *
 * Traced as `redrive <dead-letter topic>` (tracing/run-span.ts); each record sent gets its
 * own `send <topic>` span linked to the original producer's context, which the dead letter
 * kept in its headers, and carries the new context (tracing/traced-record-writer.ts).
 */
export function runRedrive(ctx: OpsContext, options: RedriveOptions): Promise<RedriveResult> {
  const { dlqTopic } = options.selection;
  return inRunSpan(
    {
      name: `redrive ${dlqTopic}`,
      attributes: {
        [OpsSpanAttribute.RedriveDlqTopic]: dlqTopic,
        [OpsSpanAttribute.RedriveId]: options.redriveId,
        [OpsSpanAttribute.DryRun]: !options.execute,
        // Without toTopic each dead letter returns to its own source: the record spans name it.
        ...(options.toTopic !== undefined ? { [MessagingAttribute.Destination]: options.toTopic } : {}),
      },
      summary: (result) => redriveSummary(result, options.signal),
    },
    (run) => redrive(ctx, options, run),
  );
}

function redriveSummary(result: RedriveResult, signal: AbortSignal | undefined): Attributes {
  let skipped = 0;
  for (const count of result.tally.skipped.values()) skipped += count;
  return {
    [OpsSpanAttribute.RedriveSent]: result.tally.total,
    [OpsSpanAttribute.RedriveSkipped]: skipped,
    [OpsSpanAttribute.RedriveFilteredOut]: result.tally.filteredOut,
    [OpsSpanAttribute.Interrupted]: signal?.aborted === true,
  };
}

async function redrive(ctx: OpsContext, options: RedriveOptions, run: RunTrace): Promise<RedriveResult> {
  const { selection, signal } = options;
  const admin = await ctx.admin();
  const ranges = await selectionRanges(ctx, selection);
  if (options.toTopic !== undefined) await assertTopicExists(admin, options.toTopic, 'toTopic', 'toTopic');

  const ledger = await RedriveLedger.load(ctx.kafka, admin, selection.dlqTopic);
  const existing = new Set(await admin.listTopics());
  const partitionCounts = new Map<string, number>();
  const choosers = new Map<string, PartitionChooser>();
  // Partition counts of destinations, looked up once each, the first time one is met.
  const learnPartitions = async (topic: string | undefined) => {
    if (topic === undefined || !existing.has(topic) || partitionCounts.has(topic)) return;
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    partitionCounts.set(topic, metadata.topics[0].partitions.length);
  };

  const match = selectionMatcher(selection);
  const tally = new RedriveTally();
  const writer = options.execute ? new RecordWriter(await ctx.producer(), admin) : undefined;
  // The records are traced; the ledger's entries are bookkeeping and are not.
  const sender = writer && new TracedRecordWriter(writer, run);
  if (options.execute) await ledger.ensureTopic(admin);
  const progress = options.progress ?? NO_PROGRESS;
  progress.start(Number(totalCount(ranges)));

  try {
    await readTopic(
      ctx.kafka,
      selection.dlqTopic,
      ranges,
      async ({ partition, messages }) => {
        const outgoing = new Map<string, Array<{ message: PartitionedMessage; dlqOffset: string }>>();
        for (const message of messages) {
          const reading = match(message);
          if (!reading || (options.accept && !options.accept(partition, message))) {
            tally.filteredOut += 1;
            continue;
          }
          await learnPartitions(options.toTopic ?? reading.info?.sourceTopic);
          const decision = routeDeadLetter({
            reading,
            alreadyRedriven: ledger.has(partition, message.offset),
            force: options.force,
            toTopic: options.toTopic,
            allGroups: options.allGroups,
            partitionsOf: (topic) => partitionCounts.get(topic),
          });
          if (!decision.send) {
            tally.skip(decision.reason);
            options.onDecision?.({ dlqPartition: partition, dlqOffset: message.offset, decision });
            continue;
          }
          let target = decision.partition;
          const out = {
            key: message.key ?? null,
            value: message.value,
            headers: redrivenHeaders(
              message,
              redriveProvenanceHeaders({ redriveId: options.redriveId, dlqTopic: selection.dlqTopic, dlqPartition: partition, dlqOffset: message.offset }),
              decision.forGroup,
            ),
          };
          if (target === undefined) {
            let chooser = choosers.get(decision.topic);
            if (!chooser) choosers.set(decision.topic, (chooser = await keyPartitioner(admin, decision.topic)));
            target = chooser(out);
          }
          tally.count(decision.topic, target, decision.forGroup);
          options.onDecision?.({ dlqPartition: partition, dlqOffset: message.offset, decision, partition: target });
          const list = outgoing.get(decision.topic) ?? [];
          list.push({ message: { ...out, partition: target }, dlqOffset: message.offset });
          outgoing.set(decision.topic, list);
        }
        if (writer && sender) {
          for (const [topic, entries] of outgoing) {
            await sender.send(topic, entries.map((e) => e.message));
            const at = new Date(ctx.now()).toISOString();
            await ledger.record(writer, entries.map((e) => ({ dlqPartition: partition, dlqOffset: e.dlqOffset, redriveId: options.redriveId, to: topic, at })));
          }
        }
        progress.advance(messages.length);
        return !signal?.aborted;
      },
      { signal },
    );
  } finally {
    progress.stop();
  }
  return {
    dlqTopic: selection.dlqTopic,
    ledgerTopic: ledger.topic,
    redriveId: options.redriveId,
    executed: options.execute,
    group: selection.consumerGroup,
    allGroups: options.allGroups,
    tally,
  };
}
