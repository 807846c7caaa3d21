import { type DeadLetterReading } from './dead-letter-record';

/** Why a selected dead letter is not sent (front ends say it, and the way out, in their words). */
export const RedriveSkip = {
  /** The ledger has it; `force` sends it again. */
  AlreadyRedriven: 'already-redriven',
  /** No dead-letter headers, so no source to return to; a `toTopic` can take it. */
  NoContract: 'no-dead-letter-headers',
  /** The source topic no longer exists; a `toTopic` can take it. */
  SourceTopicMissing: 'source-topic-missing',
  /** No consumer group recorded, so no group to send it for; `allGroups` sends it for every group. */
  NoRecordedGroup: 'no-recorded-group',
} as const;
export type RedriveSkip = (typeof RedriveSkip)[keyof typeof RedriveSkip];

export type RedriveDecision =
  | {
      readonly send: true;
      readonly topic: string;
      /** Undefined: place by key. */
      readonly partition?: number;
      /** The one group meant to process it (RedriveHeader.ForGroup); undefined: every group reading `topic`. */
      readonly forGroup?: string;
    }
  | { readonly send: false; readonly reason: RedriveSkip };

export interface RedriveRouteInput {
  readonly reading: DeadLetterReading;
  readonly alreadyRedriven: boolean;
  readonly force: boolean;
  readonly toTopic?: string;
  /** Send it without naming a group, so every group reading the destination processes it. */
  readonly allGroups: boolean;
  /** Partition count of an existing topic, undefined if it does not exist. */
  readonly partitionsOf: (topic: string) => number | undefined;
}

/**
 * Where one dead letter goes. Back to its source it returns to the partition it came from
 * (the header says which), so it lands among the same key's records and the same consumer
 * sees it; should that partition no longer exist the key decides. With `toTopic` the key
 * always decides: another topic's partitions mean nothing to the source's numbering.
 *
 * And for whom: the group that failed it, recorded in its dead-letter headers. Every group
 * reading the source processed the original already, except that one; sent for every group
 * (`allGroups`), the others would run their handlers on it a second time. A dead letter
 * that recorded no group is left for the operator to decide rather than sent to everyone.
 */
export function routeDeadLetter(input: RedriveRouteInput): RedriveDecision {
  const destination = destinationOf(input);
  if (!destination.send || input.allGroups) return destination;
  const group = input.reading.info?.consumerGroup;
  if (!group) return { send: false, reason: RedriveSkip.NoRecordedGroup };
  return { ...destination, forGroup: group };
}

function destinationOf(input: RedriveRouteInput): RedriveDecision {
  if (input.alreadyRedriven && !input.force) return { send: false, reason: RedriveSkip.AlreadyRedriven };
  if (input.toTopic !== undefined) return { send: true, topic: input.toTopic };
  const info = input.reading.info;
  if (!info) return { send: false, reason: RedriveSkip.NoContract };
  const partitions = input.partitionsOf(info.sourceTopic);
  if (partitions === undefined) return { send: false, reason: RedriveSkip.SourceTopicMissing };
  return { send: true, topic: info.sourceTopic, partition: info.sourcePartition < partitions ? info.sourcePartition : undefined };
}
