import type { ReplayPlanView } from '../../api/api-types';

export function ReplayPlanTable({ plan }: { readonly plan: ReplayPlanView }) {
  return (
    <div data-testid="replay-plan-view">
      <dl className="facts">
        <dt>Replay id</dt>
        <dd className="mono" data-testid="replay-plan-id">
          {plan.replayId}
        </dd>
        <dt>From → to</dt>
        <dd>
          {plan.sourceTopic} → {plan.targetTopic}
          {plan.willCreateTarget ? <span className="badge warn"> will create {plan.targetTopic}</span> : null}
        </dd>
        <dt>Partitioning</dt>
        <dd>{plan.partitionMode}</dd>
        <dt>Remaining to copy</dt>
        <dd data-testid="replay-remaining">{plan.remaining}</dd>
        {plan.matching !== null ? (
          <>
            <dt>Matching the filters</dt>
            <dd data-testid="replay-matching">{plan.matching}</dd>
          </>
        ) : null}
      </dl>
      <table data-testid="replay-plan-table">
        <thead>
          <tr>
            <th className="num">Partition</th>
            <th className="num">From</th>
            <th className="num">To</th>
            <th className="num">Records</th>
            <th className="num">Remaining</th>
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((row) => (
            <tr key={row.partition} data-testid="replay-plan-row" data-partition={row.partition}>
              <td className="num">{row.partition}</td>
              <td className="num">{row.from}</td>
              <td className="num">{row.to}</td>
              <td className="num">{row.count}</td>
              <td className="num">{row.remaining}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
