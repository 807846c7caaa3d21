import { Link } from 'react-router';
import { seg } from '../../api/api';
import type { OverviewDeadLetters } from '../../api/api-types';
import { formatTime } from '../../components/format';
import { LineChart } from '../../components/line-chart';

export function DeadLetterCounts({ deadLetters }: { readonly deadLetters: readonly OverviewDeadLetters[] }) {
  if (deadLetters.length === 0) return <p className="muted">No dead-letter topics.</p>;
  return (
    <table data-testid="dead-letter-counts">
      <thead>
        <tr>
          <th>Dead-letter topic</th>
          <th>Source topic</th>
          <th className="num">Records</th>
          <th>Trend</th>
        </tr>
      </thead>
      <tbody>
        {deadLetters.map((dl) => (
          <tr key={dl.topic} data-testid="dead-letter-count-row" data-topic={dl.topic}>
            <td>
              <Link to={`/dead-letters/${seg(dl.topic)}`}>{dl.topic}</Link>
            </td>
            <td>{dl.sourceTopic}</td>
            <td className="num" data-testid="dead-letter-count">
              {dl.count}
            </td>
            <td className="trend-cell">
              {dl.trend.length > 1 ? (
                <LineChart compact height={36} labels={dl.trend.map((s) => formatTime(s.at))} series={[{ label: dl.topic, values: dl.trend.map((s) => s.count) }]} />
              ) : (
                <span className="muted">collecting…</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
