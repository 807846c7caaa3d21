import { localInputToIso } from '../../components/format';

/** The explorer's state lives in the URL: shareable, and Back goes to the previous page read. */
export const QUERY_FIELDS = ['topic', 'partition', 'fromOffset', 'fromTime', 'limit', 'key', 'eventType', 'header'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];
export type TopicQuery = Record<QueryField, string>;

export const EXPLORER_PAGE_SIZE = '50';

export function queryFromParams(params: URLSearchParams): TopicQuery {
  const query = {} as TopicQuery;
  for (const field of QUERY_FIELDS) query[field] = params.get(field) ?? '';
  // The overview links here with only a topic: read its first partition.
  if (query.topic && !query.partition) query.partition = '0';
  return query;
}

/** What the API reads: everything but the topic (a path segment), times as ISO. */
export function apiQuery(query: TopicQuery): Record<string, string> {
  const { topic: _topic, ...rest } = query;
  return { ...rest, fromTime: localInputToIso(rest.fromTime), limit: rest.limit || EXPLORER_PAGE_SIZE };
}

/**
 * The event type of a record: the CloudEvents `ce_type` header (CloudEventHeader.Type in
 * @eventline/contracts; kept as a literal here so the bundle does not carry that library).
 */
export const EVENT_TYPE_HEADER = 'ce_type';
