import type { DeadLetterFilter } from '../../api/api-types';

/** The filter fields, in the order the form shows them; each is also a query parameter. */
export const FILTER_FIELDS = ['errorCode', 'sourceTopic', 'sourcePartition', 'key', 'eventType', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The page's URL search params → the API's filter (from/to are ISO in the URL). */
export function filterFromParams(params: URLSearchParams): DeadLetterFilter {
  const text = (name: FilterField) => params.get(name)?.trim() || undefined;
  const partition = text('sourcePartition');
  const filter: Record<string, string | number> = {};
  for (const field of FILTER_FIELDS) {
    const value = text(field);
    if (value !== undefined && field !== 'sourcePartition') filter[field] = value;
  }
  if (partition !== undefined && /^\d+$/.test(partition)) filter['sourcePartition'] = Number(partition);
  return filter as DeadLetterFilter;
}

export function filterIsEmpty(filter: DeadLetterFilter): boolean {
  return Object.keys(filter).length === 0;
}
