import type { IHeaders, KafkaMessage } from 'kafkajs';
import { DeadLetterHeader, RedriveHeader, redriveForGroupHeaders } from '@eventline/runtime';
import { assertTopicExists, readTopic, redriveProvenanceHeaders, totalCount } from '@eventline/ops';
import type { CliContext } from '../common/cli-context';
import { progressFor } from '../common/progress.reporter';
import { sendAcknowledged, type PartitionedMessage } from '../kafka/acknowledged-send';
import { keyPartitioner, type PartitionChooser } from '../kafka/key-partitioner';
import { printRedriveResult, RedriveTally } from './redrive-report';
import { RedriveLedger } from './redrive-ledger';
import { routeDeadLetter } from './redrive-route';
import { selectionMatcher, selectionRanges, type DlqSelection } from './dlq-selection';

export interface RedriveOptions {
  readonly selection: DlqSelection;
  readonly toTopic?: string;
  readonly force: boolean;
  readonly execute: boolean;
  readonly redriveId: string;
  /** Send without naming a group: every group reading the destination processes the records. */
  readonly allGroups: boolean;
}

// The group a record was meant for goes too: a dead letter of an earlier redrive still carries
// it, and this redrive names its group afresh (or none, with --all-groups, which must then
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

export async function runRedrive(ctx: CliContext, options: RedriveOptions, signal?: AbortSignal): Promise<RedriveTally> {
  const { selection } = options;
  const admin = await ctx.admin();
  const ranges = await selectionRanges(ctx, selection);
  if (options.toTopic !== undefined) await assertTopicExists(admin, options.toTopic, 'toTopic', 'toTopic');

  const ledger = await RedriveLedger.load(ctx.ops.kafka, admin, selection.dlqTopic);
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
  const producer = options.execute ? await ctx.ops.producer() : undefined;
  if (options.execute) await ledger.ensureTopic(admin);
  const progress = progressFor(`redrive ${selection.dlqTopic}`, { json: ctx.output.json || !options.execute });
  progress.start(Number(totalCount(ranges)));

  try {
    await readTopic(
      ctx.ops.kafka,
      selection.dlqTopic,
      ranges,
      async ({ partition, messages }) => {
        const outgoing = new Map<string, Array<{ message: PartitionedMessage; dlqOffset: string }>>();
        for (const message of messages) {
          const reading = match(message);
          if (!reading) {
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
            continue;
          }
          let target = decision.partition;
          const out = {
            key: message.key,
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
          const list = outgoing.get(decision.topic) ?? [];
          list.push({ message: { ...out, partition: target }, dlqOffset: message.offset });
          outgoing.set(decision.topic, list);
        }
        if (producer) {
          for (const [topic, entries] of outgoing) {
            await sendAcknowledged(producer, topic, entries.map((e) => e.message));
            const at = new Date().toISOString();
            await ledger.record(producer, entries.map((e) => ({ dlqPartition: partition, dlqOffset: e.dlqOffset, redriveId: options.redriveId, to: topic, at })));
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
  printRedriveResult(ctx.output, { ...options, dlqTopic: selection.dlqTopic, ledgerTopic: ledger.topic, group: selection.consumerGroup }, tally);
  return tally;
}
