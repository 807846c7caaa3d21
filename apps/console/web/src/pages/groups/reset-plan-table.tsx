import type { ResetRowView } from '../../api/api-types';
import { orDash } from '../../components/format';

export function ResetPlanTable({ rows, testId }: { readonly rows: readonly ResetRowView[]; readonly testId: string }) {
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>Topic</th>
          <th className="num">Partition</th>
          <th className="num">Earliest</th>
          <th className="num">Latest</th>
          <th className="num">Current</th>
          <th className="num">New</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.topic}:${row.partition}`} data-testid="reset-plan-row" data-topic={row.topic} data-partition={row.partition}>
            <td>{row.topic}</td>
            <td className="num">{row.partition}</td>
            <td className="num">{row.earliest}</td>
            <td className="num">{row.latest}</td>
            <td className="num" data-testid="reset-current">
              {orDash(row.current)}
            </td>
            <td className="num" data-testid="reset-next">
              → {row.next}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
