import type { GroupResetRequest, ResetTargetRequest } from '../../api/api-types';
import { parsePartitions } from '../../components/format';

export const TARGET_KINDS = ['earliest', 'latest', 'time', 'duration', 'offset', 'shift'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_HINTS: Record<TargetKind, string> = {
  earliest: '',
  latest: '',
  time: '2026-12-01T12:00:00Z or epoch millis',
  duration: '15m, 2h, 1d back from now',
  offset: 'an offset, e.g. 1200',
  shift: 'signed, e.g. -100 or +20',
};

export interface ResetFormValues {
  readonly topics: string;
  readonly partitions: string;
  readonly kind: TargetKind;
  readonly value: string;
}

/** The form as the API's request; throws a sentence for input it cannot send. */
export function resetRequestFrom(values: ResetFormValues): GroupResetRequest {
  const topics = values.topics.split(/[\s,]+/).filter(Boolean);
  if (topics.length === 0) throw new Error('Name at least one topic');
  const partitions = parsePartitions(values.partitions);
  const value = values.value.trim();
  let target: ResetTargetRequest;
  if (values.kind === 'earliest' || values.kind === 'latest') target = { kind: values.kind };
  else if (!value) throw new Error(`A ${values.kind} reset needs a value (${TARGET_HINTS[values.kind]})`);
  else target = { kind: values.kind, value };
  return { topics: topics.map((topic) => (partitions ? { topic, partitions } : { topic })), target };
}
