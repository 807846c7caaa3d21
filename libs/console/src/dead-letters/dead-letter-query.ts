import type { DeadLetterPageFilter } from '@eventline/ops';
import { badRequest } from '../errors/console.error';
import { oneValue, optionalInt, optionalTime } from '../http/query-params';

/** The filter fields of the dead-letter list, from a query string or a redrive body alike. */
export function deadLetterFilter(source: Record<string, unknown>, now: number): DeadLetterPageFilter {
  const fromTime = optionalTime('from', asText(source.from), now);
  const toTime = optionalTime('to', asText(source.to), now);
  if (fromTime !== undefined && toTime !== undefined && fromTime >= toTime) throw badRequest('to', 'to must be after from');
  return {
    errorCode: oneValue('errorCode', source.errorCode),
    sourceTopic: oneValue('sourceTopic', source.sourceTopic),
    sourcePartition: optionalInt('sourcePartition', asText(source.sourcePartition), { min: 0, max: 1_000_000 }),
    key: oneValue('key', source.key),
    eventType: oneValue('eventType', source.eventType),
    fromTime,
    toTime,
  };
}

/** A JSON body may carry a number where a query string carries its text. */
const asText = (value: unknown) => (typeof value === 'number' ? String(value) : value);
