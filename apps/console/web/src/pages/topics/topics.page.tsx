import { useSearchParams } from 'react-router';
import { api, seg } from '../../api/api';
import type { TopicRecordsPage, TopicView } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useLoad } from '../../hooks/use-load';
import { apiQuery, queryFromParams, QUERY_FIELDS, type TopicQuery } from './topic-query';
import { TopicQueryForm } from './topic-query.form';
import { TopicRecordsTable } from './topic-records.table';

export function TopicsPage() {
  const topics = useLoad(() => api.get<TopicView[]>('/api/topics'), 'topics');
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const readable = Boolean(query.topic && query.partition);
  const page = useLoad(
    () => (readable ? api.get<TopicRecordsPage>(`/api/topics/${seg(query.topic)}/records`, apiQuery(query)) : Promise.resolve(null)),
    readable ? params.toString() : '',
  );
  const read = (next: TopicQuery) => {
    const search = new URLSearchParams();
    for (const field of QUERY_FIELDS) if (next[field]) search.set(field, next[field]);
    // Read again from the same place: new records may have arrived.
    if (search.toString() === params.toString()) page.reload();
    else setParams(search);
  };
  return (
    <section data-testid="topics-page">
      <h1>Topics</h1>
      <ErrorMessage error={topics.error} />
      {topics.data ? <TopicQueryForm key={params.toString()} topics={topics.data} query={query} onRead={read} /> : null}
      <ErrorMessage error={page.error} testId="topic-records-error" />
      {readable && page.loading && !page.data ? <p className="muted">Reading…</p> : null}
      {page.data ? (
        <>
          <p className="muted" data-testid="topic-records-info">
            {page.data.topic} partition {page.data.partition}: {page.data.records.length} record(s), scanned {page.data.scanned}
          </p>
          <TopicRecordsTable records={page.data.records} />
          <div className="actions">
            <button type="button" disabled={!page.data.nextOffset} onClick={() => read({ ...query, fromTime: '', fromOffset: page.data?.nextOffset ?? '' })} data-testid="topic-next">
              Next
            </button>
            {!page.data.nextOffset ? <span className="muted">End of the partition.</span> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
