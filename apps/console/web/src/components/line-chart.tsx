import { CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';

// Only what the two charts use (lag per partition, dead-letter trend): keeps the bundle small.
// Chart.js draws on a canvas and sets sizes through the CSSOM, which `style-src 'self'` allows.
Chart.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

export interface ChartSeries {
  readonly label: string;
  /** Decimal strings from the API; turned into numbers here only, for the axis. */
  readonly values: readonly (string | null)[];
}

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];

export function LineChart({
  labels,
  series,
  height = 220,
  compact = false,
  testId,
}: {
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly height?: number;
  readonly compact?: boolean;
  readonly testId?: string;
}) {
  const data = {
    labels: [...labels],
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.values.map((v) => (v === null ? null : Number(v))),
      borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length],
      borderWidth: compact ? 1.5 : 2,
      pointRadius: compact ? 0 : 2,
    })),
  };
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: !compact && series.length > 1, position: 'bottom' }, tooltip: { enabled: !compact } },
    scales: {
      x: { display: !compact, ticks: { maxTicksLimit: 8 } },
      y: { display: !compact, beginAtZero: true, ticks: { precision: 0 } },
    },
  };
  return (
    <div className={compact ? 'chart chart-compact' : 'chart'} data-testid={testId} style={{ height }}>
      <Line data={data} options={options} />
    </div>
  );
}
