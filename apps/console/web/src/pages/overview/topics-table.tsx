import { Link } from 'react-router';
import type { OverviewTopic } from '../../api/api-types';

export function TopicsTable({ topics }: { readonly topics: readonly OverviewTopic[] }) {
  if (topics.length === 0) return <p className="muted">No topics.</p>;
  return (
    <table data-testid="topics-table">
      <thead>
        <tr>
          <th>Topic</th>
          <th className="num">Partitions</th>
          <th className="num">Records held</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {topics.map((topic) => (
          <tr key={topic.name} data-testid="topic-row" data-topic={topic.name}>
            <td>
              <Link to={`/topics?topic=${encodeURIComponent(topic.name)}`}>{topic.name}</Link>
            </td>
            <td className="num">{topic.partitions}</td>
            <td className="num">{topic.records}</td>
            <td>{topic.deadLetterTopic ? <span className="badge">dead letters</span> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
