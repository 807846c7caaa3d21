import { Link } from 'react-router';
import { api, seg } from '../../api/api';
import type { DeadLetterTopicView } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useLoad } from '../../hooks/use-load';

export function DeadLetterTopicsPage() {
  const topics = useLoad(() => api.get<DeadLetterTopicView[]>('/api/dead-letters'), 'dead-letters');
  return (
    <section data-testid="dead-letter-topics-page">
      <div className="page-head">
        <h1>Dead letters</h1>
        <button type="button" onClick={topics.reload}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={topics.error} />
      {topics.loading ? <p className="muted">Loading…</p> : null}
      {topics.data && topics.data.length === 0 ? <p className="muted">No dead-letter topics.</p> : null}
      {topics.data && topics.data.length > 0 ? (
        <table data-testid="dead-letter-topics">
          <thead>
            <tr>
              <th>Dead-letter topic</th>
              <th>Source topic</th>
              <th className="num">Partitions</th>
              <th className="num">Records</th>
            </tr>
          </thead>
          <tbody>
            {topics.data.map((t) => (
              <tr key={t.topic} data-testid="dead-letter-topic-row" data-topic={t.topic}>
                <td>
                  <Link to={`/dead-letters/${seg(t.topic)}`}>{t.topic}</Link>
                </td>
                <td>{t.sourceTopic}</td>
                <td className="num">{t.partitions}</td>
                <td className="num" data-testid="dead-letter-topic-count">
                  {t.count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
