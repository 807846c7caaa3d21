/**
 * Headers a replay or a redrive adds to every record it writes, saying where the record came
 * from. They are what makes a replay or a redrive traceable from the target alone, and the
 * replay checkpoint reads them back — so this module is the only place their names are
 * written. (The dead-letter header contract, which the runtime writes, is libs/runtime's
 * `dead-letter/dead-letter-headers.ts`.)
 */
export const ProvenanceHeader = {
  ReplayId: 'eventline-replay-id',
  ReplaySourceTopic: 'eventline-replay-source-topic',
  ReplaySourcePartition: 'eventline-replay-source-partition',
  ReplaySourceOffset: 'eventline-replay-source-offset',
  RedriveId: 'eventline-redrive-id',
  RedriveDlqTopic: 'eventline-redrive-dlq-topic',
  RedriveDlqPartition: 'eventline-redrive-dlq-partition',
  RedriveDlqOffset: 'eventline-redrive-dlq-offset',
} as const;
export type ProvenanceHeader = (typeof ProvenanceHeader)[keyof typeof ProvenanceHeader];

export interface ReplayProvenance {
  readonly replayId: string;
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  /** A string: offsets are int64. */
  readonly sourceOffset: string;
}

export function replayProvenanceHeaders(p: ReplayProvenance): Record<string, string> {
  return {
    [ProvenanceHeader.ReplayId]: p.replayId,
    [ProvenanceHeader.ReplaySourceTopic]: p.sourceTopic,
    [ProvenanceHeader.ReplaySourcePartition]: String(p.sourcePartition),
    [ProvenanceHeader.ReplaySourceOffset]: p.sourceOffset,
  };
}

export interface RedriveProvenance {
  readonly redriveId: string;
  readonly dlqTopic: string;
  readonly dlqPartition: number;
  readonly dlqOffset: string;
}

export function redriveProvenanceHeaders(p: RedriveProvenance): Record<string, string> {
  return {
    [ProvenanceHeader.RedriveId]: p.redriveId,
    [ProvenanceHeader.RedriveDlqTopic]: p.dlqTopic,
    [ProvenanceHeader.RedriveDlqPartition]: String(p.dlqPartition),
    [ProvenanceHeader.RedriveDlqOffset]: p.dlqOffset,
  };
}
