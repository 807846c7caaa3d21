import { parseDuration, parseOffset, parseTimeSpec, type GroupResetRequest, type ResetTarget } from '@eventline/ops';
import { badRequest } from '../errors/console.error';
import { bodyObject } from '../http/query-params';

/** The reset form's body as the ops library's request; every field checked, the first problem named. */
export function resetRequest(groupId: string, raw: unknown, now: number): GroupResetRequest {
  const body = bodyObject(raw);
  if (!Array.isArray(body.topics) || body.topics.length === 0) throw badRequest('topics', 'name at least one topic to reset');
  const topics = body.topics.map((entry: unknown, i) => {
    const item = bodyObject(entry);
    if (typeof item.topic !== 'string' || item.topic === '') throw badRequest(`topics[${i}].topic`, 'each entry needs a topic');
    if (item.partitions === undefined || item.partitions === null) return { topic: item.topic };
    if (!Array.isArray(item.partitions) || !item.partitions.every((p) => Number.isInteger(p) && p >= 0)) {
      throw badRequest(`topics[${i}].partitions`, 'partitions must be a list of partition numbers');
    }
    return { topic: item.topic, partitions: item.partitions as number[] };
  });
  return { groupId, topics, target: resetTarget(body.target, now) };
}

function resetTarget(raw: unknown, now: number): ResetTarget {
  const target = bodyObject(raw ?? null);
  const value = typeof target.value === 'string' ? target.value.trim() : typeof target.value === 'number' ? String(target.value) : undefined;
  const needValue = (what: string) => {
    if (value === undefined || value === '') throw badRequest('target.value', `a ${target.kind} reset needs ${what}`);
    return value;
  };
  switch (target.kind) {
    case 'earliest':
      return { kind: 'earliest' };
    case 'latest':
      return { kind: 'latest' };
    case 'offset':
      return { kind: 'offset', offset: parseOffset(needValue('an offset'), 'target.value') };
    case 'time':
      return { kind: 'time', at: parseTimeSpec(needValue('a time (ISO 8601)'), now, 'target.value') };
    case 'duration':
      return { kind: 'time', at: now - parseDuration(needValue('a duration such as 15m'), 'target.value') };
    case 'shift': {
      const text = needValue('a signed number of records such as -100');
      if (!/^[+-]?\d{1,19}$/.test(text)) throw badRequest('target.value', `a shift is a signed whole number such as -100, not "${text}"`);
      return { kind: 'shift', by: BigInt(text) };
    }
    default:
      throw badRequest('target.kind', 'target.kind must be earliest, latest, time, duration, offset or shift');
  }
}
