import type { PartitionLag } from '../../api/api-types';
import { orDash } from '../../components/format';

export function PartitionsTable({ partitions }: { readonly partitions: readonly PartitionLag[] }) {
  if (partitions.length === 0) return <p className="muted">The group has committed no offsets and owns no partitions.</p>;
  return (
    <table data-testid="partitions-table">
      <thead>
        <tr>
          <th>Topic</th>
          <th className="num">Partition</th>
          <th className="num">Committed</th>
          <th className="num">Latest</th>
          <th className="num">Lag</th>
          <th>Owner</th>
        </tr>
      </thead>
      <tbody>
        {partitions.map((p) => (
          <tr key={`${p.topic}:${p.partition}`} data-testid="partition-row" data-topic={p.topic} data-partition={p.partition}>
            <td>{p.topic}</td>
            <td className="num">{p.partition}</td>
            <td className="num" data-testid="partition-committed">
              {orDash(p.committed)}
            </td>
            <td className="num" data-testid="partition-latest">
              {p.latest}
            </td>
            <td className="num" data-testid="partition-lag">
              {orDash(p.lag)}
            </td>
            <td className="mono truncate" title={p.owner ?? undefined}>
              {orDash(p.owner)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
