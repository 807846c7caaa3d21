import { newRunId, parseOffset, parseRunId, parseTimeSpec, type OffsetPosition, type ReplayOptions } from '@eventline/ops';
import { badRequest } from '../errors/console.error';
import { bodyObject, optionalBodyString, requiredBodyString } from '../http/query-params';

/** The replay form's body as the ops library's options (a dry run unless `execute`). */
export function replayOptions(raw: unknown, now: number, execute: boolean): ReplayOptions {
  const body = bodyObject(raw);
  const partitions = body.partitions;
  if (partitions !== undefined && partitions !== null && (!Array.isArray(partitions) || !partitions.every((p) => Number.isInteger(p) && p >= 0))) {
    throw badRequest('partitions', 'partitions must be a list of partition numbers');
  }
  const replayId = optionalBodyString(body, 'replayId');
  return {
    sourceTopic: requiredBodyString(body, 'sourceTopic'),
    targetTopic: requiredBodyString(body, 'targetTopic'),
    from: position(body.from, 'from', ['earliest', 'offset', 'time'], now),
    to: position(body.to, 'to', ['latest', 'offset', 'time'], now),
    partitions: Array.isArray(partitions) && partitions.length > 0 ? (partitions as number[]) : undefined,
    filter: { key: optionalBodyString(body, 'key'), type: optionalBodyString(body, 'eventType') },
    // Each record keeps its partition (the source's order exactly) unless the operator asks to place by key.
    keepPartitions: body.byKey !== true,
    // The plan names the id; running that plan passes it back, so a re-run resumes the same replay.
    replayId: replayId !== undefined ? parseRunId(replayId, 'replayId') : newRunId('replay', now),
    dryRun: !execute,
    createTarget: body.createTarget === true,
    forGroup: optionalBodyString(body, 'forGroup'),
  };
}

function position(raw: unknown, field: 'from' | 'to', kinds: readonly string[], now: number): OffsetPosition {
  const spec = bodyObject(raw ?? { kind: field === 'from' ? 'earliest' : 'latest' });
  const kind = spec.kind;
  if (typeof kind !== 'string' || !kinds.includes(kind)) throw badRequest(`${field}.kind`, `${field}.kind must be ${kinds.join(', ')}`);
  const value = typeof spec.value === 'string' ? spec.value.trim() : typeof spec.value === 'number' ? String(spec.value) : '';
  if (kind === 'earliest' || kind === 'latest') return { kind };
  if (value === '') throw badRequest(`${field}.value`, `${field} by ${kind} needs a value`);
  return kind === 'offset' ? { kind, offset: parseOffset(value, `${field}.value`) } : { kind: 'time', at: parseTimeSpec(value, now, `${field}.value`) };
}
