import type { ReplayRequest } from '../../api/api-types';
import { localInputToIso, parsePartitions } from '../../components/format';

export interface ReplayFormValues {
  readonly sourceTopic: string;
  readonly targetTopic: string;
  readonly fromKind: ReplayRequest['from']['kind'];
  readonly fromValue: string;
  readonly toKind: ReplayRequest['to']['kind'];
  readonly toValue: string;
  readonly partitions: string;
  readonly key: string;
  readonly eventType: string;
  readonly forGroup: string;
  readonly createTarget: boolean;
}

export const EMPTY_REPLAY_FORM: ReplayFormValues = {
  sourceTopic: '',
  targetTopic: '',
  fromKind: 'earliest',
  fromValue: '',
  toKind: 'latest',
  toValue: '',
  partitions: '',
  key: '',
  eventType: '',
  forGroup: '',
  createTarget: false,
};

/** An offset stays a decimal string; a time input (local) goes as ISO. */
function position(kind: string, value: string): string | undefined {
  if (kind === 'offset') {
    if (!/^\d+$/.test(value.trim())) throw new Error(`"${value}" is not an offset`);
    return value.trim();
  }
  if (kind === 'time') {
    if (!value) throw new Error('Pick a time');
    return localInputToIso(value);
  }
  return undefined;
}

/** The form as the API's request; throws a sentence for input it cannot send. */
export function replayRequestFrom(v: ReplayFormValues): ReplayRequest {
  if (!v.sourceTopic.trim()) throw new Error('Name the source topic');
  if (!v.targetTopic.trim()) throw new Error('Name the target topic');
  const fromValue = position(v.fromKind, v.fromValue);
  const toValue = position(v.toKind, v.toValue);
  const partitions = parsePartitions(v.partitions);
  return {
    sourceTopic: v.sourceTopic.trim(),
    targetTopic: v.targetTopic.trim(),
    from: fromValue === undefined ? { kind: v.fromKind } : { kind: v.fromKind, value: fromValue },
    to: toValue === undefined ? { kind: v.toKind } : { kind: v.toKind, value: toValue },
    ...(partitions ? { partitions } : {}),
    ...(v.key.trim() ? { key: v.key.trim() } : {}),
    ...(v.eventType.trim() ? { eventType: v.eventType.trim() } : {}),
    ...(v.forGroup.trim() ? { forGroup: v.forGroup.trim() } : {}),
    ...(v.createTarget ? { createTarget: true } : {}),
  };
}
