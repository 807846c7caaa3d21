import type { IHeaders } from 'kafkajs';

/**
 * What makes an event checkable: a unique id (the CloudEvents `ce_id`), a key, and the
 * event's position in its key's stream. The sequence travels in its own header so the
 * checker reads it the same way from decoded events, raw records and dead letters.
 */
export const StampHeader = {
  Id: 'ce_id',
  Sequence: 'reliability-seq',
} as const;
export type StampHeader = (typeof StampHeader)[keyof typeof StampHeader];

export interface EventStamp {
  readonly id: string;
  readonly key: string;
  /** 1 for a key's first event; n+1 is always produced after n. */
  readonly seq: number;
}

/** Reads the stamp off a record; undefined when the record carries none (not a checked event). */
export function readStamp(key: Buffer | string | null | undefined, headers: IHeaders | undefined): EventStamp | undefined {
  const id = headers?.[StampHeader.Id]?.toString();
  const seqText = headers?.[StampHeader.Sequence]?.toString();
  if (!id || !seqText || key === null || key === undefined) return undefined;
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq) || seq < 1) return undefined;
  return { id, key: key.toString(), seq };
}

/** The id of event `seq` of `key` in one run: readable in a report and unique per run. */
export function stampId(runId: string, key: string, seq: number): string {
  return `${runId}:${key}:${seq}`;
}
