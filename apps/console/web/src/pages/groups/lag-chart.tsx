import type { LagSample } from '../../api/api-types';
import { formatTime } from '../../components/format';
import { LineChart } from '../../components/line-chart';

/** One line per `topic:partition` that appears in any sample (a partition may appear late). */
export function LagChart({ history }: { readonly history: readonly LagSample[] }) {
  if (history.length === 0) return <p className="muted" data-testid="lag-chart-empty">No samples yet: the console samples lag while it runs.</p>;
  const keys = [...new Set(history.flatMap((sample) => Object.keys(sample.lag)))].sort();
  return (
    <LineChart
      testId="lag-chart"
      labels={history.map((sample) => formatTime(sample.at))}
      series={keys.map((key) => ({ label: key, values: history.map((sample) => sample.lag[key] ?? null) }))}
    />
  );
}
